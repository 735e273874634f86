/**
 * Sign-in through OpenID Connect (server/auth/, README "Sign-in"), over HTTP against the real
 * Neo4j and the real embedded provider: accounts made in Neo4j, tokens got the way a person
 * gets them (npm run token's function, and the provider's own authorization code flow with
 * PKCE), then the security matrix: a valid token is accepted, and every kind of bad token is
 * refused with 401 UNAUTHENTICATED, the right reason and one report to onAuthRefused. Bad
 * tokens that need a correct signature are forged with jose and the provider's real key,
 * read from Neo4j.
 */
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importJWK, SignJWT, type JWK, type JWTPayload } from 'jose';
import { DEFAULT_AUTH, type AuthConfig } from '../../core/config.ts';
import { createLogger } from '../../core/log.ts';
import { createAccount, type Account } from '../../db/accounts.ts';
import { QueryRunner } from '../../db/run-query.ts';
import { ensureSigningKey, type SigningKey } from '../../db/signing-keys.ts';
import { seedCode } from '../../seed/index.ts';
import { startApp, type App } from '../../server/app.ts';
import type { AuthRefusal } from '../../server/auth/bearer-auth.ts';
import { CLIENT_ID } from '../../server/auth/embedded-provider.ts';
import { REFUSAL_MESSAGES, type RefusalReason } from '../../server/auth/refusal-reason.ts';
import { issueToken } from '../../server/cli/issue-token.ts';
import { connectTestDatabase, type TestDatabase } from '../support/test-neo4j.ts';

const AUTH: AuthConfig = { ...DEFAULT_AUTH, issuer: undefined };
const PASSWORD = 'correct horse battery staple';

let db: TestDatabase;
let app: App;
let origin: string;
let ann: Account;
let key: SigningKey;
const refusals: AuthRefusal[] = [];

const serverConfig = (publicUrl?: string) => ({ host: '127.0.0.1', port: 0, bodyLimit: '100kb', debugQueries: false, auth: AUTH, ...(publicUrl === undefined ? {} : { publicUrl }) });

beforeAll(async () => {
  db = connectTestDatabase();
  const runner = new QueryRunner(db);
  await runner.write('test.reset', 'MATCH (n) DETACH DELETE n');
  await seedCode(db);
  ann = await createAccount(runner, { username: 'ann.jones', displayName: 'Ann Jones', roles: ['editor', 'reviewer'], password: PASSWORD });
  await createAccount(runner, { username: 'reader', roles: [], password: PASSWORD });
  app = await startApp({ config: serverConfig(), db, logger: createLogger('silent'), onAuthRefused: (event) => void refusals.push(event) });
  origin = new URL(app.url).origin;
  key = await ensureSigningKey(runner);
}, 180_000);

afterAll(async () => {
  await app.stop();
  await db.close();
});

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: { data?: { viewer: unknown; revisions?: { key: string }[] } | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** POSTs `{ viewer { ... } }` (and more) with the given Authorization header. */
async function ask(authorization: string | undefined, query = '{ viewer { subject name roles issuer } }', requestId = `auth-${randomBytes(6).toString('hex')}`, url = app.url): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': requestId, ...(authorization === undefined ? {} : { authorization }) },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) as Answer['body'] };
}

const now = (): number => Math.floor(Date.now() / 1000);

/** A token like the provider's, signed with its real key from Neo4j, with `change` applied to its claims. */
async function forge(change: (claims: JWTPayload) => JWTPayload = (c) => c, header: Record<string, unknown> = {}): Promise<string> {
  const claims: JWTPayload = { sub: ann.subject, name: 'Ann Jones', roles: ['editor', 'reviewer'], iss: app.issuer, aud: AUTH.audience, iat: now(), exp: now() + 300, jti: randomBytes(8).toString('hex') };
  const signer = await importJWK(key.privateJwk, 'RS256');
  return new SignJWT(change(claims)).setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'at+jwt', ...header }).sign(signer);
}

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('sign-in through the embedded OpenID Connect provider', () => {
  it('publishes its discovery document and the public half of the shared key, never the private one', async () => {
    const discovery = (await (await fetch(`${app.issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(discovery['issuer']).toBe(`${origin}/oidc`);
    expect(app.issuer).toBe(`${origin}/oidc`);
    const jwks = (await (await fetch(String(discovery['jwks_uri']))).json()) as { keys: JWK[] };
    expect(jwks.keys.map((k) => [k.kid, k.kty, k.alg, k.use])).toEqual([[key.kid, 'RSA', 'RS256', 'sig']]);
    expect(jwks.keys.every((k) => k.d === undefined && k.p === undefined && k.q === undefined)).toBe(true);
  });

  it('accepts a token from npm run token and names the viewer: subject, name, roles, issuer', async () => {
    const issued = await issueToken({ auth: AUTH, publicUrl: origin, host: '127.0.0.1', port: 0, trustProxy: false }, db, 'ann.jones');
    expect(issued.expiresIn).toBe(600);
    const answer = await ask(`Bearer ${issued.token}`);
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({ viewer: { subject: ann.subject, name: 'Ann Jones', roles: ['EDITOR', 'REVIEWER'], issuer: app.issuer } });
  });

  it('issues a token through its own endpoints: authorization code with PKCE, the sign-in page, the token endpoint', async () => {
    const jar = new Map<string, string>();
    const cookies = (): string => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const go = async (url: string, init: RequestInit = {}): Promise<Response> => {
      const response = await fetch(new URL(url, origin), { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string> | undefined), cookie: cookies() } });
      for (const line of response.headers.getSetCookie()) {
        const [pair = ''] = line.split(';');
        const at = pair.indexOf('=');
        jar.set(pair.slice(0, at), pair.slice(at + 1));
      }
      return response;
    };
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const redirectUri = 'http://127.0.0.1:8123/callback';
    const authorize = new URL(`${app.issuer}/auth`);
    authorize.search = new URLSearchParams({ client_id: CLIENT_ID, response_type: 'code', redirect_uri: redirectUri, scope: 'openid profile api', code_challenge: challenge, code_challenge_method: 'S256', state: 'st4te', resource: `${origin}/graphql` }).toString();

    const toLogin = await go(authorize.href);
    expect(toLogin.status).toBe(303);
    const loginUrl = toLogin.headers.get('location') ?? '';
    expect(loginUrl).toMatch(/^\/oidc\/interaction\/[\w-]+$/);

    const page = await go(loginUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'.*form-action 'self' http:\/\/127\.0\.0\.1:\*/);
    expect(await page.text()).toContain('<form method="post" action="/oidc/interaction/');

    const form = (password: string): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ username: 'ann.jones', password }).toString() });
    const wrong = await go(`${loginUrl}/login`, form('not the password'));
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('The username or the password is wrong.');

    const signedIn = await go(`${loginUrl}/login`, form(PASSWORD));
    expect(signedIn.status).toBe(303);
    const resume = await go(signedIn.headers.get('location') ?? '');
    expect(resume.status).toBe(303);
    // oidc-provider asks a native client's user to confirm every time (any program can listen on a loopback port).
    const consentUrl = resume.headers.get('location') ?? '';
    expect(consentUrl).toMatch(/^\/oidc\/interaction\/[\w-]+$/);
    const consent = await go(consentUrl);
    expect(await consent.text()).toContain('as <strong>Ann Jones</strong>');
    const confirmed = await go(`${consentUrl}/confirm`, { method: 'POST' });
    expect(confirmed.status).toBe(303);
    const done = await go(confirmed.headers.get('location') ?? '');
    expect(done.status).toBe(303);
    const callback = new URL(done.headers.get('location') ?? '');
    expect(`${callback.origin}${callback.pathname}`).toBe(redirectUri);
    expect(callback.searchParams.get('state')).toBe('st4te');
    const code = callback.searchParams.get('code') ?? '';

    const tokenResponse = await fetch(`${app.issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: CLIENT_ID, code_verifier: verifier, resource: `${origin}/graphql` }).toString(),
    });
    const tokens = (await tokenResponse.json()) as { access_token: string; token_type: string; expires_in: number };
    expect([tokenResponse.status, tokens.token_type, tokens.expires_in]).toEqual([200, 'Bearer', 600]);
    expect((await ask(`Bearer ${tokens.access_token}`)).body.data).toEqual({ viewer: { subject: ann.subject, name: 'Ann Jones', roles: ['EDITOR', 'REVIEWER'], issuer: app.issuer } });
  });

  it('keeps reading anonymously without an Authorization header: viewer is null, published revisions answer', async () => {
    const before = refusals.length;
    const answer = await ask(undefined, '{ viewer { subject } revisions { key } }');
    expect(answer.status).toBe(200);
    expect(answer.body.data?.viewer).toBeNull();
    expect(answer.body.data?.revisions?.map((r) => r.key)).toContain('2024-09-01');
    expect(refusals.length).toBe(before);
  });

  it('accepts a token of an account with no roles, as a viewer with no roles', async () => {
    const issued = await issueToken({ auth: AUTH, publicUrl: origin, host: '127.0.0.1', port: 0, trustProxy: false }, db, 'reader');
    expect((await ask(`Bearer ${issued.token}`)).body).toMatchObject({ data: { viewer: { name: 'reader', roles: [] } } });
  });

  it('keeps only the roles it knows from the roles claim', async () => {
    const token = await forge((c) => ({ ...c, roles: ['publisher', 'admin', 'Editor'] }));
    expect((await ask(`Bearer ${token}`)).body).toMatchObject({ data: { viewer: { roles: ['EDITOR', 'PUBLISHER'] } } });
  });

  it('verifies a token made by another process with the same keys and PUBLIC_URL (a second server, a restart)', async () => {
    const second = await startApp({ config: serverConfig(origin), db, logger: createLogger('silent') });
    try {
      expect(second.issuer).toBe(app.issuer);
      const issued = await issueToken({ auth: AUTH, publicUrl: origin, host: '127.0.0.1', port: 0, trustProxy: false }, db, 'ann.jones');
      expect((await ask(`Bearer ${issued.token}`, undefined, undefined, second.url)).body).toMatchObject({ data: { viewer: { subject: ann.subject } } });
    } finally {
      await second.stop();
    }
  });
});

describe('the security matrix: each bad token is refused with 401 UNAUTHENTICATED and its reason, reported once', () => {
  const publicPem = (): string => {
    const { kty, n, e } = key.privateJwk;
    return JSON.stringify({ kty, n, e });
  };

  const cases: [string, () => Promise<string>, RefusalReason, { subject: boolean; issuer: string | null }][] = [
    ['an expired token', async () => `Bearer ${await forge((c) => ({ ...c, iat: now() - 900, exp: now() - 120 }))}`, 'expired', { subject: true, issuer: 'own' }],
    ['a token not yet valid', async () => `Bearer ${await forge((c) => ({ ...c, nbf: now() + 300 }))}`, 'not yet valid', { subject: true, issuer: 'own' }],
    ['a token from another issuer', async () => `Bearer ${await forge((c) => ({ ...c, iss: 'https://login.example.org/oidc' }))}`, 'wrong issuer', { subject: true, issuer: 'https://login.example.org/oidc' }],
    ['a token for another API', async () => `Bearer ${await forge((c) => ({ ...c, aud: 'another-api' }))}`, 'wrong audience', { subject: true, issuer: 'own' }],
    ['an unsigned token (alg: none)', () => Promise.resolve(`Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: ann.subject, iss: app.issuer, aud: AUTH.audience, exp: now() + 300, roles: ['publisher'] })}.`), 'algorithm not allowed', { subject: true, issuer: 'own' }],
    [
      'an HS256 token signed with the public key as the secret',
      async () => `Bearer ${await new SignJWT({ sub: ann.subject, iss: app.issuer, aud: AUTH.audience, exp: now() + 300, roles: ['publisher'] }).setProtectedHeader({ alg: 'HS256', kid: key.kid }).sign(new TextEncoder().encode(publicPem()))}`,
      'algorithm not allowed',
      { subject: true, issuer: 'own' },
    ],
    [
      'a token whose payload was changed after signing',
      async () => {
        const [header, , signature] = (await forge()).split('.');
        return `Bearer ${header}.${b64({ sub: ann.subject, iss: app.issuer, aud: AUTH.audience, exp: now() + 300, roles: ['editor', 'reviewer', 'publisher'] })}.${signature}`;
      },
      'bad signature',
      { subject: true, issuer: 'own' },
    ],
    [
      'a token signed with a key the provider does not publish (unknown kid)',
      async () => {
        const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
        const claims = { sub: ann.subject, iss: app.issuer, aud: AUTH.audience, exp: now() + 300 };
        return `Bearer ${await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'not-a-key-of-the-provider' }).sign(privateKey)}`;
      },
      'unknown key',
      { subject: true, issuer: 'own' },
    ],
    ['a header that is no token at all', () => Promise.resolve('Bearer this-is-not-a-jwt'), 'malformed', { subject: false, issuer: null }],
    ['another scheme (Basic)', () => Promise.resolve(`Basic ${Buffer.from('ann.jones:password').toString('base64')}`), 'malformed', { subject: false, issuer: null }],
  ];

  it.each(cases)('refuses %s', async (_name, make, reason, claimed) => {
    const authorization = await make();
    const before = refusals.length;
    const requestId = `refused-${reason.replace(/ /g, '-')}-${randomBytes(3).toString('hex')}`;
    const answer = await ask(authorization, undefined, requestId);
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ errors: [{ message: REFUSAL_MESSAGES[reason], extensions: { code: 'UNAUTHENTICATED', reason } }] });
    expect(answer.headers.get('www-authenticate')).toBe(`Bearer realm="care-code-graph", error="invalid_token", error_description="${REFUSAL_MESSAGES[reason].replace(/"/g, "'")}"`);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    // Nothing of the token comes back, and no stack.
    const token = authorization.split(' ')[1] ?? '';
    for (const part of token.split('.').filter((p) => p.length > 8)) expect(answer.text).not.toContain(part);
    expect(answer.text).not.toMatch(/\bat .+\.ts:\d+/);
    expect(refusals.slice(before)).toEqual([
      { reason, requestId, claimedSubject: claimed.subject ? ann.subject : null, claimedIssuer: claimed.issuer === 'own' ? app.issuer : claimed.issuer },
    ]);
  });
});

describe('the embedded provider inside the service', () => {
  it('answers an unknown path under /oidc with the JSON 404 of the API, and keeps the service headers', async () => {
    const response = await fetch(`${app.issuer}/no-such-endpoint`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-request-id')).toMatch(/\S/);
  });

  it('shows its own error page without a stack for a bad authorization request', async () => {
    const response = await fetch(`${app.issuer}/auth?client_id=nobody&response_type=code`, { redirect: 'manual' });
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
    expect(text).toContain('invalid_client');
    expect(text).not.toMatch(/node_modules|\bat .+\.js:\d+/);
  });
});
