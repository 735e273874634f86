/**
 * Pages of lists as GraphQL connections. What a caller may ask (`first`, `after`) is checked
 * by domain/page-request.ts; this turns a checked request into a page and a page into edges,
 * nodes, totalCount and pageInfo.
 */
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
