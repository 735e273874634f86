/**
 * `npm run backup -- <file>`: writes the whole graph (every revision and draft, the accounts
 * with their password hashes, the signing keys, the audit trail: every node and relationship)
 * to a canonical, versioned JSON file (db/backup-format.ts). The file is written beside its
 * final name and renamed into place, so a failed backup never leaves half a file under it.
 * Works whether or not `npm start` is running (server/cli/run-cli.ts).
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { printLine } from '../../core/log.ts';
import { buildBackup, serialiseBackup, type Backup } from '../../db/backup-format.ts';
import { dumpGraph, GraphChangedError } from '../../db/graph-backup.ts';
import type { GraphDump } from '../../db/graph-listing.ts';
import { QueryRunner } from '../../db/run-query.ts';
import { CliError, runCli, secondsSince, withConnection } from './run-cli.ts';

const USAGE = 'usage: npm run backup -- <file>, such as npm run backup -- backups/care-code-graph-2026-12-01.json';

/** How many times to read again when the graph changed while it was read. */
const TRIES = 3;

async function dumpSteadily(runner: QueryRunner): Promise<GraphDump> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await dumpGraph(runner);
    } catch (error) {
      if (!(error instanceof GraphChangedError) || attempt >= TRIES) throw error;
      printLine(`The graph changed while it was read; reading it again (${attempt + 1} of ${TRIES})...`);
    }
  }
}

/** Writes the file next to its name, then renames it into place. */
function writeAtomically(file: string, text: string): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.partial`;
  try {
    writeFileSync(partial, text, 'utf8');
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`Cannot write the backup to ${file}: ${reason}. Give a file in a folder you may write to, such as backups/care-code-graph.json.`);
  }
}

const summary = (backup: Backup): string =>
  Object.entries(backup.revisionHashes)
    .map(([key, hash]) => `${key} ${hash.slice(0, 12)}…`)
    .join(', ');

async function main(argv: string[]): Promise<number> {
  const [file] = argv;
  if (argv.length !== 1 || file === undefined || file.startsWith('-')) {
    printLine(`${argv.length === 0 ? 'Name the file to write.' : `Unexpected arguments ${argv.join(' ')}.`} ${USAGE}`);
    return 2;
  }
  return withConnection(async (connection) => {
    const started = Date.now();
    const dump = await dumpSteadily(new QueryRunner(connection.db));
    const backup = buildBackup(dump, new Date().toISOString());
    const text = serialiseBackup(backup);
    writeAtomically(file, text);
    printLine(
      `Backed up ${backup.counts.nodes} nodes and ${backup.counts.relationships} relationships of ${connection.neo4j.description} to ${file} ` +
        `(${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB) in ${secondsSince(started)}. Revisions: ${summary(backup) || 'none'}. Content hash ${backup.contentHash.slice(0, 12)}….`,
    );
    return 0;
  });
}

runCli(main);
