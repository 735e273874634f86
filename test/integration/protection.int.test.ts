/**
 * The limits (docs/architecture.md, "Limits"): every limit refuses an operation before any
 * resolver runs (a test plugin counts resolver calls, and the debug extension counts Neo4j
 * round trips); CSRF prevention is on, batching is off, and a lost database answers
 * SERVICE_UNAVAILABLE quickly.
 */
import net from 'node:net';
import type { ApolloServerPlugin } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../server/app.ts';
import { DEFAULT_LIMITS } from '../../core/config.ts';
import type { Context } from '../../server/context.ts';
import { createDriver } from '../../db/create-driver.ts';
import { connectTestDatabase, type TestDatabase } from '../support/test-neo4j.ts';

interface Body {
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

/** Counts every field resolver Apollo runs, introspection's included. */
function resolverCounter(): { plugin: ApolloServerPlugin<Context>; calls: () => number } {
  let calls = 0;
  return {
    calls: () => calls,
    plugin: {
      requestDidStart: () =>
        Promise.resolve({
          executionDidStart: () =>
            Promise.resolve({
              willResolveField: () => {
                calls += 1;
              },
            }),
        }),
    },
  };
}

const NO_ROUND_TRIPS = { queries: { roundTrips: 0, statements: [] } };

/**
 * A field nested `levels` deep through the revisions' `supersedes` chain, which costs little
 * (one object per level), so only the depth limit can refuse it:
 * revision (1) { supersedes (2) { ... { key (levels) } } }.
 */
function nestedQuery(levels: number): string {
  const chain = levels - 2;
  return `{ revision { ${'supersedes { '.repeat(chain)}key${' }'.repeat(chain)} } }`;
}

describe('protection of the API', () => {
  let db: TestDatabase;
  let app: App;
  const counter = resolverCounter();

  const post = async (query: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Body }> => {
    const response = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: (await response.json()) as Body };
  };

  /** Runs `work` and returns how many resolvers ran meanwhile. */
  const resolversDuring = async <T>(work: () => Promise<T>): Promise<{ result: T; resolvers: number }> => {
    const before = counter.calls();
    const result = await work();
    return { result, resolvers: counter.calls() - before };
  };

  beforeAll(async () => {
    db = connectTestDatabase();
    app = await startApp({
      config: { host: '127.0.0.1', port: 0, bodyLimit: '100kb', debugQueries: true, limits: DEFAULT_LIMITS },
      db,
      plugins: [counter.plugin],
    });
  });
  afterAll(async () => {
    await app.stop();
    await db.close();
  });

  describe('depth', () => {
    it('runs an operation nested 12 deep, the limit', async () => {
      const { result, resolvers } = await resolversDuring(() => post(nestedQuery(12)));
      // Whatever the graph holds (a revision or a NOT_FOUND), the operation was executed.
      expect(result.status).toBe(200);
      expect(result.body.extensions?.['cost']).toEqual({ requested: 11, limit: 5000 });
      expect(resolvers).toBeGreaterThan(0);
    });

    it('refuses an operation nested 13 deep before any resolver runs', async () => {
      const { result, resolvers } = await resolversDuring(() => post(nestedQuery(13)));
      expect(result).toEqual({
        status: 400,
        body: {
          errors: [
            {
              message:
                'This operation nests fields 13 levels deep; the limit is 12. Please nest fewer fields, or split it into ' +
                'two operations (for instance fetch an obligation, then its trace).',
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth', max: 12, found: 13 },
            },
          ],
          extensions: NO_ROUND_TRIPS,
        },
      });
      expect(resolvers).toBe(0);
    });
  });

  describe('aliases', () => {
    const aliased = (n: number): string => `{ ${Array.from({ length: n }, (_, i) => `a${i + 1}: __typename`).join(' ')} }`;

    it('runs an operation with 30 aliases, the limit', async () => {
      const { result } = await resolversDuring(() => post(aliased(30)));
      expect(result.status).toBe(200);
      expect(result.body.errors).toBeUndefined();
    });

    it('refuses 31 aliases before any resolver runs', async () => {
      const { result, resolvers } = await resolversDuring(() => post(aliased(31)));
      expect(result).toEqual({
        status: 400,
        body: {
          errors: [
            {
              message:
                'This operation uses 31 aliases; the limit is 30. Please ask for a list instead (for instance ' +
                'nodes(ids: [...]) or obligations(filter: ...)) rather than one alias per item.',
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases', max: 30, found: 31 },
            },
          ],
          extensions: NO_ROUND_TRIPS,
        },
      });
      expect(resolvers).toBe(0);
    });
  });

  describe('directives', () => {
    const directed = (n: number): string =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i + 1}: __typename @include(if: true)`).join(' ')} }`;

    it('refuses 21 directives before any resolver runs', async () => {
      const { result, resolvers } = await resolversDuring(() => post(directed(21)));
      expect(result.status).toBe(400);
      expect(result.body.errors).toEqual([
        {
          message:
            'This operation uses 21 directives; the limit is 20. Please remove repeated @include/@skip directives, ' +
            'or split it into smaller operations.',
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'directives', max: 20, found: 21 },
        },
      ]);
      expect(resolvers).toBe(0);
    });
  });

  describe('tokens', () => {
    // `{`, 333 inline fragments of 6 tokens (`... on Query { __typename }`) and `}`: 2000 tokens.
    // (Inline fragments, not 2000 repeated fields: graphql-js bounds the work of comparing those.)
    const atTheLimit = `{ ${'... on Query { __typename } '.repeat(333)}}`;

    it('parses a document of 2000 tokens, the limit', async () => {
      const { result } = await resolversDuring(() => post(atTheLimit));
      expect(result).toEqual({ status: 200, body: { data: { __typename: 'Query' }, extensions: { cost: { requested: 0, limit: 5000 }, ...NO_ROUND_TRIPS } } });
    });

    it('stops parsing at token 2001, before any resolver runs', async () => {
      const source = `${atTheLimit.slice(0, -1)}__typename }`;
      const { result, resolvers } = await resolversDuring(() => post(source));
      expect(result).toEqual({
        status: 400,
        body: {
          errors: [
            {
              // graphql-js's own wording, "that" included.
              message: 'Syntax Error: Document contains more that 2000 tokens. Parsing aborted.',
              locations: [{ line: 1, column: source.lastIndexOf('}') + 1 }],
              extensions: { code: 'GRAPHQL_PARSE_FAILED' },
            },
          ],
          extensions: NO_ROUND_TRIPS,
        },
      });
      expect(resolvers).toBe(0);
    });
  });

  describe('cost', () => {
    it('reports the cost and the limit of each operation in extensions', async () => {
      const { body } = await post('{ __typename service { name } }');
      expect(body.extensions).toEqual({ cost: { requested: 1, limit: 5000 }, queries: { roundTrips: 1, statements: ['serviceInfo'] } });
    });

    it('refuses a 100 x 100 fan-out (every Act with 100 obligations citing it) before any resolver runs', async () => {
      const fanOut = '{ instruments(first: 100) { nodes { key citedByObligations(first: 100) { nodes { key text } } } } }';
      const { result, resolvers } = await resolversDuring(() => post(fanOut));
      expect(result).toEqual({
        status: 400,
        body: {
          errors: [
            {
              message:
                'This operation could return about 10201 objects (its estimated cost); the limit is 5000. Please ask for ' +
                'smaller pages (for instance first: 20) or fewer nested lists, and fetch the rest with the cursors of pageInfo.',
              extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'cost', cost: { requested: 10201, limit: 5000 } },
            },
          ],
          extensions: { cost: { requested: 10201, limit: 5000 }, ...NO_ROUND_TRIPS },
        },
      });
      expect(resolvers).toBe(0);
    });

    it('lets through 100 obligations with their provisions, addressees, citations and traces', async () => {
      const { body } = await post(
        '{ obligations(first: 100) { nodes { key provision { key } addressees { key } cites { __typename } trace { key url } } } }',
      );
      expect(body.extensions?.['cost']).toEqual({ requested: 1 + 100 * (1 + 1 + 10 + 10 + 10), limit: 5000 });
    });

    it('refuses an operation that costs more than a lower limit, set in the configuration', async () => {
      const strict = await startApp({
        config: { host: '127.0.0.1', port: 0, bodyLimit: '100kb', debugQueries: true, limits: { ...DEFAULT_LIMITS, cost: 2 } },
        db,
        plugins: [counter.plugin],
      });
      try {
        const before = counter.calls();
        const response = await fetch(strict.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ a: service { name } b: service { name } c: service { name } }' }),
        });
        expect(response.status).toBe(400);
        expect(await response.json()).toEqual({
          errors: [
            {
              message:
                'This operation could return about 3 objects (its estimated cost); the limit is 2. Please ask for smaller ' +
                'pages (for instance first: 20) or fewer nested lists, and fetch the rest with the cursors of pageInfo.',
              extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'cost', cost: { requested: 3, limit: 2 } },
            },
          ],
          extensions: { cost: { requested: 3, limit: 2 }, ...NO_ROUND_TRIPS },
        });
        expect(counter.calls() - before).toBe(0);
      } finally {
        await strict.stop();
      }
    });
  });

  describe('CSRF prevention and batching', () => {
    const CSRF_REFUSAL = {
      errors: [
        {
          message:
            'This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either specify a ' +
            "'content-type' header (with a type that is not one of application/x-www-form-urlencoded, multipart/form-data, " +
            'text/plain) or provide a non-empty value for one of the following headers: x-apollo-operation-name, ' +
            'apollo-require-preflight\n',
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    };

    it('refuses a GET without a preflight header, as a browser form or link would send it', async () => {
      const { result, resolvers } = await resolversDuring(async () => {
        const response = await fetch(`${app.url}?query=${encodeURIComponent('{ service { name } }')}`, {
          headers: { accept: 'application/json' },
        });
        return { status: response.status, body: (await response.json()) as Body };
      });
      expect(result).toEqual({ status: 400, body: CSRF_REFUSAL });
      expect(resolvers).toBe(0);
    });

    it('refuses a POST whose content-type a form can send (text/plain)', async () => {
      const { result, resolvers } = await resolversDuring(async () => {
        const response = await fetch(app.url, {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: JSON.stringify({ query: '{ service { name } }' }),
        });
        return { status: response.status, body: (await response.json()) as Body };
      });
      expect(result).toEqual({ status: 400, body: CSRF_REFUSAL });
      expect(resolvers).toBe(0);
    });

    it('refuses a batch of operations', async () => {
      const { result, resolvers } = await resolversDuring(async () => {
        const response = await fetch(app.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify([{ query: '{ service { name } }' }, { query: '{ service { name } }' }]),
        });
        return { status: response.status, body: (await response.json()) as Body };
      });
      expect(result).toEqual({
        status: 400,
        body: { errors: [{ message: 'Operation batching disabled.', extensions: { code: 'BAD_REQUEST' } }] },
      });
      expect(resolvers).toBe(0);
    });
  });

  describe('a lost database', () => {
    it('answers SERVICE_UNAVAILABLE within a few seconds, with no internals, and /ready says 503', async () => {
      const port = await new Promise<number>((resolve) => {
        const probe = net.createServer().listen(0, '127.0.0.1', () => {
          const { port: free } = probe.address() as net.AddressInfo;
          probe.close(() => resolve(free));
        });
      });
      const driver = createDriver({ uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: 'unused' }, { connectionTimeoutMs: 1000 });
      const lost = await startApp({
        config: { host: '127.0.0.1', port: 0, bodyLimit: '100kb', debugQueries: false },
        db: { driver, database: 'neo4j', timeoutMs: 2000 },
      });
      try {
        const started = Date.now();
        const response = await fetch(lost.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ service { name } }' }),
        });
        const body = (await response.json()) as Body;
        const elapsed = Date.now() - started;
        expect(body).toEqual({
          errors: [
            {
              message: 'The database is not answering right now; please try again shortly',
              locations: [{ line: 1, column: 3 }],
              path: ['service'],
              extensions: { code: 'SERVICE_UNAVAILABLE' },
            },
          ],
          data: null,
          extensions: { cost: { requested: 1, limit: 5000 } },
        });
        expect(elapsed).toBeLessThan(5000);
        const ready = await fetch(lost.url.replace(/\/graphql$/, '/ready'));
        expect(ready.status).toBe(503);
      } finally {
        await lost.stop();
        await driver.close();
      }
    });
  });
});
