/**
 * The rules of the audit trail's hash chain (docs/architecture.md, "The write side";
 * docs/graph-model.md, "The audit trail"), pure so that they are tested without a database:
 * what an event holds, the one text its hash is taken over, and what makes a chain whole.
 *
 * Each event has a sequence number (1, 2, 3 ...), the hash of the event before it
 * (GENESIS_HASH for the first) and its own hash: sha256 over the canonical JSON
 * (core/canonical-json.ts) of every field and that previous hash. Changing any field of an
 * event breaks its own hash; deleting an event leaves a gap in the sequence; rewriting an
 * event's hash to match new fields breaks the link from the event after it; deleting the
 * newest events leaves the audit head (which records the newest event) pointing past the end.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../core/canonical-json.ts';
import { ERROR_CODES, GraphShapeError, type ErrorCode } from '../core/errors.ts';

/** What happened to the attempt: it was carried out, or refused with one of the API's codes. */
export type AuditResult = 'OK' | ErrorCode;

export const AUDIT_RESULTS: readonly AuditResult[] = ['OK', ...ERROR_CODES];

/** Who acted: the signed-in person (core/viewer.ts), or null for an anonymous caller. */
export interface AuditActor {
  subject: string;
  name: string;
}

/** What the action was about: a revision, and a thing within it (a provision's key), each when there is one. */
export interface AuditTarget {
  revision: string | null;
  key: string | null;
}

/** What a command hands to the audit (editing/audit.ts). */
export interface AuditEventInput {
  actor: AuditActor | null;
  /** The command or the attempt: 'createDraft', 'updateProvision', 'signIn', ... */
  action: string;
  target: AuditTarget;
  /** A small summary of the state before, stored as canonical JSON. */
  before: unknown;
  /** A small summary of the state after (or of the refusal), stored as canonical JSON. */
  after: unknown;
  result: AuditResult;
  requestId: string;
}

/** One event as stored and as read back. */
export interface AuditEvent {
  /** 1 for the first event ever recorded, then one more for each. */
  sequence: number;
  /** When it was recorded, by the server's clock, ISO 8601 in UTC. */
  at: string;
  actor: AuditActor | null;
  action: string;
  target: AuditTarget;
  /** Canonical JSON text of the summary before ("null" when there was none). */
  before: string;
  /** Canonical JSON text of the summary after. */
  after: string;
  result: AuditResult;
  requestId: string;
  /** The hash of the event before (GENESIS_HASH for the first event). */
  previousHash: string;
  /** sha256 (hex) of the canonical JSON of every field above. */
  hash: string;
}

/** The previous hash of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The most a summary may take as canonical JSON: the trail holds summaries, not documents. */
export const MAX_SUMMARY_LENGTH = 64 * 1024;

const ACTION = /^[a-z][A-Za-z0-9.:_-]{0,63}$/;

/** A mistake in how a command calls the audit (a programming error, not the caller's). */
export class AuditInputError extends Error {
  override name = 'AuditInputError';
}

/** The text an event's hash is taken over: canonical JSON of all its fields but the hash. */
export function auditHashInput(event: Omit<AuditEvent, 'hash'>): string {
  return canonicalJson({
    action: event.action,
    actor: event.actor === null ? null : { name: event.actor.name, subject: event.actor.subject },
    after: event.after,
    at: event.at,
    before: event.before,
    previousHash: event.previousHash,
    requestId: event.requestId,
    result: event.result,
    sequence: event.sequence,
    target: { key: event.target.key, revision: event.target.revision },
  });
}

/** sha256 (lower-case hex) of an event's fields and the previous hash. */
export function auditEventHash(event: Omit<AuditEvent, 'hash'>): string {
  return createHash('sha256').update(auditHashInput(event), 'utf8').digest('hex');
}

function summary(value: unknown, name: string, action: string): string {
  const text = canonicalJson(value);
  if (text.length > MAX_SUMMARY_LENGTH) {
    throw new AuditInputError(`The ${name} summary of ${action} is ${text.length} characters of JSON; the audit keeps at most ${MAX_SUMMARY_LENGTH}: record a summary, not the document`);
  }
  return text;
}

/** The checked parts of an input that do not depend on its place in the chain. */
export type CheckedAuditInput = Omit<AuditEvent, 'sequence' | 'at' | 'previousHash' | 'hash'>;

/** Checks what a command hands to the audit and turns its summaries into canonical JSON. */
export function checkAuditInput(input: AuditEventInput): CheckedAuditInput {
  if (!ACTION.test(input.action)) throw new AuditInputError(`An audit action is a command's name such as "createDraft"; got ${JSON.stringify(input.action)}`);
  if (!AUDIT_RESULTS.includes(input.result)) throw new AuditInputError(`An audit result is OK or an error code such as FORBIDDEN; got ${JSON.stringify(input.result)}`);
  if (typeof input.requestId !== 'string' || input.requestId.length > 128) throw new AuditInputError('An audit request id is the request\'s x-request-id, at most 128 characters');
  if (input.actor !== null && (input.actor.subject === '' || typeof input.actor.name !== 'string')) {
    throw new AuditInputError('An audit actor has a subject and a name (or is null for an anonymous caller)');
  }
  return {
    actor: input.actor === null ? null : { subject: input.actor.subject, name: input.actor.name },
    action: input.action,
    target: { revision: input.target.revision, key: input.target.key },
    before: summary(input.before, 'before', input.action),
    after: summary(input.after, 'after', input.action),
    result: input.result,
    requestId: input.requestId,
  };
}

/** The event a checked input becomes at its place in the chain, with its hash. */
export function sealAuditEvent(input: CheckedAuditInput, place: { sequence: number; previousHash: string }, at: string): AuditEvent {
  const event = { ...input, sequence: place.sequence, previousHash: place.previousHash, at };
  return { ...event, hash: auditEventHash(event) };
}

/** An event's properties as the graph stores them (docs/graph-model.md, "The audit trail"). */
export function auditEventProperties(event: AuditEvent): Record<string, string | number | null> {
  return {
    sequence: event.sequence,
    at: event.at,
    actorSubject: event.actor?.subject ?? null,
    actorName: event.actor?.name ?? null,
    action: event.action,
    targetRevision: event.target.revision,
    targetKey: event.target.key,
    before: event.before,
    after: event.after,
    result: event.result,
    requestId: event.requestId,
    previousHash: event.previousHash,
    hash: event.hash,
  };
}

function stored(props: Record<string, unknown>, name: string): string {
  const value = props[name];
  if (typeof value !== 'string') throw new GraphShapeError(`audit event property ${name} is not a string (${JSON.stringify(value)})`);
  return value;
}

function storedOrNull(props: Record<string, unknown>, name: string): string | null {
  const value = props[name];
  return value === null || value === undefined ? null : stored(props, name);
}

/** An event read back from its properties; a property of the wrong type is a GraphShapeError. */
export function auditEventFromProperties(props: Record<string, unknown>): AuditEvent {
  const sequence = props['sequence'];
  if (typeof sequence !== 'number' || !Number.isInteger(sequence)) throw new GraphShapeError(`audit event property sequence is not an integer (${JSON.stringify(sequence)})`);
  const result = AUDIT_RESULTS.find((r) => r === props['result']);
  if (result === undefined) throw new GraphShapeError(`audit event ${sequence} has result ${JSON.stringify(props['result'])}, not one of ${AUDIT_RESULTS.join(', ')}`);
  const subject = storedOrNull(props, 'actorSubject');
  return {
    sequence,
    at: stored(props, 'at'),
    actor: subject === null ? null : { subject, name: storedOrNull(props, 'actorName') ?? subject },
    action: stored(props, 'action'),
    target: { revision: storedOrNull(props, 'targetRevision'), key: storedOrNull(props, 'targetKey') },
    before: stored(props, 'before'),
    after: stored(props, 'after'),
    result,
    requestId: stored(props, 'requestId'),
    previousHash: stored(props, 'previousHash'),
    hash: stored(props, 'hash'),
  };
}

/** What the audit head records: how many events were appended and the newest one's hash. */
export interface AuditHeadState {
  sequence: number;
  hash: string | null;
}

export interface ChainVerdict {
  ok: boolean;
  events: number;
  /** What is broken, first broken event first, in plain words; empty when the chain is whole. */
  problems: string[];
}

const short = (hash: string): string => hash.slice(0, 12);

/** The most problems a verdict lists; one more line says how many were left out. */
const MAX_PROBLEMS = 20;

/**
 * Checks a chain one event at a time, oldest first (so a long trail is read in batches):
 * `add` each event in sequence order, then `finish` with the audit head.
 */
export class AuditChainCheck {
  private count = 0;
  private last: AuditEvent | null = null;
  private readonly found: string[] = [];
  private dropped = 0;

  private problem(text: string): void {
    if (this.found.length < MAX_PROBLEMS) this.found.push(text);
    else this.dropped += 1;
  }

  /** A stored event that could not be read at all (a property of the wrong type). */
  unreadable(detail: string, events = 1): void {
    this.count += events;
    this.problem(`An event cannot be read: ${detail}`);
  }

  add(event: AuditEvent): void {
    this.count += 1;
    const previous = this.last;
    const expected = previous === null ? 1 : previous.sequence + 1;
    const computed = auditEventHash(event);
    if (previous !== null && event.sequence === previous.sequence) {
      this.problem(`Event ${event.sequence} appears twice: the chain forked there`);
    } else if (event.sequence !== expected) {
      const missing = event.sequence - expected === 1 ? `Event ${expected} is missing` : `Events ${expected} to ${event.sequence - 1} are missing`;
      this.problem(
        previous === null
          ? `${missing}: the trail starts at event ${event.sequence} (deleted?)`
          : `${missing}: the trail goes from event ${previous.sequence} straight to event ${event.sequence} (deleted?)`,
      );
    } else {
      const wanted = previous === null ? GENESIS_HASH : previous.hash;
      if (event.previousHash !== wanted) {
        this.problem(
          previous === null
            ? `Event 1 does not start the chain: its previous hash is ${short(event.previousHash)}…, not the genesis hash 000000000000… (replaced?)`
            : `Event ${event.sequence} does not follow event ${previous.sequence}: it records the previous hash as ${short(event.previousHash)}…, but event ${previous.sequence}'s hash is ${short(wanted)}… (an event was replaced or rewritten)`,
        );
      }
    }
    if (computed !== event.hash) {
      this.problem(
        `Event ${event.sequence} (${event.action} at ${event.at}) was altered: its stored hash ${short(event.hash)}… does not match its fields, which hash to ${short(computed)}…`,
      );
    }
    this.last = event;
  }

  /** The verdict, given what the audit head records (null when there is no head). */
  finish(head: AuditHeadState | null): ChainVerdict {
    const last = this.last;
    if (head === null) {
      if (this.count > 0) this.problem('The audit head, which records the newest event, is missing (deleted?): the end of the trail cannot be checked');
    } else if (last === null) {
      if (head.sequence > 0) this.problem(`The audit head records ${head.sequence} events, but there are none: all of them were deleted`);
    } else if (head.sequence > last.sequence) {
      const gone = head.sequence - last.sequence;
      this.problem(
        gone === 1
          ? `Event ${head.sequence}, the newest, is missing: the trail ends at event ${last.sequence} but the audit head records ${head.sequence} (deleted?)`
          : `Events ${last.sequence + 1} to ${head.sequence}, the newest, are missing: the trail ends at event ${last.sequence} but the audit head records ${head.sequence} (deleted?)`,
      );
    } else if (head.sequence < last.sequence) {
      this.problem(`The trail goes on to event ${last.sequence}, past the audit head's ${head.sequence}: events were added outside the audit`);
    } else if (head.hash !== last.hash) {
      this.problem(`Event ${last.sequence}, the newest, is not the one the audit head records: its hash is ${short(last.hash)}…, the head's ${short(head.hash ?? '')}… (replaced?)`);
    }
    const problems = this.dropped === 0 ? [...this.found] : [...this.found, `… and ${this.dropped} more problems`];
    return { ok: problems.length === 0, events: this.count, problems };
  }
}

/** Checks a whole chain held in memory, oldest first (see AuditChainCheck). */
export function checkAuditChain(events: readonly AuditEvent[], head: AuditHeadState | null): ChainVerdict {
  const check = new AuditChainCheck();
  for (const event of events) check.add(event);
  return check.finish(head);
}

/** One sentence for a person: the chain is whole, or the first thing that is broken. */
export function describeVerdict(verdict: ChainVerdict): string {
  if (verdict.ok) {
    return verdict.events === 0
      ? 'The audit trail verifies: 0 events (nothing has been recorded yet).'
      : `The audit trail verifies: ${verdict.events} event${verdict.events === 1 ? '' : 's'}, chained from the first to the last.`;
  }
  const [first, ...rest] = verdict.problems;
  return `The audit trail does not verify (${verdict.events} events read): ${first ?? 'unknown problem'}.` + (rest.length === 0 ? '' : `\nAlso:\n${rest.map((p) => `  - ${p}`).join('\n')}`);
}
