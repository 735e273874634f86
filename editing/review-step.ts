/**
 * What the commands that move a draft through review share (docs/graph-model.md,
 * "Editorial state"): the caller's role, the draft's lock and version, the lifecycle's
 * transition (domain/editorial-lifecycle.ts), the step's own writes, and its audit event,
 * in one transaction. submitForReview, requestChanges, approve and publishRevision are each
 * one such step.
 */
import type { Viewer } from '../core/viewer.ts';
import type { EditorialState, Role } from '../core/vocabulary.ts';
import type { TransactionRunner } from '../db/run-query.ts';
import type { LifecycleEvent } from '../domain/editorial-lifecycle.ts';
import { requireRole } from '../domain/permissions.ts';
import { appendAudit } from './audit.ts';
import { audited } from './audited.ts';
import { checkVersion } from './check-input.ts';
import type { CommandContext } from './command-context.ts';
import { lockDraft, type DraftState, type LockedDraft } from './lock-draft.ts';

export interface ReviewStepInput {
  revision: string;
  expectedVersion: number;
}

export interface ReviewedRevision {
  revision: string;
  version: number;
  state: EditorialState;
  /** What the step's own writes recorded (such as the id of requestChanges's comment). */
  recorded: Record<string, unknown>;
}

export interface ReviewStep {
  /** The audit's action, the mutation's name. */
  action: string;
  event: Exclude<LifecycleEvent, 'EDIT' | 'DISCARD'>;
  role: Role;
  /** What the caller is doing, for a refusal: "Approving a draft". */
  doing: string;
  /** Checks made before anything is written, such as four eyes. */
  guard?: (draft: DraftState, viewer: Viewer) => void;
  /** The step's own writes after the draft moved on, returning what the audit records of them. */
  write?: (tx: TransactionRunner, step: { revision: string; locked: LockedDraft; viewer: Viewer }) => Promise<Record<string, unknown>>;
  /** Checks of the step's own input before the transaction, such as a comment's text. */
  check?: () => void;
}

export async function reviewStep(ctx: CommandContext, step: ReviewStep, input: ReviewStepInput): Promise<ReviewedRevision> {
  return audited(ctx, step.action, { revision: input.revision, key: null }, async () => {
    const viewer = requireRole(ctx.viewer, step.role, step.doing);
    const expectedVersion = checkVersion(input.expectedVersion);
    step.check?.();
    return ctx.runner.writeTransaction(`edit.${step.action}`, async (tx) => {
      const locked = await lockDraft(tx, input.revision, expectedVersion, viewer, step.event, (draft) => step.guard?.(draft, viewer));
      const recorded = (await step.write?.(tx, { revision: input.revision, locked, viewer })) ?? {};
      await appendAudit(tx, {
        actor: { subject: viewer.subject, name: viewer.name },
        action: step.action,
        target: { revision: input.revision, key: null },
        before: { state: locked.state, version: expectedVersion },
        after: { state: locked.next, version: locked.version, ...recorded },
        result: 'OK',
        requestId: ctx.requestId,
      });
      return { revision: input.revision, version: locked.version, state: locked.next, recorded };
    });
  });
}
