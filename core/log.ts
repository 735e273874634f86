/**
 * Two kinds of output, both on stderr so that stdout stays free for tools:
 * - the running service's log (`createLogger`): structured JSON, one object per line, through
 *   pino, with the level from LOG_LEVEL (core/config.ts); each request's lines carry its id;
 * - a sentence for the person at the terminal (`printLine`): what a command-line tool
 *   (npm run seed) says, and why the service could not start.
 */
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/** The levels LOG_LEVEL accepts, most severe first; `silent` logs nothing. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * The service's logger. Times are ISO 8601; errors logged under `err` keep their type,
 * message, stack and cause. `destination` defaults to stderr (tests pass a stream to read).
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    { level, base: { service: 'care-code-graph' }, timestamp: pino.stdTimeFunctions.isoTime },
    destination ?? pino.destination({ dest: 2, sync: true }),
  );
}

/** One timestamped line for a person (command-line tools, and start-up failures). */
export function printLine(message: string): void {
  process.stderr.write(`${new Date().toISOString()} ${message}\n`);
}
