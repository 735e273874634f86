import { describe, expect, it } from 'vitest';
import { ENGLISH_STOP_WORDS, fullTextTermsOf, parseFullTextQuery } from '../../../domain/full-text-query.ts';
import { errorOf } from '../../support/error-of.ts';

/** Java's reading of an "as written" pattern, for these tests: JavaScript lacks `\Q...\E`. */
function matchesAsWritten(pattern: string, text: string): boolean {
  const js = pattern
    .replace(/^\(\?siu\)/, '')
    .replace(/\\Q(.*?)\\E/g, (_, literal: string) => literal.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));
  return new RegExp(`^${js}$`, 'siu').test(text);
}

describe('parseFullTextQuery', () => {
  it('asks every word, each a term with the pattern of it as written', () => {
    expect(parseFullTextQuery('Fair fees', 'text')).toEqual({
      lucene: '+fair +fees',
      terms: [
        { asked: 'Fair', clause: '+fair', quoted: false, asWritten: '(?siu).*(?<![\\p{L}\\p{N}])\\QFair\\E(?![\\p{L}\\p{N}]).*' },
        { asked: 'fees', clause: '+fees', quoted: false, asWritten: '(?siu).*(?<![\\p{L}\\p{N}])\\Qfees\\E(?![\\p{L}\\p{N}]).*' },
      ],
      tooCommon: [],
    });
  });

  it('keeps a quoted phrase a phrase that must match as written, whole words in order', () => {
    const query = parseFullTextQuery('"Real Living Wage" providers', 'text');
    expect(query.lucene).toBe('+"real living wage" +providers');
    const [phrase] = query.terms;
    expect(phrase).toMatchObject({ asked: '"Real Living Wage"', quoted: true });
    expect(matchesAsWritten(phrase?.asWritten ?? '', 'paying at least the real living wage, to workers')).toBe(true);
    expect(matchesAsWritten(phrase?.asWritten ?? '', 'the real living wages')).toBe(false);
    expect(matchesAsWritten(phrase?.asWritten ?? '', 'real wage')).toBe(false);
  });

  it('keeps one term for a word asked both quoted and not: the quoted one', () => {
    expect(parseFullTextQuery('fees "fees"', 'text').terms.map((term) => [term.asked, term.quoted])).toEqual([['"fees"', true]]);
  });

  it('leaves out the words the English analyzer skips, and says which', () => {
    expect(parseFullTextQuery('the duties of carers AND NOT providers', 'text')).toMatchObject({ lucene: '+duties +carers +providers', tooCommon: ['the', 'of', 'and', 'not'] });
  });

  it('reads a slash as alternatives, either one as written', () => {
    const query = parseFullTextQuery('NYTH/NEST Framework and/or', 'text');
    expect(query).toMatchObject({ lucene: '+(nyth nest) +framework', tooCommon: ['and/or'] });
    expect(matchesAsWritten(query.terms[0]?.asWritten ?? '', 'the NEST framework')).toBe(true);
  });

  it('asks a word with marks inside in quotes, so the index splits it as it split the text', () => {
    expect(parseFullTextQuery('1.53 s.145 well-being people’s', 'text').lucene).toBe('+"1.53" +"s.145" +"well\\-being" +people’s');
  });

  it('matches either apostrophe as written', () => {
    expect(matchesAsWritten(parseFullTextQuery("people's", 'text').terms[0]?.asWritten ?? '', 'the people’s rights')).toBe(true);
  });

  it('escapes what Lucene would read as an operator', () => {
    expect(parseFullTextQuery('fees* (rates)~ -price: +value^2', 'text').lucene).toBe('+fees +rates +price +value +2');
  });

  it('refuses text of only the commonest words, naming them, with an example', () => {
    expect(errorOf(() => parseFullTextQuery('the "of"', 'filter.topic'))).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'filter.topic must contain at least one word, such as "fees" or "real living wage" ("the", "of" are too common to be searched for); got "the "of""',
    });
    expect(fullTextTermsOf('of the')).toBeNull();
  });

  it('lists the 33 English stop words', () => {
    expect(ENGLISH_STOP_WORDS.size).toBe(33);
  });
});
