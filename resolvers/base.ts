import type { Resolvers } from './__generated__/resolvers-types.ts';

export const baseResolvers: Resolvers = {
  Query: {
    service: (_parent, _args, { loaders }) => loaders.serviceInfo(),
  },
};
