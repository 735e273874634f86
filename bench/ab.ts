/**
 * This tree's API against another checkout's, on the same seeded Neo4j, in the same run:
 *
 *   npx tsx bench/ab.ts --against <dir of another checkout> [--only provision] [--seconds 4] [--rounds 3] [--connections 10] [--settle 80]
 *
 * For measuring a change on a noisy machine (docs/architecture.md, "Looking ahead", was measured
 * so): both APIs (batching on) and the hand-written Cypher floor load each workload of
 * bench/workloads.ts in turn, `rounds` times in the order before, after, floor, floor, after,
 * before, `seconds` each, after a warm-up and then both sides in turn until neither rises any
 * more (at most `settle` seconds, bench/settle.ts), so none gains by its place; the figures pool each
 * side's samples. It prints each side's figures and round trips per request, the ratio of
 * their requests per second, and how far each p50 is from the floor's. Load goes to 127.0.0.1
 * only and every run stops after its seconds. Prints figures; not a test.
 */
import type { ChildProcess } from 'node:child_process';
import { startChild, type BenchChild } from './start-child.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, PROJECT_ROOT } from '../core/config.ts';
import { createDriver } from '../db/create-driver.ts';
import { provideNeo4j, type ProvidedNeo4j } from '../db/neo4j/provide-neo4j.ts';
import { seedCode } from '../seed/index.ts';
import { runCypherLoad } from './cypher-load.ts';
import { summarise, table, type Row, type Sample } from './figures.ts';
import { runHttpLoad } from './http-load.ts';
import { settle, settledLine, settleWithin } from './settle.ts';
import type { ServeAppOptions } from './serve-app.ts';
import { workloads, type GraphQLRequest } from './workloads.ts';

const { values: args } = parseArgs({
  options: {
    against: { type: 'string' },
    only: { type: 'string' },
    seconds: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '2' },
    settle: { type: 'string', default: '80' },
    connections: { type: 'string', default: '10' },
  },
});
if (args.against === undefined) throw new Error('--against must name the folder of another checkout of this project, such as a worktree of main');
const against = path.resolve(args.against);
const [seconds, rounds, warmup, connections] = [Number(args.seconds), Number(args.rounds), Number(args.warmup), Number(args.connections)];
const settleSeconds = Number(args.settle);
const log = (line: string): void => {
  process.stderr.write(`[ab] ${line}\n`);
};

/** Starts a checkout's bench/serve-app.ts (batching on) and resolves with its URL. */
async function serve(root: string, neo4j: ProvidedNeo4j): Promise<BenchChild> {
  const options: ServeAppOptions = { uri: neo4j.uri, user: neo4j.user, password: neo4j.password, database: neo4j.database, batching: true };
  return startChild('serve-app.ts', options, `the API of ${root}`, root);
}

/** The round trips of one request of each kind, once the revisions are kept (the second answer). */
async function roundTrips(url: string, requests: readonly GraphQLRequest[]): Promise<number> {
  const counts: number[] = [];
  for (const request of requests) {
    for (let turn = 0; turn < 2; turn += 1) {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: request.query, variables: request.variables({}) }) });
      const body = (await response.json()) as { errors?: { message: string }[]; extensions?: { queries?: { roundTrips: number } } };
      if (body.errors !== undefined) log(`errors: ${body.errors.map((e) => e.message).join('; ')}`);
      if (turn === 1) counts.push(body.extensions?.queries?.roundTrips ?? Number.NaN);
    }
  }
  return counts.reduce((a, b) => a + b, 0) / counts.length;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'care-code-graph-ab-'));
  const neo4j = await provideNeo4j(config.neo4j, { localDataDir: dataDir, localPort: 0, onProgress: log });
  const driver = createDriver(neo4j, { connectionTimeoutMs: 10_000 });
  const db = { driver, database: neo4j.database, timeoutMs: 30_000 };
  const children: ChildProcess[] = [];
  try {
    const { revision } = await seedCode(db);
    const before = await serve(against, neo4j);
    children.push(before.child);
    const after = await serve(PROJECT_ROOT, neo4j);
    children.push(after.child);
    log(`before: ${against} at ${before.url}; after: ${PROJECT_ROOT} at ${after.url}`);
    const rows: Row[] = [];
    const notes: string[] = [];
    for (const workload of workloads(revision)) {
      if (args.only !== undefined && !workload.name.includes(args.only)) continue;
      if (args.only === undefined && workload.name.startsWith('mix')) continue;
      const http = (url: string, duration: number) => runHttpLoad({ url, requests: workload.graphql, seconds: duration, connections });
      const cypher = (duration: number) => runCypherLoad({ db, requests: workload.cypher, seconds: duration, connections });
      const trips = { before: await roundTrips(before.url, workload.graphql), after: await roundTrips(after.url, workload.graphql) };
      log(`${workload.name}: warming up, then ${rounds} rounds of before, after, floor, floor, after, before`);
      await http(before.url, warmup);
      await http(after.url, warmup);
      await cypher(warmup);
      if (settleSeconds > 0) {
        const settled = await settle(
          [
            { name: 'before', load: (duration: number) => http(before.url, duration) },
            { name: 'after', load: (duration: number) => http(after.url, duration) },
          ],
          settleWithin(settleSeconds),
        );
        log(`${workload.name}: ${settledLine(settled)}`);
      }
      const samples: Record<'before' | 'after' | 'floor', Sample[]> = { before: [], after: [], floor: [] };
      for (let round = 0; round < rounds; round += 1) {
        samples.before.push(await http(before.url, seconds / 2));
        samples.after.push(await http(after.url, seconds / 2));
        samples.floor.push(await cypher(seconds));
        samples.after.push(await http(after.url, seconds / 2));
        samples.before.push(await http(before.url, seconds / 2));
      }
      const figures = { before: summarise(...samples.before), after: summarise(...samples.after), floor: summarise(...samples.floor) };
      rows.push({ workload: workload.name, variant: 'before', figures: figures.before, roundTrips: trips.before });
      rows.push({ workload: workload.name, variant: 'after', figures: figures.after, roundTrips: trips.after });
      rows.push({ workload: workload.name, variant: 'Cypher (the floor)', figures: figures.floor, roundTrips: null });
      notes.push(
        `${workload.name}: after/before ${(figures.after.requestsPerSecond / figures.before.requestsPerSecond).toFixed(2)}× req/s; ` +
          `p50 above the floor's: before +${(figures.before.p50 - figures.floor.p50).toFixed(2)} ms, after +${(figures.after.p50 - figures.floor.p50).toFixed(2)} ms`,
      );
    }
    process.stdout.write(
      `\nbefore (${against}) and after (${PROJECT_ROOT}): ${rounds} rounds of ${seconds} s per side, ${connections} connections, loopback, ` +
        `Neo4j ${neo4j.mode}, Node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n\n${table(rows)}\n\n${notes.join('\n')}\n`,
    );
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await driver.close();
    await neo4j.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
