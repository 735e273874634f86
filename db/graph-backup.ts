/**
 * Reading the whole graph for a backup and writing a backup into an empty database
 * (docs/graph-model.md, "Backups"; the file itself is db/backup-format.ts). The commands
 * that call these, with the files and the messages, are server/cli/backup.ts and
 * server/cli/restore.ts.
 */
import { canonicalJson } from '../core/canonical-json.ts';
import type { Backup } from './backup-format.ts';
import type { DumpedRelationship, GraphDump } from './graph-listing.ts';
import type { QueryRunner } from './run-query.ts';
import { decodeProperties, encodeProperties, typedProperties, type TypedProperty } from './typed-values.ts';

/** Every node with its typed properties and its outgoing relationships, in one statement. */
export const DUMP_GRAPH = `
MATCH (n)
RETURN elementId(n) AS ref, labels(n) AS labels, ${typedProperties('n')} AS properties,
       COLLECT { MATCH (n)-[r]->(m) RETURN {to: elementId(m), type: type(r), properties: ${typedProperties('r')}} } AS out`;

/**
 * Holds the audit head's write lock until the backup's transaction ends, changing nothing:
 * every audited change appends to the head (editing/audit.ts), so none lands halfway through
 * the read. (No head yet: nothing has been audited, and there is nothing to hold.)
 */
export const HOLD_AUDIT_HEAD = `
OPTIONAL MATCH (h:AuditHead {key: 'audit'})
FOREACH (_ IN CASE WHEN h IS NULL THEN [] ELSE [1] END | SET h.backupLock = true REMOVE h.backupLock)`;

export const COUNT_NODES = 'MATCH (n) RETURN count(n) AS nodes';

export const COUNT_RELATIONSHIPS = 'MATCH ()-[r]->() RETURN count(r) AS relationships';

/** One batch of nodes, each with its labels and properties; answers each one's element id. */
export const CREATE_NODES = `
UNWIND $rows AS row
CREATE (n)
SET n = row.properties
SET n:$(row.labels)
RETURN row.id AS id, elementId(n) AS ref`;

/** One batch of relationships between nodes created by CREATE_NODES (by element id). */
export const CREATE_RELATIONSHIPS = `
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.from
MATCH (b) WHERE elementId(b) = row.to
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.properties
RETURN count(r) AS created`;

/** The graph changed while it was being read (a relationship to a node the read did not see). */
export class GraphChangedError extends Error {
  override name = 'GraphChangedError';
}

interface DumpRow {
  ref: string;
  labels: string[];
  properties: TypedProperty[];
  out: { to: string; type: string; properties: TypedProperty[] }[];
}

/**
 * The whole graph, read in one statement while holding the audit head (HOLD_AUDIT_HEAD), so
 * that no editor's change is half in it: every node and relationship with its typed
 * properties. A write that is not audited (a seed, a new account) can still land during the
 * read; when that leaves a relationship pointing to a node the statement did not return,
 * throws GraphChangedError: read again.
 */
export async function dumpGraph(runner: QueryRunner, timeoutMs = 120_000): Promise<GraphDump> {
  const rows = await runner.writeTransaction(
    'backup.dump',
    async (tx) => {
      await tx.run('backup.holdAuditHead', HOLD_AUDIT_HEAD);
      return tx.run<DumpRow & Record<string, unknown>>('backup.dump', DUMP_GRAPH);
    },
    timeoutMs,
  );
  const refs = new Set(rows.map((row) => row.ref));
  const relationships: DumpedRelationship[] = [];
  const nodes = rows.map((row) => {
    for (const link of row.out) {
      if (!refs.has(link.to)) throw new GraphChangedError('the graph changed while it was being read (a relationship points to a node the read did not see)');
      relationships.push({ type: link.type, from: row.ref, to: link.to, properties: encodeProperties(link.properties, `a ${link.type} relationship`) });
    }
    return { ref: row.ref, labels: row.labels, properties: encodeProperties(row.properties, `a node labelled ${row.labels.join(':') || '(none)'}`) };
  });
  return { nodes, relationships };
}

/** How many nodes and relationships the database holds. */
export async function graphSize(runner: QueryRunner): Promise<{ nodes: number; relationships: number }> {
  const [nodes] = await runner.read<{ nodes: number }>('backup.countNodes', COUNT_NODES);
  const [relationships] = await runner.read<{ relationships: number }>('backup.countRelationships', COUNT_RELATIONSHIPS);
  return { nodes: nodes?.nodes ?? 0, relationships: relationships?.relationships ?? 0 };
}

export interface LoadOptions {
  /** Most nodes or relationships in one transaction. */
  batchItems?: number;
  /** Most characters of JSON in one transaction (a long text counts for what it weighs). */
  batchChars?: number;
  onProgress?: (line: string) => void;
}

/** Splits items into batches of at most `items` items and about `chars` characters each. */
export function batches<T>(all: readonly T[], size: (item: T) => number, items: number, chars: number): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let weight = 0;
  for (const item of all) {
    const w = size(item);
    if (current.length > 0 && (current.length >= items || weight + w > chars)) {
      out.push(current);
      current = [];
      weight = 0;
    }
    current.push(item);
    weight += w;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * Writes every node, then every relationship, of a backup that parseBackup accepted, in
 * transactions of bounded size (by default 1,000 items or about 4 MB of JSON each). The
 * database should be empty (the caller checks): a failure part-way leaves what was written
 * so far, and the message says to empty the database and restore again.
 */
export async function loadBackup(runner: QueryRunner, backup: Backup, options: LoadOptions = {}): Promise<{ nodes: number; relationships: number; transactions: number }> {
  const items = options.batchItems ?? 1000;
  const chars = options.batchChars ?? 4_000_000;
  const refOf = new Map<number, string>();
  let transactions = 0;
  for (const batch of batches(backup.nodes, (node) => canonicalJson(node).length, items, chars)) {
    const rows = batch.map((node) => ({ id: node.id, labels: node.labels, properties: decodeProperties(node.properties, `nodes[${node.id}]`) }));
    const created = await runner.write<{ id: number; ref: string }>('restore.nodes', CREATE_NODES, { rows });
    transactions += 1;
    for (const row of created) refOf.set(row.id, row.ref);
    options.onProgress?.(`wrote ${refOf.size} of ${backup.nodes.length} nodes`);
  }
  if (refOf.size !== backup.nodes.length) throw new Error(`the restore wrote ${refOf.size} of the backup's ${backup.nodes.length} nodes`);
  let relationships = 0;
  for (const batch of batches(backup.relationships, (r) => canonicalJson(r.properties).length + 64, items, chars)) {
    const rows = batch.map((r, index) => ({
      from: refOf.get(r.from),
      to: refOf.get(r.to),
      type: r.type,
      properties: decodeProperties(r.properties, `relationships[${relationships + index}]`),
    }));
    const [row] = await runner.write<{ created: number }>('restore.relationships', CREATE_RELATIONSHIPS, { rows });
    transactions += 1;
    relationships += row?.created ?? 0;
    options.onProgress?.(`wrote ${relationships} of ${backup.relationships.length} relationships`);
  }
  if (relationships !== backup.relationships.length) throw new Error(`the restore wrote ${relationships} of the backup's ${backup.relationships.length} relationships`);
  return { nodes: refOf.size, relationships, transactions };
}
