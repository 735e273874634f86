/**
 * renumberProvisions: numbers a draft's clauses, principles and standards afresh in reading
 * order (domain/provision-numbering.ts), so that 1.53A becomes 1.54 and those after it
 * follow. Each provision and its obligations keep their nodes and lineage ids and take the
 * new keys (S8/3 becomes S9/3 with S8); references to the renumbered provisions in the
 * draft's text ("clause 1.53", "Standard 8", in provisions, obligations, headings, terms,
 * footnotes and the explanations of who an obligation binds) are rewritten to match, and the
 * offsets into a provision's text (its obligations' trigger and statement, its uncounted
 * modals) move with the rewrites before them, so they still point at the same words. One
 * transaction with its audit event.
 */
import { requireRole } from '../domain/permissions.ts';
import { applyRewrites, printedNumber, referenceRewrites, renumbering, renumberReferences, shiftedOffset } from '../domain/provision-numbering.ts';
import type { TransactionRunner } from '../db/run-query.ts';
import { appendAudit } from './audit.ts';
import { audited } from './audited.ts';
import { checkVersion } from './check-input.ts';
import type { CommandContext } from './command-context.ts';
import { lockDraft } from './lock-draft.ts';

export interface RenumberProvisionsInput {
  revision: string;
  expectedVersion: number;
}

export interface ProvisionRenumberingModel {
  keyBefore: string;
  keyAfter: string;
  lineage: string;
}

export interface RenumberedProvisions {
  revision: string;
  version: number;
  renumbered: ProvisionRenumberingModel[];
}

const PROVISIONS = `
MATCH (:Heading {revision: $revision})-[:CONTAINS]->(p:Provision)
WHERE p.revision = $revision
RETURN p.key AS key, p.lineage AS lineage
ORDER BY p.order`;

/**
 * The text-bearing properties of each label a draft owns; labels and names are fixed here, never
 * input. A provision's text and title are rewritten with the offsets into its text
 * (rewriteProvisionTexts).
 */
const TEXTS = {
  // correctedText is the sentence as an editor's correction found it: it must follow the
  // sentence, or the next edit would see a renumbered sentence as reworded and drop the correction.
  Obligation: ['text', 'statement', 'restoredSubject', 'correctedText'],
  Heading: ['title', 'text'],
  Term: ['definition'],
  Footnote: ['text'],
} as const;
type TextLabel = keyof typeof TEXTS;

const textsOf = (label: TextLabel): string => `
MATCH (n:${label} {revision: $revision})
RETURN n.uid AS uid, n {${TEXTS[label].map((name) => `.${name}`).join(', ')}} AS texts`;

const setTexts = (label: TextLabel): string => `
UNWIND $rows AS row
MATCH (n:${label} {uid: row.uid}) WHERE n.revision = $revision
SET n += row.texts`;

/** Each provision's text with every offset into it: its uncounted modals' and its obligations'. */
const PROVISION_TEXTS = `
MATCH (p:Provision {revision: $revision})
RETURN p.uid AS uid, p.text AS text, p.title AS title, p.uncountedModalStarts AS modalStarts, p.uncountedModalEnds AS modalEnds,
       [(o:Obligation)-[:STATED_IN]->(p) WHERE o.revision = $revision | o {.uid, .triggerStart, .triggerEnd, .statementStart, .statementEnd}] AS obligations`;

const SET_PROVISION_TEXTS = `
UNWIND $rows AS row
MATCH (p:Provision {uid: row.uid}) WHERE p.revision = $revision
SET p.text = row.text, p.title = row.title, p.uncountedModalStarts = row.modalStarts, p.uncountedModalEnds = row.modalEnds
WITH p, row
UNWIND row.obligations AS offsets
MATCH (o:Obligation {uid: offsets.uid})-[:STATED_IN]->(p) WHERE o.revision = $revision
SET o.triggerStart = offsets.triggerStart, o.triggerEnd = offsets.triggerEnd, o.statementStart = offsets.statementStart, o.statementEnd = offsets.statementEnd`;

interface ObligationOffsets {
  uid: string;
  triggerStart: number;
  triggerEnd: number;
  statementStart: number;
  statementEnd: number;
}

const EXPLANATIONS = `
MATCH (:Obligation {revision: $revision})-[a:APPLIES_TO]->()
RETURN DISTINCT a.explanation AS explanation`;

const SET_EXPLANATIONS = `
UNWIND $rows AS row
MATCH (:Obligation {revision: $revision})-[a:APPLIES_TO]->()
WHERE a.explanation = row.before
SET a.explanation = row.after`;

/** Keys first move to a "~"-marked uid and then to the final one, so that no two nodes ever share a uid in between (1.53 → 1.54 while 1.54 → 1.55). */
const MOVE_PROVISIONS = `
UNWIND $moves AS m
MATCH (p:Provision {uid: $revision + '|' + m.before}) WHERE p.revision = $revision
SET p.uid = $revision + '|~' + m.after, p.key = m.after, p.number = m.number
WITH p
MATCH (o:Obligation)-[:STATED_IN]->(p) WHERE o.revision = $revision
WITH p, o, p.key + '/' + split(o.key, '/')[1] AS key
SET o.key = key, o.provisionKey = p.key, o.uid = $revision + '|~' + key`;

// Each label by its revision index: \`MATCH (n) WHERE n:Provision OR n:Obligation\` scans every node of the graph.
const SETTLE_UIDS = `
CALL {
  MATCH (n:Provision {revision: $revision}) RETURN n
  UNION
  MATCH (n:Obligation {revision: $revision}) RETURN n
}
WITH n WHERE n.uid STARTS WITH $revision + '|~'
SET n.uid = $revision + '|' + n.key`;

/**
 * Rewrites the references in each provision's text and moves the offsets into it by the
 * rewrites before them (domain/provision-numbering.ts, shiftedOffset); returns how many texts
 * changed. Moving them keeps what the reader found, and an editor's corrections, as they were:
 * only the text around them changed.
 */
async function rewriteProvisionTexts(tx: TransactionRunner, revision: string, moves: ReadonlyMap<string, string>): Promise<number> {
  const provisions = await tx.run<{ uid: string; text: string; title: string | null; modalStarts: number[] | null; modalEnds: number[] | null; obligations: ObligationOffsets[] }>(
    'edit.renumber.Provision.offsets',
    PROVISION_TEXTS,
    { revision },
  );
  const rows = provisions.flatMap(({ uid, text, title, modalStarts, modalEnds, obligations }) => {
    const rewrites = referenceRewrites(text, moves);
    const newTitle = title === null ? null : renumberReferences(title, moves);
    if (rewrites.length === 0 && newTitle === title) return [];
    const shift = (offset: number): number => shiftedOffset(offset, rewrites);
    return [
      {
        uid,
        text: applyRewrites(text, rewrites),
        title: newTitle,
        modalStarts: modalStarts?.map(shift) ?? null,
        modalEnds: modalEnds?.map(shift) ?? null,
        obligations: obligations.map((o) => ({
          uid: o.uid,
          triggerStart: shift(o.triggerStart),
          triggerEnd: shift(o.triggerEnd),
          statementStart: shift(o.statementStart),
          statementEnd: shift(o.statementEnd),
        })),
      },
    ];
  });
  if (rows.length > 0) await tx.run('edit.renumber.Provision.setTexts', SET_PROVISION_TEXTS, { revision, rows });
  return rows.length;
}

/** Rewrites the references in every text of the draft; returns how many texts changed. */
async function rewriteReferences(tx: TransactionRunner, revision: string, moves: ReadonlyMap<string, string>): Promise<number> {
  let changed = await rewriteProvisionTexts(tx, revision, moves);
  for (const label of Object.keys(TEXTS) as TextLabel[]) {
    const rows = await tx.run<{ uid: string; texts: Record<string, string | null> }>(`edit.renumber.${label}.texts`, textsOf(label), { revision });
    const rewritten = rows.flatMap(({ uid, texts }) => {
      const next = Object.fromEntries(Object.entries(texts).map(([name, value]) => [name, value === null ? null : renumberReferences(value, moves)]));
      return Object.keys(next).some((name) => next[name] !== texts[name]) ? [{ uid, texts: next }] : [];
    });
    if (rewritten.length > 0) await tx.run(`edit.renumber.${label}.setTexts`, setTexts(label), { revision, rows: rewritten });
    changed += rewritten.length;
  }
  const explanations = await tx.run<{ explanation: string | null }>('edit.renumber.explanations', EXPLANATIONS, { revision });
  const rows = explanations.flatMap(({ explanation }) => {
    if (explanation === null) return [];
    const after = renumberReferences(explanation, moves);
    return after === explanation ? [] : [{ before: explanation, after }];
  });
  if (rows.length > 0) await tx.run('edit.renumber.setExplanations', SET_EXPLANATIONS, { revision, rows });
  return changed + rows.length;
}

export async function renumberProvisions(ctx: CommandContext, input: RenumberProvisionsInput): Promise<RenumberedProvisions> {
  return audited(ctx, 'renumberProvisions', { revision: input.revision, key: null }, async () => {
    const viewer = requireRole(ctx.viewer, 'editor', 'Renumbering a draft');
    const expectedVersion = checkVersion(input.expectedVersion);
    return ctx.runner.writeTransaction('edit.renumberProvisions', async (tx) => {
      const { version } = await lockDraft(tx, input.revision, expectedVersion, viewer);
      const provisions = await tx.run<{ key: string; lineage: string }>('edit.renumber.provisions', PROVISIONS, { revision: input.revision });
      const moves = renumbering(provisions);
      const renumbered = provisions.flatMap(({ key, lineage }) => {
        const after = moves.get(key);
        return after === undefined ? [] : [{ keyBefore: key, keyAfter: after, lineage }];
      });
      const texts = await rewriteReferences(tx, input.revision, moves);
      if (renumbered.length > 0) {
        const rows = renumbered.map((r) => ({ before: r.keyBefore, after: r.keyAfter, number: printedNumber(r.keyAfter) }));
        await tx.run('edit.renumber.moveProvisions', MOVE_PROVISIONS, { revision: input.revision, moves: rows });
        await tx.run('edit.renumber.settleUids', SETTLE_UIDS, { revision: input.revision });
      }
      await appendAudit(tx, {
        actor: { subject: viewer.subject, name: viewer.name },
        action: 'renumberProvisions',
        target: { revision: input.revision, key: null },
        before: null,
        after: { renumbered: renumbered.map((r) => `${r.keyBefore} → ${r.keyAfter}`), textsRewritten: texts, version },
        result: 'OK',
        requestId: ctx.requestId,
      });
      return { revision: input.revision, version, renumbered };
    });
  });
}
