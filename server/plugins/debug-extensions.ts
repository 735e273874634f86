/**
 * When DEBUG_QUERIES is on, each response's `extensions.queries` reports the Neo4j round
 * trips and Cypher statements the operation cost (how the loaders' batching is proven).
 */
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { Context } from '../context.ts';

/** Off, it has no requestDidStart at all: Apollo calls every request's listeners at each stage of it. */
export function debugExtensionsPlugin(enabled: boolean): ApolloServerPlugin<Context> {
  if (!enabled) return {};
  const listener: GraphQLRequestListener<Context> = {
    willSendResponse: ({ response, contextValue }) => {
      if (response.body.kind !== 'single') return Promise.resolve();
      const { roundTrips, statements } = contextValue.queryLog;
      response.body.singleResult.extensions = {
        ...response.body.singleResult.extensions,
        queries: { roundTrips, statements: statements.map((s) => s.name) },
      };
      return Promise.resolve();
    },
  };
  const started = Promise.resolve(listener);
  return { requestDidStart: () => started };
}
