/**
 * Provenance (`(x)-[:SOURCED_FROM {location}]->(SourceDocument)` for every node;
 * docs/graph-model.md, "Provenance"): the documents the graph was read from, and for any node
 * the document and the place in it (a clause and line of the Code, a section of the
 * Explanatory Memorandum, ...).
 */
import { makeLoader, manyEachTarget, oneEach, type LoaderOptions } from './batch.ts';
import type { NodeType } from './global-id.ts';
import { asProps, isoDate, optionalText, text, type Props } from '../db/graph-values.ts';
import type { QueryRunner } from '../db/run-query.ts';

export interface SourceDocumentModel {
  __typename: 'SourceDocument';
  key: string;
  file: string;
  title: string;
  publisher: string | null;
  date: string | null;
  dateText: string | null;
  url: string | null;
  licence: string | null;
  description: string | null;
}

export interface SourceReferenceModel {
  document: SourceDocumentModel;
  location: string;
}

export function toSourceDocument(value: unknown): SourceDocumentModel {
  const props = asProps(value, 'source document');
  return {
    __typename: 'SourceDocument',
    key: text(props, 'key'),
    file: text(props, 'file'),
    title: text(props, 'title'),
    publisher: optionalText(props, 'publisher'),
    date: isoDate(props, 'date'),
    dateText: optionalText(props, 'dateText'),
    url: optionalText(props, 'url'),
    licence: optionalText(props, 'licence'),
    description: optionalText(props, 'description'),
  };
}

export function toSourceReference(value: unknown): SourceReferenceModel {
  const props = asProps(value, 'source reference');
  return { document: toSourceDocument(props['document']), location: text(props, 'location') };
}

/** The kinds of node that name their sources: every kind of node but the source documents. */
export type SourcedLabel = Exclude<NodeType, 'SourceDocument'>;

/**
 * The property that identifies a node of each kind (docs/graph-model.md, "Keys"): `uid` for
 * nodes a revision owns, `key` for shared ones. Each GraphQL type is also a label of the graph,
 * with a uniqueness constraint on that property, so every branch below is an index seek
 * (docs/graph-model.md, "Constraints and indexes").
 */
const IDENTITY: Record<SourcedLabel, 'key' | 'uid'> = {
  Revision: 'key',
  Heading: 'uid',
  Clause: 'uid',
  Principle: 'uid',
  Standard: 'uid',
  Obligation: 'uid',
  Term: 'uid',
  Footnote: 'uid',
  Body: 'key',
  Instrument: 'key',
  LegalProvision: 'key',
  ToolkitItem: 'key',
  Organisation: 'key',
  Theme: 'key',
};

/** A node whose sources are asked for: its label and its uid (revision-owned) or key (shared). */
export interface SourcedNode {
  label: SourcedLabel;
  key: string;
}

/** Labels and properties come from the closed set above, never from a request. */
const matchBranches = (Object.entries(IDENTITY) as [SourcedLabel, 'key' | 'uid'][])
  .map(([label, property]) => `  MATCH (n:${label} {${property}: target.key}) WHERE target.label = '${label}' RETURN n`)
  .join('\n  UNION ALL\n');

/** Where the node `n` was read: the relationship `s` to the document `d`. */
export const sourcesPath = (n: string, s = 's', d = 'd'): string => `(${n})-[${s}:SOURCED_FROM]->(${d}:SourceDocument)`;
/** The Cypher map a source reference is returned as (read by toSourceReference). */
export const sourceReferenceValue = (s = 's', d = 'd'): string => `{document: properties(${d}), location: ${s}.location}`;
/** By document, then place. */
export const sourcesOrder = (s = 's', d = 'd'): string => `${d}.key, ${s}.location`;

/**
 * Keyed by `<label>:<uid or key>` (the decoded form of a global id), since a key alone may
 * name nodes of two kinds. A node read from one document has one row; by document, then place.
 */
export const SOURCES_OF_NODES = `
UNWIND $targets AS target
CALL (target) {
${matchBranches}
}
MATCH ${sourcesPath('n')}
RETURN target.id AS key, ${sourceReferenceValue()} AS value
ORDER BY ${sourcesOrder()}`;

export const ALL_SOURCE_DOCUMENTS = `
MATCH (d:SourceDocument)
RETURN properties(d) AS value
ORDER BY d.key`;

export const SOURCE_DOCUMENTS_BY_KEY = `
UNWIND $keys AS key
MATCH (d:SourceDocument {key: key})
RETURN key, properties(d) AS value`;

const sourcedId = (node: SourcedNode): string => `${node.label}:${node.key}`;

/** Every document the graph was read from, by key. */
export async function loadAllSourceDocuments(runner: QueryRunner): Promise<SourceDocumentModel[]> {
  const rows = await runner.read<{ value: Props }>('allSourceDocuments', ALL_SOURCE_DOCUMENTS);
  return rows.map((row) => toSourceDocument(row.value));
}

export function createSourceLoaders(runner: QueryRunner, options: LoaderOptions) {
  return {
    /** A source document by key; null when there is none. */
    sourceDocumentByKey: makeLoader(options, oneEach(runner, 'sourceDocumentsByKey', SOURCE_DOCUMENTS_BY_KEY, toSourceDocument)),
    /** Where a node of any kind was read: one query per batch, whatever the mix of kinds. */
    sourcesOfNode: makeLoader(options, manyEachTarget(runner, 'sourcesOfNodes', SOURCES_OF_NODES, sourcedId, toSourceReference), sourcedId),
  };
}
