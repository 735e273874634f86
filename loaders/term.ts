/**
 * Glossary terms of the Code (revision-owned, `(Revision)-[:CONTAINS]->(Term)`).
 */
import { makeLoader, manyEach, oneEach, type LoaderOptions } from './batch.ts';
import { asProps, integer, text } from '../db/graph-values.ts';
import { readPage, type Page, type PageRequest } from './pagination.ts';
import type { QueryRunner } from '../db/run-query.ts';

export interface TermModel {
  __typename: 'Term';
  uid: string;
  key: string;
  revision: string;
  term: string;
  definition: string;
  order: number;
}

export function toTerm(value: unknown): TermModel {
  const props = asProps(value, 'term');
  return {
    __typename: 'Term',
    uid: text(props, 'uid'),
    key: text(props, 'key'),
    revision: text(props, 'revision'),
    term: text(props, 'term'),
    definition: text(props, 'definition'),
    order: integer(props, 'order'),
  };
}

export const TERMS_BY_UID = `
UNWIND $keys AS key
MATCH (t:Term {uid: key})
WHERE $canSeeDrafts OR EXISTS { MATCH (:Revision {key: t.revision, published: true}) }
RETURN key, properties(t) AS value`;

export const TERMS_OF_HEADINGS = `
UNWIND $keys AS key
MATCH (:Heading {uid: key})-[:CONTAINS]->(t:Term)
RETURN key, properties(t) AS value
ORDER BY t.order`;

export const TERMS_OF_REVISION = `
MATCH (t:Term {revision: $revision})
WITH t ORDER BY t.order
WITH collect(t) AS matched
RETURN size(matched) AS totalCount, [t IN matched[$offset..($offset + $limit)] | properties(t)] AS page`;

export function createTermLoaders(runner: QueryRunner, options: LoaderOptions) {
  return {
    /** A glossary term by uid (`<revision>|<key>`); null when there is none. */
    termByUid: makeLoader(options, oneEach(runner, 'termsByUid', TERMS_BY_UID, toTerm, { canSeeDrafts: options.canSeeDrafts === true })),
    /** The glossary terms under a heading (by uid), in glossary order. */
    termsOfHeading: makeLoader(options, manyEach(runner, 'termsOfHeadings', TERMS_OF_HEADINGS, toTerm)),
  };
}

/** One page of a revision's glossary, in glossary order. */
export function findTerms(runner: QueryRunner, revision: string, request: PageRequest): Promise<Page<TermModel>> {
  const params = { revision, offset: request.offset, limit: request.limit };
  return readPage(runner, 'termsOfRevision', { cypher: TERMS_OF_REVISION, params }, request, toTerm);
}
