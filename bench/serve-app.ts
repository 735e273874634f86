/**
 * The API under load, in its own process so the load generator does not share its event
 * loop: `tsx bench/serve-app.ts '<json>'` with the Neo4j to use and whether DataLoader
 * batching is on. Prints `READY <url>` once it listens; stops on SIGTERM. Not a test.
 */
import { startApp } from '../server/app.ts';
import { createDriver } from '../db/create-driver.ts';

export interface ServeAppOptions {
  uri: string;
  user: string;
  password: string;
  database: string;
  batching: boolean;
  /**
   * Whether each response reports its Neo4j round trips in `extensions.queries` (default on).
   * `npm run bench` loads an instance with it off, as the peer has nothing like it, and counts
   * round trips on another with it on.
   */
  debugQueries?: boolean;
}

const options = JSON.parse(process.argv[2] ?? '{}') as ServeAppOptions;
const driver = createDriver(options, { connectionTimeoutMs: 10_000 });
const app = await startApp({
  // Debug extensions on unless told otherwise: the benchmarks read each operation's round trips
  // from them. The rate limit stays on, set high enough that one client's closed loop measures
  // the API, not the limit.
  config: { host: '127.0.0.1', port: 0, bodyLimit: '100kb', debugQueries: options.debugQueries ?? true, rateLimit: { max: 1_000_000_000, windowMs: 60_000 } },
  db: { driver, database: options.database, timeoutMs: 30_000 },
  batching: options.batching,
});
process.stdout.write(`READY ${app.url}\n`);
process.once('SIGTERM', () => {
  void app
    .stop()
    .then(() => driver.close())
    .then(() => process.exit(0));
});
