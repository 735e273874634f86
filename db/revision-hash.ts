/**
 * The hash of one revision's whole part of the graph (db/graph-listing.ts gives the rules):
 * its Revision node, every node it owns and every relationship that belongs to them, each
 * with its labels and typed properties, independent of Neo4j's internal ids and of the order
 * rows come in. Equal hashes mean the revision was not changed by a single property or link:
 * the tests use it to prove a published revision never changes, and a restore
 * (server/cli/restore.ts) to prove it brought back what was backed up.
 */
import { notFound } from '../core/errors.ts';
import { hashRevision, type DumpedNode, type DumpedRelationship } from './graph-listing.ts';
import type { QueryRunner } from './run-query.ts';
import { encodeProperties, typedProperties, type TypedProperty } from './typed-values.ts';

/** The revision's own nodes (members) and every node one relationship away from them. */
export const REVISION_NODES = `
MATCH (n) WHERE (n:Revision AND n.key = $key) OR (n.revision = $key AND n.uid IS NOT NULL)
WITH collect(n) AS members
CALL (members) {
  UNWIND members AS n
  MATCH (n)--(m)
  RETURN collect(DISTINCT m) AS neighbours
}
UNWIND members + neighbours AS n
WITH DISTINCT n
RETURN elementId(n) AS ref, labels(n) AS labels, ${typedProperties('n')} AS properties`;

/** Every relationship from or to one of the revision's own nodes. */
export const REVISION_RELATIONSHIPS = `
MATCH (n) WHERE (n:Revision AND n.key = $key) OR (n.revision = $key AND n.uid IS NOT NULL)
MATCH (n)-[r]-()
WITH DISTINCT r
RETURN elementId(startNode(r)) AS from, elementId(endNode(r)) AS to, type(r) AS type, ${typedProperties('r')} AS properties`;

/**
 * sha256 (hex) of revision `revisionKey`'s part of the graph; NOT_FOUND when there is no
 * such revision. Two statements; about 60 ms for the Code's 2024-09-01.
 */
export async function revisionHash(runner: QueryRunner, revisionKey: string): Promise<string> {
  const nodeRows = await runner.read<{ ref: string; labels: string[]; properties: TypedProperty[] }>('revisionHash.nodes', REVISION_NODES, { key: revisionKey });
  const relationshipRows = await runner.read<{ from: string; to: string; type: string; properties: TypedProperty[] }>('revisionHash.relationships', REVISION_RELATIONSHIPS, {
    key: revisionKey,
  });
  const nodes: DumpedNode[] = nodeRows.map((row) => ({ ref: row.ref, labels: row.labels, properties: encodeProperties(row.properties, `node ${row.ref}`) }));
  const relationships: DumpedRelationship[] = relationshipRows.map((row) => ({
    type: row.type,
    from: row.from,
    to: row.to,
    properties: encodeProperties(row.properties, `relationship ${row.type}`),
  }));
  const hash = hashRevision({ nodes, relationships }, revisionKey);
  if (hash === null) throw notFound('revision of the Code', revisionKey, '2024-09-01');
  return hash;
}
