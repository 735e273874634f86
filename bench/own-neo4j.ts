/**
 * What the editors' benchmarks share (bench/editing.ts, bench/diff.ts): the Code seeded into
 * a local Neo4j of their own in a temporary folder, removed afterwards; the editing commands
 * as an editor; and the figures of a list of timings.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../core/config.ts';
import { printLine } from '../core/log.ts';
import type { Viewer } from '../core/viewer.ts';
import { createDriver } from '../db/create-driver.ts';
import { provideNeo4j } from '../db/neo4j/provide-neo4j.ts';
import { QueryRunner, type Database } from '../db/run-query.ts';
import { editingCommands, type EditingCommands } from '../editing/commands.ts';
import { readerContext } from '../reader/read-provision.ts';
import { seedCode } from '../seed/index.ts';
import { loadCatalogue } from '../seed/load-catalogue.ts';

export const BENCH_EDITOR: Viewer = { subject: 'bench-editor', name: 'Bench Editor', roles: ['editor'], issuer: 'bench' };

export interface SeededBench {
  db: Database;
  runner: QueryRunner;
  /** The editing commands, as BENCH_EDITOR. */
  commands: EditingCommands;
  /** How the Neo4j was provided (local, or the server NEO4J_URI names). */
  mode: string;
}

/** Runs `work` on the Code seeded into a Neo4j of its own, then stops it and removes its folder. */
export async function withSeededNeo4j(name: string, work: (bench: SeededBench) => Promise<void>): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `care-code-graph-bench-${name}-`));
  const neo4j = await provideNeo4j(loadConfig().neo4j, { localDataDir: dataDir, localPort: 0, onProgress: printLine });
  const driver = createDriver(neo4j, { connectionTimeoutMs: 10_000 });
  const db = { driver, database: neo4j.database, timeoutMs: 120_000 };
  try {
    await seedCode(db);
    const runner = new QueryRunner(db);
    const reader = readerContext(loadCatalogue(path.join(PROJECT_ROOT, 'seed/data/catalogue.json')));
    await work({ db, runner, commands: editingCommands({ runner, viewer: BENCH_EDITOR, requestId: 'bench', reader }), mode: neo4j.mode });
  } finally {
    await driver.close();
    await neo4j.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;

/** "p50 … ms, p95 … ms, max … ms (n runs)" of a list of timings in milliseconds. */
export function timingFigures(times: readonly number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${(sorted[sorted.length - 1] ?? Number.NaN).toFixed(1)} ms (${sorted.length} runs)`;
}
