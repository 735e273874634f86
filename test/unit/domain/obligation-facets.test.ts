import { describe, expect, it } from 'vitest';
import { countFacets, FACETS, type Facet, type FacetedObligation, type FacetOptionSource } from '../../../domain/obligation-facets.ts';

const obligation = (values: Partial<Record<Facet, string[]>>): FacetedObligation => ({
  values: Object.fromEntries(FACETS.map((facet) => [facet, values[facet] ?? []])) as Record<Facet, string[]>,
});
const options = (values: Partial<Record<Facet, string[]>>): Record<Facet, FacetOptionSource[]> =>
  Object.fromEntries(FACETS.map((facet) => [facet, (values[facet] ?? []).map((value, order) => ({ value, label: value, order }))])) as Record<Facet, FacetOptionSource[]>;

const code = [
  obligation({ standard: ['S7'], modality: ['MUST'], appliesTo: ['lhb', 'la'] }),
  obligation({ standard: ['S7'], modality: ['SHOULD'], appliesTo: ['la'] }),
  obligation({ standard: ['S8'], modality: ['MUST'], appliesTo: ['lhb'] }),
  obligation({ modality: ['MAY'], appliesTo: ['provider'] }),
];
const known = options({ standard: ['S7', 'S8', 'S9'], modality: ['MUST', 'SHOULD', 'MAY'], appliesTo: ['la', 'lhb', 'provider'] });

describe('countFacets', () => {
  it('counts each option over everything when nothing is ticked, listing only options that occur', () => {
    const counts = countFacets(code, {}, known);
    expect(counts.standard).toEqual([
      { value: 'S7', label: 'S7', count: 2, selected: false },
      { value: 'S8', label: 'S8', count: 1, selected: false },
    ]);
    expect(counts.appliesTo.map((o) => [o.value, o.count])).toEqual([['la', 2], ['lhb', 2], ['provider', 1]]);
  });

  it("leaves a facet's own ticks out of its counts, and applies the other facets' ticks", () => {
    const counts = countFacets(code, { standard: [['S7']], modality: [['MUST']] }, known);
    // Standards under "must": S7 1, S8 1 (S7 ticked does not hide S8).
    expect(counts.standard.map((o) => [o.value, o.count, o.selected])).toEqual([['S7', 1, true], ['S8', 1, false]]);
    // Modalities within S7: must 1, should 1; "may" occurs elsewhere, so it is listed with 0.
    expect(counts.modality.map((o) => [o.value, o.count, o.selected])).toEqual([['MUST', 1, true], ['SHOULD', 1, false], ['MAY', 0, false]]);
    // Bodies within S7 and "must": only the first obligation.
    expect(counts.appliesTo.map((o) => [o.value, o.count])).toEqual([['la', 1], ['lhb', 1], ['provider', 0]]);
  });

  it('requires every list of a facet (a single-valued field and its anyOf list are both matched)', () => {
    const counts = countFacets(code, { appliesTo: [['lhb'], ['la', 'provider']] }, known);
    expect(counts.standard.map((o) => [o.value, o.count])).toEqual([['S7', 1], ['S8', 0]]);
  });
});
