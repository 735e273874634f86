/**
 * Editors prepare the next revision (editing/): a draft copied whole from the Code in force,
 * edits re-read by the reader with lineage kept, an editor's correction recorded as an
 * override, optimistic concurrency, refusals, and published revisions that never change,
 * against the real Neo4j, through the commands the GraphQL mutations call.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../core/config.ts';
import { codeOf } from '../../core/errors.ts';
import type { Viewer } from '../../core/viewer.ts';
import { QueryRunner } from '../../db/run-query.ts';
import { editingCommands, type EditingCommands } from '../../editing/commands.ts';
import { verifyAuditChain } from '../../editing/audit.ts';
import { readerContext } from '../../reader/read-provision.ts';
import { seedCode } from '../../seed/index.ts';
import { loadCatalogue } from '../../seed/load-catalogue.ts';
import { connectTestDatabase, type TestDatabase } from '../support/test-neo4j.ts';

const reader = readerContext(loadCatalogue(path.join(PROJECT_ROOT, 'seed/data/catalogue.json')));
const EDITOR: Viewer = { subject: 'sub-edith', name: 'Edith Editor', roles: ['editor'], issuer: 'test' };
const READER_ONLY: Viewer = { subject: 'sub-rhys', name: 'Rhys Reader', roles: [], issuer: 'test' };
const DRAFT = 'draft-2026-review';

let db: TestDatabase;
let runner: QueryRunner;
const as = (viewer: Viewer | null, requestId = 'test-editing'): EditingCommands => editingCommands({ runner, viewer, requestId, reader });

/** A fingerprint of a revision's own subgraph: every owned node's labels and properties, every relationship from them. */
async function fingerprint(revision: string): Promise<string> {
  const rows = await runner.read<{ uid: string; labels: string[]; props: Record<string, unknown>; type: string | null; relProps: Record<string, unknown> | null; target: string | null }>(
    'test.fingerprint',
    `MATCH (n) WHERE n.revision = $revision
     OPTIONAL MATCH (n)-[r]->(m)
     RETURN n.uid AS uid, labels(n) AS labels, properties(n) AS props, type(r) AS type, properties(r) AS relProps, coalesce(m.uid, m.key) AS target`,
    { revision },
  );
  const sorted = (value: Record<string, unknown> | null): string => JSON.stringify(Object.fromEntries(Object.entries(value ?? {}).sort(([a], [b]) => a.localeCompare(b))));
  return rows
    .map((row) => `${row.uid} ${[...row.labels].sort().join(':')} ${sorted(row.props)} -${row.type ?? ''}${sorted(row.relProps)}-> ${row.target ?? ''}`)
    .sort()
    .join('\n');
}

const obligationsOf = async (revision: string, provision: string) =>
  (
    await runner.read<{ key: string; lineage: string; modality: string; force: string; text: string; addressees: string[]; appliesTo: string[]; overridden: boolean; reason: string | null }>(
      'test.obligations',
      `MATCH (o:Obligation {revision: $revision})-[:STATED_IN]->(:Provision {uid: $revision + '|' + $provision})
       RETURN o.key AS key, o.lineage AS lineage, o.modality AS modality, o.force AS force, o.text AS text,
              [(o)-[:ADDRESSES]->(b) | b.key] AS addressees, [(o)-[:APPLIES_TO]->(b) | b.key] AS appliesTo,
              o.fromOverride AS overridden, o.overrideReason AS reason
       ORDER BY o.key`,
      { revision, provision },
    )
  ).map((o) => ({ ...o, addressees: [...o.addressees].sort(), appliesTo: [...o.appliesTo].sort() }));

const versionOf = async (revision: string): Promise<number> =>
  (await runner.read<{ version: number }>('test.version', 'MATCH (r:Revision {key: $revision}) RETURN r.version AS version', { revision }))[0]?.version ?? 0;

let published: string;

beforeAll(async () => {
  db = connectTestDatabase();
  runner = new QueryRunner(db);
  await runner.write('test.reset', 'MATCH (n) DETACH DELETE n');
  await seedCode(db);
  published = await fingerprint('2024-09-01');
}, 180_000);

afterAll(async () => {
  await db.close();
});

describe('createDraft', () => {
  it('refuses anonymous callers and accounts without the editor role, and audits both', async () => {
    expect(codeOf(await as(null).createDraft({ key: DRAFT }).catch((e: unknown) => e))).toBe('UNAUTHENTICATED');
    expect(codeOf(await as(READER_ONLY).createDraft({ key: DRAFT }).catch((e: unknown) => e))).toBe('FORBIDDEN');
    const refusals = await runner.read<{ result: string }>('test.refusals', "MATCH (e:AuditEvent {action: 'createDraft'}) RETURN e.result AS result ORDER BY e.sequence");
    expect(refusals.map((r) => r.result)).toEqual(['UNAUTHENTICATED', 'FORBIDDEN']);
  });

  it('copies the whole tree of the Code in force, with every lineage id kept', async () => {
    const created = await as(EDITOR).createDraft({ key: DRAFT }).catch((e: { extensions?: { cause?: { message?: string } } }) => { console.log('CAUSE', e.extensions?.cause?.message); throw e; });
    expect(created.from).toBe('2024-09-01');
    const copy = (await fingerprint(DRAFT)).replaceAll(`${DRAFT}|`, '2024-09-01|').replaceAll(`"revision":"${DRAFT}"`, '"revision":"2024-09-01"');
    expect(copy).toBe(published);
    const [state] = await runner.read<{ state: string; version: number; published: boolean; by: string }>(
      'test.draft',
      'MATCH (r:Revision {key: $key}) RETURN r.editorialState AS state, r.version AS version, r.published AS published, r.createdByName AS by',
      { key: DRAFT },
    );
    expect(state).toEqual({ state: 'DRAFTING', version: 1, published: false, by: 'Edith Editor' });
    expect(await fingerprint('2024-09-01')).toBe(published);
  });

  it('refuses a key already taken, naming the field', async () => {
    const error = await as(EDITOR).createDraft({ key: DRAFT }).catch((e: unknown) => e);
    expect(codeOf(error)).toBe('BAD_USER_INPUT');
    expect((error as Error).message).toBe(`input.key "${DRAFT}" is taken by another revision; choose another, such as "${DRAFT}-2"`);
  });
});

describe('updateProvision', () => {
  it('re-reads the text: "should" made "must" strengthens the obligation and keeps its lineage', async () => {
    const [before] = await obligationsOf(DRAFT, '1.45');
    const version = await versionOf(DRAFT);
    const updated = await as(EDITOR).updateProvision({
      revision: DRAFT,
      key: '1.45',
      text: 'Statutory partners must be able to demonstrate that their commissioning practices are undertaken in line with this Code.',
      expectedVersion: version,
    });
    expect(updated.version).toBe(version + 1);
    const after = await obligationsOf(DRAFT, '1.45');
    expect(after).toEqual([{ ...before, modality: 'MUST', force: 'REQUIREMENT', text: 'Statutory partners must be able to demonstrate that their commissioning practices are undertaken in line with this Code.' }]);
    expect(updated.before.map((o) => o.modality)).toEqual(['SHOULD']);
    expect(updated.after.map((o) => [o.modality, o.lineage])).toEqual([['MUST', before?.lineage]]);
  });

  it('reads a second duty into a second obligation with a new lineage, its own addressees and applicability', async () => {
    const [first] = await obligationsOf(DRAFT, '1.56');
    await as(EDITOR).updateProvision({
      revision: DRAFT,
      key: '1.56',
      text:
        'Commissioners should encourage providers to make use of the WeCare Wales portal to advertise vacancies within their organisations. ' +
        'Local authorities must publish the vacancies they fund each year.',
      expectedVersion: await versionOf(DRAFT),
    });
    const after = await obligationsOf(DRAFT, '1.56');
    expect(after.map((o) => [o.key, o.modality, o.force, o.addressees, o.appliesTo])).toEqual([
      ['1.56/1', 'SHOULD', 'GUIDELINE', ['commissioner'], ['local-authority', 'local-health-board', 'nhs-trust']],
      ['1.56/2', 'MUST', 'REQUIREMENT', ['local-authority'], ['local-authority']],
    ]);
    expect(after[0]?.lineage).toBe(first?.lineage);
    expect(after[1]?.lineage).toMatch(/^ob_[0-9a-f]{24}$/);
    expect(after[1]?.lineage).not.toBe(first?.lineage);
  });

  it('keeps hostile text byte for byte, and it changes nothing else', async () => {
    const nodes = async () =>
      (await runner.read<{ n: number }>('test.count', 'MATCH (n) WHERE NOT n:AuditEvent AND NOT n:Obligation RETURN count(n) AS n'))[0]?.n;
    const count = await nodes();
    const text = "Analysis of this information '}) MATCH (n) DETACH DELETE n // \"; DROP should be used to inform the next commissioning cycle.";
    await as(EDITOR).updateProvision({ revision: DRAFT, key: '1.33', text, expectedVersion: await versionOf(DRAFT) });
    const [stored] = await runner.read<{ text: string }>('test.text', 'MATCH (p:Provision {uid: $uid}) RETURN p.text AS text', { uid: `${DRAFT}|1.33` });
    expect(stored?.text).toBe(text);
    // Only the provision's obligations (read afresh) and the audit event may differ.
    expect(await nodes()).toBe(count);
  });

  it('gives exactly one of K parallel edits on one version, and CONFLICT naming the version to the others', async () => {
    for (const k of [2, 10, 50]) {
      const version = await versionOf(DRAFT);
      const outcomes = await Promise.all(
        Array.from({ length: k }, (_, i) =>
          as(EDITOR, `parallel-${k}-${i}`)
            .updateProvision({ revision: DRAFT, key: '1.91', text: `Commissioners should make themselves aware of these tools (${k}.${i}).`, expectedVersion: version })
            .then(() => 'OK', (error: unknown) => codeOf(error) ?? String(error)),
        ),
      );
      expect(outcomes.filter((o) => o === 'OK')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'CONFLICT')).toHaveLength(k - 1);
      expect(await versionOf(DRAFT)).toBe(version + 1);
    }
    const stale = await as(EDITOR).updateProvision({ revision: DRAFT, key: '1.91', text: 'Commissioners should read.', expectedVersion: 1 }).catch((e: unknown) => e);
    expect((stale as Error).message).toBe(
      `Revision ${DRAFT} is at version ${await versionOf(DRAFT)}, changed last by Edith Editor; you sent expectedVersion: 1. Read the revision again and send expectedVersion: ${await versionOf(DRAFT)}`,
    );
  });

  it('refuses bad input before anything is written, naming the field', async () => {
    const version = await versionOf(DRAFT);
    const refused = async (input: Partial<Parameters<EditingCommands['updateProvision']>[0]>) =>
      ((await as(EDITOR).updateProvision({ revision: DRAFT, key: '1.45', text: 'Statutory partners must act.', expectedVersion: version, ...input }).catch((e: unknown) => e)) as Error).message;
    expect(await refused({ key: '9.99' })).toBe(`input.key: revision ${DRAFT} has no provision "9.99"; a valid key looks like "1.53"`);
    expect(await refused({ key: 'S8; DROP' })).toBe('input.key must be a provision\'s key, such as "1.53", "P3" or "S8"; got "S8; DROP"');
    expect(await refused({ text: 'x'.repeat(20_001) })).toBe('input.text must be at most 20000 characters; got 20001');
    expect(await refused({ text: 'Statutory partners\u0007 must act.' })).toBe(
      'input.text must be plain text with no control characters (line breaks are allowed), such as "Statutory partners must publish their fee rates."',
    );
    expect(await versionOf(DRAFT)).toBe(version);
  });

  it('allows a text with no modal verb: the provision then has no obligations', async () => {
    await as(EDITOR).updateProvision({ revision: DRAFT, key: '1.50', text: 'Brokerage puts the person at the heart of the process.', expectedVersion: await versionOf(DRAFT) });
    expect(await obligationsOf(DRAFT, '1.50')).toEqual([]);
  });
});

describe('updateObligation', () => {
  it('records an editor\'s correction as an override with its reason, and applicability follows', async () => {
    const [before] = await obligationsOf(DRAFT, '1.45');
    await as(EDITOR).updateObligation({
      revision: DRAFT,
      lineage: before?.lineage ?? '',
      addressees: ['local-authority'],
      reason: 'The analysis is the local authority\'s own, as clause 1.32 says.',
      expectedVersion: await versionOf(DRAFT),
    });
    const [after] = await obligationsOf(DRAFT, '1.45');
    expect(after).toMatchObject({ lineage: before?.lineage, addressees: ['local-authority'], appliesTo: ['local-authority'], overridden: true, reason: 'The analysis is the local authority\'s own, as clause 1.32 says.' });
  });
});

describe('published revisions', () => {
  it('never change: every command on the published Code answers REVISION_PUBLISHED and writes nothing', async () => {
    const commands = as(EDITOR);
    const attempts = [
      () => commands.updateProvision({ revision: '2024-09-01', key: '1.45', text: 'Statutory partners must act.', expectedVersion: 1 }),
      () => commands.updateObligation({ revision: '2024-09-01', lineage: 'ob_x', reason: 'try', expectedVersion: 1 }),
      () => commands.discardDraft({ revision: '2024-09-01', expectedVersion: 1 }),
    ];
    for (const attempt of attempts) expect(codeOf(await attempt().catch((e: unknown) => e))).toBe('REVISION_PUBLISHED');
    expect(await fingerprint('2024-09-01')).toBe(published);
  });
});

describe('the audit trail of the edits', () => {
  it('holds every change and refusal, chained, and verifies', async () => {
    const result = await verifyAuditChain(runner);
    expect(result).toMatchObject({ ok: true, problems: [] });
    const actions = await runner.read<{ action: string; result: string }>('test.audit', 'MATCH (e:AuditEvent) RETURN e.action AS action, e.result AS result ORDER BY e.sequence');
    expect(actions.filter((a) => a.result === 'OK').map((a) => a.action).slice(0, 3)).toEqual(['createDraft', 'updateProvision', 'updateProvision']);
    expect(actions.filter((a) => a.result === 'CONFLICT')).toHaveLength(1 + 9 + 49 + 1);
  });
});

describe('discardDraft', () => {
  it('removes the draft and everything it owns', async () => {
    await as(EDITOR).discardDraft({ revision: DRAFT, expectedVersion: await versionOf(DRAFT) });
    expect(await fingerprint(DRAFT)).toBe('');
    expect(await versionOf(DRAFT)).toBe(0);
    expect(await fingerprint('2024-09-01')).toBe(published);
  });
});
