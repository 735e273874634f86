/**
 * Review, publishing and the Code's legal life (schema/review.graphql): the mutations unpack
 * their input, call one editing command and read the result back through the loaders; the
 * changes feed, each revision's events and review date, review comments (for the editorial
 * team only) and one obligation's history across revisions.
 */
import { badUserInput, notFound } from '../core/errors.ts';
import { hasRole } from '../core/viewer.ts';
import { ROLES } from '../core/vocabulary.ts';
import { reviewDue, isReviewOverdue } from '../domain/legal-events.ts';
import { obligationHistory } from '../domain/obligation-history.ts';
import { pageRequest } from '../domain/page-request.ts';
import { isoDay, revisionInForceOn, todayInWales } from '../domain/revision-in-force.ts';
import { toConnection } from '../loaders/pagination.ts';
import type { RevisionModel } from '../loaders/revision.ts';
import type { Resolvers } from './__generated__/resolvers-types.ts';
import type { ResolverContext } from './context.ts';
import { present } from './support.ts';

const revisionOf = async (loaders: ResolverContext['loaders'], key: string): Promise<RevisionModel> => present(await loaders.revisionByKey(key), `revision ${key}`);

const commentOf = async (loaders: ResolverContext['loaders'], id: string) => present(await loaders.reviewComment(id), `review comment ${id}`);

const reviewDueOf = (revision: RevisionModel): string | null => (revision.inForceFrom === null ? null : reviewDue(revision.inForceFrom, revision.reviewIntervalYears ?? 2));

export const reviewResolvers: Resolvers = {
  Query: {
    changes: async (_parent, args, { loaders }) => {
      const request = pageRequest(args.first, args.after);
      const page = await loaders.changes(request);
      const connection = toConnection(page);
      return { totalCount: connection.totalCount, pageInfo: connection.pageInfo, nodes: connection.nodes };
    },
    obligationHistory: async (_parent, { lineage }, { loaders }) => {
      if (!/^ob_[0-9a-f]{24}$/.test(lineage)) throw badUserInput(`lineage must be an obligation's lineage id (Obligation.lineage), such as "ob_0123456789abcdef01234567"; got "${lineage.slice(0, 60)}"`, 'lineage');
      const revisions = await loaders.revisions();
      const oldestFirst = [...revisions].reverse().map((r) => r.key);
      const versions = await loaders.obligationVersions(lineage);
      const history = obligationHistory(versions, oldestFirst);
      if (history.length === 0) throw notFound('obligation lineage', lineage, 'ob_0123456789abcdef01234567');
      return history.map(({ version, changes }) => ({ revisionKey: version.revision, key: version.key, uid: version.uid, changes }));
    },
  },
  ObligationHistoryEntry: {
    revision: (entry, _args, { loaders }) => revisionOf(loaders, entry.revisionKey),
    obligation: async (entry, _args, { loaders }) => present(await loaders.obligationByUid.load(entry.uid), `obligation ${entry.uid}`),
  },
  RevisionEvent: {
    revision: (event, _args, { loaders }) => revisionOf(loaders, event.revisionKey),
  },
  ReviewComment: {
    provision: async (comment, _args, { loaders }) => {
      const uid = comment.provisionLineage === null ? null : await loaders.provisionUidByLineage(comment.revision, comment.provisionLineage);
      return uid === null ? null : loaders.provisionByUid.load(uid);
    },
    obligation: async (comment, _args, { loaders }) => {
      const uid = comment.obligationLineage === null ? null : await loaders.obligationUidByLineage(comment.revision, comment.obligationLineage);
      return uid === null ? null : loaders.obligationByUid.load(uid);
    },
  },
  Revision: {
    reviewDue: (revision) => reviewDueOf(revision),
    reviewOverdue: async (revision, _args, { loaders }) => {
      const due = reviewDueOf(revision);
      if (due === null) return false;
      const today = todayInWales();
      return isReviewOverdue(due, today) && revisionInForceOn(await loaders.revisions(), today)?.key === revision.key;
    },
    approvedBy: (revision) => revision.approvedBy,
    events: (revision, _args, { loaders }) => loaders.eventsOfRevision(revision.key),
    reviewComments: async (revision, { status }, { loaders, viewer }) => {
      if (!ROLES.some((role) => hasRole(viewer, role))) return [];
      const comments = await loaders.reviewComments(revision.key);
      return status === null || status === undefined ? comments : comments.filter((c) => status.includes(c.status));
    },
  },
  Mutation: {
    submitForReview: async (_parent, { input }, { editing, loaders }) => {
      const done = await editing.submitForReview(input);
      return { revision: await revisionOf(loaders, done.revision), version: done.version };
    },
    approve: async (_parent, { input }, { editing, loaders }) => {
      const done = await editing.approve(input);
      return { revision: await revisionOf(loaders, done.revision), version: done.version };
    },
    publishRevision: async (_parent, { input }, { editing, loaders }) => {
      const done = await editing.publishRevision(input);
      return { revision: await revisionOf(loaders, done.revision), version: done.version };
    },
    requestChanges: async (_parent, { input }, { editing, loaders }) => {
      const done = await editing.requestChanges(input);
      const id = done.recorded['comment'];
      return { revision: await revisionOf(loaders, done.revision), version: done.version, comment: await commentOf(loaders, typeof id === 'string' ? id : '') };
    },
    recordLegalEvent: async (_parent, { input }, { editing, loaders }) => {
      const on = isoDay(input.on) ?? '';
      const done = await editing.recordLegalEvent({ ...input, on });
      const events = await loaders.eventsOfRevision(done.revision);
      return { revision: await revisionOf(loaders, done.revision), event: present(events.find((e) => e.sequence === done.sequence), `event ${done.sequence}`) };
    },
    addReviewComment: async (_parent, { input }, { editing, loaders }) => ({ comment: await commentOf(loaders, (await editing.addReviewComment(input)).id) }),
    answerReviewComment: async (_parent, { input }, { editing, loaders }) => ({ comment: await commentOf(loaders, (await editing.answerReviewComment(input)).id) }),
    resolveReviewComment: async (_parent, { input }, { editing, loaders }) => ({ comment: await commentOf(loaders, (await editing.resolveReviewComment(input)).id) }),
  },
};
