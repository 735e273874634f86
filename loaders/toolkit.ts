/**
 * Items of the National Office's toolkit (clause 1.13): contract clauses, templates, good
 * practice, tools, training.
 */
import { makeLoader, oneEach, type LoaderOptions } from './batch.ts';
import { asProps, oneOf, optionalText, text } from '../db/graph-values.ts';
import { readPage, type Page, type PageRequest } from './pagination.ts';
import type { QueryRunner } from '../db/run-query.ts';
import { TOOLKIT_ITEM_KINDS, type ToolkitItemKind } from '../core/vocabulary.ts';

export interface ToolkitItemModel {
  __typename: 'ToolkitItem';
  key: string;
  kind: ToolkitItemKind;
  title: string;
  description: string | null;
}

export function toToolkitItem(value: unknown): ToolkitItemModel {
  const props = asProps(value, 'toolkit item');
  return {
    __typename: 'ToolkitItem',
    key: text(props, 'key'),
    kind: oneOf(props, 'kind', TOOLKIT_ITEM_KINDS),
    title: text(props, 'title'),
    description: optionalText(props, 'description'),
  };
}

export const TOOLKIT_ITEMS_BY_KEY = `
UNWIND $keys AS key
MATCH (t:ToolkitItem {key: key})
RETURN key, properties(t) AS value`;

export const TOOLKIT_ITEMS_OF_KIND = `
MATCH (t:ToolkitItem)
WHERE $kind IS NULL OR t.kind = $kind
WITH t ORDER BY t.title, t.key
WITH collect(t) AS matched
RETURN size(matched) AS totalCount, [t IN matched[$offset..($offset + $limit)] | properties(t)] AS page`;

export function createToolkitLoaders(runner: QueryRunner, options: LoaderOptions) {
  return {
    /** A toolkit item by key; null when there is none. */
    toolkitItemByKey: makeLoader(options, oneEach(runner, 'toolkitItemsByKey', TOOLKIT_ITEMS_BY_KEY, toToolkitItem)),
  };
}

/** One page of the toolkit, optionally of one kind, by title. */
export function findToolkitItems(runner: QueryRunner, kind: ToolkitItemKind | null, request: PageRequest): Promise<Page<ToolkitItemModel>> {
  const params = { kind, offset: request.offset, limit: request.limit };
  return readPage(runner, 'toolkitItemsOfKind', { cypher: TOOLKIT_ITEMS_OF_KIND, params }, request, toToolkitItem);
}
