/**
 * splitProvision: one provision of a draft becomes two, the editor giving the text of each;
 * the second goes straight after the first, under the same heading, numbered by the Code's
 * scheme (1.53A after 1.53) or given a key. Both texts are read by the reader, and the
 * provision's obligations are matched against the readings of both (domain/match-obligations.ts),
 * so an obligation that moves to the new provision keeps its lineage id: a split is not a
 * removal and an addition. One transaction with its audit event.
 */
import { badUserInput } from '../core/errors.ts';
import type { ProvisionKind } from '../core/vocabulary.ts';
import { newLineage } from '../domain/lineage.ts';
import { matchLineages } from '../domain/match-obligations.ts';
import { requireRole } from '../domain/permissions.ts';
import { insertedKey } from '../domain/provision-numbering.ts';
import { appendAudit } from './audit.ts';
import { audited } from './audited.ts';
import { checkText, checkVersion, LIMITS } from './check-input.ts';
import type { CommandContext } from './command-context.ts';
import { lockDraft } from './lock-draft.ts';
import { auditedObligations, obligationsOfProvision, provisionKeyOf, readEditedText, summaryOf, withoutTrigger, type ObligationSummaryModel } from './provision-text.ts';
import { renumberReadingOrder } from './reading-order.ts';
import { createProvision, writeProvisionReading } from './write-obligations.ts';

export interface SplitProvisionInput {
  revision: string;
  key: string;
  /** The text the provision keeps. */
  text: string;
  /** The text of the new provision that follows it. */
  newText: string;
  /** The new provision's key; by the Code's scheme when left out. */
  newKey?: string | null;
  /** The new provision's title (principles and standards have one). */
  newTitle?: string | null;
  expectedVersion: number;
}

export interface SplitProvision {
  revision: string;
  version: number;
  provisionKey: string;
  newProvisionKey: string;
  before: ObligationSummaryModel[];
}

const PROVISIONS = `
MATCH (h:Heading {revision: $revision})-[:CONTAINS]->(p:Provision)
RETURN p.key AS key, p.kind AS kind, p.order AS order, p.title AS title, h.key AS heading
ORDER BY p.order`;

export async function splitProvision(ctx: CommandContext, input: SplitProvisionInput): Promise<SplitProvision> {
  return audited(ctx, 'splitProvision', { revision: input.revision, key: input.key }, async () => {
    const viewer = requireRole(ctx.viewer, 'editor', 'Splitting a provision');
    const key = provisionKeyOf(input.key);
    const text = checkText(input.text, 'input.text', LIMITS.text, 'Commissioners must proactively encourage their providers to complete the workforce data collection.');
    const newText = checkText(input.newText, 'input.newText', LIMITS.text, 'Having an accurate national dataset supports robust workforce planning.');
    const newTitle = input.newTitle === null || input.newTitle === undefined ? null : checkText(input.newTitle, 'input.newTitle', LIMITS.title, 'Standard 11: Working with unpaid carers');
    const expectedVersion = checkVersion(input.expectedVersion);
    return ctx.runner.writeTransaction('edit.splitProvision', async (tx) => {
      const { version } = await lockDraft(tx, input.revision, expectedVersion, viewer);
      const provisions = await tx.run<{ key: string; kind: ProvisionKind; order: number; title: string | null; heading: string }>('edit.split.provisions', PROVISIONS, { revision: input.revision });
      const at = provisions.findIndex((p) => p.key === key);
      const provision = provisions[at];
      if (provision === undefined) throw badUserInput(`input.key: revision ${input.revision} has no provision "${key}"; a valid key looks like "1.53"`, 'input.key');
      const taken = new Set(provisions.map((p) => p.key));
      let newKey: string;
      if (input.newKey !== null && input.newKey !== undefined) {
        newKey = provisionKeyOf(input.newKey, 'input.newKey');
        if (taken.has(newKey)) throw badUserInput(`input.newKey: revision ${input.revision} already has a provision "${newKey}"; leave input.newKey out to number it by the Code's scheme`, 'input.newKey');
      } else {
        const next = provisions.slice(at + 1).find((p) => p.kind === provision.kind)?.key ?? null;
        const scheme = insertedKey(provision.kind, key, next, taken);
        if (scheme === null) throw badUserInput(`input.newKey: no number is free between ${key} and ${next ?? 'the end'}; give input.newKey, or renumber the draft first`, 'input.newKey');
        newKey = scheme;
      }
      if (provision.kind !== 'CLAUSE' && newTitle === null) throw badUserInput(`input.newTitle: a ${provision.kind.toLowerCase()} has a title; give the new one's`, 'input.newTitle');
      if (provision.kind === 'CLAUSE' && newTitle !== null) throw badUserInput('input.newTitle: clauses have no title; leave input.newTitle out', 'input.newTitle');

      const uid = `${input.revision}|${key}`;
      const before = await obligationsOfProvision(tx, uid);
      const kept = readEditedText(key, provision.kind, text, ctx);
      const moved = readEditedText(newKey, provision.kind, newText, ctx);
      // The new provision's obligations continue the numbering of the old one's, so that "the second duty" stays second.
      const matched = matchLineages(
        before.map((o) => ({ lineage: o.lineage, index: Number(o.key.split('/')[1]), trigger: o.trigger, text: o.text })),
        [...kept.obligations, ...moved.obligations.map((o) => ({ ...o, index: o.index + kept.obligations.length }))].map((o) => ({ index: o.index, trigger: o.trigger, text: o.text })),
      );
      const lineages = matched.map((lineage) => lineage ?? newLineage('obligation'));
      const keptLineages = lineages.slice(0, kept.obligations.length);
      const movedLineages = lineages.slice(kept.obligations.length);

      await writeProvisionReading(tx, { revision: input.revision, provisionKey: key, title: provision.title, reading: kept, lineages: keptLineages, editor: viewer.subject, citesNumberingOf: ctx.reader.citesNumberingOf });
      await createProvision(tx, { revision: input.revision, heading: provision.heading, key: newKey, kind: provision.kind, title: newTitle, order: provision.order + 0.5, editor: viewer.subject });
      await writeProvisionReading(tx, { revision: input.revision, provisionKey: newKey, title: newTitle, reading: moved, lineages: movedLineages, editor: viewer.subject, citesNumberingOf: ctx.reader.citesNumberingOf });
      await renumberReadingOrder(tx, input.revision, { provisions: true });
      const beforeSummary = before.map(withoutTrigger);
      await appendAudit(tx, {
        actor: { subject: viewer.subject, name: viewer.name },
        action: 'splitProvision',
        target: { revision: input.revision, key },
        before: { obligations: auditedObligations(beforeSummary) },
        after: { [key]: auditedObligations(summaryOf(kept, keptLineages)), [newKey]: auditedObligations(summaryOf(moved, movedLineages)), version },
        result: 'OK',
        requestId: ctx.requestId,
      });
      return { revision: input.revision, version, provisionKey: key, newProvisionKey: newKey, before: beforeSummary };
    });
  });
}
