/**
 * Bodies an obligation names or binds, and how they relate: MEMBER_OF a group (a local
 * health board is one of the statutory partners, clause 1.3) and ACTS_FOR (commissioners
 * and leaders act for the statutory partners, glossary).
 */
import { makeLoader, manyEach, oneEach, type LoaderOptions } from './batch.ts';
import { asProps, flag, optionalText, text, type Props } from '../db/graph-values.ts';
import type { QueryRunner } from '../db/run-query.ts';

export interface BodyModel {
  __typename: 'Body';
  key: string;
  name: string;
  pluralName: string | null;
  description: string | null;
  isGroup: boolean;
}

export function toBody(value: unknown): BodyModel {
  const props = asProps(value, 'body');
  return {
    __typename: 'Body',
    key: text(props, 'key'),
    name: text(props, 'name'),
    pluralName: optionalText(props, 'pluralName'),
    description: optionalText(props, 'description'),
    isGroup: flag(props, 'isGroup'),
  };
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

export async function loadAllBodies(runner: QueryRunner): Promise<BodyModel[]> {
  const rows = await runner.read<{ value: Props }>('allBodies', ALL_BODIES);
  return rows.map((row) => toBody(row.value));
}

export function createBodyLoaders(runner: QueryRunner, options: LoaderOptions) {
  return {
    /** A body by key; null when there is none. */
    bodyByKey: makeLoader(options, oneEach(runner, 'bodiesByKey', BODIES_BY_KEY, toBody)),
    /** The groups a body belongs to. */
    groupsOfBody: makeLoader(options, manyEach(runner, 'groupsOfBodies', GROUPS_OF_BODIES, toBody)),
    /** The members of a group. */
    membersOfGroup: makeLoader(options, manyEach(runner, 'membersOfGroups', MEMBERS_OF_GROUPS, toBody)),
    /** The bodies a body acts for. */
    bodiesActedFor: makeLoader(options, manyEach(runner, 'bodiesActedFor', BODIES_ACTED_FOR, toBody)),
    /** The bodies an obligation's sentence names (by the obligation's uid). */
    addresseesOfObligation: makeLoader(options, manyEach(runner, 'addresseesOfObligations', ADDRESSEES_OF_OBLIGATIONS, toBody)),
  };
}
