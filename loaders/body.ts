/**
 * Bodies an obligation names or binds, and how they relate: MEMBER_OF a group (a local
 * health board is one of the statutory partners, clause 1.3) and ACTS_FOR (commissioners
 * and leaders act for the statutory partners, glossary).
 */
import { makeLoader, manyEach, oneEach, type LoaderOptions } from './batch.ts';
import { asProps, flag, optionalText, text, type Props } from '../db/graph-values.ts';
import type { QueryRunner } from '../db/run-query.ts';
import { ifRead, Reads, type FieldReads } from './projection.ts';

export interface BodyModel {
  __typename: 'Body';
  key: string;
  name: string;
  pluralName: string | null;
  /** Undefined: not read (a planned statement left it out; Body.description loads it, bodyDescription). */
  description?: string | null;
  isGroup: boolean;
}

/** A body with every property read (the batch queries' `properties(b)`). */
export type FullBodyModel = BodyModel & { description: string | null };

/** What a planned statement always reads of a body: what BodyModel requires. */
export const BODY_ALWAYS = ['key', 'name', 'pluralName', 'isGroup'];

/** Body's GraphQL fields and the properties they read beyond BODY_ALWAYS (loaders/projection.ts). */
export const BODY_FIELD_READS: FieldReads = {
  description: ['description'],
  ...Object.fromEntries(['id', 'key', 'name', 'pluralName', 'isGroup', 'memberOf', 'members', 'actsFor', 'sources'].map((field) => [field, []])),
};

/** A body as read by `reads` (its description undefined when not read). */
export function toBodyAsRead(value: unknown, reads: Reads): BodyModel {
  const props = asProps(value, 'body');
  const description = ifRead(reads, 'description', () => optionalText(props, 'description'));
  return {
    __typename: 'Body',
    key: text(props, 'key'),
    name: text(props, 'name'),
    pluralName: optionalText(props, 'pluralName'),
    ...(description === undefined ? {} : { description }),
    isGroup: flag(props, 'isGroup'),
  };
}

export function toBody(value: unknown): FullBodyModel {
  const props = asProps(value, 'body');
  return { ...toBodyAsRead(props, Reads.ALL), description: optionalText(props, 'description') };
}

/** Groups first, then by name: the order bodies (the variable `b`) are listed in everywhere. */
export const bodyOrder = (b: string): string => `coalesce(${b}.isGroup, false) DESC, ${b}.name`;

export const BODY_ORDER = bodyOrder('b');

export const ALL_BODIES = `
MATCH (b:Body)
RETURN properties(b) AS value
ORDER BY ${BODY_ORDER}`;

export const BODIES_BY_KEY = `
UNWIND $keys AS key
MATCH (b:Body {key: key})
RETURN key, properties(b) AS value`;

export const GROUPS_OF_BODIES = `
UNWIND $keys AS key
MATCH (:Body {key: key})-[:MEMBER_OF]->(b:Body)
RETURN key, properties(b) AS value
ORDER BY ${BODY_ORDER}`;

export const MEMBERS_OF_GROUPS = `
UNWIND $keys AS key
MATCH (:Body {key: key})<-[:MEMBER_OF]-(b:Body)
RETURN key, properties(b) AS value
ORDER BY ${BODY_ORDER}`;

export const BODIES_ACTED_FOR = `
UNWIND $keys AS key
MATCH (:Body {key: key})-[:ACTS_FOR]->(b:Body)
RETURN key, properties(b) AS value
ORDER BY ${BODY_ORDER}`;

export const ADDRESSEES_OF_OBLIGATIONS = `
UNWIND $keys AS key
MATCH (:Obligation {uid: key})-[:ADDRESSES]->(b:Body)
RETURN key, properties(b) AS value
ORDER BY ${BODY_ORDER}`;

export const DESCRIPTIONS_OF_BODIES = `
UNWIND $keys AS key
MATCH (b:Body {key: key})
RETURN key, b.description AS value`;

export async function loadAllBodies(runner: QueryRunner): Promise<FullBodyModel[]> {
  const rows = await runner.read<{ value: Props }>('allBodies', ALL_BODIES);
  return rows.map((row) => toBody(row.value));
}

export function createBodyLoaders(runner: QueryRunner, options: LoaderOptions) {
  return {
    /** A body by key; null when there is none. */
    bodyByKey: makeLoader<string, BodyModel | null>(options, oneEach(runner, 'bodiesByKey', BODIES_BY_KEY, toBody)),
    /** A body's description (by key), for a body a planned statement read without it (null for none). */
    bodyDescription: makeLoader(options, oneEach(runner, 'descriptionsOfBodies', DESCRIPTIONS_OF_BODIES, (value) => optionalText({ value }, 'value'))),
    /** The groups a body belongs to. */
    groupsOfBody: makeLoader(options, manyEach(runner, 'groupsOfBodies', GROUPS_OF_BODIES, toBody)),
    /** The members of a group. */
    membersOfGroup: makeLoader<string, BodyModel[]>(options, manyEach(runner, 'membersOfGroups', MEMBERS_OF_GROUPS, toBody)),
    /** The bodies a body acts for. */
    bodiesActedFor: makeLoader(options, manyEach(runner, 'bodiesActedFor', BODIES_ACTED_FOR, toBody)),
    /** The bodies an obligation's sentence names (by the obligation's uid). */
    addresseesOfObligation: makeLoader<string, BodyModel[]>(options, manyEach(runner, 'addresseesOfObligations', ADDRESSEES_OF_OBLIGATIONS, toBody)),
  };
}
