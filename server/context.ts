/**
 * Per-request context (docs/architecture.md, "One request"): fresh DataLoaders (made on first use) over the
 * process's single driver, the request's query log (the round trips it cost, reported by
 * the debug extension), and its id and logger (every masked error is logged with them).
 */
import type { Logger } from '../core/log.ts';
import { hasRole, type Viewer } from '../core/viewer.ts';
import { ROLES } from '../core/vocabulary.ts';
import { deadlineIn, newQueryLog, QueryRunner, type Database, type QueryLog } from '../db/run-query.ts';
import { editingCommands, type EditingCommands } from '../editing/commands.ts';
import { createLoaders, type Loaders } from '../loaders/create-loaders.ts';
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
  /** The request's logger (server/request-log.ts makes it on first use, so it is asked for only when something logs). */
  log: () => Logger;
  /** The operation's one deadline (OPERATION_TIMEOUT_MS), from now. */
  operationTimeoutMs: number;
  /** The signed-in person (server/auth), or null. */
  viewer?: Viewer | null;
  /** The reader's catalogue context, built once at start, for edited text. */
  reader: ReaderContext;
  /** The server's published revisions, kept between requests; without it each request reads them. */
  revisionCache?: RevisionCache;
}

/**
 * The context of one request. Its loaders and editing commands are made on first use, so a
 * request pays only for what it reads (`{ __typename }` makes neither). The getters live on
 * the prototype: Apollo Server copies a context's own properties into a fresh object for each
 * operation (`cloneObject`), which would call own getters and make everything at once.
 */
class RequestContext implements Context {
  readonly queryLog: QueryLog = newQueryLog();
  readonly requestId: string;
  readonly viewer: Viewer | null;
  private readonly runner: QueryRunner;
  /** What has been made so far, shared by the context and Apollo Server's copy of it. */
  private readonly made: { loaders?: Loaders; editing?: EditingCommands } = {};

  constructor(
    db: Database,
    private readonly options: ContextOptions,
  ) {
    this.requestId = options.requestId;
    this.viewer = options.viewer ?? null;
    this.runner = new QueryRunner(db, this.queryLog, deadlineIn(options.operationTimeoutMs));
  }

  get log(): Logger {
    return this.options.log();
  }

  get editing(): EditingCommands {
    const { runner, viewer, options } = this;
    return (this.made.editing ??= editingCommands({ runner, viewer, requestId: options.requestId, reader: options.reader, onChanged: () => options.revisionCache?.forget() }));
  }

  get loaders(): Loaders {
    const { runner, viewer, options } = this;
    return (this.made.loaders ??= createLoaders(runner, {
      batching: options.batching ?? true,
      canSeeDrafts: ROLES.some((role) => hasRole(viewer, role)),
      ...(options.revisionCache === undefined ? {} : { revisionCache: options.revisionCache }),
    }));
  }
}

export function createContext(db: Database, options: ContextOptions): Context {
  return new RequestContext(db, options);
}
