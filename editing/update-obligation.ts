/**
 * updateObligation (issue 9, point 3): an editor's correction of the reader for one
 * obligation of a draft, found by its lineage id: its modality, force, addressees or
 * qualifiers, with the reason, recorded as an override (shown as `overridden` with
 * `overrideReason` in the API). Applicability follows the addressees by the reader's own rule.
 * A later edit of the provision's text reads it afresh; the correction stays with an
 * obligation whose sentence the edit left as it was (editing/corrections.ts) and goes with one
 * whose sentence changed, since it was a correction of that wording.
 */
import { badUserInput } from '../core/errors.ts';
import type { Force, Modality, Qualifier } from '../core/vocabulary.ts';
import { requireRole } from '../domain/permissions.ts';
import { applicabilityOf } from '../reader/stages/5-resolve-bodies.ts';
import { appendAudit } from './audit.ts';
import { audited } from './audited.ts';
import { checkText, checkVersion, LIMITS } from './check-input.ts';
import type { CommandContext } from './command-context.ts';
import { lockDraft } from './lock-draft.ts';
import { inDraftNumbering } from './write-obligations.ts';

export interface UpdateObligationInput {
  revision: string;
  lineage: string;
  modality?: Modality | null;
  force?: Force | null;
  addressees?: readonly string[] | null;
  qualifiers?: readonly Qualifier[] | null;
  reason: string;
  expectedVersion: number;
}

export interface UpdatedObligation {
  revision: string;
  version: number;
  obligationKey: string;
}

const FIND = `
MATCH (o:Obligation {lineage: $lineage}) WHERE o.revision = $revision
RETURN o.key AS key, o.modality AS modality, o.force AS force, o.qualifiers AS qualifiers,
       [(o)-[:ADDRESSES]->(b:Body) | b.key] AS addressees`;

const CORRECT = `
MATCH (o:Obligation {uid: $uid}) WHERE o.revision = $revision
SET o.modality = $modality, o.force = $force, o.qualifiers = $qualifiers,
    o.fromOverride = true, o.overrideReason = $reason, o.overriddenBy = $editor, o.overriddenAt = datetime(), o.correctedText = o.text
WITH o
OPTIONAL MATCH (o)-[r:ADDRESSES|APPLIES_TO]->(:Body)
DELETE r
WITH DISTINCT o
CALL (o) {
  UNWIND $addressees AS bodyKey
  MATCH (b:Body {key: bodyKey})
  CREATE (o)-[:ADDRESSES]->(b)
}
CALL (o) {
  UNWIND $applicability AS a
  MATCH (b:Body {key: a.body})
  CREATE (o)-[:APPLIES_TO {reason: a.reason, explanation: a.explanation, via: a.via}]->(b)
}`;

export async function updateObligation(ctx: CommandContext, input: UpdateObligationInput): Promise<UpdatedObligation> {
  return audited(ctx, 'updateObligation', { revision: input.revision, key: input.lineage }, async () => {
    const viewer = requireRole(ctx.viewer, 'editor', 'Correcting an obligation');
    const reason = checkText(input.reason, 'input.reason', LIMITS.reason, 'The sentence describes the Act; it places no duty on any body.');
    const expectedVersion = checkVersion(input.expectedVersion);
    const known = new Set(ctx.reader.lexicon.bodies.map((body) => body.key));
    const unknown = (input.addressees ?? []).filter((key) => !known.has(key));
    if (unknown.length > 0) {
      throw badUserInput(`input.addressees: "${unknown[0] ?? ''}" is not a body; use body keys such as "statutory-partners", "local-authority" or "provider"`, 'input.addressees');
    }
    return ctx.runner.writeTransaction('edit.updateObligation', async (tx) => {
      const { version } = await lockDraft(tx, input.revision, expectedVersion, viewer);
      const [current] = await tx.run<{ key: string; modality: Modality; force: Force; qualifiers: Qualifier[]; addressees: string[] }>('edit.findObligation', FIND, {
        revision: input.revision,
        lineage: input.lineage,
      });
      if (current === undefined) throw badUserInput(`input.lineage: revision ${input.revision} has no obligation with lineage "${input.lineage.slice(0, 60)}"; read it from Obligation.lineage`, 'input.lineage');
      const next = {
        modality: input.modality ?? current.modality,
        force: input.force ?? current.force,
        qualifiers: [...(input.qualifiers ?? current.qualifiers)],
        addressees: [...(input.addressees ?? current.addressees)],
      };
      const cite = await inDraftNumbering(tx, input.revision, ctx.reader.citesNumberingOf);
      await tx.run('edit.correctObligation', CORRECT, {
        uid: `${input.revision}|${current.key}`,
        revision: input.revision,
        ...next,
        applicability: applicabilityOf(ctx.reader.lexicon, next.addressees, (body) => ctx.reader.bindings(body, next.force)).map((a) => ({ ...a, explanation: cite(a.explanation) })),
        reason,
        editor: viewer.subject,
      });
      await appendAudit(tx, {
        actor: { subject: viewer.subject, name: viewer.name },
        action: 'updateObligation',
        target: { revision: input.revision, key: current.key },
        before: { modality: current.modality, force: current.force, qualifiers: current.qualifiers, addressees: current.addressees },
        after: { ...next, reason, version },
        result: 'OK',
        requestId: ctx.requestId,
      });
      return { revision: input.revision, version, obligationKey: current.key };
    });
  });
}
