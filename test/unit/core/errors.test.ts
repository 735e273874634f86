import { describe, expect, it } from 'vitest';
import { quoteShort, shortenQuotes } from '../../../core/errors.ts';

describe('quoting a caller\'s input in a message', () => {
  it('keeps a short quotation whole and cuts a long one at 60 characters', () => {
    expect(quoteShort('S8/3')).toBe('S8/3');
    expect(quoteShort('x'.repeat(61))).toBe(`${'x'.repeat(60)}…`);
  });

  it('shortens only the quoted runs that are too long, wherever they stand', () => {
    const long = 'y'.repeat(200);
    expect(shortenQuotes(`key must be an obligation's key, such as "S8/3"; got "${long}"`)).toBe(
      `key must be an obligation's key, such as "S8/3"; got "${'y'.repeat(60)}…"`,
    );
    expect(shortenQuotes('Cannot query field "f0" on type "Query".')).toBe('Cannot query field "f0" on type "Query".');
  });
});
