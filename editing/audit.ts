/**
 * The audit trail (docs/architecture.md, "The write side"; docs/graph-model.md, "The audit
 * trail"): every editor's change writes its event in the change's own transaction, and every
 * refused attempt writes one on its own, each chained to the one before by a hash
 * (domain/audit-chain.ts holds the rules).
 *
 * Appends are serialised by one head node, `(:AuditHead {key: 'audit'})`: the first statement
 * of an append writes to it, which takes its write lock until the transaction ends, so a
 * concurrent append waits for this one to commit (or roll back) and then reads the head it
 * left. The chain never forks, and a change that rolls back takes its event (and the head's
 * count) with it. Call appendAudit as the LAST step of a change: the head's lock is then held
 * for the shortest time, and no transaction waits for it while holding a lock another
 * append needs.
 */
import { GraphShapeError } from '../core/errors.ts';
import {
  AuditChainCheck,
  auditEventFromProperties,
  auditEventProperties,
  checkAuditInput,
  GENESIS_HASH,
  sealAuditEvent,
  type AuditEvent,
  type AuditEventInput,
  type ChainVerdict,
} from '../domain/audit-chain.ts';
import type { QueryRunner, TransactionRunner } from '../db/run-query.ts';

export type { AuditActor, AuditEvent, AuditEventInput, AuditResult, AuditTarget } from '../domain/audit-chain.ts';

/** Takes the head's write lock (by writing to it) and reads the place of the next event. */
export const LOCK_AUDIT_HEAD = `
MERGE (h:AuditHead {key: 'audit'})
SET h.sequence = coalesce(h.sequence, 0) + 1
RETURN h.sequence AS sequence, coalesce(h.hash, $genesis) AS previousHash`;

/** Writes the event and moves the head to it; the head's lock is already held. */
export const APPEND_AUDIT_EVENT = `
MATCH (h:AuditHead {key: 'audit'})
CREATE (e:AuditEvent)
SET e = $event, e.sequence = h.sequence, h.hash = $event.hash
RETURN e.sequence AS sequence`;

/** One batch of events, oldest first, after a sequence number. */
export const AUDIT_EVENTS_AFTER = `
MATCH (e:AuditEvent) WHERE e.sequence > $after
RETURN properties(e) AS event
ORDER BY e.sequence
LIMIT toInteger($limit)`;

/** How many events have no sequence number (removed, or made text): the batches above cannot reach them. */
export const AUDIT_EVENTS_OUT_OF_SEQUENCE = `
MATCH (e:AuditEvent) WHERE NOT valueType(e.sequence) IN ['INTEGER NOT NULL', 'FLOAT NOT NULL']
RETURN count(e) AS count`;

export const AUDIT_HEAD = `
MATCH (h:AuditHead {key: 'audit'})
RETURN h.sequence AS sequence, h.hash AS hash`;

/** How many events verifyAuditChain reads at once. */
const VERIFY_BATCH = 2000;

/**
 * Appends an event inside the caller's write transaction: the change and its event commit
 * together or not at all. Checks the input first (a bad one is an AuditInputError, before
 * any lock is taken), then takes the head's lock, seals the event with its sequence number,
 * the server's time and the previous hash, and writes it. Two statements.
 */
export async function appendAudit(tx: TransactionRunner, event: AuditEventInput): Promise<AuditEvent> {
  const checked = checkAuditInput(event);
  const [place] = await tx.run<{ sequence: number; previousHash: string }>('audit.lockHead', LOCK_AUDIT_HEAD, { genesis: GENESIS_HASH });
  if (place === undefined) throw new GraphShapeError('the audit head could not be taken');
  // The time is read once the lock is held, so later events never carry earlier times (on one clock).
  const sealed = sealAuditEvent(checked, place, new Date().toISOString());
  // The sequence number is the head's own integer (a parameter would arrive as a float).
  const props = auditEventProperties(sealed);
  delete props['sequence'];
  const [written] = await tx.run<{ sequence: number }>('audit.append', APPEND_AUDIT_EVENT, { event: props });
  if (written?.sequence !== sealed.sequence) throw new GraphShapeError(`the audit event ${sealed.sequence} was written as ${String(written?.sequence)}`);
  return sealed;
}

/** Records a refused attempt in a transaction of its own. */
export async function recordRefusal(runner: QueryRunner, event: AuditEventInput): Promise<AuditEvent> {
  return runner.writeTransaction('audit.recordRefusal', (tx) => appendAudit(tx, event));
}

/**
 * Reads the whole trail, oldest first, in batches, and checks its chain
 * (domain/audit-chain.ts): `ok` when every event is there, unaltered and linked to the one
 * before, up to the newest the head records; otherwise `problems` says what is broken,
 * the first broken event first.
 */
export async function verifyAuditChain(runner: QueryRunner): Promise<{ ok: boolean; events: number; problems: string[] }> {
  const check = new AuditChainCheck();
  const [outOfSequence] = await runner.read<{ count: number }>('audit.outOfSequence', AUDIT_EVENTS_OUT_OF_SEQUENCE);
  const strays = outOfSequence?.count ?? 0;
  if (strays > 0) check.unreadable(`${strays} event${strays === 1 ? ' has' : 's have'} no sequence number (altered?)`, strays);
  let after = 0;
  for (;;) {
    const rows = await runner.read<{ event: Record<string, unknown> }>('audit.events', AUDIT_EVENTS_AFTER, { after, limit: VERIFY_BATCH });
    for (const row of rows) {
      const sequence = row.event['sequence'];
      if (typeof sequence === 'number') after = Math.max(after, sequence);
      try {
        check.add(auditEventFromProperties(row.event));
      } catch (error) {
        check.unreadable(error instanceof Error ? error.message : String(error));
      }
    }
    if (rows.length < VERIFY_BATCH) break;
  }
  const [head] = await runner.read<{ sequence: number | null; hash: string | null }>('audit.head', AUDIT_HEAD);
  const verdict: ChainVerdict = check.finish(head === undefined ? null : { sequence: head.sequence ?? 0, hash: head.hash });
  return { ok: verdict.ok, events: verdict.events, problems: verdict.problems };
}
