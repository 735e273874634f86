import { toGlobalId, uidOf } from '../loaders/global-id.ts';
import { toConnection } from '../loaders/pagination.ts';
import { pageRequest } from '../domain/page-request.ts';
import { CODE_INSTRUMENT_KEY } from '../core/vocabulary.ts';
import type { Resolvers } from './__generated__/resolvers-types.ts';
import { found, inRevision, present, revisionChoice } from './support.ts';

export const revisionResolvers: Resolvers = {
  Query: {
    revisions: (_parent, _args, { loaders }) => loaders.revisions(),
    revision: (_parent, { key, asOf, prospective }, { loaders }) => loaders.revisionFor(revisionChoice({ revision: key, asOf, prospective })),
    heading: async (_parent, args, { loaders }) => {
      const revision = await loaders.revisionFor(revisionChoice(args));
      return found(await loaders.headingByUid.load(uidOf(revision.key, args.key)), `heading ${inRevision(revision)}`, args.key, 'safeguarding');
    },
  },
  Revision: {
    id: (revision) => toGlobalId('Revision', revision.key),
    instrument: async (revision, _args, { loaders }) =>
      present(await loaders.instrumentByKey.load(revision.instrumentKey ?? CODE_INSTRUMENT_KEY), `the instrument of revision ${revision.key}`),
    supersedes: (revision, _args, { loaders }) => (revision.supersedesKey === null ? null : loaders.revisionByKey(revision.supersedesKey)),
    supersededBy: (revision, _args, { loaders }) => loaders.revisionSuperseding(revision.key),
    headings: (revision, _args, { loaders }) => loaders.headingsOfRevision.load(revision.key),
    provisions: async (revision, { kind, first, after }, { loaders }) => ({
      revision,
      ...toConnection(await loaders.findProvisions(revision, kind ?? null, pageRequest(first, after))),
    }),
    sources: (revision, _args, { loaders }) => loaders.sourcesOf('Revision', revision.key),
  },
  Heading: {
    id: (heading) => toGlobalId('Heading', heading.uid),
    revision: async (heading, _args, { loaders }) => present(await loaders.revisionByKey(heading.revision), `revision ${heading.revision}`),
    provisions: (heading, _args, { loaders }) => loaders.provisionsOfHeading.load(heading.uid),
    terms: (heading, _args, { loaders }) => loaders.termsOfHeading.load(heading.uid),
    sources: (heading, _args, { loaders }) => loaders.sourcesOf('Heading', heading.uid),
  },
};
