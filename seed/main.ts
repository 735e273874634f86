/**
 * `npm run seed`: loads the Code into the Neo4j the service would use (same configuration,
 * same choice of Neo4j). `-- --report` prints the seed report; `-- --json` prints it as JSON;
 * `-- --check` reads and checks the data without connecting to any database.
 */
import { ConfigError, loadConfig, loadEnvFile } from '../core/config.ts';
import { connect } from '../db/connect.ts';
import { printLine } from '../core/log.ts';
import { readSeedInput, seedCode } from './index.ts';
import { formatSeedReport } from './report.ts';

const USAGE = 'usage: npm run seed [-- --report | --json | --check]';

async function main(argv: string[]): Promise<number> {
  const unknown = argv.filter((arg) => !['--report', '--json', '--check'].includes(arg));
  if (unknown.length > 0) {
    printLine(`Unknown option ${unknown.join(' ')}. ${USAGE}`);
    return 2;
  }
  if (argv.includes('--check')) {
    const { code } = readSeedInput();
    printLine(`The seed data reads cleanly: ${code.provisions.length} provisions, ${code.obligations.length} obligations, ${code.citations.length} citations.`);
    return 0;
  }
  loadEnvFile();
  const config = loadConfig();
  const connection = await connect(config, (line) => printLine(line));
  try {
    printLine(`Seeding ${connection.neo4j.description}...`);
    const started = Date.now();
    const report = await seedCode(connection.db);
    printLine(`Seeded revision ${report.revision} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${report.obligations.total} obligations.`);
    if (argv.includes('--json')) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    else if (argv.includes('--report')) process.stdout.write(formatSeedReport(report) + '\n');
    return 0;
  } finally {
    await connection.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    printLine(error instanceof ConfigError || error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
