/**
 * Which revision of the Code a request reads (docs/graph-model.md, "Revisions"): the revision
 * asked for by key, or the one in force on a day; any date gets the revision in force on that
 * day, or a clear "none was in force". Pure: works on the dates of revisions, never the driver.
 */
import { apiError, badUserInput, noRevisionInForce, notFound } from '../core/errors.ts';
import { prospectiveRevision } from './legal-events.ts';

/** What the choice needs to know of a revision. */
export interface RevisionDates {
  key: string;
  inForceFrom: string | null;
  inForceUntil: string | null;
  /** The day it was laid, when known (for `prospective`). */
  laidOn?: string | null;
  withdrawnOn?: string | null;
  status?: string;
}

/**
 * The revision in force on `day` (an ISO date): in force from on or before that day and,
 * if it has an end, until on or after it. When two overlap on a changeover day, the later
 * one wins. Null when none was in force.
 */
export function revisionInForceOn<R extends RevisionDates>(revisions: readonly R[], day: string): R | null {
  const candidates = revisions.filter(
    (r) => r.inForceFrom !== null && r.inForceFrom <= day && (r.inForceUntil === null || day <= r.inForceUntil),
  );
  candidates.sort((a, b) => (b.inForceFrom ?? '').localeCompare(a.inForceFrom ?? ''));
  return candidates[0] ?? null;
}

/** The revision that came into force first, if any did. */
export function firstRevisionInForce<R extends RevisionDates>(revisions: readonly R[]): R | null {
  const inForce = revisions.filter((r) => r.inForceFrom !== null);
  inForce.sort((a, b) => (a.inForceFrom ?? '').localeCompare(b.inForceFrom ?? ''));
  return inForce[0] ?? null;
}

/** Days in Wales as ISO dates (en-CA writes year-month-day); made once, as making one costs more than using it. */
const WALES_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The last day formatted, and the UTC minute it was formatted for. */
let lastDay = { minute: Number.NaN, day: '' };

/**
 * Today's date in Wales (Europe/London), as an ISO date. Formatting a date costs about as much
 * as a small request's own work, so the day is kept for the minute it was asked in: Europe/London
 * is UTC or UTC+1, so its midnight always falls on a whole UTC minute and a day kept this way
 * is never stale.
 */
export function todayInWales(now: Date = new Date()): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== lastDay.minute) lastDay = { minute, day: WALES_DAY.format(now) };
  return lastDay.day;
}

/** What a request says about which revision to read: a key, a day, or neither (today). */
export interface RevisionChoice {
  revision?: string | null;
  /** An ISO date (graphql-scalars' Date gives a JS Date; resolvers pass it through `isoDay`). */
  asOf?: string | null;
  /** The revision laid or due to come into force on that day, instead of the one in force. */
  prospective?: boolean | null;
}

/** A JS Date from the Date scalar as the ISO day it names (the scalar parses to UTC midnight). */
export function isoDay(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : value.toISOString().slice(0, 10);
}

/**
 * Chooses the revision a request reads (`asOf` on every entry point, default today).
 * Throws BAD_USER_INPUT when both a key and a day are given, NOT_FOUND for an unknown key,
 * and NOT_FOUND naming the first day in force when no revision was in force that day. With
 * `prospective`, the revision laid on or before that day and waiting to come into force
 * (domain/legal-events.ts), or NOT_FOUND when none is.
 */
export function chooseRevision<R extends RevisionDates>(revisions: readonly R[], choice: RevisionChoice, today: string): R {
  const key = choice.revision ?? null;
  const asOf = choice.asOf ?? null;
  if (key !== null && choice.prospective === true) {
    throw badUserInput(`Give either revision or prospective, not both; for example revision: "${key}"`, 'prospective');
  }
  if (key !== null && asOf !== null) {
    throw badUserInput(`Give either revision or asOf, not both; for example revision: "2024-09-01" or asOf: "${asOf}"`, 'revision');
  }
  if (key !== null) {
    const found = revisions.find((r) => r.key === key);
    if (found === undefined) throw notFound('revision of the Code', key, revisions[0]?.key ?? '2024-09-01');
    return found;
  }
  const day = asOf ?? today;
  if (choice.prospective === true) {
    const waiting = prospectiveRevision(
      revisions.filter((r) => r.status !== 'WITHDRAWN').map((r) => ({ ...r, laidOn: r.laidOn ?? null, withdrawnOn: r.withdrawnOn ?? null })),
      day,
    );
    const found = waiting === null ? undefined : revisions.find((r) => r.key === waiting.key);
    if (found === undefined) {
      throw apiError('NOT_FOUND', `No revision of the Code was laid and waiting to come into force on ${day}; leave out prospective to read the revision in force that day`);
    }
    return found;
  }
  const inForce = revisionInForceOn(revisions, day);
  if (inForce === null) throw noRevisionInForce(day, firstRevisionInForce(revisions));
  return inForce;
}
