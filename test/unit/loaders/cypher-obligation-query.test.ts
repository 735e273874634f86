import { describe, expect, it } from 'vitest';
import { buildObligationQuery, toObligationCriteria } from '../../../loaders/obligation-query.ts';
import { errorOf } from '../../support/error-of.ts';

const page = { offset: 0, limit: 20 };

describe('buildObligationQuery', () => {
  it('reads every obligation of the revision in reading order when no filter is given', () => {
    expect(buildObligationQuery('2024-09-01', toObligationCriteria(null), page)).toMatchSnapshot();
  });

  it('combines every filter with AND, each value as a parameter', () => {
    const criteria = toObligationCriteria({
      modality: ['MUST', 'MUST_NOT', 'MUST'],
      force: 'REQUIREMENT',
      addressee: 'statutory-partners',
      appliesTo: 'local-health-board',
      provision: 'S8',
      standard: 'S8',
      principle: 'P3',
      heading: 'safeguarding',
      qualifier: 'HAVE_REGARD',
      citing: 'ukpga/2010/15',
    });
    expect(buildObligationQuery('2024-09-01', criteria, { offset: 40, limit: 100 })).toMatchSnapshot();
  });

  it('starts from the obligationText full-text index when free text is given', () => {
    const query = buildObligationQuery('2024-09-01', toObligationCriteria({ text: 'fee rates', force: 'REQUIREMENT' }), page);
    expect(query).toMatchSnapshot();
    expect(query.params['fullText']).toBe('+fee +rates');
  });

  it('never puts a value the user typed into the Cypher text', () => {
    const hostile = "x'}) DETACH DELETE (n) //";
    const query = buildObligationQuery(
      '2024-09-01',
      toObligationCriteria({ addressee: hostile, appliesTo: hostile, heading: hostile, citing: hostile, text: hostile }),
      page,
    );
    expect(query.cypher).not.toContain('DETACH');
    expect(query.params['addressee']).toBe(hostile);
  });
});

describe('toObligationCriteria', () => {
  it('refuses a provision key that is not a citation, showing a valid one', () => {
    expect(errorOf(() => toObligationCriteria({ provision: 'clause 1.53' }))).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'filter.provision must be a provision\'s key, such as "1.53", "P3" or "S8"; got "clause 1.53"',
    });
  });

  it('refuses a principle given as a standard', () => {
    expect(errorOf(() => toObligationCriteria({ standard: 'P3' }))).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'filter.standard must be a standard\'s key, such as "S8"; got "P3"',
    });
  });

  it('refuses an empty list of modalities', () => {
    expect(errorOf(() => toObligationCriteria({ modality: [] })).code).toBe('BAD_USER_INPUT');
  });

  it('refuses free text with no word in it', () => {
    expect(errorOf(() => toObligationCriteria({ text: '?!' }))).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'filter.text must contain at least one word, such as "fees" or "real living wage"; got "?!"',
    });
  });

  it('drops repeated modalities and trims keys', () => {
    expect(toObligationCriteria({ modality: ['MAY', 'MAY'], provision: ' 1.53 ' })).toMatchObject({ modalities: ['MAY'], provision: '1.53' });
  });
});
