/**
 * Bodies an obligation names or binds, and how they relate: MEMBER_OF a group (a local
 * health board is one of the statutory partners, clause 1.3) and ACTS_FOR (commissioners
 * and leaders act for the statutory partners, glossary).
 */
import { makeLoader, manyEach, oneEach, type LoaderOptions } from './batch.ts';
import { asProps, flag, optionalText, text, type Props } from '../db/graph-values.ts';
import type { QueryRunner } from '../db/run-query.ts';
import { assignModelProperties, hasAllProperties, property, toAllModelProperties, type FieldReads, type PropertyReaders, type Reads } from './projection.ts';

/** A body's properties, as its fields read them (each read by a planned statement only when asked). */
export interface BodyProperties {
  name: string;
  pluralName: string | null;
  description: string | null;
  isGroup: boolean;
}

/**
 * A body as read: its key, and the properties its reader asked for (undefined: not read; a
 * planned statement reads only what the asked fields need, loaders/projection.ts, and each
 * field's resolver loads the whole body by key when its property is missing).
 */
export type BodyModel = { __typename: 'Body'; key: string } & Partial<BodyProperties>;

/** A body with every property read (the batch queries' `properties(b)`). */
export type FullBodyModel = { __typename: 'Body'; key: string } & BodyProperties;

/** What a planned statement always reads of a body: its key. */
export const BODY_ALWAYS = ['key'];

const BODY_READERS: PropertyReaders<BodyProperties> = {
  name: property('name', text),
  pluralName: property('pluralName', optionalText),
  description: property('description', optionalText),
  isGroup: property('isGroup', flag),
};

/** Body's GraphQL fields and the properties they read beyond BODY_ALWAYS (loaders/projection.ts). */
export const BODY_FIELD_READS: FieldReads = {
  name: ['name'],
  pluralName: ['pluralName'],
  description: ['description'],
  isGroup: ['isGroup'],
  ...Object.fromEntries(['id', 'key', 'memberOf', 'members', 'actsFor', 'sources'].map((field) => [field, []])),
};

/** Whether the body came with every property (a batch query's), not only those a planned statement read. */
export const isFullBody = (body: BodyModel): body is FullBodyModel => hasAllProperties(body, BODY_READERS);

/** A body as read by `reads` (what it left out undefined). */
export function toBodyAsRead(value: unknown, reads: Reads): BodyModel {
  const props = reads.propsOf(value, 'body');
  const model: BodyModel = { __typename: 'Body', key: text(props, 'key') };
  assignModelProperties(model, props, BODY_READERS, reads);
  return model;
}

export function toBody(value: unknown): FullBodyModel {
  const props = asProps(value, 'body');
  return { __typename: 'Body', key: text(props, 'key'), ...toAllModelProperties(props, BODY_READERS) };
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

export async function loadAllBodies(runner: QueryRunner): Promise<FullBodyModel[]> {
  const rows = await runner.read<{ value: Props }>('allBodies', ALL_BODIES);
  return rows.map((row) => toBody(row.value));
}

export function createBodyLoaders(runner: QueryRunner, options: LoaderOptions) {
  return {
    /** A body by key; null when there is none. */
    bodyByKey: makeLoader<string, FullBodyModel | null>(options, oneEach(runner, 'bodiesByKey', BODIES_BY_KEY, toBody)),
    /** The groups a body belongs to. */
    groupsOfBody: makeLoader(options, manyEach(runner, 'groupsOfBodies', GROUPS_OF_BODIES, toBody)),
    /** The members of a group. */
    membersOfGroup: makeLoader<string, FullBodyModel[]>(options, manyEach(runner, 'membersOfGroups', MEMBERS_OF_GROUPS, toBody)),
    /** The bodies a body acts for. */
    bodiesActedFor: makeLoader(options, manyEach(runner, 'bodiesActedFor', BODIES_ACTED_FOR, toBody)),
    /** The bodies an obligation's sentence names (by the obligation's uid). */
    addresseesOfObligation: makeLoader<string, BodyModel[]>(options, manyEach(runner, 'addresseesOfObligations', ADDRESSEES_OF_OBLIGATIONS, toBody)),
  };
}
