/**
 * Themes of the Regulatory Impact Assessment, which group principles and standards
 * (`(Theme)-[:GROUPS]->(Principle|Standard)` of every revision that has them).
 */
import { makeLoader, manyEach, manyEachTarget, oneEach, type LoaderOptions } from './batch.ts';
import { asProps, integer, optionalText, text, type Props } from '../db/graph-values.ts';
import { PROVISION_VALUE, toProvision } from './provision.ts';
import type { QueryRunner } from '../db/run-query.ts';

export interface ThemeModel {
  __typename: 'Theme';
  key: string;
  title: string;
  description: string | null;
  order: number;
}

export function toTheme(value: unknown): ThemeModel {
  const props = asProps(value, 'theme');
  return {
    __typename: 'Theme',
    key: text(props, 'key'),
    title: text(props, 'title'),
    description: optionalText(props, 'description'),
    order: integer(props, 'order'),
  };
}

export const ALL_THEMES = `
MATCH (t:Theme)
RETURN properties(t) AS value
ORDER BY t.order`;

export const THEMES_BY_KEY = `
UNWIND $keys AS key
MATCH (t:Theme {key: key})
RETURN key, properties(t) AS value`;

export const THEMES_OF_PROVISIONS = `
UNWIND $keys AS key
MATCH (t:Theme)-[:GROUPS]->(:Provision {uid: key})
RETURN key, properties(t) AS value
ORDER BY t.order`;

/** Keyed by `<revision>|<theme key>`. */
export const PROVISIONS_OF_THEMES = `
UNWIND $targets AS target
MATCH (:Theme {key: target.key})-[:GROUPS]->(p:Provision {revision: target.revision})
RETURN target.id AS key, ${PROVISION_VALUE} AS value
ORDER BY p.order`;

export interface ThemeInRevision {
  revision: string;
  key: string;
}

const targetId = (target: ThemeInRevision): string => `${target.revision}|${target.key}`;

export async function loadAllThemes(runner: QueryRunner): Promise<ThemeModel[]> {
  const rows = await runner.read<{ value: Props }>('allThemes', ALL_THEMES);
  return rows.map((row) => toTheme(row.value));
}

export function createThemeLoaders(runner: QueryRunner, options: LoaderOptions) {
  return {
    /** A theme by key; null when there is none. */
    themeByKey: makeLoader(options, oneEach(runner, 'themesByKey', THEMES_BY_KEY, toTheme)),
    /** The themes that group a principle or standard (by uid). */
    themesOfProvision: makeLoader(options, manyEach(runner, 'themesOfProvisions', THEMES_OF_PROVISIONS, toTheme)),
    /** The principles and standards a theme groups, within one revision, in reading order. */
    provisionsOfTheme: makeLoader(options, manyEachTarget(runner, 'provisionsOfThemes', PROVISIONS_OF_THEMES, targetId, toProvision), targetId),
  };
}
