/**
 * Each revision's legal life as the API shows it (docs/graph-model.md, "Legal status"): the
 * dates the sources give for the revisions the seed loaded (stored on the revision, from the
 * catalogue), and the dated legal events recorded since, read together by the rules of
 * legal-events.ts: each stored date counts as an event of its kind, and the recorded events
 * follow (a revision created by the editors has no stored dates, only events). The sources
 * say the March 2024 draft was withdrawn but not when: a stored WITHDRAWN with no date stays
 * withdrawn from its laying on. Pure.
 */
import type { LegalEventKind, RevisionStatus } from '../core/vocabulary.ts';
import { legalTimeline, type LegalEvent, type LegalTimelineEntry } from './legal-events.ts';

/** What a revision node holds of its legal life. */
export interface StoredLegalDates {
  key: string;
  status: RevisionStatus;
  laidOn: string | null;
  inForceFrom: string | null;
  withdrawnOn: string | null;
}

export interface LegalLife extends LegalTimelineEntry {
  /** Withdrawn, by the sources, on a day they do not give. */
  withdrawnUndated: boolean;
}

/** The events a revision without recorded events is taken to have had, from its stored dates. */
export function storedEvents(revision: StoredLegalDates): LegalEvent[] {
  const events: [LegalEventKind, string | null][] = [
    ['LAID', revision.laidOn],
    ['COMES_INTO_FORCE', revision.inForceFrom],
    ['WITHDRAWN', revision.withdrawnOn],
  ];
  return events.flatMap(([event, on]) => (on === null ? [] : [{ revision: revision.key, event, on }]));
}

/** Every event the rules see: the stored dates as events, then the recorded ones in the order they were recorded. */
export function legalHistory(revisions: readonly StoredLegalDates[], recorded: readonly LegalEvent[]): LegalEvent[] {
  return [...revisions.flatMap(storedEvents), ...recorded];
}

/** Each revision's legal dates, in the order given. */
export function legalLives(revisions: readonly StoredLegalDates[], recorded: readonly LegalEvent[]): LegalLife[] {
  const timeline = legalTimeline(revisions, legalHistory(revisions, recorded));
  return timeline.map((entry, i) => {
    const stored = revisions[i];
    const withdrawnUndated = stored !== undefined && stored.status === 'WITHDRAWN' && entry.withdrawnOn === null;
    return { ...entry, inForceFrom: withdrawnUndated ? null : entry.inForceFrom, inForceUntil: withdrawnUndated ? null : entry.inForceUntil, withdrawnUndated };
  });
}

/**
 * A revision's legal status on `day`: WITHDRAWN from its withdrawal (from its laying when
 * the day is not known), IN_FORCE from its commencement until the day before the next one,
 * SUPERSEDED after that, LAID from its laying, DRAFT before.
 */
export function statusOn(life: LegalLife, day: string): RevisionStatus {
  if (life.withdrawnOn !== null && life.withdrawnOn <= day) return 'WITHDRAWN';
  if (life.withdrawnUndated && (life.laidOn === null || life.laidOn <= day)) return 'WITHDRAWN';
  if (life.inForceFrom !== null && life.inForceFrom <= day) return life.inForceUntil !== null && life.inForceUntil < day ? 'SUPERSEDED' : 'IN_FORCE';
  if (life.laidOn !== null && life.laidOn <= day) return 'LAID';
  return 'DRAFT';
}
