/**
 * The write side as the resolvers see it (docs/architecture.md, "The write side"): one
 * command per file, each bound here to the request's context.
 */
import { addProvision, type AddProvisionInput } from './add-provision.ts';
import { approve } from './approve.ts';
import { publishRevision } from './publish-revision.ts';
import { recordLegalEvent, type RecordLegalEventInput } from './record-legal-event.ts';
import { requestChanges, type RequestChangesInput } from './request-changes.ts';
import { addReviewComment, answerReviewComment, resolveReviewComment, type AddReviewCommentInput, type AnswerReviewCommentInput, type ResolveReviewCommentInput } from './review-comments.ts';
import type { ReviewStepInput } from './review-step.ts';
import { splitProvision, type SplitProvisionInput } from './split-provision.ts';
import { submitForReview } from './submit-for-review.ts';
import type { CommandContext } from './command-context.ts';
import { createDraft, type CreateDraftInput } from './create-draft.ts';
import { discardDraft, type DiscardDraftInput } from './discard-draft.ts';
import { removeProvision, type RemoveProvisionInput } from './remove-provision.ts';
import { renumberProvisions, type RenumberProvisionsInput } from './renumber-provisions.ts';
import { updateHeading, type UpdateHeadingInput } from './update-heading.ts';
import { updateObligation, type UpdateObligationInput } from './update-obligation.ts';
import { updateProvision, type UpdateProvisionInput } from './update-provision.ts';

export function editingCommands(ctx: CommandContext) {
  return {
    createDraft: (input: CreateDraftInput) => createDraft(ctx, input),
    discardDraft: (input: DiscardDraftInput) => discardDraft(ctx, input),
    updateProvision: (input: UpdateProvisionInput) => updateProvision(ctx, input),
    updateObligation: (input: UpdateObligationInput) => updateObligation(ctx, input),
    addProvision: (input: AddProvisionInput) => addProvision(ctx, input),
    removeProvision: (input: RemoveProvisionInput) => removeProvision(ctx, input),
    splitProvision: (input: SplitProvisionInput) => splitProvision(ctx, input),
    renumberProvisions: (input: RenumberProvisionsInput) => renumberProvisions(ctx, input),
    updateHeading: (input: UpdateHeadingInput) => updateHeading(ctx, input),
    submitForReview: (input: ReviewStepInput) => submitForReview(ctx, input),
    requestChanges: (input: RequestChangesInput) => requestChanges(ctx, input),
    approve: (input: ReviewStepInput) => approve(ctx, input),
    publishRevision: (input: ReviewStepInput) => publishRevision(ctx, input),
    recordLegalEvent: (input: RecordLegalEventInput) => recordLegalEvent(ctx, input),
    addReviewComment: (input: AddReviewCommentInput) => addReviewComment(ctx, input),
    answerReviewComment: (input: AnswerReviewCommentInput) => answerReviewComment(ctx, input),
    resolveReviewComment: (input: ResolveReviewCommentInput) => resolveReviewComment(ctx, input),
  };
}

export type EditingCommands = ReturnType<typeof editingCommands>;
