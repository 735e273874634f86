/**
 * The audit trail for editors (schema/audit.graphql): only a signed-in editor may read it
 * (domain/permissions.ts says UNAUTHENTICATED or FORBIDDEN otherwise); a page of the
 * revision's events, oldest first, from loaders/audit.ts.
 */
import { badUserInput } from '../core/errors.ts';
import { pageRequest } from '../domain/page-request.ts';
import { requireRole } from '../domain/permissions.ts';
import { toConnection } from '../loaders/pagination.ts';
import type { Resolvers } from './__generated__/resolvers-types.ts';

/** A summary as the API shows it: its JSON text, or null when it is JSON null. */
const summary = (json: string): string | null => (json === 'null' ? null : json);

export const auditResolvers: Resolvers = {
  Query: {
    auditTrail: async (_parent, args, { loaders, viewer }) => {
      requireRole(viewer, 'editor', 'Reading the audit trail');
      if (args.revision.trim() === '' || args.revision.length > 100) {
        throw badUserInput(`revision must be a revision's key, such as "2024-09-01" or "draft-2026-review"; got "${args.revision}"`, 'revision');
      }
      const request = pageRequest(args.first, args.after);
      return toConnection(await loaders.auditTrail(args.revision, request));
    },
  },
  AuditEvent: {
    before: (event) => summary(event.before),
    after: (event) => summary(event.after),
  },
};
