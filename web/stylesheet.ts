/**
 * The pages' stylesheet, compiled from web/styles/app.scss with sass (govuk-frontend's Sass,
 * with our typeface and our own rules). Compiling takes seconds, so the result is kept in
 * web/styles/build/ (git-ignored) beside a stamp of what it was compiled from, and compiled
 * again only when the source or govuk-frontend changes. `npm start` and `npm test` compile it
 * before they begin (web/build-styles.ts); a server that finds none compiles it once.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as sass from 'sass';
import { GOVUK_FRONTEND_DIST } from './render.ts';

const STYLES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'styles');
const SOURCE = path.join(STYLES_DIR, 'app.scss');
const BUILD_DIR = path.join(STYLES_DIR, 'build');
const OUTPUT = path.join(BUILD_DIR, 'app.css');
const STAMP = path.join(BUILD_DIR, 'app.css.stamp');
const NODE_MODULES = path.resolve(GOVUK_FRONTEND_DIST, '..', '..');

function stampOfSources(): string {
  const govukVersion = (JSON.parse(readFileSync(path.join(GOVUK_FRONTEND_DIST, '..', 'package.json'), 'utf8')) as { version: string }).version;
  return createHash('sha256').update(readFileSync(SOURCE)).update(`govuk-frontend@${govukVersion}`).update(`sass@${sass.info}`).digest('hex');
}

/** The compiled stylesheet, compiling it first when there is none or it is out of date. */
export async function stylesheet(): Promise<string> {
  const stamp = stampOfSources();
  if (existsSync(OUTPUT) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === stamp) return readFileSync(OUTPUT, 'utf8');
  const result = await sass.compileAsync(SOURCE, { loadPaths: [NODE_MODULES], style: 'compressed', quietDeps: true });
  mkdirSync(BUILD_DIR, { recursive: true });
  // Written whole and then renamed, so that a server reading it meanwhile never sees half of it.
  const partial = `${OUTPUT}.${process.pid}.tmp`;
  writeFileSync(partial, result.css);
  renameSync(partial, OUTPUT);
  writeFileSync(STAMP, stamp);
  return result.css;
}
