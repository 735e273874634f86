/**
 * Revisions of the Code as the graph holds them. Which one a request reads is a domain rule
 * (domain/revision-in-force.ts); revisions are few, so one query reads them all once per request.
 */
import { flag, isoDate, oneOf, optionalInteger, optionalText, text, type Props } from '../db/graph-values.ts';
import type { QueryRunner } from '../db/run-query.ts';
import { EDITORIAL_STATES, REVISION_STATUSES, type EditorialState, type RevisionStatus } from '../core/vocabulary.ts';

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
    editorialState: props['editorialState'] === undefined || props['editorialState'] === null ? 'PUBLISHED' : oneOf(props, 'editorialState', EDITORIAL_STATES),
    version: optionalInteger(props, 'version') ?? 1,
    createdBy: optionalText(props, 'createdByName'),
    lastChangedBy: optionalText(props, 'lastChangedByName'),
    copiedFrom: optionalText(props, 'copiedFrom'),
  };
}

/** Every revision, newest first (by the day it came into force, else the day it was laid). */
export async function loadRevisions(runner: QueryRunner): Promise<RevisionModel[]> {
  const rows = await runner.read<{ revision: Props; instrumentKey: string | null; supersedesKey: string | null }>('allRevisions', ALL_REVISIONS);
  return rows.map((row) => toRevision(row.revision, row.instrumentKey, row.supersedesKey));
}
