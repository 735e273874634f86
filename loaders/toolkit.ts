/**
 * Items of the National Office's toolkit (clause 1.13): contract clauses, templates, good
 * practice, tools, training.
 */
import { inKeyOrder, makeLoader, type LoaderOptions } from './batch.ts';
import { asProps, oneOf, optionalText, text, type Props } from '../db/graph-values.ts';
import type { Page, PageRequest } from './pagination.ts';
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
    toolkitItemByKey: makeLoader<string, ToolkitItemModel | null>(options, async (keys) => {
      const rows = await runner.read<{ key: string; value: Props }>('toolkitItemsByKey', TOOLKIT_ITEMS_BY_KEY, { keys });
      return inKeyOrder(keys, rows.map((row) => ({ key: row.key, value: toToolkitItem(row.value) })));
    }),
  };
}

/** One page of the toolkit, optionally of one kind, by title. */
export async function findToolkitItems(runner: QueryRunner, kind: ToolkitItemKind | null, request: PageRequest): Promise<Page<ToolkitItemModel>> {
  const [row] = await runner.read<{ totalCount: number; page: unknown[] }>('toolkitItemsOfKind', TOOLKIT_ITEMS_OF_KIND, {
    kind,
    offset: request.offset,
    limit: request.limit,
  });
  return { items: (row?.page ?? []).map(toToolkitItem), totalCount: row?.totalCount ?? 0, offset: request.offset };
}
