/**
 * Helmet's headers, worked out once. Helmet runs a chain of thirteen middlewares per request,
 * each setting one constant header; with our options every value is a constant (no nonce, no
 * function), so its middleware is run once at start against a recorder and each response then
 * gets the recorded headers in one loop. Helmet stays the one place they are decided.
 */
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import type { RequestHandler } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

/** What helmet does to a response: headers set, and headers removed (X-Powered-By). */
export interface RecordedHeaders {
  set: readonly (readonly [string, string])[];
  removed: readonly string[];
}

/** True when a Content-Security-Policy directive is a function, which helmet calls for each request. */
function madePerRequest(options: HelmetOptions): boolean {
  const csp = options.contentSecurityPolicy;
  const directives: Record<string, unknown> = typeof csp === 'object' ? (csp.directives ?? {}) : {};
  return Object.values(directives).some((value) => typeof value === 'function' || (Array.isArray(value) && value.some((item) => typeof item === 'function')));
}

/** Runs helmet once with `options` and records what it does; throws if it does anything else (an error, or a header made per request). */
export function recordHelmet(options: HelmetOptions): RecordedHeaders {
  if (madePerRequest(options)) throw new Error('a Content-Security-Policy directive is a function (a nonce?): its header is made per request, so use helmet itself');
  const set: [string, string][] = [];
  const removed: string[] = [];
  // A real response, on a socket that is never connected: helmet writes its headers as it would on any.
  class Recorder extends ServerResponse {
    override setHeader(name: string, value: number | string | readonly string[]): this {
      if (typeof value !== 'string') throw new Error(`helmet set ${name} to a value that is not a string`);
      set.push([name, value]);
      return super.setHeader(name, value);
    }
    override removeHeader(name: string): void {
      removed.push(name);
      super.removeHeader(name);
    }
  }
  const request = new IncomingMessage(new Socket());
  let finished = false;
  helmet(options)(request, new Recorder(request), (error?: unknown) => {
    if (error !== undefined) throw error instanceof Error ? error : new Error('helmet refused its options');
    finished = true;
  });
  // Every middleware of helmet's chain calls next at once; one that waited would be per request.
  if (!finished) throw new Error('helmet did not finish at once: its headers are not constants');
  return { set, removed };
}

/** The middleware: helmet's headers, as `recordHelmet` found them, on every response. */
export function securityHeaders(options: HelmetOptions): RequestHandler {
  const { set, removed } = recordHelmet(options);
  return (_req, res, next) => {
    for (const name of removed) res.removeHeader(name);
    for (const [name, value] of set) res.setHeader(name, value);
    next();
  };
}
