/**
 * addProvision: a new clause, principle or standard in a draft, after a given provision or
 * at the end of a heading, numbered by the Code's scheme (domain/provision-numbering.ts) or
 * given a key. Its text is read by the same reader as the seed, so its obligations come with
 * their addressees, applicability, qualifiers and citations, each with a new lineage id, as
 * does the provision. One transaction with its audit event.
 */
import { badUserInput, quoteShort } from '../core/errors.ts';
import type { ProvisionKind } from '../core/vocabulary.ts';
import { newLineage } from '../domain/lineage.ts';
import { requireRole } from '../domain/permissions.ts';
import { insertedKey, keyParts } from '../domain/provision-numbering.ts';
import { appendAudit } from './audit.ts';
import { audited } from './audited.ts';
import { checkText, checkVersion, LIMITS } from './check-input.ts';
import type { CommandContext } from './command-context.ts';
import { lockDraft } from './lock-draft.ts';
import { auditedObligations, provisionKeyOf, readEditedText, summaryOf } from './provision-text.ts';
import { renumberReadingOrder } from './reading-order.ts';
import { createProvision, writeProvisionReading } from './write-obligations.ts';

export interface AddProvisionInput {
  revision: string;
  after?: string | null;
  heading?: string | null;
  kind?: ProvisionKind | null;
  key?: string | null;
  title?: string | null;
  text: string;
  expectedVersion: number;
}

export interface AddedProvision {
  revision: string;
  version: number;
  provisionKey: string;
}

/** A provision of the draft in reading order, with the heading it sits under. */
interface Placed {
  key: string;
  kind: ProvisionKind;
  order: number;
  heading: string;
}

const STRUCTURE = `
MATCH (h:Heading {revision: $revision})
OPTIONAL MATCH (h)-[:CONTAINS]->(p:Provision)
RETURN h.key AS heading, h.order AS headingOrder, p.key AS key, p.kind AS kind, p.order AS order
ORDER BY h.order, p.order`;

/** Where the new provision goes: its heading and an order between its neighbours'. */
function placeOf(input: AddProvisionInput, provisions: readonly Placed[], headings: ReadonlyMap<string, number>): { heading: string; order: number } {
  if (input.after !== null && input.after !== undefined) {
    const after = provisions.find((p) => p.key === input.after);
    if (after === undefined) throw badUserInput(`input.after: revision ${input.revision} has no provision "${quoteShort(input.after)}"; a valid key looks like "1.53"`, 'input.after');
    if (input.heading !== null && input.heading !== undefined && input.heading !== after.heading) {
      throw badUserInput(`input.heading: provision ${after.key} is under heading "${after.heading}", not "${quoteShort(input.heading)}"; leave input.heading out or give "${after.heading}"`, 'input.heading');
    }
    return { heading: after.heading, order: after.order + 0.5 };
  }
  if (input.heading === null || input.heading === undefined) {
    throw badUserInput('Give input.after (the provision the new one follows, such as "1.53") or input.heading (such as "safeguarding") to say where it goes', 'input.after');
  }
  const headingOrder = headings.get(input.heading);
  if (headingOrder === undefined) {
    throw badUserInput(`input.heading: revision ${input.revision} has no heading "${quoteShort(input.heading)}"; a valid key looks like "${[...headings.keys()][0] ?? 'safeguarding'}"`, 'input.heading');
  }
  const before = provisions.filter((p) => (headings.get(p.heading) ?? 0) <= headingOrder);
  return { heading: input.heading, order: (before.at(-1)?.order ?? 0) + 0.5 };
}

/** The new provision's key and kind: the key given (checked), or the Code's scheme for its place. */
function keyOf(input: AddProvisionInput, provisions: readonly Placed[], order: number): { key: string; kind: ProvisionKind } {
  const taken = new Set(provisions.map((p) => p.key));
  if (input.key !== null && input.key !== undefined) {
    const key = provisionKeyOf(input.key);
    const kind = keyParts(key)?.kind ?? 'CLAUSE';
    if (input.kind !== null && input.kind !== undefined && input.kind !== kind) {
      throw badUserInput(`input.kind: the key ${key} is a ${kind.toLowerCase()}'s, not a ${input.kind.toLowerCase()}'s; leave input.kind out or give ${kind}`, 'input.kind');
    }
    if (taken.has(key)) throw badUserInput(`input.key: revision ${input.revision} already has a provision "${key}"; leave input.key out to number it by the Code's scheme`, 'input.key');
    return { key, kind };
  }
  const kind = input.kind ?? 'CLAUSE';
  const sameKind = provisions.filter((p) => p.kind === kind);
  const previous = sameKind.filter((p) => p.order < order).at(-1)?.key ?? null;
  const next = sameKind.find((p) => p.order > order)?.key ?? null;
  const key = insertedKey(kind, previous, next, taken);
  if (key === null) {
    throw badUserInput(
      `input.key: no ${kind.toLowerCase()} number is free ${previous === null ? `before ${next ?? 'the first'}` : `between ${previous} and ${next ?? 'the end'}`}; ` +
        'give input.key, or renumber the draft first (renumberProvisions)',
      'input.key',
    );
  }
  return { key, kind };
}

export async function addProvision(ctx: CommandContext, input: AddProvisionInput): Promise<AddedProvision> {
  return audited(ctx, 'addProvision', { revision: input.revision, key: input.key ?? input.after ?? null }, async () => {
    const viewer = requireRole(ctx.viewer, 'editor', 'Adding a provision');
    const text = checkText(input.text, 'input.text', LIMITS.text, 'Statutory partners must publish their fee rates.');
    const title = input.title === null || input.title === undefined ? null : checkText(input.title, 'input.title', LIMITS.title, 'Standard 11: Working with unpaid carers');
    const expectedVersion = checkVersion(input.expectedVersion);
    return ctx.runner.writeTransaction('edit.addProvision', async (tx) => {
      const { version } = await lockDraft(tx, input.revision, expectedVersion, viewer);
      const rows = await tx.run<{ heading: string; headingOrder: number; key: string | null; kind: ProvisionKind | null; order: number | null }>('edit.structure', STRUCTURE, {
        revision: input.revision,
      });
      const headings = new Map(rows.map((row) => [row.heading, row.headingOrder]));
      const provisions = rows.flatMap((row) => (row.key === null || row.kind === null || row.order === null ? [] : [{ key: row.key, kind: row.kind, order: row.order, heading: row.heading }]));
      const place = placeOf(input, provisions, headings);
      const { key, kind } = keyOf(input, provisions, place.order);
      if (kind === 'CLAUSE' && title !== null) throw badUserInput('input.title: clauses have no title; leave input.title out', 'input.title');
      if (kind !== 'CLAUSE' && title === null) {
        throw badUserInput(`input.title: a ${kind.toLowerCase()} has a title, such as "${kind === 'STANDARD' ? 'Standard 11: Working with unpaid carers' : 'Listen to unpaid carers'}"`, 'input.title');
      }
      const reading = readEditedText(key, kind, text, ctx);
      const lineages = reading.obligations.map(() => newLineage('obligation'));
      await createProvision(tx, { revision: input.revision, heading: place.heading, key, kind, title, order: place.order, editor: viewer.subject });
      await writeProvisionReading(tx, { revision: input.revision, provisionKey: key, title, reading, lineages, editor: viewer.subject, citesNumberingOf: ctx.reader.citesNumberingOf });
      await renumberReadingOrder(tx, input.revision, { provisions: true });
      await appendAudit(tx, {
        actor: { subject: viewer.subject, name: viewer.name },
        action: 'addProvision',
        target: { revision: input.revision, key },
        before: null,
        after: { heading: place.heading, after: input.after ?? null, text: reading.text, obligations: auditedObligations(summaryOf(reading, lineages)), version },
        result: 'OK',
        requestId: ctx.requestId,
      });
      return { revision: input.revision, version, provisionKey: key };
    });
  });
}
