/**
 * updateHeading: a heading of a draft gets a new title or a new text under it (the text
 * printed before its first provision). Its key stays the same, so references to it and the
 * diff against other revisions follow it. One transaction with its audit event.
 */
import { badUserInput, quoteShort } from '../core/errors.ts';
import { requireRole } from '../domain/permissions.ts';
import { appendAudit } from './audit.ts';
import { audited } from './audited.ts';
import { checkText, checkVersion, LIMITS } from './check-input.ts';
import type { CommandContext } from './command-context.ts';
import { lockDraft } from './lock-draft.ts';

export interface UpdateHeadingInput {
  revision: string;
  key: string;
  title?: string | null;
  /** The text under the heading; an empty string removes it. */
  text?: string | null;
  expectedVersion: number;
}

export interface UpdatedHeading {
  revision: string;
  version: number;
  headingKey: string;
}

const HEADING = `
MATCH (h:Heading {uid: $uid}) WHERE h.revision = $revision
RETURN h.title AS title, h.text AS text`;

const UPDATE = `
MATCH (h:Heading {uid: $uid}) WHERE h.revision = $revision
SET h.title = $title, h.text = $text, h.editedBy = $editor, h.editedAt = datetime()`;

export async function updateHeading(ctx: CommandContext, input: UpdateHeadingInput): Promise<UpdatedHeading> {
  return audited(ctx, 'updateHeading', { revision: input.revision, key: input.key }, async () => {
    const viewer = requireRole(ctx.viewer, 'editor', 'Editing a heading');
    if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(input.key)) {
      throw badUserInput(`input.key must be a heading's key, lower-case words joined by hyphens, such as "safeguarding"; got "${quoteShort(input.key)}"`, 'input.key');
    }
    const title = input.title === null || input.title === undefined ? undefined : checkText(input.title, 'input.title', LIMITS.title, 'Safeguarding');
    const text =
      input.text === null || input.text === undefined ? undefined : input.text.trim() === '' ? null : checkText(input.text, 'input.text', LIMITS.text, 'This part of the Code sets out ...');
    if (title === undefined && text === undefined) throw badUserInput('Give input.title or input.text (or both), such as title: "Safeguarding"', 'input.title');
    const expectedVersion = checkVersion(input.expectedVersion);
    const uid = `${input.revision}|${input.key}`;
    return ctx.runner.writeTransaction('edit.updateHeading', async (tx) => {
      const { version } = await lockDraft(tx, input.revision, expectedVersion, viewer);
      const [heading] = await tx.run<{ title: string; text: string | null }>('edit.heading', HEADING, { uid, revision: input.revision });
      if (heading === undefined) throw badUserInput(`input.key: revision ${input.revision} has no heading "${input.key}"; a valid key looks like "safeguarding"`, 'input.key');
      const after = { title: title ?? heading.title, text: text === undefined ? heading.text : text };
      await tx.run('edit.updateHeading', UPDATE, { uid, revision: input.revision, ...after, editor: viewer.subject });
      await appendAudit(tx, {
        actor: { subject: viewer.subject, name: viewer.name },
        action: 'updateHeading',
        target: { revision: input.revision, key: input.key },
        before: heading,
        after: { ...after, version },
        result: 'OK',
        requestId: ctx.requestId,
      });
      return { revision: input.revision, version, headingKey: input.key };
    });
  });
}
