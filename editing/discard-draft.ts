/**
 * discardDraft: deletes a draft and everything it owns, in one transaction with its audit
 * event. Only a draft (never a published revision: the Cypher matches unpublished ones only),
 * at the version the editor last read.
 */
import { requireRole } from '../domain/permissions.ts';
import { appendAudit } from './audit.ts';
import { audited } from './audited.ts';
import { checkVersion } from './check-input.ts';
import type { CommandContext } from './command-context.ts';
import { lockDraft } from './lock-draft.ts';

export interface DiscardDraftInput {
  revision: string;
  expectedVersion: number;
}

const DISCARD = `
MATCH (n) WHERE n.revision = $key AND (n:Heading OR n:Provision OR n:Obligation OR n:Term OR n:Footnote)
  AND EXISTS { MATCH (r:Revision {key: $key}) WHERE r.published = false }
DETACH DELETE n
WITH count(*) AS removed
MATCH (r:Revision {key: $key}) WHERE r.published = false
DETACH DELETE r
RETURN removed`;

export async function discardDraft(ctx: CommandContext, input: DiscardDraftInput): Promise<{ revision: string }> {
  return audited(ctx, 'discardDraft', { revision: input.revision, key: null }, async () => {
    const viewer = requireRole(ctx.viewer, 'editor', 'Discarding a draft');
    const expectedVersion = checkVersion(input.expectedVersion);
    return ctx.runner.writeTransaction('edit.discardDraft', async (tx) => {
      await lockDraft(tx, input.revision, expectedVersion, viewer, 'DISCARD');
      await tx.run('edit.discardDraft', DISCARD, { key: input.revision });
      await appendAudit(tx, {
        actor: { subject: viewer.subject, name: viewer.name },
        action: 'discardDraft',
        target: { revision: input.revision, key: null },
        before: { version: expectedVersion },
        after: null,
        result: 'OK',
        requestId: ctx.requestId,
      });
      return { revision: input.revision };
    });
  });
}
