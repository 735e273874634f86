/**
 * A bad day for the database, on the real Neo4j: one deadline per operation shared by all its
 * statements (db/run-query.ts), failing fast while Neo4j is away and coming back at once
 * (db/availability.ts), and the graph's constraints and indexes ensured at start or the start
 * refused (db/graph-schema.ts), with /ready telling the truth meanwhile.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { codeOf } from '../../core/errors.ts';
import { Availability } from '../../db/availability.ts';
import { createDriver } from '../../db/create-driver.ts';
import { GRAPH_SCHEMA, readSchemaState } from '../../db/graph-schema.ts';
import { javaAndMavenAvailable, startLocalNeo4j, type LocalNeo4j } from '../../db/neo4j/local-neo4j.ts';
import { readiness } from '../../db/readiness.ts';
import { deadlineIn, QueryRunner, type Database } from '../../db/run-query.ts';
import { startApp } from '../../server/app.ts';
import { killStrayServices, spawnService } from '../support/service-process.ts';
import { connectTestDatabase } from '../support/test-neo4j.ts';

const canRunLocalNeo4j = await javaAndMavenAvailable();
const scratch = mkdtempSync(path.join(os.tmpdir(), 'care-code-graph-faults-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterEach(() => killStrayServices());

type Body = { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('one deadline per operation', () => {
  it('stops a statement at the deadline, and every later statement of the operation at once', async () => {
    const db = connectTestDatabase();
    try {
      const runner = new QueryRunner(db, undefined, deadlineIn(400));
      const started = Date.now();
      const slow = await runner.read('test.slow', 'UNWIND range(1, 500000000) AS x RETURN sum(x) AS total').catch((error: unknown) => error);
      const elapsed = Date.now() - started;
      expect(codeOf(slow)).toBe('OPERATION_TIMED_OUT');
      expect(elapsed).toBeGreaterThanOrEqual(380);
      expect(elapsed).toBeLessThan(1400);
      const next = Date.now();
      const after = await runner.read('test.quick', 'RETURN 1 AS one').catch((error: unknown) => error);
      expect(codeOf(after)).toBe('OPERATION_TIMED_OUT');
      expect(Date.now() - next).toBeLessThan(50);
    } finally {
      await db.close();
    }
  });
});

describe('the schema ensured at boot', () => {
  const neo4j = inject('neo4j');
  const service = (env: Record<string, string>) =>
    spawnService({ NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password || 'unused', NEO4J_DATABASE: neo4j.database, SEED_ON_START: 'false', PORT: '0', ...env });

  async function dropSchema(runner: QueryRunner): Promise<void> {
    for (const row of await runner.read<{ name: string }>('test.constraints', 'SHOW CONSTRAINTS YIELD name RETURN name')) {
      await runner.write('test.dropConstraint', `DROP CONSTRAINT \`${row.name}\``);
    }
    for (const row of await runner.read<{ name: string }>('test.indexes', "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name")) {
      await runner.write('test.dropIndex', `DROP INDEX \`${row.name}\``);
    }
  }

  it('with every constraint and index dropped: /ready says not ready, check refuses to start, create recreates them', async () => {
    const db = connectTestDatabase();
    const runner = new QueryRunner(db);
    try {
      await dropSchema(runner);
      expect((await readSchemaState(runner)).missing).toEqual(GRAPH_SCHEMA.map((item) => item.name));
      const state = await readiness(db);
      expect(state).toMatchObject({ status: 'not ready', missing: GRAPH_SCHEMA.map((item) => item.name), notOnline: [] });

      const refused = service({ SCHEMA_ON_START: 'check' });
      expect(await refused.exited).toBe(1);
      expect(refused.output()).toContain(
        `The graph lacks ${GRAPH_SCHEMA.length} of its constraints and indexes (sourcedocument_key, instrument_key, legalprovision_key, toolkititem_key, organisation_key, body_key, theme_key, revision_key and ${GRAPH_SCHEMA.length - 8} more), and SCHEMA_ON_START=check forbids creating them.`,
      );
      expect(refused.output()).not.toMatch(/\n\s+at /);

      const started = service({});
      const [, url] = await started.waitFor(/care-code-graph ready at (http:\S+)/);
      expect((await readSchemaState(runner)).missing).toEqual([]);
      const readyUrl = (url ?? '').replace(/\/graphql$/, '/ready');
      let ready = await fetch(readyUrl);
      for (let i = 0; i < 50 && ready.status !== 200; i += 1) {
        await sleep(200);
        ready = await fetch(readyUrl);
      }
      expect(await ready.json()).toEqual({ status: 'ready' });
      started.child.kill('SIGTERM');
      expect(await started.exited).toBe(0);
    } finally {
      await db.close();
    }
  }, 240_000);
});

describe.runIf(canRunLocalNeo4j)('Neo4j paused, killed and restarted under load (a local Neo4j of its own)', () => {
  const CONNECTION_TIMEOUT_MS = 2000;
  let neo4j: LocalNeo4j | undefined;
  afterAll(async () => {
    await neo4j?.stop();
  });

  it('fails each request within the connection timeout + 1 s while Neo4j is away, and succeeds within 2 s of its return', async () => {
    const port = await freePort();
    const dataDir = path.join(scratch, 'outage');
    neo4j = await startLocalNeo4j({ dataDir, port });
    const driver = createDriver({ uri: neo4j.uri, user: 'neo4j', password: 'unused' }, { connectionTimeoutMs: CONNECTION_TIMEOUT_MS });
    const availability = new Availability(driver, 'neo4j');
    const db: Database = { driver, database: 'neo4j', timeoutMs: 10_000, availability };
    const app = await startApp({ config: { host: '127.0.0.1', port: 0, bodyLimit: '100kb', debugQueries: false, operationTimeoutMs: 800, rateLimit: { max: 0, windowMs: 60_000 } }, db });
    const ask = async (query: string): Promise<{ ok: boolean; code: string | undefined; start: number; end: number; body: Body }> => {
      const start = Date.now();
      const response = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
      const body = (await response.json()) as Body;
      return { ok: body.errors === undefined, code: body.errors?.[0]?.extensions?.code, start, end: Date.now(), body };
    };
    try {
      // A Neo4j just started plans its first queries slowly: warm it up before timing anything.
      let first = await ask('{ service { name } revisions { key } bodies { key } }');
      for (let i = 0; i < 30 && !first.ok; i += 1) first = await ask('{ service { name } revisions { key } bodies { key } }');
      expect(first.body).toMatchObject({ data: { service: { name: 'care-code-graph' }, revisions: [], bodies: [] } });

      // Paused: an operation of several statements fails once, at its deadline.
      process.kill(neo4j.pid, 'SIGSTOP');
      const paused = await ask('{ service { name } revisions { key } bodies { key } }').finally(() => neo4j !== undefined && process.kill(neo4j.pid, 'SIGCONT'));
      expect(paused.body.errors?.map((e) => e.extensions?.code)).toEqual(['OPERATION_TIMED_OUT']);
      expect(paused.end - paused.start).toBeGreaterThanOrEqual(780);
      expect(paused.end - paused.start).toBeLessThan(1800);
      await sleep(500);
      expect((await ask('{ service { name } }')).ok).toBe(true);

      // Killed under a bounded load of 4 clients, then restarted on the same folder and port.
      const results: Awaited<ReturnType<typeof ask>>[] = [];
      let loading = true;
      const clients = Array.from({ length: 4 }, async () => {
        while (loading) {
          results.push(await ask('{ service { name } }'));
          await sleep(20);
        }
      });
      await sleep(1000);
      const killedAt = Date.now();
      process.kill(neo4j.pid, 'SIGKILL');
      await sleep(4000);
      neo4j = await startLocalNeo4j({ dataDir, port });
      const probe = createDriver({ uri: neo4j.uri, user: 'neo4j', password: 'unused' }, { connectionTimeoutMs: 1000 });
      let backAt = 0;
      try {
        while (backAt === 0) {
          try {
            await probe.executeQuery('RETURN 1', {}, { database: 'neo4j' });
            backAt = Date.now();
          } catch {
            await sleep(50);
          }
        }
      } finally {
        await probe.close();
      }
      await sleep(3000);
      loading = false;
      await Promise.all(clients);

      const failures = results.filter((r) => !r.ok);

      const slowest = Math.max(...failures.map((r) => r.end - r.start));
      const firstSuccess = results.filter((r) => r.ok && r.start >= killedAt).sort((a, b) => a.end - b.end)[0];
      process.stderr.write(
        `[faults] ${results.length} requests, ${failures.length} failed while Neo4j was away; slowest failure ${slowest} ms ` +
          `(limit ${CONNECTION_TIMEOUT_MS + 1000}); first success ${(firstSuccess?.end ?? Number.NaN) - backAt} ms after Neo4j answered again (limit 2000)\n`,
      );
      expect(failures.length).toBeGreaterThan(0);
      // Each failure says why: the database is away, or (a cold Neo4j just back) the deadline passed.
      expect(failures.map((r) => r.code)).toContain('SERVICE_UNAVAILABLE');
      expect(failures.filter((r) => r.code !== 'SERVICE_UNAVAILABLE' && r.code !== 'OPERATION_TIMED_OUT')).toEqual([]);
      expect(slowest).toBeLessThanOrEqual(CONNECTION_TIMEOUT_MS + 1000);
      expect(firstSuccess).toBeDefined();
      expect((firstSuccess?.end ?? Number.POSITIVE_INFINITY) - backAt).toBeLessThanOrEqual(2000);
    } finally {
      availability.close();
      await app.stop();
      await driver.close();
    }
  }, 300_000);
});
