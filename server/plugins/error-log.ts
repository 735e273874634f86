/**
 * Logs every error that formatError (server/format-error.ts) will mask, once, before it is
 * masked: the request id (the logger is bound to it), the operation's name, the path, the
 * names of the variables (never their values: they may hold a person's text), and the
 * cause with its stack. Errors the caller can read (our codes, parse and validation
 * failures) are not logged here: they are answers, not faults.
 */
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Context } from '../context.ts';
import { passesThrough } from '../format-error.ts';

/** The deepest cause of an error: a resolver's error, or the driver error our executor wrapped. */
export function causeOf(error: GraphQLError): unknown {
  const original: unknown = error.originalError ?? error;
  if (original instanceof GraphQLError) {
    const cause = original.extensions['cause'];
    if (cause !== undefined) return cause;
  }
  return original;
}

/** One listener for every request (it keeps nothing per request), handed out already resolved. */
const listener: GraphQLRequestListener<Context> = {
  didEncounterErrors: ({ errors, contextValue, operationName, request }) => {
    for (const error of errors) {
      if (passesThrough(error.extensions['code'])) continue;
      contextValue.log.error(
        {
          operationName: operationName ?? request.operationName ?? null,
          path: error.path ?? null,
          variables: Object.keys(request.variables ?? {}),
          err: causeOf(error),
        },
        'masked an unexpected error as INTERNAL_SERVER_ERROR',
      );
    }
    return Promise.resolve();
  },
};

export function errorLogPlugin(): ApolloServerPlugin<Context> {
  const started = Promise.resolve(listener);
  return { requestDidStart: () => started };
}
