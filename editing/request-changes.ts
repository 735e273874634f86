/**
 * requestChanges: a reviewer sends a draft back to its editors with a comment (IN_REVIEW or
 * APPROVED → DRAFTING; sending back an approved draft withdraws the approval). The comment
 * is a review comment on the draft, open until answered or resolved.
 */
import { checkText, LIMITS } from './check-input.ts';
import type { CommandContext } from './command-context.ts';
import { createComment, REVIEW_COMMENT_EXAMPLE } from './review-comments.ts';
import { reviewStep, type ReviewedRevision, type ReviewStepInput } from './review-step.ts';

export interface RequestChangesInput extends ReviewStepInput {
  comment: string;
}

export const requestChanges = (ctx: CommandContext, input: RequestChangesInput): Promise<ReviewedRevision> => {
  let comment = '';
  return reviewStep(
    ctx,
    {
      action: 'requestChanges',
      event: 'REQUEST_CHANGES',
      role: 'reviewer',
      doing: 'Sending a draft back for changes',
      check: () => {
        comment = checkText(input.comment, 'input.comment', LIMITS.reason, REVIEW_COMMENT_EXAMPLE);
      },
      write: async (tx, { revision, viewer }) => ({ comment: await createComment(tx, { revision, text: comment, viewer }) }),
    },
    input,
  );
};
