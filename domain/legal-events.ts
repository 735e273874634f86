/**
 * The Code's legal life as dated events (docs/graph-model.md, "Revisions"): a published
 * revision is consulted on, laid before the Senedd, comes into force on an appointed day, or
 * is withdrawn. This module holds which event may be recorded next, the dates and status
 * each revision gets from its events, which revision is in force or pending on a day, and
 * when the Code is due for review. Pure: works on events and dates, never the driver.
 *
 * The rules, all of them BAD_USER_INPUT naming the field at fault:
 * - only a published revision has a legal life;
 * - a consultation opens before it closes, one at a time, and both come before laying;
 * - a revision is laid once, and comes into force once, on or after the day it was laid;
 * - a revision already in force (on or after its commencement day) is superseded or revoked,
 *   never withdrawn; a withdrawal dated before a scheduled commencement cancels it, so a
 *   withdrawn revision never comes into force;
 * - nothing happens to a revision after it is withdrawn;
 * - no two revisions come into force on the same day;
 * - the events of one revision are recorded in date order (the appointed day of a
 *   commencement, which may lie ahead, aside: only a withdrawal may follow it);
 * - every date is a real day, written year-month-day.
 */
import { badUserInput, notFound, quoteShort } from '../core/errors.ts';
import type { LegalEventKind, RevisionStatus } from '../core/vocabulary.ts';
import type { RevisionDates } from './revision-in-force.ts';

/** One thing that happened to a revision in law, on a day (an ISO date). */
export interface LegalEvent {
  revision: string;
  event: LegalEventKind;
  on: string;
}

/** True when `text` is a real day written year-month-day, such as 2024-09-01 (not 2024-02-30). */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The day before an ISO date. */
export function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** A refusal: the field at fault and what is wrong with it. */
interface Refusal {
  argument: 'input.on' | 'input.event' | 'input.revision';
  message: string;
}

/** The first event of a kind among one revision's events. */
function firstOf(own: readonly LegalEvent[], kind: LegalEventKind): LegalEvent | undefined {
  return own.find((e) => e.event === kind);
}

/** The consultation on a revision that is open (opened and not yet closed), if any. */
function openConsultation(own: readonly LegalEvent[]): LegalEvent | undefined {
  const opened = own.filter((e) => e.event === 'CONSULTATION_OPENED');
  const closed = own.filter((e) => e.event === 'CONSULTATION_CLOSED').length;
  return opened.length > closed ? opened[opened.length - 1] : undefined;
}

/** The refusal of `next` by the rule of its own kind, or null when that rule allows it. */
type EventRule = (own: readonly LegalEvent[], next: LegalEvent, history: readonly LegalEvent[]) => Refusal | null;

const consultationOpened: EventRule = (own, next) => {
  const laid = firstOf(own, 'LAID');
  if (laid !== undefined) {
    return { argument: 'input.event', message: `Revision ${next.revision} was laid on ${laid.on}, and a consultation comes before laying; a consultation on a later revision is recorded against that revision` };
  }
  const open = openConsultation(own);
  if (open !== undefined) {
    return { argument: 'input.event', message: `A consultation on revision ${next.revision} has been open since ${open.on}; record CONSULTATION_CLOSED before opening another` };
  }
  return null;
};

const consultationClosed: EventRule = (own, next) => {
  const open = openConsultation(own);
  if (open === undefined) {
    return { argument: 'input.event', message: `No consultation on revision ${next.revision} is open; record CONSULTATION_OPENED first` };
  }
  if (next.on < open.on) {
    return { argument: 'input.on', message: `The consultation on revision ${next.revision} opened on ${open.on}, so input.on must be that day or later; got ${next.on}` };
  }
  return null;
};

const laid: EventRule = (own, next) => {
  const before = firstOf(own, 'LAID');
  if (before !== undefined) {
    return { argument: 'input.event', message: `Revision ${next.revision} was already laid on ${before.on}; a revision is laid once` };
  }
  const open = openConsultation(own);
  if (open !== undefined) {
    return { argument: 'input.event', message: `The consultation on revision ${next.revision} opened on ${open.on} is still open; record CONSULTATION_CLOSED before LAID` };
  }
  return null;
};

const comesIntoForce: EventRule = (own, next, history) => {
  const laidEvent = firstOf(own, 'LAID');
  if (laidEvent === undefined) {
    return { argument: 'input.event', message: `Revision ${next.revision} has not been laid, and only a laid revision comes into force; record LAID first` };
  }
  const before = firstOf(own, 'COMES_INTO_FORCE');
  if (before !== undefined) {
    return { argument: 'input.event', message: `Revision ${next.revision} already comes into force on ${before.on}; a revision comes into force once` };
  }
  if (next.on < laidEvent.on) {
    return { argument: 'input.on', message: `Revision ${next.revision} was laid on ${laidEvent.on}, so it comes into force on that day or later; got ${next.on}` };
  }
  const sameDay = history.find(
    (e) => e.event === 'COMES_INTO_FORCE' && e.on === next.on && e.revision !== next.revision && !withdrawnRevision(history, e.revision),
  );
  if (sameDay !== undefined) {
    return { argument: 'input.on', message: `Revision ${next.revision} cannot come into force on ${next.on}: revision ${sameDay.revision} comes into force that day, and two revisions cannot come into force on the same day; choose another day` };
  }
  return null;
};

const withdrawn: EventRule = (own, next) => {
  const commencement = firstOf(own, 'COMES_INTO_FORCE');
  if (commencement !== undefined && next.on >= commencement.on) {
    return {
      argument: 'input.on',
      message: `Revision ${next.revision} comes into force on ${commencement.on}, so it cannot be withdrawn on ${next.on}: a revision in force is superseded (lay a later revision and record its COMES_INTO_FORCE) or revoked, not withdrawn; a withdrawal must be dated before ${commencement.on}`,
    };
  }
  return null;
};

const RULES: { readonly [E in LegalEventKind]: EventRule } = {
  CONSULTATION_OPENED: consultationOpened,
  CONSULTATION_CLOSED: consultationClosed,
  LAID: laid,
  COMES_INTO_FORCE: comesIntoForce,
  WITHDRAWN: withdrawn,
};

/** True when the revision has been withdrawn. */
function withdrawnRevision(history: readonly LegalEvent[], revision: string): boolean {
  return history.some((e) => e.revision === revision && e.event === 'WITHDRAWN');
}

/**
 * The latest event of a revision that a new one must not be dated before: the appointed day
 * of a commencement does not count, since only a withdrawal dated before it may follow it.
 */
function latestDated(own: readonly LegalEvent[]): LegalEvent | undefined {
  return own.filter((e) => e.event !== 'COMES_INTO_FORCE').reduce<LegalEvent | undefined>((latest, e) => (latest === undefined || e.on >= latest.on ? e : latest), undefined);
}

/** Every rule but the rule of the event's own kind, in the order they are checked. */
function generalRefusal(own: readonly LegalEvent[], next: LegalEvent, published: boolean): Refusal | null {
  if (!isIsoDate(next.on)) {
    return { argument: 'input.on', message: `input.on must be a real day written year-month-day, such as 2024-09-01; got "${quoteShort(next.on)}"` };
  }
  if (!published) {
    return { argument: 'input.revision', message: `Revision ${next.revision} is not published, and only a published revision has a legal life; publish it first, or record the event against a published revision` };
  }
  const withdrawal = firstOf(own, 'WITHDRAWN');
  if (withdrawal !== undefined) {
    return { argument: 'input.event', message: `Revision ${next.revision} was withdrawn on ${withdrawal.on}, and nothing more happens to a withdrawn revision, not even another withdrawal` };
  }
  return null;
}

/** The refusal of events recorded out of date order, or null. */
function orderRefusal(own: readonly LegalEvent[], next: LegalEvent): Refusal | null {
  const latest = latestDated(own);
  if (latest === undefined || next.on >= latest.on) return null;
  return {
    argument: 'input.on',
    message: `Revision ${next.revision} has ${latest.event} recorded on ${latest.on}, and its events are recorded in date order, so input.on must be ${latest.on} or later; got ${next.on}`,
  };
}

/**
 * Whether `next` may be recorded after `history` (every event of every revision so far, each
 * accepted in its turn); `published` says whether next's revision is published. Throws
 * BAD_USER_INPUT naming input.on, input.event or input.revision and what would be valid.
 */
export function checkLegalEvent(history: readonly LegalEvent[], next: LegalEvent, published: boolean): void {
  const own = history.filter((e) => e.revision === next.revision);
  const refusal = generalRefusal(own, next, published) ?? RULES[next.event](own, next, history) ?? orderRefusal(own, next);
  if (refusal !== null) throw badUserInput(refusal.message, refusal.argument);
}

/** A revision's legal dates, as its events set them (docs/graph-model.md, "Legal status"). */
export interface LegalTimelineEntry extends RevisionDates {
  key: string;
  laidOn: string | null;
  /** Its commencement day, possibly ahead; null when it has none or was withdrawn (it never came into force). */
  inForceFrom: string | null;
  /** The day before the next revision by commencement day comes into force; null when none follows. */
  inForceUntil: string | null;
  withdrawnOn: string | null;
}

/** One revision's dates, before the next revision's commencement is known. */
function datesOf(key: string, events: readonly LegalEvent[]): LegalTimelineEntry {
  const own = events.filter((e) => e.revision === key);
  const withdrawnOn = firstOf(own, 'WITHDRAWN')?.on ?? null;
  return {
    key,
    laidOn: firstOf(own, 'LAID')?.on ?? null,
    inForceFrom: withdrawnOn === null ? (firstOf(own, 'COMES_INTO_FORCE')?.on ?? null) : null,
    inForceUntil: null,
    withdrawnOn,
  };
}

/** The earliest commencement day after `day` among the entries, if any. */
function nextCommencement(entries: readonly LegalTimelineEntry[], day: string): string | null {
  return entries.reduce<string | null>((found, e) => (e.inForceFrom !== null && e.inForceFrom > day && (found === null || e.inForceFrom < found) ? e.inForceFrom : found), null);
}

/**
 * Each revision's legal dates from the events, in the order of `revisions`: coming into
 * force ends the previous revision's time in force the day before; a withdrawn revision
 * never comes into force. Events of revisions not listed are ignored.
 */
export function legalTimeline(revisions: readonly { key: string }[], events: readonly LegalEvent[]): LegalTimelineEntry[] {
  const entries = revisions.map((r) => datesOf(r.key, events));
  return entries.map((e) => {
    if (e.inForceFrom === null) return e;
    const next = nextCommencement(entries, e.inForceFrom);
    return { ...e, inForceUntil: next === null ? null : dayBefore(next) };
  });
}

/** A revision's entry in the timeline; NOT_FOUND for a key it does not hold. */
function entryOf(timeline: readonly LegalTimelineEntry[], key: string): LegalTimelineEntry {
  const entry = timeline.find((e) => e.key === key);
  if (entry === undefined) throw notFound('revision of the Code', key, timeline[0]?.key ?? '2024-09-01');
  return entry;
}

/**
 * A revision's legal status on `day`: WITHDRAWN from its withdrawal, IN_FORCE from its
 * commencement until the day before the next one's, SUPERSEDED after that, LAID from its
 * laying, DRAFT before. NOT_FOUND for a key the timeline does not hold.
 */
export function legalStatusOn(timeline: readonly LegalTimelineEntry[], key: string, day: string): RevisionStatus {
  const e = entryOf(timeline, key);
  if (e.withdrawnOn !== null && e.withdrawnOn <= day) return 'WITHDRAWN';
  if (e.inForceFrom !== null && e.inForceFrom <= day) return e.inForceUntil !== null && e.inForceUntil < day ? 'SUPERSEDED' : 'IN_FORCE';
  if (e.laidOn !== null && e.laidOn <= day) return 'LAID';
  return 'DRAFT';
}

/**
 * The revision in force on `day`: the latest commencement on or before it, never a future
 * one, never a withdrawn revision (a withdrawal always comes before the commencement it
 * cancels). Null when none is. Agrees with revisionInForceOn (domain/revision-in-force.ts).
 */
export function revisionInForceOnDay(timeline: readonly LegalTimelineEntry[], day: string): LegalTimelineEntry | null {
  return timeline.reduce<LegalTimelineEntry | null>(
    (found, e) => (e.inForceFrom !== null && e.inForceFrom <= day && (found === null || (found.inForceFrom ?? '') < e.inForceFrom) ? e : found),
    null,
  );
}

/** True when, on `day`, the revision has been laid and is neither withdrawn nor yet in force. */
function pendingOn(e: LegalTimelineEntry, day: string): boolean {
  return (
    e.laidOn !== null && e.laidOn <= day && (e.withdrawnOn === null || day < e.withdrawnOn) && (e.inForceFrom === null || day < e.inForceFrom)
  );
}

/**
 * The revision waiting, on `day`, to come into force: laid on or before that day, not
 * withdrawn by then, its commencement after that day or not yet appointed; the latest laid
 * (then the greatest key) when several are. Null when none is.
 */
export function prospectiveRevision(timeline: readonly LegalTimelineEntry[], day: string): LegalTimelineEntry | null {
  const pending = timeline.filter((e) => pendingOn(e, day));
  pending.sort((a, b) => (b.laidOn ?? '').localeCompare(a.laidOn ?? '') || b.key.localeCompare(a.key));
  return pending[0] ?? null;
}

/**
 * The day a revision in force from `inForceFrom` is due for review, `intervalYears` later
 * (the Code is reviewed every two years, clause 1.11 e)): the same day of the same month, or
 * the month's last day when it has no such day (29 February + 1 year is 28 February).
 * Throws BAD_USER_INPUT for a date that is not a real day or an interval that is not a
 * whole number of years from 1.
 */
export function reviewDue(inForceFrom: string, intervalYears: number): string {
  if (!isIsoDate(inForceFrom)) {
    throw badUserInput(`inForceFrom must be a real day written year-month-day, such as 2024-09-01; got "${quoteShort(inForceFrom)}"`, 'inForceFrom');
  }
  if (!Number.isInteger(intervalYears) || intervalYears < 1) {
    throw badUserInput(`intervalYears must be a whole number of years from 1, such as 2; got ${intervalYears}`, 'intervalYears');
  }
  const [year, month, day] = inForceFrom.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(year + intervalYears, month, 0)).getUTCDate();
  return new Date(Date.UTC(year + intervalYears, month - 1, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

/** True when `today` is past the day the review was due (on the day itself it is due, not overdue). */
export function isReviewOverdue(reviewDueOn: string, today: string): boolean {
  return today > reviewDueOn;
}
