/**
 * How many obligations each option of each filter would give (the search page's counts
 * beside its checkboxes; `ObligationConnection.facets`), as a pure function of the
 * obligations that match the rest of the filter.
 *
 * The counts are disjunctive, as a faceted search's are: an option's count is the number of
 * obligations matching every *other* filter with that option added, so that ticking a second
 * box in one filter (any of them) widens the answer by the count shown, and the counts of a
 * filter do not collapse to the one option already ticked.
 */

/** The filters that have options to count. */
export const FACETS = ['appliesTo', 'modality', 'force', 'principle', 'standard', 'heading', 'qualifier', 'citing'] as const;
export type Facet = (typeof FACETS)[number];

/** One obligation as the counting sees it: the values it has for each filter. */
export interface FacetedObligation {
  values: Readonly<Record<Facet, readonly string[]>>;
}

/**
 * What the filter asks of one facet: every list must be matched by one of its values (a
 * single-valued filter field is a list of one; `anyOf`'s list another). Empty: not filtered.
 */
export type FacetSelections = Readonly<Partial<Record<Facet, readonly (readonly string[])[]>>>;

/** An option of a facet, as the graph names it; `order` sorts the options (reading order, then label). */
export interface FacetOptionSource {
  value: string;
  label: string;
  order: number;
}

export interface FacetOptionCount {
  value: string;
  label: string;
  count: number;
  /** Whether the filter asks for this option. */
  selected: boolean;
}

export type FacetCounts = Record<Facet, FacetOptionCount[]>;

function matchesFacet(obligation: FacetedObligation, facet: Facet, selections: FacetSelections): boolean {
  const lists = selections[facet] ?? [];
  const has = obligation.values[facet];
  return lists.every((list) => list.some((value) => has.includes(value)));
}

/**
 * The counts of every option of every facet over `obligations` (those matching the filter's
 * other criteria). An option is listed when some of `obligations` has it, or when it is
 * selected; options are in their `order`.
 */
export function countFacets(
  obligations: readonly FacetedObligation[],
  selections: FacetSelections,
  options: Readonly<Record<Facet, readonly FacetOptionSource[]>>,
): FacetCounts {
  const counts = {} as FacetCounts;
  for (const facet of FACETS) {
    const others = FACETS.filter((other) => other !== facet);
    const tally = new Map<string, number>();
    const present = new Set<string>();
    for (const obligation of obligations) {
      for (const value of obligation.values[facet]) present.add(value);
      if (!others.every((other) => matchesFacet(obligation, other, selections))) continue;
      for (const value of new Set(obligation.values[facet])) tally.set(value, (tally.get(value) ?? 0) + 1);
    }
    const selected = new Set((selections[facet] ?? []).flat());
    counts[facet] = [...options[facet]]
      .filter((option) => present.has(option.value) || selected.has(option.value))
      .sort((a, b) => a.order - b.order || a.label.localeCompare(b.label, 'en-GB'))
      .map((option) => ({ value: option.value, label: option.label, count: tally.get(option.value) ?? 0, selected: selected.has(option.value) }));
  }
  return counts;
}
