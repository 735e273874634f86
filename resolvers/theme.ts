import { toGlobalId } from '../loaders/global-id.ts';
import type { Resolvers } from './__generated__/resolvers-types.ts';
import { found, revisionChoice } from './support.ts';

export const themeResolvers: Resolvers = {
  Query: {
    themes: (_parent, _args, { loaders }) => loaders.allThemes(),
    theme: async (_parent, { key }, { loaders }) => found(await loaders.themeByKey.load(key), 'theme', key, 'evidence-informed-decision-making'),
  },
  Theme: {
    id: (theme) => toGlobalId('Theme', theme.key),
    provisions: async (theme, args, { loaders }) => {
      const revision = await loaders.revisionFor(revisionChoice(args));
      return loaders.provisionsOfTheme.load({ revision: revision.key, key: theme.key });
    },
    sources: (theme, _args, { loaders }) => loaders.sourcesOf('Theme', theme.key),
  },
};
