/**
 * An operation past its deadline fails once (db/run-query.ts gives every statement the same
 * deadline): however many fields were waiting when it passed, the answer carries one
 * OPERATION_TIMED_OUT error, the first, and no copies of it.
 */
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { Context } from '../context.ts';

/** One listener for every request (it keeps nothing per request), handed out already resolved. */
const listener: GraphQLRequestListener<Context> = {
  willSendResponse: ({ response }) => {
    if (response.body.kind !== 'single') return Promise.resolve();
    const result = response.body.singleResult;
    const errors = result.errors;
    if (errors === undefined) return Promise.resolve();
    let seen = false;
    const kept = errors.filter((error) => {
      if (error.extensions?.['code'] !== 'OPERATION_TIMED_OUT') return true;
      if (seen) return false;
      seen = true;
      return true;
    });
    if (kept.length !== errors.length) result.errors = kept;
    return Promise.resolve();
  },
};

export function oneTimeoutPlugin(): ApolloServerPlugin<Context> {
  const started = Promise.resolve(listener);
  return { requestDidStart: () => started };
}
