import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeOf } from '../../../core/errors.ts';
import type { LegalEventKind } from '../../../core/vocabulary.ts';
import {
  checkLegalEvent,
  dayBefore,
  isIsoDate,
  isReviewOverdue,
  legalStatusOn,
  legalTimeline,
  prospectiveRevision,
  reviewDue,
  revisionInForceOnDay,
  type LegalEvent,
  type LegalTimelineEntry,
} from '../../../domain/legal-events.ts';
import { revisionInForceOn } from '../../../domain/revision-in-force.ts';

function errorOf(run: () => unknown): { code: string | undefined; message: string; argument: unknown } | null {
  try {
    run();
    return null;
  } catch (error) {
    return { code: codeOf(error), message: (error as Error).message, argument: (error as { extensions: Record<string, unknown> }).extensions['argument'] };
  }
}

const ev = (revision: string, event: LegalEventKind, on: string): LegalEvent => ({ revision, event, on });

/** Records each event in turn, failing the test at the first one refused. */
function record(events: readonly LegalEvent[]): LegalEvent[] {
  const history: LegalEvent[] = [];
  for (const next of events) {
    checkLegalEvent(history, next, true);
    history.push(next);
  }
  return history;
}

/** The refusal of `next` after `history`, as code and argument. */
function refusalOf(history: readonly LegalEvent[], next: LegalEvent, published = true): { code: string | undefined; argument: unknown; message: string } | null {
  return errorOf(() => checkLegalEvent(history, next, published));
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

describe('dates', () => {
  it('a real day is written year-month-day', () => {
    for (const day of ['2024-09-01', '2024-02-29', '2000-02-29', '1999-12-31']) expect(isIsoDate(day)).toBe(true);
    for (const day of ['2024-02-30', '2023-02-29', '1900-02-29', '2024-13-01', '2024-00-10', '2024-9-1', '1 September 2024', '2024-09-01T00:00:00Z', ''])
      expect(isIsoDate(day)).toBe(false);
  });

  it('the day before', () => {
    expect(dayBefore('2024-09-01')).toBe('2024-08-31');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2024-01-01')).toBe('2023-12-31');
  });
});

describe('checkLegalEvent refuses', () => {
  const laid = [ev('a', 'LAID', '2024-06-11')];
  const commenced = [...laid, ev('a', 'COMES_INTO_FORCE', '2024-09-01')];

  const cases: [string, LegalEvent[], LegalEvent, string][] = [
    ['a day that is not real', [], ev('a', 'LAID', '2024-02-30'), 'input.on'],
    ['a day not written year-month-day', [], ev('a', 'LAID', '11 June 2024'), 'input.on'],
    ['closing a consultation never opened', [], ev('a', 'CONSULTATION_CLOSED', '2024-01-10'), 'input.event'],
    ['closing a consultation before it opened', [ev('a', 'CONSULTATION_OPENED', '2024-01-10')], ev('a', 'CONSULTATION_CLOSED', '2024-01-09'), 'input.on'],
    ['closing a consultation twice', [ev('a', 'CONSULTATION_OPENED', '2024-01-10'), ev('a', 'CONSULTATION_CLOSED', '2024-03-10')], ev('a', 'CONSULTATION_CLOSED', '2024-03-11'), 'input.event'],
    ['opening a consultation while one is open', [ev('a', 'CONSULTATION_OPENED', '2024-01-10')], ev('a', 'CONSULTATION_OPENED', '2024-02-10'), 'input.event'],
    ['opening a consultation after laying', laid, ev('a', 'CONSULTATION_OPENED', '2024-07-01'), 'input.event'],
    ['laying while a consultation is open', [ev('a', 'CONSULTATION_OPENED', '2024-01-10')], ev('a', 'LAID', '2024-06-11'), 'input.event'],
    ['laying twice', laid, ev('a', 'LAID', '2024-06-12'), 'input.event'],
    ['coming into force without being laid', [], ev('a', 'COMES_INTO_FORCE', '2024-09-01'), 'input.event'],
    ['coming into force before the laying day', laid, ev('a', 'COMES_INTO_FORCE', '2024-06-10'), 'input.on'],
    ['coming into force twice', commenced, ev('a', 'COMES_INTO_FORCE', '2024-10-01'), 'input.event'],
    ['withdrawing on the commencement day', commenced, ev('a', 'WITHDRAWN', '2024-09-01'), 'input.on'],
    ['withdrawing after commencement', commenced, ev('a', 'WITHDRAWN', '2025-01-01'), 'input.on'],
    ['withdrawing twice', [...laid, ev('a', 'WITHDRAWN', '2024-07-01')], ev('a', 'WITHDRAWN', '2024-07-02'), 'input.event'],
    ['laying after withdrawal', [ev('a', 'CONSULTATION_OPENED', '2024-01-10'), ev('a', 'CONSULTATION_CLOSED', '2024-02-10'), ev('a', 'WITHDRAWN', '2024-03-01')], ev('a', 'LAID', '2024-04-01'), 'input.event'],
    ['coming into force after withdrawal', [...laid, ev('a', 'WITHDRAWN', '2024-07-01')], ev('a', 'COMES_INTO_FORCE', '2024-09-01'), 'input.event'],
    ['a consultation after withdrawal', [ev('a', 'WITHDRAWN', '2024-07-01')], ev('a', 'CONSULTATION_OPENED', '2024-08-01'), 'input.event'],
    ['two revisions coming into force on the same day', [...commenced, ev('b', 'LAID', '2024-07-01')], ev('b', 'COMES_INTO_FORCE', '2024-09-01'), 'input.on'],
    ['an event dated before the latest of its revision', [ev('a', 'CONSULTATION_OPENED', '2024-01-10'), ev('a', 'CONSULTATION_CLOSED', '2024-03-10')], ev('a', 'LAID', '2024-03-09'), 'input.on'],
    ['a withdrawal dated before the laying', laid, ev('a', 'WITHDRAWN', '2024-06-10'), 'input.on'],
  ];

  it.each(cases)('%s', (_name, history, next, argument) => {
    const history_ = record(history);
    const refusal = refusalOf(history_, next);
    expect(refusal?.code).toBe('BAD_USER_INPUT');
    expect(refusal?.argument).toBe(argument);
    expect(refusal?.message).toContain(argument === 'input.on' && !isIsoDate(next.on) ? 'such as 2024-09-01' : next.revision);
  });

  it('any event of a revision that is not published', () => {
    for (const event of ['CONSULTATION_OPENED', 'LAID', 'WITHDRAWN'] as const) {
      const refusal = refusalOf([], ev('draft-x', event, '2024-06-11'), false);
      expect(refusal?.code).toBe('BAD_USER_INPUT');
      expect(refusal?.argument).toBe('input.revision');
      expect(refusal?.message).toContain('only a published revision has a legal life');
    }
  });

  it('says what would be valid', () => {
    expect(refusalOf(record(laid), ev('a', 'COMES_INTO_FORCE', '2024-06-10'))?.message).toBe(
      'Revision a was laid on 2024-06-11, so it comes into force on that day or later; got 2024-06-10',
    );
    expect(refusalOf(record(commenced), ev('a', 'WITHDRAWN', '2024-09-01'))?.message).toContain('superseded');
    expect(refusalOf([], ev('a', 'LAID', '2024-02-30'))?.message).toBe(
      'input.on must be a real day written year-month-day, such as 2024-09-01; got "2024-02-30"',
    );
  });
});

describe('checkLegalEvent accepts', () => {
  it('a consultation, laying, and commencement on the laying day', () => {
    expect(() =>
      record([
        ev('a', 'CONSULTATION_OPENED', '2023-09-01'),
        ev('a', 'CONSULTATION_CLOSED', '2023-12-01'),
        ev('a', 'CONSULTATION_OPENED', '2024-01-01'),
        ev('a', 'CONSULTATION_CLOSED', '2024-01-01'),
        ev('a', 'LAID', '2024-06-11'),
        ev('a', 'COMES_INTO_FORCE', '2024-06-11'),
      ]),
    ).not.toThrow();
  });

  it('a withdrawal dated before a scheduled commencement, which it cancels', () => {
    const history = record([ev('a', 'LAID', '2026-06-01'), ev('a', 'COMES_INTO_FORCE', '2026-09-01'), ev('a', 'WITHDRAWN', '2026-07-01')]);
    const [a] = legalTimeline([{ key: 'a' }], history);
    expect(a).toEqual({ key: 'a', laidOn: '2026-06-01', inForceFrom: null, inForceUntil: null, withdrawnOn: '2026-07-01' });
    expect(revisionInForceOnDay(legalTimeline([{ key: 'a' }], history), '2026-09-01')).toBeNull();
  });

  it('a commencement on the day of a withdrawn revision’s cancelled one', () => {
    const history = record([ev('a', 'LAID', '2026-06-01'), ev('a', 'COMES_INTO_FORCE', '2026-09-01'), ev('a', 'WITHDRAWN', '2026-07-01'), ev('b', 'LAID', '2026-07-15')]);
    expect(refusalOf(history, ev('b', 'COMES_INTO_FORCE', '2026-09-01'))).toBeNull();
  });

  it('events of other revisions in any order of dates', () => {
    expect(() => record([ev('a', 'LAID', '2026-06-01'), ev('b', 'LAID', '2025-06-01'), ev('b', 'COMES_INTO_FORCE', '2025-09-01')])).not.toThrow();
  });
});

interface CatalogueRevision {
  key: string;
  status: string;
  laidOn: string | null;
  inForceFrom: string | null;
  inForceUntil: string | null;
  withdrawnOn: string | null;
  reviewIntervalYears?: number;
}
const catalogue = JSON.parse(readFileSync(new URL('../../../seed/data/catalogue.json', import.meta.url), 'utf8')) as { revisions: CatalogueRevision[] };
const catalogued = (key: string): CatalogueRevision => {
  const found = catalogue.revisions.find((r) => r.key === key);
  if (found === undefined) throw new Error(`the catalogue has no revision ${key}`);
  return found;
};

describe("the Code's real history", () => {
  const draft = catalogued('draft-2024-03-19');
  const code = catalogued('2024-09-01');
  const revisions = [{ key: draft.key }, { key: code.key }];

  // No source gives the day the March 2024 draft was withdrawn (the catalogue's withdrawnOn is
  // null); the Explanatory Memorandum of 11 June 2024 says it was "subsequently withdrawn", so
  // it was withdrawn after it was laid and by then. Every such day gives the same history.
  const withdrawalDays = Array.from({ length: 84 }, (_, i) => addDays('2024-03-20', i));

  const history = (withdrawnOn: string): LegalEvent[] =>
    record([
      ev(draft.key, 'LAID', draft.laidOn ?? ''),
      ev(draft.key, 'WITHDRAWN', withdrawnOn),
      ev(code.key, 'LAID', code.laidOn ?? ''),
      ev(code.key, 'COMES_INTO_FORCE', code.inForceFrom ?? ''),
    ]);

  it('uses the catalogue’s dates', () => {
    expect(draft.laidOn).toBe('2024-03-19');
    expect(code.laidOn).toBe('2024-06-11');
    expect(code.inForceFrom).toBe('2024-09-01');
    expect(withdrawalDays[0]).toBe('2024-03-20');
    expect(withdrawalDays[withdrawalDays.length - 1]).toBe('2024-06-11');
  });

  it.each(withdrawalDays)('fits exactly, withdrawn on %s', (withdrawnOn) => {
    const timeline = legalTimeline(revisions, history(withdrawnOn));
    expect(timeline).toEqual([
      { key: draft.key, laidOn: draft.laidOn, inForceFrom: draft.inForceFrom, inForceUntil: draft.inForceUntil, withdrawnOn },
      { key: code.key, laidOn: code.laidOn, inForceFrom: code.inForceFrom, inForceUntil: code.inForceUntil, withdrawnOn: code.withdrawnOn },
    ]);
    // The catalogue's statuses are the statuses today (any day from 1 September 2024 while no later revision is in force).
    expect(legalStatusOn(timeline, draft.key, '2025-06-01')).toBe(draft.status);
    expect(legalStatusOn(timeline, code.key, '2025-06-01')).toBe(code.status);
  });

  it('gives each revision its status on each day', () => {
    const timeline = legalTimeline(revisions, history('2024-04-15'));
    const statuses = (day: string): string[] => revisions.map((r) => legalStatusOn(timeline, r.key, day));
    expect(statuses('2024-03-18')).toEqual(['DRAFT', 'DRAFT']);
    expect(statuses('2024-03-19')).toEqual(['LAID', 'DRAFT']);
    expect(statuses('2024-04-14')).toEqual(['LAID', 'DRAFT']);
    expect(statuses('2024-04-15')).toEqual(['WITHDRAWN', 'DRAFT']);
    expect(statuses('2024-06-11')).toEqual(['WITHDRAWN', 'LAID']);
    expect(statuses('2024-08-31')).toEqual(['WITHDRAWN', 'LAID']);
    expect(statuses('2024-09-01')).toEqual(['WITHDRAWN', 'IN_FORCE']);
  });

  it('answers the revision in force and the one waiting, day by day', () => {
    const timeline = legalTimeline(revisions, history('2024-04-15'));
    expect(revisionInForceOnDay(timeline, '2024-03-19')).toBeNull();
    expect(revisionInForceOnDay(timeline, '2024-08-31')).toBeNull();
    expect(revisionInForceOnDay(timeline, '2024-09-01')?.key).toBe('2024-09-01');
    expect(revisionInForceOnDay(timeline, '2030-01-01')?.key).toBe('2024-09-01');
    expect(prospectiveRevision(timeline, '2024-03-18')).toBeNull();
    expect(prospectiveRevision(timeline, '2024-03-19')?.key).toBe('draft-2024-03-19');
    expect(prospectiveRevision(timeline, '2024-04-15')).toBeNull();
    expect(prospectiveRevision(timeline, '2024-06-11')?.key).toBe('2024-09-01');
    expect(prospectiveRevision(timeline, '2024-08-31')?.key).toBe('2024-09-01');
    expect(prospectiveRevision(timeline, '2024-09-01')).toBeNull();
  });

  it('is due for review two years after it came into force', () => {
    const due = reviewDue(code.inForceFrom ?? '', code.reviewIntervalYears ?? 0);
    expect(due).toBe('2026-09-01');
    expect(isReviewOverdue(due, '2026-09-01')).toBe(false);
    expect(isReviewOverdue(due, '2026-09-02')).toBe(true);
  });

  it('a next revision in force from 1 September 2026 supersedes it the day before', () => {
    const events = [...history('2024-04-15'), ev('2026-09-01', 'LAID', '2026-06-10'), ev('2026-09-01', 'COMES_INTO_FORCE', '2026-09-01')];
    const timeline = legalTimeline([...revisions, { key: '2026-09-01' }], record(events));
    expect(timeline[1]?.inForceUntil).toBe('2026-08-31');
    expect(legalStatusOn(timeline, '2024-09-01', '2026-08-31')).toBe('IN_FORCE');
    expect(legalStatusOn(timeline, '2024-09-01', '2026-09-01')).toBe('SUPERSEDED');
    expect(legalStatusOn(timeline, '2026-09-01', '2026-09-01')).toBe('IN_FORCE');
    expect(revisionInForceOnDay(timeline, '2026-08-31')?.key).toBe('2024-09-01');
    expect(revisionInForceOnDay(timeline, '2026-09-01')?.key).toBe('2026-09-01');
    expect(prospectiveRevision(timeline, '2026-07-01')?.key).toBe('2026-09-01');
  });
});

describe('revisionInForceOnDay agrees with revisionInForceOn', () => {
  it('on every day from 2024 to 2028 of the real history and a successor', () => {
    const events = record([
      ev('draft-2024-03-19', 'LAID', '2024-03-19'),
      ev('draft-2024-03-19', 'WITHDRAWN', '2024-04-15'),
      ev('2024-09-01', 'LAID', '2024-06-11'),
      ev('2024-09-01', 'COMES_INTO_FORCE', '2024-09-01'),
      ev('2026-09-01', 'LAID', '2026-06-10'),
      ev('2026-09-01', 'COMES_INTO_FORCE', '2026-09-01'),
    ]);
    const timeline = legalTimeline([{ key: 'draft-2024-03-19' }, { key: '2024-09-01' }, { key: '2026-09-01' }], events);
    for (let day = '2024-01-01'; day < '2028-01-01'; day = addDays(day, 1)) {
      expect(revisionInForceOnDay(timeline, day)?.key ?? null).toBe(revisionInForceOn(timeline, day)?.key ?? null);
    }
  });
});

describe('legalTimeline', () => {
  it('a withdrawn revision does not end the time in force of the one before it', () => {
    const events = record([
      ev('a', 'LAID', '2024-06-11'),
      ev('a', 'COMES_INTO_FORCE', '2024-09-01'),
      ev('b', 'LAID', '2026-06-01'),
      ev('b', 'COMES_INTO_FORCE', '2026-09-01'),
      ev('b', 'WITHDRAWN', '2026-08-01'),
      ev('c', 'LAID', '2027-01-10'),
      ev('c', 'COMES_INTO_FORCE', '2027-04-01'),
    ]);
    const timeline = legalTimeline([{ key: 'a' }, { key: 'b' }, { key: 'c' }], events);
    expect(timeline.map((e) => [e.key, e.inForceFrom, e.inForceUntil])).toEqual([
      ['a', '2024-09-01', '2027-03-31'],
      ['b', null, null],
      ['c', '2027-04-01', null],
    ]);
    expect(legalStatusOn(timeline, 'b', '2026-07-31')).toBe('LAID');
    expect(legalStatusOn(timeline, 'b', '2026-09-01')).toBe('WITHDRAWN');
    expect(prospectiveRevision(timeline, '2026-07-31')?.key).toBe('b');
    expect(prospectiveRevision(timeline, '2026-08-01')).toBeNull();
  });

  it('ends each time in force at the next commencement by date, whatever the order of the list', () => {
    const events = record([ev('b', 'LAID', '2026-06-01'), ev('b', 'COMES_INTO_FORCE', '2026-09-01'), ev('a', 'LAID', '2024-06-11'), ev('a', 'COMES_INTO_FORCE', '2024-09-01')]);
    const timeline = legalTimeline([{ key: 'b' }, { key: 'a' }], events);
    expect(timeline.map((e) => [e.key, e.inForceUntil])).toEqual([
      ['b', null],
      ['a', '2026-08-31'],
    ]);
  });

  it('the latest laid of two waiting revisions is the prospective one', () => {
    const timeline = legalTimeline([{ key: 'a' }, { key: 'b' }], record([ev('a', 'LAID', '2026-01-01'), ev('b', 'LAID', '2026-02-01')]));
    expect(prospectiveRevision(timeline, '2026-01-15')?.key).toBe('a');
    expect(prospectiveRevision(timeline, '2026-02-01')?.key).toBe('b');
  });

  it('NOT_FOUND for a key the timeline does not hold', () => {
    expect(errorOf(() => legalStatusOn([], '2030-01-01', '2030-01-01'))?.code).toBe('NOT_FOUND');
  });
});

describe('reviews', () => {
  it('falls due the same day some years later, or the last day of a shorter month', () => {
    expect(reviewDue('2024-09-01', 2)).toBe('2026-09-01');
    expect(reviewDue('2024-02-29', 1)).toBe('2025-02-28');
    expect(reviewDue('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('refuses a date that is not a day and an interval that is not whole years', () => {
    expect(errorOf(() => reviewDue('2024-02-30', 2))?.argument).toBe('inForceFrom');
    expect(errorOf(() => reviewDue('2024-09-01', 0))?.argument).toBe('intervalYears');
    expect(errorOf(() => reviewDue('2024-09-01', 1.5))?.argument).toBe('intervalYears');
  });
});

describe('the revision in force on a day, over random histories', () => {
  type Step = { kind: 'PUBLISH' | 'LAID' | 'COMES_INTO_FORCE' | 'WITHDRAWN'; revision: number; jitter: number; lead: number };
  const BASE = '2024-01-01';
  const step: fc.Arbitrary<Step> = fc.record({
    kind: fc.oneof(
      { arbitrary: fc.constant('PUBLISH' as const), weight: 1 },
      { arbitrary: fc.constant('LAID' as const), weight: 3 },
      { arbitrary: fc.constant('COMES_INTO_FORCE' as const), weight: 3 },
      { arbitrary: fc.constant('WITHDRAWN' as const), weight: 1 },
    ),
    revision: fc.integer({ min: 0, max: 4 }),
    // How far a step's day strays from the steady march of days (see dayOf), so that some
    // events come out of date order and are refused.
    jitter: fc.integer({ min: -3, max: 2 }),
    // A commencement's appointed day lies this many weeks ahead, so that later steps may
    // withdraw the revision before it (cancelling it) or bring another into force first.
    lead: fc.integer({ min: 0, max: 10 }),
  });
  const scenario = fc.record({
    revisions: fc.integer({ min: 2, max: 5 }),
    // Which revisions are published before the first step (most of them); PUBLISH steps publish more.
    publishedAtStart: fc.array(fc.integer({ min: 0, max: 3 }).map((n) => n > 0), { minLength: 5, maxLength: 5 }),
    steps: fc.array(step, { minLength: 12, maxLength: 40, size: 'medium' }),
    days: fc.array(fc.integer({ min: -30, max: 700 }), { minLength: 1, maxLength: 30 }),
  });

  /** Step i falls about i fortnights after BASE (a commencement later), on a week boundary, so that days often coincide. */
  const dayOf = (i: number, s: Step): string => addDays(BASE, Math.max(0, 2 * i + s.jitter + (s.kind === 'COMES_INTO_FORCE' ? s.lead : 0)) * 7);

  /** The events of the steps that checkLegalEvent accepts, each checked against those before it. */
  function accepted(revisions: number, publishedAtStart: readonly boolean[], steps: readonly Step[]): LegalEvent[] {
    const published = new Set(publishedAtStart.flatMap((p, i) => (p ? [`r${i}`] : [])));
    const history: LegalEvent[] = [];
    for (const [i, s] of steps.entries()) {
      const revision = `r${s.revision % revisions}`;
      if (s.kind === 'PUBLISH') {
        published.add(revision);
        continue;
      }
      const next = ev(revision, s.kind, dayOf(i, s));
      const refusal = refusalOf(history, next, published.has(revision));
      if (refusal === null) history.push(next);
      else expect(refusal.code).toBe('BAD_USER_INPUT');
    }
    return history;
  }

  /** Brute force: of the revisions never withdrawn, the one whose commencement is the latest on or before the day. */
  function expectedInForce(history: readonly LegalEvent[], day: string): string | null {
    let best: LegalEvent | null = null;
    for (const e of history) {
      if (e.event !== 'COMES_INTO_FORCE' || e.on > day) continue;
      if (history.some((w) => w.revision === e.revision && w.event === 'WITHDRAWN')) continue;
      if (best === null || e.on > best.on) best = e;
    }
    return best === null ? null : best.revision;
  }

  it('always answers the latest commencement on or before the day, never a withdrawn or a future one', () => {
    let withCommencement = 0;
    let severalCommencements = 0;
    fc.assert(
      fc.property(scenario, ({ revisions, publishedAtStart, steps, days }) => {
        const history = accepted(revisions, publishedAtStart, steps);
        const commencements = history.filter((e) => e.event === 'COMES_INTO_FORCE');
        if (commencements.length > 0) withCommencement += 1;
        if (commencements.length > 1) severalCommencements += 1;
        const keys = Array.from({ length: revisions }, (_, i) => ({ key: `r${i}` }));
        const timeline: LegalTimelineEntry[] = legalTimeline(keys, history);
        const eventDays = history.flatMap((e) => [e.on, dayBefore(e.on)]);
        for (const day of [...days.map((d) => addDays(BASE, d)), ...eventDays]) {
          const answer = revisionInForceOnDay(timeline, day);
          expect(answer?.key ?? null).toBe(expectedInForce(history, day));
          if (answer !== null) {
            const commencement = history.find((e) => e.revision === answer.key && e.event === 'COMES_INTO_FORCE');
            expect(commencement !== undefined && commencement.on <= day).toBe(true);
            expect(legalStatusOn(timeline, answer.key, day)).toBe('IN_FORCE');
          }
          for (const other of timeline) if (other.key !== answer?.key) expect(legalStatusOn(timeline, other.key, day)).not.toBe('IN_FORCE');
          expect(revisionInForceOn(timeline, day)?.key ?? null).toBe(answer?.key ?? null);
        }
      }),
      { numRuns: 100 },
    );
    // The generator makes histories worth checking: most of them bring some revision into force.
    expect(withCommencement).toBeGreaterThan(50);
    expect(severalCommencements).toBeGreaterThan(10);
  });
});
