/**
 * The pages' templates: Nunjucks, which govuk-frontend's macros are written in, with every
 * value escaped unless a filter below builds safe HTML from escaped parts. Templates live in
 * web/templates/; govuk-frontend's macros are found under its dist/ folder.
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';

const WEB_DIR = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
/** govuk-frontend's dist/ folder: its macros are `govuk/components/<name>/macro.njk`, its assets `govuk/assets/`. */
export const GOVUK_FRONTEND_DIST = path.join(path.dirname(require.resolve('govuk-frontend/package.json')), 'dist');

/** A catalogue string with its `{name}` placeholders filled in (values as text; escaping is the template's). */
export function format(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 2024-09-01 as "1 September 2024", as GOV.UK writes dates. */
export function longDay(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined || Number.isNaN(year)) return iso;
  return `${day} ${MONTHS[month - 1] ?? ''} ${year}`;
}

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * `text` with its modal verb marked: the part from `start` to `end` (or, without offsets, the
 * first occurrence of `trigger`) in a <strong class="app-modal-verb">, everything escaped.
 */
export function markModal(text: string, trigger: string, start?: number | null, end?: number | null): string {
  let from = start ?? -1;
  let to = end ?? -1;
  if (from < 0 || to > text.length || text.slice(from, to).toLowerCase() !== trigger.toLowerCase()) {
    const found = new RegExp(`\\b${trigger.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').exec(text);
    if (found === null) return escapeHtml(text);
    from = found.index;
    to = found.index + found[0].length;
  }
  return `${escapeHtml(text.slice(0, from))}<strong class="app-modal-verb">${escapeHtml(text.slice(from, to))}</strong>${escapeHtml(text.slice(to))}`;
}

/** The Nunjucks environment of the pages (one per server). */
export function createTemplates(): nunjucks.Environment {
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader([path.join(WEB_DIR, 'templates'), GOVUK_FRONTEND_DIST], { noCache: false }),
    { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true },
  );
  env.addFilter('format', (template: string, values: Record<string, string | number>) => format(template, values));
  env.addFilter('longDay', (iso: string | null | undefined) => (iso === null || iso === undefined ? '' : longDay(iso)));
  env.addFilter('markModal', (text: string, trigger: string, start?: number, end?: number) => new nunjucks.runtime.SafeString(markModal(text, trigger, start, end)));
  return env;
}
