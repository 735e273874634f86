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

  it('keeps the correction through an edit that leaves its sentence as it was, and drops it when the sentence changes', async () => {
    const [corrected] = await obligationsOf(DRAFT, '1.45');
    const sentence = 'Statutory partners must be able to demonstrate that their commissioning practices are undertaken in line with this Code.';
    const kept = await as(EDITOR).updateProvision({ revision: DRAFT, key: '1.45', text: `${sentence} Providers should keep records of this.`, expectedVersion: await versionOf(DRAFT) });
    expect(kept.after.map((o) => [o.key, o.lineage, o.addressees])).toEqual([
      ['1.45/1', corrected?.lineage, ['local-authority']],
      ['1.45/2', kept.after[1]?.lineage, ['provider']],
    ]);
    expect((await obligationsOf(DRAFT, '1.45'))[0]).toMatchObject({ appliesTo: ['local-authority'], overridden: true, reason: "The analysis is the local authority's own, as clause 1.32 says." });
    await as(EDITOR).updateProvision({
      revision: DRAFT,
      key: '1.45',
      text: 'Statutory partners must be able to demonstrate that all their commissioning practices are undertaken in line with this Code.',
      expectedVersion: await versionOf(DRAFT),
    });
    const [reread] = await obligationsOf(DRAFT, '1.45');
    expect(reread).toMatchObject({ lineage: corrected?.lineage, addressees: ['statutory-partners'], overridden: false, reason: null });
    const [audit] = await runner.read<{ after: string }>('test.audit', "MATCH (e:AuditEvent {action: 'updateProvision', result: 'OK'}) RETURN e.after AS after ORDER BY e.sequence DESC LIMIT 1");
    expect(JSON.parse(audit?.after ?? '{}')).toMatchObject({ corrections: { kept: [], dropped: [corrected?.lineage] } });
  });
});

describe('the structure of a draft', () => {
  const TWO_DUTIES =
    'Local health boards must publish their workforce plans each year. ' +
    'Providers should share their vacancy data with Social Care Wales, as clause 1.53 asks of commissioners.';

  const lineagesByKey = async (revision: string): Promise<Map<string, string>> =>
    new Map(
      (await runner.read<{ key: string; lineage: string }>('test.lineages', 'MATCH (o:Obligation {revision: $revision}) RETURN o.key AS key, o.lineage AS lineage', { revision })).map((o) => [o.key, o.lineage]),
    );
  const provisionsInOrder = async (revision: string) =>
    runner.read<{ key: string; order: number; heading: string; lineage: string; text: string; number: string; uid: string }>(
      'test.provisions',
      `MATCH (h:Heading {revision: $revision})-[c:CONTAINS]->(p:Provision)
       RETURN p.key AS key, p.order AS order, c.order AS linkOrder, h.key AS heading, p.lineage AS lineage, p.text AS text, p.number AS number, p.uid AS uid
       ORDER BY p.order`,
      { revision },
    );

  it('adds a clause with two duties after 1.53, numbered 1.53A, with two new obligations, their addressees and applicability', async () => {
    const version = await versionOf(DRAFT);
    const added = await as(EDITOR).addProvision({ revision: DRAFT, after: '1.53', text: TWO_DUTIES, expectedVersion: version });
    expect(added).toEqual({ revision: DRAFT, version: version + 1, provisionKey: '1.53A' });
    expect(await obligationsOf(DRAFT, '1.53A')).toEqual([
      expect.objectContaining({ key: '1.53A/1', modality: 'MUST', force: 'REQUIREMENT', addressees: ['local-health-board'], appliesTo: ['local-health-board'] }),
      expect.objectContaining({ key: '1.53A/2', modality: 'SHOULD', force: 'GUIDELINE', addressees: ['provider'], appliesTo: ['provider'] }),
    ]);
    const provisions = await provisionsInOrder(DRAFT);
    const at = provisions.findIndex((p) => p.key === '1.53A');
    expect(provisions.slice(at - 1, at + 2).map((p) => [p.key, p.heading])).toEqual([
      ['1.53', 'providing-workforce-data-to-social-care-wales'],
      ['1.53A', 'providing-workforce-data-to-social-care-wales'],
      ['1.54', 'the-care-and-support-capacity-tracker'],
    ]);
    expect(provisions.map((p) => p.order)).toEqual(provisions.map((_, i) => i + 1));
    const lineages = await lineagesByKey(DRAFT);
    expect(lineages.get('1.53A/1')).toMatch(/^ob_[0-9a-f]{24}$/);
    expect(new Set(lineages.values()).size).toBe(lineages.size);
    expect(provisions[at]?.lineage).toMatch(/^pr_[0-9a-f]{24}$/);
    const orders = await runner.read<{ order: number }>('test.obligationOrder', 'MATCH (o:Obligation {revision: $revision}) RETURN o.order AS order ORDER BY o.order', { revision: DRAFT });
    expect(orders.map((o) => o.order)).toEqual(orders.map((_, i) => i + 1));
  });

  it('adds at the end of a heading, numbered between its neighbours', async () => {
    const added = await as(EDITOR).addProvision({
      revision: DRAFT,
      heading: 'using-data-to-support-commissioning-of-services',
      text: 'Commissioners should use the data they hold to plan services.',
      expectedVersion: await versionOf(DRAFT),
    });
    expect(added.provisionKey).toBe('1.52A');
    const provisions = await provisionsInOrder(DRAFT);
    const at = provisions.findIndex((p) => p.key === '1.52A');
    expect(provisions.slice(at - 1, at + 2).map((p) => p.key)).toEqual(['1.52', '1.52A', '1.53']);
    expect(provisions[at]?.heading).toBe('using-data-to-support-commissioning-of-services');
  });

  it('adds a standard after the last one as S11, with its title', async () => {
    const added = await as(EDITOR).addProvision({
      revision: DRAFT,
      after: 'S10',
      kind: 'STANDARD',
      title: 'Standard 11: Working with unpaid carers',
      text: 'Statutory partners must involve unpaid carers in commissioning decisions.',
      expectedVersion: await versionOf(DRAFT),
    });
    expect(added.provisionKey).toBe('S11');
    const [standard] = await runner.read<{ labels: string[]; number: string; title: string }>('test.standard', 'MATCH (p:Provision {uid: $uid}) RETURN labels(p) AS labels, p.number AS number, p.title AS title', {
      uid: `${DRAFT}|S11`,
    });
    expect(standard).toEqual({ labels: ['Provision', 'Standard'], number: '11', title: 'Standard 11: Working with unpaid carers' });
  });

  it('refuses a place, key, kind or title that does not fit, before anything is written', async () => {
    const version = await versionOf(DRAFT);
    const refused = async (input: Partial<Parameters<EditingCommands['addProvision']>[0]>) =>
      ((await as(EDITOR).addProvision({ revision: DRAFT, text: 'Statutory partners must act.', expectedVersion: version, ...input }).catch((e: unknown) => e)) as Error).message;
    expect(await refused({})).toBe('Give input.after (the provision the new one follows, such as "1.53") or input.heading (such as "safeguarding") to say where it goes');
    expect(await refused({ after: '1.53', key: '1.54' })).toBe(`input.key: revision ${DRAFT} already has a provision "1.54"; leave input.key out to number it by the Code's scheme`);
    expect(await refused({ after: '9.99' })).toBe(`input.after: revision ${DRAFT} has no provision "9.99"; a valid key looks like "1.53"`);
    expect(await refused({ heading: 'no-such-heading' })).toBe(`input.heading: revision ${DRAFT} has no heading "no-such-heading"; a valid key looks like "pre-amble"`);
    expect(await refused({ after: '1.53', heading: 'safeguarding' })).toBe(
      'input.heading: provision 1.53 is under heading "providing-workforce-data-to-social-care-wales", not "safeguarding"; leave input.heading out or give "providing-workforce-data-to-social-care-wales"',
    );
    expect(await refused({ after: '1.53', key: 'P9', kind: 'CLAUSE' })).toBe("input.kind: the key P9 is a principle's, not a clause's; leave input.kind out or give PRINCIPLE");
    expect(await refused({ after: '1.53' })).toBe('input.key: no clause number is free between 1.53 and 1.53A; give input.key, or renumber the draft first (renumberProvisions)');
    expect(await refused({ after: '1.60', title: 'A title' })).toBe('input.title: clauses have no title; leave input.title out');
    expect(await refused({ after: 'S10', kind: 'STANDARD' })).toBe('input.title: a standard has a title, such as "Standard 11: Working with unpaid carers"');
    expect(await versionOf(DRAFT)).toBe(version);
  });

  it('gives a heading a new title and text, keeping its key', async () => {
    const updated = await as(EDITOR).updateHeading({ revision: DRAFT, key: 'brokerage', title: 'Brokerage and care finding', text: 'See also clause 1.53.', expectedVersion: await versionOf(DRAFT) });
    expect(updated.headingKey).toBe('brokerage');
    const [heading] = await runner.read<{ title: string; text: string }>('test.heading', 'MATCH (h:Heading {uid: $uid}) RETURN h.title AS title, h.text AS text', { uid: `${DRAFT}|brokerage` });
    expect(heading).toEqual({ title: 'Brokerage and care finding', text: 'See also clause 1.53.' });
  });

  it('removes a provision with its obligations, and the reading order closes up', async () => {
    const before = await provisionsInOrder(DRAFT);
    const [gone] = await obligationsOf(DRAFT, '1.54');
    const removed = await as(EDITOR).removeProvision({ revision: DRAFT, key: '1.54', expectedVersion: await versionOf(DRAFT) });
    expect(removed.obligations.map((o) => [o.key, o.lineage])).toEqual([['1.54/1', gone?.lineage]]);
    const after = await provisionsInOrder(DRAFT);
    expect(after.map((p) => p.key)).toEqual(before.map((p) => p.key).filter((key) => key !== '1.54'));
    expect(after.map((p) => p.order)).toEqual(after.map((_, i) => i + 1));
    expect([...(await lineagesByKey(DRAFT)).values()]).not.toContain(gone?.lineage);
  });

  const CITING =
    'As clauses 1.52A and 1.53A set out, commissioners must publish the workforce data they hold. ' +
    'This means providers should be told when it is published.';
  const offsetsOf = async (provision: string) => {
    const [row] = await runner.read<{
      text: string;
      modalStarts: number[];
      modalEnds: number[];
      obligations: { key: string; text: string; statement: string; trigger: string; triggerStart: number; triggerEnd: number; statementStart: number; statementEnd: number }[];
    }>(
      'test.offsets',
      `MATCH (p:Provision {uid: $revision + '|' + $provision})
       RETURN p.text AS text, p.uncountedModalStarts AS modalStarts, p.uncountedModalEnds AS modalEnds,
              [(o:Obligation)-[:STATED_IN]->(p) | o {.key, .text, .statement, .trigger, .triggerStart, .triggerEnd, .statementStart, .statementEnd}] AS obligations`,
      { revision: DRAFT, provision },
    );
    return row;
  };

  it('cites the inserted clauses 1.52A and 1.53A before a duty and a modal it does not count', async () => {
    await as(EDITOR).updateProvision({ revision: DRAFT, key: '1.70', text: CITING, expectedVersion: await versionOf(DRAFT) });
    expect(await offsetsOf('1.70')).toEqual({
      text: CITING,
      modalStarts: [114],
      modalEnds: [120],
      obligations: [
        {
          key: '1.70/1',
          text: 'As clauses 1.52A and 1.53A set out, commissioners must publish the workforce data they hold.',
          statement: 'As clauses 1.52A and 1.53A set out, commissioners must publish the workforce data they hold.',
          trigger: 'must',
          triggerStart: 50,
          triggerEnd: 54,
          statementStart: 0,
          statementEnd: 92,
        },
      ],
    });
  });

  it('renumbers in reading order: every obligation is found again by its lineage, and references follow', async () => {
    const before = await lineagesByKey(DRAFT);
    const provisionsBefore = await provisionsInOrder(DRAFT);
    const renumbered = await as(EDITOR).renumberProvisions({ revision: DRAFT, expectedVersion: await versionOf(DRAFT) });
    const moved = new Map(renumbered.renumbered.map((r) => [r.keyBefore, r.keyAfter]));
    // Two clauses were added (1.52A, 1.53A) and one removed (1.54): 1.52A to 1.53A move up, and from 1.55 on each moves up one.
    expect(moved.get('1.52A')).toBe('1.53');
    expect(moved.get('1.53')).toBe('1.54');
    expect(moved.get('1.53A')).toBe('1.55');
    expect(moved.get('1.55')).toBe('1.56');
    expect(moved.get('1.94')).toBe('1.95');
    expect(moved.has('1.52')).toBe(false);
    expect(moved.has('S11')).toBe(false);

    const after = await lineagesByKey(DRAFT);
    expect(after.size).toBe(before.size);
    const renumberedKey = (key: string): string => {
      const [provision, n] = key.split('/');
      return `${moved.get(provision ?? '') ?? provision}/${n}`;
    };
    for (const [key, lineage] of before) expect(after.get(renumberedKey(key))).toBe(lineage);

    const provisions = await provisionsInOrder(DRAFT);
    expect(provisions.map((p) => p.lineage)).toEqual(provisionsBefore.map((p) => p.lineage));
    const clauses = provisions.filter((p) => /^\d/.test(p.key)).map((p) => p.key);
    expect(clauses).toEqual(clauses.map((_, i) => `1.${i + 1}`));
    expect(provisions.every((p) => p.uid === `${DRAFT}|${p.key}` && (p.number === p.key || `S${p.number}` === p.key || `P${p.number}` === p.key))).toBe(true);
    const uids = await runner.read<{ uid: string }>('test.uids', 'MATCH (o:Obligation {revision: $revision}) RETURN o.uid AS uid, o.key AS key, o.provisionKey AS provisionKey', { revision: DRAFT });
    expect(uids.every((o) => !o.uid.includes('~'))).toBe(true);

    // "clause 1.53" in the heading's text and in the added clause follows 1.53 to its new key, 1.54.
    const [heading] = await runner.read<{ text: string }>('test.heading', 'MATCH (h:Heading {uid: $uid}) RETURN h.text AS text', { uid: `${DRAFT}|brokerage` });
    expect(heading?.text).toBe('See also clause 1.54.');
    const added = await obligationsOf(DRAFT, '1.55');
    expect(added.map((o) => o.lineage)).toEqual([before.get('1.53A/1'), before.get('1.53A/2')]);
    expect(added.map((o) => [o.key, o.modality, o.addressees])).toEqual([
      ['1.55/1', 'MUST', ['local-health-board']],
      ['1.55/2', 'SHOULD', ['provider']],
    ]);
    expect(added[1]?.text).toBe('Providers should share their vacancy data with Social Care Wales, as clause 1.54 asks of commissioners.');
    const [text] = await runner.read<{ text: string }>('test.text', 'MATCH (p:Provision {uid: $uid}) RETURN p.text AS text', { uid: `${DRAFT}|1.55` });
    expect(text?.text).toContain('as clause 1.54 asks of commissioners.');
  });

  it('moves the offsets after references that became shorter (1.52A → 1.53, 1.53A → 1.55), so they point at the same words', async () => {
    const after = await offsetsOf('1.71');
    const text = 'As clauses 1.53 and 1.55 set out, commissioners must publish the workforce data they hold. This means providers should be told when it is published.';
    const sentence = 'As clauses 1.53 and 1.55 set out, commissioners must publish the workforce data they hold.';
    expect(after).toEqual({
      text,
      modalStarts: [112],
      modalEnds: [118],
      obligations: [{ key: '1.71/1', text: sentence, statement: sentence, trigger: 'must', triggerStart: 48, triggerEnd: 52, statementStart: 0, statementEnd: 90 }],
    });
    const [obligation] = after?.obligations ?? [];
    expect(text.slice(obligation?.triggerStart, obligation?.triggerEnd)).toBe('must');
    expect(text.slice(obligation?.statementStart, obligation?.statementEnd)).toBe(obligation?.statement);
    expect(text.slice(after?.modalStarts[0], after?.modalEnds[0])).toBe('should');
  });

  it('renumbers again to no change', async () => {
    const renumbered = await as(EDITOR).renumberProvisions({ revision: DRAFT, expectedVersion: await versionOf(DRAFT) });
    expect(renumbered.renumbered).toEqual([]);
  });

  it('splits a clause in two: the duty that moves to the new clause keeps its lineage', async () => {
    // The clause of two duties made from 1.56 above, now 1.57 after the renumbering.
    const before = await obligationsOf(DRAFT, '1.57');
    expect(before.map((o) => o.modality)).toEqual(['SHOULD', 'MUST']);
    const split = await as(EDITOR).splitProvision({
      revision: DRAFT,
      key: '1.57',
      text: 'Commissioners should encourage providers to make use of the WeCare Wales portal to advertise vacancies within their organisations.',
      newText: 'Local authorities must publish the vacancies they fund each year.',
      expectedVersion: await versionOf(DRAFT),
    });
    expect(split).toMatchObject({ provisionKey: '1.57', newProvisionKey: '1.57A' });
    const kept = await obligationsOf(DRAFT, '1.57');
    const moved = await obligationsOf(DRAFT, '1.57A');
    expect(kept.map((o) => [o.key, o.lineage, o.modality])).toEqual([['1.57/1', before[0]?.lineage, 'SHOULD']]);
    expect(moved.map((o) => [o.key, o.lineage, o.modality, o.appliesTo])).toEqual([['1.57A/1', before[1]?.lineage, 'MUST', ['local-authority']]]);
    const provisions = await provisionsInOrder(DRAFT);
    const at = provisions.findIndex((p) => p.key === '1.57');
    expect(provisions.slice(at, at + 3).map((p) => p.key)).toEqual(['1.57', '1.57A', '1.58']);
    expect(provisions[at + 1]?.lineage).not.toBe(provisions[at]?.lineage);
  });
});

describe('published revisions', () => {
  it('never change: every command on the published Code answers REVISION_PUBLISHED and writes nothing', async () => {
    const commands = as(EDITOR);
    const attempts = [
      () => commands.updateProvision({ revision: '2024-09-01', key: '1.45', text: 'Statutory partners must act.', expectedVersion: 1 }),
      () => commands.updateObligation({ revision: '2024-09-01', lineage: 'ob_x', reason: 'try', expectedVersion: 1 }),
      () => commands.addProvision({ revision: '2024-09-01', after: '1.53', text: 'Statutory partners must act.', expectedVersion: 1 }),
      () => commands.removeProvision({ revision: '2024-09-01', key: '1.53', expectedVersion: 1 }),
      () => commands.splitProvision({ revision: '2024-09-01', key: '1.53', text: 'Commissioners must act.', newText: 'Providers should act.', expectedVersion: 1 }),
      () => commands.submitForReview({ revision: '2024-09-01', expectedVersion: 1 }),
      () => commands.addReviewComment({ revision: '2024-09-01', text: 'Too late.' }),
      () => commands.renumberProvisions({ revision: '2024-09-01', expectedVersion: 1 }),
      () => commands.updateHeading({ revision: '2024-09-01', key: 'brokerage', title: 'Brokerage', expectedVersion: 1 }),
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

describe("the reader's own words in a renumbered draft", () => {
  const EARLY = 'draft-2026-early-clause';
  const explanations = async (revision: string, key: string) =>
    runner.read<{ body: string; reason: string; explanation: string }>(
      'test.explanations',
      `MATCH (o:Obligation {uid: $revision + '|' + $key})-[a:APPLIES_TO]->(b:Body)
       RETURN b.key AS body, a.reason AS reason, a.explanation AS explanation ORDER BY b.key`,
      { revision, key },
    );

  it('cite the clauses as the draft numbers them when a provision is read again after the renumbering', async () => {
    await as(EDITOR).createDraft({ key: EARLY });
    const added = await as(EDITOR).addProvision({ revision: EARLY, after: '1.2', text: 'Commissioners should read this Code with the Act.', expectedVersion: await versionOf(EARLY) });
    expect(added.provisionKey).toBe('1.2A');
    const renumbered = await as(EDITOR).renumberProvisions({ revision: EARLY, expectedVersion: await versionOf(EARLY) });
    const moved = new Map(renumbered.renumbered.map((r) => [r.keyBefore, r.keyAfter]));
    expect(['1.2A', '1.3', '1.5', '1.9', '1.45'].map((key) => moved.get(key))).toEqual(['1.3', '1.4', '1.6', '1.10', '1.46']);

    // The 2024 clause 1.45 is now 1.46: its explanations as renumberProvisions rewrote them, then as a re-read of its text writes them.
    const in2024 = await explanations('2024-09-01', '1.45/1');
    const rewritten = await explanations(EARLY, '1.46/1');
    expect(rewritten.find((a) => a.body === 'local-authority')?.explanation).toMatch(/^One of the statutory partners named in the obligation \(clause 1\.4\)\./);
    expect(rewritten).not.toEqual(in2024);
    const [provision] = await runner.read<{ text: string }>('test.text', 'MATCH (p:Provision {uid: $uid}) RETURN p.text AS text', { uid: `${EARLY}|1.46` });
    await as(EDITOR).updateProvision({ revision: EARLY, key: '1.46', text: provision?.text ?? '', expectedVersion: await versionOf(EARLY) });
    expect(await explanations(EARLY, '1.46/1')).toEqual(rewritten);

    // An editor's correction of whom it binds is explained in the draft's numbers too.
    const [obligation] = await obligationsOf(EARLY, '1.46');
    await as(EDITOR).updateObligation({ revision: EARLY, lineage: obligation?.lineage ?? '', addressees: ['statutory-partners'], reason: 'As read.', expectedVersion: await versionOf(EARLY) });
    expect(await explanations(EARLY, '1.46/1')).toEqual(rewritten);
  });

  it("keeps an editor's correction of a sentence whose reference the renumbering rewrote, when the provision is read again", async () => {
    const sentence = (clause: string) => `Commissioners must follow clause ${clause} when they plan services.`;
    await as(EDITOR).updateProvision({ revision: EARLY, key: '1.61', text: sentence('1.10'), expectedVersion: await versionOf(EARLY) });
    const [read] = await obligationsOf(EARLY, '1.61');
    await as(EDITOR).updateObligation({ revision: EARLY, lineage: read?.lineage ?? '', addressees: ['local-authority'], reason: 'Only local authorities plan these services.', expectedVersion: await versionOf(EARLY) });
    // A second clause before it: 1.10 becomes 1.11, in the corrected sentence too.
    await as(EDITOR).addProvision({ revision: EARLY, after: '1.2', text: 'Commissioners should read this Code with the Act.', expectedVersion: await versionOf(EARLY) });
    const renumbered = await as(EDITOR).renumberProvisions({ revision: EARLY, expectedVersion: await versionOf(EARLY) });
    expect(['1.10', '1.61'].map((key) => renumbered.renumbered.find((r) => r.keyBefore === key)?.keyAfter)).toEqual(['1.11', '1.62']);
    const [stored] = await runner.read<{ text: string; correctedText: string }>('test.corrected', 'MATCH (o:Obligation {uid: $uid}) RETURN o.text AS text, o.correctedText AS correctedText', { uid: `${EARLY}|1.62/1` });
    expect(stored).toEqual({ text: sentence('1.11'), correctedText: sentence('1.11') });
    const updated = await as(EDITOR).updateProvision({ revision: EARLY, key: '1.62', text: `${sentence('1.11')} Providers should help.`, expectedVersion: await versionOf(EARLY) });
    expect(updated.after.map((o) => [o.key, o.lineage, o.addressees])).toEqual([
      ['1.62/1', read?.lineage, ['local-authority']],
      ['1.62/2', updated.after[1]?.lineage, ['provider']],
    ]);
    expect((await obligationsOf(EARLY, '1.62'))[0]).toMatchObject({ overridden: true, reason: 'Only local authorities plan these services.' });
    await as(EDITOR).discardDraft({ revision: EARLY, expectedVersion: await versionOf(EARLY) });
  });
});
