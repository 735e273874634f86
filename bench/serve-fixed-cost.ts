/**
 * One side of bench/fixed-cost.ts, in its own process: `tsx bench/serve-fixed-cost.ts ours
 * '<json>'` serves this API as `npm start` does (every limit, check, log line and header on;
 * DEBUG_QUERIES off, the rate limit set high enough to measure the API rather than the limit),
 * and `tsx bench/serve-fixed-cost.ts bare` serves a bare Apollo Server with a one-field schema
 * on the same HTTP stack (node:http, Express 5, express.json, @as-integrations/express5).
 * Prints `READY <url>` once it listens; stops on SIGTERM. Not a test.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { createDriver } from '../db/create-driver.ts';
import { startApp } from '../server/app.ts';
import type { ServeAppOptions } from './serve-app.ts';

/** The bare side: Apollo Server's defaults, one field, nothing of ours. */
async function startBare(): Promise<{ url: string; stop(): Promise<void> }> {
  const apollo = new ApolloServer({ typeDefs: 'type Query { hello: String }', resolvers: { Query: { hello: () => 'world' } } });
  await apollo.start();
  const app = express();
  app.use('/graphql', express.json(), expressMiddleware(apollo));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    stop: async () => {
      await apollo.stop();
      server.close();
    },
  };
}

async function startOurs(options: ServeAppOptions): Promise<{ url: string; stop(): Promise<void> }> {
  const driver = createDriver(options, { connectionTimeoutMs: 10_000 });
  const app = await startApp({
    config: { host: '127.0.0.1', port: 0, bodyLimit: '100kb', debugQueries: false, rateLimit: { max: 1_000_000_000, windowMs: 60_000 } },
    db: { driver, database: options.database, timeoutMs: 30_000 },
  });
  return { url: app.url, stop: () => app.stop().then(() => driver.close()) };
}

const side = process.argv[2];
const served = side === 'bare' ? await startBare() : side === 'ours' ? await startOurs(JSON.parse(process.argv[3] ?? '{}') as ServeAppOptions) : undefined;
if (served === undefined) throw new Error(`Name the side to serve: ours '<json>' or bare; got ${side ?? 'nothing'}`);
process.stdout.write(`READY ${served.url}\n`);
process.once('SIGTERM', () => {
  void served.stop().then(() => process.exit(0));
});
