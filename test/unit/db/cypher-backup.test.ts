/**
 * Pins the Cypher of backups and revision hashes (docs/architecture.md, convention 5). Each
 * is run for real by test/integration/backup-restore.int.test.ts.
 */
import { describe, expect, it } from 'vitest';
import * as backup from '../../../db/graph-backup.ts';
import * as hash from '../../../db/revision-hash.ts';

const cypherOf = (module: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(Object.entries(module).filter((entry): entry is [string, string] => /^[A-Z][A-Z_]+$/.test(entry[0]) && typeof entry[1] === 'string'));

describe('the Cypher of backups and revision hashes', () => {
  it('keeps the statements of db/graph-backup.ts as reviewed', () => {
    expect(cypherOf(backup)).toMatchSnapshot();
  });

  it('keeps the queries of db/revision-hash.ts as reviewed', () => {
    expect(cypherOf(hash)).toMatchSnapshot();
  });
});
