import { describe, expect, it } from 'vitest';
import { hashPassword, SCRYPT_PARAMETERS, UNMATCHABLE_HASH, verifyPassword } from '../../../db/password-hash.ts';

describe('hashPassword and verifyPassword (scrypt)', () => {
  it('stores the parameters and a fresh salt with each hash, and matches only the same password', async () => {
    const first = await hashPassword('correct horse battery staple');
    const second = await hashPassword('correct horse battery staple');
    expect(first).toMatch(new RegExp(`^scrypt\\$${SCRYPT_PARAMETERS.N}\\$8\\$1\\$[\\w-]{22}\\$[\\w-]{43}$`));
    expect(first).not.toBe(second);
    expect(await verifyPassword('correct horse battery staple', first)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', first)).toBe(false);
  });

  it('matches nothing against a hash it did not make, or one asking for absurd costs', async () => {
    expect(await verifyPassword('', UNMATCHABLE_HASH)).toBe(false);
    expect(await verifyPassword('x', 'plain-text-password')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$1073741824$8$1$AAAA$AAAA')).toBe(false);
  });
});
