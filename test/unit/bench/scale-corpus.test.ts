import { describe, expect, it } from 'vitest';
import { copiesOf, copyKeys, enlargedCode, LARGE_REVISION, scaledCatalogue } from '../../../bench/scale-corpus.ts';
import { PROJECT_ROOT } from '../../../core/config.ts';
import { OBLIGATION_KEY, PROVISION_KEY } from '../../../core/keys.ts';
import { revisionInForceOn } from '../../../domain/revision-in-force.ts';
import { legalLives } from '../../../domain/legal-life.ts';
import { readSeedInput } from '../../../seed/index.ts';

const { catalogue, code } = readSeedInput(PROJECT_ROOT);
const unique = (keys: readonly string[]): boolean => new Set(keys).size === keys.length;

describe('the synthetic corpus of the scale benchmark', () => {
  it('enlarges one revision to k times the provisions and obligations, each copy under its own valid keys', () => {
    const large = enlargedCode(code, LARGE_REVISION, 3);
    expect([large.provisions.length, large.obligations.length, large.headings.length, large.footnotes.length, large.terms.length]).toEqual([
      3 * code.provisions.length,
      3 * code.obligations.length,
      3 * code.headings.length,
      3 * code.footnotes.length,
      3 * code.terms.length,
    ]);
    for (const keys of [large.provisions, large.obligations, large.headings, large.footnotes, large.terms].map((nodes) => nodes.map((n) => n.key))) expect(unique(keys)).toBe(true);
    expect(large.provisions.filter((p) => !PROVISION_KEY.test(p.key))).toEqual([]);
    expect(large.obligations.filter((o) => !OBLIGATION_KEY.test(o.key))).toEqual([]);
    // Copy 0 keeps the Code's keys; copy j renumbers past the Code's 10 standards and 7 principles.
    expect(large.provisions.slice(0, code.provisions.length).map((p) => p.key)).toEqual(code.provisions.map((p) => p.key));
    expect(large.provisions.filter((p) => ['S8', 'S18', 'S28', 'P3', 'P10', 'P17', '1.53', '2.53', '3.53'].includes(p.key)).map((p) => [p.key, p.number])).toEqual(
      expect.arrayContaining([['S8', '8'], ['S18', '18'], ['S28', '28'], ['P3', '3'], ['P10', '10'], ['P17', '17'], ['1.53', '1.53'], ['2.53', '2.53'], ['3.53', '3.53']]),
    );
    // Reading order runs 1, 2, ... across the whole revision.
    expect(large.provisions.map((p) => p.order)).toEqual(large.provisions.map((_, i) => i + 1));
    expect(large.obligations.map((o) => o.order)).toEqual(large.obligations.map((_, i) => i + 1));
  });

  it('splits an enlargement into parts of whole copies that together are the whole', () => {
    const large = enlargedCode(code, LARGE_REVISION, 3);
    const parts = [copiesOf(large, 3, 0, 2), copiesOf(large, 3, 2, 3)];
    expect(parts.map((p) => p.provisions.length)).toEqual([2 * code.provisions.length, code.provisions.length]);
    expect(parts.flatMap((p) => p.obligations.map((o) => o.key))).toEqual(large.obligations.map((o) => o.key));
    expect(parts.flatMap((p) => p.citations)).toEqual(large.citations);
    expect(parts[1]?.headings[0]?.key).toBe(`${code.headings[0]?.key ?? ''}-2`);
  });

  it('points every reference of the enlarged revision at a node of its own copy', () => {
    const large = enlargedCode(code, LARGE_REVISION, 3);
    const provisions = new Set(large.provisions.map((p) => p.key));
    const obligations = new Set(large.obligations.map((o) => o.key));
    const headings = new Set(large.headings.map((h) => h.key));
    const footnotes = new Set(large.footnotes.map((f) => f.key));
    expect(large.obligations.filter((o) => !provisions.has(o.provision))).toEqual([]);
    expect(large.provisions.filter((p) => !headings.has(p.heading))).toEqual([]);
    // Footnotes are renumbered past every number the Code uses, so no two copies share one.
    const used = [...large.provisions.flatMap((p) => p.footnotes), ...large.footnotes.map((f) => f.number)];
    expect(new Set(used).size).toBe(3 * new Set([...code.provisions.flatMap((p) => p.footnotes), ...code.footnotes.map((f) => f.number)]).size);
    expect(large.headings.flatMap((h) => h.provisions).filter((k) => !provisions.has(k))).toEqual([]);
    expect(large.footnotes.flatMap((f) => f.provisions).filter((k) => !provisions.has(k))).toEqual([]);
    expect(large.citedDuties.filter((d) => !provisions.has(d.provision))).toEqual([]);
    const from = { Provision: provisions, Obligation: obligations, Footnote: footnotes };
    expect(large.citations.filter((c) => !from[c.fromLabel].has(c.from))).toEqual([]);
    expect(large.citations.length).toBe(3 * code.citations.length);
  });

  it('adds k - 1 published copies a month apart and the large revision, and leaves 2024-09-01 in force', () => {
    expect(copyKeys(10)).toEqual(['2024-06-01', '2024-05-01', '2024-04-01', '2024-03-01', '2024-02-01', '2024-01-01', '2023-12-01', '2023-11-01', '2023-10-01']);
    expect(copyKeys(100).at(-1)).toBe('2016-04-01');
    expect(scaledCatalogue(catalogue, code.revisionKey, 1)).toBe(catalogue);
    const scaled = scaledCatalogue(catalogue, code.revisionKey, 100);
    expect(scaled.revisions.length).toBe(catalogue.revisions.length + 100);
    expect(unique(scaled.revisions.map((r) => r.key))).toBe(true);
    const added = scaled.revisions.slice(catalogue.revisions.length);
    expect(added.every((r) => r.published && r.hasText && r.inForceFrom === r.key && r.laidOn !== null && r.laidOn < r.key)).toBe(true);
    // The dates as the API reads them: each copy ends the day before the next comes into force.
    const lives = legalLives(scaled.revisions, []);
    const revisions = scaled.revisions.map((r, i) => ({ key: r.key, inForceFrom: lives[i]?.inForceFrom ?? null, inForceUntil: lives[i]?.inForceUntil ?? null }));
    expect(revisionInForceOn(revisions, '2026-12-01')?.key).toBe('2024-09-01');
    expect(revisionInForceOn(revisions, '2024-05-15')?.key).toBe('2024-05-01');
    expect(revisionInForceOn(revisions, '2016-01-01')?.key).toBe(LARGE_REVISION);
  });
});
