import { fromGlobalId } from '../loaders/global-id.ts';
import { badUserInput, notFound } from '../core/errors.ts';
import type { Resolvers } from './__generated__/resolvers-types.ts';

const MAX_IDS = 100;

/** The decoded id, or BAD_USER_INPUT showing what an id looks like. */
function decode(id: string, argument: string) {
  const decoded = fromGlobalId(id);
  if (decoded === null) {
    throw badUserInput(`${argument} must be an id this API returned in an id field, such as "T2JsaWdhdGlvbjoyMDI0LTA5LTAxfFM4LzM="; got "${id}"`, argument);
  }
  return decoded;
}

export const baseResolvers: Resolvers = {
  Query: {
    service: (_parent, _args, { loaders }) => loaders.serviceInfo(),
    node: async (_parent, { id }, { loaders }) => {
      const node = await loaders.node(decode(id, 'id'));
      if (node === null) throw notFound('node', id, 'an id returned in an id field');
      return node;
    },
    nodes: (_parent, { ids }, { loaders }) => {
      if (ids.length > MAX_IDS) throw badUserInput(`ids must list at most ${MAX_IDS} ids; got ${ids.length}`, 'ids');
      const decoded = ids.map((id) => decode(id, 'ids'));
      return decoded.map(async (id, index) => {
        const node = await loaders.node(id);
        if (node === null) throw notFound('node', ids[index] ?? '', 'an id returned in an id field');
        return node;
      });
    },
  },
  Node: {
    __resolveType: (node) => node.__typename,
  },
};
