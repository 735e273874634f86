/**
 * Footnotes of the Code (`(Provision)-[:HAS_FOOTNOTE]->(Footnote)`), in number order.
 */
import { makeLoader, manyEach, oneEach, type LoaderOptions } from './batch.ts';
import { asProps, integer, optionalText, text } from '../db/graph-values.ts';
import type { QueryRunner } from '../db/run-query.ts';

export interface FootnoteModel {
  __typename: 'Footnote';
  uid: string;
  key: string;
  number: number;
  text: string;
  url: string | null;
}

export function toFootnote(value: unknown): FootnoteModel {
  const props = asProps(value, 'footnote');
  return {
    __typename: 'Footnote',
    uid: text(props, 'uid'),
    key: text(props, 'key'),
    number: integer(props, 'number'),
    text: text(props, 'text'),
    url: optionalText(props, 'url'),
  };
}

export const FOOTNOTES_BY_UID = `
UNWIND $keys AS key
MATCH (f:Footnote {uid: key})
WHERE $canSeeDrafts OR EXISTS { MATCH (:Revision {key: f.revision, published: true}) }
RETURN key, properties(f) AS value`;

export const FOOTNOTES_OF_PROVISIONS = `
UNWIND $keys AS key
MATCH (:Provision {uid: key})-[:HAS_FOOTNOTE]->(f:Footnote)
RETURN key, properties(f) AS value
ORDER BY f.number`;

export function createFootnoteLoaders(runner: QueryRunner, options: LoaderOptions) {
  return {
    /** A footnote by uid (`<revision>|fn<N>`); null when there is none. */
    footnoteByUid: makeLoader(options, oneEach(runner, 'footnotesByUid', FOOTNOTES_BY_UID, toFootnote, { canSeeDrafts: options.canSeeDrafts === true })),
    /** The footnotes of a provision (by uid), in number order. */
    footnotesOfProvision: makeLoader(options, manyEach(runner, 'footnotesOfProvisions', FOOTNOTES_OF_PROVISIONS, toFootnote)),
  };
}
