import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../core/config.ts';
import { javaAndMavenAvailable, LocalNeo4jError, startLocalNeo4j } from '../../db/neo4j/local-neo4j.ts';
import { processAlive } from '../support/service-process.ts';

const canRunLocalNeo4j = await javaAndMavenAvailable();
const scratch = mkdtempSync(path.join(os.tmpdir(), 'care-code-graph-local-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function run(uri: string, cypher: string): Promise<unknown[]> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', 'any-password'), { disableLosslessIntegers: true });
  try {
    const { records } = await driver.executeQuery(cypher, {}, { database: 'neo4j' });
    return records.map((record) => record.toObject());
  } finally {
    await driver.close();
  }
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!processAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return !processAlive(pid);
}

describe.runIf(canRunLocalNeo4j)('the local Neo4j (db/neo4j/launcher/, Java)', () => {
  it('keeps its data when stopped and started again on the same folder', async () => {
    const dataDir = path.join(scratch, 'restart');
    const first = await startLocalNeo4j({ dataDir });
    expect(first.uri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
    await run(first.uri, "CREATE (:Marker {name: 'kept across restarts'})");
    await first.stop();
    expect(processAlive(first.pid)).toBe(false);

    const second = await startLocalNeo4j({ dataDir });
    try {
      expect(await run(second.uri, 'MATCH (m:Marker) RETURN m.name AS name')).toEqual([{ name: 'kept across restarts' }]);
      expect(await run(second.uri, 'CALL dbms.components() YIELD versions, edition RETURN versions[0] STARTS WITH "5.26" AS lts, edition')).toEqual([
        { lts: true, edition: 'community' },
      ]);
    } finally {
      await second.stop();
    }
    expect(processAlive(second.pid)).toBe(false);
  }, 300_000);

  it('refuses a second start on a folder that is in use, and leaves the first one working', async () => {
    const dataDir = path.join(scratch, 'in-use');
    const first = await startLocalNeo4j({ dataDir });
    try {
      const error = await startLocalNeo4j({ dataDir }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(LocalNeo4jError);
      expect((error as LocalNeo4jError).code).toBe('DATA_DIR_IN_USE');
      expect((error as LocalNeo4jError).message).toBe(
        `Cannot start local Neo4j: the data folder ${dataDir} is already used by another running Neo4j. ` +
          'Stop the other service, or set NEO4J_DATA_DIR to another folder.',
      );
      expect(await run(first.uri, 'RETURN 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await first.stop();
    }
  }, 300_000);

  it('stops its JVM when the parent process is killed with SIGKILL (no orphan)', async () => {
    const dataDir = path.join(scratch, 'orphan');
    const parent = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'test/support/local-neo4j-child.ts'), dataDir], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const ready = await new Promise<string>((resolve, reject) => {
      let out = '';
      parent.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const line = /READY (\d+) (\S+)/.exec(out);
        if (line?.[1] !== undefined) resolve(line[1]);
      });
      parent.once('exit', (code) => reject(new Error(`parent exited early (${String(code)}): ${out}`)));
    });
    const jvm = Number(ready);
    const aliveBeforeKill = processAlive(jvm);
    // Kill first, assert after, so a failed assertion never leaves the parent running.
    parent.kill('SIGKILL');
    expect(aliveBeforeKill).toBe(true);
    expect(await waitUntilGone(jvm, 60_000)).toBe(true);

    // The folder was released cleanly: a new start on it works.
    const again = await startLocalNeo4j({ dataDir });
    await again.stop();
  }, 300_000);
});
