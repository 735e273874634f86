/** A provision's page (/provisions/S8): its text, footnotes and obligations in order, and the provisions before and after it. */
import type { ProvisionPageQuery, ProvisionPageQueryVariables } from '../__generated__/operations.ts';
import type { PageApi } from '../operations.ts';
import { bannerOf, errorPage, frameView, type PageContext, type PageRequest, type Rendered } from '../page.ts';

export async function provisionPage(api: PageApi, context: PageContext, request: PageRequest): Promise<Rendered> {
  const key = request.route['key'] ?? '';
  const answer = await api.run<ProvisionPageQuery, ProvisionPageQueryVariables>('ProvisionPage', { key, asOf: context.asOf });
  const problem = errorPage(answer.errors, context.strings);
  if (problem !== null) return problem;
  const provision = answer.data?.provision ?? null;
  const order = (provision?.revision.headings ?? []).flatMap((heading) => heading.provisions);
  const index = order.findIndex((p) => p.key === provision?.key);
  const neighbour = (at: number) => {
    const p = order[at];
    return p === undefined ? null : { href: context.href(`/provisions/${p.key}`), label: p.label, title: p.title };
  };
  return {
    status: 200,
    template: 'provision.njk',
    view: {
      ...frameView(context, bannerOf(answer, context), request),
      key,
      provision,
      csv: `/exports/obligations.csv?${new URLSearchParams([['provision', key], ...(context.asOf === null ? [] : [['asOf', context.asOf]])] as [string, string][]).toString()}`,
      previous: index > 0 ? neighbour(index - 1) : null,
      next: index >= 0 ? neighbour(index + 1) : null,
    },
  };
}
