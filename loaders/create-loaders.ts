/**
 * Fresh loaders for each request, so nothing is cached across requests (docs/architecture.md,
 * "Loaders and batching"): DataLoaders whose batch functions send one `UNWIND` query per batch,
 * plus the few queries that answer a whole entry point (a page of obligations, a search).
 * With `batching: false` every load is its own round trip (the benchmark's comparison).
 *
 * The DataLoaders are made lazily: each entity's group (its module's `create...Loaders`) is made
 * the first time the request uses one of its loaders, so a request pays only for the groups it
 * reads (a provision lookup makes three of fifteen; `{ __typename }` none).
 */
import { notFound } from '../core/errors.ts';
import type { LoaderOptions } from './batch.ts';
import { createAuditLoaders } from './audit.ts';
import { createRevisionEventLoaders } from './revision-events.ts';
import { createBodyLoaders, loadAllBodies, type BodyModel } from './body.ts';
import { createCitationLoaders } from './citation.ts';
import { findObligations } from './find-obligations.ts';
import { obligationFacets } from './obligation-facets.ts';
import { parseFullTextQuery } from '../domain/full-text-query.ts';
import { createFootnoteLoaders } from './footnote.ts';
import type { DecodedId } from './global-id.ts';
import { createHeadingLoaders } from './heading.ts';
import { createInstrumentLoaders, findInstruments } from './instrument.ts';
import { loadNode, type NodeModel } from './node.ts';
import { createObligationLoaders, type ApplicabilityModel, type LegalBasisModel, type ObligationModel } from './obligation.ts';
import { legalBasisOfBodies } from '../domain/legal-basis-per-body.ts';
import { toObligationCriteria, type ObligationFilterInput } from './obligation-query.ts';
import { createOrganisationLoaders, loadAllOrganisations, type OrganisationModel } from './organisation.ts';
import type { PageRequest } from './pagination.ts';
import { createProvisionLoaders, findProvisions, type ProvisionModel } from './provision.ts';
import { chooseRevision, todayInWales, type RevisionChoice } from '../domain/revision-in-force.ts';
import { loadRevisions, newestFirst, type RevisionModel } from './revision.ts';
import { createRevisionTreeLoader } from './revision-tree.ts';
import type { QueryRunner } from '../db/run-query.ts';
import { createSourceLoaders, loadAllSourceDocuments, type SourcedLabel, type SourceDocumentModel, type SourceReferenceModel } from './source.ts';
import { buildSearchQuery, search, type SearchHitKind } from './search.ts';
import { obligationsTextHint, searchTextHint } from './text-hint.ts';
import { loadTopics, type TopicKind } from './topic.ts';
import { loadGraphLoadedAt, loadServiceInfo } from './service-info.ts';
import { findLegislation } from './legislation.ts';
import type { LegislationLevel } from '../domain/legislation-links.ts';
import { createLookahead } from './lookahead.ts';
import { Selection, type SelectionSource } from './selection.ts';
import { createTermLoaders, findTerms } from './term.ts';
import { createThemeLoaders, loadAllThemes, type ThemeModel } from './theme.ts';
import { createToolkitLoaders, findToolkitItems } from './toolkit.ts';
import { createTraceLoaders } from './trace.ts';
import type { InstrumentKind, ProvisionKind, ToolkitItemKind } from '../core/vocabulary.ts';

export type { LoaderOptions } from './batch.ts';

/** A query whose answer is the same for the whole request: run once, on first use. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let answer: Promise<T> | undefined;
  return () => (answer ??= load());
}

/** The published revisions as a server keeps them between requests (loaders/revision-cache.ts). */
export interface PublishedRevisions {
  published(runner: QueryRunner): Promise<RevisionModel[]>;
}

/** The groups of batched loaders, one per entity module; each is made on first use in a request. */
const GROUPS = [
  createHeadingLoaders,
  createProvisionLoaders,
  createObligationLoaders,
  createBodyLoaders,
  createInstrumentLoaders,
  createCitationLoaders,
  createToolkitLoaders,
  createOrganisationLoaders,
  createTermLoaders,
  createThemeLoaders,
  createFootnoteLoaders,
  createTraceLoaders,
  createSourceLoaders,
  createAuditLoaders,
  createRevisionEventLoaders,
] as const;

type UnionToIntersection<U> = (U extends unknown ? (union: U) => void : never) extends (intersection: infer I) => void ? I : never;
/** Every batched loader of every group, by name. */
type Batched = UnionToIntersection<ReturnType<(typeof GROUPS)[number]>>;

const REQUEST = Symbol('the request of the loaders');
interface RequestGroups {
  runner: QueryRunner;
  options: LoaderOptions;
  /** The groups made so far, by their index in GROUPS. */
  made: (object | undefined)[];
}

/**
 * The prototype of every request's loaders: one getter per batched loader, which makes the
 * loader's group for that request on first use and keeps it. Built on the first request from
 * the names of the groups it makes (a group's names never change).
 */
let lazyPrototype: object | undefined;

function prototypeOf(namesOfGroups: readonly (readonly string[])[]): object {
  const prototype = {};
  namesOfGroups.forEach((names, index) => {
    const make: (runner: QueryRunner, options: LoaderOptions) => object = GROUPS[index] ?? (() => ({}));
    for (const name of names) {
      Object.defineProperty(prototype, name, {
        get(this: { [REQUEST]: RequestGroups }): unknown {
          const request = this[REQUEST];
          const group = (request.made[index] ??= make(request.runner, request.options));
          return (group as Record<string, unknown>)[name];
        },
      });
    }
  });
  return prototype;
}

function batchedLoaders(runner: QueryRunner, options: LoaderOptions): Batched {
  const made: (object | undefined)[] = [];
  if (lazyPrototype === undefined) {
    GROUPS.forEach((make, index) => {
      made[index] = make(runner, options);
    });
    lazyPrototype = prototypeOf(made.map((group) => Object.keys(group ?? {})));
  }
  const batched = Object.create(lazyPrototype) as Batched & { [REQUEST]: RequestGroups };
  batched[REQUEST] = { runner, options, made };
  return batched;
}

export function createLoaders(runner: QueryRunner, options: LoaderOptions & { revisionCache?: PublishedRevisions }) {
  // Drafts are invisible, not forbidden, to whoever may not see them: they answer NOT_FOUND.
  const cache = options.revisionCache;
  const revisions = once(async (): Promise<RevisionModel[]> => {
    if (cache === undefined) return (await loadRevisions(runner)).filter((r) => r.published || options.canSeeDrafts === true);
    const published = await cache.published(runner);
    return options.canSeeDrafts === true ? newestFirst([...published, ...(await loadRevisions(runner, todayInWales(), 'drafts'))]) : published;
  });
  const batched = batchedLoaders(runner, options);
  const revisionByKey = async (key: string): Promise<RevisionModel | null> => (await revisions()).find((r) => r.key === key) ?? null;
  // Looking ahead (loaders/lookahead.ts) is part of batching: with batching off every load is its own round trip.
  const lookahead = options.batching ? createLookahead(runner, batched, { canSeeDrafts: options.canSeeDrafts === true }) : null;
  const loaders = {
    serviceInfo: () => loadServiceInfo(runner),
    /** When the seed last loaded the graph (one query per request, on first use). */
    graphLoadedAt: once(() => loadGraphLoadedAt(runner)),
    /** Every revision of the Code, newest first (one query per request). */
    revisions,
    revisionByKey,
    revisionTree: createRevisionTreeLoader(runner, revisionByKey),
    /** The revision that replaced this one (SUPERSEDES), if any. */
    revisionSuperseding: async (key: string): Promise<RevisionModel | null> => (await revisions()).find((r) => r.supersedesKey === key) ?? null,
    /** The revisions of an instrument (only the Code has any), newest first. */
    revisionsOfInstrument: async (instrumentKey: string): Promise<RevisionModel[]> => (await revisions()).filter((r) => r.instrumentKey === instrumentKey),
    /** The revision a request reads: by key, or in force on `asOf` (default today in Wales). */
    revisionFor: async (choice: RevisionChoice): Promise<RevisionModel> => chooseRevision(await revisions(), choice, todayInWales()),
    allBodies: once<BodyModel[]>(() => loadAllBodies(runner)),
    allThemes: once<ThemeModel[]>(() => loadAllThemes(runner)),
    allOrganisations: once<OrganisationModel[]>(() => loadAllOrganisations(runner)),
    allSourceDocuments: once<SourceDocumentModel[]>(() => loadAllSourceDocuments(runner)),
    /** Where a node was read (by its uid if a revision owns it, else its key), batched over every kind. */
    sourcesOf: (label: SourcedLabel, key: string): Promise<SourceReferenceModel[]> => batched.sourcesOfNode.load({ label, key }),
    /**
     * Who an obligation binds and why; with `body`, only that body or the members of that
     * group (NOT_FOUND for an unknown body).
     */
    applicabilityFor: async (obligationUid: string, body: string | null): Promise<ApplicabilityModel[]> => {
      if (body === null) return batched.applicabilityOfObligation.load(obligationUid);
      const [asked, applicability] = await Promise.all([batched.bodyByKey.load(body), batched.applicabilityOfObligationFor.load({ uid: obligationUid, body })]);
      if (asked === null) throw notFound('body', body, 'local-health-board');
      return applicability;
    },
    /**
     * An obligation's legal basis; with `body`, only the provisions through which it binds that
     * body or the members of that group (domain/legal-basis-per-body.ts; NOT_FOUND for an unknown body).
     */
    legalBasisFor: async (obligationUid: string, body: string | null): Promise<LegalBasisModel[]> => {
      const all = await batched.legalBasisOfObligation.load(obligationUid);
      if (body === null) return all;
      const [asked, members] = await Promise.all([batched.bodyByKey.load(body), batched.membersOfGroup.load(body)]);
      if (asked === null) throw notFound('body', body, 'local-health-board');
      return legalBasisOfBodies(all, new Set([body, ...members.map((member) => member.key)]));
    },
    node: (id: DecodedId): Promise<NodeModel | null> => loadNode(all, id),
    /**
     * A page of obligations; with the resolver's `info`, in one statement with what is asked
     * below its nodes (loaders/lookahead.ts).
     */
    findObligations: (revision: RevisionModel, filter: ObligationFilterInput | null | undefined, request: PageRequest, info: SelectionSource) =>
      lookahead === null ? findObligations(runner, batched, revision, filter, request) : lookahead.obligations(revision, filter, request, Selection.of(info)),
    /** A page of obligations with every property read, for what reads them outside GraphQL (the exports). */
    findWholeObligations: (revision: RevisionModel, filter: ObligationFilterInput | null | undefined, request: PageRequest) =>
      findObligations(runner, batched, revision, filter, request),
    /** A provision by uid and what the resolver's `info` asks below it, in one statement (loaders/lookahead.ts); null when there is none. */
    provisionAsked: (uid: string, info: SelectionSource): Promise<ProvisionModel | null> =>
      lookahead === null ? batched.provisionByUid.load(uid) : lookahead.provision(uid, Selection.of(info)),
    /** An obligation by uid and what the resolver's `info` asks below it, in one statement; null when there is none. */
    obligationAsked: (uid: string, info: SelectionSource): Promise<ObligationModel | null> =>
      lookahead === null ? batched.obligationByUid.load(uid) : lookahead.obligation(uid, Selection.of(info)),
    findProvisions: (revision: RevisionModel, kind: ProvisionKind | null, request: PageRequest) => findProvisions(runner, revision.key, kind, request),
    findTerms: (revision: RevisionModel, request: PageRequest) => findTerms(runner, revision.key, request),
    findInstruments: (kind: InstrumentKind | null, request: PageRequest) => findInstruments(runner, kind, request),
    findLegislation: (level: LegislationLevel | null, request: PageRequest) => findLegislation(runner, level, request),
    findToolkitItems: (kind: ToolkitItemKind | null, request: PageRequest) => findToolkitItems(runner, kind, request),
    search: (revision: RevisionModel, text: string, kinds: readonly SearchHitKind[] | null, request: PageRequest) =>
      search(runner, buildSearchQuery(parseFullTextQuery(text, 'text'), revision.key, kinds, request), request),
    /** Why a search found nothing (null when it found something): loaders/text-hint.ts. */
    searchTextHint: async (revision: RevisionModel, text: string, kinds: readonly SearchHitKind[] | null, totalCount: number) =>
      totalCount > 0 ? null : searchTextHint(runner, revision, parseFullTextQuery(text, 'text'), kinds),
    /** Why no obligation matched a filter with words (null when some did, or no words were asked). */
    obligationFacets: (revision: RevisionModel, filter: ObligationFilterInput | null | undefined) =>
      obligationFacets(runner, revision, toObligationCriteria(filter)),
    obligationsTextHint: async (revision: RevisionModel, filter: ObligationFilterInput | null | undefined, totalCount: number) =>
      totalCount > 0 ? null : obligationsTextHint(runner, revision, toObligationCriteria(filter)),
    /** The headings and glossary terms of a revision with their obligation counts (loaders/topic.ts). */
    topics: (revision: RevisionModel, kind: TopicKind | null) => loadTopics(runner, revision.key, kind),
  };
  // The whole-request answers beside the batched loaders, which stay lazy (on the prototype).
  const all: Batched & typeof loaders = Object.assign(batched, loaders);
  return all;
}

export type Loaders = ReturnType<typeof createLoaders>;
