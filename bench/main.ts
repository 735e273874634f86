/**
 * `npm run bench`: the API's throughput and latency on the seeded Code (docs/architecture.md,
 * "Measuring"). Prints figures; not a test.
 *
 *   npm run bench [-- --seconds 5 --warmup 2 --connections 10 --only search]
 *
 * It starts its own Neo4j the way the tests do (NEO4J_URI if set, which it then reseeds like
 * the tests do, else Docker, else a local Neo4j in a throwaway folder), seeds the Code, and
 * starts the API twice in child processes, with DataLoader batching on and off. Each workload
 * then runs as a closed loop over loopback HTTP (autocannon, `connections` clients) for
 * `seconds` per server, split in halves run in the order on, off, off, on so neither gains by
 * going second, and for `seconds` as equivalent hand-written Cypher through the driver: the
 * floor. Each run is preceded by an unmeasured warm-up of `warmup` seconds (the JVM and
 * Node compile hot paths). Round trips per request come from the debug extension.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { GraphQLError } from 'graphql';
import { seedCode } from '../seed/index.ts';
import { loadConfig, PROJECT_ROOT } from '../core/config.ts';
import { createDriver } from '../db/create-driver.ts';
import { provideNeo4j, type ProvidedNeo4j } from '../db/neo4j/provide-neo4j.ts';
import { runCypherLoad } from './cypher-load.ts';
import { summarise, table, type Row, type Sample } from './figures.ts';
import { runHttpLoad } from './http-load.ts';
import type { ServeAppOptions } from './serve-app.ts';
import { workloads, type GraphQLRequest } from './workloads.ts';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '10' },
    only: { type: 'string' },
  },
});
const seconds = Number(args.seconds);
const warmup = Number(args.warmup);
const connections = Number(args.connections);
const log = (line: string): void => {
  process.stderr.write(`[bench] ${line}\n`);
};

/** Starts bench/serve-app.ts in its own process and resolves with its URL. */
async function startServer(neo4j: ProvidedNeo4j, batching: boolean): Promise<{ url: string; child: ChildProcess }> {
  const options: ServeAppOptions = { uri: neo4j.uri, user: neo4j.user, password: neo4j.password, database: neo4j.database, batching };
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'bench', 'serve-app.ts'), JSON.stringify(options)], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout ?? process.stdin });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the API (batching ${batching ? 'on' : 'off'}) exited with ${code}`)));
    lines.on('line', (line) => {
      if (line.startsWith('READY ')) resolve(line.slice('READY '.length));
    });
  });
  return { url, child };
}

interface Probe {
  roundTrips: number;
  problems: string[];
}

/** Sends each request of a workload once (a whole walk for chained ones) and averages its round trips. */
async function probe(url: string, requests: readonly GraphQLRequest[]): Promise<Probe> {
  const counts: number[] = [];
  const problems: string[] = [];
  for (const request of requests) {
    const context: Record<string, unknown> = {};
    for (let page = 0; page < 100; page += 1) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: request.query, variables: request.variables(context) }),
      });
      const body = (await response.json()) as { data?: unknown; errors?: { message: string }[]; extensions?: { queries?: { roundTrips: number } } };
      if (body.errors !== undefined) problems.push(...body.errors.map((e) => e.message));
      counts.push(body.extensions?.queries?.roundTrips ?? Number.NaN);
      request.after?.(body.data, context);
      if (request.after === undefined || context['after'] === null) break;
    }
  }
  return { roundTrips: counts.reduce((a, b) => a + b, 0) / counts.length, problems };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'care-code-graph-bench-'));
  const neo4j = await provideNeo4j(config.neo4j, { localDataDir: dataDir, localPort: 0, onProgress: log });
  const driver = createDriver(neo4j, { connectionTimeoutMs: 10_000 });
  const db = { driver, database: neo4j.database, timeoutMs: 30_000 };
  const children: ChildProcess[] = [];
  try {
    log(`seeding the Code into ${neo4j.description}`);
    const { revision } = await seedCode(db);
    const batched = await startServer(neo4j, true);
    const unbatched = await startServer(neo4j, false);
    children.push(batched.child, unbatched.child);
    log(`API with batching at ${batched.url}, without at ${unbatched.url}; ${seconds} s per run, ${connections} connections`);

    const rows: Row[] = [];
    const servers = { on: batched.url, off: unbatched.url };
    for (const workload of workloads(revision)) {
      if (args.only !== undefined && !workload.name.includes(args.only)) continue;
      const load = (batching: 'on' | 'off', duration: number): Promise<Sample> =>
        runHttpLoad({ url: servers[batching], requests: workload.graphql, seconds: duration, connections });
      const probes = { on: await probe(servers.on, workload.graphql), off: await probe(servers.off, workload.graphql) };
      for (const [batching, { problems }] of Object.entries(probes)) {
        if (problems.length > 0) log(`${workload.name} (batching ${batching}) answered errors: ${[...new Set(problems)].join('; ')}`);
      }
      log(`${workload.name}: GraphQL with batching on and off, in the order on, off, off, on`);
      if (warmup > 0) {
        await load('on', warmup / 2);
        await load('off', warmup / 2);
      }
      // Half the time each, in the order A B B A, so neither variant gains by going second.
      const samples = { on: [await load('on', seconds / 2)], off: [await load('off', seconds / 2)] };
      samples.off.push(await load('off', seconds / 2));
      samples.on.push(await load('on', seconds / 2));
      rows.push({ workload: workload.name, variant: 'GraphQL, batching on', figures: summarise(...samples.on), roundTrips: probes.on.roundTrips });
      rows.push({ workload: workload.name, variant: 'GraphQL, batching off', figures: summarise(...samples.off), roundTrips: probes.off.roundTrips });

      log(`${workload.name}: Cypher through the driver`);
      const onError = (name: string, error: unknown): void => {
        // The executor masks driver errors as INTERNAL_SERVER_ERROR and keeps the driver's in extensions.cause.
        const cause = error instanceof GraphQLError && error.extensions['cause'] instanceof Error ? error.extensions['cause'].message : '';
        log(`${name} failed: ${error instanceof Error ? error.message : 'unknown error'} ${cause}`);
      };
      if (warmup > 0) await runCypherLoad({ db, requests: workload.cypher, seconds: warmup, connections }, onError);
      const floor = await runCypherLoad({ db, requests: workload.cypher, seconds, connections }, onError);
      rows.push({ workload: workload.name, variant: 'Cypher (the floor)', figures: summarise(floor), roundTrips: null });
    }
    process.stdout.write(
      `\ncare-code-graph API benchmark: ${seconds} s closed loop per row after ${warmup} s of warm-up, ${connections} connections, loopback, ` +
        `Neo4j ${neo4j.mode}, Node ${process.version}, ${os.cpus().length} cores\n\n${table(rows)}\n`,
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
