/**
 * Lineage ids (docs/graph-model.md, "Revisions"): an obligation, and a provision, keeps one
 * lineage id across revisions, whatever its key becomes, so that it can be followed when its
 * clause is renumbered or edited. A draft copies the ids of the revision it was copied from;
 * what an edit creates gets a new one; the seed derives them from the revision and the key,
 * so seeding twice gives the same ids.
 */
import { createHash, randomUUID } from 'node:crypto';

export type LineageKind = 'obligation' | 'provision';

/** The lineage id the seed gives a node of a seeded revision: stable for its revision and key. */
export function seededLineage(kind: LineageKind, revision: string, key: string): string {
  const digest = createHash('sha256').update(`${kind}|${revision}|${key}`).digest('hex');
  return `${kind === 'obligation' ? 'ob' : 'pr'}_${digest.slice(0, 24)}`;
}

/** A new lineage id, for an obligation or provision an editor's change brings into being. */
export function newLineage(kind: LineageKind): string {
  return `${kind === 'obligation' ? 'ob' : 'pr'}_${randomUUID().replaceAll('-', '').slice(0, 24)}`;
}
