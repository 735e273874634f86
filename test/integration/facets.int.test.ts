/**
 * The search page's counts (schema/facets.graphql): `filter.anyOf` matches any value of each
 * list, and `obligationFacets` gives, for every option of every filter, the number of obligations the
 * filter gives with that option added. Checked against the API itself: each count equals the
 * `totalCount` of the filter with the option ticked (over HTTP, the seeded Code).
 */
import { describe, expect, it } from 'vitest';
import { dataOf, useSeededServer } from '../support/seeded.ts';

const server = useSeededServer();

const errorsOf = async (query: string): Promise<{ message: string; extensions?: { code?: string } }[]> =>
  (await server.graphql(query)).errors ?? [];

type FacetName = 'appliesTo' | 'modality' | 'force' | 'principle' | 'standard' | 'heading' | 'qualifier' | 'citing';
interface Option {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}
interface Answer {
  obligations: { totalCount: number; nodes: { key: string }[] };
  obligationFacets: Record<FacetName, Option[]>;
}

const ask = (filter: Record<string, unknown>): Promise<Answer> =>
  dataOf<Answer>(
    server,
    `query ($filter: ObligationFilter) {
       obligations(revision: "2024-09-01", filter: $filter, first: 100) {
         totalCount nodes { key } }
       obligationFacets(revision: "2024-09-01", filter: $filter) {
           appliesTo { value label count selected } modality { value label count selected } force { value label count selected }
           principle { value label count selected } standard { value label count selected } heading { value label count selected }
           qualifier { value label count selected } citing { value label count selected }
       } }`,
    { filter },
  );

/** The filter with one more option of one facet ticked, as the search page sends it. */
function ticked(filter: { modality?: string[]; anyOf?: Record<string, string[]> }, facet: FacetName, value: string): Record<string, unknown> {
  if (facet === 'modality') return { ...filter, modality: [...(filter.modality ?? []), value] };
  const anyOf = filter.anyOf ?? {};
  return { ...filter, anyOf: { ...anyOf, [facet]: [...(anyOf[facet] ?? []), value] } };
}

/** Each option's count is what ticking it gives: the facet's own options widen (or), the others narrow (and). */
async function expectCountsToBeWhatTickingGives(filter: { modality?: string[]; anyOf?: Record<string, string[]>; text?: string }): Promise<void> {
  const facets = (await ask(filter)).obligationFacets;
  for (const [facet, options] of Object.entries(facets) as [FacetName, Option[]][]) {
    for (const option of options.filter((o) => !o.selected)) {
      const own = facet === 'modality' ? undefined : filter.anyOf?.[facet];
      const alone = facet === 'modality' ? { ...filter, modality: [option.value] } : { ...filter, anyOf: { ...filter.anyOf, [facet]: [option.value] } };
      const { totalCount } = (await ask(alone)).obligations;
      expect({ facet, value: option.value, count: option.count }).toEqual({ facet, value: option.value, count: totalCount });
      if (own !== undefined || (facet === 'modality' && filter.modality !== undefined)) {
        // With the facet's own options ticked too, the answer widens by exactly this option's count (options do not overlap here).
        const widened = (await ask(ticked(filter, facet, option.value))).obligations.totalCount;
        expect(widened).toBeGreaterThanOrEqual(option.count);
      }
    }
  }
}

describe('facets', () => {
  it('counts every option of the whole Code, each equal to the filter with that option', async () => {
    const { obligations, obligationFacets: facets } = await ask({});
    expect(obligations.totalCount).toBe(104);
    const counts = (facet: FacetName) => Object.fromEntries(facets[facet].map((o) => [o.value, o.count]));
    expect(counts('modality')).toEqual({ MUST: 57, SHOULD: 46, SHOULD_NOT: 1 });
    const force = counts('force');
    expect((force['REQUIREMENT'] ?? 0) + (force['GUIDELINE'] ?? 0)).toBe(104);
    expect(facets.standard.map((o) => o.value)).toEqual(['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8', 'S9', 'S10']);
    expect(facets.standard.find((o) => o.value === 'S8')?.label).toBe('Standard 8: Setting fair and sustainable fees');
    expect(facets.appliesTo.find((o) => o.value === 'local-health-board')).toMatchObject({ label: 'Local health board', count: 96 });
    await expectCountsToBeWhatTickingGives({});
  });

  it('counts disjunctively: within a filter the ticked options widen, across filters they narrow', async () => {
    const filter = { modality: ['MUST', 'MUST_NOT'], anyOf: { appliesTo: ['local-health-board'], standard: ['S7', 'S8'] } };
    const { obligations, obligationFacets: facets } = await ask(filter);
    expect(obligations.nodes.map((o) => o.key)).toEqual(['S7/1', 'S7/2', 'S7/3', 'S7/6', 'S8/2', 'S8/3', 'S8/5']);
    const standard = Object.fromEntries(facets.standard.map((o) => [o.value, [o.count, o.selected]]));
    expect(standard['S7']).toEqual([4, true]);
    expect(standard['S8']).toEqual([3, true]);
    const modality = Object.fromEntries(facets.modality.map((o) => [o.value, [o.count, o.selected]]));
    expect(modality['MUST']).toEqual([7, true]);
    expect(modality['SHOULD']?.[1]).toBe(false);
    await expectCountsToBeWhatTickingGives(filter);
  });

  it('lets free text narrow every count', async () => {
    const { obligations, obligationFacets: facets } = await ask({ text: 'fees' });
    expect(obligations.nodes.map((o) => o.key)).toEqual(['S7/2', 'S7/3', 'S8/2', 'S8/3']);
    expect(facets.standard.map((o) => [o.value, o.count])).toEqual([['S7', 2], ['S8', 2]]);
    await expectCountsToBeWhatTickingGives({ text: 'fees' });
  });

  it('refuses an unknown key or an empty list, naming a valid example', async () => {
    const unknown = await errorsOf('{ obligations(filter: { anyOf: { standard: ["S8", "S99"] } }) { totalCount } }');
    expect(unknown[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(unknown[0]?.message).toContain('S99');
    const empty = await errorsOf('{ obligations(filter: { anyOf: { heading: [] } }) { totalCount } }');
    expect(empty[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(empty[0]?.message).toContain('filter.anyOf.heading must list 1 to 50 values');
  });
});
