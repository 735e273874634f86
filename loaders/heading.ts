/**
 * Headings of the Code's text: by uid, and the headings of a revision in reading order.
 */
import { makeLoader, manyEach, oneEach, type LoaderOptions } from './batch.ts';
import { asProps, integer, optionalText, text } from '../db/graph-values.ts';
import type { QueryRunner } from '../db/run-query.ts';

export interface HeadingModel {
  __typename: 'Heading';
  uid: string;
  key: string;
  revision: string;
  title: string;
  text: string | null;
  order: number;
}

export function toHeading(value: unknown): HeadingModel {
  const props = asProps(value, 'heading');
  return {
    __typename: 'Heading',
    uid: text(props, 'uid'),
    key: text(props, 'key'),
    revision: text(props, 'revision'),
    title: text(props, 'title'),
    text: optionalText(props, 'text'),
    order: integer(props, 'order'),
  };
}

export const HEADINGS_BY_UID = `
UNWIND $keys AS key
MATCH (h:Heading {uid: key})
WHERE $canSeeDrafts OR EXISTS { MATCH (:Revision {key: h.revision, published: true}) }
RETURN key, properties(h) AS value`;

export const HEADINGS_OF_REVISIONS = `
UNWIND $keys AS key
MATCH (:Revision {key: key})-[:CONTAINS]->(h:Heading)
RETURN key, properties(h) AS value
ORDER BY h.order`;

export const HEADINGS_OF_PROVISIONS = `
UNWIND $keys AS key
MATCH (h:Heading)-[:CONTAINS]->(:Provision {uid: key})
RETURN key, properties(h) AS value`;

export function createHeadingLoaders(runner: QueryRunner, options: LoaderOptions) {
  return {
    /** A heading by uid (`<revision>|<key>`); null when there is none. */
    headingByUid: makeLoader(options, oneEach(runner, 'headingsByUid', HEADINGS_BY_UID, toHeading, { canSeeDrafts: options.canSeeDrafts === true })),
    /** The headings of a revision (by revision key), in reading order. */
    headingsOfRevision: makeLoader(options, manyEach(runner, 'headingsOfRevisions', HEADINGS_OF_REVISIONS, toHeading)),
    /** The heading a provision (by uid) sits under. */
    headingOfProvision: makeLoader(options, oneEach(runner, 'headingsOfProvisions', HEADINGS_OF_PROVISIONS, toHeading)),
  };
}
