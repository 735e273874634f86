/**
 * `npm start`: validates the configuration, finds a Neo4j (NEO4J_URI, Docker, or a local
 * Java Neo4j), seeds an empty database, serves the API, and on SIGINT/SIGTERM drains HTTP,
 * closes the driver and stops the local Neo4j, in that order.
 */
import { startApp, type App } from './app.ts';
import { ConfigError, loadConfig, loadEnvFile } from '../core/config.ts';
import { connect } from '../db/connect.ts';
import { ensureGraphSchema } from '../db/graph-schema.ts';
import { QueryRunner } from '../db/run-query.ts';
import { createLogger, printLine } from '../core/log.ts';
import { seedIfEmpty } from './seed-if-empty.ts';

async function main(): Promise<void> {
  loadEnvFile();
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const log = (line: string): void => logger.info(line);
  const connection = await connect(config, log, {
    onAvailability: (up, downForMs) =>
      up
        ? logger.info({ downForMs }, 'Neo4j answers again: serving requests')
        : logger.warn('Neo4j is not answering: requests fail fast with SERVICE_UNAVAILABLE until it answers again'),
  });
  const running: { app?: App } = {};
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received: stopping`);
    await running.app?.stop();
    await connection.close();
    log('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    const schema = await ensureGraphSchema(new QueryRunner(connection.db), config.schemaOnStart);
    if (schema.notOnline.length > 0) log(`${schema.notOnline.length} indexes are being built; /ready says not ready until they are online`);
    if (config.seedOnStart) await seedIfEmpty(connection.db, (line) => log(line));
    running.app = await startApp({ config, db: connection.db, logger });
  } catch (error) {
    // Leave no local Neo4j behind when start-up fails after it started.
    await connection.close();
    throw error;
  }
  log(`care-code-graph ready at ${running.app.url} on ${connection.neo4j.description}`);
  log(
    config.auth.issuer === undefined
      ? `Sign-in: the embedded OpenID provider at ${running.app.issuer} (npm run user -- add <name> --roles editor, then npm run token -- <name>)`
      : `Sign-in: access tokens from ${running.app.issuer} for the audience ${config.auth.audience}`,
  );
}

// Why the service could not start is told to the person who started it, as a sentence.
main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    printLine(error.message);
  } else if (error instanceof Error && error.name !== 'Error') {
    printLine(error.message);
  } else {
    printLine(`Could not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
});
