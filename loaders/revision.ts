/**
 * Revisions of the Code and the choice of one for a request: the revision asked for by key,
 * or the one in force on a day (DESIGN.md, "Revise": any date gets the revision in force on
 * that day). Revisions are few, so one query reads them all once per request.
 */
import { badUserInput, noRevisionInForce, notFound } from '../server/errors.ts';
import { flag, isoDate, oneOf, optionalText, text, type Props } from './graph-values.ts';
import type { QueryRunner } from './run-query.ts';
import { REVISION_STATUSES, type RevisionStatus } from './vocabulary.ts';

export interface RevisionModel {
  __typename: 'Revision';
  key: string;
  status: RevisionStatus;
  title: string;
  laidOn: string | null;
  inForceFrom: string | null;
  inForceUntil: string | null;
  withdrawnOn: string | null;
  published: boolean;
  hasText: boolean;
  evidence: string | null;
  /** The instrument this is a revision of (REVISION_OF). */
  instrumentKey: string | null;
  /** The revision this one SUPERSEDES. */
  supersedesKey: string | null;
}

export const ALL_REVISIONS = `
MATCH (r:Revision)
RETURN properties(r) AS revision,
       [(r)-[:REVISION_OF]->(i:Instrument) | i.key][0] AS instrumentKey,
       [(r)-[:SUPERSEDES]->(s:Revision) | s.key][0] AS supersedesKey
ORDER BY coalesce(r.inForceFrom, r.laidOn) DESC, r.key DESC`;

export function toRevision(props: Props, instrumentKey: string | null, supersedesKey: string | null): RevisionModel {
  return {
    __typename: 'Revision',
    key: text(props, 'key'),
    status: oneOf(props, 'status', REVISION_STATUSES),
    title: text(props, 'title'),
    laidOn: isoDate(props, 'laidOn'),
    inForceFrom: isoDate(props, 'inForceFrom'),
    inForceUntil: isoDate(props, 'inForceUntil'),
    withdrawnOn: isoDate(props, 'withdrawnOn'),
    published: flag(props, 'published'),
    hasText: flag(props, 'hasText'),
    evidence: optionalText(props, 'evidence'),
    instrumentKey,
    supersedesKey,
  };
}

/** Every revision, newest first (by the day it came into force, else the day it was laid). */
export async function loadRevisions(runner: QueryRunner): Promise<RevisionModel[]> {
  const rows = await runner.read<{ revision: Props; instrumentKey: string | null; supersedesKey: string | null }>('allRevisions', ALL_REVISIONS);
  return rows.map((row) => toRevision(row.revision, row.instrumentKey, row.supersedesKey));
}

/**
 * The revision in force on `day` (an ISO date): in force from on or before that day and,
 * if it has an end, until on or after it. When two overlap on a changeover day, the later
 * one wins. Null when none was in force.
 */
export function revisionInForceOn(revisions: readonly RevisionModel[], day: string): RevisionModel | null {
  const candidates = revisions.filter(
    (r) => r.inForceFrom !== null && r.inForceFrom <= day && (r.inForceUntil === null || day <= r.inForceUntil),
  );
  candidates.sort((a, b) => (b.inForceFrom ?? '').localeCompare(a.inForceFrom ?? ''));
  return candidates[0] ?? null;
}

/** The revision that came into force first, if any did. */
export function firstRevisionInForce(revisions: readonly RevisionModel[]): RevisionModel | null {
  const inForce = revisions.filter((r) => r.inForceFrom !== null);
  inForce.sort((a, b) => (a.inForceFrom ?? '').localeCompare(b.inForceFrom ?? ''));
  return inForce[0] ?? null;
}

/** Today's date in Wales (Europe/London), as an ISO date. */
export function todayInWales(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** What a request says about which revision to read: a key, a day, or neither (today). */
export interface RevisionChoice {
  revision?: string | null;
  /** An ISO date (graphql-scalars' Date gives a JS Date; resolvers pass it through `isoDay`). */
  asOf?: string | null;
}

/** A JS Date from the Date scalar as the ISO day it names (the scalar parses to UTC midnight). */
export function isoDay(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : value.toISOString().slice(0, 10);
}

/**
 * Chooses the revision a request reads (issue 4: `asOf` on every entry point, default today).
 * Throws BAD_USER_INPUT when both a key and a day are given, NOT_FOUND for an unknown key,
 * and NOT_FOUND naming the first day in force when no revision was in force that day.
 */
export function chooseRevision(revisions: readonly RevisionModel[], choice: RevisionChoice, today: string): RevisionModel {
  const key = choice.revision ?? null;
  const asOf = choice.asOf ?? null;
  if (key !== null && asOf !== null) {
    throw badUserInput(`Give either revision or asOf, not both; for example revision: "2024-09-01" or asOf: "${asOf}"`, 'revision');
  }
  if (key !== null) {
    const found = revisions.find((r) => r.key === key);
    if (found === undefined) throw notFound('revision of the Code', key, revisions[0]?.key ?? '2024-09-01');
    return found;
  }
  const day = asOf ?? today;
  const inForce = revisionInForceOn(revisions, day);
  if (inForce === null) throw noRevisionInForce(day, firstRevisionInForce(revisions));
  return inForce;
}
