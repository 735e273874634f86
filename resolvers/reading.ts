/**
 * What the reader read (schema/reading.graphql): each obligation's own statement beside its
 * whole sentence (reader stage 9, docs/reading-rules.md, "Statements"), and each provision's
 * modal verbs that are not obligations, with the reason. The statement's fields and the
 * uncounted modals come straight from the models (loaders/obligation.ts, loaders/provision.ts),
 * but for the statement itself when a planned statement did not read it (loaders/projection.ts):
 * it is loaded then.
 */
import type { Resolvers } from './__generated__/resolvers-types.ts';
import { present } from './support.ts';

export const readingResolvers: Resolvers = {
  Obligation: {
    // Synchronous when the statement came with the model: no promise for the common case.
    statement: (obligation, _args, { loaders }) =>
      obligation.statement ?? loaders.obligationStatement.load(obligation.uid).then((statement) => present(statement, `the statement of obligation ${obligation.uid}`)),
    sentence: (obligation) => obligation.text,
    subjectRestored: (obligation) => obligation.restoredSubject !== null,
  },
};
