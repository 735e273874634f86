/**
 * Pins the Cypher of the audit trail (docs/architecture.md, convention 5): the read side's
 * page query (loaders/audit.ts), the two statements of an append and the reads of the
 * verification (editing/audit.ts). Each is run for real by test/integration/audit.int.test.ts.
 */
import { describe, expect, it } from 'vitest';
import * as append from '../../../editing/audit.ts';
import * as trail from '../../../loaders/audit.ts';

const cypherOf = (module: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(Object.entries(module).filter((entry): entry is [string, string] => /^[A-Z][A-Z_]+$/.test(entry[0]) && typeof entry[1] === 'string'));

describe('the audit trail\'s Cypher', () => {
  it('keeps the queries of loaders/audit.ts as reviewed', () => {
    expect(cypherOf(trail)).toMatchSnapshot();
  });

  it('keeps the statements of editing/audit.ts as reviewed', () => {
    expect(cypherOf(append)).toMatchSnapshot();
  });

  it('batches the pages of several revisions over $targets with UNWIND', () => {
    expect(trail.AUDIT_TRAILS_BY_REVISION).toMatch(/^\s*UNWIND \$targets AS target\b/);
  });

  it('takes the head\'s lock with the first statement of an append', () => {
    expect(append.LOCK_AUDIT_HEAD.trim().split('\n').slice(0, 2)).toEqual(["MERGE (h:AuditHead {key: 'audit'})", 'SET h.sequence = coalesce(h.sequence, 0) + 1']);
  });
});
