import { generateKeyPairSync } from 'node:crypto';
import { createLocalJWKSet, exportJWK, jwtVerify, SignJWT, errors } from 'jose';
import { describe, expect, it } from 'vitest';
import { REFUSAL_MESSAGES, REFUSAL_REASONS, refusalReasonOf, TokenRefused } from '../../../server/auth/refusal-reason.ts';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const now = Math.floor(Date.now() / 1000);

/** What refusalReasonOf says of jwtVerify's error for a token made with `claims` (and a header). */
async function reasonFor(claims: Record<string, unknown>, header: Record<string, unknown> = {}, verifyWith = 'kid-1'): Promise<string | null> {
  const token = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'kid-1', ...header }).sign(privateKey);
  const keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: verifyWith, alg: 'RS256' }] });
  try {
    await jwtVerify(token, keys, { issuer: 'https://issuer', audience: 'api', algorithms: ['RS256'], clockTolerance: 30, requiredClaims: ['sub', 'exp'] });
    return 'accepted';
  } catch (error) {
    return refusalReasonOf(error);
  }
}

const valid = { sub: 's', iss: 'https://issuer', aud: 'api', exp: now + 300 };

describe('refusalReasonOf', () => {
  it('names each claim that failed as a reason a person can act on', async () => {
    expect(await reasonFor(valid)).toBe('accepted');
    expect(await reasonFor({ ...valid, exp: now - 120 })).toBe('expired');
    expect(await reasonFor({ ...valid, exp: now - 10 })).toBe('accepted'); // within the clock tolerance
    expect(await reasonFor({ ...valid, nbf: now + 300 })).toBe('not yet valid');
    expect(await reasonFor({ ...valid, iss: 'https://elsewhere' })).toBe('wrong issuer');
    expect(await reasonFor({ ...valid, iss: undefined })).toBe('wrong issuer');
    expect(await reasonFor({ ...valid, aud: ['other', 'another'] })).toBe('wrong audience');
    expect(await reasonFor({ ...valid, exp: undefined })).toBe('malformed');
    expect(await reasonFor({ ...valid, nbf: 'tomorrow' })).toBe('malformed');
  });

  it('names the key, the signature and the algorithm', async () => {
    expect(await reasonFor(valid, {}, 'another-kid')).toBe('unknown key');
    expect(refusalReasonOf(new errors.JWSSignatureVerificationFailed())).toBe('bad signature');
    expect(refusalReasonOf(new errors.JOSEAlgNotAllowed('no'))).toBe('algorithm not allowed');
    expect(refusalReasonOf(new errors.JWSInvalid('no'))).toBe('malformed');
    expect(refusalReasonOf(new errors.JWTInvalid('no'))).toBe('malformed');
    expect(refusalReasonOf(new TokenRefused('expired'))).toBe('expired');
  });

  it('says nothing of an error that is not about the token (the issuer could not be reached)', () => {
    expect(refusalReasonOf(new errors.JWKSTimeout())).toBeNull();
    expect(refusalReasonOf(new TypeError('fetch failed'))).toBeNull();
  });

  it('has a message for every reason, fit for a WWW-Authenticate error_description (no quote or backslash)', () => {
    for (const reason of REFUSAL_REASONS) expect(REFUSAL_MESSAGES[reason]).toMatch(/^[\x20\x21\x23-\x5b\x5d-\x7e]+$/);
  });
});
