/**
 * Facts about the service and its database (one round trip to Neo4j).
 */
import { GraphShapeError } from '../core/errors.ts';
import type { QueryRunner } from '../db/run-query.ts';

export interface ServiceInfoModel {
  name: string;
  version: string;
  databaseVersion: string;
  databaseEdition: string;
}

export const SERVICE_VERSION = '0.1.0';

const DBMS_COMPONENTS = `
CALL dbms.components() YIELD name, versions, edition
WHERE name = 'Neo4j Kernel'
RETURN versions[0] AS version, edition`;

export async function loadServiceInfo(runner: QueryRunner): Promise<ServiceInfoModel> {
  const [row] = await runner.read<{ version: string; edition: string }>('serviceInfo', DBMS_COMPONENTS);
  return {
    name: 'care-code-graph',
    version: SERVICE_VERSION,
    databaseVersion: row?.version ?? 'unknown',
    databaseEdition: row?.edition ?? 'unknown',
  };
}

/** The time the seed stamped on the one GraphLoad node (docs/graph-model.md, "The graph's load"). */
export const GRAPH_LOADED_AT = `
OPTIONAL MATCH (g:GraphLoad {key: 'graph'})
RETURN g.loadedAt AS loadedAt`;

/**
 * When the graph was last loaded by the seed, as an ISO 8601 time in UTC; null for a graph
 * loaded before the seed stamped its loads (seed it again to stamp it).
 */
export async function loadGraphLoadedAt(runner: QueryRunner): Promise<string | null> {
  const [row] = await runner.read<{ loadedAt: unknown }>('graphLoadedAt', GRAPH_LOADED_AT);
  const loadedAt = row?.loadedAt;
  if (loadedAt === null || loadedAt === undefined) return null;
  if (typeof loadedAt !== 'string') throw new GraphShapeError(`GraphLoad.loadedAt is ${typeof loadedAt}, not an ISO time`);
  return loadedAt;
}
