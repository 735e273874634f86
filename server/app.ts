/**
 * The HTTP service: Apollo Server 5 on Express 5, with health and readiness endpoints,
 * a JSON body limit, CSRF prevention, no operation batching, masked errors, and a
 * graceful stop (drain HTTP, then the caller closes the driver).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { Database } from '../loaders/run-query.ts';
import type { Config } from './config.ts';
import { createContext, type Context } from './context.ts';
import { formatError } from './format-error.ts';
import { debugExtensionsPlugin } from './plugins/debug-extensions.ts';
import { buildSchema } from './schema.ts';

export interface App {
  httpServer: http.Server;
  /** The URL the server listens on, once started. */
  url: string;
  stop(): Promise<void>;
}

export interface AppOptions {
  config: Pick<Config, 'host' | 'port' | 'bodyLimit' | 'debugQueries'>;
  db: Database;
  /** Turns DataLoader batching off (benchmark comparison only). */
  batching?: boolean;
}

/** Starts Apollo and the HTTP server and resolves once it listens. */
export async function startApp({ config, db, batching = true }: AppOptions): Promise<App> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);

  const apollo = new ApolloServer<Context>({
    schema: buildSchema(),
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    formatError,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      debugExtensionsPlugin(config.debugQueries),
    ],
  });
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', (_req, res) => {
    db.driver
      .verifyConnectivity({ database: db.database })
      .then(() => res.json({ status: 'ready' }))
      .catch(() => res.status(503).json({ status: 'unavailable', reason: 'Neo4j is not answering' }));
  });

  app.use(
    '/graphql',
    express.json({ limit: config.bodyLimit }),
    expressMiddleware(apollo, {
      context: () => Promise.resolve(createContext(db, { batching })),
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const address = httpServer.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    httpServer,
    url: `http://${host}:${address.port}/graphql`,
    stop: () => apollo.stop(),
  };
}
