/**
 * The obligations of a revision as downloads read them (README "Downloads"; server/exports/):
 * one flat row per obligation with everything a spreadsheet needs beside it (its statement and
 * sentence, provision, heading, the bodies it names and binds with the reasons, its legal basis
 * and where it was read), read page by page through a fresh set of the request's loaders for
 * each page, so an export of any size holds one page in memory. The filter is the API's own:
 * findObligations checks it (loaders/obligation-query.ts) and the keys it names, with the same
 * codes and messages as `obligations(filter:)`.
 */
import { GraphShapeError } from '../core/errors.ts';
import type { ApplicabilityReason, Force, Modality, ProvisionKind, Qualifier } from '../core/vocabulary.ts';
import type { RevisionChoice } from '../domain/revision-in-force.ts';
import type { Loaders } from './create-loaders.ts';
import { legalProvisionLabel } from './instrument.ts';
import type { FullObligationModel, LegalBasisRelation } from './obligation.ts';
import type { ObligationFilterInput } from './obligation-query.ts';
import { isFullProvision, provisionLabel } from './provision.ts';
import { isFullBody, type BodyModel, type FullBodyModel } from './body.ts';
import type { RevisionModel } from './revision.ts';

/** How many obligations one page of an export reads (the API's own largest page is 100). */
export const EXPORT_PAGE_SIZE = 50;

export interface ExportedObligation {
  key: string;
  /** Stays the same across revisions (Obligation.lineage). */
  lineage: string;
  /** The part of the sentence that is this obligation (Obligation.statement). */
  statement: string;
  /** The whole sentence as published (Obligation.text). */
  sentence: string;
  modality: Modality;
  force: Force;
  qualifiers: Qualifier[];
  provision: { key: string; kind: ProvisionKind; label: string };
  heading: { key: string; title: string };
  addressees: { key: string; name: string }[];
  bodiesBound: { body: string; name: string; reason: ApplicabilityReason; explanation: string; via: string | null }[];
  legalBasis: {
    relation: LegalBasisRelation;
    provision: string;
    label: string;
    instrument: string;
    instrumentTitle: string;
    url: string | null;
    uri: string | null;
    location: string | null;
    /** The bodies bound through this provision, and the clauses that say so (Obligation.legalBasis.binds). */
    binds: { body: string; force: Force; location: string }[];
  }[];
  sources: { document: string; title: string; location: string }[];
}

/** A link every obligation must have (docs/graph-model.md, "Relationships"); its absence is the graph's fault. */
const required = <T>(value: T | null | undefined, what: string): T => {
  if (value === null || value === undefined) throw new GraphShapeError(`${what} is missing`);
  return value;
};

/** The rows of one page of obligations, each link read by one batched query for the whole page. */
export async function exportRowsOf(loaders: Loaders, obligations: readonly FullObligationModel[]): Promise<ExportedObligation[]> {
  return Promise.all(
    obligations.map(async (obligation) => {
      const [provision, addressees, bound, basis, sources] = await Promise.all([
        loaders.provisionOfObligation.load(obligation.uid),
        loaders.addresseesOfObligation.load(obligation.uid),
        loaders.applicabilityOfObligation.load(obligation.uid),
        loaders.legalBasisOfObligation.load(obligation.uid),
        loaders.sourcesOf('Obligation', obligation.uid),
      ]);
      const of = required(provision, `the provision of obligation ${obligation.uid}`);
      // The loaders' answers are whole unless a planned statement primed them with less (loaders/lookahead.ts).
      const stated = isFullProvision(of) ? of : required(await loaders.provisionByUid.load(of.uid), `provision ${of.uid}`);
      const wholeBody = async (body: BodyModel): Promise<FullBodyModel> => (isFullBody(body) ? body : required(await loaders.bodyByKey.load(body.key), `body ${body.key}`));
      const [heading, instruments, named, boundBodies] = await Promise.all([
        loaders.headingOfProvision.load(stated.uid),
        Promise.all(basis.map((link) => loaders.instrumentByKey.load(link.provision.instrumentKey))),
        Promise.all(addressees.map(wholeBody)),
        Promise.all(bound.map(async (a) => ({ ...a, body: await wholeBody(a.body) }))),
      ]);
      const under = required(heading, `the heading of provision ${stated.uid}`);
      return {
        key: obligation.key,
        lineage: obligation.lineage,
        statement: obligation.statement,
        sentence: obligation.text,
        modality: obligation.modality,
        force: obligation.force,
        qualifiers: obligation.qualifiers,
        provision: { key: stated.key, kind: stated.kind, label: provisionLabel(stated) },
        heading: { key: under.key, title: under.title },
        addressees: named.map((body) => ({ key: body.key, name: body.name })),
        bodiesBound: boundBodies.map((a) => ({ body: a.body.key, name: a.body.name, reason: a.reason, explanation: a.explanation, via: a.via })),
        legalBasis: basis.map((link, index) => ({
          relation: link.relation,
          provision: link.provision.key,
          label: legalProvisionLabel(link.provision),
          instrument: link.provision.instrumentKey,
          instrumentTitle: instruments[index]?.title ?? link.provision.instrumentKey,
          url: link.provision.url,
          uri: link.provision.uri,
          location: link.location,
          binds: link.binds.map((binding) => ({ body: binding.body, force: binding.force, location: binding.location })),
        })),
        sources: sources.map((source) => ({ document: source.document.key, title: source.document.title, location: source.location })),
      };
    }),
  );
}

export interface ObligationExport {
  revision: RevisionModel;
  /** How many obligations match, as `obligations(filter:) { totalCount }` answers. */
  totalCount: number;
  /** When the seed last loaded the graph (loaders/service-info.ts). */
  graphLoadedAt: string | null;
  /** The rows, one page at a time, in reading order. */
  pages(): AsyncGenerator<ExportedObligation[]>;
}

/**
 * Opens an export of the obligations that match `filter` in the revision `choice` names:
 * chooses the revision, checks the filter and its keys and reads the first page, so that
 * every refusal (BAD_USER_INPUT, NOT_FOUND) comes before anything is sent; the other pages are
 * read as they are asked for, each with fresh loaders. `makeLoaders` gives loaders that see
 * drafts only for the editorial team (loaders/create-loaders.ts, `canSeeDrafts`).
 */
export async function openObligationExport(
  makeLoaders: () => Loaders,
  choice: RevisionChoice,
  filter: ObligationFilterInput,
  pageSize: number = EXPORT_PAGE_SIZE,
): Promise<ObligationExport> {
  const loaders = makeLoaders();
  const revision = await loaders.revisionFor(choice);
  const [first, graphLoadedAt] = await Promise.all([loaders.findWholeObligations(revision, filter, { offset: 0, limit: pageSize }), loaders.graphLoadedAt()]);
  const firstRows = await exportRowsOf(loaders, first.items);
  return {
    revision,
    totalCount: first.totalCount,
    graphLoadedAt,
    async *pages() {
      yield firstRows;
      for (let offset = pageSize; offset < first.totalCount; offset += pageSize) {
        const fresh = makeLoaders();
        const page = await fresh.findWholeObligations(revision, filter, { offset, limit: pageSize });
        if (page.items.length === 0) return;
        yield await exportRowsOf(fresh, page.items);
      }
    },
  };
}
