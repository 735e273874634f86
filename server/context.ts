/**
 * Per-request context (STYLE.md habit 3): one QueryRunner over the process's single
 * driver, fresh DataLoaders for the request, and the request's query log.
 */
import { createLoaders, type Loaders } from '../loaders/create-loaders.ts';
import { newQueryLog, QueryRunner, type Database, type QueryLog } from '../loaders/run-query.ts';

export interface Context {
  runner: QueryRunner;
  loaders: Loaders;
  queryLog: QueryLog;
}

export interface ContextOptions {
  /** When false, each loader call runs its own query (for the benchmark's comparison). */
  batching?: boolean;
}

export function createContext(db: Database, options: ContextOptions = {}): Context {
  const queryLog = newQueryLog();
  const runner = new QueryRunner(db, queryLog);
  return { runner, queryLog, loaders: createLoaders(runner, { batching: options.batching ?? true }) };
}
