/**
 * What the command-line tools of server/cli/ share (docs/architecture.md, "The write side";
 * README, "The audit trail" and "Backup and restore"): the configuration and the Neo4j the
 * service would use (db/connect.ts attaches to the local Neo4j `npm start` runs on the same
 * folder, or starts one for the command and stops it after), and one sentence for the person
 * at the terminal when anything goes wrong, never a stack trace.
 */
import { GraphQLError } from 'graphql';
import { ConfigError, loadConfig, loadEnvFile } from '../../core/config.ts';
import { printLine } from '../../core/log.ts';
import { connect, type Connection } from '../../db/connect.ts';

/** A refusal for the person at the terminal: its message is the whole story. */
export class CliError extends Error {
  override name = 'CliError';
}

/** One sentence for an error: its message, and for an internal error the cause it carries. */
export function sentenceOf(error: unknown): string {
  if (error instanceof ConfigError || error instanceof CliError) return error.message;
  if (error instanceof GraphQLError) {
    const cause = error.extensions['cause'];
    const detail = cause instanceof Error ? ` (${cause.message.split('\n')[0] ?? ''})` : '';
    return `${error.message}${detail}`;
  }
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}

/** Runs a command's `main` with the process's arguments and exits with its code (1 on an error). */
export function runCli(main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      printLine(sentenceOf(error));
      process.exit(1);
    },
  );
}

/** Runs `work` with a connection to the configured Neo4j, closed (and a Neo4j started for it stopped) after. */
export async function withConnection<T>(work: (connection: Connection) => Promise<T>): Promise<T> {
  loadEnvFile();
  const config = loadConfig();
  const connection = await connect(config, (line) => printLine(line));
  try {
    return await work(connection);
  } finally {
    await connection.close();
  }
}

/** Seconds since `started`, to one decimal. */
export const secondsSince = (started: number): string => `${((Date.now() - started) / 1000).toFixed(1)} s`;
