/**
 * The audit trail on the real Neo4j (editing/audit.ts, loaders/audit.ts, resolvers/audit.ts,
 * server/cli/audit.ts): concurrent appends make one chain, an event commits with its change
 * or not at all, the chain verifies and then names a deleted or an altered event (and
 * `npm run audit -- verify` says so by its exit code), and only a signed-in editor reads a
 * revision's trail, a page at a time.
 */
import { execute, parse } from 'graphql/index.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Viewer } from '../../core/viewer.ts';
import { ensureGraphSchema } from '../../db/graph-schema.ts';
import { newQueryLog, QueryRunner } from '../../db/run-query.ts';
import { encodeCursor } from '../../domain/page-request.ts';
import { GENESIS_HASH, type AuditEvent, type AuditEventInput } from '../../domain/audit-chain.ts';
import { appendAudit, recordRefusal, verifyAuditChain } from '../../editing/audit.ts';
import { createLoaders } from '../../loaders/create-loaders.ts';
import { buildSchema } from '../../server/schema.ts';
import { runCli } from '../support/run-cli.ts';
import { connectTestDatabase, startTestServer, type TestDatabase } from '../support/test-neo4j.ts';

let db: TestDatabase;
let runner: QueryRunner;

const editor: Viewer = { subject: 'u-ann', name: 'Ann Editor', roles: ['editor'], issuer: 'https://test.invalid' };
const reviewer: Viewer = { subject: 'u-rhys', name: 'Rhys Reviewer', roles: ['reviewer'], issuer: 'https://test.invalid' };

const input = (n: number, revision = 'draft-2026'): AuditEventInput => ({
  actor: { subject: editor.subject, name: editor.name },
  action: 'updateProvision',
  target: { revision, key: '1.53' },
  before: { text: `version ${n - 1}` },
  after: { text: `version ${n}` },
  result: 'OK',
  requestId: `req-${n}`,
});

async function storedEvents(): Promise<{ sequence: number; previousHash: string; hash: string }[]> {
  return runner.read('test.events', 'MATCH (e:AuditEvent) RETURN e.sequence AS sequence, e.previousHash AS previousHash, e.hash AS hash ORDER BY e.sequence');
}

async function appendEach(count: number, revision?: string): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  for (let n = 1; n <= count; n += 1) events.push(await recordRefusal(runner, input(n, revision)));
  return events;
}

beforeAll(async () => {
  db = connectTestDatabase();
  runner = new QueryRunner(db);
  await ensureGraphSchema(runner, 'create');
});

beforeEach(async () => {
  await runner.write('test.reset', 'MATCH (n) DETACH DELETE n');
});

afterAll(async () => {
  await db.close();
});

describe('appendAudit', () => {
  it('makes one unbroken chain of 20 out of 20 appends in parallel', async () => {
    const appended = await Promise.all(Array.from({ length: 20 }, (_, i) => runner.writeTransaction('test.append', (tx) => appendAudit(tx, input(i + 1)))));
    expect(appended.map((event) => event.sequence).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const stored = await storedEvents();
    expect(stored.map((event) => event.sequence)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    stored.forEach((event, index) => expect(event.previousHash).toBe(index === 0 ? GENESIS_HASH : stored[index - 1]?.hash));
    expect(await verifyAuditChain(runner)).toEqual({ ok: true, events: 20, problems: [] });
  });

  it('commits the event with its change, or neither', async () => {
    await runner.writeTransaction('test.change', async (tx) => {
      await tx.run('test.change.node', "CREATE (:Probe {key: 'kept'})");
      await appendAudit(tx, input(1));
    });
    const failed = await runner
      .writeTransaction('test.change', async (tx) => {
        await tx.run('test.change.node', "CREATE (:Probe {key: 'lost'})");
        await appendAudit(tx, input(2));
        throw new Error('the change fails after its event was appended');
      })
      .catch((error: unknown) => error);
    expect(failed).toEqual(new Error('the change fails after its event was appended'));
    const [row] = await runner.read<{ probes: string[]; events: number[]; head: number }>(
      'test.state',
      "MATCH (h:AuditHead) RETURN COLLECT { MATCH (p:Probe) RETURN p.key } AS probes, COLLECT { MATCH (e:AuditEvent) RETURN e.sequence } AS events, h.sequence AS head",
    );
    expect(row).toEqual({ probes: ['kept'], events: [1], head: 1 });
    const next = await recordRefusal(runner, input(3));
    expect(next.sequence).toBe(2);
    expect(await verifyAuditChain(runner)).toEqual({ ok: true, events: 2, problems: [] });
  });

  it('records a refusal with who, when, what, the result and the request, in its own transaction', async () => {
    const before = new Date().toISOString();
    const event = await recordRefusal(runner, {
      actor: null,
      action: 'updateProvision',
      target: { revision: '2024-09-01', key: '1.53' },
      before: null,
      after: { refused: 'Revision 2024-09-01 is published and never changes' },
      result: 'REVISION_PUBLISHED',
      requestId: 'req-refused',
    });
    const [row] = await runner.read<{ event: Record<string, unknown> }>('test.event', 'MATCH (e:AuditEvent) RETURN properties(e) AS event');
    expect(row?.event).toEqual({
      sequence: 1,
      at: event.at,
      action: 'updateProvision',
      targetRevision: '2024-09-01',
      targetKey: '1.53',
      before: 'null',
      after: '{"refused":"Revision 2024-09-01 is published and never changes"}',
      result: 'REVISION_PUBLISHED',
      requestId: 'req-refused',
      previousHash: GENESIS_HASH,
      hash: event.hash,
    });
    expect(event.at >= before && event.at <= new Date().toISOString()).toBe(true);
  });
});

describe('verifyAuditChain and npm run audit -- verify', () => {
  it('verifies a whole trail, then names a deleted event, with exit codes 0 and 1', async () => {
    await appendEach(12);
    expect(await verifyAuditChain(runner)).toEqual({ ok: true, events: 12, problems: [] });
    const good = await runCli('audit', ['verify']);
    expect({ code: good.code, stdout: good.stdout }).toEqual({ code: 0, stdout: 'The audit trail verifies: 12 events, chained from the first to the last.\n' });

    await runner.write('test.delete', 'MATCH (e:AuditEvent {sequence: 7}) DELETE e');
    expect(await verifyAuditChain(runner)).toEqual({ ok: false, events: 11, problems: ['Event 7 is missing: the trail goes from event 6 straight to event 8 (deleted?)'] });
    const bad = await runCli('audit', ['verify']);
    expect({ code: bad.code, stdout: bad.stdout }).toEqual({
      code: 1,
      stdout: 'The audit trail does not verify (11 events read): Event 7 is missing: the trail goes from event 6 straight to event 8 (deleted?).\n',
    });
  });

  it('names an altered event, and the newest one deleted', async () => {
    await appendEach(5);
    await runner.write('test.alter', `MATCH (e:AuditEvent {sequence: 3}) SET e.after = '{"text":"version 99"}'`);
    const altered = await verifyAuditChain(runner);
    expect(altered.ok).toBe(false);
    expect(altered.problems).toEqual([expect.stringMatching(/^Event 3 \(updateProvision at \S+\) was altered: its stored hash [0-9a-f]{12}… does not match its fields, which hash to [0-9a-f]{12}…$/)]);
    const cli = await runCli('audit', ['verify']);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toMatch(/^The audit trail does not verify \(5 events read\): Event 3 \(updateProvision at \S+\) was altered/);

    await runner.write('test.restore', 'MATCH (e:AuditEvent) DETACH DELETE e WITH count(*) AS gone MATCH (h:AuditHead) DELETE h');
    await appendEach(4);
    await runner.write('test.deleteNewest', 'MATCH (e:AuditEvent {sequence: 4}) DELETE e');
    expect((await verifyAuditChain(runner)).problems).toEqual(['Event 4, the newest, is missing: the trail ends at event 3 but the audit head records 4 (deleted?)']);
  });

  it('says how to use it when asked for something else, with exit code 2', async () => {
    const wrong = await runCli('audit', ['check']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/Unknown command check\. usage: npm run audit -- verify/);
    expect(wrong.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('auditTrail (Query)', () => {
  const schema = buildSchema();
  const TRAIL = /* GraphQL */ `
    query Trail($revision: String!, $first: Int, $after: String) {
      auditTrail(revision: $revision, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage endCursor }
        nodes { sequence at actor { subject name } action target { revision key } before after result requestId previousHash hash }
      }
    }`;

  /** Runs the query as `viewer`, through the schema and resolvers, with a request's loaders. */
  const asViewer = async (viewer: Viewer | null, variables: Record<string, unknown>) => {
    const result = await execute({ schema, document: parse(TRAIL), variableValues: variables, contextValue: { viewer, loaders: createLoaders(new QueryRunner(db), { batching: true }) } });
    return JSON.parse(JSON.stringify(result)) as { data?: { auditTrail: unknown }; errors?: { message: string; extensions: { code: string } }[] };
  };

  it('refuses an anonymous caller over HTTP with UNAUTHENTICATED, saying how to sign in', async () => {
    const server = await startTestServer();
    try {
      const body = await server.graphql(TRAIL, { revision: 'draft-2026' });
      expect(body.data).toEqual({ auditTrail: null });
      expect(body.errors?.map((e) => e.extensions?.['code'])).toEqual(['UNAUTHENTICATED']);
      expect(body.errors?.[0]?.message).toMatch(/^Sign in first: Reading the audit trail needs a signed-in editor, and no one is signed in\. Send Authorization: Bearer <access token>/);
    } finally {
      await server.close();
    }
  });

  it('refuses a signed-in person without the editor role with FORBIDDEN', async () => {
    const answer = await asViewer(reviewer, { revision: 'draft-2026' });
    expect(answer.errors?.map((e) => ({ code: e.extensions.code, message: e.message }))).toEqual([
      { code: 'FORBIDDEN', message: 'Reading the audit trail needs the editor role, which your account does not have; ask the National Office to grant it' },
    ]);
  });

  it('gives an editor a revision\'s events, oldest first, a page at a time', async () => {
    const events = await appendEach(25);
    await recordRefusal(runner, { ...input(26, '2024-09-01'), actor: null, before: null, result: 'UNAUTHENTICATED' });
    const expected = (event: AuditEvent) => ({
      sequence: event.sequence,
      at: event.at,
      actor: { subject: 'u-ann', name: 'Ann Editor' },
      action: 'updateProvision',
      target: { revision: 'draft-2026', key: '1.53' },
      before: `{"text":"version ${event.sequence - 1}"}`,
      after: `{"text":"version ${event.sequence}"}`,
      result: 'OK',
      requestId: `req-${event.sequence}`,
      previousHash: event.previousHash,
      hash: event.hash,
    });
    const first = await asViewer(editor, { revision: 'draft-2026', first: 10 });
    expect(first).toEqual({
      data: { auditTrail: { totalCount: 25, pageInfo: { hasNextPage: true, hasPreviousPage: false, endCursor: encodeCursor(9) }, nodes: events.slice(0, 10).map(expected) } },
    });
    const cursor = (first.data?.auditTrail as { pageInfo: { endCursor: string } }).pageInfo.endCursor;
    const last = await asViewer(editor, { revision: 'draft-2026', first: 20, after: cursor });
    expect(last).toEqual({
      data: { auditTrail: { totalCount: 25, pageInfo: { hasNextPage: false, hasPreviousPage: true, endCursor: encodeCursor(24) }, nodes: events.slice(10).map(expected) } },
    });
    const published = await asViewer(editor, { revision: '2024-09-01' });
    expect((published.data?.auditTrail as { nodes: { actor: unknown; result: string; before: unknown }[] }).nodes).toEqual([
      expect.objectContaining({ actor: null, result: 'UNAUTHENTICATED', before: null }),
    ]);
    expect(await asViewer(editor, { revision: 'draft-never' })).toEqual({
      data: { auditTrail: { totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false, endCursor: null }, nodes: [] } },
    });
  });

  it('reads several revisions\' pages asked for at once in one query', async () => {
    await appendEach(3, 'draft-a');
    await appendEach(2, 'draft-b');
    const log = newQueryLog();
    const counted = new QueryRunner(db, log);
    const result = await execute({
      schema,
      document: parse('{ a: auditTrail(revision: "draft-a") { totalCount } b: auditTrail(revision: "draft-b") { totalCount } }'),
      contextValue: { viewer: editor, loaders: createLoaders(counted, { batching: true }) },
    });
    expect(JSON.parse(JSON.stringify(result))).toEqual({ data: { a: { totalCount: 3 }, b: { totalCount: 2 } } });
    expect(log.statements.map((s) => s.name)).toEqual(['auditTrailsByRevision']);
  });
});
