import { describe, expect, it } from 'vitest';
import { parseFullTextQuery, toFullTextQuery } from '../../../domain/full-text-query.ts';
import { buildSearchQuery } from '../../../loaders/search.ts';
import { codeOf } from '../../../core/errors.ts';

describe('toFullTextQuery', () => {
  it('requires every word', () => {
    expect(toFullTextQuery('fair fees', 'text')).toBe('+fair +fees');
  });

  it('keeps a quoted phrase as a phrase', () => {
    expect(toFullTextQuery('"Real Living Wage" providers', 'text')).toBe('+"real living wage" +providers');
  });

  it('makes Lucene operators plain words, left out as too common to be searched for', () => {
    expect(parseFullTextQuery('carers AND NOT providers OR', 'text')).toMatchObject({ lucene: '+carers +providers', tooCommon: ['and', 'not', 'or'] });
  });

  it('asks a word with marks inside in quotes, escaped, so the index splits it as it split the text', () => {
    expect(toFullTextQuery('1.53 s.145 well-being and/or', 'text')).toBe('+"1.53" +"s.145" +"well\\-being"');
  });

  it('ignores punctuation that is not part of a word', () => {
    expect(toFullTextQuery('fees* (rates)~ -price: +value^2', 'text')).toBe('+fees +rates +price +value +2');
  });

  it('refuses text with no word, showing what to send', () => {
    let code: string | undefined;
    try {
      toFullTextQuery('" "', 'text');
    } catch (error) {
      code = codeOf(error);
    }
    expect(code).toBe('BAD_USER_INPUT');
  });
});

describe('buildSearchQuery', () => {
  it('searches every kind within the revision, best first, a page at a time', () => {
    expect(buildSearchQuery(parseFullTextQuery('fees', 'text'), '2024-09-01', null, { offset: 0, limit: 20 })).toMatchSnapshot();
  });

  it('limits the hits to the kinds asked for, by label', () => {
    const query = buildSearchQuery(parseFullTextQuery('carer', 'text'), '2024-09-01', ['TERM', 'TOOLKIT_ITEM', 'TERM'], { offset: 20, limit: 5 });
    expect(query.params).toEqual({
      fullText: '+carer',
      quoted: [],
      asWritten: ['(?siu).*(?<![\\p{L}\\p{N}])\\Qcarer\\E(?![\\p{L}\\p{N}]).*'],
      revision: '2024-09-01',
      labels: ['Term', 'ToolkitItem'],
      offset: 20,
      limit: 5,
    });
  });

  it('refuses an empty list of kinds', () => {
    let code: string | undefined;
    try {
      buildSearchQuery(parseFullTextQuery('carer', 'text'), '2024-09-01', [], { offset: 0, limit: 5 });
    } catch (error) {
      code = codeOf(error);
    }
    expect(code).toBe('BAD_USER_INPUT');
  });
});
