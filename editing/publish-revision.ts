/**
 * publishRevision: a publisher publishes an approved draft (APPROVED → PUBLISHED). From then
 * on the revision is a fixed public record: anyone can read it, and no command changes it
 * (every write matches unpublished revisions only). Its legal status starts as DRAFT; what
 * happens to it in law (laid, in force, withdrawn) is recorded by dated legal events
 * (record-legal-event.ts), not by publishing.
 */
import { todayInWales } from '../domain/revision-in-force.ts';
import type { CommandContext } from './command-context.ts';
import { appendRevisionEvent } from './revision-events.ts';
import { reviewStep, type ReviewedRevision, type ReviewStepInput } from './review-step.ts';

const PUBLISH = `
MATCH (r:Revision {key: $key}) WHERE r.published = false AND r.editorialState = 'PUBLISHED'
SET r.published = true, r.status = 'DRAFT', r.publishedBy = $subject, r.publishedByName = $name, r.publishedAt = datetime()
RETURN r.key AS key`;

export const publishRevision = (ctx: CommandContext, input: ReviewStepInput): Promise<ReviewedRevision> =>
  reviewStep(
    ctx,
    {
      action: 'publishRevision',
      event: 'PUBLISH',
      role: 'publisher',
      doing: 'Publishing a revision',
      write: async (tx, { revision, viewer }) => {
        await tx.run('edit.publish', PUBLISH, { key: revision, subject: viewer.subject, name: viewer.name });
        const sequence = await appendRevisionEvent(tx, { revision, event: 'PUBLISHED', on: todayInWales(), note: null, viewer });
        return { publishedBy: viewer.name, event: sequence };
      },
    },
    input,
  );
