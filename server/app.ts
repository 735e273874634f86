/**
 * The HTTP service: Apollo Server 5 on Express 5, with health and readiness endpoints,
 * a JSON body limit, CSRF prevention, no operation batching, masked errors, limits on
 * tokens, depth, aliases, directives and cost checked before any resolver runs, the
 * offline GraphQL IDE, sign-in (a bearer token checked before GraphQL runs, and the embedded
 * OpenID provider at /oidc: server/auth/), and a graceful stop (drain HTTP, then the caller
 * closes the driver).
 */
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { HelmetOptions } from 'helmet';
import { createLogger, type Logger } from '../core/log.ts';
import { readiness } from '../db/readiness.ts';
import { recordRefusal } from '../editing/audit.ts';
import { QueryRunner, type Database } from '../db/run-query.ts';
import { DEFAULT_AUTH, DEFAULT_LIMITS, DEFAULT_OPERATION_TIMEOUT_MS, DEFAULT_REVISION_CACHE_MS, DEFAULT_RATE_LIMIT, PROJECT_ROOT, publicOrigin, type Config, type Limits } from '../core/config.ts';
import { readerContext, type ReaderContext } from '../reader/read-provision.ts';
import { loadCatalogue } from '../seed/load-catalogue.ts';
import { createContext, type Context, type ContextOptions } from './context.ts';
import { rateLimiter } from './rate-limit.ts';
import { requestLog, requestLogger } from './request-log.ts';
import { securityHeaders } from './security-headers.ts';
import { createExpressServer } from './http-server.ts';
import { formatError } from './format-error.ts';
import { jsonErrorHandler, jsonNotFound, sendHttpError } from './http-errors.ts';
import { RevisionCache } from '../loaders/revision-cache.ts';
import { feedsRouter } from './feeds.ts';
import { exportsRouter } from './exports/exports-router.ts';
import { ideAtGraphql, ideRouter } from './ide/ide-router.ts';
import { htmlNotFound, webRouter } from '../web/router.ts';
import { debugExtensionsPlugin } from './plugins/debug-extensions.ts';
import { errorLogPlugin } from './plugins/error-log.ts';
import { httpCachingPlugin } from './plugins/http-caching.ts';
import { oneTimeoutPlugin } from './plugins/one-timeout.ts';
import { operationLimitRules } from './plugins/operation-limits.ts';
import { knownOperationTypesRule } from './plugins/operation-types.ts';
import { queryCostPlugin } from './plugins/query-cost.ts';
import { buildSchema } from './schema.ts';
import { compiledExecution } from './compiled-execution.ts';
import { setUpAuth, type AuthSetup, type LazyEmbeddedProvider } from './auth/set-up-auth.ts';
import { bearerAuth, viewerOf, type OnAuthRefused } from './auth/bearer-auth.ts';
import { OIDC_PATH } from './auth/embedded-provider.ts';
import { signInRouter } from './auth/sign-in-page.ts';
import { IssuerUnavailable } from './auth/token-verifier.ts';

export interface App {
  httpServer: http.Server;
  /** The URL the server listens on, once started. */
  url: string;
  /** The issuer whose access tokens the API accepts: AUTH_ISSUER, or the embedded provider's `<public url>/oidc`. */
  issuer: string;
  stop(): Promise<void>;
}

export interface AppOptions {
  /** What is not given takes the defaults documented in the README (DEFAULT_LIMITS, DEFAULT_RATE_LIMIT, ...). */
  config: Pick<Config, 'host' | 'port' | 'bodyLimit' | 'debugQueries'> &
    Partial<Pick<Config, 'limits' | 'rateLimit' | 'trustProxy' | 'operationTimeoutMs' | 'auth' | 'publicUrl' | 'revisionCacheMs'>>;
  db: Database;
  /** The service's log (core/log.ts): one line per request, and every masked error (default: warnings and errors on stderr). */
  logger?: Logger;
  /** Turns DataLoader batching off (benchmark comparison only). */
  batching?: boolean;
  /** Extra Apollo plugins (tests use one to count resolver calls). */
  plugins?: ApolloServerPlugin<Context>[];
  /** Told of every refused bearer token, once (server/auth/bearer-auth.ts); by default the audit trail records it. */
  onAuthRefused?: OnAuthRefused;
}

/**
 * Writes a refused token to the audit trail (editing/audit.ts): the subject and issuer the
 * token claimed (unverified: who may be being impersonated) and the reason. A refusal that
 * cannot be written (the database is away) is logged instead, and the request is refused anyway.
 */
function auditRefusedToken(db: Database, logger: Logger): OnAuthRefused {
  return async (event) => {
    try {
      await recordRefusal(new QueryRunner(db), {
        actor: event.claimedSubject === null ? null : { subject: event.claimedSubject, name: `unverified (${event.claimedIssuer ?? 'no issuer'})` },
        action: 'signIn',
        target: { revision: null, key: null },
        before: null,
        after: { reason: event.reason, claimedIssuer: event.claimedIssuer },
        result: 'UNAUTHENTICATED',
        requestId: event.requestId,
      });
    } catch (error) {
      logger.error({ err: error, requestId: event.requestId }, 'could not write a refused token to the audit trail');
    }
  };
}

/** A caller's own request id, when it is a plain token we can echo safely. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The request id: the caller's `x-request-id` when it is a plain token, otherwise a new
 * UUID. Echoed in the response's `x-request-id`, and on every log line of the request.
 */
export function requestIdOf(req: http.IncomingMessage, res: http.ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', id);
  return id;
}

/** The reader's context for edited text: the catalogue the seed read the Code with. */
export function serviceReader(): ReaderContext {
  return readerContext(loadCatalogue(path.join(PROJECT_ROOT, 'seed/data/catalogue.json')));
}

/** Helmet's options: JSON answers load nothing; each HTML page (the IDE) sets its own strict policy. */
export const SECURITY_HEADERS: HelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] } },
  referrerPolicy: { policy: 'no-referrer' },
};

export interface ApolloOptions {
  schema: GraphQLSchema;
  limits: Limits;
  debugQueries: boolean;
  /** Run after the service's own (the HTTP drain, a test's counter), but before the caching headers', which stays last. */
  plugins?: ApolloServerPlugin<Context>[];
}

/**
 * The service's Apollo Server, not started: its executor, limits, error formatting and
 * plugins. startApp serves it; bench/serve-fixed-cost.ts measures it alone on a bare HTTP stack.
 */
export function createApollo({ schema, limits, debugQueries, plugins = [] }: ApolloOptions): ApolloServer<Context> {
  return new ApolloServer<Context>({
    // Each operation runs as code compiled from its document (server/compiled-execution.ts).
    gateway: compiledExecution(schema),
    // A GET, or a POST that is not JSON, needs an `apollo-require-preflight` header (README "Caching").
    csrfPrevention: true,
    // The schema is public, for the IDE and for other applications, whatever NODE_ENV is (Apollo turns it off in production by default).
    introspection: true,
    // Automatic persisted queries (README "Caching"): a client registers an operation by its
    // sha256 once, then sends the hash alone, so a pinned query fits a cacheable GET. They are kept
    // in Apollo Server's bounded cache (an LRU of about 30 MiB), shared with its parsed documents.
    cache: 'bounded',
    persistedQueries: {},
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    formatError,
    // graphql-js stops lexing at the first token over the limit: GRAPHQL_PARSE_FAILED, 400.
    parseOptions: { maxTokens: limits.tokens },
    validationRules: [knownOperationTypesRule, ...operationLimitRules(limits)],
    plugins: [
      // Apollo's own landing page loads Sandbox from a CDN; ours is served by ideRouter.
      ApolloServerPluginLandingPageDisabled(),
      // Caching headers are decided from the operation by httpCachingPlugin, not by per-field hints.
      ApolloServerPluginCacheControlDisabled(),
      queryCostPlugin(limits.cost),
      debugExtensionsPlugin(debugQueries),
      errorLogPlugin(),
      oneTimeoutPlugin(),
      ...plugins,
      // Last: it hashes the body once every other plugin has written its extensions.
      httpCachingPlugin(),
    ],
  });
}

/** Starts Apollo and the HTTP server and resolves once it listens. */
export async function startApp({ config, db, logger = createLogger('warn'), batching = true, plugins = [], onAuthRefused = auditRefusedToken(db, logger) }: AppOptions): Promise<App> {
  const limits = config.limits ?? DEFAULT_LIMITS;
  const reader = serviceReader();
  // The published revisions, kept between requests and forgotten on every change made here (loaders/revision-cache.ts).
  const revisionCacheMs = config.revisionCacheMs ?? DEFAULT_REVISION_CACHE_MS;
  const revisionCache = revisionCacheMs > 0 ? new RevisionCache(revisionCacheMs) : undefined;
  const app = express();
  app.disable('x-powered-by');
  // Behind a proxy the client's address is in X-Forwarded-For, trusted only as configured.
  app.set('trust proxy', config.trustProxy ?? false);
  // Each response's ETag is set where it is meant (server/plugins/http-caching.ts, feeds.ts),
  // not hashed by Express for every body: a no-store answer must not be revalidated into a 304.
  app.set('etag', false);
  // One line per request with its method, path and status only: headers carry credentials and
  // query strings carry operations (server/request-log.ts).
  app.use(requestLog(app, { logger, requestIdOf, ignore: (req) => req.url === '/health' || req.url === '/ready' }));
  // Helmet's headers, worked out once at start (server/security-headers.ts).
  app.use(securityHeaders(SECURITY_HEADERS));
  const limit = config.rateLimit ?? DEFAULT_RATE_LIMIT;
  // Counted per client, with the standard headers on every answer (server/rate-limit.ts).
  if (limit.max > 0) app.use(rateLimiter(limit));
  // Each request is made with Express's prototypes, which Express would otherwise swap in for every request (server/http-server.ts).
  const httpServer = createExpressServer(app);

  const schema = buildSchema();
  const apollo = createApollo({ schema, limits, debugQueries: config.debugQueries, plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ...plugins] });
  await apollo.start();

  // Sign-in is set up once the server listens (its issuer depends on the port: below).
  const auth: { setup?: AuthSetup } = {};
  // Who is asking, on /graphql and on the downloads alike (server/auth/bearer-auth.ts).
  const authenticate = bearerAuth({ verifier: { verify: (token) => (auth.setup === undefined ? Promise.reject(new IssuerUnavailable('the server is starting')) : auth.setup.verifier.verify(token)) }, onRefused: onAuthRefused, logger });
  // What every operation's context is made of, on /graphql and for the web pages.
  const sameForAll = {
    batching,
    operationTimeoutMs: config.operationTimeoutMs ?? DEFAULT_OPERATION_TIMEOUT_MS,
    reader,
    ...(revisionCache === undefined ? {} : { revisionCache }),
  };
  const contextOptions = (requestId: string, log: () => Logger, viewer: ReturnType<typeof viewerOf>): ContextOptions => ({ ...sameForAll, viewer, requestId, log });
  // GraphQL first: an operation passes none of the layers of the pages, downloads and sign-in
  // (none of which answers /graphql), and Express matches each of those against every request it sees.
  app.use(
    '/graphql',
    ideAtGraphql(),
    authenticate,
    express.json({ limit: config.bodyLimit }),
    expressMiddleware(apollo, {
      // requestIdOf (above) always gives a string id.
      context: ({ req }) => Promise.resolve(createContext(db, contextOptions(typeof req.id === 'string' ? req.id : '', requestLogger(req), viewerOf(req)))),
    }),
  );
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', (_req, res) => {
    void readiness(db).then((state) => res.status(state.status === 'ready' ? 200 : 503).json(state));
  });

  // Sign-in (README "Sign-in"): the embedded OpenID provider at /oidc, unless AUTH_ISSUER names another.
  // Its issuer depends on the port, so it is made once the server listens (below).
  const authConfig = { ...DEFAULT_AUTH, issuer: undefined, ...config.auth };
  if (authConfig.issuer === undefined) {
    const embedded = async (): Promise<Awaited<ReturnType<LazyEmbeddedProvider['get']>> | undefined> => auth.setup?.embedded?.get();
    app.use(OIDC_PATH, signInRouter({ provider: async () => (await embedded())?.provider, db, logger }));
    app.use(OIDC_PATH, (req, res, next) => {
      embedded().then(
        (provider) => (provider === undefined ? next() : provider.handle(req, res)),
        (error: unknown) => {
          req.log.error({ err: error }, 'the embedded OpenID provider is not available');
          sendHttpError(res, 503, 'SERVICE_UNAVAILABLE', 'The sign-in service is not available right now (the database is not answering); please try again shortly');
        },
      );
    });
  }
  app.use(ideRouter());
  const originOf = (req: { protocol: string; get(name: string): string | undefined }): string => config.publicUrl ?? `${req.protocol}://${req.get('host') ?? `${config.host}`}`;
  app.use(feedsRouter(db, originOf));
  app.use(exportsRouter({ db, schema, authenticate, origin: originOf }));
  // The web pages (web/): clients of this API, run in-process as an anonymous reader.
  app.use(
    webRouter({
      logger,
      execute: async ({ query, operationName, variables, requestId }) => {
        const response = await apollo.executeOperation({ query, operationName, variables }, { contextValue: createContext(db, contextOptions(requestId, () => logger, null)) });
        if (response.body.kind !== 'single') throw new Error(`the operation ${operationName} answered incrementally`);
        return { data: response.body.singleResult.data ?? null, errors: response.body.singleResult.errors ?? [] };
      },
    }),
  );
  app.use(htmlNotFound());
  app.use(jsonNotFound);
  app.use(jsonErrorHandler(config.bodyLimit, logger));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const address = httpServer.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  auth.setup = setUpAuth({ auth: authConfig, origin: publicOrigin(config, address.port), listening: `http://${host}:${address.port}`, db, logger, trustProxy: config.trustProxy });

  return {
    httpServer,
    url: `http://${host}:${address.port}/graphql`,
    issuer: auth.setup.issuer,
    stop: () => apollo.stop(),
  };
}
