/**
 * The public events of revisions (docs/graph-model.md, "Legal status"): a revision published,
 * and each dated legal event (consultation opened or closed, laid, comes into force,
 * withdrawn). Each is a RevisionEvent numbered in the order recorded, through the one
 * RevisionEventHead (whose write lock queues concurrent appends, so numbers never repeat or
 * skip), for the changes feed. An event names its revision by key and links to nothing: a
 * published revision's own subgraph, and so its hash, never changes when its legal life moves on.
 */
import type { Viewer } from '../core/viewer.ts';
import type { LegalEventKind } from '../core/vocabulary.ts';
import type { TransactionRunner } from '../db/run-query.ts';

export type RevisionEventKind = 'PUBLISHED' | LegalEventKind;

const APPEND = `
MERGE (h:RevisionEventHead {key: 'revision-events'})
ON CREATE SET h.last = 0
SET h.last = h.last + 1
CREATE (e:RevisionEvent {sequence: h.last, revisionKey: $revision, event: $event, on: date($on), note: $note,
                         recordedAt: datetime(), recordedBy: $subject, recordedByName: $name})
RETURN e.sequence AS sequence`;

/** Appends one event inside the command's transaction; its sequence number. */
export async function appendRevisionEvent(
  tx: TransactionRunner,
  event: { revision: string; event: RevisionEventKind; on: string; note: string | null; viewer: Viewer },
): Promise<number> {
  const [row] = await tx.run<{ sequence: number }>('edit.revisionEvent', APPEND, {
    revision: event.revision,
    event: event.event,
    on: event.on,
    note: event.note,
    subject: event.viewer.subject,
    name: event.viewer.name,
  });
  return row?.sequence ?? 0;
}
