/**
 * `npm run user`: the accounts of the embedded provider (db/accounts.ts).
 * - `add <username> --roles editor,reviewer [--display-name "Ann Jones"]`: creates one; the
 *   password is read from standard input when it is not a terminal
 *   (`printf '%s' "$PASSWORD" | npm run user -- add ...`), else generated and printed once;
 * - `list`: every account, with its roles;
 * - `remove <username>`.
 * Works whether or not `npm start` runs: db/connect.ts attaches to the local Neo4j another
 * process runs. Refusals are one sentence on stderr and exit 1; a wrong command line exits 2.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, loadEnvFile } from '../../core/config.ts';
import { printLine } from '../../core/log.ts';
import { ROLES } from '../../core/vocabulary.ts';
import { AccountError, checkUsername, createAccount, listAccounts, parseRoles, removeAccount } from '../../db/accounts.ts';
import { connect } from '../../db/connect.ts';
import { ensureGraphSchema } from '../../db/graph-schema.ts';
import { QueryRunner } from '../../db/run-query.ts';

const USAGE = [
  'usage: npm run user -- add <username> --roles editor,reviewer [--display-name "Ann Jones"]',
  '       npm run user -- list',
  '       npm run user -- remove <username>',
].join('\n');

class UsageError extends Error {}

type Command = { name: 'add'; username: string; roles: ReturnType<typeof parseRoles>; displayName: string | undefined } | { name: 'list' } | { name: 'remove'; username: string };

/** The command a command line asks for; checks names and roles before any database is touched. */
function parseCommand(argv: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { roles: { type: 'string' }, 'display-name': { type: 'string' } } });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const [name, username, ...extra] = parsed.positionals;
  const { roles, 'display-name': displayName } = parsed.values;
  if (extra.length > 0) throw new UsageError(`Unexpected ${extra.join(' ')}`);
  switch (name) {
    case 'add':
      if (username === undefined) throw new UsageError('Give the new username, such as npm run user -- add ann.jones --roles editor');
      if (roles === undefined) throw new UsageError(`Give the roles with --roles, from ${ROLES.join(', ')}, such as --roles editor,reviewer`);
      return { name: 'add', username: checkUsername(username), roles: parseRoles(roles), displayName };
    case 'list':
      if (username !== undefined || roles !== undefined || displayName !== undefined) throw new UsageError('list takes no username or option');
      return { name: 'list' };
    case 'remove':
      if (username === undefined) throw new UsageError('Give the username to remove, such as npm run user -- remove ann.jones');
      if (roles !== undefined || displayName !== undefined) throw new UsageError('remove takes no option');
      return { name: 'remove', username: checkUsername(username) };
    default:
      throw new UsageError(name === undefined ? 'Give a command: add, list or remove' : `Unknown command "${name.slice(0, 30)}": the commands are add, list and remove`);
  }
}

/** The first line of standard input, or null when it is a terminal (a password is then generated). */
async function passwordFromStdin(): Promise<string | null> {
  if (process.stdin.isTTY) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  const line = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  return line === '' ? null : line;
}

async function main(argv: string[]): Promise<number> {
  let command: Command;
  try {
    command = parseCommand(argv);
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof AccountError)) throw error;
    printLine(`${error.message}.\n${USAGE}`);
    return 2;
  }
  const given = command.name === 'add' ? await passwordFromStdin() : null;
  loadEnvFile();
  const config = loadConfig();
  if (config.auth.issuer !== undefined) {
    printLine(`Note: AUTH_ISSUER is set (${config.auth.issuer}), so the API trusts that identity provider's accounts, not these; they are used only without AUTH_ISSUER.`);
  }
  const connection = await connect(config, (line) => printLine(line));
  try {
    printLine(`Using ${connection.neo4j.description}.`);
    const runner = new QueryRunner(connection.db);
    await ensureGraphSchema(runner, config.schemaOnStart);
    switch (command.name) {
      case 'add': {
        const password = given ?? randomBytes(18).toString('base64url');
        const account = await createAccount(runner, { username: command.username, roles: command.roles, password, ...(command.displayName === undefined ? {} : { displayName: command.displayName }) });
        printLine(`Created the account ${account.username} (${account.displayName}) with ${account.roles.length === 0 ? 'no roles' : `the roles ${account.roles.join(', ')}`}.`);
        if (given === null) process.stdout.write(`Password for ${account.username} (shown only now; keep it safe): ${password}\n`);
        return 0;
      }
      case 'list': {
        const accounts = await listAccounts(runner);
        if (accounts.length === 0) printLine('There are no accounts yet: npm run user -- add <username> --roles editor creates one.');
        for (const account of accounts) process.stdout.write(`${account.username}\t${account.roles.join(',') || '-'}\t${account.displayName}\t${account.createdAt}\n`);
        return 0;
      }
      case 'remove':
        await removeAccount(runner, command.username);
        printLine(`Removed the account ${command.username}; access tokens it already holds stop working within AUTH_TOKEN_TTL_S (${config.auth.tokenTtlS} s).`);
        return 0;
    }
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
