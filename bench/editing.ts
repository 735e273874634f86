/**
 * How long editors wait (issue 9): `tsx bench/editing.ts [edits]` seeds the Code into a Neo4j
 * of its own, times createDraft of the whole Code (three times, each into a new draft), then
 * `edits` updateProvision calls (default 100) on one draft, each re-reading one clause,
 * through the same commands the GraphQL mutations call (editing/commands.ts), and prints
 * p50/p95. Server-side times: no HTTP. Not a test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../core/config.ts';
import { printLine } from '../core/log.ts';
import type { Viewer } from '../core/viewer.ts';
import { createDriver } from '../db/create-driver.ts';
import { provideNeo4j } from '../db/neo4j/provide-neo4j.ts';
import { QueryRunner } from '../db/run-query.ts';
import { editingCommands } from '../editing/commands.ts';
import { readerContext } from '../reader/read-provision.ts';
import { seedCode } from '../seed/index.ts';
import { loadCatalogue } from '../seed/load-catalogue.ts';

const edits = Number(process.argv[2] ?? 100);
const EDITOR: Viewer = { subject: 'bench-editor', name: 'Bench Editor', roles: ['editor'], issuer: 'bench' };

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
const figures = (times: number[]): string => {
  const sorted = [...times].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${(sorted[sorted.length - 1] ?? Number.NaN).toFixed(1)} ms (${sorted.length} runs)`;
};

async function time<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'care-code-graph-bench-editing-'));
const neo4j = await provideNeo4j(loadConfig().neo4j, { localDataDir: dataDir, localPort: 0, onProgress: printLine });
const driver = createDriver(neo4j, { connectionTimeoutMs: 10_000 });
const db = { driver, database: neo4j.database, timeoutMs: 120_000 };
try {
  await seedCode(db);
  const runner = new QueryRunner(db);
  const commands = editingCommands({ runner, viewer: EDITOR, requestId: 'bench', reader: readerContext(loadCatalogue(path.join(PROJECT_ROOT, 'seed/data/catalogue.json'))) });

  const drafts: number[] = [];
  for (const n of [1, 2, 3]) drafts.push((await time(() => commands.createDraft({ key: `draft-bench-${n}` })))[1]);

  const clauses = (await runner.read<{ key: string; text: string }>('bench.clauses', "MATCH (p:Clause {revision: 'draft-bench-1'}) RETURN p.key AS key, p.text AS text ORDER BY p.order")).filter(
    (c) => !c.text.includes('[^'),
  );
  const updates: number[] = [];
  let version = 1;
  for (let i = 0; i < edits; i += 1) {
    const clause = clauses[i % clauses.length];
    if (clause === undefined) break;
    const text = i % 2 === 0 ? clause.text.replace(/\bshould\b/, 'must') : clause.text.replace(/\bmust\b/, 'should');
    const [updated, ms] = await time(() => commands.updateProvision({ revision: 'draft-bench-1', key: clause.key, text, expectedVersion: version }));
    version = updated.version;
    updates.push(ms);
  }
  process.stdout.write(`createDraft of the whole Code: ${figures(drafts)}\n`);
  process.stdout.write(`updateProvision, one clause re-read and rewritten: ${figures(updates)}\n`);
} finally {
  await driver.close();
  await neo4j.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
