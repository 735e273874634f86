/**
 * An obligation's page (/obligations/S8/3): its statement and sentence with the modal verb
 * marked, modality and force, whom it binds and why, its qualifiers, its trace drawn as steps
 * from the obligation to the Acts, its legal basis, what it cites and where it is in the Code.
 */
import type { ObligationPageQuery, ObligationPageQueryVariables } from '../__generated__/operations.ts';
import type { PageApi } from '../operations.ts';
import { bannerOf, errorPage, frameView, type PageContext, type PageRequest, type Rendered } from '../page.ts';

type TraceStep = NonNullable<ObligationPageQuery['obligation']>['trace'][number];

/** Where a trace step links in these pages (the legislation.gov.uk link is shown beside it). */
export function stepHref(step: TraceStep, context: PageContext): string | null {
  switch (step.kind) {
    case 'OBLIGATION':
      return context.href(`/obligations/${step.key}`);
    case 'PROVISION':
      return context.href(`/provisions/${step.key}`);
    case 'HEADING':
      return context.href('/search', [['heading', step.key]]);
    case 'ACT':
    case 'INSTRUMENT':
    case 'ENABLING_PROVISION':
      return context.href(`/legislation/${step.key}`);
    case 'REVISION':
    case 'CODE':
      return context.href('/');
  }
}

export async function obligationPage(api: PageApi, context: PageContext, request: PageRequest): Promise<Rendered> {
  const key = `${request.route['provision'] ?? ''}/${request.route['number'] ?? ''}`;
  const answer = await api.run<ObligationPageQuery, ObligationPageQueryVariables>('ObligationPage', { key, asOf: context.asOf });
  const problem = errorPage(answer.errors, context.strings);
  if (problem !== null) return problem;
  const obligation = answer.data?.obligation ?? null;
  return {
    status: 200,
    template: 'obligation.njk',
    view: {
      ...frameView(context, bannerOf(answer, context), request),
      key,
      obligation,
      trace: (obligation?.trace ?? []).map((step) => ({ ...step, href: stepHref(step, context) })),
    },
  };
}
