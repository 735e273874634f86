/**
 * recordLegalEvent: a publisher records what happened to a published revision in law, on a
 * day (docs/graph-model.md, "Legal status"): a consultation opened or closed, laid before the
 * Senedd, comes into force (the appointed day may be ahead), withdrawn. Each event is checked
 * against those before it by domain/legal-events.ts (no commencement before laying, no
 * withdrawal once in force, no two revisions commencing on one day, ...), counting the dates
 * the sources give for the seeded revisions (domain/legal-life.ts). Coming into force ends the
 * previous revision's time in force the day before: that is read from the events, never
 * written onto the earlier revision, which never changes. One transaction with its audit event.
 */
import { badUserInput } from '../core/errors.ts';
import { LEGAL_EVENTS, REVISION_STATUSES, type LegalEventKind, type RevisionStatus } from '../core/vocabulary.ts';
import { checkLegalEvent, isIsoDate, type LegalEvent } from '../domain/legal-events.ts';
import { legalHistory, legalLives, type StoredLegalDates } from '../domain/legal-life.ts';
import { requireRole } from '../domain/permissions.ts';
import { appendAudit } from './audit.ts';
import { audited } from './audited.ts';
import { checkText, LIMITS } from './check-input.ts';
import type { CommandContext } from './command-context.ts';
import { appendRevisionEvent } from './revision-events.ts';
import { notFound } from '../core/errors.ts';

export interface RecordLegalEventInput {
  revision: string;
  event: LegalEventKind;
  /** The day it happened or happens (an ISO date; the Date scalar's day). */
  on: string;
  note?: string | null;
}

export interface RecordedLegalEvent {
  revision: string;
  sequence: number;
}

/** Every revision's stored dates and every legal event recorded, read under the events' write lock. */
const HISTORY = `
MERGE (h:RevisionEventHead {key: 'revision-events'})
ON CREATE SET h.last = 0
SET h.lockedAt = datetime()
WITH h
MATCH (r:Revision)
RETURN r.key AS key, r.published AS published, r.status AS status, toString(r.laidOn) AS laidOn, toString(r.inForceFrom) AS inForceFrom,
       toString(r.withdrawnOn) AS withdrawnOn,
       COLLECT { MATCH (e:RevisionEvent {revisionKey: r.key}) WHERE e.event IN $legalEvents RETURN {event: e.event, on: toString(e.on), sequence: e.sequence} } AS events`;

export async function recordLegalEvent(ctx: CommandContext, input: RecordLegalEventInput): Promise<RecordedLegalEvent> {
  return audited(ctx, 'recordLegalEvent', { revision: input.revision, key: null }, async () => {
    const viewer = requireRole(ctx.viewer, 'publisher', 'Recording a legal event');
    if (!LEGAL_EVENTS.includes(input.event)) throw badUserInput(`input.event must be one of ${LEGAL_EVENTS.join(', ')}; got "${String(input.event)}"`, 'input.event');
    if (!isIsoDate(input.on)) throw badUserInput(`input.on must be a real day, such as 2026-09-01; got "${input.on}"`, 'input.on');
    const note = input.note === null || input.note === undefined ? null : checkText(input.note, 'input.note', LIMITS.reason, 'Laid before the Senedd with its Explanatory Memorandum.');
    return ctx.runner.writeTransaction('edit.recordLegalEvent', async (tx) => {
      const rows = await tx.run<{
        key: string;
        published: boolean;
        status: RevisionStatus | null;
        laidOn: string | null;
        inForceFrom: string | null;
        withdrawnOn: string | null;
        events: { event: LegalEventKind; on: string; sequence: number }[];
      }>('edit.legalHistory', HISTORY, { legalEvents: LEGAL_EVENTS });
      const revision = rows.find((row) => row.key === input.revision);
      if (revision === undefined) throw notFound('revision of the Code', input.revision, '2024-09-01');
      const stored: StoredLegalDates[] = rows.map((row) => ({
        key: row.key,
        status: row.status !== null && REVISION_STATUSES.includes(row.status) ? row.status : 'DRAFT',
        laidOn: row.laidOn,
        inForceFrom: row.inForceFrom,
        withdrawnOn: row.withdrawnOn,
      }));
      const recorded: LegalEvent[] = rows
        .flatMap((row) => row.events.map((e) => ({ ...e, revision: row.key })))
        .sort((a, b) => a.sequence - b.sequence)
        .map(({ revision: key, event, on }) => ({ revision: key, event, on }));
      const life = legalLives(stored, recorded).find((l) => l.key === input.revision);
      if (life?.withdrawnUndated === true) {
        throw badUserInput(`Revision ${input.revision} was withdrawn (the sources do not say on which day), and nothing more happens to a withdrawn revision`, 'input.event');
      }
      const next: LegalEvent = { revision: input.revision, event: input.event, on: input.on };
      checkLegalEvent(legalHistory(stored, recorded), next, revision.published);
      const sequence = await appendRevisionEvent(tx, { ...next, note, viewer });
      await appendAudit(tx, {
        actor: { subject: viewer.subject, name: viewer.name },
        action: 'recordLegalEvent',
        target: { revision: input.revision, key: null },
        before: null,
        after: { event: input.event, on: input.on, note, sequence },
        result: 'OK',
        requestId: ctx.requestId,
      });
      return { revision: input.revision, sequence };
    });
  });
}
