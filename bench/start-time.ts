/**
 * Times `npm start` from launch to the first answer of `{ __typename }` over HTTP, and reads
 * the resident memory of the local Neo4j's JVM once the service is ready (and seeded).
 * Prints one line per run. Not a test.
 *
 *   npx tsx bench/start-time.ts [runs=2]
 *
 * The first run on a fresh clone with an empty Maven cache is the cold start (artifacts
 * download, launcher builds, database seeds); later runs are warm. For a cold run without
 * touching ~/.m2, clone the repository and run it with MAVEN_OPTS=-Dmaven.repo.local=<empty dir>.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../core/config.ts';

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 'NaN');
  return Math.round(kib / 1024);
}

async function once(run: number): Promise<void> {
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: '0', NEO4J_MODE: 'local' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const ready = new Promise<{ url: string; pid: number }>((resolve, reject) => {
    const check = (chunk: Buffer): void => {
      output += chunk.toString();
      const url = /care-code-graph ready at (http:\S+)/.exec(output)?.[1];
      const pid = /\(Java, pid (\d+)\)/.exec(output)?.[1];
      if (url !== undefined && pid !== undefined) resolve({ url, pid: Number(pid) });
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    child.once('exit', (code) => reject(new Error(`npm start exited (${String(code)}):\n${output}`)));
  });
  const { url, pid } = await ready;
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
  const body: unknown = await response.json();
  const seconds = (performance.now() - started) / 1000;
  const rss = rssMiB(pid);
  const downloaded = /(\d+) artifacts downloaded; later starts/.exec(output)?.[1] ?? '0';
  const seeded = output.includes('Seeded revision');
  process.stdout.write(
    `run ${run}: first answer after ${seconds.toFixed(1)} s (${JSON.stringify(body)}); JVM resident memory ${rss} MiB; ` +
      `Maven downloads ${downloaded}; seeded on start: ${seeded ? 'yes' : 'no'}\n`,
  );
  if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  // The service has stopped when its JVM has gone, not just npm.
  while (existsSync(`/proc/${pid}`)) await new Promise((resolve) => setTimeout(resolve, 100));
}

const runs = Number(process.argv[2] ?? '2');
process.stdout.write(`npm start in ${path.resolve(PROJECT_ROOT)} (NEO4J_MODE=local, data in NEO4J_DATA_DIR or .data/neo4j)\n`);
for (let run = 1; run <= runs; run += 1) await once(run);
