/**
 * The links of a piece of legislation, derived from its key and nowhere else
 * (docs/graph-model.md, "Provenance"). An instrument or provision whose key is a
 * legislation.gov.uk identifier (`anaw/2014/4`, `mwa/2011/1`, `wsi/2011/1064`,
 * `anaw/2014/4/section/145`, `ukpga/2006/42/section/17/9`, `wsi/2011/1064/regulation/18`) has
 * two links, each of one form only:
 *
 * - `uri`, the identifier URI legislation.gov.uk recommends linking to
 *   (`http://www.legislation.gov.uk/id/anaw/2014/4/section/145`: it answers 303 to the current
 *   version, and it is the identifier legislation.gov.uk's own data uses);
 * - `url`, the page a person reads (`https://www.legislation.gov.uk/anaw/2014/4/section/145`:
 *   the document URI, over HTTPS, which shows the current version, or the version as made or
 *   enacted where there is no revised one).
 *
 * Pure: the seed writes both on the nodes it merges (seed/write-graph.ts), and the tests check
 * every node of the catalogue and of the graph against this module.
 */
import type { InstrumentKind } from '../core/vocabulary.ts';

/** Primary legislation is made by a legislature; secondary legislation is made under it. */
export const LEGISLATION_LEVELS = ['PRIMARY', 'SECONDARY'] as const;
export type LegislationLevel = (typeof LEGISLATION_LEVELS)[number];

/**
 * legislation.gov.uk's type codes (the first part of its paths), with the level the site files
 * each under ("Primary legislation" or "Secondary legislation" in its browse pages).
 */
export const LEGISLATION_TYPES: Readonly<Record<string, { level: LegislationLevel; name: string }>> = {
  ukpga: { level: 'PRIMARY', name: 'UK Public General Act' },
  ukla: { level: 'PRIMARY', name: 'UK Local Act' },
  ukppa: { level: 'PRIMARY', name: 'UK Private and Personal Act' },
  asc: { level: 'PRIMARY', name: 'Act of Senedd Cymru' },
  anaw: { level: 'PRIMARY', name: 'Act of the National Assembly for Wales' },
  mwa: { level: 'PRIMARY', name: 'Measure of the National Assembly for Wales' },
  asp: { level: 'PRIMARY', name: 'Act of the Scottish Parliament' },
  nia: { level: 'PRIMARY', name: 'Act of the Northern Ireland Assembly' },
  mnia: { level: 'PRIMARY', name: 'Measure of the Northern Ireland Assembly' },
  apni: { level: 'PRIMARY', name: 'Act of the Northern Ireland Parliament' },
  nisi: { level: 'PRIMARY', name: 'Northern Ireland Order in Council' },
  ukcm: { level: 'PRIMARY', name: 'Church Measure' },
  aosp: { level: 'PRIMARY', name: 'Act of the Old Scottish Parliament' },
  aep: { level: 'PRIMARY', name: 'Act of the English Parliament' },
  aip: { level: 'PRIMARY', name: 'Act of the Old Irish Parliament' },
  apgb: { level: 'PRIMARY', name: 'Act of the Parliament of Great Britain' },
  uksi: { level: 'SECONDARY', name: 'UK Statutory Instrument' },
  wsi: { level: 'SECONDARY', name: 'Wales Statutory Instrument' },
  ssi: { level: 'SECONDARY', name: 'Scottish Statutory Instrument' },
  nisr: { level: 'SECONDARY', name: 'Northern Ireland Statutory Rule' },
  ukmo: { level: 'SECONDARY', name: 'UK Ministerial Order' },
  ukci: { level: 'SECONDARY', name: 'Church Instrument' },
  uksro: { level: 'SECONDARY', name: 'UK Statutory Rule or Order' },
  nisro: { level: 'SECONDARY', name: 'Northern Ireland Statutory Rule or Order' },
};

/**
 * A legislation.gov.uk path as our keys write it: type, year, number, then optionally a
 * section, regulation, article, schedule or part and its number, and a subsection
 * (docs/graph-model.md, "Keys"; seed/data/CATALOGUE.md, `key`).
 */
const LEGISLATION_KEY = /^([a-z]+)\/(\d{4})\/(\d{1,5})(?:\/(section|regulation|article|schedule|part)\/(\d{1,4}[A-Z]{0,3})(?:\/(\d{1,3}[A-Z]{0,3}))?)?$/;

const IDENTIFIER_ROOT = 'http://www.legislation.gov.uk/id/';
const PAGE_ROOT = 'https://www.legislation.gov.uk/';

export interface LegislationLinks {
  /** The identifier URI legislation.gov.uk recommends linking to: http://www.legislation.gov.uk/id/<key>. */
  uri: string;
  /** The page a person reads: https://www.legislation.gov.uk/<key>. */
  url: string;
  /** The type code, such as anaw or wsi. */
  type: string;
  level: LegislationLevel;
  /** The key of the whole instrument (anaw/2014/4 for anaw/2014/4/section/145). */
  instrumentKey: string;
}

/**
 * The links of a key that is a legislation.gov.uk identifier (a known type code, a year, a
 * number, and optionally a provision), or null for any other key (code/part-2, convention/uncrc).
 */
export function legislationLinks(key: string): LegislationLinks | null {
  const match = LEGISLATION_KEY.exec(key);
  if (match === null) return null;
  const [, type = '', year = '', number = ''] = match;
  const known = LEGISLATION_TYPES[type];
  if (known === undefined) return null;
  return { uri: `${IDENTIFIER_ROOT}${key}`, url: `${PAGE_ROOT}${key}`, type, level: known.level, instrumentKey: `${type}/${year}/${number}` };
}

/** Whether a key is a legislation.gov.uk identifier (legislationLinks gives its links). */
export const isLegislationKey = (key: string): boolean => legislationLinks(key) !== null;

/**
 * The level an instrument's kind implies: Acts and Welsh Measures are primary legislation,
 * regulations secondary; any other kind (a code, guidance, a convention) is not legislation.
 */
const LEVEL_OF_KIND: Record<InstrumentKind, LegislationLevel | null> = {
  ACT: 'PRIMARY',
  WELSH_MEASURE: 'PRIMARY',
  REGULATIONS: 'SECONDARY',
  CODE_OF_PRACTICE: null,
  STATUTORY_GUIDANCE: null,
  GUIDANCE: null,
  CONVENTION: null,
  STRATEGY: null,
  CHARTER: null,
  PLAN: null,
  REPORT: null,
  FRAMEWORK: null,
  OTHER: null,
};

export const legislationLevelOfKind = (kind: InstrumentKind): LegislationLevel | null => LEVEL_OF_KIND[kind];

/** The type codes of one level (both levels when `level` is null), for a query by level. */
export function legislationTypesOf(level: LegislationLevel | null): string[] {
  return Object.entries(LEGISLATION_TYPES)
    .filter(([, type]) => level === null || type.level === level)
    .map(([code]) => code);
}

/**
 * The item a legislation.gov.uk address names, as a key, whatever its form: the identifier URI,
 * the page, a table of contents (`/contents`), a version (`/made`, `/enacted`, a date), a
 * language (`?lang=en`, `/welsh`): `https://www.legislation.gov.uk/ukpga/2006/42/contents?lang=en`
 * names `ukpga/2006/42`. Null for an address elsewhere, or one that names no item.
 */
export function legislationKeyOfUrl(address: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(address);
  } catch {
    return null;
  }
  if (parsed.hostname !== 'www.legislation.gov.uk' && parsed.hostname !== 'legislation.gov.uk') return null;
  const parts = parsed.pathname.split('/').filter((part) => part !== '');
  if (parts[0] === 'id') parts.shift();
  const kept: string[] = [];
  for (const part of parts) {
    if (/^(contents|made|enacted|created|adopted|welsh|english|data\.\w+|\d{4}-\d{2}-\d{2})$/.test(part)) break;
    kept.push(part);
  }
  const key = kept.join('/');
  return isLegislationKey(key) ? key : null;
}
