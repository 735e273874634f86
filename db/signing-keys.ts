/**
 * The embedded provider's signing key (README "Sign-in"), generated once and kept in Neo4j as
 * a `:SigningKey` node holding the private JWK, so that every process of the project (the
 * server, `npm run token`, a second server) signs and publishes the same key, and restarts
 * keep it: a token signed before a restart still verifies after it. Whoever can read the
 * graph can read this key: the graph is as secret as the key (README, "Sign-in").
 */
import { generateKeyPairSync } from 'node:crypto';
import { calculateJwkThumbprint, type JWK } from 'jose';
import { EMBEDDED_SIGNING_ALGORITHM } from '../core/config.ts';
import { asProps, text } from './graph-values.ts';
import type { QueryRunner } from './run-query.ts';

/** A private signing key as a JWK, with its `kid`, `alg` and `use`. */
export interface SigningKey {
  kid: string;
  /** The private JWK (RSA, 2048 bits), as oidc-provider's `jwks` takes it. */
  privateJwk: JWK & { kid: string; alg: string; use: 'sig' };
}

/**
 * One statement: the first process to ask creates the key, every other one (at the same
 * moment too: the `signingkey_slot` constraint of db/graph-schema.ts) gets that same key.
 */
const ENSURE_SIGNING_KEY = `
MERGE (k:SigningKey {slot: 'primary'})
ON CREATE SET k.kid = $kid, k.alg = $alg, k.privateJwk = $privateJwk, k.createdAt = datetime()
RETURN k {.kid, .privateJwk} AS key`;

const READ_SIGNING_KEY = `MATCH (k:SigningKey {slot: 'primary'}) RETURN k {.kid, .privateJwk} AS key`;

async function newKey(): Promise<{ kid: string; privateJwk: string }> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' }) as JWK;
  const kid = await calculateJwkThumbprint(jwk, 'sha256');
  return { kid, privateJwk: JSON.stringify({ ...jwk, kid, alg: EMBEDDED_SIGNING_ALGORITHM, use: 'sig' }) };
}

function toSigningKey(value: unknown): SigningKey {
  const props = asProps(value, 'a SigningKey');
  const kid = text(props, 'kid');
  const privateJwk = JSON.parse(text(props, 'privateJwk')) as SigningKey['privateJwk'];
  return { kid, privateJwk };
}

/** The key every process of the project signs with, created on first use. */
export async function ensureSigningKey(runner: QueryRunner): Promise<SigningKey> {
  const existing = await runner.read<{ key: unknown }>('signingKeys.read', READ_SIGNING_KEY);
  if (existing[0] !== undefined) return toSigningKey(existing[0].key);
  const fresh = await newKey();
  const [row] = await runner.write<{ key: unknown }>('signingKeys.ensure', ENSURE_SIGNING_KEY, { ...fresh, alg: EMBEDDED_SIGNING_ALGORITHM });
  return toSigningKey(row?.key);
}
