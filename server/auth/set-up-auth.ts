/**
 * Puts sign-in together once the server listens (its origin, and so the embedded issuer,
 * depends on the port): with AUTH_ISSUER, a verifier of that issuer's tokens; without it, the
 * embedded provider (server/auth/embedded-provider.ts) and a verifier of its tokens that reads
 * its discovery document at the address the server listens on. The same verifier either way.
 *
 * The embedded provider is made on first use, since it needs the shared signing key from
 * Neo4j (db/signing-keys.ts): a server whose database is away still starts, answers
 * SERVICE_UNAVAILABLE meanwhile, and makes the provider once the database answers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthConfig } from '../../core/config.ts';
import type { Logger } from '../../core/log.ts';
import { deadlineIn, QueryRunner, type Database } from '../../db/run-query.ts';
import { ensureSigningKey } from '../../db/signing-keys.ts';
import { createEmbeddedProvider, embeddedIssuer, OIDC_PATH, type EmbeddedProvider } from './embedded-provider.ts';
import { createTokenVerifier, IssuerUnavailable, type TokenVerifier } from './token-verifier.ts';

/** The embedded provider, made on first use, with its Node request handler to mount at OIDC_PATH. */
export interface LazyEmbeddedProvider {
  get(): Promise<EmbeddedProvider & { handle: (req: IncomingMessage, res: ServerResponse) => void }>;
}

export interface AuthSetup {
  /** The issuer the API trusts. */
  issuer: string;
  verifier: TokenVerifier;
  /** The embedded provider, without AUTH_ISSUER. */
  embedded?: LazyEmbeddedProvider;
}

export interface SetUpAuthOptions {
  auth: AuthConfig;
  /** The public origin (PUBLIC_URL or http://HOST:PORT). */
  origin: string;
  /** Where this server listens, as http://host:port. */
  listening: string;
  db: Database;
  logger: Logger;
  trustProxy?: boolean | number | string[] | undefined;
}

export function setUpAuth({ auth, origin, listening, db, logger, trustProxy }: SetUpAuthOptions): AuthSetup {
  const checks = { audience: auth.audience, algorithms: auth.algorithms, clockToleranceS: auth.clockToleranceS, rolesClaim: auth.rolesClaim };
  if (auth.issuer !== undefined) return { issuer: auth.issuer, verifier: createTokenVerifier({ ...checks, issuer: auth.issuer }) };

  let made: ReturnType<LazyEmbeddedProvider['get']> | undefined;
  const embedded: LazyEmbeddedProvider = {
    get: () => {
      made ??= ensureSigningKey(new QueryRunner(db, undefined, deadlineIn(10_000))).then(
        async (signingKey) => {
          const provider = await createEmbeddedProvider({ origin, audience: auth.audience, tokenTtlS: auth.tokenTtlS, signingKey, db, logger, ...(trustProxy === undefined ? {} : { trustProxy }) });
          // Koa's handler settles every request itself (errors included), so its promise needs no await.
          const callback = provider.provider.callback();
          return {
            ...provider,
            handle: (req: IncomingMessage, res: ServerResponse) => {
              void callback(req, res);
            },
          };
        },
        (error: unknown) => {
          made = undefined;
          throw new IssuerUnavailable(`The embedded OpenID provider could not read its signing key from Neo4j: ${error instanceof Error ? error.message : String(error)}`);
        },
      );
      return made;
    },
  };
  const listeningHost = listening.replace('//0.0.0.0:', '//127.0.0.1:').replace('//[::]:', '//[::1]:');
  return {
    issuer: embeddedIssuer(origin),
    embedded,
    verifier: createTokenVerifier({ ...checks, issuer: embeddedIssuer(origin), discoveryUrl: `${listeningHost}${OIDC_PATH}/.well-known/openid-configuration` }),
  };
}
