/**
 * Review comments (docs/graph-model.md, "Editorial state"): a reviewer or editor comments on
 * a draft, on one of its provisions or on one of its obligations; comments are answered and
 * resolved. The three commands share this file because they are one thing: a comment's life.
 * A comment names its provision or obligation by lineage id, so it follows it through
 * renumbering. Comments are not the draft's content: they change neither its version nor its
 * editorial state, and a published revision takes none. Each is audited.
 */
import { randomUUID } from 'node:crypto';
import { badUserInput, notFound, quoteShort, revisionPublished } from '../core/errors.ts';
import type { Viewer } from '../core/viewer.ts';
import type { TransactionRunner } from '../db/run-query.ts';
import { requireAnyRole } from '../domain/permissions.ts';
import { appendAudit } from './audit.ts';
import { audited } from './audited.ts';
import { checkText, LIMITS } from './check-input.ts';
import type { CommandContext } from './command-context.ts';
import { provisionKeyOf } from './provision-text.ts';

export const REVIEW_COMMENT_EXAMPLE = 'Clause 1.53A: say which workforce plans are meant.';

export interface AddReviewCommentInput {
  revision: string;
  /** The provision commented on, by key (such as 1.53). */
  provision?: string | null;
  /** The obligation commented on, by lineage id. */
  obligation?: string | null;
  text: string;
}

export interface AnswerReviewCommentInput {
  comment: string;
  text: string;
}

export interface ResolveReviewCommentInput {
  comment: string;
}

export interface ReviewCommentRef {
  revision: string;
  id: string;
}

const DRAFT = `
MATCH (r:Revision {key: $revision})
RETURN r.published AS published`;

const TARGET_PROVISION = `
MATCH (p:Provision {uid: $revision + '|' + $key}) WHERE p.revision = $revision
RETURN p.lineage AS lineage`;

const TARGET_OBLIGATION = `
MATCH (o:Obligation {lineage: $lineage}) WHERE o.revision = $revision
RETURN o.lineage AS lineage`;

const CREATE = `
MATCH (r:Revision {key: $revision}) WHERE r.published = false
CREATE (c:ReviewComment {id: $id, revision: $revision, text: $text, status: 'OPEN', author: $subject, authorName: $name,
                         createdAt: datetime(), provisionLineage: $provisionLineage, obligationLineage: $obligationLineage, replyTo: $replyTo})
CREATE (c)-[:ON]->(r)
WITH c
OPTIONAL MATCH (parent:ReviewComment {id: $replyTo})
FOREACH (_ IN CASE WHEN parent IS NULL THEN [] ELSE [1] END |
  CREATE (c)-[:ANSWERS]->(parent)
  SET parent.status = CASE parent.status WHEN 'OPEN' THEN 'ANSWERED' ELSE parent.status END)
RETURN c.id AS id`;

const COMMENT = `
MATCH (c:ReviewComment {id: $id})-[:ON]->(r:Revision)
RETURN r.key AS revision, r.published AS published, c.status AS status, c.replyTo AS replyTo`;

const RESOLVE = `
MATCH (c:ReviewComment {id: $id})-[:ON]->(r:Revision) WHERE r.published = false
SET c.status = 'RESOLVED', c.resolvedBy = $subject, c.resolvedByName = $name, c.resolvedAt = datetime()`;

const ROLES = ['editor', 'reviewer'] as const;

/** A new comment on draft `revision` (a reply when `replyTo` is given); its id. */
export async function createComment(
  tx: TransactionRunner,
  comment: { revision: string; text: string; viewer: Viewer; provisionLineage?: string | null; obligationLineage?: string | null; replyTo?: string | null },
): Promise<string> {
  const id = `rc_${randomUUID().replaceAll('-', '').slice(0, 24)}`;
  await tx.run('edit.createComment', CREATE, {
    id,
    revision: comment.revision,
    text: comment.text,
    subject: comment.viewer.subject,
    name: comment.viewer.name,
    provisionLineage: comment.provisionLineage ?? null,
    obligationLineage: comment.obligationLineage ?? null,
    replyTo: comment.replyTo ?? null,
  });
  return id;
}

const checkCommentId = (value: string): string => {
  if (!/^rc_[0-9a-f]{24}$/.test(value)) throw badUserInput(`input.comment must be a review comment's id, such as "rc_0123456789abcdef01234567"; got "${quoteShort(value)}"`, 'input.comment');
  return value;
};

async function findComment(tx: TransactionRunner, id: string): Promise<{ revision: string; status: string; replyTo: string | null }> {
  const [comment] = await tx.run<{ revision: string; published: boolean; status: string; replyTo: string | null }>('edit.comment', COMMENT, { id });
  if (comment === undefined) throw notFound('review comment', id, 'rc_0123456789abcdef01234567');
  if (comment.published) throw revisionPublished(comment.revision);
  return comment;
}

export async function addReviewComment(ctx: CommandContext, input: AddReviewCommentInput): Promise<ReviewCommentRef> {
  return audited(ctx, 'addReviewComment', { revision: input.revision, key: input.provision ?? input.obligation ?? null }, async () => {
    const viewer = requireAnyRole(ctx.viewer, ROLES, 'Commenting on a draft');
    const text = checkText(input.text, 'input.text', LIMITS.reason, REVIEW_COMMENT_EXAMPLE);
    if (input.provision !== null && input.provision !== undefined && input.obligation !== null && input.obligation !== undefined) {
      throw badUserInput('Give input.provision or input.obligation, not both: a comment is on one thing', 'input.obligation');
    }
    return ctx.runner.writeTransaction('edit.addReviewComment', async (tx) => {
      const [draft] = await tx.run<{ published: boolean }>('edit.commentedRevision', DRAFT, { revision: input.revision });
      if (draft === undefined) throw notFound('revision of the Code', input.revision, 'draft-2026-review');
      if (draft.published) throw revisionPublished(input.revision);
      let provisionLineage: string | null = null;
      let obligationLineage: string | null = null;
      if (input.provision !== null && input.provision !== undefined) {
        const key = provisionKeyOf(input.provision, 'input.provision');
        const [found] = await tx.run<{ lineage: string }>('edit.commentedProvision', TARGET_PROVISION, { revision: input.revision, key });
        if (found === undefined) throw badUserInput(`input.provision: revision ${input.revision} has no provision "${key}"; a valid key looks like "1.53"`, 'input.provision');
        provisionLineage = found.lineage;
      }
      if (input.obligation !== null && input.obligation !== undefined) {
        const [found] = await tx.run<{ lineage: string }>('edit.commentedObligation', TARGET_OBLIGATION, { revision: input.revision, lineage: input.obligation });
        if (found === undefined) {
          throw badUserInput(`input.obligation: revision ${input.revision} has no obligation with lineage "${quoteShort(input.obligation)}"; give an Obligation.lineage of this draft`, 'input.obligation');
        }
        obligationLineage = found.lineage;
      }
      const id = await createComment(tx, { revision: input.revision, text, viewer, provisionLineage, obligationLineage });
      await appendAudit(tx, {
        actor: { subject: viewer.subject, name: viewer.name },
        action: 'addReviewComment',
        target: { revision: input.revision, key: input.provision ?? null },
        before: null,
        after: { comment: id, text, obligation: obligationLineage },
        result: 'OK',
        requestId: ctx.requestId,
      });
      return { revision: input.revision, id };
    });
  });
}

export async function answerReviewComment(ctx: CommandContext, input: AnswerReviewCommentInput): Promise<ReviewCommentRef> {
  return audited(ctx, 'answerReviewComment', { revision: null, key: input.comment }, async () => {
    const viewer = requireAnyRole(ctx.viewer, ROLES, 'Answering a review comment');
    const id = checkCommentId(input.comment);
    const text = checkText(input.text, 'input.text', LIMITS.reason, 'Done: the clause now names the local health boards\' workforce plans.');
    return ctx.runner.writeTransaction('edit.answerReviewComment', async (tx) => {
      const comment = await findComment(tx, id);
      const answer = await createComment(tx, { revision: comment.revision, text, viewer, replyTo: comment.replyTo ?? id });
      await appendAudit(tx, {
        actor: { subject: viewer.subject, name: viewer.name },
        action: 'answerReviewComment',
        target: { revision: comment.revision, key: id },
        before: { status: comment.status },
        after: { answer, text },
        result: 'OK',
        requestId: ctx.requestId,
      });
      return { revision: comment.revision, id: comment.replyTo ?? id };
    });
  });
}

export async function resolveReviewComment(ctx: CommandContext, input: ResolveReviewCommentInput): Promise<ReviewCommentRef> {
  return audited(ctx, 'resolveReviewComment', { revision: null, key: input.comment }, async () => {
    const viewer = requireAnyRole(ctx.viewer, ROLES, 'Resolving a review comment');
    const id = checkCommentId(input.comment);
    return ctx.runner.writeTransaction('edit.resolveReviewComment', async (tx) => {
      const comment = await findComment(tx, id);
      const thread = comment.replyTo ?? id;
      await tx.run('edit.resolveComment', RESOLVE, { id: thread, subject: viewer.subject, name: viewer.name });
      await appendAudit(tx, {
        actor: { subject: viewer.subject, name: viewer.name },
        action: 'resolveReviewComment',
        target: { revision: comment.revision, key: thread },
        before: { status: comment.status },
        after: { status: 'RESOLVED' },
        result: 'OK',
        requestId: ctx.requestId,
      });
      return { revision: comment.revision, id: thread };
    });
  });
}
