/**
 * Provides a Neo4j, opens the process's one driver and proves the database answers,
 * turning every failure into one clear sentence (used by `npm start` and `npm run seed`).
 */
import type { Driver } from 'neo4j-driver';
import type { Database } from './run-query.ts';
import type { Config } from '../core/config.ts';
import { Availability } from './availability.ts';
import { createDriver } from './create-driver.ts';
import { provideNeo4j, type ProvidedNeo4j } from './neo4j/provide-neo4j.ts';

export class StartupError extends Error {
  override name = 'StartupError';
}

export interface Connection {
  neo4j: ProvidedNeo4j;
  driver: Driver;
  db: Database;
  /** Closes the driver, then stops whatever Neo4j was started for this process. */
  close(): Promise<void>;
}

function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

export interface ConnectOptions {
  /** Told when the database stops answering and when it answers again (db/availability.ts). */
  onAvailability?: (up: boolean, downForMs: number) => void;
}

export async function connect(config: Config, onProgress?: (line: string) => void, options: ConnectOptions = {}): Promise<Connection> {
  const neo4j = await provideNeo4j(config.neo4j, onProgress === undefined ? {} : { onProgress });
  const driver = createDriver(neo4j, config.neo4j);
  try {
    await driver.verifyConnectivity({ database: neo4j.database });
  } catch (error) {
    await driver.close();
    await neo4j.stop();
    const source = neo4j.mode === 'uri' ? 'NEO4J_URI' : `the ${neo4j.mode} Neo4j`;
    throw new StartupError(
      `Cannot reach Neo4j at ${neo4j.uri} (${source}), database "${neo4j.database}": ${reason(error)}. ` +
        (neo4j.mode === 'uri'
          ? 'Check NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE, or unset NEO4J_URI to use a local Neo4j.'
          : 'See Troubleshooting in the README.'),
    );
  }
  const availability = new Availability(driver, neo4j.database, options.onAvailability === undefined ? {} : { onChange: options.onAvailability });
  return {
    neo4j,
    driver,
    db: { driver, database: neo4j.database, timeoutMs: config.neo4j.queryTimeoutMs, availability },
    close: async () => {
      availability.close();
      await driver.close();
      await neo4j.stop();
    },
  };
}
