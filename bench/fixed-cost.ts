/**
 * The fixed cost of a request (issue 12, item 2): `{ __typename }`, which touches no database,
 * on this API and on a bare Apollo Server with a one-field schema, both on the same HTTP stack
 * (bench/serve-fixed-cost.ts), each in its own process, loaded in the same run, interleaved and
 * repeated so that none gains from the machine's mood: each round runs every side in turn, the
 * next in the opposite order; short rounds, many of them, so that a minute in which the machine
 * is slower falls on every side alike. Prints req/s and p50/p95 per side and ours ÷ bare.
 * Prints figures; not a test.
 *
 *   npx tsx bench/fixed-cost.ts [--rounds 12 --seconds 2 --warmup 2 --connections 10] [--layers] [--neo4j '<json>']
 *
 * `--layers` also serves the bare Apollo Server on this API's HTTP server (server/http-server.ts,
 * whose requests are made with Express's prototypes: like for like), then on that server with
 * each other layer of this API added alone (its Apollo Server and context; the request log; the
 * security headers; the rate limit: bench/serve-fixed-cost.ts), and with all of them together,
 * which should come to ours; each row is also divided by the like-for-like side's requests per
 * second: where the difference between ours and bare goes.
 *
 * It needs a Neo4j the way the tests do (NEO4J_URI, Docker, or a local one in a throwaway
 * folder), or the one `--neo4j '{"uri":...,"user":...,"password":...,"database":...}'` names:
 * our side opens its driver as `npm start` does, though `{ __typename }` sends it nothing. Load goes to 127.0.0.1 only, and every run stops after its seconds.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig, PROJECT_ROOT } from '../core/config.ts';
import { provideNeo4j } from '../db/neo4j/provide-neo4j.ts';
import { summarise, type LoadFigures, type Sample } from './figures.ts';
import { runHttpLoad } from './http-load.ts';
import type { ServeAppOptions } from './serve-app.ts';

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '12' },
    seconds: { type: 'string', default: '2' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '10' },
    layers: { type: 'boolean', default: false },
    neo4j: { type: 'string' },
  },
});
const rounds = Number(args.rounds);
const seconds = Number(args.seconds);
const warmup = Number(args.warmup);
const connections = Number(args.connections);
const log = (line: string): void => {
  process.stderr.write(`[fixed-cost] ${line}\n`);
};

/** A server to load: ours, bare, or bare with one layer of ours (bench/serve-fixed-cost.ts). */
interface Side {
  label: string;
  side: 'ours' | 'bare';
  layers?: string;
}

const SIDES: readonly Side[] = [
  { label: 'ours', side: 'ours' },
  { label: 'bare', side: 'bare' },
  ...(args.layers
    ? ([
        { label: 'like for like: bare on our HTTP server', side: 'bare', layers: 'http-server' },
        { label: 'like for like + our Apollo Server and context', side: 'bare', layers: 'http-server,apollo' },
        { label: 'like for like + request id and log', side: 'bare', layers: 'http-server,request-log' },
        { label: 'like for like + security headers', side: 'bare', layers: 'http-server,security-headers' },
        { label: 'like for like + rate limit', side: 'bare', layers: 'http-server,rate-limit' },
        { label: 'like for like + all four', side: 'bare', layers: 'http-server,apollo,request-log,security-headers,rate-limit' },
      ] satisfies Side[])
    : []),
];

async function serve({ label, side, layers }: Side, options: ServeAppOptions): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'bench', 'serve-fixed-cost.ts'), side, JSON.stringify(options), layers ?? ''], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    // Both sides as they run in production (server/start.ts).
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const lines = createInterface({ input: child.stdout ?? process.stdin });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the server of ${label} exited with ${code}`)));
    lines.on('line', (line) => {
      if (line.startsWith('READY ')) resolve(line.slice('READY '.length));
    });
  });
  return { url, child };
}

const TYPENAME = [{ query: '{ __typename }', variables: () => ({}) }];
const load = (url: string, time: number): Promise<Sample> => runHttpLoad({ url, requests: TYPENAME, seconds: time, connections });
const width = Math.max(...SIDES.map((side) => side.label.length)) + 5;
const row = (label: string, figures: LoadFigures): string =>
  `${label.padEnd(width)} ${figures.requestsPerSecond.toFixed(0).padStart(7)} req/s   p50 ${figures.p50.toFixed(2).padStart(6)} ms   p95 ${figures.p95.toFixed(2).padStart(6)} ms   errors ${figures.errors}`;

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'care-code-graph-bench-fixed-cost-'));
const given = args.neo4j === undefined ? undefined : (JSON.parse(args.neo4j) as Omit<ServeAppOptions, 'batching'>);
const neo4j =
  given === undefined
    ? await provideNeo4j(loadConfig().neo4j, { localDataDir: dataDir, localPort: 0, onProgress: log })
    : { ...given, description: `the Neo4j at ${given.uri}`, stop: () => Promise.resolve() };
const servers: ChildProcess[] = [];
try {
  const options: ServeAppOptions = { uri: neo4j.uri, user: neo4j.user, password: neo4j.password, database: neo4j.database, batching: true };
  const served = [];
  for (const side of SIDES) {
    const server = await serve(side, options);
    servers.push(server.child);
    served.push({ ...side, url: server.url, samples: [] as Sample[] });
  }
  for (const side of served) await load(side.url, warmup);
  for (let round = 1; round <= rounds; round += 1) {
    log(`round ${round} of ${rounds}`);
    for (const side of round % 2 === 1 ? served : [...served].reverse()) side.samples.push(await load(side.url, seconds));
  }
  const figures = served.map((side) => ({ ...side, all: summarise(...side.samples) }));
  // The order of SIDES: ours, bare, then (with --layers) bare on our HTTP server first.
  const [ours, bare, likeForLike] = figures;
  if (ours === undefined || bare === undefined) throw new Error('ours and bare are always served');
  const ratio = (side: { all: LoadFigures }, to: { all: LoadFigures } = bare): string => (side.all.requestsPerSecond / to.all.requestsPerSecond).toFixed(2);
  process.stdout.write(`\n{ __typename }, ${connections} connections, ${rounds} rounds × ${seconds} s per side, interleaved (${neo4j.description})\n\n`);
  process.stdout.write(`${figures.map((side) => `${row(side.label, side.all)}   ÷ bare ${ratio(side)}${likeForLike === undefined ? '' : `   ÷ like for like ${ratio(side, likeForLike)}`}`).join('\n')}\n`);
  process.stdout.write(`\nours ÷ bare: ${ratio(ours)}× the requests per second (target: at least 0.90)\n`);
  if (likeForLike !== undefined) process.stdout.write(`ours ÷ bare on our HTTP server (like for like): ${ratio(ours, likeForLike)}×\n`);
} finally {
  for (const child of servers) child.kill('SIGTERM');
  await neo4j.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
