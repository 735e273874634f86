/**
 * One side of bench/fixed-cost.ts, in its own process: `tsx bench/serve-fixed-cost.ts ours
 * '<json>'` serves this API as `npm start` does (every limit, check and header on; DEBUG_QUERIES
 * off, the rate limit set high enough to measure the API rather than the limit), but logging at
 * warn as every side of the benchmark does: the request log watches each response, and its line
 * per request (info) is not written. `tsx bench/serve-fixed-cost.ts bare '<json>' [layers]` serves a bare Apollo Server with a
 * one-field schema on the same HTTP stack (node:http, Express 5, express.json,
 * @as-integrations/express5), with none of ours or with some of the layers of this API added
 * (comma-separated, each the service's own code, as server/app.ts puts it together):
 *
 * - `http-server`: requests and responses made with Express's prototypes (server/http-server.ts),
 *   where the bare side uses `http.createServer(app)` as Apollo Server's Express guide does;
 * - `apollo`: the service's Apollo Server (createApollo: its schema, compiled execution, limits
 *   and plugins) and its per-request context in place of the bare one;
 * - `request-log`: the request id and the request log, at warn (server/request-log.ts);
 * - `security-headers`: helmet's headers (server/security-headers.ts);
 * - `rate-limit`: the rate limit and its headers (server/rate-limit.ts).
 *
 * Prints `READY <url>` once it listens; stops on SIGTERM. Not a test.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { DEFAULT_LIMITS, DEFAULT_OPERATION_TIMEOUT_MS } from '../core/config.ts';
import { createLogger } from '../core/log.ts';
import { createDriver } from '../db/create-driver.ts';
import { createApollo, requestIdOf, SECURITY_HEADERS, serviceReader, startApp } from '../server/app.ts';
import { createContext, type Context } from '../server/context.ts';
import { rateLimiter } from '../server/rate-limit.ts';
import { requestLog } from '../server/request-log.ts';
import { securityHeaders } from '../server/security-headers.ts';
import { createExpressServer } from '../server/http-server.ts';
import { buildSchema } from '../server/schema.ts';
import type { ServeAppOptions } from './serve-app.ts';

/** The layers of this API that the bare side can be given, one at a time (see above). */
const LAYERS = ['http-server', 'apollo', 'request-log', 'security-headers', 'rate-limit'] as const;
type Layer = (typeof LAYERS)[number];

/** The bare Apollo Server, or the service's with its context (the `apollo` layer), as Express middleware. */
async function graphqlMiddleware(layers: ReadonlySet<Layer>, options: ServeAppOptions): Promise<{ middleware: express.RequestHandler; stop(): Promise<void> }> {
  if (!layers.has('apollo')) {
    const apollo = new ApolloServer({ typeDefs: 'type Query { hello: String }', resolvers: { Query: { hello: () => 'world' } } });
    await apollo.start();
    return { middleware: expressMiddleware(apollo), stop: () => apollo.stop() };
  }
  const apollo = createApollo({ schema: buildSchema(), limits: DEFAULT_LIMITS, debugQueries: false });
  await apollo.start();
  const driver = createDriver(options, { connectionTimeoutMs: 10_000 });
  const db = { driver, database: options.database, timeoutMs: 30_000 };
  const reader = serviceReader();
  const logger = createLogger('warn');
  const context = (): Promise<Context> => Promise.resolve(createContext(db, { batching: true, operationTimeoutMs: DEFAULT_OPERATION_TIMEOUT_MS, reader, viewer: null, requestId: '', log: () => logger }));
  return { middleware: expressMiddleware(apollo, { context }), stop: () => apollo.stop().then(() => driver.close()) };
}

/** The bare side: Apollo Server's defaults, one field, and of ours only the layers named. */
async function startBare(layers: ReadonlySet<Layer>, options: ServeAppOptions): Promise<{ url: string; stop(): Promise<void> }> {
  const app = express();
  if (layers.has('request-log')) app.use(requestLog(app, { logger: createLogger('warn'), requestIdOf, ignore: () => false }));
  if (layers.has('security-headers')) app.use(securityHeaders(SECURITY_HEADERS));
  if (layers.has('rate-limit')) app.use(rateLimiter({ max: 1_000_000_000, windowMs: 60_000 }));
  const graphql = await graphqlMiddleware(layers, options);
  app.use('/graphql', express.json(), graphql.middleware);
  const server = layers.has('http-server') ? createExpressServer(app) : http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    stop: async () => {
      await graphql.stop();
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

/** The layers named in `list` (comma-separated); throws on one that is not a layer. */
function layersOf(list: string): Set<Layer> {
  const names = list.split(',').filter((name) => name !== '');
  const unknown = names.filter((name) => !(LAYERS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`Unknown layer ${unknown.join(', ')}: the layers are ${LAYERS.join(', ')}, as in bare '<json>' request-log,rate-limit`);
  return new Set(names as Layer[]);
}

const side = process.argv[2];
const options = JSON.parse(process.argv[3] ?? '{}') as ServeAppOptions;
const served = side === 'bare' ? await startBare(layersOf(process.argv[4] ?? ''), options) : side === 'ours' ? await startOurs(options) : undefined;
if (served === undefined) throw new Error(`Name the side to serve: ours '<json>' or bare '<json>' [layers]; got ${side ?? 'nothing'}`);
process.stdout.write(`READY ${served.url}\n`);
process.once('SIGTERM', () => {
  void served.stop().then(() => process.exit(0));
});
