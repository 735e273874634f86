/**
 * Writes what the reader read of one provision into a draft (docs/graph-model.md, "Nodes"
 * and "Relationships"): the provision's text and its citations, and its obligations with
 * their addressees, applicability and citations, replacing what was there. The caller then
 * numbers the reading order (reading-order.ts). Used inside an editing transaction after
 * lockDraft; every statement matches the draft's own nodes by uid, never a published one.
 */
import type { TransactionRunner } from '../db/run-query.ts';
import { LINK_OBLIGATION_BODIES } from '../db/obligation-links.ts';
import { STATEMENT_PROPERTIES, uncountedModalProperties } from '../db/reading-properties.ts';
import type { ProvisionKind } from '../core/vocabulary.ts';
import { newLineage } from '../domain/lineage.ts';
import { printedNumber, renumberReferences } from '../domain/provision-numbering.ts';
import type { ProvisionReading } from '../reader/read-provision.ts';

const REMOVE_OBLIGATIONS = `
MATCH (o:Obligation)-[:STATED_IN]->(p:Provision {uid: $uid})
WHERE o.revision = $revision
DETACH DELETE o`;

const UPDATE_PROVISION = `
MATCH (p:Provision {uid: $uid}) WHERE p.revision = $revision
SET p.text = $text, p.title = $title, p.editedBy = $editor, p.editedAt = datetime()
SET p += {${uncountedModalProperties('$uncountedModals')}}
WITH p
OPTIONAL MATCH (p)-[c:CITES|CITES_DUTY_OF]->()
DELETE c`;

const LINK_PROVISION = `
MATCH (p:Provision {uid: $uid})
CALL (p) {
  UNWIND $citations AS c
  MATCH (t:$(c.toLabel) {key: c.to})
  CREATE (p)-[:CITES {by: c.by}]->(t)
}
CALL (p) {
  UNWIND $citedDuties AS d
  MATCH (s:LegalProvision {key: d.provisionKey})
  CREATE (p)-[:CITES_DUTY_OF {text: d.text}]->(s)
}`;

const CREATE_OBLIGATIONS = `
MATCH (p:Provision {uid: $uid}) WHERE p.revision = $revision
UNWIND $rows AS row
CREATE (o:Obligation {uid: $revision + '|' + row.key, key: row.key, revision: $revision, text: row.text, modality: row.modality,
                      force: row.force, trigger: row.trigger, triggerStart: row.triggerStart, triggerEnd: row.triggerEnd,
                      qualifiers: row.qualifiers, fromOverride: row.fromOverride, overrideReason: row.overrideReason,
                      ${STATEMENT_PROPERTIES}, order: 0, provisionKey: p.key, lineage: row.lineage, editedBy: $editor,
                      overriddenBy: row.overriddenBy, correctedText: row.correctedText})
CREATE (o)-[:STATED_IN]->(p)
WITH o, row
${LINK_OBLIGATION_BODIES}
CALL (o, row) {
  UNWIND row.citations AS c
  MATCH (t:$(c.toLabel) {key: c.to})
  CREATE (o)-[:CITES {by: c.by}]->(t)
}`;

/** The draft's provisions whose keys differ from those of the same lineage in `numberedIn`. */
const RENUMBERED_SINCE = `
MATCH (d:Provision {revision: $revision})
MATCH (s:Provision {lineage: d.lineage}) WHERE s.revision = $numberedIn AND s.key <> d.key
RETURN s.key AS before, d.key AS after`;

/**
 * The reader's own words (the explanations of whom an obligation binds, which cite clauses as
 * `numberedIn` numbers them: ReaderContext.citesNumberingOf) with those citations rewritten as
 * the draft numbers the same clauses (found by lineage), so that a provision read again after
 * the draft is renumbered cites the clauses renumberProvisions made them, as the explanations
 * it rewrote do.
 */
export async function inDraftNumbering(tx: TransactionRunner, revision: string, numberedIn: string | null): Promise<(text: string) => string> {
  if (numberedIn === null || numberedIn === revision) return (text) => text;
  const rows = await tx.run<{ before: string; after: string }>('edit.renumberedSince', RENUMBERED_SINCE, { revision, numberedIn });
  const moves = new Map(rows.map((row) => [row.before, row.after]));
  return (text) => renumberReferences(text, moves);
}

const LABEL_OF_KIND: Record<ProvisionKind, string> = { CLAUSE: 'Clause', PRINCIPLE: 'Principle', STANDARD: 'Standard' };

const CREATE_PROVISION = `
MATCH (h:Heading {uid: $revision + '|' + $heading}) WHERE h.revision = $revision
CREATE (p:Provision:$($label) {uid: $revision + '|' + $key, key: $key, revision: $revision, kind: $kind, number: $number,
                               title: $title, text: '', order: $order, lineage: $lineage, createdBy: $editor, createdAt: datetime()})
CREATE (h)-[:CONTAINS {order: $order}]->(p)`;

/**
 * A new, empty provision of a draft under `heading` at `order` (between two others' orders:
 * the caller then numbers the reading order), with its kind's label and a new lineage id;
 * writeProvisionReading then gives it its text and obligations.
 */
export async function createProvision(
  tx: TransactionRunner,
  provision: { revision: string; heading: string; key: string; kind: ProvisionKind; title: string | null; order: number; editor: string },
): Promise<void> {
  await tx.run('edit.createProvision', CREATE_PROVISION, {
    ...provision,
    label: LABEL_OF_KIND[provision.kind],
    number: printedNumber(provision.key),
    lineage: newLineage('provision'),
  });
}

export interface ProvisionWrite {
  revision: string;
  provisionKey: string;
  title: string | null;
  reading: ProvisionReading;
  /** The lineage id of each of the reading's obligations, in order. */
  lineages: readonly string[];
  editor: string;
  /** The revision whose numbers the reader's explanations cite (ReaderContext.citesNumberingOf). */
  citesNumberingOf: string | null;
}

export async function writeProvisionReading(tx: TransactionRunner, write: ProvisionWrite): Promise<void> {
  const { revision, reading } = write;
  const uid = `${revision}|${write.provisionKey}`;
  const base = { uid, revision, editor: write.editor };
  await tx.run('edit.removeObligations', REMOVE_OBLIGATIONS, base);
  await tx.run('edit.updateProvision', UPDATE_PROVISION, { ...base, text: reading.text, title: write.title, uncountedModals: reading.uncountedModals });
  await tx.run('edit.linkProvision', LINK_PROVISION, {
    uid,
    citations: reading.citations.filter((c) => c.fromLabel === 'Provision'),
    citedDuties: reading.citedDuties,
  });
  const cite = await inDraftNumbering(tx, revision, write.citesNumberingOf);
  await tx.run('edit.createObligations', CREATE_OBLIGATIONS, {
    ...base,
    rows: reading.obligations.map((o, i) => ({
      ...o,
      applicability: o.applicability.map((a) => ({ ...a, explanation: cite(a.explanation) })),
      lineage: write.lineages[i],
      citations: reading.citations.filter((c) => c.fromLabel === 'Obligation' && c.from === o.key),
    })),
  });
}
