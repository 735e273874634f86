/**
 * What a caller may ask of a list (docs/architecture.md, "Pages"): `first` from 1 to 100
 * (default 20) and an opaque `after` cursor. A cursor holds the position of an item in its
 * list; published revisions never change, so a position stays meaningful between requests.
 * The cost estimate (server/plugins/query-cost.ts) uses the same sizes.
 */
import { badUserInput } from '../core/errors.ts';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageRequest {
  /** How many items to skip. */
  offset: number;
  /** How many items to return. */
  limit: number;
}

const CURSOR_PREFIX = 'cursor:';

export const encodeCursor = (position: number): string => Buffer.from(`${CURSOR_PREFIX}${position}`, 'utf8').toString('base64');

/** The position a cursor marks, or null when it is not a cursor this API gave. */
export function decodeCursor(cursor: string): number | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(cursor)) return null;
  const decoded = Buffer.from(cursor, 'base64').toString('utf8');
  if (!decoded.startsWith(CURSOR_PREFIX)) return null;
  const digits = decoded.slice(CURSOR_PREFIX.length);
  if (!/^(0|[1-9]\d{0,8})$/.test(digits)) return null;
  return Number(digits);
}

/**
 * Checks `first` and `after` and turns them into an offset and a limit. Throws
 * BAD_USER_INPUT with a valid example when either is wrong.
 */
export function pageRequest(first: number | null | undefined, after: string | null | undefined): PageRequest {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badUserInput(`first must be between 1 and ${MAX_PAGE_SIZE}; got ${size}`, 'first');
  }
  if (after === null || after === undefined) return { offset: 0, limit: size };
  const position = decodeCursor(after);
  if (position === null) {
    throw badUserInput(
      `after must be a cursor this API returned, such as pageInfo.endCursor of the page before (for example "${encodeCursor(19)}"); got "${after}"`,
      'after',
    );
  }
  return { offset: position + 1, limit: size };
}
