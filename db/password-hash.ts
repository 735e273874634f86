/**
 * Passwords of the embedded provider's accounts (db/accounts.ts), hashed with Node's scrypt:
 * memory-hard, so guessing is costly even on special hardware. A hash is stored as one
 * string holding its parameters and salt beside it (`scrypt$N$r$p$salt$hash`, base64url),
 * so the cost can be raised later without breaking the passwords already stored.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** N = 2^15, r = 8, p = 1: 32 MiB and about a tenth of a second per hash on one core. */
export const SCRYPT_PARAMETERS = { N: 32_768, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

const derive = (password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    // maxmem: scrypt needs 128 · N · r bytes; allow twice that.
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...options, maxmem: 256 * (options.N ?? 0) * (options.r ?? 0) }, (error, key) => {
      if (error === null) resolve(key);
      else reject(error);
    });
  });

/** A new salted hash of `password`, with its parameters. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const { N, r, p } = SCRYPT_PARAMETERS;
  const key = await derive(password, salt, { N, r, p });
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** The parameters of a stored hash, or null when it is not one of ours (then nothing matches it). */
function parse(stored: string): { N: number; r: number; p: number; salt: Buffer; key: Buffer } | null {
  const [scheme, n, r, p, salt, key, ...rest] = stored.split('$');
  if (scheme !== 'scrypt' || rest.length > 0 || salt === undefined || key === undefined) return null;
  const numbers = [n, r, p].map(Number);
  const [N = 0, R = 0, P = 0] = numbers;
  // Bounds keep a tampered hash from asking for gigabytes.
  if (!Number.isInteger(N) || N < 2 || N > 1_048_576 || (N & (N - 1)) !== 0 || !Number.isInteger(R) || R < 1 || R > 32 || !Number.isInteger(P) || P < 1 || P > 16) return null;
  return { N, r: R, p: P, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') };
}

/** True when `password` is the one `stored` was made from; compares in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (parsed === null || parsed.key.length !== KEY_LENGTH) return false;
  const key = await derive(password, parsed.salt, { N: parsed.N, r: parsed.r, p: parsed.p });
  return timingSafeEqual(key, parsed.key);
}

/** A hash no password matches, checked against when the name is unknown so that timing does not tell names apart. */
export const UNMATCHABLE_HASH = `scrypt$${SCRYPT_PARAMETERS.N}$${SCRYPT_PARAMETERS.r}$${SCRYPT_PARAMETERS.p}$${Buffer.alloc(SALT_LENGTH).toString('base64url')}$${Buffer.alloc(KEY_LENGTH).toString('base64url')}`;
