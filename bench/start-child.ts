/**
 * A bench server in its own process (so the load generator has its own event loop):
 * `bench/<script>` of a checkout (this one by default), given its options as JSON, resolving
 * with the URL it prints on its `READY <url>` line. The benchmark scripts share it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { PROJECT_ROOT } from '../core/config.ts';

export interface BenchChild {
  url: string;
  child: ChildProcess;
}

export async function startChild(script: string, options: object, what: string, root: string = PROJECT_ROOT): Promise<BenchChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench', script), JSON.stringify(options)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    // Every server as it runs in production (server/start.ts), ours and the peer alike.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const lines = createInterface({ input: child.stdout ?? process.stdin });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${what} exited with ${code}`)));
    lines.on('line', (line) => {
      if (line.startsWith('READY ')) resolve(line.slice('READY '.length));
    });
  });
  return { url, child };
}
