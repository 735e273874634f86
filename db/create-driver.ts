/**
 * The one driver of the process (docs/architecture.md, convention 3), with bounded timeouts so
 * that a request fails fast with SERVICE_UNAVAILABLE instead of waiting out the driver's
 * default 30 s retry window when Neo4j is gone.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import type { Neo4jConfig } from '../core/config.ts';

export interface DriverTarget {
  uri: string;
  user: string;
  password: string;
}

export function createDriver(target: DriverTarget, config: Pick<Neo4jConfig, 'connectionTimeoutMs'>): Driver {
  return neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password), {
    connectionAcquisitionTimeout: config.connectionTimeoutMs,
    connectionTimeout: config.connectionTimeoutMs,
    // The executor (db/run-query.ts) retries transient failures itself, within the operation's
    // deadline, and fails fast while the database is away; the driver's own back-off (up to
    // this window, then one more attempt) made a request during an outage last over 6 s.
    maxTransactionRetryTime: 0,
    disableLosslessIntegers: true,
    userAgent: 'care-code-graph',
  });
}
