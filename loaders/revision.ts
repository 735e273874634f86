/**
 * Revisions of the Code as the graph holds them. Which one a request reads is a domain rule
 * (domain/revision-in-force.ts); revisions are few, so one query reads them all once per request,
 * with the legal events recorded for them, and their dates and status are those of their
 * legal life (domain/legal-life.ts): the stored dates of the seeded revisions, the events of
 * the rest.
 */
import { flag, isoDate, oneOf, optionalInteger, optionalText, text, type Props } from '../db/graph-values.ts';
import type { QueryRunner } from '../db/run-query.ts';
import { EDITORIAL_STATES, LEGAL_EVENTS, REVISION_STATUSES, type EditorialState, type RevisionStatus } from '../core/vocabulary.ts';
import { legalLives, statusOn } from '../domain/legal-life.ts';
import type { LegalEvent } from '../domain/legal-events.ts';
import { todayInWales } from '../domain/revision-in-force.ts';

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
  /** Where it stands in the editors' work: a published revision is PUBLISHED, for ever. */
  editorialState: EditorialState;
  /** Every change to a draft adds one; editors send it back as expectedVersion. */
  version: number;
  /** The editor who created the draft (null for revisions loaded by the seed). */
  createdBy: string | null;
  /** The editor who changed it last. */
  lastChangedBy: string | null;
  /** The revision a draft was copied from. */
  copiedFrom: string | null;
  /** How often the Code says it is reviewed, in years (2), when it says so. */
  reviewIntervalYears: number | null;
  /** The reviewer who approved it, while approved or once published. */
  approvedBy: string | null;
}

export const ALL_REVISIONS = `
MATCH (r:Revision) WHERE $which = 'all' OR r.published = ($which = 'published')
RETURN properties(r) AS revision,
       [(r)-[:REVISION_OF]->(i:Instrument) | i.key][0] AS instrumentKey,
       [(r)-[:SUPERSEDES]->(s:Revision) | s.key][0] AS supersedesKey,
       COLLECT { MATCH (e:RevisionEvent {revisionKey: r.key}) WHERE e.event IN $legalEvents RETURN {event: e.event, on: toString(e.on), sequence: e.sequence} } AS events`;

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
    editorialState: props['editorialState'] === undefined || props['editorialState'] === null ? 'PUBLISHED' : oneOf(props, 'editorialState', EDITORIAL_STATES),
    version: optionalInteger(props, 'version') ?? 1,
    createdBy: optionalText(props, 'createdByName'),
    lastChangedBy: optionalText(props, 'lastChangedByName'),
    copiedFrom: optionalText(props, 'copiedFrom'),
    reviewIntervalYears: optionalInteger(props, 'reviewIntervalYears'),
    approvedBy: optionalText(props, 'approvedByName'),
  };
}

/**
 * Every revision with the dates and status of its legal life on `today`, newest first (by
 * the day it came into force, else the day it was laid).
 */
export async function loadRevisions(runner: QueryRunner, today: string = todayInWales(), which: 'all' | 'published' | 'drafts' = 'all'): Promise<RevisionModel[]> {
  const rows = await runner.read<{ revision: Props; instrumentKey: string | null; supersedesKey: string | null; events: { event: LegalEvent['event']; on: string; sequence: number }[] }>(
    which === 'drafts' ? 'draftRevisions' : 'allRevisions',
    ALL_REVISIONS,
    { legalEvents: LEGAL_EVENTS, which },
  );
  const stored = rows.map((row) => toRevision(row.revision, row.instrumentKey, row.supersedesKey));
  const events = rows
    .flatMap((row, i) => row.events.map((e) => ({ ...e, revision: stored[i]?.key ?? '' })))
    .sort((a, b) => a.sequence - b.sequence)
    .map(({ revision, event, on }) => ({ revision, event, on }));
  const lives = legalLives(stored, events);
  const revisions = stored.map((revision, i) => {
    const life = lives[i];
    if (life === undefined || !revision.published) return revision;
    return { ...revision, laidOn: life.laidOn, inForceFrom: life.inForceFrom, inForceUntil: life.inForceUntil, withdrawnOn: life.withdrawnOn, status: statusOn(life, today) };
  });
  return newestFirst(revisions);
}

/** Revisions newest first: by the day they came into force, else the day they were laid, then by key. */
export function newestFirst(revisions: readonly RevisionModel[]): RevisionModel[] {
  const newest = (r: RevisionModel): string => r.inForceFrom ?? r.laidOn ?? '';
  return [...revisions].sort((a, b) => newest(b).localeCompare(newest(a)) || b.key.localeCompare(a.key));
}
