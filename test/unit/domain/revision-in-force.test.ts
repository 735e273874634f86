import { describe, expect, it } from 'vitest';
import { chooseRevision, isoDay, revisionInForceOn, todayInWales } from '../../../domain/revision-in-force.ts';
import type { RevisionModel } from '../../../loaders/revision.ts';
import { codeOf } from '../../../core/errors.ts';

function revision(key: string, fields: Partial<RevisionModel>): RevisionModel {
  return {
    __typename: 'Revision',
    key,
    status: 'IN_FORCE',
    title: 'Code',
    laidOn: null,
    inForceFrom: null,
    inForceUntil: null,
    withdrawnOn: null,
    published: true,
    hasText: true,
    evidence: null,
    instrumentKey: 'code/commissioning-framework',
    supersedesKey: null,
    reviewIntervalYears: 2,
    approvedBy: null,
    editorialState: 'PUBLISHED',
    version: 1,
    createdBy: null,
    lastChangedBy: null,
    copiedFrom: null,
    ...fields,
  };
}

const draft = revision('draft-2024-03-19', { status: 'WITHDRAWN', laidOn: '2024-03-19', hasText: false });
const first = revision('2024-09-01', { status: 'SUPERSEDED', inForceFrom: '2024-09-01', inForceUntil: '2026-08-31' });
const second = revision('2026-09-01', { inForceFrom: '2026-09-01' });
const revisions = [second, first, draft];

function errorOf(run: () => unknown): { code: string | undefined; message: string; extensions: unknown } {
  try {
    run();
  } catch (error) {
    return { code: codeOf(error), message: (error as Error).message, extensions: (error as { extensions?: unknown }).extensions };
  }
  throw new Error('expected an error');
}

describe('revisionInForceOn', () => {
  it('finds the revision in force on its first day, its last day and in between', () => {
    expect(revisionInForceOn(revisions, '2024-09-01')?.key).toBe('2024-09-01');
    expect(revisionInForceOn(revisions, '2025-06-15')?.key).toBe('2024-09-01');
    expect(revisionInForceOn(revisions, '2026-08-31')?.key).toBe('2024-09-01');
    expect(revisionInForceOn(revisions, '2026-09-01')?.key).toBe('2026-09-01');
  });

  it('finds none before the first came into force, and never a withdrawn draft', () => {
    expect(revisionInForceOn(revisions, '2024-08-31')).toBeNull();
    expect(revisionInForceOn(revisions, '2024-03-19')).toBeNull();
  });
});

describe('chooseRevision', () => {
  it('reads the revision in force today when nothing is asked', () => {
    expect(chooseRevision(revisions, {}, '2025-01-01').key).toBe('2024-09-01');
  });

  it('reads a revision by its key, even one never in force', () => {
    expect(chooseRevision(revisions, { revision: 'draft-2024-03-19' }, '2025-01-01')).toBe(draft);
  });

  it('says no revision was in force before the first, and when the first came into force', () => {
    expect(errorOf(() => chooseRevision(revisions, { asOf: '2024-08-31' }, '2025-01-01'))).toEqual({
      code: 'NOT_FOUND',
      message: 'No revision of the Code was in force on 2024-08-31; the first revision (2024-09-01) came into force on 2024-09-01; ask with asOf: "2024-09-01" or later',
      extensions: { code: 'NOT_FOUND', asOf: '2024-08-31', firstInForceFrom: '2024-09-01', firstRevision: '2024-09-01' },
    });
  });

  it('says an unknown revision key is not found, showing a valid one', () => {
    expect(errorOf(() => chooseRevision(revisions, { revision: '2023-01-01' }, '2025-01-01')).message).toBe(
      'No revision of the Code has the key "2023-01-01"; a valid key looks like "2026-09-01"',
    );
  });

  it('refuses a key and a day together', () => {
    expect(errorOf(() => chooseRevision(revisions, { revision: '2024-09-01', asOf: '2024-09-01' }, '2025-01-01')).code).toBe('BAD_USER_INPUT');
  });
});

describe('dates', () => {
  it('take today in Wales, not in UTC (just after midnight in British Summer Time)', () => {
    expect(todayInWales(new Date('2024-08-31T23:30:00Z'))).toBe('2024-09-01');
    expect(todayInWales(new Date('2024-12-31T23:30:00Z'))).toBe('2024-12-31');
  });

  it('turn the day at midnight in Wales to the millisecond, though a day is kept for the minute', () => {
    // Summer: midnight in Wales is 23:00 UTC; winter: midnight UTC.
    expect(todayInWales(new Date('2025-06-30T22:59:59.999Z'))).toBe('2025-06-30');
    expect(todayInWales(new Date('2025-06-30T23:00:00.000Z'))).toBe('2025-07-01');
    expect(todayInWales(new Date('2025-06-30T23:00:59.999Z'))).toBe('2025-07-01');
    expect(todayInWales(new Date('2025-12-31T23:59:59.999Z'))).toBe('2025-12-31');
    expect(todayInWales(new Date('2026-01-01T00:00:00.000Z'))).toBe('2026-01-01');
    // The days around the clocks changing (at 01:00 UTC, never at midnight).
    expect(todayInWales(new Date('2026-03-28T23:59:59.999Z'))).toBe('2026-03-28');
    expect(todayInWales(new Date('2026-03-29T00:00:00.000Z'))).toBe('2026-03-29');
    expect(todayInWales(new Date('2026-10-24T22:59:59.999Z'))).toBe('2026-10-24');
    expect(todayInWales(new Date('2026-10-24T23:00:00.000Z'))).toBe('2026-10-25');
    expect(todayInWales(new Date('2026-10-25T23:59:59.999Z'))).toBe('2026-10-25');
    expect(todayInWales(new Date('2026-10-26T00:00:00.000Z'))).toBe('2026-10-26');
  });

  it('read the Date scalar\'s value as the day it names', () => {
    expect(isoDay(new Date('2024-09-01T00:00:00Z'))).toBe('2024-09-01');
    expect(isoDay(null)).toBeNull();
  });
});
