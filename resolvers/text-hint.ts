/**
 * The hint of an empty answer to words (schema/text-hint.graphql): computed only when asked
 * for, from what the entry point left on its connection (loaders/text-hint.ts).
 */
import type { Resolvers } from './__generated__/resolvers-types.ts';

export const textHintResolvers: Resolvers = {
  ObligationConnection: {
    hint: (connection) => connection.textHint?.() ?? null,
  },
  SearchHitConnection: {
    hint: (connection) => connection.textHint?.() ?? null,
  },
};
