/**
 * Per-request context (docs/architecture.md, "One request"): fresh DataLoaders over the
 * process's single driver, and the request's query log (the round trips it cost, reported
 * by the debug extension).
 */
import { newQueryLog, QueryRunner, type Database, type QueryLog } from '../db/run-query.ts';
import { createLoaders } from '../loaders/create-loaders.ts';
import type { ResolverContext } from '../resolvers/context.ts';

export interface Context extends ResolverContext {
  queryLog: QueryLog;
}

export interface ContextOptions {
  /** When false, each loader call runs its own query (for the benchmark's comparison). */
  batching?: boolean;
}

export function createContext(db: Database, options: ContextOptions = {}): Context {
  const queryLog = newQueryLog();
  const runner = new QueryRunner(db, queryLog);
  return { queryLog, loaders: createLoaders(runner, { batching: options.batching ?? true }) };
}
