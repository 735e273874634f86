/**
 * Who is asking (docs/architecture.md, "The write side"): the person a verified access token
 * names, or nobody. Anonymous callers read published revisions; drafts and every change need
 * a signed-in person with the right role. Built by server/auth from the token; read by
 * resolvers, editing commands and the audit.
 */
import type { Role } from './vocabulary.ts';

export interface Viewer {
  /** The token's `sub`: stable for the person at their identity provider. */
  subject: string;
  /** A name to show and to write in the audit (the token's `name` or `preferred_username`, else the subject). */
  name: string;
  roles: readonly Role[];
  /** The token's `iss`: the identity provider that vouches for the person. */
  issuer: string;
}

export const hasRole = (viewer: Viewer | null, role: Role): boolean => viewer !== null && viewer.roles.includes(role);
