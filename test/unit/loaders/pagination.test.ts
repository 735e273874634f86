import { describe, expect, it } from 'vitest';
import { pageOf, toConnection } from '../../../loaders/pagination.ts';
import { decodeCursor, encodeCursor, pageRequest } from '../../../domain/page-request.ts';
import { errorOf } from '../../support/error-of.ts';

describe('pageRequest', () => {
  it('gives 20 items from the start by default', () => {
    expect(pageRequest(undefined, undefined)).toEqual({ offset: 0, limit: 20 });
  });

  it('starts after the item the cursor marks', () => {
    expect(pageRequest(5, encodeCursor(9))).toEqual({ offset: 10, limit: 5 });
  });

  it('refuses a page larger than 100, saying what is allowed', () => {
    expect(errorOf(() => pageRequest(500, null))).toEqual({ code: 'BAD_USER_INPUT', message: 'first must be between 1 and 100; got 500' });
  });

  it('refuses a page of no items', () => {
    expect(errorOf(() => pageRequest(0, null)).message).toBe('first must be between 1 and 100; got 0');
  });

  it('refuses a cursor it did not give, showing one it would', () => {
    const { code, message } = errorOf(() => pageRequest(20, 'page-2'));
    expect(code).toBe('BAD_USER_INPUT');
    expect(message).toBe(`after must be a cursor this API returned, such as pageInfo.endCursor of the page before (for example "${encodeCursor(19)}"); got "page-2"`);
  });
});

describe('cursors', () => {
  it('round-trip a position', () => {
    expect(decodeCursor(encodeCursor(42))).toBe(42);
  });

  it('reject base64 that does not hold a position', () => {
    expect(decodeCursor(Buffer.from('cursor:-1').toString('base64'))).toBeNull();
    expect(decodeCursor(Buffer.from('other:1').toString('base64'))).toBeNull();
    expect(decodeCursor('not base64!')).toBeNull();
  });
});

describe('toConnection', () => {
  it('gives edges with cursors, nodes, the total and where the page sits', () => {
    const connection = toConnection(pageOf(['a', 'b', 'c', 'd', 'e'], { offset: 2, limit: 2 }));
    expect(connection).toEqual({
      totalCount: 5,
      pageInfo: { hasNextPage: true, hasPreviousPage: true, startCursor: encodeCursor(2), endCursor: encodeCursor(3) },
      edges: [
        { cursor: encodeCursor(2), node: 'c' },
        { cursor: encodeCursor(3), node: 'd' },
      ],
      nodes: ['c', 'd'],
    });
  });

  it('says there is no next page on the last page, and has no cursors for an empty page', () => {
    expect(toConnection(pageOf(['a'], { offset: 1, limit: 5 })).pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: null,
      endCursor: null,
    });
  });
});
