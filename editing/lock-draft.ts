/**
 * The first step of every change to a draft (docs/architecture.md, "The write side"):
 * take the draft's write lock inside the change's transaction (a concurrent change waits
 * for this one to commit), then compare its version with the one the editor last read.
 * Optimistic concurrency: of K changes sent on one version, exactly one succeeds and the
 * others get CONFLICT naming the current version and who changed it last. The Cypher
 * matches unpublished revisions only, so a published revision cannot be changed even by a
 * statement that slipped past the checks.
 */
import { apiError, notFound, revisionPublished } from '../core/errors.ts';
import type { Viewer } from '../core/viewer.ts';
import type { TransactionRunner } from '../db/run-query.ts';

const LOCK = `
MATCH (r:Revision {key: $key}) WHERE r.published = false
SET r.lockedAt = datetime()
RETURN r.key AS key`;

const STATE = `
MATCH (r:Revision {key: $key})
RETURN r.published AS published, r.version AS version, r.lastChangedByName AS by`;

const BUMP = `
MATCH (r:Revision {key: $key}) WHERE r.published = false
SET r.version = r.version + 1, r.lastChangedBy = $subject, r.lastChangedByName = $name, r.changedAt = datetime(),
    r.editorialState = 'DRAFTING'
RETURN r.version AS version`;

export interface LockedDraft {
  /** The version the change gives the draft. */
  version: number;
}

export async function lockDraft(tx: TransactionRunner, key: string, expectedVersion: number, viewer: Viewer): Promise<LockedDraft> {
  const locked = await tx.run<{ key: string }>('edit.lockDraft', LOCK, { key });
  const [state] = await tx.run<{ published: boolean; version: number | null; by: string | null }>('edit.draftState', STATE, { key });
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
  const [bumped] = await tx.run<{ version: number }>('edit.bumpVersion', BUMP, { key, subject: viewer.subject, name: viewer.name });
  return { version: bumped?.version ?? expectedVersion + 1 };
}
