/**
 * How current the answers are (schema/currency.graphql): when the seed last loaded the graph,
 * on the service info and on every revision, and the revision in force today with the day its
 * review is due (domain/legal-events.ts: in force from plus the Code's interval, two years).
 */
import { isReviewOverdue, reviewDue } from '../domain/legal-events.ts';
import { revisionInForceOn, todayInWales } from '../domain/revision-in-force.ts';
import type { RevisionModel } from '../loaders/revision.ts';
import type { Resolvers } from './__generated__/resolvers-types.ts';
import type { ResolverContext } from './context.ts';

/** The revision in force today in Wales, or null on a day none is. */
const inForceToday = async (loaders: ResolverContext['loaders']): Promise<RevisionModel | null> => revisionInForceOn(await loaders.revisions(), todayInWales());

/** The day a revision is due for review (clause 1.11 e): every two years unless the revision says otherwise). */
const reviewDueOf = (revision: RevisionModel | null): string | null =>
  revision?.inForceFrom === null || revision?.inForceFrom === undefined ? null : reviewDue(revision.inForceFrom, revision.reviewIntervalYears ?? 2);

export const currencyResolvers: Resolvers = {
  ServiceInfo: {
    graphLoadedAt: (_service, _args, { loaders }) => loaders.graphLoadedAt(),
    revisionInForce: (_service, _args, { loaders }) => inForceToday(loaders),
    reviewDue: async (_service, _args, { loaders }) => reviewDueOf(await inForceToday(loaders)),
    reviewOverdue: async (_service, _args, { loaders }) => {
      const due = reviewDueOf(await inForceToday(loaders));
      return due !== null && isReviewOverdue(due, todayInWales());
    },
  },
  Revision: {
    graphLoadedAt: (_revision, _args, { loaders }) => loaders.graphLoadedAt(),
  },
};
