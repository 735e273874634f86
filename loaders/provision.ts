/**
 * Provisions of the Code (clauses, principles, standards; docs/graph-model.md, "Nodes"): by
 * uid, under a heading, stating an obligation, and a revision's provisions page by page.
 */
import { GraphShapeError } from '../core/errors.ts';
import { makeLoader, manyEach, oneEach, type LoaderOptions } from './batch.ts';
import { asProps, integer, optionalText, text, textList } from '../db/graph-values.ts';
import { readPage, type Page, type PageRequest } from './pagination.ts';
import type { QueryRunner } from '../db/run-query.ts';
import type { ProvisionKind } from '../core/vocabulary.ts';
import { toUncountedModals, type UncountedModalModel } from './uncounted-modal.ts';
import { ifRead, Reads, type FieldReads } from './projection.ts';

export type ProvisionTypeName = 'Clause' | 'Principle' | 'Standard';

export interface ProvisionModel {
  __typename: ProvisionTypeName;
  uid: string;
  key: string;
  revision: string;
  kind: ProvisionKind;
  number: string;
  title: string | null;
  /** Undefined: not read (a planned statement left it out; the text field loads it, provisionText). */
  text?: string;
  order: number;
  /** Stays the same across revisions, whatever the key becomes (domain/lineage.ts). */
  lineage: string;
  /** Its modal verbs that are not obligations, with the rule and the reason (loaders/uncounted-modal.ts). */
  uncountedModals: UncountedModalModel[];
}

const KIND_OF_LABEL: Record<ProvisionTypeName, ProvisionKind> = { Clause: 'CLAUSE', Principle: 'PRINCIPLE', Standard: 'STANDARD' };
const LABEL_OF_KIND: Record<ProvisionKind, ProvisionTypeName> = { CLAUSE: 'Clause', PRINCIPLE: 'Principle', STANDARD: 'Standard' };

export const labelOfProvisionKind = (kind: ProvisionKind): ProvisionTypeName => LABEL_OF_KIND[kind];
export const kindOfProvisionLabel = (label: ProvisionTypeName): ProvisionKind => KIND_OF_LABEL[label];

/** A provision with every property read (the batch queries' PROVISION_VALUE). */
export type FullProvisionModel = ProvisionModel & { text: string };

const UNCOUNTED_MODAL_LISTS = ['uncountedModalTriggers', 'uncountedModalStarts', 'uncountedModalEnds', 'uncountedModalKinds', 'uncountedModalReasons'];

/** What a planned statement always reads of a provision: what ProvisionModel requires (its labels come beside). */
export const PROVISION_ALWAYS = ['uid', 'key', 'revision', 'number', 'title', 'order', 'lineage', ...UNCOUNTED_MODAL_LISTS];

/** The GraphQL fields of Clause, Principle and Standard and the properties they read beyond PROVISION_ALWAYS (loaders/projection.ts). */
export const PROVISION_FIELD_READS: FieldReads = {
  text: ['text'],
  ...Object.fromEntries(
    ['id', 'key', 'kind', 'label', 'number', 'title', 'order', 'lineage', 'uncountedModals', 'heading', 'revision', 'obligations', 'cites', 'footnotes', 'restatesDuties', 'sources', 'themes'].map(
      (field) => [field, []],
    ),
  ),
};

/** Maps `{node: properties, labels}` as returned by provisionValue, as read by `reads` (its text undefined when not read). */
export function toProvisionAsRead(value: unknown, reads: Reads): ProvisionModel {
  const { node, labels } = asProps(value, 'provision');
  const props = asProps(node, 'provision node');
  const typeName = (['Clause', 'Principle', 'Standard'] as const).find((label) => textList({ labels }, 'labels').includes(label));
  if (typeName === undefined) throw new GraphShapeError(`provision ${JSON.stringify(props['uid'])} is not a Clause, Principle or Standard`);
  const read = ifRead(reads, 'text', () => text(props, 'text'));
  return {
    __typename: typeName,
    uid: text(props, 'uid'),
    key: text(props, 'key'),
    revision: text(props, 'revision'),
    kind: KIND_OF_LABEL[typeName],
    number: optionalText(props, 'number') ?? text(props, 'key'),
    title: optionalText(props, 'title'),
    ...(read === undefined ? {} : { text: read }),
    order: integer(props, 'order'),
    lineage: text(props, 'lineage'),
    uncountedModals: toUncountedModals(props),
  };
}

/** Maps `{node: properties, labels}` as returned by PROVISION_VALUE. */
export function toProvision(value: unknown): FullProvisionModel {
  const props = asProps(asProps(value, 'provision')['node'], 'provision node');
  return { ...toProvisionAsRead(value, Reads.ALL), text: text(props, 'text') };
}

/**
 * A short name for a provision: Clause 1.53; Principle 3: <title>; a standard's printed title
 * already reads "Standard 8: ...".
 */
export function provisionLabel(provision: Pick<ProvisionModel, 'kind' | 'number' | 'title'>): string {
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
 * toProvisionAsRead with `reads`); `links` adds entries to it (loaders/lookahead.ts).
 */
export const provisionValue = (p: string, links = '', reads = Reads.ALL): string => `{node: ${reads.cypher(p)}, labels: labels(${p})${links}}`;

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

export const TEXTS_OF_PROVISIONS = `
UNWIND $keys AS key
MATCH (p:Provision {uid: key})
RETURN key, p.text AS value`;

export function createProvisionLoaders(runner: QueryRunner, options: LoaderOptions) {
  return {
    /** A provision by uid (`<revision>|<key>`); null when there is none. */
    provisionByUid: makeLoader(options, oneEach(runner, 'provisionsByUid', PROVISIONS_BY_UID, toProvision, { canSeeDrafts: options.canSeeDrafts === true })),
    /** The provisions under a heading (by uid), in reading order. */
    provisionsOfHeading: makeLoader(options, manyEach(runner, 'provisionsOfHeadings', PROVISIONS_OF_HEADINGS, toProvision)),
    /** The provision that states an obligation (by the obligation's uid). */
    provisionOfObligation: makeLoader<string, ProvisionModel | null>(options, oneEach(runner, 'provisionsOfObligations', PROVISIONS_OF_OBLIGATIONS, toProvision)),
    /** A provision's text (by uid), for a provision a planned statement read without it. */
    provisionText: makeLoader(options, oneEach(runner, 'textsOfProvisions', TEXTS_OF_PROVISIONS, (value) => text({ value }, 'value'))),
  };
}

/** One page of a revision's provisions, in reading order. */
export function findProvisions(runner: QueryRunner, revision: string, kind: ProvisionKind | null, request: PageRequest): Promise<Page<FullProvisionModel>> {
  const params = { revision, label: kind === null ? null : labelOfProvisionKind(kind), offset: request.offset, limit: request.limit };
  return readPage(runner, 'provisionsOfRevision', { cypher: PROVISIONS_OF_REVISION, params }, request, toProvision);
}
