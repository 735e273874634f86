/**
 * The HTTP service: Apollo Server 5 on Express 5, with health and readiness endpoints,
 * a JSON body limit, CSRF prevention, no operation batching, masked errors, limits on
 * tokens, depth, aliases, directives and cost checked before any resolver runs, the
 * offline GraphQL IDE, and a graceful stop (drain HTTP, then the caller closes the driver).
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { createLogger, type Logger } from '../core/log.ts';
import { readiness } from '../db/readiness.ts';
import type { Database } from '../db/run-query.ts';
import { DEFAULT_LIMITS, DEFAULT_OPERATION_TIMEOUT_MS, DEFAULT_RATE_LIMIT, type Config } from '../core/config.ts';
import { createContext, type Context } from './context.ts';
import { formatError } from './format-error.ts';
import { jsonErrorHandler, jsonNotFound, sendHttpError } from './http-errors.ts';
import { ideRouter } from './ide/ide-router.ts';
import { debugExtensionsPlugin } from './plugins/debug-extensions.ts';
import { errorLogPlugin } from './plugins/error-log.ts';
import { oneTimeoutPlugin } from './plugins/one-timeout.ts';
import { operationLimitRules } from './plugins/operation-limits.ts';
import { knownOperationTypesRule } from './plugins/operation-types.ts';
import { queryCostPlugin } from './plugins/query-cost.ts';
import { buildSchema } from './schema.ts';

export interface App {
  httpServer: http.Server;
  /** The URL the server listens on, once started. */
  url: string;
  stop(): Promise<void>;
}

export interface AppOptions {
  /** What is not given takes the defaults documented in the README (DEFAULT_LIMITS, DEFAULT_RATE_LIMIT, ...). */
  config: Pick<Config, 'host' | 'port' | 'bodyLimit' | 'debugQueries'> &
    Partial<Pick<Config, 'limits' | 'rateLimit' | 'trustProxy' | 'operationTimeoutMs'>>;
  db: Database;
  /** The service's log (core/log.ts): one line per request, and every masked error (default: warnings and errors on stderr). */
  logger?: Logger;
  /** Turns DataLoader batching off (benchmark comparison only). */
  batching?: boolean;
  /** Extra Apollo plugins (tests use one to count resolver calls). */
  plugins?: ApolloServerPlugin<Context>[];
}

/** A caller's own request id, when it is a plain token we can echo safely. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The request id: the caller's `x-request-id` when it is a plain token, otherwise a new
 * UUID. Echoed in the response's `x-request-id`, and on every log line of the request.
 */
function requestIdOf(req: http.IncomingMessage, res: http.ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', id);
  return id;
}

/** Starts Apollo and the HTTP server and resolves once it listens. */
export async function startApp({ config, db, logger = createLogger('warn'), batching = true, plugins = [] }: AppOptions): Promise<App> {
  const limits = config.limits ?? DEFAULT_LIMITS;
  const app = express();
  app.disable('x-powered-by');
  // Behind a proxy the client's address is in X-Forwarded-For, trusted only as configured.
  app.set('trust proxy', config.trustProxy ?? false);
  app.use(
    pinoHttp({
      logger,
      genReqId: requestIdOf,
      quietReqLogger: true,
      customAttributeKeys: { reqId: 'requestId' },
      // Path and status only: headers carry credentials and query strings carry operations.
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req, res, error) => (error !== undefined || res.statusCode >= 500 ? 'error' : 'info'),
      autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/ready' },
    }),
  );
  app.use(
    helmet({
      // JSON answers load nothing; each HTML page (the IDE) sets its own strict policy.
      contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] } },
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  const limit = config.rateLimit ?? DEFAULT_RATE_LIMIT;
  if (limit.max > 0) {
    app.use(
      rateLimit({
        windowMs: limit.windowMs,
        limit: limit.max,
        standardHeaders: 'draft-8',
        legacyHeaders: false,
        // Probes of health and readiness are never refused: a load balancer must always see the truth.
        skip: (req) => req.path === '/health' || req.path === '/ready',
        handler: (_req, res) => {
          const retryAfter = Number(res.getHeader('retry-after') ?? Math.ceil(limit.windowMs / 1000));
          sendHttpError(
            res,
            429,
            'TOO_MANY_REQUESTS',
            `Too many requests from this client: the limit is ${limit.max} per ${limit.windowMs / 1000} s; try again in ${retryAfter} s`,
            { retryAfterSeconds: retryAfter },
          );
        },
      }),
    );
  }
  const httpServer = http.createServer(app);

  const apollo = new ApolloServer<Context>({
    schema: buildSchema(),
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    formatError,
    // graphql-js stops lexing at the first token over the limit: GRAPHQL_PARSE_FAILED, 400.
    parseOptions: { maxTokens: limits.tokens },
    validationRules: [knownOperationTypesRule, ...operationLimitRules(limits)],
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Apollo's own landing page loads Sandbox from a CDN; ours is served by ideRouter.
      ApolloServerPluginLandingPageDisabled(),
      queryCostPlugin(limits.cost),
      debugExtensionsPlugin(config.debugQueries),
      errorLogPlugin(),
      oneTimeoutPlugin(),
      ...plugins,
    ],
  });
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', (_req, res) => {
    void readiness(db).then((state) => res.status(state.status === 'ready' ? 200 : 503).json(state));
  });

  app.use(ideRouter());
  app.use(
    '/graphql',
    express.json({ limit: config.bodyLimit }),
    expressMiddleware(apollo, {
      // requestIdOf (above) always gives a string id.
      context: ({ req }) =>
        Promise.resolve(
          createContext(db, { batching, requestId: typeof req.id === 'string' ? req.id : '', log: req.log, operationTimeoutMs: config.operationTimeoutMs ?? DEFAULT_OPERATION_TIMEOUT_MS }),
        ),
    }),
  );
  app.use(jsonNotFound);
  app.use(jsonErrorHandler(config.bodyLimit, logger));

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
