/**
 * Connects a test file to the run's Neo4j (see test/global-setup.ts) and starts the real
 * HTTP server on a free port.
 */
import { inject } from 'vitest';
import type { Driver } from 'neo4j-driver';
import type { Logger } from '../../core/log.ts';
import type { Database } from '../../db/run-query.ts';
import { startApp, type App, type AppOptions } from '../../server/app.ts';
import { createDriver } from '../../db/create-driver.ts';

export interface TestNeo4j {
  mode: 'uri' | 'docker' | 'local';
  uri: string;
  user: string;
  password: string;
  database: string;
}

export interface TestDatabase extends Database {
  close(): Promise<void>;
}

export function connectTestDatabase(): TestDatabase {
  const neo4j = inject('neo4j');
  const driver: Driver = createDriver(neo4j, { connectionTimeoutMs: 10_000 });
  return { driver, database: neo4j.database, timeoutMs: 30_000, close: () => driver.close() };
}

export interface TestServer {
  app: App;
  db: TestDatabase;
  /** POSTs one GraphQL operation and returns the parsed JSON body. */
  graphql<T = unknown>(query: string, variables?: Record<string, unknown>): Promise<GraphQLBody<T>>;
  close(): Promise<void>;
}

export interface GraphQLBody<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[];
  extensions?: Record<string, unknown>;
}

export async function startTestServer(
  options: { debugQueries?: boolean; batching?: boolean; logger?: Logger; config?: Partial<AppOptions['config']> } = {},
): Promise<TestServer> {
  const db = connectTestDatabase();
  const app = await startApp({
    config: { host: '127.0.0.1', port: 0, bodyLimit: '100kb', debugQueries: options.debugQueries ?? true, ...options.config },
    db,
    batching: options.batching ?? true,
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
  return {
    app,
    db,
    graphql: async <T>(query: string, variables?: Record<string, unknown>) => {
      const response = await fetch(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLBody<T>;
    },
    close: async () => {
      await app.stop();
      await db.close();
    },
  };
}
