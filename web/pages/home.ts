/** The home page (/): a search box, the Code in force with its dates, its contents, the questions asked most. */
import type { HomePageQuery, HomePageQueryVariables } from '../__generated__/operations.ts';
import type { PageApi } from '../operations.ts';
import { bannerOf, errorPage, frameView, type PageContext, type PageRequest, type Rendered } from '../page.ts';

export async function homePage(api: PageApi, context: PageContext, request: PageRequest): Promise<Rendered> {
  const answer = await api.run<HomePageQuery, HomePageQueryVariables>('HomePage', { asOf: context.asOf });
  const problem = errorPage(answer.errors, context.strings);
  if (problem !== null) return problem;
  return {
    status: 200,
    template: 'home.njk',
    view: { ...frameView(context, bannerOf(answer, context), request), revision: answer.data?.revision ?? null, service: answer.data?.service ?? null },
  };
}
