/**
 * What every editing command is given (docs/architecture.md, "The write side"): the executor,
 * who is asking, the request's id for the audit, and the reader's context, so that edited
 * text is read with exactly the rules the seed used.
 */
import type { Viewer } from '../core/viewer.ts';
import type { QueryRunner } from '../db/run-query.ts';
import type { ReaderContext } from '../reader/read-provision.ts';

export interface CommandContext {
  runner: QueryRunner;
  viewer: Viewer | null;
  requestId: string;
  reader: ReaderContext;
  /** Called after each change commits (the server forgets its cached list of revisions). */
  onChanged?: () => void;
}
