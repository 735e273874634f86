/**
 * A draft's reading order after a change to its structure (docs/graph-model.md, "Nodes"):
 * provisions, and the CONTAINS links that hold them under their headings, numbered 1, 2, ...
 * across the revision by their order (a provision just added sits between two others with an
 * order such as 12.5); then obligations numbered by provision, then by their number in it.
 * Run inside an editing transaction after lockDraft; both statements match the draft's own
 * nodes only.
 */
import type { TransactionRunner } from '../db/run-query.ts';

const REORDER_PROVISIONS = `
MATCH (:Heading {revision: $revision})-[c:CONTAINS]->(p:Provision)
WHERE p.revision = $revision
WITH c, p ORDER BY p.order
WITH collect(c) AS links, collect(p) AS provisions
UNWIND range(0, size(provisions) - 1) AS i
WITH links[i] AS c, provisions[i] AS p, i
SET p.order = i + 1, c.order = i + 1`;

const REORDER_OBLIGATIONS = `
MATCH (o:Obligation {revision: $revision})-[:STATED_IN]->(p:Provision)
WITH o ORDER BY p.order, toInteger(split(o.key, '/')[1])
WITH collect(o) AS obligations
UNWIND range(0, size(obligations) - 1) AS i
WITH obligations[i] AS o, i
SET o.order = i + 1`;

/** Numbers the draft's provisions (when its structure changed) and obligations in reading order. */
export async function renumberReadingOrder(tx: TransactionRunner, revision: string, { provisions }: { provisions: boolean }): Promise<void> {
  if (provisions) await tx.run('edit.reorderProvisions', REORDER_PROVISIONS, { revision });
  await tx.run('edit.reorderObligations', REORDER_OBLIGATIONS, { revision });
}
