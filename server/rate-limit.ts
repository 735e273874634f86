/**
 * The rate limit (README "Rate limits"): each client's requests are counted in
 * express-rate-limit's memory store, those over the limit are refused, and the standard
 * headers (IETF draft 8, as the library's `standardHeaders: 'draft-8'` writes them, byte for
 * byte: test/unit/server/rate-limit.test.ts) go on every answer. A client's partition key
 * (the `pk=` of `RateLimit-Policy`, a sha256 of its key) never changes, so it is hashed once
 * and kept, and the policy's name is made once per server.
 */
import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, MemoryStore, type Options, type Store } from 'express-rate-limit';
import type { RateLimit } from '../core/config.ts';
import { sendHttpError } from './http-errors.ts';

/** The most clients whose partition key is kept; past it the keys are forgotten and hashed again. */
export const KEPT_PARTITION_KEYS = 10_000;

/** The policy's name, as express-rate-limit's default `identifier` gives it ("600-in-1min"). */
export function policyName({ max, windowMs }: RateLimit): string {
  const seconds = windowMs / 1000;
  const minutes = seconds / 60;
  const hours = minutes / 60;
  const days = hours / 24;
  const duration = seconds < 60 ? `${seconds}sec` : minutes < 60 ? `${minutes}min` : hours < 24 ? `${hours}hr${hours > 1 ? 's' : ''}` : `${days}day${days > 1 ? 's' : ''}`;
  return `${max}-in-${duration}`;
}

/** A client's partition key, as express-rate-limit makes it: base64 of the first 12 hex digits of the key's sha256. */
export const partitionKeyOf = (key: string): string => Buffer.from(createHash('sha256').update(key).digest('hex').slice(0, 12)).toString('base64');

/** Seconds until the client's window starts again (never negative). */
const secondsLeft = (resetTime: Date | undefined, windowMs: number): number =>
  resetTime === undefined ? Math.ceil(windowMs / 1000) : Math.max(0, Math.ceil((resetTime.getTime() - Date.now()) / 1000));

/** The client a request is counted against, as the library's default keyGenerator makes it. */
const keyOf = (req: Request): string => ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown');

/**
 * The rate limit as one middleware; `/health` and `/ready` are never counted nor refused (a
 * load balancer must always see the truth). A refusal is 429 with `Retry-After` and a
 * TOO_MANY_REQUESTS error that says when to try again.
 *
 * The counting is express-rate-limit's own: its MemoryStore (a fixed window per client) and
 * its ipKeyGenerator (a client is its IPv4 address, or its IPv6 /56 network). Its middleware
 * is not used: for each request it awaits six times, reads `req.ip` (which parses
 * X-Forwarded-For behind a proxy) four times over for its debug log and its checks of the
 * configuration, and runs those checks, which cost together about a seventh of the time
 * Apollo Server takes to answer `{ __typename }` (bench/fixed-cost.ts). This one reads the
 * client's address once and waits once, for the store. `store` may be any of the library's
 * stores (its Redis store, `rate-limit-redis`, to share one count between instances).
 */
export function rateLimiter(limit: RateLimit, store: Store = new MemoryStore()): RequestHandler {
  const name = `"${policyName(limit)}"`;
  const policy = `q=${limit.max}; w=${Math.ceil(limit.windowMs / 1000)}`;
  const partitionKeys = new Map<string, string>();
  const partitionKey = (key: string): string => {
    let kept = partitionKeys.get(key);
    if (kept === undefined) {
      if (partitionKeys.size >= KEPT_PARTITION_KEYS) partitionKeys.clear();
      partitionKeys.set(key, (kept = partitionKeyOf(key)));
    }
    return kept;
  };
  // The stores read the window of the library's options (the memory store forgets idle clients after it).
  const initialised = store.init?.({ windowMs: limit.windowMs } as Options);
  // A shared store starts on its own (its requests fail, and are refused, until it does); its failure is said, not left unhandled.
  if (initialised instanceof Promise) initialised.catch((error: unknown) => process.emitWarning(`the rate limit's store did not start: ${error instanceof Error ? error.message : String(error)}`));
  return (req, res, next) => {
    if (req.path === '/health' || req.path === '/ready') {
      next();
      return;
    }
    const key = keyOf(req);
    Promise.resolve(store.increment(key)).then(({ totalHits, resetTime }) => {
      if (res.headersSent) return;
      const retryAfter = secondsLeft(resetTime, limit.windowMs);
      res.setHeader('RateLimit', `${name}; r=${Math.max(limit.max - totalHits, 0)}; t=${retryAfter}`);
      res.setHeader('RateLimit-Policy', `${name}; ${policy}; pk=:${partitionKey(key)}:`);
      if (totalHits <= limit.max) {
        next();
        return;
      }
      res.setHeader('Retry-After', String(retryAfter));
      sendHttpError(
        res,
        429,
        'TOO_MANY_REQUESTS',
        `Too many requests from this client: the limit is ${limit.max} per ${limit.windowMs / 1000} s; try again in ${retryAfter} s`,
        { retryAfterSeconds: retryAfter },
      );
    }, next);
  };
}
