/**
 * approve: a reviewer approves a draft in review (IN_REVIEW → APPROVED), with four eyes: a
 * reviewer who changed the draft (its creator included) may not approve it, and the refusal
 * is FORBIDDEN, written to the audit trail. Any later edit lapses the approval.
 */
import { checkFourEyes } from '../domain/editorial-lifecycle.ts';
import type { CommandContext } from './command-context.ts';
import { reviewStep, type ReviewedRevision, type ReviewStepInput } from './review-step.ts';

const APPROVED = `
MATCH (r:Revision {key: $key}) WHERE r.published = false
SET r.approvedBy = $subject, r.approvedByName = $name, r.approvedAt = datetime()`;

export const approve = (ctx: CommandContext, input: ReviewStepInput): Promise<ReviewedRevision> =>
  reviewStep(
    ctx,
    {
      action: 'approve',
      event: 'APPROVE',
      role: 'reviewer',
      doing: 'Approving a draft',
      guard: (draft, viewer) => checkFourEyes({ reviewer: viewer.subject, editors: draft.editors }),
      write: async (tx, { revision, viewer }) => {
        await tx.run('edit.approve', APPROVED, { key: revision, subject: viewer.subject, name: viewer.name });
        return { approvedBy: viewer.name };
      },
    },
    input,
  );
