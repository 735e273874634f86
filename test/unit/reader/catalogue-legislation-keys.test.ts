import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../core/config.ts';
import { CatalogueError, checkCatalogue, type Catalogue } from '../../../reader/catalogue.ts';

const raw = (): Record<string, Record<string, unknown>[]> =>
  JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'seed/data/catalogue.json'), 'utf8')) as Record<string, Record<string, unknown>[]>;
const entry = (data: Record<string, Record<string, unknown>[]>, list: string, key: string): Record<string, unknown> => {
  const found = data[list]?.find((e) => e['key'] === key);
  if (found === undefined) throw new Error(`no ${key} in ${list}`);
  return found;
};
const check = (data: unknown) => () => checkCatalogue(data as Catalogue);

describe('checkCatalogue, on the keys of legislation (domain/legislation-links.ts)', () => {
  it('refuses a Measure whose key is not a legislation.gov.uk identifier (mw for mwa)', () => {
    const data = raw();
    entry(data, 'instruments', 'mwa/2011/1')['key'] = 'mw/2011/1';
    expect(check(data)).toThrow(new CatalogueError(['instrument "mw/2011/1": kind WELSH_MEASURE is legislation, keyed by its legislation.gov.uk identifier, such as "anaw/2014/4" or "mwa/2011/1"']));
  });

  it('refuses regulations keyed as primary legislation', () => {
    const data = raw();
    entry(data, 'instruments', 'wsi/2021/295')['kind'] = 'ACT';
    expect(check(data)).toThrow(new CatalogueError(['instrument "wsi/2021/295": legislation.gov.uk files "wsi" as secondary legislation, but kind ACT is primary']));
  });

  it('refuses a section whose key is not under its instrument', () => {
    const data = raw();
    entry(data, 'legalProvisions', 'anaw/2016/3/section/29')['instrumentKey'] = 'anaw/2014/4';
    expect(check(data)).toThrow(new CatalogueError(['legal provision "anaw/2016/3/section/29": its key must begin with its instrumentKey "anaw/2014/4"']));
  });
});
