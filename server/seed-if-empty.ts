/**
 * `npm start` seeds an empty database by itself, so a new user's first command gives a
 * working service.
 */
import type { Database } from '../loaders/run-query.ts';

export async function seedIfEmpty(_db: Database): Promise<void> {
  // The Code's seed pipeline (seed/) lands with the corpus issue; until then there is nothing to load.
  return Promise.resolve();
}
