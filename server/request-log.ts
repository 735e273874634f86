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

/** Installs the request's lazy `req.log` on `app` and returns the middleware that writes each line. */
export function requestLog(app: Express, { logger, requestIdOf, ignore }: RequestLogOptions): RequestHandler {
  // On this app's request prototype: one getter for every request, no object per request.
  Object.defineProperty(app.request, 'log', {
    configurable: true,
    get(this: Express['request'] & { [LOG]?: Logger }): Logger {
      return (this[LOG] ??= logger.child({ requestId: this.id }));
    },
  });
  return (req, res, next) => {
    req.id = requestIdOf(req, res);
    if (!ignore(req)) {
      const start = Date.now();
      const method = req.method;
      const path = req.url.split('?')[0];
      let failure: unknown;
      res.once('error', (error) => {
        failure = error;
      });
      res.once('close', () => {
        const failed = failure !== undefined || res.statusCode >= 500;
        if (!logger.isLevelEnabled(failed ? 'error' : 'info')) return;
        const line = { req: { method, path }, res: { statusCode: res.statusCode }, responseTime: Date.now() - start };
        if (failed) req.log.error({ ...line, err: failure ?? new Error(`failed with status code ${res.statusCode}`) }, 'request errored');
        else req.log.info(line, 'request completed');
      });
    }
    next();
  };
}
