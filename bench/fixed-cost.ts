/**
 * The fixed cost of a request (issue 12, item 2): `{ __typename }`, which touches no database,
 * on this API and on a bare Apollo Server with a one-field schema, both on the same HTTP stack
 * (bench/serve-fixed-cost.ts), each in its own process, loaded in the same run, interleaved and
 * repeated so that neither gains from the machine's mood: each round runs ours then bare, the
 * next bare then ours. Prints req/s and p50/p95 per round and overall, and ours ÷ bare.
 * Prints figures; not a test.
 *
 *   npx tsx bench/fixed-cost.ts [--rounds 3 --seconds 5 --warmup 2 --connections 10] [--neo4j '<json>']
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
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '10' },
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

type Side = 'ours' | 'bare';

async function serve(side: Side, options: ServeAppOptions): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'bench', 'serve-fixed-cost.ts'), side, JSON.stringify(options)], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    // Both sides as they run in production (server/start.ts).
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const lines = createInterface({ input: child.stdout ?? process.stdin });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the ${side} server exited with ${code}`)));
    lines.on('line', (line) => {
      if (line.startsWith('READY ')) resolve(line.slice('READY '.length));
    });
  });
  return { url, child };
}

const TYPENAME = [{ query: '{ __typename }', variables: () => ({}) }];
const load = (url: string, time: number): Promise<Sample> => runHttpLoad({ url, requests: TYPENAME, seconds: time, connections });
const row = (label: string, figures: LoadFigures): string =>
  `${label.padEnd(12)} ${figures.requestsPerSecond.toFixed(0).padStart(7)} req/s   p50 ${figures.p50.toFixed(2).padStart(6)} ms   p95 ${figures.p95.toFixed(2).padStart(6)} ms   errors ${figures.errors}`;

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'care-code-graph-bench-fixed-cost-'));
const given = args.neo4j === undefined ? undefined : (JSON.parse(args.neo4j) as Omit<ServeAppOptions, 'batching'>);
const neo4j =
  given === undefined
    ? await provideNeo4j(loadConfig().neo4j, { localDataDir: dataDir, localPort: 0, onProgress: log })
    : { ...given, description: `the Neo4j at ${given.uri}`, stop: () => Promise.resolve() };
const servers: ChildProcess[] = [];
try {
  const options: ServeAppOptions = { uri: neo4j.uri, user: neo4j.user, password: neo4j.password, database: neo4j.database, batching: true };
  const ours = await serve('ours', options);
  const bare = await serve('bare', options);
  servers.push(ours.child, bare.child);
  const urls: Record<Side, string> = { ours: ours.url, bare: bare.url };
  const samples: Record<Side, Sample[]> = { ours: [], bare: [] };
  for (const side of ['ours', 'bare'] as const) await load(urls[side], warmup);
  const lines: string[] = [];
  for (let round = 1; round <= rounds; round += 1) {
    const order: Side[] = round % 2 === 1 ? ['ours', 'bare'] : ['bare', 'ours'];
    for (const side of order) {
      log(`round ${round}: ${side}`);
      const sample = await load(urls[side], seconds);
      samples[side].push(sample);
      lines.push(row(`${side} r${round}`, summarise(sample)));
    }
  }
  const oursAll = summarise(...samples.ours);
  const bareAll = summarise(...samples.bare);
  process.stdout.write(`\n{ __typename }, ${connections} connections, ${rounds} rounds × ${seconds} s per side, interleaved (${neo4j.description})\n\n`);
  process.stdout.write(`${lines.join('\n')}\n\n${row('ours', oursAll)}\n${row('bare', bareAll)}\n`);
  process.stdout.write(`\nours ÷ bare: ${(oursAll.requestsPerSecond / bareAll.requestsPerSecond).toFixed(2)}× the requests per second (target: at least 0.90)\n`);
} finally {
  for (const child of servers) child.kill('SIGTERM');
  await neo4j.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
