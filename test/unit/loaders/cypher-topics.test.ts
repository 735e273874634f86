import { describe, expect, it } from 'vitest';
import { buildObligationQuery, toObligationCriteria } from '../../../loaders/obligation-query.ts';
import { buildSearchHintQueries, OBLIGATION_TERM_FINDINGS, OBLIGATION_WORDS } from '../../../loaders/text-hint.ts';
import { MATCH_ALL_TERMS, OBLIGATIONS_OF_TOPIC_TERMS, TOPICS_OF_REVISION } from '../../../loaders/topic.ts';
import { parseFullTextQuery } from '../../../domain/full-text-query.ts';

const page = { offset: 0, limit: 20 };

describe('the topic filter', () => {
  it('starts from each word of the topic on its own, in the text and in the titles, and keeps what holds them all', () => {
    expect(buildObligationQuery('2024-09-01', toObligationCriteria({ topic: 'Welsh language', modality: ['MUST'] }), page)).toMatchSnapshot();
  });

  it('adds the words of the text filter as terms of the text alone', () => {
    const query = buildObligationQuery('2024-09-01', toObligationCriteria({ topic: 'Welsh language', text: '"medium of Welsh"' }), page);
    expect(query.cypher.startsWith(MATCH_ALL_TERMS)).toBe(true);
    expect((query.params['terms'] as { id: string; topic: boolean; quoted: boolean }[]).map(({ id, topic, quoted }) => ({ id, topic, quoted }))).toEqual([
      { id: 'text:0', topic: false, quoted: true },
      { id: 'topic:0', topic: true, quoted: false },
      { id: 'topic:1', topic: true, quoted: false },
    ]);
  });

  it('keeps a quoted word of the text filter to its form as written', () => {
    expect(buildObligationQuery('2024-09-01', toObligationCriteria({ text: '"fee rates"' }), page)).toMatchSnapshot();
  });
});

describe('the topics and hints Cypher', () => {
  it('keeps the queries as reviewed', () => {
    expect({ TOPICS_OF_REVISION, OBLIGATIONS_OF_TOPIC_TERMS, OBLIGATION_TERM_FINDINGS, OBLIGATION_WORDS }).toMatchSnapshot();
  });

  it('builds a search hint within the revision and the kinds asked for', () => {
    expect(buildSearchHintQueries(parseFullTextQuery('feez', 'text'), '2024-09-01', ['OBLIGATION', 'TERM'])).toMatchSnapshot();
  });
});
