import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../core/config.ts';
import { legislationKeyOfUrl, legislationLevelOfKind, legislationLinks, legislationTypesOf } from '../../../domain/legislation-links.ts';
import { loadCatalogue } from '../../../seed/load-catalogue.ts';

const catalogue = loadCatalogue(path.join(PROJECT_ROOT, 'seed/data/catalogue.json'));

/** The item a section's key names without its subsection (a source gives a subsection its section's page). */
const withoutSubsection = (key: string): string => key.replace(/^(.*\/(?:section|regulation)\/[^/]+)\/[^/]+$/, '$1');

describe('legislationLinks', () => {
  it('gives an Act its identifier URI and its page, derived from its key', () => {
    expect(legislationLinks('anaw/2014/4')).toEqual({
      uri: 'http://www.legislation.gov.uk/id/anaw/2014/4',
      url: 'https://www.legislation.gov.uk/anaw/2014/4',
      type: 'anaw',
      level: 'PRIMARY',
      instrumentKey: 'anaw/2014/4',
    });
  });

  it('gives a Welsh Measure the same two forms, as primary legislation', () => {
    expect(legislationLinks('mwa/2011/1')).toEqual({
      uri: 'http://www.legislation.gov.uk/id/mwa/2011/1',
      url: 'https://www.legislation.gov.uk/mwa/2011/1',
      type: 'mwa',
      level: 'PRIMARY',
      instrumentKey: 'mwa/2011/1',
    });
  });

  it('links a subsection to itself and names the Act it is part of', () => {
    expect(legislationLinks('ukpga/2006/42/section/17/9')).toEqual({
      uri: 'http://www.legislation.gov.uk/id/ukpga/2006/42/section/17/9',
      url: 'https://www.legislation.gov.uk/ukpga/2006/42/section/17/9',
      type: 'ukpga',
      level: 'PRIMARY',
      instrumentKey: 'ukpga/2006/42',
    });
  });

  it('files a regulation of a Welsh statutory instrument as secondary legislation', () => {
    expect(legislationLinks('wsi/2011/1064/regulation/18')).toEqual({
      uri: 'http://www.legislation.gov.uk/id/wsi/2011/1064/regulation/18',
      url: 'https://www.legislation.gov.uk/wsi/2011/1064/regulation/18',
      type: 'wsi',
      level: 'SECONDARY',
      instrumentKey: 'wsi/2011/1064',
    });
  });

  it('gives no links to a key that is not a legislation.gov.uk identifier', () => {
    expect(['code/part-2', 'convention/uncrc', 'mw/2011/1', 'anaw/2014', 'anaw/2014/4/contents', 'anaw/2014/4/section', ' anaw/2014/4'].map(legislationLinks)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('legislationKeyOfUrl', () => {
  it('reads the item out of every form of legislation.gov.uk address', () => {
    expect(
      [
        'https://www.legislation.gov.uk/anaw/2014/4/contents',
        'https://www.legislation.gov.uk/ukpga/2006/42/contents?lang=en',
        'https://www.legislation.gov.uk/anaw/2015/2/contents/enacted',
        'https://www.legislation.gov.uk/wsi/2011/1064/made',
        'https://www.legislation.gov.uk/wsi/2021/295/contents/made',
        'http://www.legislation.gov.uk/id/anaw/2014/4/section/145',
        'https://www.legislation.gov.uk/ukpga/2010/15/section/149/2024-01-01',
        'https://www.gov.wales/anaw/2014/4',
        'not a url',
      ].map(legislationKeyOfUrl),
    ).toEqual(['anaw/2014/4', 'ukpga/2006/42', 'anaw/2015/2', 'wsi/2011/1064', 'wsi/2021/295', 'anaw/2014/4/section/145', 'ukpga/2010/15/section/149', null, null]);
  });
});

describe('legislationTypesOf', () => {
  it('puts Measures of the National Assembly for Wales among the primary types, and Welsh statutory instruments among the secondary', () => {
    expect(legislationTypesOf('PRIMARY')).toContain('mwa');
    expect(legislationTypesOf('PRIMARY')).not.toContain('wsi');
    expect(legislationTypesOf('SECONDARY')).toContain('wsi');
    expect(legislationTypesOf(null)).toEqual([...legislationTypesOf('PRIMARY'), ...legislationTypesOf('SECONDARY')]);
  });
});

describe('the links of every legislation node of the catalogue', () => {
  const legislation = catalogue.instruments.filter((instrument) => legislationLinks(instrument.key) !== null);

  it('are those of the nine Acts, the Welsh Measure and the two sets of regulations the Code cites', () => {
    expect(legislation.map((instrument) => [instrument.key, legislationLinks(instrument.key)?.level])).toEqual([
      ['anaw/2014/4', 'PRIMARY'],
      ['ukpga/2006/42', 'PRIMARY'],
      ['anaw/2016/2', 'PRIMARY'],
      ['ukpga/2010/15', 'PRIMARY'],
      ['ukpga/1998/42', 'PRIMARY'],
      ['anaw/2015/2', 'PRIMARY'],
      ['ukpga/2004/31', 'PRIMARY'],
      ['anaw/2016/3', 'PRIMARY'],
      ['asc/2023/1', 'PRIMARY'],
      ['mwa/2011/1', 'PRIMARY'],
      ['wsi/2011/1064', 'SECONDARY'],
      ['wsi/2021/295', 'SECONDARY'],
    ]);
  });

  it('are of the one canonical form for every instrument and every section or regulation', () => {
    const nodes = [...catalogue.instruments.map((e) => e.key), ...catalogue.legalProvisions.map((e) => e.key)].filter((key) => legislationLinks(key) !== null);
    expect(nodes).toHaveLength(12 + 28);
    for (const key of nodes) {
      expect(legislationLinks(key)).toMatchObject({ uri: `http://www.legislation.gov.uk/id/${key}`, url: `https://www.legislation.gov.uk/${key}` });
    }
  });

  it('leave out no legislation: every Act, Measure and set of regulations has a legislation.gov.uk key of its level', () => {
    for (const instrument of catalogue.instruments) {
      expect([instrument.key, legislationLinks(instrument.key)?.level ?? null]).toEqual([instrument.key, legislationLevelOfKind(instrument.kind)]);
    }
  });

  it('give every section and regulation a key under its instrument', () => {
    for (const provision of catalogue.legalProvisions) {
      expect([provision.key, legislationLinks(provision.key)?.instrumentKey]).toEqual([provision.key, provision.instrumentKey]);
    }
  });

  it('name the same item as the URL a source gave, in whatever form it gave it', () => {
    const given = [...catalogue.instruments, ...catalogue.legalProvisions].filter((e) => legislationLinks(e.key) !== null && e.url !== null);
    expect(given).toHaveLength(7 + 27);
    for (const entry of given) expect([entry.key, legislationKeyOfUrl(entry.url ?? '')]).toEqual([entry.key, withoutSubsection(entry.key)]);
  });
});
