/**
 * Every refused attempt is written to the audit trail (docs/architecture.md, "The write
 * side"): a command that refuses (nobody signed in, a missing role, a stale version, a
 * published revision, bad input) records the refusal in a transaction of its own, then lets
 * the error leave for the caller. Changes record their own event in their transaction, and
 * once one has committed the context hears of it (onChanged).
 */
import { codeOf, type ErrorCode } from '../core/errors.ts';
import { recordRefusal, type AuditEventInput } from './audit.ts';
import type { CommandContext } from './command-context.ts';

const AUDITED_REFUSALS = new Set<ErrorCode>(['UNAUTHENTICATED', 'FORBIDDEN', 'CONFLICT', 'REVISION_PUBLISHED', 'BAD_USER_INPUT', 'NOT_FOUND']);

export async function audited<T>(ctx: CommandContext, action: string, target: AuditEventInput['target'], attempt: () => Promise<T>): Promise<T> {
  try {
    const done = await attempt();
    ctx.onChanged?.();
    return done;
  } catch (error) {
    const code = codeOf(error);
    if (code !== undefined && AUDITED_REFUSALS.has(code)) {
      await recordRefusal(ctx.runner, {
        actor: ctx.viewer === null ? null : { subject: ctx.viewer.subject, name: ctx.viewer.name },
        action,
        target,
        before: null,
        after: { refused: error instanceof Error ? error.message : String(error) },
        result: code,
        requestId: ctx.requestId,
      });
    }
    throw error;
  }
}
