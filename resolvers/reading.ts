/**
 * What the reader read (schema/reading.graphql): each obligation's own statement beside its
 * whole sentence (reader stage 9, docs/reading-rules.md, "Statements"), and each provision's
 * modal verbs that are not obligations, with the reason. The statement's fields and the
 * uncounted modals come straight from the models (loaders/obligation.ts, loaders/provision.ts),
 * but for the statement itself when a planned statement did not read it (loaders/projection.ts):
 * it is loaded then.
 */
import type { Resolvers } from './__generated__/resolvers-types.ts';
import { obligationProperty as property, propertyOf, wholeObligation } from './support.ts';

export const readingResolvers: Resolvers = {
  Obligation: {
    statement: property('statement'),
    statementStart: property('statementStart'),
    statementEnd: property('statementEnd'),
    restoredSubject: property('restoredSubject'),
    sentence: property('text'),
    subjectRestored: propertyOf('restoredSubject', wholeObligation, (subject) => subject !== null),
  },
};
