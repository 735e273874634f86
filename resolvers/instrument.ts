import { toGlobalId } from '../loaders/global-id.ts';
import { legalProvisionLabel } from '../loaders/instrument.ts';
import { pageOf, toConnection } from '../loaders/pagination.ts';
import { pageRequest } from '../domain/page-request.ts';
import type { ResolverContext } from './context.ts';
import type { Resolvers } from './__generated__/resolvers-types.ts';
import { found, present, revisionChoice } from './support.ts';

interface CitedByArgs {
  asOf?: Date | null;
  revision?: string | null;
  first?: number | null;
  after?: string | null;
}

/** `citedByObligations` of anything citable: the obligations citing it, one page, in reading order. */
export async function citedByObligations(cited: { key: string }, args: CitedByArgs, { loaders }: ResolverContext) {
  const request = pageRequest(args.first, args.after);
  const revision = await loaders.revisionFor(revisionChoice(args));
  const all = await loaders.obligationsCiting.load({ revision: revision.key, key: cited.key });
  return { revision, ...toConnection(pageOf(all, request)) };
}

/** `citedByProvisions` of anything citable: the provisions citing it, one page, in reading order. */
export async function citedByProvisions(cited: { key: string }, args: CitedByArgs, { loaders }: ResolverContext) {
  const request = pageRequest(args.first, args.after);
  const revision = await loaders.revisionFor(revisionChoice(args));
  const all = await loaders.provisionsCiting.load({ revision: revision.key, key: cited.key });
  return { revision, ...toConnection(pageOf(all, request)) };
}

export const instrumentResolvers: Resolvers = {
  Query: {
    instruments: async (_parent, { kind, first, after }, { loaders }) => toConnection(await loaders.findInstruments(kind ?? null, pageRequest(first, after))),
    instrument: async (_parent, { key }, { loaders }) => found(await loaders.instrumentByKey.load(key), 'instrument', key, 'anaw/2014/4'),
    legalProvision: async (_parent, { key }, { loaders }) =>
      found(await loaders.legalProvisionByKey.load(key), 'section or regulation', key, 'anaw/2014/4/section/145'),
  },
  Instrument: {
    id: (instrument) => toGlobalId('Instrument', instrument.key),
    provisions: (instrument, _args, { loaders }) => loaders.legalProvisionsOfInstrument.load(instrument.key),
    enablingProvisions: (instrument, _args, { loaders }) => loaders.enablingProvisionsOfInstrument.load(instrument.key),
    related: (instrument, _args, { loaders }) => loaders.relatedInstruments.load(instrument.key),
    revisions: (instrument, _args, { loaders }) => loaders.revisionsOfInstrument(instrument.key),
    citedByObligations,
    citedByProvisions,
    sources: (instrument, _args, { loaders }) => loaders.sourcesOf('Instrument', instrument.key),
  },
  LegalProvision: {
    id: (provision) => toGlobalId('LegalProvision', provision.key),
    label: (provision) => legalProvisionLabel(provision),
    instrument: async (provision, _args, { loaders }) =>
      present(await loaders.instrumentByKey.load(provision.instrumentKey), `the instrument of ${provision.key}`),
    enables: (provision, _args, { loaders }) => loaders.instrumentsEnabledBy.load(provision.key),
    citedByObligations,
    citedByProvisions,
    sources: (provision, _args, { loaders }) => loaders.sourcesOf('LegalProvision', provision.key),
  },
};
