/**
 * The changes feed as Atom (README "Following changes"): /feeds/changes.atom lists the public
 * events of revisions (published, consultation, laid, in force, withdrawn), newest first, as
 * legislation.gov.uk publishes its changes, written by the `feed` library. The same events,
 * oldest first and paged, are Query.changes in the API. Each entry links to the page of the
 * revision it is about, at the event (web/pages/revision.ts); the feed links to the home page
 * and to itself (rel=self). Events are recorded only of published revisions
 * (editing/revision-events.ts), so the feed never names or links a draft.
 */
import { Router } from 'express';
import { Feed } from 'feed';
import type { Database } from '../db/run-query.ts';
import { QueryRunner } from '../db/run-query.ts';
import { createRevisionEventLoaders, type RevisionEventModel } from '../loaders/revision-events.ts';
import { sendHttpError } from './http-errors.ts';
import { etagOf } from './plugins/http-caching.ts';

export const CHANGES_FEED_PATH = '/feeds/changes.atom';
/** How many of the newest events the feed carries. */
const ENTRIES = 50;

const WHAT: Record<RevisionEventModel['event'], string> = {
  PUBLISHED: 'published by the National Office',
  CONSULTATION_OPENED: 'consultation opened',
  CONSULTATION_CLOSED: 'consultation closed',
  LAID: 'laid before Senedd Cymru',
  COMES_INTO_FORCE: 'comes into force',
  WITHDRAWN: 'withdrawn',
};

/** The page of an event's revision, at the event: /revisions/2024-09-01#event-3 (web/router.ts). */
export const eventPagePath = (event: Pick<RevisionEventModel, 'revisionKey' | 'sequence'>): string =>
  `/revisions/${encodeURIComponent(event.revisionKey)}#event-${event.sequence}`;

/**
 * The Atom document for these events (newest first), with links under `origin`. Each entry's
 * id is its event's sequence number, never its link, so that moving the links changes no id
 * a feed reader has seen.
 */
export function changesFeed(events: readonly RevisionEventModel[], origin: string): string {
  const newest = events[0];
  const feed = new Feed({
    title: 'Code of Practice on the National Framework for the Commissioning of Care and Support: changes',
    description: 'Revisions of the Code published, consulted on, laid, brought into force or withdrawn.',
    id: 'tag:care-code-graph,2026:changes',
    link: `${origin}/`,
    feedLinks: { atom: `${origin}${CHANGES_FEED_PATH}` },
    updated: newest === undefined ? new Date(0) : new Date(newest.recordedAt),
    copyright: 'Contains public sector information licensed under the Open Government Licence v3.0 (Crown copyright).',
  });
  for (const event of events) {
    feed.addItem({
      id: `tag:care-code-graph,2026:revision-event/${event.sequence}`,
      title: `Revision ${event.revisionKey}: ${WHAT[event.event]} on ${event.on}`,
      link: `${origin}${eventPagePath(event)}`,
      date: new Date(event.recordedAt),
      description: `${event.event} ${event.on} (revision ${event.revisionKey})${event.note === null ? '' : `: ${event.note}`}`,
    });
  }
  return feed.atom1();
}

export function feedsRouter(db: Database, origin: (req: { protocol: string; get(name: string): string | undefined }) => string): Router {
  const router = Router();
  router.get(CHANGES_FEED_PATH, (req, res) => {
    const events = createRevisionEventLoaders(new QueryRunner(db));
    void (async () => {
      const first = await events.changes({ offset: 0, limit: 1 });
      const offset = Math.max(0, first.totalCount - ENTRIES);
      const page = await events.changes({ offset, limit: ENTRIES });
      const feed = changesFeed([...page.items].reverse(), origin(req));
      // A strong validator, so a feed reader's If-None-Match is answered 304 (Express sends no ETag of its own: server/app.ts).
      res.type('application/atom+xml').set('etag', etagOf(feed)).send(feed);
    })().catch((error: unknown) => {
      req.log.error({ err: error }, 'the changes feed could not be read');
      sendHttpError(res, 503, 'SERVICE_UNAVAILABLE', 'The changes feed is not available right now (the database is not answering); please try again shortly');
    });
  });
  return router;
}
