import { toGlobalId, uidOf } from '../loaders/global-id.ts';
import { toConnection } from '../loaders/pagination.ts';
import { pageRequest } from '../domain/page-request.ts';
import type { Resolvers } from './__generated__/resolvers-types.ts';
import { found, inRevision, present, revisionChoice } from './support.ts';

export const termResolvers: Resolvers = {
  Query: {
    terms: async (_parent, args, { loaders }) => {
      const request = pageRequest(args.first, args.after);
      const revision = await loaders.revisionFor(revisionChoice(args));
      return { revision, ...toConnection(await loaders.findTerms(revision, request)) };
    },
    term: async (_parent, args, { loaders }) => {
      const revision = await loaders.revisionFor(revisionChoice(args));
      return found(await loaders.termByUid.load(uidOf(revision.key, args.key)), `glossary term ${inRevision(revision)}`, args.key, 'carer');
    },
  },
  Term: {
    id: (term) => toGlobalId('Term', term.uid),
    revision: async (term, _args, { loaders }) => present(await loaders.revisionByKey(term.revision), `revision ${term.revision}`),
    sources: (term, _args, { loaders }) => loaders.sourcesOf('Term', term.uid),
  },
};
