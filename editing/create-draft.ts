/**
 * createDraft (docs/graph-model.md, "Revisions"): copies the whole tree of a published
 * revision (headings, provisions, obligations, terms, footnotes, with every property and
 * every relationship: addressees, applicability, citations, cited duties, footnote links,
 * provenance, themes) into a new revision in DRAFTING, owned by the editor who asked, in one
 * transaction with its audit event. Lineage ids are properties, so the copy keeps them.
 */
import { badUserInput, notFound } from '../core/errors.ts';
import { chooseRevision, todayInWales } from '../domain/revision-in-force.ts';
import { requireRole } from '../domain/permissions.ts';
import { appendAudit } from './audit.ts';
import { audited } from './audited.ts';
import { checkDraftKey, checkText, LIMITS } from './check-input.ts';
import type { CommandContext } from './command-context.ts';

export interface CreateDraftInput {
  /** The published revision to copy; default the revision in force today. */
  from?: string | null;
  key: string;
  title?: string | null;
}

/** The labels of nodes a revision owns (copy on revise). */
const OWNED = 'n:Heading OR n:Provision OR n:Obligation OR n:Term OR n:Footnote';

const REVISIONS = `
MATCH (r:Revision)
RETURN r.key AS key, r.title AS title, r.published AS published, r.hasText AS hasText,
       toString(r.inForceFrom) AS inForceFrom, toString(r.inForceUntil) AS inForceUntil`;

const CREATE_REVISION = `
MATCH (from:Revision {key: $from})-[:REVISION_OF]->(code:Instrument)
CREATE (r:Revision {key: $key, title: $title, status: 'DRAFT', published: false, hasText: true,
                    editorialState: 'DRAFTING', version: 1, copiedFrom: $from,
                    createdBy: $subject, createdByName: $name, lastChangedBy: $subject, lastChangedByName: $name, editors: [$subject],
                    createdAt: datetime(), changedAt: datetime()})
CREATE (r)-[:REVISION_OF]->(code)
CREATE (r)-[:COPIED_FROM]->(from)
RETURN r.key AS key`;

const COPY_NODES = `
MATCH (n) WHERE n.revision = $from AND (${OWNED})
CREATE (c:$(labels(n)))
SET c = n {.*, revision: $key, uid: $key + '|' + n.key}
RETURN count(c) AS copied`;

/** The labels of nodes a revision owns, each with a uid constraint (db/graph-schema.ts). */
const OWNED_LABELS = ['Heading', 'Provision', 'Obligation', 'Term', 'Footnote'] as const;
type OwnedLabel = (typeof OWNED_LABELS)[number];

/** Relationships from the owned nodes of one label to shared nodes (to the same nodes). `label` comes from OWNED_LABELS. */
const copyToShared = (label: OwnedLabel): string => `
MATCH (n:${label} {revision: $from})-[rel]->(b) WHERE b.revision IS NULL
MATCH (c:${label} {uid: $key + '|' + n.key})
CREATE (c)-[r2:$(type(rel))]->(b)
SET r2 = properties(rel)
RETURN count(r2) AS copied`;

/** Which labels of owned nodes the copied revision links to which. */
const OWNED_PAIRS = `
MATCH (n)-[]->(b) WHERE n.revision = $from AND b.revision = $from
RETURN DISTINCT [l IN labels(n) WHERE l IN $owned][0] AS from, [l IN labels(b) WHERE l IN $owned][0] AS to`;

/** Relationships between owned nodes of two labels, from copy to copy; both labels from OWNED_LABELS. */
const copyBetween = (from: OwnedLabel, to: OwnedLabel): string => `
MATCH (n:${from} {revision: $from})-[rel]->(b:${to} {revision: $from})
MATCH (c:${from} {uid: $key + '|' + n.key})
MATCH (d:${to} {uid: $key + '|' + b.key})
CREATE (c)-[r2:$(type(rel))]->(d)
SET r2 = properties(rel)
RETURN count(r2) AS copied`;

/** Relationships into the owned nodes of one label from a shared node: the revision's own CONTAINS, a theme's GROUPS. */
const copyIncoming = (label: OwnedLabel): string => `
MATCH (s)-[rel]->(b:${label} {revision: $from}) WHERE s.revision IS NULL
MATCH (copy:${label} {uid: $key + '|' + b.key})
MATCH (draft:Revision {key: $key})
WITH rel, copy, CASE WHEN s:Revision THEN draft ELSE s END AS source
CREATE (source)-[r2:$(type(rel))]->(copy)
SET r2 = properties(rel)
RETURN count(r2) AS copied`;

export interface CreatedDraft {
  key: string;
  from: string;
  nodes: number;
  relationships: number;
}

export async function createDraft(ctx: CommandContext, input: CreateDraftInput): Promise<CreatedDraft> {
  return audited(ctx, 'createDraft', { revision: input.key, key: null }, async () => {
    const viewer = requireRole(ctx.viewer, 'editor', 'Creating a draft');
    const key = checkDraftKey(input.key);
    const revisions = await ctx.runner.read<{ key: string; title: string; published: boolean; hasText: boolean; inForceFrom: string | null; inForceUntil: string | null }>(
      'edit.revisions',
      REVISIONS,
    );
    if (revisions.some((r) => r.key === key)) throw badUserInput(`input.key "${key}" is taken by another revision; choose another, such as "${key}-2"`, 'input.key');
    const published = revisions.filter((r) => r.published);
    const from =
      input.from === null || input.from === undefined ? chooseRevision(published, {}, todayInWales()) : published.find((r) => r.key === input.from);
    if (from === undefined) throw notFound('published revision of the Code', input.from ?? '', published[0]?.key ?? '2024-09-01');
    if (!from.hasText) throw badUserInput(`input.from: revision ${from.key} has no text in the graph to copy; copy a revision with text, such as "2024-09-01"`, 'input.from');
    const title = input.title === null || input.title === undefined ? from.title : checkText(input.title, 'input.title', LIMITS.title, from.title);
    return ctx.runner.writeTransaction('edit.createDraft', async (tx) => {
      const params = { key, from: from.key, title, subject: viewer.subject, name: viewer.name };
      await tx.run('edit.createDraft.revision', CREATE_REVISION, params);
      const [nodes] = await tx.run<{ copied: number }>('edit.createDraft.nodes', COPY_NODES, params);
      let relationships = 0;
      const copied = async (name: string, cypher: string): Promise<void> => {
        const [row] = await tx.run<{ copied: number }>(name, cypher, params);
        relationships += row?.copied ?? 0;
      };
      for (const label of OWNED_LABELS) {
        await copied(`edit.createDraft.${label}.toShared`, copyToShared(label));
        await copied(`edit.createDraft.${label}.fromShared`, copyIncoming(label));
      }
      // Only the pairs of labels the copied revision links (four in the Code), not all twenty-five.
      for (const pair of await tx.run<{ from: OwnedLabel; to: OwnedLabel }>('edit.createDraft.ownedPairs', OWNED_PAIRS, { ...params, owned: OWNED_LABELS })) {
        if (OWNED_LABELS.includes(pair.from) && OWNED_LABELS.includes(pair.to)) await copied(`edit.createDraft.${pair.from}.${pair.to}`, copyBetween(pair.from, pair.to));
      }
      const created: CreatedDraft = { key, from: from.key, nodes: nodes?.copied ?? 0, relationships };
      await appendAudit(tx, {
        actor: { subject: viewer.subject, name: viewer.name },
        action: 'createDraft',
        target: { revision: key, key: null },
        before: null,
        after: { from: from.key, title, nodes: created.nodes, relationships: created.relationships },
        result: 'OK',
        requestId: ctx.requestId,
      });
      return created;
    });
  });
}
