/**
 * The one executor (docs/architecture.md, convention 4): the only module that talks to the
 * driver. It chooses read or write routing, names the database, bounds every transaction, tags
 * it with the query's name, counts round trips for the debug extension, and translates driver
 * failures into the API's error codes.
 */
import neo4j, { type Driver, type ManagedTransaction, Neo4jError, type RecordShape } from 'neo4j-driver';
import { apiError, serviceUnavailable } from '../core/errors.ts';

export interface Database {
  driver: Driver;
  database: string;
  /** Upper bound of one transaction, in milliseconds. */
  timeoutMs: number;
}

/** What one request sent to Neo4j; reported in `extensions` when DEBUG_QUERIES is on. */
export interface QueryLog {
  roundTrips: number;
  statements: { name: string; cypher: string }[];
}

export const newQueryLog = (): QueryLog => ({ roundTrips: 0, statements: [] });

export type Params = Record<string, unknown>;

/** Driver error codes that mean "the database is not reachable", not "the query is wrong". */
const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.ClientError.Security.AuthenticationRateLimit']);

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

export class QueryRunner {
  constructor(
    private readonly db: Database,
    private readonly log?: QueryLog,
  ) {}

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

  private async run<R extends RecordShape>(name: string, cypher: string, params: Params, routing: 'READ' | 'WRITE'): Promise<R[]> {
    this.note(name, cypher);
    try {
      const result = await this.db.driver.executeQuery(cypher, params, {
        database: this.db.database,
        routing,
        transactionConfig: { timeout: this.db.timeoutMs, metadata: { app: 'care-code-graph', query: name } },
      });
      return result.records.map((record) => record.toObject() as R);
    } catch (error) {
      throw translateDriverError(error, name);
    }
  }

  /**
   * Runs `work` in one write transaction: all of it commits or none of it does.
   * Used by the seed and by editing mutations, which must never leave a half-written change.
   */
  async writeTransaction<T>(name: string, work: (tx: TransactionRunner) => Promise<T>, timeoutMs?: number): Promise<T> {
    const session = this.db.driver.session({ database: this.db.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(
        (tx) => work(new TransactionRunner(tx, (n, c) => this.note(n, c))),
        { timeout: timeoutMs ?? this.db.timeoutMs, metadata: { app: 'care-code-graph', query: name } },
      );
    } catch (error) {
      if (error instanceof Neo4jError) throw translateDriverError(error, name);
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
