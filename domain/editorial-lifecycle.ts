/**
 * What may happen to a revision in each editorial state, and who may do it
 * (docs/graph-model.md, "Editorial state"): one exhaustive table of state by event, so that a
 * state or an event left out fails to compile. A draft goes DRAFTING → IN_REVIEW → APPROVED →
 * PUBLISHED; any edit before publication sends it back to DRAFTING (an edit during review
 * withdraws it from review, an edit after approval lapses the approval), and a reviewer may
 * send it back from review or withdraw an approval. A published revision never changes.
 * Approval needs four eyes: a reviewer who made no change to the draft.
 * Pure: a refusal is thrown as CONFLICT (not in this state), REVISION_PUBLISHED or FORBIDDEN.
 */
import { apiError, revisionPublished } from '../core/errors.ts';
import type { EditorialState, Role } from '../core/vocabulary.ts';

/** What an editor, reviewer or publisher asks to do to a draft. */
export const LIFECYCLE_EVENTS = ['EDIT', 'SUBMIT_FOR_REVIEW', 'REQUEST_CHANGES', 'APPROVE', 'PUBLISH', 'DISCARD'] as const;
export type LifecycleEvent = (typeof LIFECYCLE_EVENTS)[number];

/**
 * One cell of the table: the state the revision moves to and the role that may move it
 * (`to: null` for DISCARD: the draft is deleted and has no state), or why it is refused, in
 * plain words, with what to do instead.
 */
export type Transition = { readonly to: EditorialState | null; readonly role: Role } | { readonly refused: string };

const PUBLISHED_NEVER_CHANGES = 'it is published and never changes; create a draft from it and work on the draft';

/** Every state by every event. */
export const LIFECYCLE: { readonly [S in EditorialState]: { readonly [E in LifecycleEvent]: Transition } } = {
  DRAFTING: {
    EDIT: { to: 'DRAFTING', role: 'editor' },
    SUBMIT_FOR_REVIEW: { to: 'IN_REVIEW', role: 'editor' },
    REQUEST_CHANGES: { refused: 'it has not been submitted for review, so there is nothing to send back; it can be edited, submitted for review or discarded' },
    APPROVE: { refused: 'it must be submitted for review before a reviewer can approve it; an editor submits it first' },
    PUBLISH: { refused: 'only an approved draft can be published; submit it for review and have a reviewer approve it first' },
    DISCARD: { to: null, role: 'editor' },
  },
  IN_REVIEW: {
    EDIT: { to: 'DRAFTING', role: 'editor' },
    SUBMIT_FOR_REVIEW: { refused: 'it can be approved or sent back for changes, not submitted again' },
    REQUEST_CHANGES: { to: 'DRAFTING', role: 'reviewer' },
    APPROVE: { to: 'APPROVED', role: 'reviewer' },
    PUBLISH: { refused: 'it has not been approved yet; a reviewer must approve it before it can be published' },
    DISCARD: { to: null, role: 'editor' },
  },
  APPROVED: {
    EDIT: { to: 'DRAFTING', role: 'editor' },
    SUBMIT_FOR_REVIEW: { refused: 'it is already approved; it can be published, or edited (which sends it back to drafting), not submitted again' },
    REQUEST_CHANGES: { to: 'DRAFTING', role: 'reviewer' },
    APPROVE: { refused: 'it is already approved; a publisher can publish it' },
    PUBLISH: { to: 'PUBLISHED', role: 'publisher' },
    DISCARD: { to: null, role: 'editor' },
  },
  PUBLISHED: {
    EDIT: { refused: PUBLISHED_NEVER_CHANGES },
    SUBMIT_FOR_REVIEW: { refused: PUBLISHED_NEVER_CHANGES },
    REQUEST_CHANGES: { refused: PUBLISHED_NEVER_CHANGES },
    APPROVE: { refused: PUBLISHED_NEVER_CHANGES },
    PUBLISH: { refused: PUBLISHED_NEVER_CHANGES },
    DISCARD: { refused: 'it is published and is a fixed public record; it cannot be discarded' },
  },
};

/** A transition that is allowed: where it leads and who may make it. */
export type AllowedTransition = Extract<Transition, { to: EditorialState | null }>;

function isAllowed(transition: Transition): transition is AllowedTransition {
  return 'to' in transition;
}

/** The events allowed in `state`, in the order of LIFECYCLE_EVENTS. */
export function allowedEvents(state: EditorialState): LifecycleEvent[] {
  return LIFECYCLE_EVENTS.filter((event) => isAllowed(LIFECYCLE[state][event]));
}

/** An event as a reader would say it was done to a draft. */
const DONE: { readonly [E in LifecycleEvent]: string } = {
  EDIT: 'edited',
  SUBMIT_FOR_REVIEW: 'submitted for review',
  REQUEST_CHANGES: 'sent back for changes',
  APPROVE: 'approved',
  PUBLISH: 'published',
  DISCARD: 'discarded',
};

/** The refusal of `event` on revision `revision` in `state`. */
function refusal(revision: string, state: EditorialState, event: LifecycleEvent, why: string): ReturnType<typeof apiError> {
  if (state === 'PUBLISHED') return revisionPublished(revision);
  const allowed = allowedEvents(state);
  return apiError('CONFLICT', `Revision ${revision} is ${state} and cannot be ${DONE[event]}: ${why}`, {
    revision,
    state,
    event,
    allowed,
  });
}

/**
 * The transition `event` makes from `state`: where the revision goes and the role needed.
 * Throws REVISION_PUBLISHED for any event on a published revision, and CONFLICT (naming the
 * state and the events allowed in it) for an event the state does not allow.
 */
export function transitionFor(state: EditorialState, event: LifecycleEvent, revision: string): AllowedTransition {
  const transition = LIFECYCLE[state][event];
  if (!isAllowed(transition)) throw refusal(revision, state, event, transition.refused);
  return transition;
}

/**
 * The state revision `revision` moves to when `event` happens in `state` (null: discarded,
 * the draft is gone). Throws as `transitionFor` does.
 */
export function nextState(state: EditorialState, event: 'DISCARD', revision: string): null;
export function nextState(state: EditorialState, event: Exclude<LifecycleEvent, 'DISCARD'>, revision: string): EditorialState;
export function nextState(state: EditorialState, event: LifecycleEvent, revision: string): EditorialState | null;
export function nextState(state: EditorialState, event: LifecycleEvent, revision: string): EditorialState | null {
  return transitionFor(state, event, revision).to;
}

/** Who is approving, and everyone who changed the draft (its creator included), by subject. */
export interface FourEyes {
  reviewer: string;
  editors: readonly string[];
}

/**
 * Four eyes: a draft is approved by a second person, never by one who changed it. Throws
 * FORBIDDEN when the reviewer is among the draft's editors.
 */
export function checkFourEyes({ reviewer, editors }: FourEyes): void {
  if (!editors.includes(reviewer)) return;
  throw apiError(
    'FORBIDDEN',
    'You changed this draft, so you cannot approve it: a second person, a reviewer who made no change to it, must approve it (four eyes)',
    { rule: 'FOUR_EYES' },
  );
}
