/**
 * Facts about the service and its database (one round trip to Neo4j).
 */
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
