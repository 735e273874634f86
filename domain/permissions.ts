/**
 * Who may do what (docs/graph-model.md, "Revisions"): anonymous callers read published
 * revisions; an editor drafts and edits; a reviewer approves; a publisher publishes. Pure:
 * a refusal is thrown as UNAUTHENTICATED (nobody signed in) or FORBIDDEN (lacking the role).
 */
import { forbidden, unauthenticated } from '../core/errors.ts';
import type { Viewer } from '../core/viewer.ts';
import type { Role } from '../core/vocabulary.ts';

/** The signed-in viewer, when they hold `role`; throws otherwise. */
export function requireRole(viewer: Viewer | null, role: Role, action: string): Viewer {
  if (viewer === null) throw unauthenticated(`${action} needs a signed-in ${role}, and no one is signed in`);
  if (!viewer.roles.includes(role)) throw forbidden(action, role);
  return viewer;
}

/** The signed-in viewer, when they hold one of `roles`; throws otherwise (FORBIDDEN names the first). */
export function requireAnyRole(viewer: Viewer | null, roles: readonly Role[], action: string): Viewer {
  if (viewer === null) throw unauthenticated(`${action} needs a signed-in ${roles.join(' or ')}, and no one is signed in`);
  if (!roles.some((role) => viewer.roles.includes(role))) throw forbidden(action, roles.join(' or '));
  return viewer;
}
