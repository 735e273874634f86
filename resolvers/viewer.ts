/**
 * `Query.viewer` (schema/viewer.graphql): who the request is signed in as, from the context
 * (server/auth/bearer-auth.ts verified the token before GraphQL ran); null when anonymous.
 */
import type { Role } from '../core/vocabulary.ts';
import type { Resolvers, Role as RoleValue } from './__generated__/resolvers-types.ts';

/** The GraphQL enum value of each role of ROLES (core/vocabulary.ts). */
const ROLE_VALUES: Record<Role, RoleValue> = { editor: 'EDITOR', reviewer: 'REVIEWER', publisher: 'PUBLISHER' };

export const viewerResolvers: Resolvers = {
  Query: {
    viewer: (_parent, _args, { viewer }) => viewer,
  },
  Viewer: {
    roles: (viewer) => viewer.roles.map((role) => ROLE_VALUES[role]),
  },
};
