/**
 * The one executor (docs/architecture.md, convention 4): the only module that talks to the
 * driver. It chooses read or write routing, names the database, bounds every transaction, tags
 * it with the query's name, counts round trips for the debug extension, and translates driver
 * failures into the API's error codes.
 */
import { GraphQLError } from 'graphql';
import neo4j, { type Driver, type ManagedTransaction, Neo4jError, type RecordShape } from 'neo4j-driver';
import { apiError, operationTimedOut, serviceUnavailable } from '../core/errors.ts';
import type { Availability } from './availability.ts';

export interface Database {
  driver: Driver;
  database: string;
  /** Upper bound of one transaction, in milliseconds. */
  timeoutMs: number;
  /** Whether the database is known to be away; without it every statement tries on its own. */
  availability?: Availability;
}

/** One deadline for a whole operation (OPERATION_TIMEOUT_MS): every statement shares it. */
export interface Deadline {
  /** When it passes, as Date.now() would say it. */
  at: number;
  /** The operation's whole allowance, for the error message. */
  timeoutMs: number;
}

export const deadlineIn = (timeoutMs: number, now: number = Date.now()): Deadline => ({ at: now + timeoutMs, timeoutMs });

/** What one request sent to Neo4j; reported in `extensions` when DEBUG_QUERIES is on. */
export interface QueryLog {
  roundTrips: number;
  statements: { name: string; cypher: string }[];
}

export const newQueryLog = (): QueryLog => ({ roundTrips: 0, statements: [] });

export type Params = Record<string, unknown>;

/** Driver error codes that mean "the database is not reachable", not "the query is wrong". */
const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.ClientError.Security.AuthenticationRateLimit']);

/** True when the error says the database could not be reached at all. */
const unreachable = (error: unknown): boolean => error instanceof Neo4jError && (error.code === 'ServiceUnavailable' || error.code === 'SessionExpired');

/** A transient failure worth one more try (a deadlock, a leader change), not an unreachable database. */
const transient = (error: unknown): boolean => error instanceof Neo4jError && error.retriable && !unreachable(error);

/** Pauses before the retries of a transient failure (the driver's own retries are off: see db/create-driver.ts). */
const RETRY_PAUSES_MS = [50, 200];

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** What a statement's wait rejects with when the operation's deadline passes. */
class PastDeadline extends Error {
  override name = 'PastDeadline';
}

/** The driver's code of the failure behind an error this executor threw, if there was one. */
export function driverCodeOf(error: unknown): string | undefined {
  if (error instanceof Neo4jError) return error.code;
  const cause: unknown = error instanceof GraphQLError ? error.extensions['cause'] : undefined;
  return cause instanceof Neo4jError ? cause.code : undefined;
}

/** Maps a driver failure to an API error: unreachable → SERVICE_UNAVAILABLE, anything else masked. */
export function translateDriverError(error: unknown, queryName: string): Error {
  if (error instanceof Neo4jError) {
    if (UNAVAILABLE_CODES.has(error.code) || error.retriable) return serviceUnavailable();
    if (error.code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration') {
      return apiError('SERVICE_UNAVAILABLE', `The database took too long to answer (${queryName}); please try a narrower request`);
    }
  }
  return apiError('INTERNAL_SERVER_ERROR', 'Something went wrong while reading the graph', { query: queryName, cause: error });
}

/**
 * Calls `start` with no stack trace captured by errors made meanwhile. The driver captures
 * one for every statement it is given (neo4j-driver-core's Result, to add the caller's stack
 * to an error that comes later); formatting it through the source maps tsx turns on costs
 * about 0.1 to 0.5 ms a statement, a measurable share of a lookup by key. A failure here is
 * translated with the query's name (translateDriverError), which says more than that stack.
 */
function withoutStackCapture<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

export class QueryRunner {
  constructor(
    private readonly db: Database,
    private readonly log?: QueryLog,
    private readonly deadline?: Deadline,
  ) {}

  /** Milliseconds left before the operation's deadline (Infinity without one). */
  private remaining(): number {
    return this.deadline === undefined ? Number.POSITIVE_INFINITY : this.deadline.at - Date.now();
  }

  /** Throws at once when the operation is past its deadline or the database is known to be away. */
  private admit(): void {
    if (this.deadline !== undefined && this.remaining() <= 0) throw operationTimedOut(this.deadline.timeoutMs);
    if (this.db.availability?.isDown === true) throw serviceUnavailable();
  }

  /**
   * The error to give for a failed statement, noting an unreachable database on the way.
   * `cutByDeadline`: the transaction's timeout was what was left of the deadline, so its
   * timing out (a few ms before our clock agrees) is the deadline passing.
   */
  private failure(error: unknown, name: string, cutByDeadline = false): Error {
    const timedOut = error instanceof Neo4jError && error.code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration';
    if (this.deadline !== undefined && (error instanceof PastDeadline || this.remaining() <= 0 || (cutByDeadline && timedOut))) return operationTimedOut(this.deadline.timeoutMs);
    if (unreachable(error)) this.db.availability?.markDown();
    return translateDriverError(error, name);
  }

  private note(name: string, cypher: string): void {
    if (this.log === undefined) return;
    this.log.roundTrips += 1;
    this.log.statements.push({ name, cypher: cypher.trim() });
  }

  /** Runs one read query in its own auto-committed, retried, bounded transaction. */
  async read<R extends RecordShape = RecordShape>(name: string, cypher: string, params: Params = {}): Promise<R[]> {
    return this.run<R>(name, cypher, params, neo4j.routing.READ);
  }

  /** Runs one write query in its own transaction. */
  async write<R extends RecordShape = RecordShape>(name: string, cypher: string, params: Params = {}): Promise<R[]> {
    return this.run<R>(name, cypher, params, neo4j.routing.WRITE);
  }

  /**
   * Runs one statement within the operation's deadline: the transaction's timeout is what is
   * left of it (at most NEO4J_QUERY_TIMEOUT_MS), and the wait ends when it passes. A
   * transient failure is tried again after a short pause; a pooled connection that turns out
   * dead is tried once more on a fresh one; then the database is marked down. Sessions share
   * the driver's bookmark manager, so a read after a write sees it, as with executeQuery
   * (whose own retries wait a second before trying again, even with retries off).
   */
  private async run<R extends RecordShape>(name: string, cypher: string, params: Params, routing: 'READ' | 'WRITE'): Promise<R[]> {
    this.note(name, cypher);
    for (let attempt = 0; ; attempt += 1) {
      this.admit();
      const left = this.remaining();
      try {
        return await this.once<R>(name, cypher, params, routing, left);
      } catch (error) {
        if (error instanceof PastDeadline) throw this.failure(error, name);
        const again = attempt === 0 && unreachable(error) && this.db.availability?.isDown !== true;
        if (again) continue;
        const pauseMs = transient(error) ? RETRY_PAUSES_MS[attempt] : undefined;
        if (pauseMs !== undefined && this.remaining() > pauseMs) {
          await pause(pauseMs);
          continue;
        }
        throw this.failure(error, name, left < this.db.timeoutMs);
      }
    }
  }

  /** One auto-commit transaction, given up (and its session let go) when `left` ms pass. */
  private async once<R extends RecordShape>(name: string, cypher: string, params: Params, routing: 'READ' | 'WRITE', left: number): Promise<R[]> {
    const session = this.db.driver.session({
      database: this.db.database,
      defaultAccessMode: routing === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.db.driver.executeQueryBookmarkManager,
    });
    let timer: NodeJS.Timeout | undefined;
    let abandoned = false;
    try {
      const pending = withoutStackCapture(() =>
        session.run(cypher, params, {
          timeout: Math.max(1, Math.min(this.db.timeoutMs, left)),
          metadata: { app: 'care-code-graph', query: name },
        }),
      );
      const result = Number.isFinite(left)
        ? await Promise.race([
            pending,
            new Promise<never>((_resolve, reject) => {
              timer = setTimeout(() => {
                abandoned = true;
                reject(new PastDeadline('the operation passed its deadline'));
              }, Math.max(1, left));
            }),
          ])
        : await pending;
      return result.records.map((record) => record.toObject() as R);
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      // Past the deadline the server may not answer a reset (it may be paused): let it go.
      if (abandoned) session.close().catch(() => undefined);
      else await session.close();
    }
  }

  /**
   * Runs `work` in one write transaction: all of it commits or none of it does.
   * Used by the seed and by editing mutations, which must never leave a half-written change.
   */
  async writeTransaction<T>(name: string, work: (tx: TransactionRunner) => Promise<T>, timeoutMs?: number): Promise<T> {
    this.admit();
    const session = this.db.driver.session({ database: this.db.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(
        (tx) => work(new TransactionRunner(tx, (n, c) => this.note(n, c))),
        { timeout: Math.max(1, Math.min(timeoutMs ?? this.db.timeoutMs, this.remaining())), metadata: { app: 'care-code-graph', query: name } },
      );
    } catch (error) {
      if (error instanceof Neo4jError) throw this.failure(error, name);
      throw error;
    } finally {
      await session.close();
    }
  }
}

/** Queries inside one transaction opened by QueryRunner.writeTransaction. */
export class TransactionRunner {
  constructor(
    private readonly tx: ManagedTransaction,
    private readonly note: (name: string, cypher: string) => void,
  ) {}

  async run<R extends RecordShape = RecordShape>(name: string, cypher: string, params: Params = {}): Promise<R[]> {
    this.note(name, cypher);
    const result = await this.tx.run(cypher, params);
    return result.records.map((record) => record.toObject() as R);
  }
}
