/**
 * `npm run bench`: the API's throughput and latency on the seeded Code (docs/architecture.md,
 * "Measuring"), side by side with the official peer. Prints figures; not a test.
 *
 *   npm run bench [-- --seconds 5 --warmup 2 --settle 120 --connections 10 --rounds 3 --only search]
 *
 * It starts its own Neo4j the way the tests do (NEO4J_URI if set, which it then reseeds like
 * the tests do, else Docker, else a local Neo4j in a throwaway folder), seeds the Code, and
 * starts in child processes the API twice, with DataLoader batching on and off, and the peer
 * (bench/serve-peer.ts: `@neo4j/graphql` 7.6 over the same graph, and a bare Apollo Server on
 * the same Express stack). For each workload it first checks that ours and the peer return
 * the same data (bench/equal-data.ts; it stops with the difference if not), then runs each
 * server as a closed loop over loopback HTTP (autocannon, `connections` clients) for
 * `seconds` in all, split into `rounds` rounds, interleaved and in a rotating order so none
 * gains by going first or last, and for `seconds` as equivalent hand-written Cypher through
 * the driver: the floor. Each server is first warmed up, unmeasured, for `warmup` / 2 seconds
 * (the JVM and Node compile hot paths), then ours and the peer (and bare Apollo) in turn,
 * window by window, until neither rises any more, for at most `settle` seconds
 * (bench/settle.ts): the Neo4j this run starts is cold, and warms over a minute of load.
 * The floor is warmed the same way, alone, before it is timed (its statement is new to Neo4j).
 * Our round trips per request come from the debug extension; the peer's are its root fields
 * (it compiles each into one Cypher statement).
 * Every request is a POST with the whole document: no response cache (ETag, persisted
 * queries, a CDN) answers any of them, on either side.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { GraphQLError, Kind, parse } from 'graphql';
import { seedCode } from '../seed/index.ts';
import { loadConfig } from '../core/config.ts';
import { createDriver } from '../db/create-driver.ts';
import { provideNeo4j, type ProvidedNeo4j } from '../db/neo4j/provide-neo4j.ts';
import { runCypherLoad } from './cypher-load.ts';
import { checkEqualData } from './equal-data.ts';
import { ratioTable, summarise, table, type Comparison, type LoadFigures, type Row, type Sample } from './figures.ts';
import { runHttpLoad } from './http-load.ts';
import { settle, settledLine, settleWithin } from './settle.ts';
import { startChild } from './start-child.ts';
import type { ServeAppOptions } from './serve-app.ts';
import { workloads, type GraphQLRequest } from './workloads.ts';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '2' },
    settle: { type: 'string', default: '120' },
    connections: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
    only: { type: 'string' },
  },
});
const seconds = Number(args.seconds);
const warmup = Number(args.warmup);
const settleSeconds = Number(args.settle);
const connections = Number(args.connections);
const rounds = Math.max(1, Number(args.rounds));
const log = (line: string): void => {
  process.stderr.write(`[bench] ${line}\n`);
};

/** Starts bench/serve-app.ts in its own process and resolves with its URL. */
function startServer(neo4j: ProvidedNeo4j, batching: boolean, debugQueries: boolean): Promise<{ url: string; child: ChildProcess }> {
  const options: ServeAppOptions = { uri: neo4j.uri, user: neo4j.user, password: neo4j.password, database: neo4j.database, batching, debugQueries };
  return startChild('serve-app.ts', options, `the API (batching ${batching ? 'on' : 'off'}${debugQueries ? ', counting round trips' : ''})`);
}

/** Starts bench/serve-peer.ts; resolves with its base URL (`/graphql` the peer, `/bare` bare Apollo). */
function startPeer(neo4j: ProvidedNeo4j): Promise<{ url: string; child: ChildProcess }> {
  return startChild('serve-peer.ts', { uri: neo4j.uri, user: neo4j.user, password: neo4j.password, database: neo4j.database }, 'the peer');
}

/** The peer's statements per request: one per root field (averaged over a workload's requests). */
function rootFields(requests: readonly GraphQLRequest[]): number {
  const counts = requests.map((request) =>
    parse(request.query).definitions.reduce((n, d) => n + (d.kind === Kind.OPERATION_DEFINITION ? d.selectionSet.selections.filter((f) => f.kind === Kind.FIELD && !f.name.value.startsWith('__')).length : 0), 0),
  );
  return counts.reduce((a, b) => a + b, 0) / Math.max(1, counts.length);
}

interface Probe {
  roundTrips: number;
  problems: string[];
}

/**
 * Sends each request of a workload once (a whole walk for chained ones) and averages its round
 * trips, after one unmeasured pass: the counting twin's first request also reads the published
 * revisions it then keeps (loaders/revision-cache.ts), which the timed instance's warm-up has read.
 */
async function probe(url: string, requests: readonly GraphQLRequest[]): Promise<Probe> {
  await walk(url, requests);
  return walk(url, requests);
}

async function walk(url: string, requests: readonly GraphQLRequest[]): Promise<Probe> {
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
    // The timed instances run as `npm start` does, without the debug extension (the peer has
    // nothing like it: it would add the statements' text to every answer); each has a twin
    // with it on, which the probes ask for round trips.
    const batched = await startServer(neo4j, true, false);
    const unbatched = await startServer(neo4j, false, false);
    const counting = { on: await startServer(neo4j, true, true), off: await startServer(neo4j, false, true) };
    const peer = await startPeer(neo4j);
    children.push(batched.child, unbatched.child, counting.on.child, counting.off.child, peer.child);
    log(`API with batching at ${batched.url}, without at ${unbatched.url}; the peer at ${peer.url}/graphql, bare Apollo at ${peer.url}/bare`);
    log(`${seconds} s per server in ${rounds} interleaved rounds, ${connections} connections`);

    const rows: Row[] = [];
    const comparisons: Comparison[] = [];
    for (const workload of workloads(revision)) {
      if (args.only !== undefined && !workload.name.includes(args.only)) continue;
      if (workload.peer.comparable.length > 0) {
        const { answers } = await checkEqualData(workload, batched.url, `${peer.url}/graphql`);
        log(`${workload.name}: ours and the peer return the same data (${answers} answers compared; ${workload.peer.equivalence})`);
      }
      const probes = { on: await probe(counting.on.url, workload.graphql), off: await probe(counting.off.url, workload.graphql) };
      for (const [batching, { problems }] of Object.entries(probes)) {
        if (problems.length > 0) log(`${workload.name} (batching ${batching}) answered errors: ${[...new Set(problems)].join('; ')}`);
      }
      interface Variant {
        name: string;
        url: string;
        requests: readonly GraphQLRequest[];
        roundTrips: number;
        samples: Sample[];
      }
      const variants: Variant[] = [
        { name: 'GraphQL, batching on', url: batched.url, requests: workload.graphql, roundTrips: probes.on.roundTrips, samples: [] },
        { name: 'peer: @neo4j/graphql 7.6', url: `${peer.url}/graphql`, requests: workload.peer.graphql, roundTrips: rootFields(workload.peer.graphql), samples: [] },
        { name: 'GraphQL, batching off', url: unbatched.url, requests: workload.graphql, roundTrips: probes.off.roundTrips, samples: [] },
      ];
      if (workload.name === '{ __typename }') {
        variants.push({ name: 'bare Apollo Server, same Express', url: `${peer.url}/bare`, requests: workload.graphql, roundTrips: 0, samples: [] });
      }
      const load = (variant: Variant, duration: number): Promise<Sample> => runHttpLoad({ url: variant.url, requests: variant.requests, seconds: duration, connections });
      log(`${workload.name}: ${variants.map((v) => v.name).join(', ')}, ${rounds} rounds`);
      if (warmup > 0) for (const variant of variants) await load(variant, warmup / 2);
      // Then ours and the peer until neither rises any more (bench/settle.ts): the Neo4j started
      // for this run is cold, and its JVM warms over the first minute of each workload's statements.
      if (settleSeconds > 0) {
        const warming = variants.filter((variant) => variant.name !== 'GraphQL, batching off');
        const settled = await settle(
          warming.map((variant) => ({ name: variant.name, load: (duration: number) => load(variant, duration) })),
          settleWithin(settleSeconds),
        );
        log(`${workload.name}: ${settledLine(settled)}`);
      }
      // Each round runs every server once, the order rotated by one each round, so none gains by its place.
      for (let round = 0; round < rounds; round += 1) {
        for (let i = 0; i < variants.length; i += 1) {
          const variant = variants[(i + round) % variants.length];
          if (variant !== undefined) variant.samples.push(await load(variant, seconds / rounds));
        }
      }
      const figures = new Map<string, LoadFigures>();
      for (const variant of variants) {
        figures.set(variant.name, summarise(...variant.samples));
        rows.push({ workload: workload.name, variant: variant.name, figures: summarise(...variant.samples), roundTrips: variant.roundTrips });
      }
      const ours = figures.get('GraphQL, batching on');
      const theirs = figures.get('peer: @neo4j/graphql 7.6');
      const bare = figures.get('bare Apollo Server, same Express');
      if (ours !== undefined && theirs !== undefined) comparisons.push({ workload: workload.name, against: 'the peer', equivalence: workload.peer.equivalence, ours, theirs });
      if (ours !== undefined && bare !== undefined) comparisons.push({ workload: workload.name, against: 'bare Apollo', equivalence: 'same answer, no database', ours, theirs: bare });

      log(`${workload.name}: Cypher through the driver`);
      const onError = (name: string, error: unknown): void => {
        // The executor masks driver errors as INTERNAL_SERVER_ERROR and keeps the driver's in extensions.cause.
        const cause = error instanceof GraphQLError && error.extensions['cause'] instanceof Error ? error.extensions['cause'].message : '';
        log(`${name} failed: ${error instanceof Error ? error.message : 'unknown error'} ${cause}`);
      };
      const floorLoad = (duration: number): Promise<Sample> => runCypherLoad({ db, requests: workload.cypher, seconds: duration, connections }, onError);
      if (warmup > 0) await floorLoad(warmup);
      // The floor's statement is new to Neo4j: warmed as the servers were, so it is not timed while its plan compiles.
      if (settleSeconds > 0) log(`${workload.name}: the floor ${settledLine(await settle([{ name: 'Cypher (the floor)', load: floorLoad }], settleWithin(settleSeconds)))}`);
      const floor = await floorLoad(seconds);
      rows.push({ workload: workload.name, variant: 'Cypher (the floor)', figures: summarise(floor), roundTrips: null });
    }
    process.stdout.write(
      `\ncare-code-graph API benchmark: ${seconds} s closed loop per row after ${warmup} s of warm-up and up to ${settleSeconds} s until steady, ${connections} connections, loopback, ` +
        `Neo4j ${neo4j.mode}, Node ${process.version}, ${os.cpus().length} cores\n\n${table(rows)}\n\n` +
        `Ours (batching on) against the peer, in the same run (${rounds} interleaved rounds; POSTs, no response cache on either side):\n\n${ratioTable(comparisons)}\n`,
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
