import { toGlobalId, uidOf } from '../loaders/global-id.ts';
import { obligationNumber, type ObligationModel } from '../loaders/obligation.ts';
import type { Page } from '../loaders/pagination.ts';
import { plannedLink } from '../loaders/planned.ts';
import { OBLIGATION_KEY } from '../core/keys.ts';
import { toConnection } from '../loaders/pagination.ts';
import { pageRequest } from '../domain/page-request.ts';
import { badUserInput } from '../core/errors.ts';
import type { Resolvers } from './__generated__/resolvers-types.ts';
import { found, inRevision, obligationProperty as property, present, revisionChoice } from './support.ts';

export const obligationResolvers: Resolvers = {
  Query: {
    obligations: async (_parent, args, { loaders }, info) => {
      const request = pageRequest(args.first, args.after);
      const revision = await loaders.revisionFor(revisionChoice(args));
      const page: Page<ObligationModel> = await loaders.findObligations(revision, args.filter, request, info);
      return {
        revision,
        ...toConnection(page),
        textHint: () => loaders.obligationsTextHint(revision, args.filter, page.totalCount),
      };
    },
    obligationFacets: async (_parent, args, { loaders }) => loaders.obligationFacets(await loaders.revisionFor(revisionChoice(args)), args.filter),
    obligation: async (_parent, args, { loaders }, info) => {
      const key = args.key.trim();
      if (!OBLIGATION_KEY.test(key)) throw badUserInput(`key must be an obligation's key, such as "S8/3" or "1.53/1"; got "${args.key}"`, 'key');
      const revision = await loaders.revisionFor(revisionChoice(args));
      return found(await loaders.obligationAsked(uidOf(revision.key, key), info), `obligation ${inRevision(revision)}`, key, 'S8/3');
    },
  },
  Obligation: {
    id: (obligation) => toGlobalId('Obligation', obligation.uid),
    number: (obligation) => obligationNumber(obligation.key),
    text: property('text'),
    modality: property('modality'),
    force: property('force'),
    trigger: property('trigger'),
    triggerStart: property('triggerStart'),
    triggerEnd: property('triggerEnd'),
    qualifiers: property('qualifiers'),
    overridden: property('fromOverride'),
    overrideReason: property('overrideReason'),
    order: property('order'),
    lineage: property('lineage'),
    // The links a plan read below the obligation answer at once, without a promise (loaders/planned.ts).
    provision: (obligation, _args, { loaders }) => {
      const what = `the provision of obligation ${obligation.uid}`;
      const planned = plannedLink(obligation, 'provision');
      return planned !== undefined ? present(planned, what) : loaders.provisionOfObligation.load(obligation.uid).then((provision) => present(provision, what));
    },
    heading: async (obligation, _args, { loaders }) => {
      const provision = present(await loaders.provisionOfObligation.load(obligation.uid), `the provision of obligation ${obligation.uid}`);
      return present(await loaders.headingOfProvision.load(provision.uid), `the heading of provision ${provision.uid}`);
    },
    revision: async (obligation, _args, { loaders }) => present(await loaders.revisionByKey(obligation.revision), `revision ${obligation.revision}`),
    addressees: (obligation, _args, { loaders }) => plannedLink(obligation, 'addressees') ?? loaders.addresseesOfObligation.load(obligation.uid),
    appliesTo: (obligation, { body }, { loaders }) =>
      // A planned body's applicability is kept only when the body exists; else applicabilityFor says NOT_FOUND.
      (body === undefined || body === null ? plannedLink(obligation, 'applicability') : plannedLink(obligation, 'applicabilityFor')?.get(body)) ??
      loaders.applicabilityFor(obligation.uid, body ?? null),
    cites: (obligation, _args, { loaders }) => loaders.citationsOfObligation.load(obligation.uid),
    legalBasis: (obligation, { body }, { loaders }) => loaders.legalBasisFor(obligation.uid, body ?? null),
    trace: (obligation, _args, { loaders }) => plannedLink(obligation, 'trace') ?? loaders.traceOfObligation.load(obligation.uid),
    sources: (obligation, _args, { loaders }) => loaders.sourcesOf('Obligation', obligation.uid),
  },
  Applicability: {
    via: (applicability, _args, { loaders }) =>
      applicability.via === null || applicability.via === applicability.body.key ? null : loaders.bodyByKey.load(applicability.via),
  },
};
