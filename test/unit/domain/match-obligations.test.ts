import { describe, expect, it } from 'vitest';
import { matchLineages, similarity } from '../../../domain/match-obligations.ts';

const S8_3 = 'Statutory partners should ensure that fee rates are set in a transparent way.';

describe('matchLineages', () => {
  it('keeps the lineage of an obligation whose "should" became "must"', () => {
    const before = [{ lineage: 'ob_a', index: 1, trigger: 'should', text: S8_3 }];
    const after = [{ index: 1, trigger: 'must', text: S8_3.replace('should', 'must') }];
    expect(matchLineages(before, after)).toEqual(['ob_a']);
  });

  it('gives a new sentence a new lineage and lets the replaced one go', () => {
    const before = [{ lineage: 'ob_a', index: 1, trigger: 'should', text: S8_3 }];
    const after = [{ index: 1, trigger: 'must', text: 'Providers must publish an annual report on the workforce they employ.' }];
    expect(matchLineages(before, after)).toEqual([null]);
  });

  it('follows each of two obligations of one sentence by its place and its modal verb', () => {
    const text = 'Providers should ensure staff are trained and must work with statutory partners on digital solutions.';
    const before = [
      { lineage: 'ob_1', index: 1, trigger: 'should', text },
      { lineage: 'ob_2', index: 2, trigger: 'must', text },
    ];
    const after = [
      { index: 1, trigger: 'should', text },
      { index: 2, trigger: 'must', text },
    ];
    expect(matchLineages(before, after)).toEqual(['ob_1', 'ob_2']);
  });

  it('follows an obligation that moved down when a sentence was added before it', () => {
    const before = [{ lineage: 'ob_a', index: 1, trigger: 'should', text: S8_3 }];
    const after = [
      { index: 1, trigger: 'must', text: 'Statutory partners must publish their fee rates every year.' },
      { index: 2, trigger: 'should', text: S8_3 },
    ];
    expect(matchLineages(before, after)).toEqual([null, 'ob_a']);
  });

  it('never gives one old lineage to two new obligations', () => {
    const before = [{ lineage: 'ob_a', index: 1, trigger: 'should', text: S8_3 }];
    const after = [
      { index: 1, trigger: 'should', text: S8_3 },
      { index: 2, trigger: 'should', text: S8_3 },
    ];
    expect(matchLineages(before, after)).toEqual(['ob_a', null]);
  });
});

describe('similarity', () => {
  it('is 1 for the same words and 0 for none in common', () => {
    expect(similarity('Fee rates must be fair.', 'fee rates MUST be fair')).toBe(1);
    expect(similarity('Fee rates', 'Welsh language')).toBe(0);
  });
});
