/**
 * Provisions of the Code (clauses, principles, standards; docs/graph-model.md, "Nodes"): by
 * uid, under a heading, stating an obligation, and a revision's provisions page by page.
 */
import { GraphShapeError } from '../core/errors.ts';
import { makeLoader, manyEach, oneEach, type LoaderOptions } from './batch.ts';
import { keyOfUid, revisionOfUid } from './global-id.ts';
import type { HeadingModel } from './heading.ts';
import type { ObligationModel } from './obligation.ts';
import type { WithPlanned } from './planned.ts';
import { asProps, integer, optionalText, text, textList, type Props } from '../db/graph-values.ts';
import { readPage, type Page, type PageRequest } from './pagination.ts';
import type { QueryRunner } from '../db/run-query.ts';
import type { ProvisionKind } from '../core/vocabulary.ts';
import { toUncountedModals, type UncountedModalModel } from './uncounted-modal.ts';
import { assignModelProperties, hasAllProperties, property, Reads, toAllModelProperties, type FieldReads, type PropertyReaders } from './projection.ts';

export type ProvisionTypeName = 'Clause' | 'Principle' | 'Standard';

/** What every provision model carries, however it was read: who it is and its kind (from its labels). */
interface ProvisionIdentity {
  __typename: ProvisionTypeName;
  uid: string;
  key: string;
  revision: string;
  kind: ProvisionKind;
}

/** A provision's properties, as its fields read them (each read by a planned statement only when asked). */
export interface ProvisionProperties {
  number: string;
  title: string | null;
  text: string;
  order: number;
  /** Stays the same across revisions, whatever the key becomes (domain/lineage.ts). */
  lineage: string;
  /** Its modal verbs that are not obligations, with the rule and the reason (loaders/uncounted-modal.ts). */
  uncountedModals: UncountedModalModel[];
}

/**
 * A provision as read: its identity, and the properties its reader asked for (undefined: not
 * read; a planned statement reads only what the asked fields need, loaders/projection.ts, and
 * each field's resolver loads the whole provision when its property is missing).
 */
export type ProvisionModel = ProvisionIdentity & Partial<ProvisionProperties> & WithPlanned<ProvisionLinks>;

/** What a plan may read below a provision and keep on it (loaders/planned.ts). */
export interface ProvisionLinks {
  heading: HeadingModel | null;
  obligations: ObligationModel[];
}

/** A provision with every property read (the batch queries' PROVISION_VALUE). */
export type FullProvisionModel = ProvisionIdentity & ProvisionProperties;

const KIND_OF_LABEL: Record<ProvisionTypeName, ProvisionKind> = { Clause: 'CLAUSE', Principle: 'PRINCIPLE', Standard: 'STANDARD' };
const LABEL_OF_KIND: Record<ProvisionKind, ProvisionTypeName> = { CLAUSE: 'Clause', PRINCIPLE: 'Principle', STANDARD: 'Standard' };

export const labelOfProvisionKind = (kind: ProvisionKind): ProvisionTypeName => LABEL_OF_KIND[kind];
export const kindOfProvisionLabel = (label: ProvisionTypeName): ProvisionKind => KIND_OF_LABEL[label];

const UNCOUNTED_MODAL_LISTS = ['uncountedModalTriggers', 'uncountedModalStarts', 'uncountedModalEnds', 'uncountedModalKinds', 'uncountedModalReasons'];

/** What a planned statement always reads of a provision: its uid, which holds its revision and key (docs/graph-model.md, "Keys"; its labels come beside). */
export const PROVISION_ALWAYS = ['uid'];

const PROVISION_READERS: PropertyReaders<ProvisionProperties> = {
  // A provision without a number of its own (a standard) is numbered by its key.
  number: { from: ['number'], read: (props) => optionalText(props, 'number') ?? keyOfUid(text(props, 'uid')) },
  title: property('title', optionalText),
  text: property('text', text),
  order: property('order', integer),
  lineage: property('lineage', text),
  uncountedModals: { from: UNCOUNTED_MODAL_LISTS, read: toUncountedModals },
};

/** The GraphQL fields of Clause, Principle and Standard and the properties they read beyond PROVISION_ALWAYS (loaders/projection.ts). */
export const PROVISION_FIELD_READS: FieldReads = {
  number: ['number'],
  title: ['title'],
  text: ['text'],
  order: ['order'],
  lineage: ['lineage'],
  label: ['number', 'title'],
  uncountedModals: UNCOUNTED_MODAL_LISTS,
  ...Object.fromEntries(
    ['id', 'key', 'kind', 'heading', 'revision', 'obligations', 'cites', 'footnotes', 'restatesDuties', 'sources', 'themes'].map((field) => [field, []]),
  ),
};

/** The identity of `{node: properties, labels}` as returned by provisionValue, and its properties. */
function identityOf(value: unknown, reads: Reads): { identity: ProvisionIdentity; props: Props } {
  const { node, labels } = asProps(value, 'provision');
  const props = reads.propsOf(node, 'provision node');
  const labelled = textList({ labels }, 'labels');
  const typeName = (['Clause', 'Principle', 'Standard'] as const).find((label) => labelled.includes(label));
  if (typeName === undefined) throw new GraphShapeError(`provision ${JSON.stringify(props['uid'])} is not a Clause, Principle or Standard`);
  const uid = text(props, 'uid');
  return { identity: { __typename: typeName, uid, key: keyOfUid(uid), revision: revisionOfUid(uid), kind: KIND_OF_LABEL[typeName] }, props };
}

/** Maps `{node: properties, labels}` as returned by provisionValue, as read by `reads` (what it left out undefined). */
export function toProvisionAsRead(value: unknown, reads: Reads): ProvisionModel {
  const { identity, props } = identityOf(value, reads);
  const model: ProvisionModel = identity;
  assignModelProperties(model, props, PROVISION_READERS, reads);
  return model;
}

/** Maps `{node: properties, labels}` as returned by PROVISION_VALUE. */
export function toProvision(value: unknown): FullProvisionModel {
  const { identity, props } = identityOf(value, Reads.ALL);
  return { ...identity, ...toAllModelProperties(props, PROVISION_READERS) };
}

/** Whether the provision came with every property (a batch query's), not only those a planned statement read. */
export const isFullProvision = (provision: ProvisionModel): provision is FullProvisionModel => hasAllProperties(provision, PROVISION_READERS);

/**
 * A short name for a provision: Clause 1.53; Principle 3: <title>; a standard's printed title
 * already reads "Standard 8: ...".
 */
export function provisionLabel(provision: Pick<FullProvisionModel, 'kind' | 'number' | 'title'>): string {
  switch (provision.kind) {
    case 'CLAUSE':
      return `Clause ${provision.number}`;
    case 'PRINCIPLE':
      return provision.title === null ? `Principle ${provision.number}` : `Principle ${provision.number}: ${provision.title}`;
    case 'STANDARD':
      if (provision.title === null) return `Standard ${provision.number}`;
      return provision.title.startsWith('Standard ') ? provision.title : `Standard ${provision.number}: ${provision.title}`;
  }
}

/**
 * The Cypher map a provision (the variable `p`) is returned as (read by toProvision, or
 * toProvisionAsRead with `reads`); a plan puts what it links below it beside it (loaders/lookahead.ts).
 */
export const provisionValue = (p: string, reads = Reads.ALL): string => `{node: ${reads.cypher(p)}, labels: labels(${p})}`;

export const PROVISION_VALUE = provisionValue('p');

export const PROVISIONS_BY_UID = `
UNWIND $keys AS key
MATCH (p:Provision {uid: key})
WHERE $canSeeDrafts OR EXISTS { MATCH (:Revision {key: p.revision, published: true}) }
RETURN key, ${PROVISION_VALUE} AS value`;

export const PROVISIONS_OF_HEADINGS = `
UNWIND $keys AS key
MATCH (:Heading {uid: key})-[:CONTAINS]->(p:Provision)
RETURN key, ${PROVISION_VALUE} AS value
ORDER BY p.order`;

export const PROVISIONS_OF_OBLIGATIONS = `
UNWIND $keys AS key
MATCH (:Obligation {uid: key})-[:STATED_IN]->(p:Provision)
RETURN key, ${PROVISION_VALUE} AS value`;

/** One page of a revision's provisions in reading order, optionally of one kind (label). */
export const PROVISIONS_OF_REVISION = `
MATCH (p:Provision {revision: $revision})
WHERE $label IS NULL OR $label IN labels(p)
WITH p ORDER BY p.order
WITH collect(p) AS matched
RETURN size(matched) AS totalCount, [p IN matched[$offset..($offset + $limit)] | ${PROVISION_VALUE}] AS page`;

export function createProvisionLoaders(runner: QueryRunner, options: LoaderOptions) {
  return {
    /** A provision by uid (`<revision>|<key>`); null when there is none. */
    provisionByUid: makeLoader(options, oneEach(runner, 'provisionsByUid', PROVISIONS_BY_UID, toProvision, { canSeeDrafts: options.canSeeDrafts === true })),
    /** The provisions under a heading (by uid), in reading order. */
    provisionsOfHeading: makeLoader(options, manyEach(runner, 'provisionsOfHeadings', PROVISIONS_OF_HEADINGS, toProvision)),
    /** The provision that states an obligation (by the obligation's uid). */
    provisionOfObligation: makeLoader<string, ProvisionModel | null>(options, oneEach(runner, 'provisionsOfObligations', PROVISIONS_OF_OBLIGATIONS, toProvision)),
  };
}

/** One page of a revision's provisions, in reading order. */
export function findProvisions(runner: QueryRunner, revision: string, kind: ProvisionKind | null, request: PageRequest): Promise<Page<FullProvisionModel>> {
  const params = { revision, label: kind === null ? null : labelOfProvisionKind(kind), offset: request.offset, limit: request.limit };
  return readPage(runner, 'provisionsOfRevision', { cypher: PROVISIONS_OF_REVISION, params }, request, toProvision);
}
