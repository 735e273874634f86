/**
 * Masks errors on the way out (docs/architecture.md, "Errors"): our own codes pass through
 * with their messages; anything unexpected leaves as INTERNAL_SERVER_ERROR, with no stack
 * trace, no Cypher and no driver detail, and is logged first (server/plugins/error-log.ts).
 */
import type { GraphQLFormattedError } from 'graphql';
import { ERROR_CODES, shortenQuotes } from '../core/errors.ts';

const PASS_THROUGH = new Set<string>([
  ...ERROR_CODES.filter((c) => c !== 'INTERNAL_SERVER_ERROR'),
  // Apollo's own request-level codes are safe to show as they are.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** True when an error with this code leaves as it is; false when it is masked. */
export function passesThrough(code: unknown): boolean {
  return typeof code === 'string' && PASS_THROUGH.has(code);
}

/** Extensions that may carry internals (stack, driver error, Cypher's name): never sent. */
const HIDDEN_EXTENSIONS = new Set(['stacktrace', 'cause', 'query', 'exception']);

/** graphql-js's last word when an operation has more problems than it lists (100). */
const VALIDATION_ABORTED = 'Too many validation errors, error limit reached. Validation aborted.';

/** The message a caller reads: what to fix instead of "Validation aborted.", and input quoted briefly. */
function callerMessage(message: string): string {
  if (message === VALIDATION_ABORTED) {
    return (
      'This operation has more problems than are listed here, so checking stopped after the first 100. ' +
      'Fix the problems above (one misspelt field repeated under many aliases is a common cause) and send it again.'
    );
  }
  return shortenQuotes(message);
}

export function formatError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.['code'];
  if (typeof code === 'string' && passesThrough(code)) {
    const extensions = Object.fromEntries(
      Object.entries(formatted.extensions ?? {}).filter(([name]) => !HIDDEN_EXTENSIONS.has(name)),
    );
    return { ...formatted, message: callerMessage(formatted.message), extensions: { ...extensions, code } };
  }
  return {
    message: 'Something went wrong on our side; the error has been logged',
    ...(formatted.path === undefined ? {} : { path: formatted.path }),
    ...(formatted.locations === undefined ? {} : { locations: formatted.locations }),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
