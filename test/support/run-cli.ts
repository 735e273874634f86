/**
 * Runs one of the command-line tools of server/cli/ as a person would (`npm run audit`,
 * `backup`, `restore` are tsx on these files), against the run's Neo4j (NEO4J_URI and its
 * credentials from test/global-setup.ts), and gives back its exit code and what it printed.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { inject } from 'vitest';
import { PROJECT_ROOT } from '../../core/config.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

export function runCli(script: 'audit' | 'backup' | 'restore', args: string[]): Promise<CliRun> {
  const neo4j = inject('neo4j');
  const env: NodeJS.ProcessEnv = { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password || 'unused', NEO4J_DATABASE: neo4j.database };
  for (const name of ['NEO4J_MODE', 'NEO4J_DATA_DIR', 'NEO4J_LOCAL_PORT']) delete env[name];
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'),
      [path.join(PROJECT_ROOT, 'server', 'cli', `${script}.ts`), ...args],
      { cwd: PROJECT_ROOT, env, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr, ms: Date.now() - started });
      },
    );
  });
}
