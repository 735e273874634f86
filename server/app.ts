/**
 * The HTTP service: Apollo Server 5 on Express 5, with health and readiness endpoints,
 * a JSON body limit, CSRF prevention, no operation batching, masked errors, limits on
 * tokens, depth, aliases, directives and cost checked before any resolver runs, the
 * offline GraphQL IDE, and a graceful stop (drain HTTP, then the caller closes the driver).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { Database } from '../db/run-query.ts';
import { DEFAULT_LIMITS, type Config } from '../core/config.ts';
import { createContext, type Context } from './context.ts';
import { formatError } from './format-error.ts';
import { ideRouter } from './ide/ide-router.ts';
import { debugExtensionsPlugin } from './plugins/debug-extensions.ts';
import { operationLimitRules } from './plugins/operation-limits.ts';
import { queryCostPlugin } from './plugins/query-cost.ts';
import { buildSchema } from './schema.ts';

export interface App {
  httpServer: http.Server;
  /** The URL the server listens on, once started. */
  url: string;
  stop(): Promise<void>;
}

export interface AppOptions {
  /** `limits` defaults to DEFAULT_LIMITS, the values documented in the README. */
  config: Pick<Config, 'host' | 'port' | 'bodyLimit' | 'debugQueries'> & Partial<Pick<Config, 'limits'>>;
  db: Database;
  /** Turns DataLoader batching off (benchmark comparison only). */
  batching?: boolean;
  /** Extra Apollo plugins (tests use one to count resolver calls). */
  plugins?: ApolloServerPlugin<Context>[];
}

/** Starts Apollo and the HTTP server and resolves once it listens. */
export async function startApp({ config, db, batching = true, plugins = [] }: AppOptions): Promise<App> {
  const limits = config.limits ?? DEFAULT_LIMITS;
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);

  const apollo = new ApolloServer<Context>({
    schema: buildSchema(),
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    formatError,
    // graphql-js stops lexing at the first token over the limit: GRAPHQL_PARSE_FAILED, 400.
    parseOptions: { maxTokens: limits.tokens },
    validationRules: operationLimitRules(limits),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Apollo's own landing page loads Sandbox from a CDN; ours is served by ideRouter.
      ApolloServerPluginLandingPageDisabled(),
      queryCostPlugin(limits.cost),
      debugExtensionsPlugin(config.debugQueries),
      ...plugins,
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

  app.use(ideRouter());
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
