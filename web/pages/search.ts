/**
 * The search page (/search?q=fee&appliesTo=local-health-board&modality=MUST...): words and
 * the filters as checkboxes, each option with its count, one page of results, the CSV of
 * exactly what it shows. Every filter state is in the query string; a filter's ticked options
 * combine with "or", filters with "and" (ObligationFilter.anyOf).
 */
import type { OptionFragment as FacetOption, Force, Modality, ObligationFilter, Qualifier, SearchPageQuery, SearchPageQueryVariables } from '../__generated__/operations.ts';
import { encodeCursor } from '../../domain/page-request.ts';
import type { PageApi } from '../operations.ts';
import { escapeHtml } from '../render.ts';
import type { Strings } from '../strings/en.ts';
import { bannerOf, errorPage, frameView, problemPage, type PageContext, type PageRequest, type Rendered } from '../page.ts';

export const SEARCH_PAGE_SIZE = 20;

/** The filters of the page, in the order it shows them, as query parameters of the same names. */
export const FACET_PARAMETERS = ['appliesTo', 'modality', 'force', 'principle', 'standard', 'heading', 'qualifier', 'citing'] as const;
export type FacetParameter = (typeof FACET_PARAMETERS)[number];

/** The values of a parameter: repeated (modality=MUST&modality=SHOULD) or comma-separated, trimmed, without repeats. */
function valuesOf(request: PageRequest, name: string): string[] {
  const values = (request.params.get(name) ?? []).flatMap((value) => value.split(',')).map((value) => value.trim()).filter((value) => value !== '');
  return [...new Set(values)];
}

/** The API's filter for the page's query string (the words, and each facet's ticked options). */
export function searchFilter(request: PageRequest): ObligationFilter {
  const words = (request.params.get('q')?.[0] ?? '').trim();
  const ticked = Object.fromEntries(FACET_PARAMETERS.map((name) => [name, valuesOf(request, name)])) as Record<FacetParameter, string[]>;
  const list = <T extends string>(values: string[]): T[] | undefined => (values.length === 0 ? undefined : (values as T[]));
  const anyOf = {
    appliesTo: list(ticked.appliesTo),
    force: list<Force>(ticked.force),
    principle: list(ticked.principle),
    standard: list(ticked.standard),
    heading: list(ticked.heading),
    qualifier: list<Qualifier>(ticked.qualifier),
    citing: list(ticked.citing),
  };
  const given = Object.fromEntries(Object.entries(anyOf).filter(([, values]) => values !== undefined));
  return {
    ...(words === '' ? {} : { text: words }),
    ...(ticked.modality.length === 0 ? {} : { modality: ticked.modality as Modality[] }),
    ...(Object.keys(given).length === 0 ? {} : { anyOf: given }),
  };
}

/** The query string's parameters this page keeps (words, filters, day), as pairs in order. */
export function searchParameters(request: PageRequest): [string, string][] {
  const words = (request.params.get('q')?.[0] ?? '').trim();
  return [...(words === '' ? [] : [['q', words] as [string, string]]), ...FACET_PARAMETERS.flatMap((name) => valuesOf(request, name).map((value): [string, string] => [name, value]))];
}

/** The download of exactly these obligations: the same filter as the CSV's parameters (README "Downloads"). */
export function csvLink(filter: ObligationFilter, asOf: string | null): string {
  const params: [string, string][] = [];
  if (filter.text !== undefined && filter.text !== null) params.push(['text', filter.text]);
  if (filter.modality !== undefined && filter.modality !== null) params.push(['modality', filter.modality.join(',')]);
  for (const [name, values] of Object.entries(filter.anyOf ?? {})) {
    if (Array.isArray(values) && values.length > 0) params.push([`anyOf.${name}`, values.join(',')]);
  }
  if (asOf !== null) params.push(['asOf', asOf]);
  const query = new URLSearchParams(params).toString();
  return `/exports/obligations.csv${query === '' ? '' : `?${query}`}`;
}

/** An option's name: the catalogue's words for an enum value (so a Welsh catalogue can name them), else the API's name. */
function optionLabel(context: PageContext, facet: FacetParameter, option: FacetOption): string {
  const { strings } = context;
  if (facet === 'modality') return strings.modality[option.value as keyof Strings['modality']] ?? option.label;
  if (facet === 'force') return strings.force[option.value as keyof Strings['force']] ?? option.label;
  if (facet === 'qualifier') return strings.qualifier[option.value as keyof Strings['qualifier']] ?? option.label;
  return option.label;
}

export async function searchPage(api: PageApi, context: PageContext, request: PageRequest): Promise<Rendered> {
  const pageText = request.params.get('page')?.[0] ?? '1';
  const page = Number(pageText);
  if (!/^\d{1,4}$/.test(pageText) || page < 1) {
    return problemPage(400, context.strings.error.badRequestTitle, `page must be a page number from 1, such as 2; got "${pageText.slice(0, 20)}"`, '/search?q=fees&page=2', context.strings);
  }
  const filter = searchFilter(request);
  const after = page === 1 ? null : encodeCursor((page - 1) * SEARCH_PAGE_SIZE - 1);
  const answer = await api.run<SearchPageQuery, SearchPageQueryVariables>('SearchPage', { filter, asOf: context.asOf, first: SEARCH_PAGE_SIZE, after });
  const problem = errorPage(answer.errors, context.strings);
  if (problem !== null) return problem;
  const obligations = answer.data?.obligations ?? null;
  const facets = answer.data?.obligationFacets ?? null;
  const parameters = searchParameters(request);
  const total = obligations?.totalCount ?? 0;
  const pages = Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE));
  const pageHref = (n: number): string => context.href('/search', [...parameters, ...(n === 1 ? [] : [['page', String(n)] as [string, string]])]);
  // Each filter as GOV.UK checkboxes: the option's name and, beside it, how many obligations it gives.
  const facetList = FACET_PARAMETERS.map((name) => ({
    name,
    open: ['appliesTo', 'modality', 'force'].includes(name) || (facets?.[name] ?? []).some((option) => option.selected),
    items: (facets?.[name] ?? [])
      .filter((option: FacetOption) => option.count > 0 || option.selected)
      .map((option: FacetOption) => ({
        value: option.value,
        html: `${escapeHtml(optionLabel(context, name, option))} <span class="app-facet-count">(${option.count})</span>`,
        checked: option.selected,
      })),
  })).filter((facet) => facet.items.length > 0);
  return {
    status: 200,
    template: 'search.njk',
    view: {
      ...frameView(context, bannerOf(answer, context), request),
      words: (request.params.get('q')?.[0] ?? '').trim(),
      obligations,
      facets: facetList,
      ticked: Object.fromEntries(FACET_PARAMETERS.map((name) => [name, valuesOf(request, name)])),
      page,
      pages,
      previous: page > 1 ? pageHref(page - 1) : null,
      next: obligations?.pageInfo.hasNextPage === true ? pageHref(page + 1) : null,
      pageItems: Array.from({ length: pages }, (_, index) => ({ number: index + 1, href: pageHref(index + 1), current: index + 1 === page })),
      csv: csvLink(filter, context.asOf),
      clear: context.href('/search', parameters.filter(([name]) => name === 'q')),
    },
  };
}
