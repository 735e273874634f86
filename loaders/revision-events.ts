/**
 * The public events of revisions (the changes feed, each revision's events), the review
 * comments on a draft, and one obligation's history across revisions (schema/review.graphql).
 * Events are written by editing/revision-events.ts, comments by editing/review-comments.ts
 * (docs/graph-model.md, "Legal status" and "Editorial state").
 */
import { asProps, integer, oneOf, optionalText, text, type Props } from '../db/graph-values.ts';
import type { QueryRunner } from '../db/run-query.ts';
import { LEGAL_EVENTS } from '../core/vocabulary.ts';
import type { Page, PageRequest } from './pagination.ts';

export const REVISION_EVENT_KINDS = ['PUBLISHED', ...LEGAL_EVENTS] as const;
export const REVIEW_COMMENT_STATUSES = ['OPEN', 'ANSWERED', 'RESOLVED'] as const;

export interface RevisionEventModel {
  sequence: number;
  event: (typeof REVISION_EVENT_KINDS)[number];
  on: string;
  revisionKey: string;
  recordedAt: string;
  note: string | null;
}

export interface ReviewCommentModel {
  id: string;
  revision: string;
  text: string;
  author: string;
  createdAt: string;
  status: (typeof REVIEW_COMMENT_STATUSES)[number];
  provisionLineage: string | null;
  obligationLineage: string | null;
  resolvedBy: string | null;
  answers: ReviewCommentModel[];
}

/** One step of an obligation's history: the obligation in one revision, and what changed from the step before. */
export interface ObligationHistoryEntryModel {
  revisionKey: string;
  key: string;
  uid: string;
  changes: string[];
}

/** One obligation in one revision, with the fields its history compares. */
export interface ObligationVersionRow {
  uid: string;
  revision: string;
  key: string;
  modality: string;
  force: string;
  text: string;
  qualifiers: string[];
  addressees: string[];
  appliesTo: string[];
}

const EVENT_VALUE = `e {.sequence, .event, .revisionKey, .note, on: toString(e.on), recordedAt: toString(e.recordedAt)}`;

const CHANGES = `
MATCH (e:RevisionEvent)
WITH e ORDER BY e.sequence
WITH collect(${EVENT_VALUE}) AS events
RETURN size(events) AS totalCount, events[$offset..($offset + $limit)] AS page`;

const EVENTS_OF_REVISION = `
MATCH (e:RevisionEvent {revisionKey: $revision})
RETURN ${EVENT_VALUE} AS event
ORDER BY e.sequence`;

const COMMENTS = `
MATCH (c:ReviewComment {revision: $revision}) WHERE c.replyTo IS NULL
OPTIONAL MATCH (a:ReviewComment)-[:ANSWERS]->(c)
WITH c, a ORDER BY a.createdAt
WITH c, collect(a {.*, createdAt: toString(a.createdAt)}) AS answers
RETURN c {.*, createdAt: toString(c.createdAt)} AS comment, answers
ORDER BY c.createdAt`;

const COMMENT_BY_ID = `
MATCH (c:ReviewComment {id: $id})
OPTIONAL MATCH (a:ReviewComment)-[:ANSWERS]->(c)
WITH c, a ORDER BY a.createdAt
WITH c, collect(a {.*, createdAt: toString(a.createdAt)}) AS answers
RETURN c {.*, createdAt: toString(c.createdAt)} AS comment, answers`;

const PROVISION_BY_LINEAGE = `
MATCH (p:Provision {lineage: $lineage}) WHERE p.revision = $revision
RETURN p.uid AS uid`;

const OBLIGATION_BY_LINEAGE = `
MATCH (o:Obligation {lineage: $lineage}) WHERE o.revision = $revision
RETURN o.uid AS uid`;

const OBLIGATION_VERSIONS = `
MATCH (o:Obligation {lineage: $lineage})
RETURN o.uid AS uid, o.revision AS revision, o.key AS key, o.modality AS modality, o.force AS force, o.text AS text,
       coalesce(o.qualifiers, []) AS qualifiers,
       [(o)-[:ADDRESSES]->(b:Body) | b.key] AS addressees, [(o)-[:APPLIES_TO]->(b:Body) | b.key] AS appliesTo`;

function toEvent(value: unknown): RevisionEventModel {
  const props = asProps(value, 'revision event');
  return {
    sequence: integer(props, 'sequence'),
    event: oneOf(props, 'event', REVISION_EVENT_KINDS),
    on: text(props, 'on'),
    revisionKey: text(props, 'revisionKey'),
    recordedAt: text(props, 'recordedAt'),
    note: optionalText(props, 'note'),
  };
}

function toComment(props: Props, answers: readonly Props[] = []): ReviewCommentModel {
  return {
    id: text(props, 'id'),
    revision: text(props, 'revision'),
    text: text(props, 'text'),
    author: text(props, 'authorName'),
    createdAt: text(props, 'createdAt'),
    status: oneOf(props, 'status', REVIEW_COMMENT_STATUSES),
    provisionLineage: optionalText(props, 'provisionLineage'),
    obligationLineage: optionalText(props, 'obligationLineage'),
    resolvedBy: optionalText(props, 'resolvedByName'),
    answers: answers.map((answer) => toComment(answer)),
  };
}

export function createRevisionEventLoaders(runner: QueryRunner) {
  return {
    /** A page of every public event, oldest first. */
    changes: async (request: PageRequest): Promise<Page<RevisionEventModel>> => {
      const [row] = await runner.read<{ totalCount: number; page: unknown[] }>('changes', CHANGES, { offset: request.offset, limit: request.limit });
      return { items: (row?.page ?? []).map(toEvent), totalCount: row?.totalCount ?? 0, offset: request.offset };
    },
    /** The public events of one revision, oldest first. */
    eventsOfRevision: async (revision: string): Promise<RevisionEventModel[]> =>
      (await runner.read<{ event: unknown }>('eventsOfRevision', EVENTS_OF_REVISION, { revision })).map((row) => toEvent(row.event)),
    /** The review comments on a revision, each with its answers, oldest first. */
    reviewComments: async (revision: string): Promise<ReviewCommentModel[]> =>
      (await runner.read<{ comment: Props; answers: Props[] }>('reviewComments', COMMENTS, { revision })).map((row) => toComment(row.comment, row.answers)),
    /** One review comment with its answers. */
    reviewComment: async (id: string): Promise<ReviewCommentModel | null> => {
      const [row] = await runner.read<{ comment: Props; answers: Props[] }>('reviewComment', COMMENT_BY_ID, { id });
      return row === undefined ? null : toComment(row.comment, row.answers);
    },
    /** The uid of the provision with this lineage in a revision, if it has one. */
    provisionUidByLineage: async (revision: string, lineage: string): Promise<string | null> =>
      (await runner.read<{ uid: string }>('provisionByLineage', PROVISION_BY_LINEAGE, { revision, lineage }))[0]?.uid ?? null,
    /** The uid of the obligation with this lineage in a revision, if it has one. */
    obligationUidByLineage: async (revision: string, lineage: string): Promise<string | null> =>
      (await runner.read<{ uid: string }>('obligationByLineage', OBLIGATION_BY_LINEAGE, { revision, lineage }))[0]?.uid ?? null,
    /** The obligation with this lineage in every revision that has it (in no order). */
    obligationVersions: (lineage: string): Promise<ObligationVersionRow[]> => runner.read<ObligationVersionRow>('obligationVersions', OBLIGATION_VERSIONS, { lineage }),
  };
}
