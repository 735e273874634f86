/**
 * `npm run restore -- <file>`: loads a backup (db/backup-format.ts) into an EMPTY database
 * and proves it brought back what was backed up. In order:
 *
 * 1. reads and checks the file before connecting: JSON, this format and version, every node
 *    and relationship well formed, counts, content hash and revision hashes as its header
 *    records (a file that fails is refused with a sentence, and nothing is written);
 * 2. refuses a database that holds any node, saying how to empty it;
 * 3. writes the nodes, then the relationships, in transactions of bounded size
 *    (db/graph-backup.ts);
 * 4. ensures the graph's constraints and indexes (db/graph-schema.ts) and waits until they
 *    are online;
 * 5. checks that the database now holds as many nodes and relationships as the backup and
 *    that every revision's hash (db/revision-hash.ts) equals the one the backup records,
 *    failing loudly otherwise; and reports whether the audit trail verifies.
 */
import { readFileSync } from 'node:fs';
import { printLine } from '../../core/log.ts';
import { parseBackup, type Backup } from '../../db/backup-format.ts';
import { graphSize, loadBackup } from '../../db/graph-backup.ts';
import { ensureGraphSchema, readSchemaState, schemaIsReady } from '../../db/graph-schema.ts';
import { revisionHash } from '../../db/revision-hash.ts';
import { QueryRunner } from '../../db/run-query.ts';
import { describeVerdict } from '../../domain/audit-chain.ts';
import { verifyAuditChain } from '../../editing/audit.ts';
import { CliError, runCli, secondsSince, withConnection } from './run-cli.ts';

const USAGE = 'usage: npm run restore -- <file>, such as npm run restore -- backups/care-code-graph-2026-12-01.json (a file npm run backup wrote)';

/** How long to wait for the indexes to come online after the load. */
const SCHEMA_WAIT_MS = 300_000;

function readBackup(file: string): Backup {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'ENOENT'
        ? `There is no file ${file}. ${USAGE}`
        : `Cannot read ${file} (${code ?? (error instanceof Error ? error.message : String(error))}). ${USAGE}`,
    );
  }
  return parseBackup(text, file);
}

async function waitForSchema(runner: QueryRunner): Promise<void> {
  const until = Date.now() + SCHEMA_WAIT_MS;
  for (;;) {
    const state = await readSchemaState(runner);
    if (schemaIsReady(state)) return;
    if (Date.now() > until) throw new CliError(`The graph was restored, but its indexes are still not online after ${SCHEMA_WAIT_MS / 1000} s (${[...state.missing, ...state.notOnline].join(', ')}); see GET /ready once the service runs.`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function main(argv: string[]): Promise<number> {
  const [file] = argv;
  if (argv.length !== 1 || file === undefined || file.startsWith('-')) {
    printLine(`${argv.length === 0 ? 'Name the backup to restore.' : `Unexpected arguments ${argv.join(' ')}.`} ${USAGE}`);
    return 2;
  }
  const started = Date.now();
  const backup = readBackup(file);
  printLine(`${file} is a sound backup made ${backup.createdAt}: ${backup.counts.nodes} nodes, ${backup.counts.relationships} relationships, revisions ${Object.keys(backup.revisionHashes).join(', ') || 'none'}.`);
  return withConnection(async (connection) => {
    const runner = new QueryRunner(connection.db);
    const before = await graphSize(runner);
    if (before.nodes > 0) {
      throw new CliError(
        `The database of ${connection.neo4j.description} (database "${connection.neo4j.database}") is not empty: it holds ${before.nodes} nodes. ` +
          'npm run restore loads a backup only into an empty database, so that nothing in it is overwritten or mixed in. ' +
          'Empty it first: stop npm start and move its data folder aside (mv .data/neo4j .data/neo4j-before-restore), or point NEO4J_DATA_DIR or NEO4J_URI at an empty database, ' +
          `or delete everything in it (MATCH (n) DETACH DELETE n in Neo4j Browser or cypher-shell); then run npm run restore -- ${file} again.`,
      );
    }
    const loadStarted = Date.now();
    const loaded = await loadBackup(runner, backup).catch((error: unknown) => {
      throw new CliError(
        `The restore stopped part-way (${error instanceof Error ? error.message.split('\n')[0] : String(error)}): the database holds part of the backup. Empty it (MATCH (n) DETACH DELETE n) and run npm run restore -- ${file} again.`,
      );
    });
    printLine(`Wrote ${loaded.nodes} nodes and ${loaded.relationships} relationships in ${loaded.transactions} transactions (${secondsSince(loadStarted)}).`);
    await ensureGraphSchema(runner, 'create');
    await waitForSchema(runner);
    const after = await graphSize(runner);
    const problems: string[] = [];
    if (after.nodes !== backup.counts.nodes || after.relationships !== backup.counts.relationships) {
      problems.push(`the database holds ${after.nodes} nodes and ${after.relationships} relationships, the backup ${backup.counts.nodes} and ${backup.counts.relationships}`);
    }
    for (const [key, expected] of Object.entries(backup.revisionHashes)) {
      const actual = await revisionHash(runner, key).catch(() => 'missing');
      if (actual !== expected) problems.push(`revision ${key} has the hash ${actual.slice(0, 12)}… after the restore but ${expected.slice(0, 12)}… in the backup`);
    }
    if (problems.length > 0) {
      throw new CliError(
        `THE RESTORE DID NOT BRING BACK WHAT WAS BACKED UP: ${problems.join('; ')}. Do not serve this database: empty it and restore again, and report this with the backup file.`,
      );
    }
    const verdict = await verifyAuditChain(runner);
    printLine(
      `Restored ${file} into ${connection.neo4j.description} in ${secondsSince(started)}: every revision's hash matches the backup (${Object.keys(backup.revisionHashes).join(', ') || 'no revisions'}). ${describeVerdict(verdict)}`,
    );
    return 0;
  });
}

runCli(main);
