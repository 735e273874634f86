import { toGlobalId } from '../loaders/global-id.ts';
import { toConnection } from '../loaders/pagination.ts';
import { pageRequest } from '../domain/page-request.ts';
import type { Resolvers } from './__generated__/resolvers-types.ts';
import { citedByObligations, citedByProvisions } from './instrument.ts';
import { found } from './support.ts';

export const toolkitResolvers: Resolvers = {
  Query: {
    toolkitItems: async (_parent, { kind, first, after }, { loaders }) => toConnection(await loaders.findToolkitItems(kind ?? null, pageRequest(first, after))),
    toolkitItem: async (_parent, { key }, { loaders }) => found(await loaders.toolkitItemByKey.load(key), 'toolkit item', key, 'toolkit/templates'),
  },
  ToolkitItem: {
    id: (item) => toGlobalId('ToolkitItem', item.key),
    citedByObligations,
    citedByProvisions,
    sources: (item, _args, { loaders }) => loaders.sourcesOf('ToolkitItem', item.key),
  },
};
