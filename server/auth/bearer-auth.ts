/**
 * Who is asking (core/viewer.ts), read from `Authorization: Bearer <access token>` before
 * GraphQL runs (docs/architecture.md, "One request"):
 * - no Authorization header: anonymous (viewer null); published revisions read as ever;
 * - a valid token: the viewer it names (server/auth/token-verifier.ts);
 * - anything else: HTTP 401 `UNAUTHENTICATED` with a reason a person can act on
 *   (server/auth/refusal-reason.ts) and `WWW-Authenticate: Bearer error="invalid_token"`
 *   (RFC 6750), never the token or a stack; each refusal is logged at warn with the request
 *   id and reported once to `onRefused` (the audit trail);
 * - an identity provider that cannot be asked for its keys: 503 `SERVICE_UNAVAILABLE`.
 * Signed in but lacking a role is FORBIDDEN, raised later by the editing commands.
 */
import type { IncomingMessage } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import { decodeJwt } from 'jose';
import type { Logger } from '../../core/log.ts';
import type { Viewer } from '../../core/viewer.ts';
import { sendHttpError } from '../http-errors.ts';
import { REFUSAL_MESSAGES, TokenRefused, type RefusalReason } from './refusal-reason.ts';
import { IssuerUnavailable, type TokenVerifier } from './token-verifier.ts';

/** One refused token, as the audit trail records it (editing/audit.ts, recordRefusal). */
export interface AuthRefusal {
  reason: RefusalReason;
  requestId: string;
  /** The `sub` the token claims, unverified (so: who may be being impersonated), or null. */
  claimedSubject: string | null;
  /** The `iss` the token claims, unverified, or null. */
  claimedIssuer: string | null;
}

export type OnAuthRefused = (event: AuthRefusal) => void | Promise<void>;

const viewers = new WeakMap<IncomingMessage, Viewer>();

/** The verified viewer of a request that passed bearerAuth, or null (anonymous). */
export const viewerOf = (req: IncomingMessage): Viewer | null => viewers.get(req) ?? null;

/** RFC 6750's b64token after "Bearer" (any case), and nothing else. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/** A claim as the audit may keep it: a string, cut short; never anything else. */
const claimed = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value.slice(0, 200) : null);

function claimsOf(token: string | undefined): { claimedSubject: string | null; claimedIssuer: string | null } {
  if (token === undefined) return { claimedSubject: null, claimedIssuer: null };
  try {
    const payload = decodeJwt(token);
    return { claimedSubject: claimed(payload.sub), claimedIssuer: claimed(payload.iss) };
  } catch {
    return { claimedSubject: null, claimedIssuer: null };
  }
}

/** error_description may hold neither a double quote nor a backslash (RFC 6750, section 3). */
const quotable = (text: string): string => text.replace(/["\\]/g, "'");

export interface BearerAuthOptions {
  verifier: TokenVerifier;
  onRefused?: OnAuthRefused | undefined;
  /** For refusals outside a request's logger (there always is one after server/request-log.ts). */
  logger: Logger;
}

/** The Express middleware of /graphql: sets the request's viewer, or refuses it. */
export function bearerAuth({ verifier, onRefused, logger }: BearerAuthOptions): RequestHandler {
  const refuse = async (req: Request, res: Response, reason: RefusalReason, token: string | undefined): Promise<void> => {
    const log = req.log ?? logger;
    const event: AuthRefusal = { reason, requestId: typeof req.id === 'string' ? req.id : '', ...claimsOf(token) };
    log.warn({ reason, claimedSubject: event.claimedSubject, claimedIssuer: event.claimedIssuer }, `refused a bearer token: ${reason}`);
    try {
      await onRefused?.(event);
    } catch (error) {
      // The caller is refused all the same; a lost audit line is the server's fault and is logged.
      log.error({ err: error }, 'could not report a refused bearer token (onAuthRefused failed)');
    }
    res.setHeader('WWW-Authenticate', `Bearer realm="care-code-graph", error="invalid_token", error_description="${quotable(REFUSAL_MESSAGES[reason])}"`);
    sendHttpError(res, 401, 'UNAUTHENTICATED', REFUSAL_MESSAGES[reason], { reason });
  };

  const authenticate = async (req: Request, res: Response): Promise<boolean> => {
    const header = req.headers.authorization;
    if (header === undefined) return true;
    const token = BEARER.exec(header)?.[1];
    if (token === undefined) {
      await refuse(req, res, 'malformed', undefined);
      return false;
    }
    try {
      viewers.set(req, await verifier.verify(token));
      return true;
    } catch (error) {
      if (error instanceof TokenRefused) {
        await refuse(req, res, error.reason, token);
        return false;
      }
      if (error instanceof IssuerUnavailable) {
        (req.log ?? logger).error({ err: error }, 'could not check a bearer token: the identity provider did not answer');
        res.setHeader('Retry-After', '5');
        sendHttpError(res, 503, 'SERVICE_UNAVAILABLE', 'The identity provider that issues tokens for this API could not be asked about yours; try again shortly, or send no Authorization header to read published revisions');
        return false;
      }
      throw error;
    }
  };

  return (req, res, next) => {
    // Anonymous (most requests): on at once, without a promise and a turn of the microtask queue.
    if (req.headers.authorization === undefined) {
      next();
      return;
    }
    authenticate(req, res).then(
      (passed) => {
        if (passed) next();
      },
      (error: unknown) => next(error),
    );
  };
}
