/**
 * Whether the service can answer from its database (GET /ready): Neo4j answers, and every
 * constraint and index of the graph (db/graph-schema.ts) exists, is built as declared (a
 * full-text index with its analyzer) and is online. A load
 * balancer sends traffic only while this says ready.
 */
import { readSchemaState, schemaIsReady } from './graph-schema.ts';
import { QueryRunner, type Database } from './run-query.ts';

export type Readiness =
  | { status: 'ready' }
  | { status: 'unavailable'; reason: string }
  | { status: 'not ready'; reason: string; missing: string[]; notOnline: string[]; outdated: string[] };

export async function readiness(db: Database): Promise<Readiness> {
  if (db.availability?.isDown === true) return { status: 'unavailable', reason: 'Neo4j is not answering' };
  try {
    const state = await readSchemaState(new QueryRunner(db));
    if (schemaIsReady(state)) return { status: 'ready' };
    return {
      status: 'not ready',
      reason:
        state.missing.length > 0
          ? `the graph lacks ${state.missing.length} of its constraints and indexes; the service creates them at start (SCHEMA_ON_START=create)`
          : state.outdated.length > 0
            ? `${state.outdated.length} of the graph's full-text indexes are built otherwise than they should be (${state.outdated.join(', ')}); the service rebuilds them at start (SCHEMA_ON_START=create)`
            : `${state.notOnline.length} of the graph's indexes are still being built`,
      ...state,
    };
  } catch {
    return { status: 'unavailable', reason: 'Neo4j is not answering' };
  }
}
