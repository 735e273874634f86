/**
 * The backup file (docs/graph-model.md, "Backups"; README, "Backup and restore"): pure, so
 * that it is tested without a database. A backup is JSON: a header, then every node and every
 * relationship of the graph, one per line, with property values typed (db/typed-values.ts).
 *
 * It is canonical: nodes are sorted by their canonical JSON (labels, then properties) and
 * numbered in that order, relationships refer to nodes by those numbers and are sorted by
 * (from, to, type, properties), so two backups of the same graph are the same bytes but for
 * `createdAt`, and a backup says nothing of Neo4j's internal ids. The header records the
 * counts, each revision's hash (db/graph-listing.ts) and a content hash over the nodes and
 * relationships, which a restore checks before it writes anything.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from '../core/canonical-json.ts';
import { shortenQuotes } from '../core/errors.ts';
import { hashRevision, revisionOf, type GraphDump } from './graph-listing.ts';
import { decodeProperties, TypedValueError } from './typed-values.ts';

export const BACKUP_FORMAT = 'care-code-graph-backup';
export const BACKUP_VERSION = 1;

export interface BackupNode {
  /** Its place in the sorted list of nodes, from 0. */
  id: number;
  labels: string[];
  properties: Record<string, JsonValue>;
}

export interface BackupRelationship {
  type: string;
  /** `id` of the start node. */
  from: number;
  /** `id` of the end node. */
  to: number;
  properties: Record<string, JsonValue>;
}

export interface BackupCounts {
  nodes: number;
  relationships: number;
  /** Nodes per label (a node with two labels counts under both). */
  labels: Record<string, number>;
  /** Relationships per type. */
  relationshipTypes: Record<string, number>;
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** When the backup was made (ISO 8601): the one field two backups of the same graph differ in. */
  createdAt: string;
  counts: BackupCounts;
  /** The hash of each revision's part of the graph, by revision key. */
  revisionHashes: Record<string, string>;
  /** sha256 (hex) of the canonical JSON of `{nodes, relationships}`. */
  contentHash: string;
  nodes: BackupNode[];
  relationships: BackupRelationship[];
}

/** A file that is not a backup this release can read, said in one sentence for a person. */
export class BackupFormatError extends Error {
  override name = 'BackupFormatError';
}

/** What a backup's first line looks like, for messages. */
export const BACKUP_EXAMPLE = `{"format":"${BACKUP_FORMAT}","version":${BACKUP_VERSION},"createdAt":"2026-12-01T09:00:00.000Z","counts":{...},"revisionHashes":{...},"contentHash":"...",`;

const sortedRecord = (entries: Iterable<[string, number]>): Record<string, number> => {
  const counts = new Map<string, number>();
  for (const [key, add] of entries) counts.set(key, (counts.get(key) ?? 0) + add);
  return Object.fromEntries([...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
};

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The counts of a list of nodes and relationships. */
export function countsOf(nodes: readonly Pick<BackupNode, 'labels'>[], relationships: readonly Pick<BackupRelationship, 'type'>[]): BackupCounts {
  return {
    nodes: nodes.length,
    relationships: relationships.length,
    labels: sortedRecord(nodes.flatMap((node) => node.labels.map((label): [string, number] => [label, 1]))),
    relationshipTypes: sortedRecord(relationships.map((relationship): [string, number] => [relationship.type, 1])),
  };
}

export const contentHashOf = (nodes: readonly BackupNode[], relationships: readonly BackupRelationship[]): string =>
  createHash('sha256').update(canonicalJson({ nodes, relationships }), 'utf8').digest('hex');

/**
 * The canonical backup of a dump. Nodes with the same labels and properties (which the
 * graph's keys and uids make rare) are told apart by their relationships, so their order,
 * and with it the file, does not depend on Neo4j's ids either.
 */
export function buildBackup(dump: GraphDump, createdAt: string): Backup {
  const own = new Map(dump.nodes.map((node) => [node.ref, canonicalJson({ labels: [...node.labels].sort(), properties: node.properties })]));
  const signature = (ref: string): string => {
    const links = dump.relationships
      .filter((r) => r.from === ref || r.to === ref)
      .map((r) => canonicalJson([r.from === ref ? 'out' : 'in', r.type, r.properties, own.get(r.from === ref ? r.to : r.from) ?? '']))
      .sort();
    return links.join('\n');
  };
  const counted = new Map<string, number>();
  for (const text of own.values()) counted.set(text, (counted.get(text) ?? 0) + 1);
  const order = dump.nodes
    .map((node) => {
      const text = own.get(node.ref) ?? '';
      return { node, text, tie: (counted.get(text) ?? 0) > 1 ? signature(node.ref) : '' };
    })
    .sort((a, b) => compareText(a.text, b.text) || compareText(a.tie, b.tie));
  const idOf = new Map(order.map((entry, id) => [entry.node.ref, id]));
  const nodes: BackupNode[] = order.map((entry, id) => ({ id, labels: [...entry.node.labels].sort(), properties: entry.node.properties }));
  const relationships: BackupRelationship[] = dump.relationships
    .map((r) => {
      const from = idOf.get(r.from);
      const to = idOf.get(r.to);
      if (from === undefined || to === undefined) throw new Error(`a ${r.type} relationship has an end that is not among the nodes read`);
      return { type: r.type, from, to, properties: r.properties, text: canonicalJson(r.properties) };
    })
    .sort((a, b) => a.from - b.from || a.to - b.to || compareText(a.type, b.type) || compareText(a.text, b.text))
    .map(({ type, from, to, properties }) => ({ type, from, to, properties }));
  const revisionHashes: Record<string, string> = {};
  const revisionKeys = dump.nodes
    .filter((node) => node.labels.includes('Revision'))
    .map((node) => revisionOf(node))
    .filter((key): key is string => key !== null)
    .sort(compareText);
  for (const key of revisionKeys) revisionHashes[key] = hashRevision(dump, key) ?? '';
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt,
    counts: countsOf(nodes, relationships),
    revisionHashes,
    contentHash: contentHashOf(nodes, relationships),
    nodes,
    relationships,
  };
}

/** A backup as a dump again (refs are the node ids), to hash its revisions or load it. */
export function dumpOfBackup(backup: Pick<Backup, 'nodes' | 'relationships'>): GraphDump {
  return {
    nodes: backup.nodes.map((node) => ({ ref: String(node.id), labels: node.labels, properties: node.properties })),
    relationships: backup.relationships.map((r) => ({ type: r.type, from: String(r.from), to: String(r.to), properties: r.properties })),
  };
}

/** The file's text: the header on the first line, then one node or relationship per line. */
export function serialiseBackup(backup: Backup): string {
  const header = [
    `"format":${JSON.stringify(backup.format)}`,
    `"version":${backup.version}`,
    `"createdAt":${JSON.stringify(backup.createdAt)}`,
    `"counts":${canonicalJson(backup.counts)}`,
    `"revisionHashes":${canonicalJson(backup.revisionHashes)}`,
    `"contentHash":${JSON.stringify(backup.contentHash)}`,
  ].join(',');
  const lines = (items: readonly unknown[]): string => (items.length === 0 ? '' : `${items.map((item) => canonicalJson(item)).join(',\n')}\n`);
  return `{${header},\n"nodes":[\n${lines(backup.nodes)}],\n"relationships":[\n${lines(backup.relationships)}]}\n`;
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Checks one node or relationship's properties; their values must decode (db/typed-values.ts). */
function checkProperties(value: unknown, where: string, problems: string[]): Record<string, JsonValue> {
  if (!isRecord(value)) {
    problems.push(`${where} is not an object of properties`);
    return {};
  }
  try {
    decodeProperties(value as Record<string, JsonValue>, where);
  } catch (error) {
    problems.push(error instanceof TypedValueError ? error.message : `${where}: ${String(error)}`);
  }
  return value as Record<string, JsonValue>;
}

const isNameList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string' && item !== '');

/**
 * Reads a backup's text, checking everything before anything is written: that it is JSON,
 * of this format and version, that every node and relationship is well formed with values
 * that decode, that the counts and the content hash match the header, and that each
 * revision's hash can be computed again from the file. Throws BackupFormatError with one
 * sentence (and the first problems found) otherwise. `name` is the file's name, for messages.
 */
export function parseBackup(text: string, name: string): Backup {
  const again = `Make one with npm run backup -- <file>; a backup begins ${BACKUP_EXAMPLE}`;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = shortenQuotes((error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' '));
    throw new BackupFormatError(`${name} is not a backup of care-code-graph: it is not JSON (${reason}). ${again}`);
  }
  if (!isRecord(data) || data['format'] !== BACKUP_FORMAT) {
    const format = isRecord(data) ? JSON.stringify(data['format'] ?? null) : 'not an object';
    throw new BackupFormatError(`${name} is not a backup of care-code-graph: its "format" is ${format}, not "${BACKUP_FORMAT}". ${again}`);
  }
  if (data['version'] !== BACKUP_VERSION) {
    throw new BackupFormatError(
      `${name} is a care-code-graph backup of version ${JSON.stringify(data['version'] ?? null)}; this release reads version ${BACKUP_VERSION} only. Restore it with the release that made it, or make a new backup with this one.`,
    );
  }
  const problems: string[] = [];
  const { createdAt, counts, revisionHashes, contentHash } = data;
  if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt))) problems.push('"createdAt" is not an ISO 8601 time such as "2026-12-01T09:00:00.000Z"');
  if (typeof contentHash !== 'string' || !/^[0-9a-f]{64}$/.test(contentHash)) problems.push('"contentHash" is not a sha256 in hex');
  if (!isRecord(revisionHashes) || !Object.values(revisionHashes).every((hash) => typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash))) {
    problems.push('"revisionHashes" is not an object of sha256 hashes by revision key');
  }
  const rawNodes = data['nodes'];
  const rawRelationships = data['relationships'];
  if (!Array.isArray(rawNodes)) problems.push('"nodes" is not a list');
  if (!Array.isArray(rawRelationships)) problems.push('"relationships" is not a list');
  const nodes: BackupNode[] = [];
  const relationships: BackupRelationship[] = [];
  const enough = (): boolean => problems.length >= 5;
  if (Array.isArray(rawNodes)) {
    for (const [index, raw] of rawNodes.entries()) {
      if (enough()) break;
      const where = `nodes[${index}]`;
      if (!isRecord(raw) || raw['id'] !== index || !isNameList(raw['labels'])) {
        problems.push(`${where} is not a node such as {"id":${index},"labels":["Body"],"properties":{"key":"provider"}}`);
        continue;
      }
      nodes.push({ id: index, labels: raw['labels'], properties: checkProperties(raw['properties'], where, problems) });
    }
  }
  if (Array.isArray(rawRelationships)) {
    const isNode = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < nodes.length;
    for (const [index, raw] of rawRelationships.entries()) {
      if (enough()) break;
      const where = `relationships[${index}]`;
      if (!isRecord(raw) || typeof raw['type'] !== 'string' || raw['type'] === '' || !isNode(raw['from']) || !isNode(raw['to'])) {
        problems.push(`${where} is not a relationship between two of the nodes, such as {"from":0,"properties":{},"to":1,"type":"MEMBER_OF"}`);
        continue;
      }
      relationships.push({ type: raw['type'], from: raw['from'], to: raw['to'], properties: checkProperties(raw['properties'], where, problems) });
    }
  }
  if (problems.length > 0) throw new BackupFormatError(`${name} is not a well-formed backup: ${problems.join('; ')}.`);
  const recount = countsOf(nodes, relationships);
  if (canonicalJson(counts) !== canonicalJson(recount)) {
    throw new BackupFormatError(
      `${name} is damaged or was edited: its header counts ${canonicalJson(counts)}, but it holds ${recount.nodes} nodes and ${recount.relationships} relationships (${canonicalJson(recount)}). Restore from another backup.`,
    );
  }
  if (contentHashOf(nodes, relationships) !== contentHash) {
    throw new BackupFormatError(`${name} is damaged or was edited: its nodes and relationships do not match the content hash its header records. Restore from another backup.`);
  }
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: createdAt as string,
    counts: recount,
    revisionHashes: revisionHashes as Record<string, string>,
    contentHash,
    nodes,
    relationships,
  };
  const dump = dumpOfBackup(backup);
  const unlisted = dump.nodes.map((node) => (node.labels.includes('Revision') ? revisionOf(node) : null)).filter((key): key is string => key !== null && !(key in backup.revisionHashes));
  if (unlisted.length > 0) throw new BackupFormatError(`${name} is damaged or was edited: its header records no hash for revision ${unlisted.join(', ')}. Restore from another backup.`);
  for (const [key, hash] of Object.entries(backup.revisionHashes)) {
    if (hashRevision(dump, key) !== hash) throw new BackupFormatError(`${name} is damaged or was edited: revision ${key} does not have the hash its header records. Restore from another backup.`);
  }
  return backup;
}
