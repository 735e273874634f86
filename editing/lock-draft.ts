/**
 * The first step of every change to a draft (docs/architecture.md, "The write side"):
 * take the draft's write lock inside the change's transaction (a concurrent change waits
 * for this one to commit), compare its version with the one the editor last read, ask the
 * editorial lifecycle (domain/editorial-lifecycle.ts) whether the change may happen in the
 * draft's state, and move it on: one more version, the state the change leads to, and the
 * editor among the draft's editors when the change is an edit (four eyes needs them); a
 * change that leaves the draft neither approved nor published lapses its approval.
 * Optimistic concurrency: of K changes sent on one version, exactly one succeeds and the
 * others get CONFLICT naming the current version and who changed it last. The Cypher
 * matches unpublished revisions only, so a published revision cannot be changed even by a
 * statement that slipped past the checks.
 */
import { apiError, notFound, revisionPublished } from '../core/errors.ts';
import type { Viewer } from '../core/viewer.ts';
import type { EditorialState } from '../core/vocabulary.ts';
import type { TransactionRunner } from '../db/run-query.ts';
import { transitionFor, type LifecycleEvent } from '../domain/editorial-lifecycle.ts';

const LOCK = `
MATCH (r:Revision {key: $key}) WHERE r.published = false
SET r.lockedAt = datetime()
RETURN r.key AS key`;

const STATE = `
MATCH (r:Revision {key: $key})
RETURN r.published AS published, r.version AS version, r.lastChangedByName AS by,
       coalesce(r.editorialState, 'PUBLISHED') AS state, coalesce(r.editors, [r.createdBy]) AS editors`;

const BUMP = `
MATCH (r:Revision {key: $key}) WHERE r.published = false
SET r.version = r.version + 1, r.lastChangedBy = $subject, r.lastChangedByName = $name, r.changedAt = datetime(),
    r.editorialState = $state,
    r.approvedBy = CASE WHEN $state IN ['APPROVED', 'PUBLISHED'] THEN r.approvedBy END,
    r.approvedByName = CASE WHEN $state IN ['APPROVED', 'PUBLISHED'] THEN r.approvedByName END,
    r.editors = CASE WHEN $edit AND NOT $subject IN coalesce(r.editors, [r.createdBy]) THEN coalesce(r.editors, [r.createdBy]) + $subject
                     ELSE coalesce(r.editors, [r.createdBy]) END
RETURN r.version AS version`;

/** A draft as it stood when its lock was taken. */
export interface DraftState {
  state: EditorialState;
  /** Everyone who changed the draft, its creator first, by subject. */
  editors: string[];
}

export interface LockedDraft extends DraftState {
  /** The version the change gives the draft. */
  version: number;
  /** The editorial state the change leaves it in. */
  next: EditorialState;
}

/**
 * Locks draft `key` for a change of kind `event` (EDIT unless said otherwise) and moves it
 * on. `guard` runs on the draft's state before anything is written (four eyes for approval).
 */
export async function lockDraft(
  tx: TransactionRunner,
  key: string,
  expectedVersion: number,
  viewer: Viewer,
  event: LifecycleEvent = 'EDIT',
  guard: (draft: DraftState) => void = () => undefined,
): Promise<LockedDraft> {
  const locked = await tx.run<{ key: string }>('edit.lockDraft', LOCK, { key });
  const [state] = await tx.run<{ published: boolean; version: number | null; by: string | null; state: EditorialState; editors: string[] }>('edit.draftState', STATE, { key });
  if (state === undefined) throw notFound('revision of the Code', key, 'draft-2026-review');
  if (locked.length === 0 || state.published) throw revisionPublished(key);
  if (state.version !== expectedVersion) {
    throw apiError(
      'CONFLICT',
      `Revision ${key} is at version ${state.version ?? '?'}, changed last by ${state.by ?? 'someone'}; you sent expectedVersion: ${expectedVersion}. ` +
        `Read the revision again and send expectedVersion: ${state.version ?? '?'}`,
      { currentVersion: state.version, lastChangedBy: state.by },
    );
  }
  const transition = transitionFor(state.state, event, key);
  const draft: DraftState = { state: state.state, editors: state.editors };
  guard(draft);
  const next = transition.to ?? state.state;
  const [bumped] = await tx.run<{ version: number }>('edit.bumpVersion', BUMP, { key, subject: viewer.subject, name: viewer.name, state: next, edit: event === 'EDIT' });
  return { ...draft, version: bumped?.version ?? expectedVersion + 1, next };
}
