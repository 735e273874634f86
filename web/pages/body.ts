/**
 * A body's page (/bodies/local-health-board): everything that binds it, grouped by heading, a
 * hundred at a time, with a chart of the requirements and guidelines binding it in each standard.
 */
import type { BodyPageQuery, BodyPageQueryVariables } from '../__generated__/operations.ts';
import { encodeCursor } from '../../domain/page-request.ts';
import type { PageApi } from '../operations.ts';
import { bannerOf, errorPage, frameView, problemPage, type PageContext, type PageRequest, type Rendered } from '../page.ts';

const BODY_PAGE_SIZE = 100;

type Node = NonNullable<BodyPageQuery['obligations']>['nodes'][number];

/** The obligations grouped by heading, in reading order. */
export function byHeading(nodes: readonly Node[]): { key: string; title: string; obligations: Node[] }[] {
  const groups: { key: string; title: string; obligations: Node[] }[] = [];
  for (const node of nodes) {
    const last = groups[groups.length - 1];
    if (last !== undefined && last.key === node.heading.key) last.obligations.push(node);
    else groups.push({ key: node.heading.key, title: node.heading.title, obligations: [node] });
  }
  return groups;
}

/** The chart's rows: each standard with its requirements and guidelines binding the body, and the bars' widths (per cent of the largest). */
export function chartRows(answer: BodyPageQuery): { key: string; label: string; requirements: number; guidelines: number; requirementsWidth: number; guidelinesWidth: number }[] {
  const requirementOptions = answer.requirements?.standard ?? [];
  const guidelineOptions = answer.guidelines?.standard ?? [];
  const requirements = new Map(requirementOptions.map((o) => [o.value, o.count]));
  const guidelines = new Map(guidelineOptions.map((o) => [o.value, o.count]));
  const standards = new Map([...requirementOptions, ...guidelineOptions].map((o) => [o.value, o.label]));
  const rows = [...standards].map(([key, label]) => ({ key, label, requirements: requirements.get(key) ?? 0, guidelines: guidelines.get(key) ?? 0 }));
  const largest = Math.max(1, ...rows.map((row) => row.requirements + row.guidelines));
  return rows
    .filter((row) => row.requirements + row.guidelines > 0)
    .map((row) => ({ ...row, requirementsWidth: Math.round((row.requirements / largest) * 100), guidelinesWidth: Math.round((row.guidelines / largest) * 100) }));
}

export async function bodyPage(api: PageApi, context: PageContext, request: PageRequest): Promise<Rendered> {
  const key = request.route['key'] ?? '';
  const pageText = request.params.get('page')?.[0] ?? '1';
  const page = Number(pageText);
  if (!/^\d{1,4}$/.test(pageText) || page < 1) {
    return problemPage(400, context.strings.error.badRequestTitle, `page must be a page number from 1, such as 2; got "${pageText.slice(0, 20)}"`, `/bodies/${key}`, context.strings);
  }
  const answer = await api.run<BodyPageQuery, BodyPageQueryVariables>('BodyPage', {
    key,
    filter: { appliesTo: key },
    requirements: { appliesTo: key, force: 'REQUIREMENT' },
    guidelines: { appliesTo: key, force: 'GUIDELINE' },
    asOf: context.asOf,
    after: page === 1 ? null : encodeCursor((page - 1) * BODY_PAGE_SIZE - 1),
  });
  const problem = errorPage(answer.errors, context.strings);
  if (problem !== null) return problem;
  const data = answer.data;
  const total = data?.obligations?.totalCount ?? 0;
  const pageHref = (n: number): string => context.href(`/bodies/${key}`, n === 1 ? [] : [['page', String(n)]]);
  return {
    status: 200,
    template: 'body.njk',
    view: {
      ...frameView(context, bannerOf(answer, context), request),
      body: data?.body ?? null,
      obligations: data?.obligations ?? null,
      groups: byHeading(data?.obligations?.nodes ?? []),
      chart: data === null ? [] : chartRows(data),
      csv: `/exports/obligations.csv?${new URLSearchParams([['appliesTo', key], ...(context.asOf === null ? [] : [['asOf', context.asOf]])] as [string, string][]).toString()}`,
      total,
      previous: page > 1 ? pageHref(page - 1) : null,
      next: data?.obligations?.pageInfo.hasNextPage === true ? pageHref(page + 1) : null,
    },
  };
}
