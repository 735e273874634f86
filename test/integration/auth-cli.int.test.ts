/**
 * `npm run user` and `npm run token` (server/cli/) work the same whether or not `npm start`
 * runs on the same local data folder: alone, each starts the local Neo4j and stops it; beside
 * a running service, each attaches to its Neo4j (db/neo4j/provide-neo4j.ts, the bolt file).
 * A token made before the service started verifies on it (the key is kept in Neo4j), and the
 * refusals are one sentence each.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../core/config.ts';
import { javaAndMavenAvailable } from '../../db/neo4j/local-neo4j.ts';
import { killStrayServices, spawnService } from '../support/service-process.ts';

const canRunLocalNeo4j = await javaAndMavenAvailable();
const scratch = mkdtempSync(path.join(os.tmpdir(), 'care-code-graph-auth-cli-'));
afterEach(() => killStrayServices());
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run --silent <script> -- <args>` with exactly `env` on top of PATH and HOME, feeding `input` to stdin. */
function npmRun(script: string, args: string[], env: Record<string, string>, input?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', script, '--', ...args], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

async function viewerAt(url: string, token: string): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ viewer { name roles } }' }) });
  return ((await response.json()) as { data?: unknown }).data;
}

describe('npm run user and npm run token', () => {
  it('refuse bad roles, a missing command and an AUTH_ISSUER with one sentence, before touching any database', async () => {
    const env = { NEO4J_MODE: 'local', NEO4J_DATA_DIR: path.join(scratch, 'unused') };
    const roles = await npmRun('user', ['add', 'ann', '--roles', 'editor,boss'], env);
    expect(roles.code).toBe(2);
    expect(roles.stderr).toContain('Unknown role "boss": the roles are editor, reviewer, publisher, such as --roles editor,reviewer.');
    const none = await npmRun('user', [], env);
    expect([none.code, none.stderr.includes('Give a command: add, list or remove.')]).toEqual([2, true]);
    const external = await npmRun('token', ['ann'], { ...env, AUTH_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0', AUTH_AUDIENCE: 'api://app' });
    expect(external.code).toBe(1);
    expect(external.stderr).toContain('AUTH_ISSUER is set (https://login.microsoftonline.com/tenant/v2.0), so access tokens come from that identity provider, not from npm run token');
    expect(`${roles.stderr}${none.stderr}${external.stderr}`).not.toMatch(/\n\s+at /);
  });

  it.runIf(canRunLocalNeo4j)(
    'add an account and print a token with and without npm start running on the same data folder',
    async () => {
      const port = await freePort();
      const env = { NEO4J_MODE: 'local', NEO4J_DATA_DIR: path.join(scratch, 'data'), NEO4J_LOCAL_PORT: '0', PORT: String(port), SEED_ON_START: 'false' };

      // Alone: each command starts the local Neo4j, does its work, and stops it.
      const added = await npmRun('user', ['add', 'carol', '--roles', 'editor,reviewer', '--display-name', 'Carol Evans'], env, 'a long enough password\n');
      expect(added.stderr).toContain('Created the account carol (Carol Evans) with the roles editor, reviewer.');
      expect([added.code, added.stdout]).toEqual([0, '']);
      const alone = await npmRun('token', ['carol'], env);
      expect(alone.code).toBe(0);
      expect(alone.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
      expect(alone.stderr).toContain(`An access token for carol (roles editor, reviewer), valid 600 s, from http://127.0.0.1:${port}/oidc.`);

      // Beside npm start: they attach to its Neo4j.
      const service = spawnService(env);
      const [, url] = await service.waitFor(/care-code-graph ready at (http:\S+)/);
      const graphql = url ?? '';
      // A token made before the service started verifies: the signing key lives in Neo4j.
      expect(await viewerAt(graphql, alone.stdout.trim())).toEqual({ viewer: { name: 'Carol Evans', roles: ['EDITOR', 'REVIEWER'] } });

      const generated = await npmRun('user', ['add', 'dave', '--roles', 'publisher'], env);
      expect(generated.code).toBe(0);
      expect(generated.stderr).toMatch(/already running on .*data/);
      expect(generated.stdout).toMatch(/^Password for dave \(shown only now; keep it safe\): [\w-]{24}\n$/);
      const beside = await npmRun('token', ['dave'], env);
      expect(beside.code).toBe(0);
      expect(await viewerAt(graphql, beside.stdout.trim())).toEqual({ viewer: { name: 'dave', roles: ['PUBLISHER'] } });

      const taken = await npmRun('user', ['add', 'carol', '--roles', 'editor'], env, 'another long password\n');
      expect(taken.code).toBe(1);
      expect(taken.stderr).toContain('The username "carol" is taken; choose another, or remove it first with npm run user -- remove carol.');
      const unknown = await npmRun('token', ['erin'], env);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('There is no account "erin"; npm run user -- list shows them, npm run user -- add erin --roles editor creates it.');
      const list = await npmRun('user', ['list'], env);
      expect(list.stdout.split('\n').map((line) => line.split('\t').slice(0, 3).join(' '))).toEqual(['carol editor,reviewer Carol Evans', 'dave publisher dave', '']);
      const removed = await npmRun('user', ['remove', 'dave'], env);
      expect([removed.code, (await npmRun('token', ['dave'], env)).code]).toEqual([0, 1]);

      service.child.kill('SIGTERM');
      expect(await service.exited).toBe(0);
    },
    420_000,
  );
});
