import { describe, expect, it } from 'vitest';
import { codeOf } from '../../../core/errors.ts';
import { EDITORIAL_STATES, type EditorialState, type Role } from '../../../core/vocabulary.ts';
import {
  LIFECYCLE,
  LIFECYCLE_EVENTS,
  allowedEvents,
  checkFourEyes,
  nextState,
  transitionFor,
  type LifecycleEvent,
} from '../../../domain/editorial-lifecycle.ts';

function errorOf(run: () => unknown): { code: string | undefined; message: string; extensions: Record<string, unknown> } | null {
  try {
    run();
    return null;
  } catch (error) {
    return { code: codeOf(error), message: (error as Error).message, extensions: (error as { extensions: Record<string, unknown> }).extensions };
  }
}

/** What should happen, written out cell by cell from the rules (docs/graph-model.md, "Editorial state"). */
type Expected = { to: EditorialState | 'GONE'; role: Role } | 'CONFLICT' | 'REVISION_PUBLISHED';

const CELLS: readonly [EditorialState, LifecycleEvent, Expected][] = [
  ['DRAFTING', 'EDIT', { to: 'DRAFTING', role: 'editor' }],
  ['DRAFTING', 'SUBMIT_FOR_REVIEW', { to: 'IN_REVIEW', role: 'editor' }],
  ['DRAFTING', 'REQUEST_CHANGES', 'CONFLICT'],
  ['DRAFTING', 'APPROVE', 'CONFLICT'],
  ['DRAFTING', 'PUBLISH', 'CONFLICT'],
  ['DRAFTING', 'DISCARD', { to: 'GONE', role: 'editor' }],

  ['IN_REVIEW', 'EDIT', { to: 'DRAFTING', role: 'editor' }],
  ['IN_REVIEW', 'SUBMIT_FOR_REVIEW', 'CONFLICT'],
  ['IN_REVIEW', 'REQUEST_CHANGES', { to: 'DRAFTING', role: 'reviewer' }],
  ['IN_REVIEW', 'APPROVE', { to: 'APPROVED', role: 'reviewer' }],
  ['IN_REVIEW', 'PUBLISH', 'CONFLICT'],
  ['IN_REVIEW', 'DISCARD', { to: 'GONE', role: 'editor' }],

  ['APPROVED', 'EDIT', { to: 'DRAFTING', role: 'editor' }],
  ['APPROVED', 'SUBMIT_FOR_REVIEW', 'CONFLICT'],
  ['APPROVED', 'REQUEST_CHANGES', { to: 'DRAFTING', role: 'reviewer' }],
  ['APPROVED', 'APPROVE', 'CONFLICT'],
  ['APPROVED', 'PUBLISH', { to: 'PUBLISHED', role: 'publisher' }],
  ['APPROVED', 'DISCARD', { to: 'GONE', role: 'editor' }],

  ['PUBLISHED', 'EDIT', 'REVISION_PUBLISHED'],
  ['PUBLISHED', 'SUBMIT_FOR_REVIEW', 'REVISION_PUBLISHED'],
  ['PUBLISHED', 'REQUEST_CHANGES', 'REVISION_PUBLISHED'],
  ['PUBLISHED', 'APPROVE', 'REVISION_PUBLISHED'],
  ['PUBLISHED', 'PUBLISH', 'REVISION_PUBLISHED'],
  ['PUBLISHED', 'DISCARD', 'REVISION_PUBLISHED'],
];

describe('the editorial lifecycle, state by event', () => {
  it('the expected table has every one of the 4 × 6 cells exactly once', () => {
    const pairs = CELLS.map(([state, event]) => `${state} ${event}`);
    expect(new Set(pairs).size).toBe(24);
    expect(EDITORIAL_STATES.length * LIFECYCLE_EVENTS.length).toBe(24);
    for (const state of EDITORIAL_STATES) for (const event of LIFECYCLE_EVENTS) expect(pairs).toContain(`${state} ${event}`);
  });

  it.each(CELLS)('%s by %s', (state, event, expected) => {
    if (typeof expected === 'object') {
      const to = expected.to === 'GONE' ? null : expected.to;
      expect(nextState(state, event, 'draft-x')).toBe(to);
      expect(transitionFor(state, event, 'draft-x')).toEqual({ to, role: expected.role });
      expect(allowedEvents(state)).toContain(event);
      return;
    }
    const error = errorOf(() => nextState(state, event, 'draft-x'));
    expect(error?.code).toBe(expected);
    expect(error?.extensions['revision']).toBe('draft-x');
    expect(allowedEvents(state)).not.toContain(event);
    if (expected === 'CONFLICT') {
      expect(error?.message).toMatch(new RegExp(`^Revision draft-x is ${state} and cannot be `));
      expect(error?.extensions['state']).toBe(state);
      expect(error?.extensions['allowed']).toEqual(allowedEvents(state));
    } else {
      expect(error?.message).toContain('Revision draft-x is published and never changes');
    }
  });
});

describe('allowedEvents', () => {
  it('lists what each state allows, in a fixed order', () => {
    expect(allowedEvents('DRAFTING')).toEqual(['EDIT', 'SUBMIT_FOR_REVIEW', 'DISCARD']);
    expect(allowedEvents('IN_REVIEW')).toEqual(['EDIT', 'REQUEST_CHANGES', 'APPROVE', 'DISCARD']);
    expect(allowedEvents('APPROVED')).toEqual(['EDIT', 'REQUEST_CHANGES', 'PUBLISH', 'DISCARD']);
    expect(allowedEvents('PUBLISHED')).toEqual([]);
  });
});

describe('refusals say what the state allows instead', () => {
  it('a draft in review is not submitted again', () => {
    expect(errorOf(() => nextState('IN_REVIEW', 'SUBMIT_FOR_REVIEW', 'draft-x'))?.message).toBe(
      'Revision draft-x is IN_REVIEW and cannot be submitted for review: it can be approved or sent back for changes, not submitted again',
    );
  });

  it('a draft is approved only once submitted, and published only once approved', () => {
    expect(errorOf(() => nextState('DRAFTING', 'APPROVE', 'draft-x'))?.message).toContain('must be submitted for review');
    expect(errorOf(() => nextState('IN_REVIEW', 'PUBLISH', 'draft-x'))?.message).toContain('a reviewer must approve it');
  });

  it('every refusal in the table says why in words', () => {
    for (const state of EDITORIAL_STATES) {
      for (const event of LIFECYCLE_EVENTS) {
        const cell = LIFECYCLE[state][event];
        if ('refused' in cell) expect(cell.refused.length).toBeGreaterThan(20);
      }
    }
  });
});

describe('the table is exhaustive by its type', () => {
  it('a table missing a state or an event does not compile', () => {
    // @ts-expect-error: PUBLISHED is missing
    const noPublished: typeof LIFECYCLE = { DRAFTING: LIFECYCLE.DRAFTING, IN_REVIEW: LIFECYCLE.IN_REVIEW, APPROVED: LIFECYCLE.APPROVED };
    const { EDIT, SUBMIT_FOR_REVIEW, REQUEST_CHANGES, APPROVE, PUBLISH } = LIFECYCLE.DRAFTING;
    const noDiscard = { EDIT, SUBMIT_FOR_REVIEW, REQUEST_CHANGES, APPROVE, PUBLISH };
    // @ts-expect-error: DRAFTING has no DISCARD
    const missingEvent: typeof LIFECYCLE = { ...LIFECYCLE, DRAFTING: noDiscard };
    expect([noPublished, missingEvent]).toHaveLength(2);
  });
});

describe('four eyes', () => {
  it('a reviewer who made no change to the draft may approve it', () => {
    expect(() => checkFourEyes({ reviewer: 'rhian', editors: ['dafydd', 'siân'] })).not.toThrow();
    expect(() => checkFourEyes({ reviewer: 'rhian', editors: [] })).not.toThrow();
  });

  it('the creator, or anyone who changed the draft, may not approve it', () => {
    for (const editors of [['rhian'], ['dafydd', 'rhian'], ['rhian', 'rhian']]) {
      const error = errorOf(() => checkFourEyes({ reviewer: 'rhian', editors }));
      expect(error?.code).toBe('FORBIDDEN');
      expect(error?.message).toContain('a second person');
      expect(error?.message).toContain('four eyes');
    }
  });

  it('subjects are compared exactly', () => {
    expect(() => checkFourEyes({ reviewer: 'Rhian', editors: ['rhian'] })).not.toThrow();
  });
});
