/**
 * The write side as the resolvers see it (docs/architecture.md, "The write side"): one
 * command per file, each bound here to the request's context.
 */
import { addProvision, type AddProvisionInput } from './add-provision.ts';
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
    renumberProvisions: (input: RenumberProvisionsInput) => renumberProvisions(ctx, input),
    updateHeading: (input: UpdateHeadingInput) => updateHeading(ctx, input),
  };
}

export type EditingCommands = ReturnType<typeof editingCommands>;
