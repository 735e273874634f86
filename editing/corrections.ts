/**
 * An editor's correction of the reader (updateObligation) when the provision is edited again:
 * the text is read afresh, and a correction stays with the obligation it corrected (same
 * lineage) only if that obligation's sentence is still worded as it was when corrected. A
 * correction of a sentence that has since changed was a correction of other words: it goes,
 * and the audit says which went.
 */
import type { Force, Modality, Qualifier } from '../core/vocabulary.ts';
import type { TransactionRunner } from '../db/run-query.ts';
import type { ProvisionReading, ReadObligation } from '../reader/read-provision.ts';
import { applicabilityOf } from '../reader/stages/5-resolve-bodies.ts';
import type { CommandContext } from './command-context.ts';

export interface Correction {
  lineage: string;
  /** The sentence as it was worded when corrected. */
  text: string;
  modality: Modality;
  force: Force;
  qualifiers: Qualifier[];
  addressees: string[];
  reason: string;
  by: string;
}

const CORRECTIONS = `
MATCH (o:Obligation)-[:STATED_IN]->(:Provision {uid: $uid})
WHERE o.revision = $revision AND o.overriddenBy IS NOT NULL
RETURN o.lineage AS lineage, coalesce(o.correctedText, o.text) AS text, o.modality AS modality, o.force AS force,
       coalesce(o.qualifiers, []) AS qualifiers, o.overrideReason AS reason, o.overriddenBy AS by,
       [(o)-[:ADDRESSES]->(b:Body) | b.key] AS addressees`;

/** The editors' corrections of a provision's obligations, as they stand in the draft. */
export function correctionsOf(tx: TransactionRunner, revision: string, uid: string): Promise<Correction[]> {
  return tx.run<Correction>('edit.corrections', CORRECTIONS, { revision, uid });
}

/** An obligation as written with an editor's correction kept. */
export type CorrectedObligation = ReadObligation & { overriddenBy?: string; correctedText?: string };

/**
 * The reading with each correction kept where its obligation's sentence is unchanged, and the
 * lineages of the corrections kept and dropped.
 */
export function keepCorrections(
  reading: ProvisionReading,
  lineages: readonly string[],
  corrections: readonly Correction[],
  ctx: Pick<CommandContext, 'reader'>,
): { reading: ProvisionReading; kept: string[]; dropped: string[] } {
  const byLineage = new Map(corrections.map((c) => [c.lineage, c]));
  const kept: string[] = [];
  const obligations: CorrectedObligation[] = reading.obligations.map((o, i) => {
    const correction = byLineage.get(lineages[i] ?? '');
    if (correction === undefined || correction.text !== o.text) return o;
    kept.push(correction.lineage);
    return {
      ...o,
      modality: correction.modality,
      force: correction.force,
      qualifiers: correction.qualifiers,
      addressees: correction.addressees,
      applicability: applicabilityOf(ctx.reader.lexicon, correction.addressees, (body) => ctx.reader.bindings(body, correction.force)),
      fromOverride: true,
      overrideReason: correction.reason,
      overriddenBy: correction.by,
      correctedText: correction.text,
    };
  });
  return { reading: { ...reading, obligations }, kept, dropped: corrections.map((c) => c.lineage).filter((lineage) => !kept.includes(lineage)) };
}
