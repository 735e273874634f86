import { toGlobalId } from '../loaders/global-id.ts';
import type { Resolvers } from './__generated__/resolvers-types.ts';

export const sourceResolvers: Resolvers = {
  Query: {
    sourceDocuments: (_parent, _args, { loaders }) => loaders.allSourceDocuments(),
  },
  SourceDocument: {
    id: (document) => toGlobalId('SourceDocument', document.key),
  },
};
