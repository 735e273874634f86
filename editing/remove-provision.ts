/**
 * removeProvision: takes a clause, principle or standard out of a draft, with the
 * obligations it states and the footnotes only it referred to; the draft's reading order
 * closes the gap, and the keys of the provisions after it stay until the draft is
 * renumbered. One transaction with its audit event.
 */
import { badUserInput } from '../core/errors.ts';
import { requireRole } from '../domain/permissions.ts';
import { appendAudit } from './audit.ts';
import { audited } from './audited.ts';
import { checkVersion } from './check-input.ts';
import type { CommandContext } from './command-context.ts';
import { lockDraft } from './lock-draft.ts';
import { auditedObligations, obligationsOfProvision, provisionKeyOf, withoutTrigger, type ObligationSummaryModel } from './provision-text.ts';
import { renumberReadingOrder } from './reading-order.ts';

export interface RemoveProvisionInput {
  revision: string;
  key: string;
  expectedVersion: number;
}

export interface RemovedProvision {
  revision: string;
  version: number;
  provisionKey: string;
  obligations: ObligationSummaryModel[];
}

const REMOVE = `
MATCH (p:Provision {uid: $uid}) WHERE p.revision = $revision
OPTIONAL MATCH (o:Obligation)-[:STATED_IN]->(p) WHERE o.revision = $revision
DETACH DELETE o
WITH DISTINCT p
CALL (p) {
  MATCH (p)-[:HAS_FOOTNOTE]->(f:Footnote) WHERE f.revision = $revision AND NOT EXISTS { MATCH (other:Provision)-[:HAS_FOOTNOTE]->(f) WHERE other <> p }
  DETACH DELETE f
}
WITH p, p.text AS text
DETACH DELETE p
RETURN text`;

export async function removeProvision(ctx: CommandContext, input: RemoveProvisionInput): Promise<RemovedProvision> {
  return audited(ctx, 'removeProvision', { revision: input.revision, key: input.key }, async () => {
    const viewer = requireRole(ctx.viewer, 'editor', 'Removing a provision');
    const key = provisionKeyOf(input.key);
    const expectedVersion = checkVersion(input.expectedVersion);
    const uid = `${input.revision}|${key}`;
    return ctx.runner.writeTransaction('edit.removeProvision', async (tx) => {
      const { version } = await lockDraft(tx, input.revision, expectedVersion, viewer);
      const obligations = (await obligationsOfProvision(tx, uid)).map(withoutTrigger);
      const [removed] = await tx.run<{ text: string }>('edit.removeProvision', REMOVE, { uid, revision: input.revision });
      if (removed === undefined) throw badUserInput(`input.key: revision ${input.revision} has no provision "${key}"; a valid key looks like "1.53"`, 'input.key');
      await renumberReadingOrder(tx, input.revision, { provisions: true });
      await appendAudit(tx, {
        actor: { subject: viewer.subject, name: viewer.name },
        action: 'removeProvision',
        target: { revision: input.revision, key },
        before: { text: removed.text, obligations: auditedObligations(obligations) },
        after: { version },
        result: 'OK',
        requestId: ctx.requestId,
      });
      return { revision: input.revision, version, provisionKey: key, obligations };
    });
  });
}
