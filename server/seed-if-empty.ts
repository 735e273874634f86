/**
 * `npm start` seeds an empty database by itself, so a new user's first command gives a
 * working service. A database that already holds the Code is left as it is.
 */
import type { Database } from '../db/run-query.ts';
import { isEmpty, seedCode } from '../seed/index.ts';

export async function seedIfEmpty(db: Database, log: (line: string) => void): Promise<void> {
  if (!(await isEmpty(db))) return;
  log('The database holds no Code yet: seeding it (npm run seed does the same)...');
  const report = await seedCode(db);
  log(`Seeded revision ${report.revision}: ${report.labels['Provision'] ?? 0} provisions, ${report.obligations.total} obligations.`);
}
