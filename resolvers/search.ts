import { toConnection } from '../loaders/pagination.ts';
import { pageRequest } from '../domain/page-request.ts';
import type { Resolvers } from './__generated__/resolvers-types.ts';
import { revisionChoice } from './support.ts';

export const searchResolvers: Resolvers = {
  Query: {
    search: async (_parent, args, { loaders }) => {
      const request = pageRequest(args.first, args.after);
      const revision = await loaders.revisionFor(revisionChoice(args));
      const page = await loaders.search(revision, args.text, args.kinds ?? null, request);
      return { revision, ...toConnection(page), textHint: () => loaders.searchTextHint(revision, args.text, args.kinds ?? null, page.totalCount) };
    },
  },
  SearchResult: {
    __resolveType: (item) => item.__typename,
  },
};
