/**
 * The published revisions, kept in memory between requests (docs/architecture.md, "One
 * request"): every data request needs the revision list to choose the revision it reads, and
 * the list of published revisions changes only when one is published or a legal event is
 * recorded. One cache per server: it is forgotten when a change commits in this server, when
 * the day in Wales turns (a status is the status on a day), and after `ttlMs` at the latest
 * (REVISION_CACHE_MS, core/config.ts; 0 reads them for every request),
 * so a change made through another instance behind the same load balancer (or by
 * `npm run seed`) is seen within that time. Drafts are never cached: editors read them fresh.
 */
import type { QueryRunner } from '../db/run-query.ts';
import { todayInWales } from '../domain/revision-in-force.ts';
import { loadRevisions, type RevisionModel } from './revision.ts';

export class RevisionCache {
  private entry: { day: string; at: number; revisions: Promise<RevisionModel[]> } | undefined;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The published revisions with their status today, read through `runner` when not cached. */
  published(runner: QueryRunner): Promise<RevisionModel[]> {
    const day = todayInWales(new Date(this.now()));
    const entry = this.entry;
    if (entry !== undefined && entry.day === day && this.now() - entry.at < this.ttlMs) return entry.revisions;
    const revisions = loadRevisions(runner, day, 'published');
    const fresh = { day, at: this.now(), revisions };
    this.entry = fresh;
    // A failed read is not kept: the next request tries again.
    revisions.catch(() => {
      if (this.entry === fresh) this.entry = undefined;
    });
    return revisions;
  }

  /** Forgets the list, after a change that may have altered it. */
  forget(): void {
    this.entry = undefined;
  }
}
