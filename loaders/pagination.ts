/**
 * Pages of lists as GraphQL connections (docs/architecture.md, "Pages"). What a caller may ask
 * (`first`, `after`) is checked by domain/page-request.ts; this turns a checked request into a
 * page (of a list in memory, or read by one page query) and a page into edges, nodes,
 * totalCount and pageInfo.
 */
import type { Params, QueryRunner } from '../db/run-query.ts';
import { encodeCursor, type PageRequest } from '../domain/page-request.ts';

export type { PageRequest } from '../domain/page-request.ts';

/** A page of a list: its items, the list's total and where the page starts. */
export interface Page<T> {
  items: T[];
  totalCount: number;
  offset: number;
}

/** The page of an in-memory list. */
export function pageOf<T>(all: readonly T[], request: PageRequest): Page<T> {
  return { items: all.slice(request.offset, request.offset + request.limit), totalCount: all.length, offset: request.offset };
}

/**
 * One page read by a page query, whose rows are `RETURN totalCount, page` (the page's items
 * for `$offset` and `$limit`, in order, in one row or spread over several, the total on the
 * first); each item is mapped by `map`. No row is an empty list.
 */
export async function readPage<T>(
  runner: QueryRunner,
  name: string,
  query: { cypher: string; params: Params },
  request: PageRequest,
  map: (value: unknown) => T,
): Promise<Page<T>> {
  const rows = await runner.read<{ totalCount: number; page: unknown[] }>(name, query.cypher, query.params);
  return { items: rows.flatMap((row) => row.page.map(map)), totalCount: rows[0]?.totalCount ?? 0, offset: request.offset };
}

export interface Connection<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { cursor: string; node: T }[];
  nodes: T[];
}

/** A page as a GraphQL connection: edges with cursors, nodes, totalCount and pageInfo. */
export function toConnection<T>(page: Page<T>): Connection<T> {
  const edges = page.items.map((node, index) => ({ cursor: encodeCursor(page.offset + index), node }));
  return {
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.offset + page.items.length < page.totalCount,
      hasPreviousPage: page.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    edges,
    nodes: page.items,
  };
}
