/**
 * When DEBUG_QUERIES is on, each response's `extensions.queries` reports the Neo4j round
 * trips and Cypher statements the operation cost (how the loaders' batching is proven).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context.ts';

export function debugExtensionsPlugin(enabled: boolean): ApolloServerPlugin<Context> {
  return {
    requestDidStart: () =>
      Promise.resolve(
        enabled
          ? {
              willSendResponse: ({ response, contextValue }) => {
                if (response.body.kind !== 'single') return Promise.resolve();
                const { roundTrips, statements } = contextValue.queryLog;
                response.body.singleResult.extensions = {
                  ...response.body.singleResult.extensions,
                  queries: { roundTrips, statements: statements.map((s) => s.name) },
                };
                return Promise.resolve();
              },
            }
          : {},
      ),
  };
}
