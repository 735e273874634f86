/// <reference lib="dom" />
/**
 * The web pages in a real browser (issue 11; README "The pages"): Debian's Chromium driven by
 * playwright-core against the real server over the seeded Code. What a policy officer does —
 * search, filter, open an obligation and follow its trace to the Act, change the day, download
 * the CSV — each compared with the API's own answer; axe-core on every page type; the search
 * again with JavaScript off; hostile input shown as text; nothing fetched from elsewhere.
 * Each page type is saved as a screenshot (test/support/browser.ts says where).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotDir } from '../support/browser.ts';
import { dataOf, useSeededServer } from '../support/seeded.ts';

const server = useSeededServer();
const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
let context: BrowserContext;
/** Every URL the pages asked for, to prove that nothing leaves the server. */
const requested: string[] = [];
/** Every error the pages' consoles reported (a refused script or style shows here). */
const consoleErrors: string[] = [];

const base = (): string => server.app.url.replace(/\/graphql$/, '');

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  // On a busy machine a page's first load can be slow; a real regression still fails within the minute.
  context.setDefaultTimeout(60_000);
  // The stylesheet is compiled before npm test begins; this waits for it when the test is run on its own after a change.
  expect((await fetch(`${base()}/assets/app.css`)).status).toBe(200);
  context.on('request', (request) => requested.push(request.url()));
  context.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

async function open(url: string): Promise<Page> {
  const page = await context.newPage();
  const response = await page.goto(`${base()}${url}`);
  expect(response?.status(), url).toBe(200);
  return page;
}

/** The keys of the obligations a list on the page shows, in order. */
const shownKeys = (page: Page, within = 'main'): Promise<string[]> =>
  page.locator(`${within} [data-obligation]`).evaluateAll((items) => items.map((item) => item.getAttribute('data-obligation') ?? ''));

/** Every obligation key the API gives for a filter, in reading order. */
async function apiKeys(filter: Record<string, unknown>): Promise<{ totalCount: number; keys: string[] }> {
  const { obligations } = await dataOf<{ obligations: { totalCount: number; nodes: { key: string }[] } }>(
    server,
    'query ($filter: ObligationFilter) { obligations(filter: $filter, first: 100) { totalCount nodes { key } } }',
    { filter },
  );
  return { totalCount: obligations.totalCount, keys: obligations.nodes.map((node) => node.key) };
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshotDir(), `${name}.png`), fullPage: false });
}

/** axe-core's violations of WCAG 2.2 AA (and best practice) on the page, by rule. */
async function axeViolations(page: Page): Promise<{ id: string; nodes: string[] }[]> {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(options: unknown): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    return axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
  });
  return result.violations.map((violation) => ({ id: violation.id, nodes: violation.nodes.map((node) => JSON.stringify(node.target)) }));
}

/** The levels of the page's headings, in order: one h1, and never a level skipped going down. */
async function headingLevels(page: Page): Promise<number[]> {
  return page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((headings) => headings.map((h) => Number(h.tagName.slice(1))));
}

const PAGE_TYPES: [string, string][] = [
  ['home', '/'],
  ['search', '/search?q=fees'],
  ['search-filtered', '/search?appliesTo=local-health-board&force=REQUIREMENT'],
  ['obligation', '/obligations/S8/2'],
  ['provision', '/provisions/S8'],
  ['revision', '/revisions/2024-09-01'],
  ['body', '/bodies/local-health-board'],
  ['legislation', '/legislation'],
  ['instrument', '/legislation/ukpga/2010/15'],
  ['section', '/legislation/anaw/2014/4/section/145'],
  ['no-revision-in-force', '/search?q=fees&asOf=2024-08-31'],
];

describe('the pages in Chromium', () => {
  it('finds the obligations of Standard 8 when searching for "fee", the same as the API', async () => {
    const page = await open('/');
    await page.getByLabel('Search the obligations of the Code').fill('fee');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/\/search\?q=fee/);
    const keys = await shownKeys(page);
    expect(keys).toEqual((await apiKeys({ text: 'fee' })).keys);
    expect(keys).toEqual(expect.arrayContaining(['S8/2', 'S8/3']));
    // The modal verb of each result is marked.
    expect(await page.locator('[data-obligation="S8/2"] .app-modal-verb').textContent()).toMatch(/^(must|should|may)/i);
    await page.close();
  });

  it('filters to local health boards and requirements, counting what the API counts, with counts beside the options', async () => {
    const page = await open('/search');
    await page.getByRole('checkbox', { name: /^Local health board \(\d+\)$/ }).check();
    await page.getByRole('checkbox', { name: /^Requirement \(\d+\)$/ }).check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/appliesTo=local-health-board/);
    expect(new URL(page.url()).searchParams.getAll('force')).toEqual(['REQUIREMENT']);
    const api = await apiKeys({ appliesTo: 'local-health-board', force: 'REQUIREMENT' });
    expect(Number(await page.locator('[data-app-count]').first().getAttribute('data-app-count'))).toBe(api.totalCount);
    const firstPage = await shownKeys(page);
    expect(firstPage).toEqual(api.keys.slice(0, 20));
    // The option's count is what ticking it gave.
    const label = await page.getByRole('checkbox', { name: /^Requirement \(\d+\)$/ }).evaluate((input) => document.querySelector(`label[for="${input.id}"]`)?.textContent ?? '');
    expect(label.replace(/\s+/g, ' ').trim()).toBe(`Requirement (${api.totalCount})`);
    await page.close();
  });

  it("opens an obligation and follows its trace to section 145, with the section's legislation.gov.uk link", async () => {
    const page = await open('/search?q=fees');
    await page.locator('[data-obligation="S8/2"] h3 a').click();
    await page.waitForURL(/\/obligations\/S8\/2$/);
    expect(await page.locator('h1').textContent()).toBe('Obligation S8/2');
    const step = page.locator('[data-app-trace] [data-kind="ENABLING_PROVISION"][data-key="anaw/2014/4/section/145"]');
    await expect.poll(() => step.count()).toBe(1);
    expect(await step.locator('a[rel="external"]').getAttribute('href')).toBe('https://www.legislation.gov.uk/anaw/2014/4/section/145');
    await step.locator('a:not([rel])').click();
    await page.waitForURL(/\/legislation\/anaw\/2014\/4\/section\/145$/);
    expect(await page.locator('h1').textContent()).toMatch(/^Section 145/);
    expect(await page.locator('[data-app-legislation-link]').getAttribute('href')).toBe('https://www.legislation.gov.uk/anaw/2014/4/section/145');
    await page.close();
  });

  it('shows a banner on a day when no revision of the Code was in force', async () => {
    const page = await open('/search?q=fees');
    await page.getByLabel('Show the Code as at').fill('2024-08-31');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.waitForURL(/asOf=2024-08-31/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('fees');
    const banner = page.locator('[data-app-banner="as-at"]');
    expect(await banner.textContent()).toContain('No revision of the Code was in force on 31 August 2024.');
    expect(await banner.getByRole('link').getAttribute('href')).toBe('/search?q=fees&asOf=2024-09-01');
    await page.close();
  });

  it('links the revision the home page shows to its page, and shows no link on a day with no revision in force', async () => {
    const page = await open('/');
    const link = page.getByRole('link', { name: 'About this revision: its dates and history' });
    expect(await link.count()).toBe(1);
    expect(await link.getAttribute('href')).toBe('/revisions/2024-09-01');
    await link.click();
    await page.waitForURL(/\/revisions\/2024-09-01$/);
    expect(await page.locator('h1').getAttribute('data-app-revision')).toBe('2024-09-01');
    await page.close();
    const before = await open('/?asOf=2024-08-31');
    expect(await before.locator('a[href^="/revisions/"]').count()).toBe(0);
    await before.close();
  });

  it("shows the \"as at\" form on the home and provision pages, and neither the form nor the banner on a revision's page", async () => {
    for (const url of ['/', '/provisions/S8', '/?asOf=2024-08-31']) {
      const page = await open(url);
      expect(await page.locator('form.app-as-at').count(), url).toBe(1);
      expect(await page.getByLabel('Show the Code as at').isVisible(), url).toBe(true);
      // On 31 August 2024 no revision was in force: the banner says so (on a revision's page, below, it does not).
      expect(await page.locator('[data-app-banner="as-at"]').count(), url).toBe(url.includes('asOf') ? 1 : 0);
      await page.close();
    }
    for (const url of ['/revisions/2024-09-01', '/revisions/2024-09-01?asOf=2024-08-31']) {
      const page = await open(url);
      expect(await page.locator('form.app-as-at').count(), url).toBe(0);
      expect(await page.locator('#as-at').count(), url).toBe(0);
      expect(await page.locator('[data-app-banner]').count(), url).toBe(0);
      expect(await page.locator('h1').getAttribute('data-app-revision'), url).toBe('2024-09-01');
      await page.close();
    }
  });

  it('downloads the CSV of exactly what the search shows', async () => {
    const page = await open('/search?appliesTo=local-health-board&force=REQUIREMENT&standard=S7&standard=S8');
    const shown = await shownKeys(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-app-csv]').click()]);
    const text = readFileSync(await download.path(), 'utf8');
    const rows: string[][] = parseCsv(text, { bom: true });
    expect(rows[1]?.[0]).toBe('key');
    expect(rows.slice(2).map((row) => row[0])).toEqual(shown);
    expect(shown).toEqual((await apiKeys({ appliesTo: 'local-health-board', force: 'REQUIREMENT', anyOf: { standard: ['S7', 'S8'] } })).keys);
    await page.close();
  });

  it("offers the CSV of a provision's obligations, the same as the page lists", async () => {
    const page = await open('/provisions/S8');
    const shown = await shownKeys(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-app-csv]').click()]);
    const rows: string[][] = parseCsv(readFileSync(await download.path(), 'utf8'), { bom: true });
    expect(rows.slice(2).map((row) => row[0])).toEqual(shown);
    expect(shown).toEqual((await apiKeys({ provision: 'S8' })).keys);
    await page.close();
  });

  it('searches with JavaScript disabled', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(`${base()}/search`);
    await page.getByLabel('Words', { exact: true }).fill('fees');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/q=fees/);
    expect(await shownKeys(page)).toEqual(['S7/2', 'S7/3', 'S8/2', 'S8/3']);
    expect(await page.evaluate(() => document.body.classList.contains('js-enabled'))).toBe(false);
    await noScript.close();
  });

  it('shows hostile input as text and runs none of it', async () => {
    for (const words of ['<script>window.pwned = 1</script>', '"><img src=x onerror="window.pwned = 1">']) {
      const page = await open(`/search?q=${encodeURIComponent(words)}`);
      expect(await page.locator('h1').textContent()).toBe(`Obligations matching “${words}”`);
      expect(await page.locator('#q').inputValue()).toBe(words);
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
      await page.close();
    }
  });

  it('starts with a skip link a keyboard reaches first, and prints an obligation without the page furniture', async () => {
    const page = await open('/obligations/S8/2');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.locator('[data-app-trace]').isVisible()).toBe(true);
    await page.close();
  });

  it.each(PAGE_TYPES)('%s (%s): no axe violations, headings in order, nothing from elsewhere; screenshot saved', async (name, url) => {
    const before = requested.length;
    const page = await open(url);
    await page.waitForLoadState('networkidle');
    const violations = await axeViolations(page);
    console.info(`axe on ${name} (${url}): ${violations.length} violations`);
    expect(violations).toEqual([]);
    const levels = await headingLevels(page);
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    levels.forEach((level, index) => expect(level - (levels[index - 1] ?? 1), `heading ${index} of ${url}`).toBeLessThanOrEqual(1));
    expect(requested.slice(before).filter((u) => !u.startsWith(base()))).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await screenshot(page, name);
    await page.close();
  });

  it('answers an unknown obligation with a 404 page, and a day that is not a day with a 400 page saying what to give', async () => {
    const page = await context.newPage();
    const missing = await page.goto(`${base()}/obligations/S8/99`);
    expect(missing?.status()).toBe(404);
    expect(await page.locator('[data-app-problem]').textContent()).toContain('S8/99');
    const badDay = await page.goto(`${base()}/?asOf=2024-02-30`);
    expect(badDay?.status()).toBe(400);
    expect(await page.locator('[data-app-problem]').textContent()).toBe('"2024-02-30" is not a day. Enter a day as year-month-day, for example 2024-09-01.');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
