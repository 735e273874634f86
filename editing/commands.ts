/**
 * The write side as the resolvers see it (docs/architecture.md, "The write side"): one
 * command per file, each bound here to the request's context.
 */
import type { CommandContext } from './command-context.ts';
import { createDraft, type CreateDraftInput } from './create-draft.ts';
import { discardDraft, type DiscardDraftInput } from './discard-draft.ts';
import { updateObligation, type UpdateObligationInput } from './update-obligation.ts';
import { updateProvision, type UpdateProvisionInput } from './update-provision.ts';

export function editingCommands(ctx: CommandContext) {
  return {
    createDraft: (input: CreateDraftInput) => createDraft(ctx, input),
    discardDraft: (input: DiscardDraftInput) => discardDraft(ctx, input),
    updateProvision: (input: UpdateProvisionInput) => updateProvision(ctx, input),
    updateObligation: (input: UpdateObligationInput) => updateObligation(ctx, input),
  };
}

export type EditingCommands = ReturnType<typeof editingCommands>;
