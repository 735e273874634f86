/**
 * The closed set of error codes the API returns (docs/architecture.md, "Errors").
 * Messages say what was wrong and show a valid example; unexpected errors leave as
 * INTERNAL_SERVER_ERROR with no stack trace and no Cypher.
 */
import { GraphQLError } from 'graphql';

export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'REVISION_PUBLISHED',
  'QUERY_TOO_COMPLEX',
  'OPERATION_TIMED_OUT',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Codes of the HTTP layer, for requests refused before GraphQL runs (server/http-errors.ts):
 * the body is not JSON, too large, in a charset we do not read, the client is over its rate
 * limit, there is no such path, or the bearer token does not verify. They come in the same
 * JSON shape as every other error.
 */
export const HTTP_ERROR_CODES = [
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'TOO_MANY_REQUESTS',
  'NOT_FOUND',
  // A bearer token that did not verify (401, with extensions.reason), or an identity provider
  // that could not be asked for its keys (503): server/auth/bearer-auth.ts.
  'UNAUTHENTICATED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
  // A query parameter of a download (server/exports/) that the API's filter refuses (400,
  // with extensions.argument), in the API's own code and words.
  'BAD_USER_INPUT',
] as const;
export type HttpErrorCode = (typeof HTTP_ERROR_CODES)[number];

/** How much of a caller's own input an error message quotes back. */
export const QUOTE_LIMIT = 60;

/** A caller's text as an error message quotes it: at most QUOTE_LIMIT characters, then an ellipsis. */
export function quoteShort(text: string, limit: number = QUOTE_LIMIT): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}…`;
}

/**
 * A message with every double-quoted run longer than the limit cut short, so that no error
 * echoes a caller's long input back in full (graphql-js and JSON.parse quote what they read).
 */
export function shortenQuotes(message: string, limit: number = QUOTE_LIMIT): string {
  return message.replace(/"([^"]{1,})"/g, (whole, inner: string) => (inner.length <= limit ? whole : `"${quoteShort(inner, limit)}"`));
}

/** A GraphQL error with one of the project's codes in `extensions.code`. */
export function apiError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

export const badUserInput = (message: string, argument?: string): GraphQLError =>
  apiError('BAD_USER_INPUT', message, argument === undefined ? {} : { argument });

export const notFound = (what: string, key: string, example: string): GraphQLError =>
  apiError('NOT_FOUND', `No ${what} has the key "${key}"; a valid key looks like "${example}"`);

export const serviceUnavailable = (): GraphQLError =>
  apiError('SERVICE_UNAVAILABLE', 'The database is not answering right now; please try again shortly');

/** The operation ran past its one deadline (OPERATION_TIMEOUT_MS), shared by all its statements. */
export const operationTimedOut = (timeoutMs: number): GraphQLError =>
  apiError(
    'OPERATION_TIMED_OUT',
    `This operation ran past its deadline of ${timeoutMs} ms and was stopped; ask for less at once (smaller pages with first, fewer nested fields) and follow pageInfo.endCursor`,
    { timeoutMs },
  );

/** Nobody is signed in, or the token did not verify; `reason` says which, for the caller to act on. */
export const unauthenticated = (reason: string): GraphQLError =>
  apiError('UNAUTHENTICATED', `Sign in first: ${reason}. Send Authorization: Bearer <access token> (npm run token -- <name> prints one from the local provider)`, { reason });

/** Signed in, but without the role this needs. */
export const forbidden = (action: string, role: string): GraphQLError =>
  apiError('FORBIDDEN', `${action} needs the ${role} role, which your account does not have; ask the National Office to grant it`, { role });

/** A published revision never changes. */
export const revisionPublished = (key: string): GraphQLError =>
  apiError('REVISION_PUBLISHED', `Revision ${key} is published and never changes; create a draft from it (createDraft with from: "${key}") and edit the draft`, {
    revision: key,
  });

/** The code of an error that left a resolver, if it carries one of ours. */
export function codeOf(error: unknown): ErrorCode | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  const code = error.extensions['code'];
  return ERROR_CODES.find((c) => c === code);
}

/**
 * No revision of the Code was in force on the day asked for (docs/graph-model.md, "Revisions"):
 * says so, and gives the day the first revision came into force so the reader can ask again.
 */
export function noRevisionInForce(day: string, first: { key: string; inForceFrom: string | null } | null): GraphQLError {
  if (first === null || first.inForceFrom === null) {
    return apiError('NOT_FOUND', `No revision of the Code was in force on ${day}: no revision of the Code has come into force yet`, {
      asOf: day,
    });
  }
  const hint = day < first.inForceFrom ? `; ask with asOf: "${first.inForceFrom}" or later` : '';
  return apiError(
    'NOT_FOUND',
    `No revision of the Code was in force on ${day}; the first revision (${first.key}) came into force on ${first.inForceFrom}${hint}`,
    { asOf: day, firstInForceFrom: first.inForceFrom, firstRevision: first.key },
  );
}

/**
 * The graph broke one of the rules of docs/graph-model.md (a value of the wrong type, a link
 * every node must have). Internal: it leaves the API as INTERNAL_SERVER_ERROR, and is logged.
 */
export class GraphShapeError extends Error {
  constructor(message: string) {
    super(`The graph does not follow docs/graph-model.md: ${message}`);
    this.name = 'GraphShapeError';
  }
}
