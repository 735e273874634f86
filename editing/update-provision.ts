/**
 * updateProvision (issue 9, point 3): an editor's new wording of one provision of a draft.
 * The new text is read by the same reader as the seed (readProvision), so the provision's
 * obligations, modalities, forces, addressees, applicability, qualifiers and citations follow
 * the text. Obligations that survive the edit keep their lineage id (domain/match-obligations.ts);
 * new ones get new ids; removed ones leave the draft. One transaction with its audit event.
 */
import { badUserInput } from '../core/errors.ts';
import type { ProvisionKind } from '../core/vocabulary.ts';
import { newLineage } from '../domain/lineage.ts';
import { matchLineages } from '../domain/match-obligations.ts';
import { requireRole } from '../domain/permissions.ts';
import { appendAudit } from './audit.ts';
import { audited } from './audited.ts';
import { checkText, checkVersion, LIMITS } from './check-input.ts';
import type { CommandContext } from './command-context.ts';
import { correctionsOf, keepCorrections } from './corrections.ts';
import { lockDraft } from './lock-draft.ts';
import { auditedObligations, obligationsOfProvision, provisionKeyOf, readEditedText, summaryOf, withoutTrigger, type ObligationSummaryModel } from './provision-text.ts';
import { renumberReadingOrder } from './reading-order.ts';
import { writeProvisionReading } from './write-obligations.ts';

export interface UpdateProvisionInput {
  revision: string;
  key: string;
  text: string;
  /** A new title (principles and standards have one); null or absent keeps the title. */
  title?: string | null;
  expectedVersion: number;
}

export interface UpdatedProvision {
  revision: string;
  version: number;
  provisionKey: string;
  before: ObligationSummaryModel[];
  after: ObligationSummaryModel[];
}

const PROVISION = `
MATCH (p:Provision {uid: $uid})
RETURN p.kind AS kind, p.title AS title, p.text AS text`;

export async function updateProvision(ctx: CommandContext, input: UpdateProvisionInput): Promise<UpdatedProvision> {
  return audited(ctx, 'updateProvision', { revision: input.revision, key: input.key }, async () => {
    const viewer = requireRole(ctx.viewer, 'editor', 'Editing a provision');
    const key = provisionKeyOf(input.key);
    const text = checkText(input.text, 'input.text', LIMITS.text, 'Statutory partners must publish their fee rates.');
    const title = input.title === null || input.title === undefined ? undefined : checkText(input.title, 'input.title', LIMITS.title, 'Fees and costs');
    const expectedVersion = checkVersion(input.expectedVersion);
    const uid = `${input.revision}|${key}`;
    return ctx.runner.writeTransaction('edit.updateProvision', async (tx) => {
      const { version } = await lockDraft(tx, input.revision, expectedVersion, viewer);
      const [provision] = await tx.run<{ kind: ProvisionKind; title: string | null; text: string }>('edit.provision', PROVISION, { uid });
      if (provision === undefined) throw badUserInput(`input.key: revision ${input.revision} has no provision "${key}"; a valid key looks like "1.53"`, 'input.key');
      const before = await obligationsOfProvision(tx, uid);
      const reading = readEditedText(key, provision.kind, text, ctx);
      const matched = matchLineages(
        before.map((o) => ({ lineage: o.lineage, index: Number(o.key.split('/')[1]), trigger: o.trigger, text: o.text })),
        reading.obligations.map((o) => ({ index: o.index, trigger: o.trigger, text: o.text })),
      );
      const lineages = matched.map((lineage) => lineage ?? newLineage('obligation'));
      const corrections = keepCorrections(reading, lineages, await correctionsOf(tx, input.revision, uid), ctx);
      await writeProvisionReading(tx, { revision: input.revision, provisionKey: key, title: title ?? provision.title, reading: corrections.reading, lineages, editor: viewer.subject, citesNumberingOf: ctx.reader.citesNumberingOf });
      await renumberReadingOrder(tx, input.revision, { provisions: false });
      const after = summaryOf(corrections.reading, lineages);
      const beforeSummary = before.map(withoutTrigger);
      await appendAudit(tx, {
        actor: { subject: viewer.subject, name: viewer.name },
        action: 'updateProvision',
        target: { revision: input.revision, key },
        before: { text: provision.text, obligations: auditedObligations(beforeSummary) },
        after: { text: reading.text, obligations: auditedObligations(after), corrections: { kept: corrections.kept, dropped: corrections.dropped }, version },
        result: 'OK',
        requestId: ctx.requestId,
      });
      return { revision: input.revision, version, provisionKey: key, before: beforeSummary, after };
    });
  });
}
