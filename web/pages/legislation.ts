/**
 * The legislation pages: the list (/legislation), an instrument (/legislation/ukpga/2010/15)
 * and a section or regulation (/legislation/anaw/2014/4/section/145), each with what in the
 * Code rests on it or cites it.
 */
import type {
  InstrumentPageQuery,
  InstrumentPageQueryVariables,
  LegalProvisionPageQuery,
  LegalProvisionPageQueryVariables,
  LegislationListPageQuery,
  LegislationListPageQueryVariables,
} from '../__generated__/operations.ts';
import type { PageApi } from '../operations.ts';
import { bannerOf, errorPage, frameView, type PageContext, type PageRequest, type Rendered } from '../page.ts';

/** A key names a section or regulation when it has /section/ or /regulation/ (anaw/2014/4/section/145). */
const isLegalProvisionKey = (key: string): boolean => /\/(section|regulation)\//.test(key);

export async function legislationListPage(api: PageApi, context: PageContext, request: PageRequest): Promise<Rendered> {
  const answer = await api.run<LegislationListPageQuery, LegislationListPageQueryVariables>('LegislationListPage', {});
  const problem = errorPage(answer.errors, context.strings);
  if (problem !== null) return problem;
  return { status: 200, template: 'legislation.njk', view: { ...frameView(context, null, request), legislation: answer.data?.legislation ?? null } };
}

export async function legislationPage(api: PageApi, context: PageContext, request: PageRequest): Promise<Rendered> {
  const key = request.route['key'] ?? '';
  const csv = `/exports/obligations.csv?${new URLSearchParams([['citing', key], ...(context.asOf === null ? [] : [['asOf', context.asOf]])] as [string, string][]).toString()}`;
  if (isLegalProvisionKey(key)) {
    const answer = await api.run<LegalProvisionPageQuery, LegalProvisionPageQueryVariables>('LegalProvisionPage', { key, asOf: context.asOf });
    const problem = errorPage(answer.errors, context.strings);
    if (problem !== null) return problem;
    return { status: 200, template: 'legal-provision.njk', view: { ...frameView(context, bannerOf(answer, context), request), section: answer.data?.legalProvision ?? null, csv } };
  }
  const answer = await api.run<InstrumentPageQuery, InstrumentPageQueryVariables>('InstrumentPage', { key, asOf: context.asOf });
  const problem = errorPage(answer.errors, context.strings);
  if (problem !== null) return problem;
  return { status: 200, template: 'instrument.njk', view: { ...frameView(context, bannerOf(answer, context), request), instrument: answer.data?.instrument ?? null, csv } };
}
