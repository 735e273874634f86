import { describe, expect, it } from 'vitest';
import { parseFullTextQuery } from '../../../domain/full-text-query.ts';
import { editDistance, maxEdits, nearestWords, textHint, vocabularyOf } from '../../../domain/text-hint.ts';

const vocabulary = vocabularyOf([
  'Statutory partners must confirm their fee rates to providers.',
  'relating to fee setting and fee-setting processes',
  'Safeguarding of adults and the safeguarding board',
]);

describe('vocabularyOf', () => {
  it('counts the texts holding each word, whole and in parts, without the commonest words', () => {
    expect(Object.fromEntries(vocabulary)).toEqual({
      statutory: 1,
      partners: 1,
      must: 1,
      confirm: 1,
      fee: 2,
      rates: 1,
      providers: 1,
      relating: 1,
      setting: 1,
      'fee-setting': 1,
      processes: 1,
      safeguarding: 1,
      adults: 1,
      board: 1,
    });
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours', () => {
    expect([editDistance('feez', 'fees', 2), editDistance('feez', 'fee', 2), editDistance('langauge', 'language', 2), editDistance('fees', 'rates', 2)]).toEqual([1, 1, 1, 3]);
  });
});

describe('nearestWords', () => {
  it('gives the closest words first, then the most frequent', () => {
    expect(nearestWords('feez', vocabulary)).toEqual(['fee']);
    expect(nearestWords('safegarding', vocabulary)).toEqual(['safeguarding']);
    expect(nearestWords('rate', vocabulary)).toEqual(['rates']);
  });

  it('suggests nothing for a word of two letters, and allows more edits for longer words', () => {
    expect([maxEdits('fe'), maxEdits('fees'), maxEdits('safeguard')]).toEqual([0, 1, 2]);
    expect(nearestWords('fe', vocabulary)).toEqual([]);
  });
});

describe('textHint', () => {
  const scopes = [{ argument: 'filter.text', where: 'the text of any obligation of revision 2024-09-01', vocabulary }];
  const noun = ['obligation', 'obligations'] as const;

  it('names a word not found and the nearest words that are', () => {
    const [term] = parseFullTextQuery('feez', 'filter.text').terms;
    if (term === undefined) throw new Error('no term');
    expect(textHint({ scopes, findings: [{ argument: 'filter.text', term, matches: 0, matchesInAnyForm: 0 }], together: 0, tooCommon: [], noun })).toEqual({
      message: '"feez" is not found in the text of any obligation of revision 2024-09-01, in any form; the nearest words that are: "fee".',
      words: [{ argument: 'filter.text', asked: 'feez', status: 'NOT_FOUND', matches: 0, suggestions: ['fee'] }],
    });
  });

  it('offers a quoted phrase found only in other forms without its quotes', () => {
    const query = parseFullTextQuery('"fee rate" the', 'filter.text');
    const [term] = query.terms;
    if (term === undefined) throw new Error('no term');
    expect(
      textHint({ scopes, findings: [{ argument: 'filter.text', term, matches: 0, matchesInAnyForm: 2 }], together: 0, tooCommon: [{ argument: 'filter.text', word: 'the' }], noun }),
    ).toEqual({
      message:
        '"fee rate" is not found as written in the text of any obligation of revision 2024-09-01, but in other forms in 2 obligations: try it without the quotes. "the" was left out: too common to be searched for.',
      words: [
        { argument: 'filter.text', asked: '"fee rate"', status: 'NOT_FOUND', matches: 0, suggestions: ['fee rate'] },
        { argument: 'filter.text', asked: 'the', status: 'TOO_COMMON', matches: 0, suggestions: [] },
      ],
    });
  });

  it('says when each word is found but not together, and when the other filters left nothing', () => {
    const [fees, welsh] = parseFullTextQuery('fees welsh', 'filter.text').terms;
    if (fees === undefined || welsh === undefined) throw new Error('no terms');
    const findings = [
      { argument: 'filter.text', term: fees, matches: 4, matchesInAnyForm: 4 },
      { argument: 'filter.text', term: welsh, matches: 12, matchesInAnyForm: 12 },
    ];
    expect(textHint({ scopes, findings, together: 0, tooCommon: [], noun }).message).toBe('Each word is found, but no obligation holds them all: "fees" in 4 obligations, "welsh" in 12.');
    expect(textHint({ scopes, findings, together: 1, tooCommon: [], noun }).message).toBe('1 obligation holds every word asked for, but none of them matches the other filters.');
  });
});
