import { toGlobalId, uidOf } from '../loaders/global-id.ts';
import { toConnection } from '../loaders/pagination.ts';
import { pageRequest } from '../domain/page-request.ts';
import { PROVISION_KEY } from '../core/keys.ts';
import { plannedLink } from '../loaders/planned.ts';
import { provisionLabel, type ProvisionModel } from '../loaders/provision.ts';
import { badUserInput } from '../core/errors.ts';
import type { ResolverContext } from './context.ts';
import type { ClauseResolvers, Resolvers } from './__generated__/resolvers-types.ts';
import { found, inRevision, present, provisionProperty, revisionChoice, wholeProvision } from './support.ts';

/** The fields every kind of provision resolves alike (Clause, Principle, Standard). */
const provisionFields = {
  id: (provision: ProvisionModel) => toGlobalId(provision.__typename, provision.uid),
  // A planned statement reads only the properties the fields asked of a provision need
  // (loaders/projection.ts); each field loads the whole provision when its model came without.
  label: (provision: ProvisionModel, _args: unknown, { loaders }: ResolverContext) => {
    const { kind, number, title } = provision;
    if (number !== undefined && title !== undefined) return provisionLabel({ kind, number, title });
    return wholeProvision(loaders, provision).then(provisionLabel);
  },
  number: provisionProperty('number'),
  title: provisionProperty('title'),
  text: provisionProperty('text'),
  order: provisionProperty('order'),
  lineage: provisionProperty('lineage'),
  uncountedModals: provisionProperty('uncountedModals'),
  // The links a plan read below the provision answer at once, without a promise (loaders/planned.ts).
  heading: (provision: ProvisionModel, _args: unknown, { loaders }: ResolverContext) => {
    const what = `the heading of provision ${provision.uid}`;
    const planned = plannedLink(provision, 'heading');
    return planned !== undefined ? present(planned, what) : loaders.headingOfProvision.load(provision.uid).then((heading) => present(heading, what));
  },
  revision: async (provision: ProvisionModel, _args: unknown, { loaders }: ResolverContext) =>
    present(await loaders.revisionByKey(provision.revision), `revision ${provision.revision}`),
  obligations: (provision: ProvisionModel, _args: unknown, { loaders }: ResolverContext) =>
    plannedLink(provision, 'obligations') ?? loaders.obligationsOfProvision.load(provision.uid),
  cites: (provision: ProvisionModel, _args: unknown, { loaders }: ResolverContext) => loaders.citationsOfProvision.load(provision.uid),
  footnotes: (provision: ProvisionModel, _args: unknown, { loaders }: ResolverContext) => loaders.footnotesOfProvision.load(provision.uid),
  restatesDuties: (provision: ProvisionModel, _args: unknown, { loaders }: ResolverContext) => loaders.dutiesRestatedByProvision.load(provision.uid),
  sources: (provision: ProvisionModel, _args: unknown, { loaders }: ResolverContext) => loaders.sourcesOf(provision.__typename, provision.uid),
} satisfies ClauseResolvers;

const themes = (provision: ProvisionModel, _args: unknown, { loaders }: ResolverContext) => loaders.themesOfProvision.load(provision.uid);

export const provisionResolvers: Resolvers = {
  Query: {
    provision: async (_parent, args, { loaders }, info) => {
      const key = args.key.trim();
      if (!PROVISION_KEY.test(key)) throw badUserInput(`key must be a provision's key, such as "1.53", "P3" or "S8"; got "${args.key}"`, 'key');
      const revision = await loaders.revisionFor(revisionChoice(args));
      return found(await loaders.provisionAsked(uidOf(revision.key, key), info), `provision ${inRevision(revision)}`, key, '1.53');
    },
    provisions: async (_parent, args, { loaders }) => {
      const request = pageRequest(args.first, args.after);
      const revision = await loaders.revisionFor(revisionChoice(args));
      return { revision, ...toConnection(await loaders.findProvisions(revision, args.kind ?? null, request)) };
    },
  },
  Provision: {
    __resolveType: (provision) => provision.__typename,
  },
  Clause: provisionFields,
  Principle: { ...provisionFields, themes },
  Standard: { ...provisionFields, themes },
  Footnote: {
    id: (footnote) => toGlobalId('Footnote', footnote.uid),
    cites: (footnote, _args, { loaders }) => loaders.citationsOfFootnote.load(footnote.uid),
    sources: (footnote, _args, { loaders }) => loaders.sourcesOf('Footnote', footnote.uid),
  },
  Citable: {
    __resolveType: (citable) => citable.__typename,
  },
};
