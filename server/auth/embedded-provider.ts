/**
 * The embedded OpenID Connect provider (README "Sign-in"), used when AUTH_ISSUER is not set:
 * the certified `oidc-provider`, mounted at /oidc on the API's own origin (issuer
 * `<public url>/oidc`). It signs JWT access tokens for one resource, the API (`aud` =
 * AUTH_AUDIENCE), with the key every process of the project shares (db/signing-keys.ts), for
 * the accounts of db/accounts.ts, whose roles and name it writes into each token. The server
 * checks these tokens exactly as it would check Microsoft Entra ID's: through the discovery
 * document and the JWKS (server/auth/token-verifier.ts).
 *
 * People sign in through the authorization code flow with PKCE as the public client
 * `care-code-graph` (a native app: any port on http://127.0.0.1/callback), on the sign-in
 * page of server/auth/sign-in-page.ts; or `npm run token` mints a token in-process with
 * `mintAccessToken` below, as the token endpoint would.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import type { default as Provider, Configuration, KoaContextWithOIDC, ResourceServer } from 'oidc-provider';
import { EMBEDDED_SIGNING_ALGORITHM } from '../../core/config.ts';
import type { Logger } from '../../core/log.ts';
import { findAccountBySubject, type Account } from '../../db/accounts.ts';
import { deadlineIn, QueryRunner, type Database } from '../../db/run-query.ts';
import type { SigningKey } from '../../db/signing-keys.ts';
import { loadOidcProvider } from './load-oidc-provider.ts';
import { memoryAdapter } from './memory-adapter.ts';
import { errorPage, SIGN_IN_CSP } from './sign-in-page.ts';

/** Where the provider is mounted on the API's origin. */
export const OIDC_PATH = '/oidc';
/** The first-party public client people and tools sign in as. */
export const CLIENT_ID = 'care-code-graph';
/** The scope of the API's access tokens. */
export const API_SCOPE = 'api';
/** Loopback redirect URIs of the native client; any port is allowed (RFC 8252, section 7.3). */
export const REDIRECT_URIS = ['http://127.0.0.1/callback', 'http://localhost/callback'];

/** The issuer of the embedded provider on an origin. */
export const embeddedIssuer = (origin: string): string => `${origin}${OIDC_PATH}`;
/** The resource indicator (RFC 8707) of the API on an origin: its GraphQL endpoint. */
export const apiResource = (origin: string): string => `${origin}/graphql`;

export interface EmbeddedProviderOptions {
  /** The public origin (PUBLIC_URL, or http://HOST:PORT). */
  origin: string;
  /** AUTH_AUDIENCE: the `aud` of every access token. */
  audience: string;
  /** AUTH_TOKEN_TTL_S. */
  tokenTtlS: number;
  signingKey: SigningKey;
  db: Database;
  logger: Logger;
  /** Express's `trust proxy`: the provider then reads https from X-Forwarded-Proto for its cookies. */
  trustProxy?: boolean | number | string[];
}

/** How long one account look-up of the provider may take. */
const LOOKUP_TIMEOUT_MS = 5_000;

const runnerOf = (db: Database): QueryRunner => new QueryRunner(db, undefined, deadlineIn(LOOKUP_TIMEOUT_MS));

/** The claims an access token (and the ID token's profile) carries about an account. */
const accountClaims = (account: Account): { name: string; preferred_username: string; roles: string[] } => ({
  name: account.displayName,
  preferred_username: account.username,
  roles: [...account.roles],
});

export interface MintedToken {
  /** The JWT access token. */
  token: string;
  /** Seconds it lives (AUTH_TOKEN_TTL_S). */
  expiresIn: number;
}

export interface EmbeddedProvider {
  /** The Koa application of oidc-provider; mount `provider.callback()` at OIDC_PATH. */
  provider: Provider;
  issuer: string;
  /** An access token for an account, made in-process (npm run token). */
  mintAccessToken(account: Account): Promise<MintedToken>;
}

/** Builds the provider (not yet mounted); `npm run token` builds the same one to mint tokens. */
export async function createEmbeddedProvider(options: EmbeddedProviderOptions): Promise<EmbeddedProvider> {
  const { origin, audience, tokenTtlS, db, logger } = options;
  const { default: Provider, errors } = await loadOidcProvider(logger);
  const resource = apiResource(origin);
  const resourceServer: ResourceServer = {
    scope: API_SCOPE,
    audience,
    accessTokenTTL: tokenTtlS,
    accessTokenFormat: 'jwt',
    jwt: { sign: { alg: EMBEDDED_SIGNING_ALGORITHM } },
  };
  const secure = origin.startsWith('https:');

  const configuration: Configuration = {
    adapter: memoryAdapter(),
    jwks: { keys: [options.signingKey.privateJwk] },
    clients: [
      {
        client_id: CLIENT_ID,
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: REDIRECT_URIS,
      },
    ],
    scopes: ['openid', 'profile'],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username', 'roles'] },
    findAccount: async (_ctx, sub) => {
      const account = await findAccountBySubject(runnerOf(db), sub);
      if (account === null) return undefined;
      return { accountId: account.subject, claims: () => ({ sub: account.subject, ...accountClaims(account) }) };
    },
    // The roles and name the API reads (server/auth/viewer-from-claims.ts), as of when the token is made.
    extraTokenClaims: async (_ctx, token) => {
      if (token.kind !== 'AccessToken') return undefined;
      const account = await findAccountBySubject(runnerOf(db), token.accountId);
      return account === null ? undefined : accountClaims(account);
    },
    features: {
      // Sign-in is the page of sign-in-page.ts, checking passwords against db/accounts.ts.
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => resource,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          if (indicator !== resource) throw new errors.InvalidTarget(`the only resource is ${resource}`);
          return resourceServer;
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `${OIDC_PATH}/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    ttl: {
      AccessToken: tokenTtlS,
      AuthorizationCode: 60,
      IdToken: tokenTtlS,
      Interaction: 600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
    },
    cookies: {
      // Cookies carry only this process's sign-in state (server/auth/memory-adapter.ts), so a key per process suffices.
      keys: [randomBytes(32).toString('base64url')],
      long: { signed: true, httpOnly: true, sameSite: 'lax', secure },
      short: { signed: true, httpOnly: true, sameSite: 'lax', secure },
    },
    clientBasedCORS: () => false,
    renderError: (ctx, out) => {
      ctx.set('content-security-policy', SIGN_IN_CSP);
      ctx.type = 'html';
      ctx.body = errorPage(out.error ?? 'error', out.error_description ?? 'The sign-in could not go on.');
    },
  };

  const provider = new Provider(embeddedIssuer(origin), configuration);
  provider.proxy = options.trustProxy !== undefined && options.trustProxy !== false;
  // Koa's own handler would print stacks on stderr; the log takes them instead, with the request id.
  // (Koa's 'error' event, which oidc-provider's types do not list.)
  (provider as unknown as EventEmitter).on('error', (error: unknown, ctx?: KoaContextWithOIDC) => logOf(ctx, logger).error({ err: error }, 'the embedded OpenID provider failed'));
  provider.on('server_error', (ctx: KoaContextWithOIDC, error: unknown) => logOf(ctx, logger).error({ err: error }, 'the embedded OpenID provider answered server_error'));
  provider.use(async (ctx, next) => {
    await next();
    // A path the provider does not have: the API's JSON 404 (server/http-errors.ts), not Koa's text.
    if (ctx.status === 404 && ctx.body === undefined) {
      ctx.status = 404;
      ctx.type = 'application/json';
      ctx.body = { errors: [{ message: `There is nothing at "${ctx.path.slice(0, 60)}" in the OpenID provider; its endpoints are listed at ${OIDC_PATH}/.well-known/openid-configuration`, extensions: { code: 'NOT_FOUND' } }] };
    }
  });
  return { provider, issuer: provider.issuer, mintAccessToken: (account) => mint(provider, resource, resourceServer, account) };
}

/** The request's own logger (server/request-log.ts) when Koa runs inside Express, else the service's. */
function logOf(ctx: KoaContextWithOIDC | undefined, logger: Logger): Logger {
  const log: unknown = (ctx?.req as { log?: unknown } | undefined)?.log;
  return typeof log === 'object' && log !== null && 'error' in log ? (log as Logger) : logger;
}

/**
 * Mints an access token for an account in-process, as the token endpoint would after a
 * sign-in: oidc-provider's own AccessToken model, signed with the shared key, for the API's
 * resource (issuer, audience, lifetime and claims the same as the provider's).
 */
async function mint(provider: Provider, resource: string, resourceServer: ResourceServer, account: Account): Promise<MintedToken> {
  const client = await provider.Client.find(CLIENT_ID);
  if (client === undefined) throw new Error(`the embedded provider has no client ${CLIENT_ID}`);
  const server = new provider.ResourceServer(resource, resourceServer);
  const token = new provider.AccessToken({ client, accountId: account.subject, grantId: randomUUID(), gty: 'token_cli', scope: API_SCOPE, resourceServer: server });
  return { token: await token.save(), expiresIn: resourceServer.accessTokenTTL ?? 0 };
}
