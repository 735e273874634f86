/**
 * Topics across headings (schema/topics.graphql): the headings and glossary terms of a
 * revision with their obligation counts (loaders/topic.ts). The `topic` filter itself is
 * the obligations query's (loaders/obligation-query.ts).
 */
import type { Resolvers } from './__generated__/resolvers-types.ts';
import { present, revisionChoice } from './support.ts';

export const topicResolvers: Resolvers = {
  Query: {
    topics: async (_parent, args, { loaders }) => {
      const revision = await loaders.revisionFor(revisionChoice(args));
      return loaders.topics(revision, args.kind ?? null);
    },
  },
  Topic: {
    revision: async (topic, _args, { loaders }) => present(await loaders.revisionByKey(topic.revision), `revision ${topic.revision}`),
  },
};
