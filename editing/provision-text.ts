/**
 * What the commands that write a provision's text share (docs/architecture.md, "The write
 * side"): the provision key an editor names, the reader's reading of an editor's text (the
 * same readProvision as the seed), and the provision's obligations as they stand, summarised
 * for the payload and the audit.
 */
import { badUserInput, quoteShort } from '../core/errors.ts';
import { PROVISION_KEY } from '../core/keys.ts';
import type { Force, Modality, ProvisionKind } from '../core/vocabulary.ts';
import type { TransactionRunner } from '../db/run-query.ts';
import { readProvision, type ProvisionReading } from '../reader/read-provision.ts';
import { ProvisionTextError } from '../reader/stages/1-parse-clean-text.ts';
import type { CommandContext } from './command-context.ts';

/** An obligation as it stood or stands, for the payload and the audit: what an editor compares. */
export interface ObligationSummaryModel {
  key: string;
  lineage: string;
  text: string;
  modality: Modality;
  force: Force;
  addressees: string[];
}

/** A provision's key as an editor gave it, or BAD_USER_INPUT with valid examples. */
export const provisionKeyOf = (value: string, field = 'input.key'): string => {
  if (!PROVISION_KEY.test(value)) throw badUserInput(`${field} must be a provision's key, such as "1.53", "P3" or "S8"; got "${quoteShort(value)}"`, field);
  return value;
};

/** The reader's reading of an editor's text, or BAD_USER_INPUT saying which line it cannot hold. */
export function readEditedText(key: string, kind: ProvisionKind, text: string, ctx: CommandContext): ProvisionReading {
  try {
    return readProvision({ key, kind, text }, ctx.reader);
  } catch (error) {
    if (error instanceof ProvisionTextError) {
      throw badUserInput(`input.text: ${error.message}. Write one paragraph or list item a line, items starting "a) ", "i. " or "- "`, 'input.text');
    }
    throw error;
  }
}

/** The obligations a reading gives, with the lineage id each one is given. */
export const summaryOf = (reading: ProvisionReading, lineages: readonly string[]): ObligationSummaryModel[] =>
  reading.obligations.map((o, i) => ({ key: o.key, lineage: lineages[i] ?? '', text: o.text, modality: o.modality, force: o.force, addressees: o.addressees }));

const OBLIGATIONS = `
MATCH (o:Obligation)-[:STATED_IN]->(:Provision {uid: $uid})
RETURN o.key AS key, o.lineage AS lineage, o.trigger AS trigger, o.text AS text, o.modality AS modality, o.force AS force,
       [(o)-[:ADDRESSES]->(b:Body) | b.key] AS addressees
ORDER BY toInteger(split(o.key, '/')[1])`;

/** A provision's obligations as they stand in the draft, in their order, with the modal words as written. */
export async function obligationsOfProvision(tx: TransactionRunner, uid: string): Promise<(ObligationSummaryModel & { trigger: string })[]> {
  return tx.run<ObligationSummaryModel & { trigger: string }>('edit.obligationsOfProvision', OBLIGATIONS, { uid });
}

/** A summary without the modal words, as the payload and the audit show it. */
export const withoutTrigger = ({ key, lineage, text, modality, force, addressees }: ObligationSummaryModel): ObligationSummaryModel => ({ key, lineage, text, modality, force, addressees });

/** How the audit records a list of obligations: key, modality and lineage each. */
export const auditedObligations = (obligations: readonly ObligationSummaryModel[]): string[] => obligations.map((o) => `${o.key} ${o.modality} ${o.lineage}`);
