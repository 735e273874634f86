import { describe, expect, it } from 'vitest';
import { applyRewrites, insertedKey, keyParts, printedNumber, referenceRewrites, renumbering, renumberReferences, shiftedOffset } from '../../../domain/provision-numbering.ts';

const taken = (...keys: string[]): ReadonlySet<string> => new Set(keys);

describe('keyParts and printedNumber', () => {
  it('take clause, principle and standard keys apart, with an inserted letter', () => {
    expect(keyParts('1.53')).toEqual({ kind: 'CLAUSE', part: 1, number: 53, suffix: '' });
    expect(keyParts('1.53A')).toEqual({ kind: 'CLAUSE', part: 1, number: 53, suffix: 'A' });
    expect(keyParts('P3')).toEqual({ kind: 'PRINCIPLE', part: null, number: 3, suffix: '' });
    expect(keyParts('S10B')).toEqual({ kind: 'STANDARD', part: null, number: 10, suffix: 'B' });
    expect(keyParts('1.53a')).toBeNull();
    expect(keyParts('X1')).toBeNull();
    expect([printedNumber('1.53A'), printedNumber('P3'), printedNumber('S8A')]).toEqual(['1.53A', '3', '8A']);
  });
});

describe('insertedKey', () => {
  it('numbers a provision after the last of its kind with the next number', () => {
    expect(insertedKey('CLAUSE', '1.94', null, taken('1.94'))).toBe('1.95');
    expect(insertedKey('STANDARD', 'S10', null, taken('S10'))).toBe('S11');
    expect(insertedKey('CLAUSE', '1.94A', null, taken('1.94', '1.94A'))).toBe('1.95');
  });

  it('fills a gap a removal left, and otherwise inserts with a letter', () => {
    expect(insertedKey('CLAUSE', '1.53', '1.55', taken('1.53', '1.55'))).toBe('1.54');
    expect(insertedKey('CLAUSE', '1.53', '1.54', taken('1.53', '1.54'))).toBe('1.53A');
    expect(insertedKey('CLAUSE', '1.53A', '1.54', taken('1.53', '1.53A', '1.54'))).toBe('1.53B');
    expect(insertedKey('PRINCIPLE', 'P3', 'P4', taken('P3', 'P4'))).toBe('P3A');
    expect(insertedKey('CLAUSE', '1.53Z', '1.54', taken('1.53Z', '1.54'))).toBe('1.53ZA');
  });

  it('skips letters already taken elsewhere in the draft', () => {
    expect(insertedKey('CLAUSE', '1.53', '1.54', taken('1.53', '1.53A', '1.54'))).toBe('1.53B');
  });

  it('finds no key before the first provision of its kind, or between 1.53A and 1.53B', () => {
    expect(insertedKey('CLAUSE', null, '1.1', taken('1.1'))).toBeNull();
    expect(insertedKey('CLAUSE', '1.53A', '1.53B', taken('1.53A', '1.53B'))).toBeNull();
  });

  it('numbers the first provision of a kind the draft does not have yet', () => {
    expect(insertedKey('STANDARD', null, null, taken('1.1'))).toBe('S1');
  });
});

describe('renumbering', () => {
  it('counts each kind from 1 in reading order, listing only the keys that change', () => {
    const order = ['1.1', '1.2', '1.2A', '1.3', 'P1', 'P1A', 'P2', 'S1', 'S3', '1.4'].map((key) => ({ key }));
    expect(Object.fromEntries(renumbering(order))).toEqual({
      '1.2A': '1.3',
      '1.3': '1.4',
      '1.4': '1.5',
      P1A: 'P2',
      P2: 'P3',
      S3: 'S2',
    });
  });

  it('changes nothing in a draft already numbered in order', () => {
    expect(renumbering(['1.1', '1.2', 'P1', 'S1'].map((key) => ({ key }))).size).toBe(0);
  });
});

describe('renumberReferences', () => {
  const moves = new Map([
    ['1.2', '1.3'],
    ['1.3', '1.4'],
    ['S8', 'S9'],
    ['P2', 'P3'],
  ]);

  it('rewrites clause, paragraph, standard and principle references in one pass', () => {
    expect(renumberReferences('As clause 1.2 says, and paragraph 1.3 adds.', moves)).toBe('As clause 1.3 says, and paragraph 1.4 adds.');
    expect(renumberReferences('See clauses 1.2 and 1.3, and 1.1 to 1.2.', moves)).toBe('See clauses 1.3 and 1.4, and 1.1 to 1.2.');
    expect(renumberReferences('Clauses 1.2, 1.3 to 1.5 apply.', moves)).toBe('Clauses 1.3, 1.4 to 1.5 apply.');
    expect(renumberReferences('Standard 8: Setting fair fees; see Principles 2 and 1.', moves)).toBe('Standard 9: Setting fair fees; see Principles 3 and 1.');
  });

  it('leaves numbers that are not references, and references to provisions that stay', () => {
    const text = 'Fees rose 1.2 per cent under section 1.2 of the Act; clause 1.1 stands.';
    expect(renumberReferences(text, moves)).toBe(text);
  });
});

describe('referenceRewrites and shiftedOffset', () => {
  const moves = new Map([
    ['1.9', '1.10'],
    ['1.10', '1.11'],
    ['1.12', '1.9'],
    ['S8', 'S9'],
  ]);
  //            0         1         2         3         4         5         6         7
  //            0123456789012345678901234567890123456789012345678901234567890123456789012345
  const text = 'As clause 1.9 says, providers must act; clauses 1.10 and 1.12 and Standard 8 apply.';

  it('gives one rewrite per number that changes, at its place in the text as it is', () => {
    expect(referenceRewrites(text, moves)).toEqual([
      { at: 10, length: 3, replacement: '1.10' },
      { at: 48, length: 4, replacement: '1.11' },
      { at: 57, length: 4, replacement: '1.9' },
      { at: 75, length: 1, replacement: '9' },
    ]);
    expect(referenceRewrites(text, new Map())).toEqual([]);
    expect(referenceRewrites('Fees rose 1.9 per cent; clause 1.1 stands.', moves)).toEqual([]);
  });

  it('makes the text renumberReferences makes', () => {
    const rewritten = 'As clause 1.10 says, providers must act; clauses 1.11 and 1.9 and Standard 9 apply.';
    expect(applyRewrites(text, referenceRewrites(text, moves))).toBe(rewritten);
    expect(renumberReferences(text, moves)).toBe(rewritten);
  });

  it('moves an offset by the change of length of every rewrite that ends at or before it', () => {
    const rewrites = referenceRewrites(text, moves);
    const rewritten = applyRewrites(text, rewrites);
    // "must" at 30 to 34, after "1.9" made "1.10": one on.
    expect(text.slice(30, 34)).toBe('must');
    expect([shiftedOffset(30, rewrites), shiftedOffset(34, rewrites)]).toEqual([31, 35]);
    expect(rewritten.slice(31, 35)).toBe('must');
    // "apply" at 77 to 82, after +1, 0, -1 and 0.
    expect([shiftedOffset(77, rewrites), shiftedOffset(82, rewrites)]).toEqual([77, 82]);
    // Offsets before the first rewrite, at its start, and at its end.
    expect([shiftedOffset(0, rewrites), shiftedOffset(10, rewrites), shiftedOffset(13, rewrites)]).toEqual([0, 10, 14]);
    // A range that ends with a rewritten number ends with its replacement.
    expect(rewritten.slice(shiftedOffset(3, rewrites), shiftedOffset(13, rewrites))).toBe('clause 1.10');
  });

  it('keeps an offset inside a rewritten number inside its replacement', () => {
    const rewrites = referenceRewrites(text, moves);
    // Inside "1.9" (at 10) made "1.10": the same place from its start.
    expect(shiftedOffset(12, rewrites)).toBe(12);
    // Inside "1.12" (at 57, now 58) made the shorter "1.9": from its start, at most its end (61).
    expect(shiftedOffset(58, rewrites)).toBe(59);
    expect(shiftedOffset(60, rewrites)).toBe(61);
  });
});
