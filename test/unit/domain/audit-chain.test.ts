import { describe, expect, it } from 'vitest';
import {
  AuditInputError,
  auditHashInput,
  checkAuditChain,
  checkAuditInput,
  describeVerdict,
  GENESIS_HASH,
  sealAuditEvent,
  type AuditEvent,
  type AuditEventInput,
} from '../../../domain/audit-chain.ts';

const editor = { subject: 'u-1', name: 'Ann Editor' };

const inputs: AuditEventInput[] = [
  { actor: editor, action: 'createDraft', target: { revision: 'draft-2026', key: null }, before: null, after: { from: '2024-09-01', nodes: 279 }, result: 'OK', requestId: 'req-1' },
  { actor: editor, action: 'updateProvision', target: { revision: 'draft-2026', key: '1.53' }, before: { text: 'should' }, after: { text: 'must' }, result: 'OK', requestId: 'req-2' },
  { actor: null, action: 'updateProvision', target: { revision: '2024-09-01', key: '1.53' }, before: null, after: { refused: 'Sign in first' }, result: 'UNAUTHENTICATED', requestId: 'req-3' },
];

const times = ['2026-12-01T09:00:00.000Z', '2026-12-01T09:05:00.000Z', '2026-12-01T09:06:30.250Z'];

/** Three events chained as editing/audit.ts chains them. */
function chainOfThree(): AuditEvent[] {
  const events: AuditEvent[] = [];
  inputs.forEach((input, index) => {
    const previousHash = events[index - 1]?.hash ?? GENESIS_HASH;
    events.push(sealAuditEvent(checkAuditInput(input), { sequence: index + 1, previousHash }, times[index] ?? ''));
  });
  return events;
}

const headOf = (events: readonly AuditEvent[]) => ({ sequence: events.length, hash: events[events.length - 1]?.hash ?? null });

describe('the audit chain (domain/audit-chain.ts)', () => {
  // Golden: change these only on purpose (a change breaks every stored chain). The first was
  // checked apart from this code: sha256 of the text in the next test, by Python's hashlib.
  it('hashes a chain of three events to these exact hashes', () => {
    expect(chainOfThree().map((event) => event.hash)).toEqual([
      '7a9751034fbedcfcfc70a6d437e97a2ea520ac2b6c04936965cbd5f843755228',
      'b2d9a336919fdd97be0d5c451b93a1ea7cdaad7d0da9610db79035252dbe55e9',
      'cddc7258d4462390c5c7e516975d8f845d00fe85febd6d8712c9a43669761a2a',
    ]);
  });

  it('hashes the canonical JSON of every field and the previous hash', () => {
    const [first] = chainOfThree();
    expect(first === undefined ? '' : auditHashInput(first)).toBe(
      '{"action":"createDraft","actor":{"name":"Ann Editor","subject":"u-1"},"after":"{\\"from\\":\\"2024-09-01\\",\\"nodes\\":279}","at":"2026-12-01T09:00:00.000Z","before":"null","previousHash":"0000000000000000000000000000000000000000000000000000000000000000","requestId":"req-1","result":"OK","sequence":1,"target":{"key":null,"revision":"draft-2026"}}',
    );
  });

  it('stores a summary as canonical JSON, whatever order its keys were given in', () => {
    expect(checkAuditInput({ ...inputs[1]!, after: { b: 2, a: [1, { d: 4, c: 3 }] } }).after).toBe('{"a":[1,{"c":3,"d":4}],"b":2}');
  });

  it('verifies the whole chain', () => {
    const events = chainOfThree();
    const verdict = checkAuditChain(events, headOf(events));
    expect(verdict).toEqual({ ok: true, events: 3, problems: [] });
    expect(describeVerdict(verdict)).toBe('The audit trail verifies: 3 events, chained from the first to the last.');
  });

  it('detects an altered field, naming the event', () => {
    const events = chainOfThree();
    const altered = events.map((event) => (event.sequence === 2 ? { ...event, after: '{"text":"should"}' } : event));
    const verdict = checkAuditChain(altered, headOf(events));
    expect(verdict.ok).toBe(false);
    expect(verdict.problems).toEqual([expect.stringMatching(/^Event 2 \(updateProvision at 2026-12-01T09:05:00.000Z\) was altered: its stored hash [0-9a-f]{12}… does not match its fields, which hash to [0-9a-f]{12}…$/)]);
  });

  it('detects an altered actor, result and sequence number too', () => {
    const events = chainOfThree();
    for (const change of [{ actor: { subject: 'u-2', name: 'Someone Else' } }, { result: 'OK' as const }, { requestId: 'req-9' }]) {
      const altered = events.map((event) => (event.sequence === 3 ? { ...event, ...change } : event));
      expect(checkAuditChain(altered, headOf(events)).problems[0]).toMatch(/^Event 3 .* was altered/);
    }
  });

  it('detects a removed event as a gap in the sequence', () => {
    const events = chainOfThree();
    const verdict = checkAuditChain([events[0]!, events[2]!], headOf(events));
    expect(verdict).toEqual({ ok: false, events: 2, problems: ['Event 2 is missing: the trail goes from event 1 straight to event 3 (deleted?)'] });
    expect(describeVerdict(verdict)).toBe('The audit trail does not verify (2 events read): Event 2 is missing: the trail goes from event 1 straight to event 3 (deleted?).');
  });

  it('detects a removed first event, and the newest one by the audit head', () => {
    const events = chainOfThree();
    expect(checkAuditChain(events.slice(1), headOf(events)).problems).toEqual(['Event 1 is missing: the trail starts at event 2 (deleted?)']);
    expect(checkAuditChain(events.slice(0, 2), headOf(events)).problems).toEqual([
      'Event 3, the newest, is missing: the trail ends at event 2 but the audit head records 3 (deleted?)',
    ]);
    expect(checkAuditChain(events, null).problems).toEqual(['The audit head, which records the newest event, is missing (deleted?): the end of the trail cannot be checked']);
  });

  it('detects an event replaced by another with a hash of its own', () => {
    const events = chainOfThree();
    const forged = sealAuditEvent(checkAuditInput({ ...inputs[1]!, after: { text: 'may' } }), { sequence: 2, previousHash: events[0]!.hash }, times[1] ?? '');
    const verdict = checkAuditChain([events[0]!, forged, events[2]!], headOf(events));
    expect(verdict.problems).toEqual([expect.stringMatching(/^Event 3 does not follow event 2: it records the previous hash as [0-9a-f]{12}…, but event 2's hash is [0-9a-f]{12}… \(an event was replaced or rewritten\)$/)]);
  });

  it('detects a fork: two events with one sequence number', () => {
    const events = chainOfThree();
    expect(checkAuditChain([events[0]!, events[1]!, events[1]!, events[2]!], headOf(events)).problems).toEqual(['Event 2 appears twice: the chain forked there']);
  });

  it('says an empty trail verifies', () => {
    expect(describeVerdict(checkAuditChain([], null))).toBe('The audit trail verifies: 0 events (nothing has been recorded yet).');
    expect(checkAuditChain([], { sequence: 2, hash: 'x' }).problems).toEqual(['The audit head records 2 events, but there are none: all of them were deleted']);
  });

  it('refuses input a command should never send', () => {
    expect(() => checkAuditInput({ ...inputs[0]!, action: 'drop everything' })).toThrow(AuditInputError);
    expect(() => checkAuditInput({ ...inputs[0]!, result: 'NOPE' as 'OK' })).toThrow(/OK or an error code/);
    expect(() => checkAuditInput({ ...inputs[0]!, after: { text: 'x'.repeat(70_000) } })).toThrow(/at most 65536: record a summary, not the document/);
  });
});
