/**
 * Who a verified access token names (core/viewer.ts), from its claims: `sub`, a name to show
 * (`name`, else `preferred_username`, else the subject), the roles of ROLES found in the
 * configured claim (AUTH_ROLES_CLAIM: `roles` as Microsoft Entra ID sends app roles, or a
 * dotted path such as `realm_access.roles` for Keycloak), and `iss`. Pure: the token has
 * already been verified (server/auth/token-verifier.ts).
 */
import type { JWTPayload } from 'jose';
import type { Viewer } from '../../core/viewer.ts';
import { ROLES, type Role } from '../../core/vocabulary.ts';

/** The value of a claim named whole (Auth0's `https://example.org/roles`), else as a dotted path. */
function claimAt(payload: Readonly<Record<string, unknown>>, claim: string): unknown {
  if (Object.hasOwn(payload, claim)) return payload[claim];
  let value: unknown = payload;
  for (const step of claim.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, step)) return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  return value;
}

/**
 * The roles of ROLES a claim holds: a list of strings, or one string of names separated by
 * spaces or commas. Other values (an identity provider's own roles) are left out; case is ignored.
 */
export function rolesFromClaim(value: unknown): Role[] {
  const names = Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  const given = new Set(names.map((name) => name.trim().toLowerCase()));
  return ROLES.filter((role) => given.has(role));
}

const nonEmpty = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 200) : undefined);

/** The Viewer a verified token's claims describe; `sub` and `iss` are required by the verifier. */
export function viewerFromClaims(payload: JWTPayload, rolesClaim: string): Viewer {
  const subject = nonEmpty(payload.sub) ?? '';
  return {
    subject,
    name: nonEmpty(payload['name']) ?? nonEmpty(payload['preferred_username']) ?? subject,
    roles: rolesFromClaim(claimAt(payload, rolesClaim)),
    issuer: payload.iss ?? '',
  };
}
