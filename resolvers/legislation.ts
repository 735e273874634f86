/**
 * Legislation (schema/legislation.graphql): the identifier URI the seed derived from each key
 * (domain/legislation-links.ts), the level of an instrument, and the list of all primary or
 * secondary legislation.
 */
import { pageRequest } from '../domain/page-request.ts';
import { legislationLinks } from '../domain/legislation-links.ts';
import { toConnection } from '../loaders/pagination.ts';
import type { Resolvers } from './__generated__/resolvers-types.ts';

export const legislationResolvers: Resolvers = {
  Query: {
    legislation: async (_parent, { level, first, after }, { loaders }) => toConnection(await loaders.findLegislation(level ?? null, pageRequest(first, after))),
  },
  Instrument: {
    uri: (instrument) => instrument.uri,
    legislationLevel: (instrument) => legislationLinks(instrument.key)?.level ?? null,
  },
  LegalProvision: {
    uri: (provision) => provision.uri,
  },
};
