/**
 * submitForReview: an editor hands a draft to the reviewers (DRAFTING → IN_REVIEW). Any
 * later edit takes it back to DRAFTING (domain/editorial-lifecycle.ts).
 */
import type { CommandContext } from './command-context.ts';
import { reviewStep, type ReviewedRevision, type ReviewStepInput } from './review-step.ts';

export const submitForReview = (ctx: CommandContext, input: ReviewStepInput): Promise<ReviewedRevision> =>
  reviewStep(ctx, { action: 'submitForReview', event: 'SUBMIT_FOR_REVIEW', role: 'editor', doing: 'Submitting a draft for review' }, input);
