/**
 * Per-request context (docs/architecture.md, "One request"): fresh DataLoaders over the
 * process's single driver, the request's query log (the round trips it cost, reported by
 * the debug extension), and its id and logger (every masked error is logged with them).
 */
import type { Logger } from '../core/log.ts';
import { hasRole, type Viewer } from '../core/viewer.ts';
import { ROLES } from '../core/vocabulary.ts';
import { deadlineIn, newQueryLog, QueryRunner, type Database, type QueryLog } from '../db/run-query.ts';
import { editingCommands } from '../editing/commands.ts';
import { createLoaders } from '../loaders/create-loaders.ts';
import type { RevisionCache } from '../loaders/revision-cache.ts';
import type { ReaderContext } from '../reader/read-provision.ts';
import type { ResolverContext } from '../resolvers/context.ts';

export interface Context extends ResolverContext {
  queryLog: QueryLog;
  /** The request's id (x-request-id), on every log line it writes. */
  requestId: string;
  /** The service's logger, bound to this request. */
  log: Logger;
}

export interface ContextOptions {
  /** When false, each loader call runs its own query (for the benchmark's comparison). */
  batching?: boolean;
  requestId: string;
  log: Logger;
  /** The operation's one deadline (OPERATION_TIMEOUT_MS), from now. */
  operationTimeoutMs: number;
  /** The signed-in person (server/auth), or null. */
  viewer?: Viewer | null;
  /** The reader's catalogue context, built once at start, for edited text. */
  reader: ReaderContext;
  /** The server's published revisions, kept between requests; without it each request reads them. */
  revisionCache?: RevisionCache;
}

export function createContext(db: Database, options: ContextOptions): Context {
  const queryLog = newQueryLog();
  const runner = new QueryRunner(db, queryLog, deadlineIn(options.operationTimeoutMs));
  const viewer = options.viewer ?? null;
  return {
    queryLog,
    requestId: options.requestId,
    log: options.log,
    viewer,
    editing: editingCommands({ runner, viewer, requestId: options.requestId, reader: options.reader, onChanged: () => options.revisionCache?.forget() }),
    loaders: createLoaders(runner, {
      batching: options.batching ?? true,
      canSeeDrafts: ROLES.some((role) => hasRole(viewer, role)),
      ...(options.revisionCache === undefined ? {} : { revisionCache: options.revisionCache }),
    }),
  };
}
