/**
 * A revision's page (/revisions/2024-09-01): its dates, its public events (each with the id
 * the changes feed's entries link to, #event-<sequence>: server/feeds.ts) and its contents.
 * Only published revisions have one: the pages ask as an anonymous reader, and the API gives
 * no draft to an anonymous reader (NOT_FOUND, so a 404 page). What it shows does not depend on
 * the day asked, so it has no "as at" form or banner (revision.njk empties the layout's block).
 */
import type { RevisionPageQuery, RevisionPageQueryVariables } from '../__generated__/operations.ts';
import type { PageApi } from '../operations.ts';
import { errorPage, frameView, hrefWith, problemPage, type PageContext, type PageRequest, type Rendered } from '../page.ts';

/** The day its provisions' pages read it as at: today while in force, else the day it came or comes into force; null when no day reads it. */
function readingDay(revision: NonNullable<RevisionPageQuery['revision']>): { asOf: string | null } | null {
  if (revision.status === 'IN_FORCE') return { asOf: null };
  if (revision.inForceFrom === null || revision.inForceFrom === undefined || revision.status === 'WITHDRAWN') return null;
  return { asOf: revision.inForceFrom };
}

export async function revisionPage(api: PageApi, context: PageContext, request: PageRequest): Promise<Rendered> {
  const key = request.route['key'] ?? '';
  const answer = await api.run<RevisionPageQuery, RevisionPageQueryVariables>('RevisionPage', { key });
  const problem = errorPage(answer.errors, context.strings);
  if (problem !== null) return problem;
  const revision = answer.data?.revision ?? null;
  // The API answers an unknown key with NOT_FOUND (above); null is kept for the schema's nullable field.
  if (revision === null) return problemPage(404, context.strings.error.notFoundTitle, `${context.strings.error.notFoundTitle}: ${request.path.slice(0, 200)}`, null, context.strings);
  const day = readingDay(revision);
  return {
    status: 200,
    template: 'revision.njk',
    view: {
      ...frameView(context, null, request),
      revision,
      readAsAt: day?.asOf ?? null,
      // Its own day, never the day this page was asked as at (which may read another revision).
      contentsHref: day === null ? null : hrefWith(day.asOf),
    },
  };
}
