/**
 * What the reader read (schema/reading.graphql): each obligation's own statement beside its
 * whole sentence (reader stage 9, docs/reading-rules.md, "Statements"), and each provision's
 * modal verbs that are not obligations, with the reason. The statement's fields and the
 * uncounted modals come straight from the models (loaders/obligation.ts, loaders/provision.ts).
 */
import type { Resolvers } from './__generated__/resolvers-types.ts';

export const readingResolvers: Resolvers = {
  Obligation: {
    sentence: (obligation) => obligation.text,
    subjectRestored: (obligation) => obligation.restoredSubject !== null,
  },
};
