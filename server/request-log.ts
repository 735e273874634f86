/**
 * One log line per request, and a logger bound to its id (docs/architecture.md, "One request"):
 * the lines pino-http writes (`request completed` at info, `request errored` at error for a
 * status of 500 or more), with the request's method and path and the response's status,
 * never headers or query strings. What it does not do is pay for what nobody uses: the
 * request's logger (`req.log`, a pino child bound to `requestId`) is made the first time
 * something logs with it, and a line below the logger's level is never built.
 */
import type { Express, RequestHandler } from 'express';
import type { Logger } from '../core/log.ts';

declare module 'http' {
  interface IncomingMessage {
    /** The request's id (x-request-id): server/request-log.ts. */
    id: string;
    /** The service's logger bound to the request's id, made on first use. */
    log: Logger;
  }
}

export interface RequestLogOptions {
  logger: Logger;
  /** The request's id, which it may also echo in the response. */
  requestIdOf: (req: Express['request'], res: Express['response']) => string;
  /** Requests that get no line (the probes of health and readiness). */
  ignore: (req: Express['request']) => boolean;
}

const LOG = Symbol('the request logger');
const START = Symbol('when the request came');
const FAILURE = Symbol('the error its response met');

/** A request's logger, made on first use. */
interface Logged {
  [LOG]?: () => Logger;
}

/** `logger` bound to `requestId`, made the first time it is asked for. */
function lazyChild(logger: Logger, requestId: string): () => Logger {
  let child: Logger | undefined;
  return () => (child ??= logger.child({ requestId }));
}

/**
 * The request's logger as a function that holds the logger, not the request: what its GraphQL
 * context keeps (server/app.ts). A context that held the request (`() => req.log`) kept the
 * request, its response and their headers alive as long as Apollo Server keeps the context,
 * which on `{ __typename }` was 7 KB a request surviving young-generation collections
 * (docs/architecture.md, "One request").
 */
export function requestLogger(req: Express['request']): () => Logger {
  const made = (req as Express['request'] & Logged)[LOG];
  if (made !== undefined) return made;
  const log = req.log; // a request that did not pass requestLog's middleware: its getter's logger
  return () => log;
}

/** What a logged request's response carries until its line is written. */
interface Timed {
  [START]?: number;
  [FAILURE]?: unknown;
}

/** Keeps the error a response met, for its line (and so that it is never an unhandled 'error'). */
function onError(this: Timed, error: unknown): void {
  this[FAILURE] = error;
}

/** Installs the request's lazy `req.log` on `app` and returns the middleware that writes each line. */
export function requestLog(app: Express, { logger, requestIdOf, ignore }: RequestLogOptions): RequestHandler {
  // On this app's request prototype: one getter for every request.
  Object.defineProperty(app.request, 'log', {
    configurable: true,
    get(this: Express['request'] & Logged): Logger {
      return (this[LOG] ??= lazyChild(logger, this.id))();
    },
  });
  /** Writes the request's line once its response is closed (shared by every request: no closure each). */
  function onClose(this: Express['response'] & Timed): void {
    const failure = this[FAILURE];
    const failed = failure !== undefined || this.statusCode >= 500;
    if (!logger.isLevelEnabled(failed ? 'error' : 'info')) return;
    const req = this.req;
    // originalUrl: Express strips a mounted router's prefix from req.url while inside it.
    const line = { req: { method: req.method, path: req.originalUrl.split('?')[0] }, res: { statusCode: this.statusCode }, responseTime: Date.now() - (this[START] ?? Date.now()) };
    if (failed) req.log.error({ ...line, err: failure ?? new Error(`failed with status code ${this.statusCode}`) }, 'request errored');
    else req.log.info(line, 'request completed');
  }
  return (req, res: Express['response'] & Timed, next) => {
    req.id = requestIdOf(req, res);
    (req as Express['request'] & Logged)[LOG] = lazyChild(logger, req.id);
    if (!ignore(req)) {
      res[START] = Date.now();
      // `on`, not `once`, which wraps each listener in a new function: 'close' fires once, and a
      // second error only replaces the first (and, unlike with `once`, is never left unhandled).
      res.on('error', onError);
      res.on('close', onClose);
    }
    next();
  };
}
