/**
 * A real Chromium for the pages' tests: Debian's `chromium` package (no browser download
 * works here), driven by playwright-core through its executable path. CHROMIUM_PATH names
 * another; as root Chromium needs --no-sandbox.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { PROJECT_ROOT } from '../../core/config.ts';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`no Chromium at ${CHROMIUM_PATH}: install Debian's chromium package (apt-get install chromium; .ci/run does) or set CHROMIUM_PATH`);
  }
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: asRoot ? ['--no-sandbox'] : [], timeout: 60_000 });
}

/**
 * Where the tests save their screenshots: docs/screenshots/ (shown by the README) when
 * UPDATE_SCREENSHOTS=1, else test-results/screenshots/ (git-ignored), so a test run does not
 * change the committed pictures, whose date line changes every day.
 */
export function screenshotDir(): string {
  const dir = process.env['UPDATE_SCREENSHOTS'] === '1' ? path.join(PROJECT_ROOT, 'docs', 'screenshots') : path.join(PROJECT_ROOT, 'test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}
