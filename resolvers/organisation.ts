import { toGlobalId } from '../loaders/global-id.ts';
import type { Resolvers } from './__generated__/resolvers-types.ts';
import { found } from './support.ts';

export const organisationResolvers: Resolvers = {
  Query: {
    organisations: (_parent, _args, { loaders }) => loaders.allOrganisations(),
    organisation: async (_parent, { key }, { loaders }) => found(await loaders.organisationByKey.load(key), 'organisation', key, 'social-care-wales'),
  },
  Organisation: {
    id: (organisation) => toGlobalId('Organisation', organisation.key),
    sources: (organisation, _args, { loaders }) => loaders.sourcesOf('Organisation', organisation.key),
  },
};
