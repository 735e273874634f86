/**
 * `npx tsx bench/scale.ts`: how cost grows with the corpus (bench/README.md). Prints figures;
 * not a test.
 *
 *   npx tsx bench/scale.ts [--scales 1,10,100 --seconds 3 --warmup 1 --settle 60 --connections 10 --only trace]
 *
 * It starts its own Neo4j the way `npm run bench` does, seeds the Code, and for each scale
 * writes the synthetic corpus of bench/scale-corpus.ts (k revisions of the Code, and one
 * revision with k times its provisions and obligations), starts the API afresh (batching on,
 * in a child process) and runs each workload as a closed loop over loopback HTTP for
 * `seconds`, and as its hand-written Cypher through the driver (the floor), twice: on the
 * revision in force today (the Code, whose size stays the same: only the corpus around it
 * grows) and pinned by key to the large revision (at 1× that is the Code itself). Before the
 * first scale's cells, the mix of every workload, over HTTP and as the floor's Cypher, warms
 * until steady (bench/settle.ts, at most `settle` seconds): the Neo4j it has just started is
 * cold, and its first cells would time the JVM compiling them. It prints
 * p50/p95 and req/s at each scale, and our round trips per request; then the database hits
 * (`PROFILE`) of the statements our API sends for these workloads, at each scale: unlike
 * latency on a shared machine, those do not vary from run to run, and say which statement
 * grows with what.
 */
import type { ChildProcess } from 'node:child_process';
import { startChild, type BenchChild } from './start-child.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../core/config.ts';
import { createDriver } from '../db/create-driver.ts';
import { provideNeo4j, type ProvidedNeo4j } from '../db/neo4j/provide-neo4j.ts';
import type { Driver } from 'neo4j-driver';
import { LEGAL_EVENTS } from '../core/vocabulary.ts';
import { ALL_REVISIONS } from '../loaders/revision.ts';
import { readSeedInput, seedCode } from '../seed/index.ts';
import { runCypherLoad } from './cypher-load.ts';
import { plannedStatement } from './planned-statements.ts';
import { walk } from './equal-data.ts';
import { summarise, type LoadFigures } from './figures.ts';
import { runHttpLoad } from './http-load.ts';
import { settle, settledLine, settleWithin } from './settle.ts';
import { LARGE_REVISION, writeScaledCorpus, type ScaleReport } from './scale-corpus.ts';
import type { ServeAppOptions } from './serve-app.ts';
import { workloads, type GraphQLRequest, type Workload } from './workloads.ts';

const { values: args } = parseArgs({
  options: {
    scales: { type: 'string', default: '1,10,100' },
    seconds: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '1' },
    settle: { type: 'string', default: '60' },
    connections: { type: 'string', default: '10' },
    only: { type: 'string' },
  },
});
const scales = args.scales.split(',').map(Number);
const seconds = Number(args.seconds);
const warmup = Number(args.warmup);
const settleSeconds = Number(args.settle);
const connections = Number(args.connections);
const log = (line: string): void => {
  process.stderr.write(`[scale] ${line}\n`);
};

async function startServer(neo4j: ProvidedNeo4j): Promise<BenchChild> {
  const options: ServeAppOptions = { uri: neo4j.uri, user: neo4j.user, password: neo4j.password, database: neo4j.database, batching: true };
  return startChild('serve-app.ts', options, 'the API');
}

/** Our round trips per request, from the debug extension (one walk of each request). */
async function roundTrips(url: string, requests: readonly GraphQLRequest[]): Promise<number> {
  const counts: number[] = [];
  for (const request of requests) {
    const context: Record<string, unknown> = {};
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: request.query, variables: request.variables(context) }),
    });
    const body = (await response.json()) as { errors?: { message: string }[]; extensions?: { queries?: { roundTrips: number } } };
    if (body.errors !== undefined) throw new Error(`the API answered errors: ${body.errors.map((e) => e.message).join('; ')}`);
    counts.push(body.extensions?.queries?.roundTrips ?? Number.NaN);
  }
  return counts.reduce((a, b) => a + b, 0) / counts.length;
}

/** A statement the API sends (the loaders' own Cypher), to PROFILE at each scale. */
interface Statement {
  name: string;
  cypher: string;
  params: Record<string, unknown>;
}

/**
 * What the API sends for each workload on `revision`: the statement it plans from the
 * workload's document (bench/planned-statements.ts), and `allRevisions`, which finds the
 * revision in force when the published revisions are not kept.
 */
function statementsOf(revision: string): Statement[] {
  const planned = workloads(revision).flatMap((workload) => {
    const [request] = workload.graphql;
    if (workload.name.startsWith('mix')) return [];
    const statement = request === undefined ? null : plannedStatement(request.query, request.variables({}), revision);
    return statement === null ? [] : [{ cypher: statement.cypher, params: statement.params, name: workload.name }];
  });
  return [{ name: 'allRevisions (when the cache is empty)', cypher: ALL_REVISIONS, params: { legalEvents: LEGAL_EVENTS, which: 'all' } }, ...planned];
}

interface ProfiledPlan {
  dbHits: number;
  rows: number;
  children: ProfiledPlan[];
}
const dbHitsOf = (plan: ProfiledPlan): number => plan.dbHits + plan.children.reduce((total, child) => total + dbHitsOf(child), 0);

/** Total database hits of one run of the statement (PROFILE), and the rows it returned. */
async function profile(driver: Driver, database: string, statement: Statement): Promise<{ dbHits: number; rows: number }> {
  const result = await driver.executeQuery(`PROFILE ${statement.cypher}`, statement.params, { database });
  const plan = result.summary.profile;
  return { dbHits: plan === false ? Number.NaN : dbHitsOf(plan), rows: result.records.length };
}

interface Cell {
  api: LoadFigures;
  floor: LoadFigures;
  roundTrips: number;
}

const ms = (value: number): string => (Number.isNaN(value) ? '-' : value < 10 ? value.toFixed(2) : value.toFixed(1));
const cellText = (figures: LoadFigures | undefined): string =>
  figures === undefined ? '-' : `${ms(figures.p50)} / ${ms(figures.p95)} (${figures.requestsPerSecond.toFixed(0)}/s${figures.errors > 0 ? `, ${figures.errors} errors` : ''})`;

function scaleTable(keys: readonly string[], cells: Map<string, Map<number, Cell>>): string {
  const header = ['workload', 'side', ...scales.map((s) => `${s}×: p50 / p95 ms (req/s)`), 'round trips'];
  const lines: string[][] = [];
  for (const key of keys) {
    const byScale = cells.get(key);
    const trips = scales.map((s) => byScale?.get(s)?.roundTrips).filter((t): t is number => t !== undefined);
    lines.push([key, 'GraphQL', ...scales.map((s) => cellText(byScale?.get(s)?.api)), [...new Set(trips.map((t) => t.toFixed(t % 1 === 0 ? 0 : 1)))].join(' → ')]);
    lines.push(['', 'Cypher floor', ...scales.map((s) => cellText(byScale?.get(s)?.floor)), '1']);
  }
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)));
  const format = (cells: readonly string[]): string =>
    cells.map((cell, column) => (column < 2 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ').trimEnd();
  return [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(format)].join('\n');
}

function profileTable(profiled: Map<string, Map<number, { dbHits: number; rows: number }>>): string {
  const header = ['statement', ...scales.map((s) => `${s}×: db hits (rows)`)];
  const lines = [...profiled.entries()].map(([name, byScale]) => [
    name,
    ...scales.map((s) => {
      const p = byScale.get(s);
      return p === undefined ? '-' : `${p.dbHits} (${p.rows})`;
    }),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)));
  const format = (cells: readonly string[]): string => cells.map((cell, column) => (column < 1 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  return [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(format)].join('\n');
}

async function main(): Promise<void> {
  const config = loadConfig();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'care-code-graph-scale-'));
  const neo4j = await provideNeo4j(config.neo4j, { localDataDir: dataDir, localPort: 0, onProgress: log });
  const driver = createDriver(neo4j, { connectionTimeoutMs: 10_000 });
  const db = { driver, database: neo4j.database, timeoutMs: 600_000 };
  const reports: ScaleReport[] = [];
  const keys: string[] = [];
  const cells = new Map<string, Map<number, Cell>>();
  const profiled = new Map<string, Map<number, { dbHits: number; rows: number }>>();
  let server: { url: string; child: ChildProcess } | null = null;
  try {
    log(`seeding the Code into ${neo4j.description}`);
    const { revision } = await seedCode(db);
    const input = readSeedInput();
    for (const scale of scales) {
      log(`writing the corpus at ${scale}×`);
      const report = await writeScaledCorpus(db, scale, input, log);
      reports.push(report);
      log(`${scale}×: ${report.revisions} revisions with text, ${report.provisions} provisions, ${report.obligations} obligations (${report.seconds.toFixed(0)} s)`);
      server = await startServer(neo4j);
      const mix = workloads(revision).find((workload) => workload.name.startsWith('mix'));
      if (scale === scales[0] && settleSeconds > 0 && mix !== undefined) {
        const url = server.url;
        const settled = await settle(
          [
            { name: 'GraphQL', load: (duration: number) => runHttpLoad({ url, requests: mix.graphql, seconds: duration, connections }) },
            { name: 'Cypher floor', load: (duration: number) => runCypherLoad({ db, requests: mix.cypher, seconds: duration, connections }) },
          ],
          settleWithin(settleSeconds),
        );
        log(`the mix, before the first cell: ${settledLine(settled)}`);
      }
      const large = scale > 1 ? LARGE_REVISION : revision;
      const sets: [string, Workload[]][] = [
        ['in force', workloads(revision)],
        [`large revision`, workloads(large, { pinned: true })],
      ];
      for (const [where, list] of sets) {
        for (const workload of list) {
          if (workload.name.startsWith('mix') || (where !== 'in force' && workload.name === '{ __typename }')) continue;
          if (args.only !== undefined && !workload.name.includes(args.only)) continue;
          const key = `${workload.name}, ${where}`;
          if (!keys.includes(key)) keys.push(key);
          // Every request answers without errors before it is timed (a chain walked to its end).
          for (const request of workload.graphql) await walk(server.url, request, workload.checkTurns ?? 1);
          const trips = await roundTrips(server.url, workload.graphql);
          log(`${scale}× ${key}`);
          if (warmup > 0) await runHttpLoad({ url: server.url, requests: workload.graphql, seconds: warmup, connections });
          const api = summarise(await runHttpLoad({ url: server.url, requests: workload.graphql, seconds, connections }));
          if (warmup > 0) await runCypherLoad({ db, requests: workload.cypher, seconds: warmup, connections });
          const floor = summarise(await runCypherLoad({ db, requests: workload.cypher, seconds, connections }));
          const byScale = cells.get(key) ?? new Map<number, Cell>();
          byScale.set(scale, { api, floor, roundTrips: trips });
          cells.set(key, byScale);
        }
      }
      server.child.kill('SIGTERM');
      server = null;
      for (const [where, key] of [['in force', revision], ['large revision', large]] as const) {
        for (const statement of statementsOf(key)) {
          const name = `${statement.name}, ${where}`;
          if (!profiled.has(name)) profiled.set(name, new Map());
          profiled.get(name)?.set(scale, await profile(driver, neo4j.database, statement));
        }
      }
      // What is measured so far, in case a larger scale fails.
      log(`so far:\n${scaleTable(keys, cells)}\n\n${profileTable(profiled)}`);
    }
    const corpus = reports
      .map((r) => `${r.scale}×: ${r.revisions} revisions with text, ${r.provisions} provisions, ${r.obligations} obligations; the large revision ${r.scale > 1 ? `${LARGE_REVISION}, ${r.largeProvisions} provisions and ${r.largeObligations} obligations` : `is the Code, ${revision}`}`)
      .join('\n');
    process.stdout.write(
      `\ncare-code-graph at scale: ${seconds} s closed loop per cell after ${warmup} s of warm-up (and the mix until steady, up to ${settleSeconds} s, before the first scale), ${connections} connections, loopback, ` +
        `Neo4j ${neo4j.mode}, Node ${process.version}, ${os.cpus().length} cores, ${new Date().toISOString().slice(0, 10)}\n${corpus}\n\n${scaleTable(keys, cells)}\n\n` +
        `Database hits of our statements (PROFILE, one run each; rows returned):\n\n${profileTable(profiled)}\n`,
    );
  } finally {
    server?.child.kill('SIGTERM');
    await driver.close();
    await neo4j.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
