/**
 * Verifies bearer access tokens, with one code path for every issuer (README "Sign-in"): the
 * embedded provider and Microsoft Entra ID alike are read through their OpenID Connect
 * discovery document (`<issuer>/.well-known/openid-configuration`), whose `jwks_uri` gives
 * the signing keys. jose's remote key set caches them and fetches them again when a token
 * names an unknown `kid` (at most once per cooldown, so a flood of forged kids cannot make the
 * server hammer the issuer). Checked: the signature, an allowed algorithm (never none or HS*),
 * `iss`, `aud`, `exp` and `nbf` with a small clock tolerance, and a `sub`.
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { AuthConfig } from '../../core/config.ts';
import type { Viewer } from '../../core/viewer.ts';
import { refusalReasonOf, TokenRefused } from './refusal-reason.ts';
import { viewerFromClaims } from './viewer-from-claims.ts';

/** The identity provider could not be asked for its keys: not the caller's fault, so not a 401. */
export class IssuerUnavailable extends Error {
  override name = 'IssuerUnavailable';
}

export interface TokenVerifier {
  /** The viewer a valid token names; throws TokenRefused (with the reason) or IssuerUnavailable. */
  verify(token: string): Promise<Viewer>;
}

export interface TokenVerifierOptions extends Pick<AuthConfig, 'audience' | 'algorithms' | 'clockToleranceS' | 'rolesClaim'> {
  /** The `iss` tokens must carry, and the discovery document must name. */
  issuer: string;
  /**
   * Where the discovery document is read: `<issuer>/.well-known/openid-configuration` by
   * default. The server reads the embedded provider's at the address it listens on, so that it
   * need not reach itself through PUBLIC_URL (a proxy in front may not route back in).
   */
  discoveryUrl?: string;
  /** Longest wait for the issuer's documents (default 5 s). */
  timeoutMs?: number;
}

/** After a failed discovery, requests fail at once for this long before it is tried again. */
const RETRY_DISCOVERY_AFTER_MS = 5_000;
/** jose's cooldown between two fetches of the key set for unknown kids (its default, said aloud). */
const JWKS_COOLDOWN_MS = 30_000;
/** How long a fetched key set is used before it is fetched again anyway. */
const JWKS_MAX_AGE_MS = 10 * 60_000;

async function discover(discoveryUrl: string, issuer: string, timeoutMs: number): Promise<URL> {
  let document: unknown;
  try {
    const response = await fetch(discoveryUrl, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    document = await response.json();
  } catch (error) {
    throw new IssuerUnavailable(`The identity provider's discovery document (${discoveryUrl}) could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { issuer: named, jwks_uri: jwksUri } = (typeof document === 'object' && document !== null ? document : {}) as { issuer?: unknown; jwks_uri?: unknown };
  if (named !== issuer) throw new IssuerUnavailable(`The discovery document at ${discoveryUrl} names the issuer ${JSON.stringify(named)}, not ${issuer} (AUTH_ISSUER)`);
  if (typeof jwksUri !== 'string') throw new IssuerUnavailable(`The discovery document at ${discoveryUrl} has no jwks_uri`);
  const url = new URL(jwksUri);
  // Keys over plain http only from an issuer that is itself read over http (this machine's).
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && discoveryUrl.startsWith('http:'))) {
    throw new IssuerUnavailable(`The jwks_uri of ${issuer} is not https (${jwksUri})`);
  }
  return url;
}

/** True when jose could not fetch the key set (a timeout, a refused connection, an answer that is no key set). */
function fetchFailed(error: unknown): boolean {
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return true;
  // jose's plain JOSEError is its "Expected 200 OK from the JSON Web Key Set HTTP response".
  if (error instanceof errors.JOSEError && error.constructor === errors.JOSEError) return true;
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError' || (error instanceof TypeError && /fetch/i.test(error.message)));
}

/** A verifier for one issuer; discovery happens on the first token, and again after a failure. */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const discoveryUrl = options.discoveryUrl ?? `${options.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  const timeoutMs = options.timeoutMs ?? 5_000;
  let keys: Promise<JWTVerifyGetKey> | undefined;
  let failedAt = Number.NEGATIVE_INFINITY;

  const keySet = (): Promise<JWTVerifyGetKey> => {
    if (keys === undefined) {
      if (Date.now() - failedAt < RETRY_DISCOVERY_AFTER_MS) return Promise.reject(new IssuerUnavailable(`The identity provider (${options.issuer}) did not answer a moment ago; try again shortly`));
      keys = discover(discoveryUrl, options.issuer, timeoutMs).then(
        (jwksUri) => createRemoteJWKSet(jwksUri, { timeoutDuration: timeoutMs, cooldownDuration: JWKS_COOLDOWN_MS, cacheMaxAge: JWKS_MAX_AGE_MS }),
        (error: unknown) => {
          keys = undefined;
          failedAt = Date.now();
          throw error;
        },
      );
    }
    return keys;
  };

  return {
    async verify(token) {
      const getKey = await keySet();
      try {
        const { payload } = await jwtVerify(token, getKey, {
          issuer: options.issuer,
          audience: options.audience,
          algorithms: [...options.algorithms],
          clockTolerance: options.clockToleranceS,
          requiredClaims: ['sub', 'exp'],
        });
        if (typeof payload.sub !== 'string' || payload.sub.trim() === '') throw new TokenRefused('malformed');
        return viewerFromClaims(payload, options.rolesClaim);
      } catch (error) {
        const reason = refusalReasonOf(error);
        if (reason !== null) throw new TokenRefused(reason);
        if (fetchFailed(error)) throw new IssuerUnavailable(`The identity provider's keys (${options.issuer}) could not be read: ${error instanceof Error ? error.message : String(error)}`);
        // Anything else jose refuses is a token it could not make sense of.
        throw new TokenRefused('malformed');
      }
    },
  };
}
