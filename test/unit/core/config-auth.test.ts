import { describe, expect, it } from 'vitest';
import { DEFAULT_AUTH, loadConfig, publicOrigin } from '../../../core/config.ts';
import { configProblemsOf } from '../../support/config-problems.ts';

const problemsOf = configProblemsOf;

describe('loadConfig, sign-in', () => {
  it('uses the embedded provider and the documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.auth).toEqual({ issuer: undefined, audience: 'care-code-graph', rolesClaim: 'roles', algorithms: ['RS256', 'PS256', 'ES256'], clockToleranceS: 30, tokenTtlS: 600 });
    expect(config.auth).toEqual({ ...DEFAULT_AUTH, issuer: undefined });
    expect(config.publicUrl).toBeUndefined();
  });

  it('reads Microsoft Entra ID settings', () => {
    const config = loadConfig({
      AUTH_ISSUER: 'https://login.microsoftonline.com/0b1c2d3e-aaaa-bbbb-cccc-123456789abc/v2.0',
      AUTH_AUDIENCE: 'api://9f8e7d6c-1111-2222-3333-444455556666',
      AUTH_ROLES_CLAIM: 'roles',
      AUTH_ALGORITHMS: 'RS256',
      AUTH_CLOCK_TOLERANCE_S: '60',
      PUBLIC_URL: 'https://code.example.gov.wales/',
    });
    expect(config.auth).toEqual({
      issuer: 'https://login.microsoftonline.com/0b1c2d3e-aaaa-bbbb-cccc-123456789abc/v2.0',
      audience: 'api://9f8e7d6c-1111-2222-3333-444455556666',
      rolesClaim: 'roles',
      algorithms: ['RS256'],
      clockToleranceS: 60,
      tokenTtlS: 600,
    });
    expect(config.publicUrl).toBe('https://code.example.gov.wales');
  });

  it('reports every sign-in problem at once, each with a valid example', () => {
    expect(
      problemsOf({
        PUBLIC_URL: 'code.example.gov.wales/api',
        AUTH_ISSUER: 'http://login.example.org',
        AUTH_ALGORITHMS: 'RS256,HS256,none',
        AUTH_CLOCK_TOLERANCE_S: 'a minute',
        AUTH_TOKEN_TTL_S: '10',
      }),
    ).toEqual([
      'PUBLIC_URL must be the http(s) origin callers reach the service at, with no path, like PUBLIC_URL=https://code.example.gov.wales; got "code.example.gov.wales/api"',
      'AUTH_ISSUER must be the https URL of an OpenID Connect issuer (http only on this machine), like AUTH_ISSUER=https://login.microsoftonline.com/<tenant-id>/v2.0; got "http://login.example.org"',
      'AUTH_AUDIENCE is needed with AUTH_ISSUER: the audience its tokens carry for this API, like AUTH_AUDIENCE=api://<app-id>',
      'AUTH_ALGORITHMS may not include HS256, none: an unsigned token, or one signed with a shared secret, could be forged; use asymmetric ones, like AUTH_ALGORITHMS=RS256,PS256,ES256',
      'AUTH_CLOCK_TOLERANCE_S must be a whole number from 0 to 300, like AUTH_CLOCK_TOLERANCE_S=30; got "a minute"',
      'AUTH_TOKEN_TTL_S must be a whole number from 60 to 86400, like AUTH_TOKEN_TTL_S=600; got "10"',
    ]);
  });

  it('refuses unknown algorithms, and a list without RS256 for the embedded provider', () => {
    expect(problemsOf({ AUTH_ALGORITHMS: 'RS256,XS1' })).toEqual([
      'AUTH_ALGORITHMS must list algorithms from RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, EdDSA, like AUTH_ALGORITHMS=RS256,PS256,ES256; got "RS256,XS1"',
    ]);
    expect(problemsOf({ AUTH_ALGORITHMS: 'ES256' })).toEqual([
      'AUTH_ALGORITHMS must include RS256 without AUTH_ISSUER, since the embedded provider signs with it, like AUTH_ALGORITHMS=RS256,PS256,ES256; got "ES256"',
    ]);
    expect(loadConfig({ AUTH_ISSUER: 'https://idp.example.org/realms/wales', AUTH_AUDIENCE: 'care-code-graph', AUTH_ALGORITHMS: 'ES256' }).auth.algorithms).toEqual(['ES256']);
  });

  it('keeps an issuer exactly as given, trailing slash and all (Auth0)', () => {
    expect(loadConfig({ AUTH_ISSUER: 'https://wales.eu.auth0.com/', AUTH_AUDIENCE: 'https://code.example.gov.wales/api' }).auth.issuer).toBe('https://wales.eu.auth0.com/');
  });

  it('accepts an http issuer on this machine (a test issuer), and a dotted roles claim', () => {
    const config = loadConfig({ AUTH_ISSUER: 'http://127.0.0.1:8080/realms/test', AUTH_AUDIENCE: 'account', AUTH_ROLES_CLAIM: 'realm_access.roles' });
    expect([config.auth.issuer, config.auth.rolesClaim]).toEqual(['http://127.0.0.1:8080/realms/test', 'realm_access.roles']);
  });
});

describe('publicOrigin', () => {
  it('is PUBLIC_URL when set, else http://HOST:PORT, a wildcard host being reached at 127.0.0.1', () => {
    expect(publicOrigin({ publicUrl: 'https://code.example.gov.wales', host: '0.0.0.0' }, 4000)).toBe('https://code.example.gov.wales');
    expect(publicOrigin({ host: '127.0.0.1' }, 4000)).toBe('http://127.0.0.1:4000');
    expect(publicOrigin({ host: '0.0.0.0' }, 4321)).toBe('http://127.0.0.1:4321');
    expect(publicOrigin({ host: '::1' }, 4000)).toBe('http://[::1]:4000');
  });
});
