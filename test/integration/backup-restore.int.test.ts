/**
 * Backup and restore, and the hash of a revision, on the real Neo4j with the seeded Code
 * (db/revision-hash.ts, db/graph-backup.ts, db/backup-format.ts, server/cli/backup.ts,
 * server/cli/restore.ts): seed, then back up, wipe (data and schema), restore, and get the
 * same revision hashes, the same audit trail, every property of every type as it was, and
 * the same answers to the API's questions; a second backup of the restored graph is the same
 * bytes. A restore refuses a database that is not empty and a file that is not a backup.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBackup, serialiseBackup } from '../../db/backup-format.ts';
import { dumpGraph } from '../../db/graph-backup.ts';
import { GRAPH_SCHEMA, readSchemaState } from '../../db/graph-schema.ts';
import { revisionHash } from '../../db/revision-hash.ts';
import { QueryRunner } from '../../db/run-query.ts';
import { typedProperties } from '../../db/typed-values.ts';
import { describeVerdict } from '../../domain/audit-chain.ts';
import { recordRefusal, verifyAuditChain } from '../../editing/audit.ts';
import { seedCode } from '../../seed/index.ts';
import { runCli } from '../support/run-cli.ts';
import { connectTestDatabase, startTestServer, type TestDatabase } from '../support/test-neo4j.ts';

let db: TestDatabase;
let runner: QueryRunner;
const scratch = mkdtempSync(path.join(os.tmpdir(), 'care-code-graph-backup-'));
const FIXED = '2026-12-01T09:00:00.000Z';

beforeAll(async () => {
  db = connectTestDatabase();
  runner = new QueryRunner(db);
  await runner.write('test.reset', 'MATCH (n) DETACH DELETE n');
  await seedCode(db);
}, 180_000);

afterAll(async () => {
  await db.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** The questions whose answers must survive a backup and a restore, exactly. */
const QUESTIONS = [
  `{ obligation(key: "1.53/1") { key text modality force trace { position kind relation key title url } legalBasis { relation location provision { label url } } } }`,
  `{ obligations(filter: { appliesTo: "local-health-board", force: REQUIREMENT }, first: 100) { totalCount nodes { key text provision { label } appliesTo(body: "local-health-board") { reason explanation } } } }`,
  `{ instrument(key: "ukpga/2010/15") { title url citedByObligations(first: 100) { totalCount nodes { key modality text } } provisions { label url } } }`,
  `{ search(text: "workforce data", first: 10) { totalCount nodes { kind score item { __typename ... on Obligation { key } ... on Provision { key } } } } }`,
  `{ revisions { key status inForceFrom } provisions(first: 100) { totalCount nodes { key title } } }`,
];

async function answers(): Promise<string[]> {
  const server = await startTestServer();
  try {
    const out: string[] = [];
    for (const query of QUESTIONS) {
      const body = await server.graphql(query);
      expect(body.errors).toBeUndefined();
      out.push(JSON.stringify(body.data));
    }
    return out;
  } finally {
    await server.close();
  }
}

/** A node and a relationship holding a property of every type Neo4j stores. */
const PROBE = `
MATCH (b:Body {key: 'provider'})
CREATE (p:Probe:Typed {key: 'every-type', d: date('2024-09-01'), dt: datetime('2024-09-01T10:00:00.123456789[Europe/London]'),
        dto: datetime('2024-09-01T10:00:00+02:00'),
        late: datetime('2024-10-27T01:30:00+00:00[Europe/London]'), ldt: localdatetime('2024-01-01T00:00:01.5'), t: time('10:00:00+01:00'),
        lt: localtime('23:59:59.000000001'), dur: duration('P1Y2M3DT4.5S'), p3: point({x: 1.5, y: 2, z: 3}),
        geo: point({latitude: 51.5, longitude: -3.2}), big: 9007199254740993, neg: -42, one: 1.0, nan: 0.0 / 0.0, inf: -1.0 / 0.0,
        ints: [1, 2, 3], floats: [1.5, 2.0], texts: ['a', 'b'], flags: [true, false], days: [date('2024-01-01')], none: [],
        bytes: $bytes, yes: true, text: 'Line one\nline "two" – Cymraeg: ŵ ŷ'})
CREATE (p)-[:PROBES {since: date('2020-02-29'), weight: 2, ratio: 0.5}]->(b)`;

const PROBE_STATE = `
MATCH (p:Probe)-[r:PROBES]->(b)
RETURN labels(p) AS labels, ${typedProperties('p')} AS node, ${typedProperties('r')} AS relationship, b.key AS to`;

async function probeState(): Promise<unknown> {
  const [row] = await runner.read<{ node: { key: string }[]; relationship: { key: string }[] }>('test.probe', PROBE_STATE);
  const byKey = (list: { key: string }[] | undefined) => [...(list ?? [])].sort((a, b) => (a.key < b.key ? -1 : 1));
  return { ...row, node: byKey(row?.node), relationship: byKey(row?.relationship) };
}

async function wipeDataAndSchema(): Promise<void> {
  await runner.write('test.wipe', 'MATCH (n) DETACH DELETE n');
  for (const row of await runner.read<{ name: string }>('test.constraints', 'SHOW CONSTRAINTS YIELD name RETURN name')) {
    await runner.write('test.dropConstraint', `DROP CONSTRAINT \`${row.name}\``);
  }
  for (const row of await runner.read<{ name: string }>('test.indexes', "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name")) {
    await runner.write('test.dropIndex', `DROP INDEX \`${row.name}\``);
  }
}

describe('revisionHash', () => {
  it('hashes the seeded Code quickly, the same when seeded again, whatever the audit says of it', async () => {
    const cold = Date.now();
    const first = await revisionHash(runner, '2024-09-01');
    const coldMs = Date.now() - cold;
    const warm = Date.now();
    expect(await revisionHash(runner, '2024-09-01')).toBe(first);
    const warmMs = Date.now() - warm;
    process.stderr.write(`[backup-restore] revisionHash of 2024-09-01: ${coldMs} ms the first time (query planning), ${warmMs} ms after\n`);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(warmMs).toBeLessThan(1500);
    await seedCode(db);
    expect(await revisionHash(runner, '2024-09-01')).toBe(first);
    await recordRefusal(runner, { actor: null, action: 'updateProvision', target: { revision: '2024-09-01', key: '1.53' }, before: null, after: { refused: 'published' }, result: 'REVISION_PUBLISHED', requestId: 'r-1' });
    expect(await revisionHash(runner, '2024-09-01')).toBe(first);
    expect(await revisionHash(runner, 'draft-2024-03-19')).not.toBe(first);
  }, 120_000);

  it('changes with one character of one obligation, and comes back with it', async () => {
    const before = await revisionHash(runner, '2024-09-01');
    await runner.write('test.edit', "MATCH (o:Obligation {uid: '2024-09-01|1.53/1'}) SET o.text = o.text + ' '");
    expect(await revisionHash(runner, '2024-09-01')).not.toBe(before);
    await runner.write('test.edit', "MATCH (o:Obligation {uid: '2024-09-01|1.53/1'}) SET o.text = substring(o.text, 0, size(o.text) - 1)");
    expect(await revisionHash(runner, '2024-09-01')).toBe(before);
  });

  it('answers NOT_FOUND for a revision the graph does not hold', async () => {
    await expect(revisionHash(runner, 'draft-2099')).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });
});

describe('npm run backup and npm run restore', () => {
  it('backs up the seeded Code, restores it into an emptied database and gets everything back', async () => {
    // A fresh seed into fresh indexes: full-text scores (BM25) count the documents an index
    // ever held until Lucene merges them away, so an index that lived through other files'
    // deletions scores the same hits a little differently from the restore's new index.
    await wipeDataAndSchema();
    await seedCode(db);
    await recordRefusal(runner, { actor: { subject: 'u-ann', name: 'Ann Editor' }, action: 'createDraft', target: { revision: 'draft-2026', key: null }, before: null, after: { refused: 'taken' }, result: 'BAD_USER_INPUT', requestId: 'r-2' });
    await runner.write('test.probe', PROBE, { bytes: new Int8Array([0, 1, -1, 127, -128]) });
    const hashes = { '2024-09-01': await revisionHash(runner, '2024-09-01'), 'draft-2024-03-19': await revisionHash(runner, 'draft-2024-03-19') };
    const probe = await probeState();
    const asked = await answers();
    const canonicalBefore = serialiseBackup(buildBackup(await dumpGraph(runner), FIXED));
    const trail = await verifyAuditChain(runner);
    expect(trail).toMatchObject({ ok: true, problems: [] });

    const file = path.join(scratch, 'backups', 'code.json');
    const backup = await runCli('backup', [file]);
    expect(backup.code).toBe(0);
    process.stderr.write(`[backup-restore] npm run backup: ${backup.ms} ms in all; ${backup.stderr.trim()}\n`);
    const written = readFileSync(file, 'utf8');
    const header = JSON.parse(written) as { format: string; version: number; createdAt: string; counts: { nodes: number }; revisionHashes: Record<string, string> };
    expect({ format: header.format, version: header.version, revisionHashes: header.revisionHashes }).toEqual({ format: 'care-code-graph-backup', version: 1, revisionHashes: hashes });
    expect(written).toBe(canonicalBefore.replace(`"createdAt":"${FIXED}"`, `"createdAt":"${header.createdAt}"`));

    const refused = await runCli('restore', [file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      new RegExp(`is not empty: it holds ${header.counts.nodes} nodes\\. npm run restore loads a backup only into an empty database, so that nothing in it is overwritten or mixed in\\. Empty it first:`),
    );
    expect(refused.stderr).not.toMatch(/\n\s+at /);

    await wipeDataAndSchema();
    expect((await readSchemaState(runner)).missing).toEqual(GRAPH_SCHEMA.map((item) => item.name));
    const restore = await runCli('restore', [file]);
    process.stderr.write(`[backup-restore] npm run restore: ${restore.ms} ms in all; ${restore.stderr.trim()}\n`);
    expect(restore.code).toBe(0);
    expect(restore.stderr).toContain(`every revision's hash matches the backup (2024-09-01, draft-2024-03-19). ${describeVerdict(trail)}`);

    expect(await readSchemaState(runner)).toEqual({ missing: [], notOnline: [], outdated: [] });
    expect({ '2024-09-01': await revisionHash(runner, '2024-09-01'), 'draft-2024-03-19': await revisionHash(runner, 'draft-2024-03-19') }).toEqual(hashes);
    expect(await verifyAuditChain(runner)).toEqual(trail);
    expect(await probeState()).toEqual(probe);
    expect(await answers()).toEqual(asked);
    expect(serialiseBackup(buildBackup(await dumpGraph(runner), FIXED))).toBe(canonicalBefore);

    const again = path.join(scratch, 'again.json');
    expect((await runCli('backup', [again])).code).toBe(0);
    const second = readFileSync(again, 'utf8');
    const secondCreated = (JSON.parse(second) as { createdAt: string }).createdAt;
    expect(second).toBe(written.replace(`"createdAt":"${header.createdAt}"`, `"createdAt":"${secondCreated}"`));
  }, 600_000);

  it('refuses a file of another format or version, or an edited one, in one sentence and with no stack', async () => {
    const other = path.join(scratch, 'other.json');
    writeFileSync(other, JSON.stringify({ format: 'neo4j-admin-dump', version: 1 }));
    const wrongFormat = await runCli('restore', [other]);
    expect(wrongFormat.code).toBe(1);
    expect(wrongFormat.stderr).toMatch(/other\.json is not a backup of care-code-graph: its "format" is "neo4j-admin-dump", not "care-code-graph-backup"\. Make one with npm run backup -- <file>; a backup begins \{"format":"care-code-graph-backup","version":1,/);
    writeFileSync(other, JSON.stringify({ format: 'care-code-graph-backup', version: 7 }));
    const wrongVersion = await runCli('restore', [other]);
    expect(wrongVersion.stderr).toMatch(/other\.json is a care-code-graph backup of version 7; this release reads version 1 only\./);
    const missing = await runCli('restore', [path.join(scratch, 'nothing.json')]);
    expect(missing.stderr).toMatch(/There is no file .*nothing\.json\. usage: npm run restore -- <file>, such as npm run restore -- backups\//);
    const usage = await runCli('backup', []);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/Name the file to write\. usage: npm run backup -- <file>, such as npm run backup -- backups\/care-code-graph-2026-12-01\.json/);
    for (const run of [wrongFormat, wrongVersion, missing, usage]) expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});
