import { toGlobalId } from '../loaders/global-id.ts';
import type { Resolvers } from './__generated__/resolvers-types.ts';
import { bodyProperty, found } from './support.ts';

export const bodyResolvers: Resolvers = {
  Query: {
    bodies: (_parent, _args, { loaders }) => loaders.allBodies(),
    body: async (_parent, { key }, { loaders }) => found(await loaders.bodyByKey.load(key), 'body', key, 'local-health-board'),
  },
  Body: {
    id: (body) => toGlobalId('Body', body.key),
    name: bodyProperty('name'),
    pluralName: bodyProperty('pluralName'),
    description: bodyProperty('description'),
    isGroup: bodyProperty('isGroup'),
    memberOf: (body, _args, { loaders }) => loaders.groupsOfBody.load(body.key),
    members: (body, _args, { loaders }) => loaders.membersOfGroup.load(body.key),
    actsFor: (body, _args, { loaders }) => loaders.bodiesActedFor.load(body.key),
    sources: (body, _args, { loaders }) => loaders.sourcesOf('Body', body.key),
  },
};
