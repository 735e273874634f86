/**
 * `npm run token -- <username>`: prints a short-lived access token (AUTH_TOKEN_TTL_S) for an
 * account of the embedded provider on stdout, alone, so that
 * `TOKEN=$(npm run --silent token -- ann)` works; what it did goes to stderr. Works whether
 * or not `npm start` runs: db/connect.ts attaches to the local Neo4j another process runs.
 */
import { ConfigError, loadConfig, loadEnvFile } from '../../core/config.ts';
import { createLogger, printLine } from '../../core/log.ts';
import { AccountError } from '../../db/accounts.ts';
import { connect } from '../../db/connect.ts';
import { ensureGraphSchema } from '../../db/graph-schema.ts';
import { QueryRunner } from '../../db/run-query.ts';
import { issueToken } from './issue-token.ts';

const USAGE = 'usage: npm run token -- <username>';

async function main(argv: string[]): Promise<number> {
  const [username, ...rest] = argv;
  if (username === undefined || username.startsWith('-') || rest.length > 0) {
    printLine(`Give one username, such as npm run token -- ann.jones. ${USAGE}`);
    return 2;
  }
  loadEnvFile();
  const config = loadConfig();
  if (config.auth.issuer !== undefined) {
    printLine(`AUTH_ISSUER is set (${config.auth.issuer}), so access tokens come from that identity provider, not from npm run token: sign in there, or unset AUTH_ISSUER to use the embedded provider.`);
    return 1;
  }
  const connection = await connect(config, (line) => printLine(line));
  try {
    printLine(`Using ${connection.neo4j.description}.`);
    await ensureGraphSchema(new QueryRunner(connection.db), config.schemaOnStart);
    // Errors only: the person at the terminal reads sentences, not the service's JSON log.
    const issued = await issueToken(config, connection.db, username, createLogger('error'));
    process.stdout.write(`${issued.token}\n`);
    const roles = issued.account.roles.length === 0 ? 'no roles' : `roles ${issued.account.roles.join(', ')}`;
    printLine(`An access token for ${issued.account.username} (${roles}), valid ${issued.expiresIn} s, from ${issued.issuer}. Send it as: Authorization: Bearer <token>`);
    return 0;
  } finally {
    await connection.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof AccountError || error instanceof ConfigError) printLine(error.message.endsWith('.') ? error.message : `${error.message}.`);
    else printLine(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
