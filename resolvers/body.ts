import { toGlobalId } from '../loaders/global-id.ts';
import type { Resolvers } from './__generated__/resolvers-types.ts';
import { found } from './support.ts';

export const bodyResolvers: Resolvers = {
  Query: {
    bodies: (_parent, _args, { loaders }) => loaders.allBodies(),
    body: async (_parent, { key }, { loaders }) => found(await loaders.bodyByKey.load(key), 'body', key, 'local-health-board'),
  },
  Body: {
    id: (body) => toGlobalId('Body', body.key),
    // A planned statement reads a body's description only when it is asked there (loaders/projection.ts).
    description: (body, _args, { loaders }) => (body.description === undefined ? loaders.bodyDescription.load(body.key) : body.description),
    memberOf: (body, _args, { loaders }) => loaders.groupsOfBody.load(body.key),
    members: (body, _args, { loaders }) => loaders.membersOfGroup.load(body.key),
    actsFor: (body, _args, { loaders }) => loaders.bodiesActedFor.load(body.key),
    sources: (body, _args, { loaders }) => loaders.sourcesOf('Body', body.key),
  },
};
