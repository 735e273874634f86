/**
 * A test server over the seeded Code: empties the run's Neo4j, seeds the Code exactly as
 * `npm run seed` does (seed/index.ts), then starts the real HTTP server on a free port.
 * The API's integration tests (test/integration/api-*.int.test.ts) read exact answers from it.
 */
import { afterAll, beforeAll } from 'vitest';
import { QueryRunner } from '../../db/run-query.ts';
import { seedCode } from '../../seed/index.ts';
import { connectTestDatabase, startTestServer, type GraphQLBody, type TestServer } from './test-neo4j.ts';

export async function seededTestServer(options: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  const db = connectTestDatabase();
  try {
    await new QueryRunner(db).write('test.reset', 'MATCH (n) DETACH DELETE n');
    await seedCode(db);
  } finally {
    await db.close();
  }
  return startTestServer(options);
}

/** The `data` of an answer that must have no errors (the errors are shown when it has). */
export async function dataOf<T>(server: TestServer, query: string, variables?: Record<string, unknown>): Promise<T> {
  const body: GraphQLBody<T> = await server.graphql<T>(query, variables);
  if (body.errors !== undefined || body.data === undefined) {
    throw new Error(`expected data without errors, got ${JSON.stringify(body.errors ?? body)}`);
  }
  return body.data;
}

/**
 * The one seeded-server fixture of the integration files: registers this file's hooks (seed
 * the Code and start the server before its tests, close both after them) and gives back the
 * server, usable from inside any test. Each file seeds afresh, so a file that changes the
 * graph cannot leak into the next.
 */
export function useSeededServer(options: Parameters<typeof startTestServer>[0] = {}): TestServer {
  let current: TestServer | undefined;
  const started = (): TestServer => {
    if (current === undefined) throw new Error('the seeded server is used outside a test (it starts in beforeAll)');
    return current;
  };
  beforeAll(async () => {
    current = await seededTestServer(options);
  }, 180_000);
  afterAll(async () => {
    await current?.close();
  });
  return {
    get app() {
      return started().app;
    },
    get db() {
      return started().db;
    },
    graphql: (query, variables) => started().graphql(query, variables),
    close: () => started().close(),
  };
}
