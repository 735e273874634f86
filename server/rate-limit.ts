/**
 * The rate limit (README "Rate limits"): express-rate-limit counts each client's requests in
 * its memory store and refuses those over the limit; this module writes the standard headers
 * (IETF draft 8, as the library's `standardHeaders: 'draft-8'` does, byte for byte) itself.
 * Why: the library hashes the client's key with sha256 on every request for the `pk=` partition
 * key of `RateLimit-Policy` and works out the policy's name from the window each time; a
 * client's partition key never changes, so it is hashed once and kept, and the name is made
 * once per server.
 */
import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { rateLimit, type RateLimitInfo } from 'express-rate-limit';
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

/** What the limiter counted for a request (its `requestPropertyName`, `rateLimit`); none when it was skipped. */
const infoOf = (req: Request): RateLimitInfo | undefined => (req as Request & { rateLimit?: RateLimitInfo }).rateLimit;

/** Seconds until the client's window starts again (never negative). */
const secondsLeft = (resetTime: Date | undefined, windowMs: number): number =>
  resetTime === undefined ? Math.ceil(windowMs / 1000) : Math.max(0, Math.ceil((resetTime.getTime() - Date.now()) / 1000));

/**
 * The rate limit as one middleware; `/health` and `/ready` are never counted nor refused (a
 * load balancer must always see the truth). A refusal is 429 with `Retry-After` and a
 * TOO_MANY_REQUESTS error that says when to try again.
 */
export function rateLimiter(limit: RateLimit): RequestHandler {
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
  /** RateLimit and RateLimit-Policy, from what the limiter counted for this request (none when it was skipped). */
  const setHeaders = (req: Request, res: Response): void => {
    const info = infoOf(req);
    if (info === undefined || res.headersSent) return;
    res.setHeader('RateLimit', `${name}; r=${info.remaining}; t=${secondsLeft(info.resetTime, limit.windowMs)}`);
    res.setHeader('RateLimit-Policy', `${name}; ${policy}; pk=:${partitionKey(info.key)}:`);
  };
  const limiter = rateLimit({
    windowMs: limit.windowMs,
    limit: limit.max,
    standardHeaders: false,
    legacyHeaders: false,
    skip: (req) => req.path === '/health' || req.path === '/ready',
    handler: (req, res) => {
      setHeaders(req, res);
      const retryAfter = secondsLeft(infoOf(req)?.resetTime, limit.windowMs);
      res.setHeader('Retry-After', String(retryAfter));
      sendHttpError(
        res,
        429,
        'TOO_MANY_REQUESTS',
        `Too many requests from this client: the limit is ${limit.max} per ${limit.windowMs / 1000} s; try again in ${retryAfter} s`,
        { retryAfterSeconds: retryAfter },
      );
    },
  });
  return (req, res, next) => {
    void limiter(req, res, (error?: unknown) => {
      if (error === undefined) setHeaders(req, res);
      next(error);
    });
  };
}
