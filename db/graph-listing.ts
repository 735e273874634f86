/**
 * The whole graph, or one revision's part of it, as plain data with typed property values
 * (db/typed-values.ts), and the hash of a revision's part: pure, so that a backup
 * (db/backup-format.ts) and a live database (db/revision-hash.ts) compute a revision's hash
 * by the very same rules.
 *
 * A revision's part (docs/graph-model.md, "Ownership" and "Backups") is its `Revision` node,
 * every node it owns (`revision` = its key, with a `uid`), and the relationships that belong
 * to them. A relationship belongs to the revision of its start node; when its start node is
 * shared (belongs to no revision), to the revision of its end node. So a draft's link to the
 * revision it was copied from (`(draft)-[:COPIED_FROM]->(published)`) and a later revision's
 * `SUPERSEDES` belong to the later revision, and creating or editing a draft leaves the hash
 * of the revision it came from as it was; a theme's `GROUPS` and a revision's own `CONTAINS`
 * belong to the revision they point into.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from '../core/canonical-json.ts';

/** A node, with `ref` naming it within one dump (Neo4j's element id; never written to a backup). */
export interface DumpedNode {
  ref: string;
  labels: string[];
  properties: Record<string, JsonValue>;
}

export interface DumpedRelationship {
  type: string;
  /** `ref` of the start node. */
  from: string;
  /** `ref` of the end node. */
  to: string;
  properties: Record<string, JsonValue>;
}

export interface GraphDump {
  nodes: DumpedNode[];
  relationships: DumpedRelationship[];
}

/** The revision a node belongs to: a Revision node's key, an owned node's `revision`; null for a shared node. */
export function revisionOf(node: Pick<DumpedNode, 'labels' | 'properties'>): string | null {
  const { key, revision, uid } = node.properties;
  if (node.labels.includes('Revision')) return typeof key === 'string' ? key : null;
  return typeof revision === 'string' && uid !== undefined ? revision : null;
}

/** The labels of a node in one order. */
const sortedLabels = (labels: readonly string[]): string[] => [...labels].sort();

/**
 * How a relationship's end is named in a hash: by its labels and uid (a revision's own
 * node), else its labels and key (a shared node), else its labels and all its properties.
 */
export function endReference(node: Pick<DumpedNode, 'labels' | 'properties'>): JsonValue {
  const labels = sortedLabels(node.labels);
  const { uid, key } = node.properties;
  if (uid !== undefined) return { labels, uid };
  if (key !== undefined) return { labels, key };
  return { labels, properties: node.properties };
}

/** The revision a relationship belongs to (see the header), given its two ends. */
export function relationshipRevision(start: Pick<DumpedNode, 'labels' | 'properties'>, end: Pick<DumpedNode, 'labels' | 'properties'>): string | null {
  return revisionOf(start) ?? revisionOf(end);
}

/** What a revision's hash is taken over, before sorting: one canonical line per node and relationship. */
export function revisionListing(dump: GraphDump, revisionKey: string): string[] | null {
  const byRef = new Map(dump.nodes.map((node) => [node.ref, node]));
  const members = dump.nodes.filter((node) => revisionOf(node) === revisionKey);
  if (!members.some((node) => node.labels.includes('Revision'))) return null;
  const lines = members.map((node) => canonicalJson({ node: { labels: sortedLabels(node.labels), properties: node.properties } }));
  for (const relationship of dump.relationships) {
    const start = byRef.get(relationship.from);
    const end = byRef.get(relationship.to);
    if (start === undefined || end === undefined) continue;
    if (relationshipRevision(start, end) !== revisionKey) continue;
    lines.push(
      canonicalJson({
        relationship: { type: relationship.type, from: endReference(start), to: endReference(end), properties: relationship.properties },
      }),
    );
  }
  return lines;
}

/** The version of the listing rules, hashed with the listing so a change of rules changes every hash. */
const LISTING_VERSION = 'care-code-graph revision hash 1';

/**
 * sha256 (hex) of a revision's part of the graph: its canonical lines, sorted, so the hash
 * depends on what is stored and not on Neo4j's ids or the order rows come in. Null when the
 * dump has no Revision node with that key.
 */
export function hashRevision(dump: GraphDump, revisionKey: string): string | null {
  const lines = revisionListing(dump, revisionKey);
  if (lines === null) return null;
  lines.sort();
  const hash = createHash('sha256').update(LISTING_VERSION);
  for (const line of lines) hash.update('\n').update(line, 'utf8');
  return hash.digest('hex');
}
