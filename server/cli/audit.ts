/**
 * `npm run audit -- verify`: checks the whole audit trail's hash chain (editing/audit.ts,
 * domain/audit-chain.ts) and says in one sentence that it verifies, with the number of
 * events (exit 0), or what is broken, the first broken event first (exit 1). Works whether
 * or not `npm start` is running (server/cli/run-cli.ts).
 */
import { printLine } from '../../core/log.ts';
import { QueryRunner } from '../../db/run-query.ts';
import { describeVerdict } from '../../domain/audit-chain.ts';
import { verifyAuditChain } from '../../editing/audit.ts';
import { runCli, withConnection } from './run-cli.ts';

const USAGE = 'usage: npm run audit -- verify (checks that no audit event was deleted or altered)';

async function main(argv: string[]): Promise<number> {
  if (argv.length !== 1 || argv[0] !== 'verify') {
    printLine(`${argv.length === 0 ? 'Say what to do.' : `Unknown command ${argv.join(' ')}.`} ${USAGE}`);
    return 2;
  }
  return withConnection(async (connection) => {
    const verdict = await verifyAuditChain(new QueryRunner(connection.db));
    process.stdout.write(`${describeVerdict(verdict)}\n`);
    return verdict.ok ? 0 : 1;
  });
}

runCli(main);
