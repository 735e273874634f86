import { describe, expect, it } from 'vitest';
import { legalHistory, legalLives, statusOn, storedEvents, type StoredLegalDates } from '../../../domain/legal-life.ts';

/** The Code's history as the catalogue holds it (seed/data/catalogue.json). */
const SEEDED: StoredLegalDates[] = [
  { key: '2024-09-01', status: 'IN_FORCE', laidOn: '2024-06-11', inForceFrom: '2024-09-01', withdrawnOn: null },
  { key: 'draft-2024-03-19', status: 'WITHDRAWN', laidOn: '2024-03-19', inForceFrom: null, withdrawnOn: null },
];
const NEW: StoredLegalDates = { key: 'draft-2026-review', status: 'DRAFT', laidOn: null, inForceFrom: null, withdrawnOn: null };

describe('legalLives', () => {
  it('reads the seeded history from the stored dates: the 2024 Code in force, the March draft withdrawn on a day no source gives', () => {
    const [code, draft] = legalLives(SEEDED, []);
    expect(code).toEqual({ key: '2024-09-01', laidOn: '2024-06-11', inForceFrom: '2024-09-01', inForceUntil: null, withdrawnOn: null, withdrawnUndated: false });
    expect(draft).toEqual({ key: 'draft-2024-03-19', laidOn: '2024-03-19', inForceFrom: null, inForceUntil: null, withdrawnOn: null, withdrawnUndated: true });
    expect(code === undefined ? null : statusOn(code, '2026-12-01')).toBe('IN_FORCE');
    expect(code === undefined ? null : statusOn(code, '2024-07-01')).toBe('LAID');
    expect(draft === undefined ? null : statusOn(draft, '2024-03-18')).toBe('DRAFT');
    expect(draft === undefined ? null : statusOn(draft, '2024-03-19')).toBe('WITHDRAWN');
  });

  it('ends the 2024 Code the day before a new revision comes into force, without changing its stored dates', () => {
    const lives = legalLives([...SEEDED, NEW], [
      { revision: NEW.key, event: 'LAID', on: '2026-12-01' },
      { revision: NEW.key, event: 'COMES_INTO_FORCE', on: '2027-04-01' },
    ]);
    const code = lives.find((l) => l.key === '2024-09-01');
    const next = lives.find((l) => l.key === NEW.key);
    expect(code?.inForceUntil).toBe('2027-03-31');
    expect(next).toMatchObject({ laidOn: '2026-12-01', inForceFrom: '2027-04-01', inForceUntil: null });
    expect(code === undefined ? null : [statusOn(code, '2027-03-31'), statusOn(code, '2027-04-01')]).toEqual(['IN_FORCE', 'SUPERSEDED']);
    expect(next === undefined ? null : [statusOn(next, '2027-03-31'), statusOn(next, '2027-04-01')]).toEqual(['LAID', 'IN_FORCE']);
  });

  it('treats a withdrawal before the appointed day as cancelling the commencement', () => {
    const [, , next] = legalLives([...SEEDED, NEW], [
      { revision: NEW.key, event: 'LAID', on: '2026-12-01' },
      { revision: NEW.key, event: 'COMES_INTO_FORCE', on: '2027-04-01' },
      { revision: NEW.key, event: 'WITHDRAWN', on: '2027-01-15' },
    ]);
    expect(next).toMatchObject({ inForceFrom: null, withdrawnOn: '2027-01-15', withdrawnUndated: false });
  });
});

describe('legalHistory', () => {
  it('counts each stored date as an event, before the recorded ones', () => {
    expect(storedEvents(SEEDED[0] as StoredLegalDates)).toEqual([
      { revision: '2024-09-01', event: 'LAID', on: '2024-06-11' },
      { revision: '2024-09-01', event: 'COMES_INTO_FORCE', on: '2024-09-01' },
    ]);
    expect(legalHistory(SEEDED, [{ revision: NEW.key, event: 'LAID', on: '2026-12-01' }]).map((e) => `${e.revision} ${e.event}`)).toEqual([
      '2024-09-01 LAID',
      '2024-09-01 COMES_INTO_FORCE',
      'draft-2024-03-19 LAID',
      'draft-2026-review LAID',
    ]);
  });
});
