/**
 * What `npm run token -- <username>` does (server/cli/token.ts), as a function the tests call
 * too: an access token for an account of the embedded provider, minted in-process with
 * oidc-provider's own AccessToken model and the key every process shares (db/signing-keys.ts),
 * with the issuer and audience the server verifies. With AUTH_ISSUER set, tokens come from
 * that issuer, and this refuses.
 */
import { publicOrigin, type Config } from '../../core/config.ts';
import { createLogger, type Logger } from '../../core/log.ts';
import { AccountError, findAccountByUsername, unknownUser, type Account } from '../../db/accounts.ts';
import { QueryRunner, type Database } from '../../db/run-query.ts';
import { ensureSigningKey } from '../../db/signing-keys.ts';
import { createEmbeddedProvider } from '../auth/embedded-provider.ts';

export interface IssuedToken {
  token: string;
  expiresIn: number;
  issuer: string;
  account: Account;
}

/** An access token for `username`, or an AccountError saying in one sentence why not. */
export async function issueToken(config: Pick<Config, 'auth' | 'publicUrl' | 'host' | 'port' | 'trustProxy'>, db: Database, username: string, logger: Logger = createLogger('warn')): Promise<IssuedToken> {
  if (config.auth.issuer !== undefined) {
    throw new AccountError(`AUTH_ISSUER is set (${config.auth.issuer}), so access tokens come from that identity provider, not from npm run token: sign in there, or unset AUTH_ISSUER to use the embedded provider`);
  }
  if (config.publicUrl === undefined && config.port === 0) {
    throw new AccountError('PORT=0 leaves the issuer unknown until the server listens; set PUBLIC_URL (such as PUBLIC_URL=http://127.0.0.1:4000) for both npm start and npm run token');
  }
  const runner = new QueryRunner(db);
  const account = await findAccountByUsername(runner, username);
  if (account === null) throw unknownUser(username.trim().toLowerCase());
  const embedded = await createEmbeddedProvider({
    origin: publicOrigin(config, config.port),
    audience: config.auth.audience,
    tokenTtlS: config.auth.tokenTtlS,
    signingKey: await ensureSigningKey(runner),
    db,
    logger,
    trustProxy: config.trustProxy,
  });
  const minted = await embedded.mintAccessToken(account);
  return { ...minted, issuer: embedded.issuer, account };
}
