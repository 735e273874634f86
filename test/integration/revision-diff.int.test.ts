/**
 * revisionDiff over HTTP (schema/diff.graphql, resolvers/diff.ts): a draft of the Code in
 * force, prepared through the editing commands as an editor (clause 1.45 made "must", a duty
 * moved from the statutory partners to providers, a clause added after 1.53 and the draft
 * renumbered), compared with the published Code by a signed-in editor; the reverse diff; the
 * Code against itself; who may compare a draft; the refusals; and the Cypher statements a diff
 * costs (one per revision tree, none for a published tree read before).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../core/config.ts';
import type { Viewer } from '../../core/viewer.ts';
import { QueryRunner } from '../../db/run-query.ts';
import { editingCommands, type EditingCommands } from '../../editing/commands.ts';
import { forgetPublishedTrees } from '../../loaders/revision-tree.ts';
import { readerContext } from '../../reader/read-provision.ts';
import { seedCode } from '../../seed/index.ts';
import { loadCatalogue } from '../../seed/load-catalogue.ts';
import { outcomeOf as outcome, startSignedInApp, type GraphQLBody as Body, type SignedInApp } from '../support/signed-in-app.ts';
import { connectTestDatabase, type TestDatabase } from '../support/test-neo4j.ts';

const PUBLISHED = '2024-09-01';
const DRAFT = 'draft-diff-review';
const EDITOR: Viewer = { subject: 'sub-edith', name: 'Edith Editor', roles: ['editor'], issuer: 'test' };
const STRONGER_145 = 'Statutory partners must be able to demonstrate that their commissioning practices are undertaken in line with this Code.';
const NEW_DUTY = 'Local health boards must publish their workforce plans each year.';

let db: TestDatabase;
let runner: QueryRunner;
let signedIn: SignedInApp;
/** The signed-in editor, by username. */
const editor = 'edith';
/** The clause whose one duty is moved from the statutory partners to providers, and that duty's key. */
let movedClause: string;
let movedDuty: string;

const ask = (who: string | null, query: string, variables: Record<string, unknown> = {}): Promise<Body> => signedIn.ask(who, query, variables);

/** The names of the statements a request ran (the debug extension, DEBUG_QUERIES). */
const statementsOf = (body: Body): string[] => body.extensions?.queries?.statements ?? [];

interface Summary {
  provisions: Record<string, number>;
  obligations: Record<string, number>;
}
interface Entry {
  lineage: string;
  change: string;
  keyBefore: string | null;
  keyAfter: string | null;
  renumbered: boolean;
}
interface ObligationEntry extends Entry {
  modality: { before: string | null; after: string | null; direction: string | null };
  force: { before: string | null; after: string | null } | null;
  addresseesAdded: { key: string }[];
  addresseesRemoved: { key: string }[];
  addresseeKeysAdded: string[];
  addresseeKeysRemoved: string[];
  bindsNow: { body: { key: string }; reason: string }[];
  bindsNoLonger: { body: { key: string }; reason: string }[];
  moved: boolean;
  textChanged: boolean;
  hunks: { kind: string; text: string }[];
  before: { key: string; modality: string; revision: { key: string } } | null;
  after: { key: string; modality: string; revision: { key: string } } | null;
}
interface Diff {
  from: { key: string };
  to: { key: string };
  summary: Summary;
  provisions: Entry[];
  obligations: ObligationEntry[];
  impact: Record<'newlyBinding' | 'noLongerBinding' | 'strengthened' | 'weakened' | 'reversed' | 'otherwiseChanged', { keyBefore: string | null; keyAfter: string | null }[]>;
}

const SUMMARY = `summary {
  provisions { added removed renumbered textChanged unchanged }
  obligations { added removed changed unchanged renumbered moved strengthened weakened reversed forceChanged }
}`;
const FULL = `query ($from: String!, $to: String!) {
  revisionDiff(from: $from, to: $to) {
    from { key } to { key }
    ${SUMMARY}
    provisions { lineage change keyBefore keyAfter renumbered }
    obligations {
      lineage change keyBefore keyAfter renumbered moved textChanged
      modality { before after direction } force { before after }
      addresseesAdded { key } addresseesRemoved { key } addresseeKeysAdded addresseeKeysRemoved
      bindsNow { body { key } reason } bindsNoLonger { body { key } reason }
      hunks { kind text }
      before { key modality revision { key } } after { key modality revision { key } }
    }
    impact(body: "local-health-board") {
      newlyBinding { keyBefore keyAfter } noLongerBinding { keyBefore keyAfter } strengthened { keyBefore keyAfter }
      weakened { keyBefore keyAfter } reversed { keyBefore keyAfter } otherwiseChanged { keyBefore keyAfter }
    }
  }
}`;

async function diffOf(from: string, to: string): Promise<Diff> {
  const body = await ask(editor, FULL, { from, to });
  expect(body.errors).toBeUndefined();
  return body.data?.['revisionDiff'] as Diff;
}

const byKeyBefore = (diff: Diff, key: string): ObligationEntry | undefined => diff.obligations.find((o) => o.keyBefore === key);
const keysOf = (entries: readonly { keyBefore: string | null; keyAfter: string | null }[]): string[] => entries.map((e) => `${e.keyBefore ?? '-'}→${e.keyAfter ?? '-'}`);

/** The published clauses after 1.53, which the renumbering moves up by one (1.54 becomes 1.55, ...), and how many obligations they state. */
let clausesAfter153: string[];
let obligationsAfter153: number;

beforeAll(async () => {
  db = connectTestDatabase();
  runner = new QueryRunner(db);
  await runner.write('test.reset', 'MATCH (n) DETACH DELETE n');
  await seedCode(db);
  signedIn = await startSignedInApp(db, [{ username: editor, displayName: 'Edith Editor', roles: ['editor'] }], { debugQueries: true, revisionCacheMs: 0 });

  // The first clause before 1.53 whose one obligation names the statutory partners alone, as
  // the subject of "Statutory partners must ..." (read by the reader, not overridden).
  const [candidate] = await runner.read<{ clause: string; duty: string }>(
    'test.statutoryPartnersDuty',
    `MATCH (c153:Clause {uid: $revision + '|1.53'})
     MATCH (o:Obligation {revision: $revision})-[:ADDRESSES]->(:Body {key: 'statutory-partners'})
     MATCH (o)-[:STATED_IN]->(p:Clause)
     WHERE p.order < c153.order
       AND COUNT { (o)-[:ADDRESSES]->() } = 1 AND COUNT { (p)<-[:STATED_IN]-() } = 1
       AND NOT coalesce(o.fromOverride, false) AND o.text STARTS WITH 'Statutory partners must ' AND NOT p.text CONTAINS '[^'
     RETURN p.key AS clause, o.key AS duty ORDER BY p.order LIMIT 1`,
    { revision: PUBLISHED },
  );
  if (candidate === undefined) throw new Error('the seeded Code has no clause with one duty of the statutory partners');
  movedClause = candidate.clause;
  movedDuty = candidate.duty;
  clausesAfter153 = (
    await runner.read<{ key: string }>(
      'test.clausesAfter153',
      `MATCH (c153:Clause {uid: $revision + '|1.53'}) MATCH (p:Clause {revision: $revision}) WHERE p.order > c153.order RETURN p.key AS key ORDER BY p.order`,
      { revision: PUBLISHED },
    )
  ).map((row) => row.key);
  const [counted] = await runner.read<{ n: number }>('test.obligationsAfter153', 'MATCH (o:Obligation {revision: $revision}) WHERE o.provisionKey IN $clauses RETURN count(o) AS n', {
    revision: PUBLISHED,
    clauses: clausesAfter153,
  });
  obligationsAfter153 = counted?.n ?? 0;

  // The draft, through the commands the mutations call.
  const reader = readerContext(loadCatalogue(path.join(PROJECT_ROOT, 'seed/data/catalogue.json')));
  const edit: EditingCommands = editingCommands({ runner, viewer: EDITOR, requestId: 'test-diff', reader });
  await edit.createDraft({ key: DRAFT, from: PUBLISHED });
  let version = (await edit.updateProvision({ revision: DRAFT, key: '1.45', text: STRONGER_145, expectedVersion: 1 })).version;
  const [clause] = await runner.read<{ text: string }>('test.clauseText', 'MATCH (p:Provision {uid: $uid}) RETURN p.text AS text', { uid: `${DRAFT}|${movedClause}` });
  const moved = await edit.updateProvision({
    revision: DRAFT,
    key: movedClause,
    text: (clause?.text ?? '').replace('Statutory partners must ', 'Providers must '),
    expectedVersion: version,
  });
  version = moved.version;
  // What the reader read from the new subject: the same duty (same lineage), now naming providers.
  expect(moved.after.map((o) => ({ key: o.key, lineage: o.lineage, modality: o.modality, addressees: o.addressees }))).toEqual([
    { key: movedDuty, lineage: moved.before[0]?.lineage, modality: 'MUST', addressees: ['provider'] },
  ]);
  version = (await edit.addProvision({ revision: DRAFT, after: '1.53', text: NEW_DUTY, expectedVersion: version })).version;
  await edit.renumberProvisions({ revision: DRAFT, expectedVersion: version });
}, 180_000);

afterAll(async () => {
  await signedIn.stop();
  await db.close();
});

describe('revisionDiff of the published Code to an edited draft', () => {
  let diff: Diff;
  beforeAll(async () => {
    diff = await diffOf(PUBLISHED, DRAFT);
  });

  it('counts what changed: one clause added, 41 renumbered, two reworded, one duty strengthened', () => {
    // The seeded Code: clauses 1.54 to 1.94 follow 1.53, stating 37 obligations between them.
    expect(clausesAfter153).toHaveLength(41);
    expect(obligationsAfter153).toBe(37);
    expect({ movedClause, movedDuty }).toEqual({ movedClause: '1.4', movedDuty: '1.4/1' });
    expect(diff.from).toEqual({ key: PUBLISHED });
    expect(diff.to).toEqual({ key: DRAFT });
    expect(diff.summary).toEqual({
      provisions: { added: 1, removed: 0, renumbered: 41, textChanged: 2, unchanged: 68 },
      obligations: { added: 1, removed: 0, changed: 2, unchanged: 102, renumbered: 37, moved: 0, strengthened: 1, weakened: 0, reversed: 0, forceChanged: 1 },
    });
  });

  it('shows the renumbered clauses as RENUMBERED, not removed and added, and their obligations UNCHANGED with renumbered: true', () => {
    const renumbered = diff.provisions.filter((p) => p.change === 'RENUMBERED');
    expect(renumbered.map((p) => p.keyBefore)).toEqual(clausesAfter153);
    expect(renumbered.slice(0, 2).map((p) => `${p.keyBefore}→${p.keyAfter}`)).toEqual(['1.54→1.55', '1.55→1.56']);
    expect(renumbered.at(-1)).toMatchObject({ keyBefore: '1.94', keyAfter: '1.95', renumbered: true });
    expect(diff.provisions.filter((p) => p.change === 'REMOVED')).toEqual([]);
    expect(diff.provisions.filter((p) => p.change === 'ADDED').map((p) => p.keyAfter)).toEqual(['1.54']);

    const ofRenumbered = diff.obligations.filter((o) => clausesAfter153.includes(o.keyBefore?.split('/')[0] ?? ''));
    expect(ofRenumbered).toHaveLength(37);
    for (const o of ofRenumbered) {
      expect(o).toMatchObject({ change: 'UNCHANGED', renumbered: true, moved: false, textChanged: false });
      const [clauseKey, n] = (o.keyBefore ?? '').split('/');
      expect(o.keyAfter).toBe(`${(Number(clauseKey) + 0.01).toFixed(2)}/${n}`);
    }
    expect(byKeyBefore(diff, '1.54/1')).toMatchObject({ keyAfter: '1.55/1', change: 'UNCHANGED', renumbered: true, before: { key: '1.54/1', revision: { key: PUBLISHED } }, after: { key: '1.55/1', revision: { key: DRAFT } } });
  });

  it('shows 1.45/1 strengthened: SHOULD to MUST, GUIDELINE to REQUIREMENT, with the changed word', () => {
    expect(byKeyBefore(diff, '1.45/1')).toMatchObject({
      keyAfter: '1.45/1',
      change: 'CHANGED',
      renumbered: false,
      moved: false,
      textChanged: true,
      modality: { before: 'SHOULD', after: 'MUST', direction: 'STRENGTHENED' },
      force: { before: 'GUIDELINE', after: 'REQUIREMENT' },
      addresseesAdded: [],
      addresseesRemoved: [],
      bindsNow: [],
      bindsNoLonger: [],
      hunks: [
        { kind: 'SAME', text: 'Statutory partners ' },
        { kind: 'REMOVED', text: 'should' },
        { kind: 'ADDED', text: 'must' },
        { kind: 'SAME', text: ' be able to demonstrate that their commissioning practices are undertaken in line with this Code.' },
      ],
      before: { key: '1.45/1', modality: 'SHOULD', revision: { key: PUBLISHED } },
      after: { key: '1.45/1', modality: 'MUST', revision: { key: DRAFT } },
    });
  });

  it('shows the duty moved from the statutory partners to providers: no longer binding them, binding providers now', () => {
    expect(byKeyBefore(diff, movedDuty)).toMatchObject({
      keyAfter: movedDuty,
      change: 'CHANGED',
      moved: false,
      modality: { before: 'MUST', after: 'MUST', direction: 'SAME' },
      force: null,
      addresseesAdded: [{ key: 'provider' }],
      addresseesRemoved: [{ key: 'statutory-partners' }],
      addresseeKeysAdded: ['provider'],
      addresseeKeysRemoved: ['statutory-partners'],
      bindsNow: [{ body: { key: 'provider' }, reason: 'THROUGH_CONTRACTS' }],
      bindsNoLonger: [
        { body: { key: 'local-authority' }, reason: 'MEMBER_OF_NAMED_GROUP' },
        { body: { key: 'local-health-board' }, reason: 'MEMBER_OF_NAMED_GROUP' },
        { body: { key: 'nhs-trust' }, reason: 'MEMBER_OF_NAMED_GROUP' },
      ],
    });
  });

  it('shows the new clause\'s duty ADDED, binding local health boards', () => {
    expect(diff.obligations.filter((o) => o.change === 'ADDED')).toMatchObject([
      { keyBefore: null, keyAfter: '1.54/1', before: null, after: { key: '1.54/1', modality: 'MUST' }, bindsNow: [{ body: { key: 'local-health-board' }, reason: 'NAMED' }] },
    ]);
  });

  it('tells a local health board what changes for it', () => {
    expect({
      newlyBinding: keysOf(diff.impact.newlyBinding),
      noLongerBinding: keysOf(diff.impact.noLongerBinding),
      strengthened: keysOf(diff.impact.strengthened),
      weakened: keysOf(diff.impact.weakened),
      reversed: keysOf(diff.impact.reversed),
      otherwiseChanged: keysOf(diff.impact.otherwiseChanged),
    }).toEqual({ newlyBinding: ['-→1.54/1'], noLongerBinding: [`${movedDuty}→${movedDuty}`], strengthened: ['1.45/1→1.45/1'], weakened: [], reversed: [], otherwiseChanged: [] });
  });

  it('filters entries by the kind of change', async () => {
    const body = await ask(
      editor,
      `{ revisionDiff(from: "${PUBLISHED}", to: "${DRAFT}") { provisions(change: [ADDED, TEXT_CHANGED]) { change keyAfter } obligations(change: [ADDED, CHANGED]) { change keyAfter } } }`,
    );
    expect(body.data?.['revisionDiff']).toEqual({
      provisions: diff.provisions.filter((p) => p.change === 'ADDED' || p.change === 'TEXT_CHANGED').map((p) => ({ change: p.change, keyAfter: p.keyAfter })),
      obligations: diff.obligations.filter((o) => o.change === 'ADDED' || o.change === 'CHANGED').map((o) => ({ change: o.change, keyAfter: o.keyAfter })),
    });
    expect(body.data?.['revisionDiff']).toMatchObject({ provisions: [{ change: 'TEXT_CHANGED' }, { change: 'TEXT_CHANGED' }, { change: 'ADDED' }] });
  });

  it('inverts when turned round: ADDED becomes REMOVED, STRENGTHENED becomes WEAKENED', async () => {
    const reverse = await diffOf(DRAFT, PUBLISHED);
    expect(reverse.summary).toEqual({
      provisions: { ...diff.summary.provisions, added: diff.summary.provisions['removed'], removed: diff.summary.provisions['added'] },
      obligations: {
        ...diff.summary.obligations,
        added: diff.summary.obligations['removed'],
        removed: diff.summary.obligations['added'],
        strengthened: diff.summary.obligations['weakened'],
        weakened: diff.summary.obligations['strengthened'],
      },
    });
    expect(reverse.provisions.filter((p) => p.change === 'REMOVED').map((p) => `${p.keyBefore}→${p.keyAfter}`)).toEqual(['1.54→null']);
    expect(reverse.obligations.find((o) => o.keyBefore === '1.54/1')).toMatchObject({ change: 'REMOVED', keyAfter: null, bindsNoLonger: [{ body: { key: 'local-health-board' }, reason: 'NAMED' }] });
    expect(reverse.obligations.find((o) => o.keyBefore === '1.45/1')).toMatchObject({
      change: 'CHANGED',
      modality: { before: 'MUST', after: 'SHOULD', direction: 'WEAKENED' },
      force: { before: 'REQUIREMENT', after: 'GUIDELINE' },
    });
    expect(reverse.obligations.find((o) => o.keyBefore === '1.55/1')).toMatchObject({ keyAfter: '1.54/1', change: 'UNCHANGED', renumbered: true });
    expect(reverse.impact).toEqual({
      newlyBinding: [{ keyBefore: movedDuty, keyAfter: movedDuty }],
      noLongerBinding: [{ keyBefore: '1.54/1', keyAfter: null }],
      strengthened: [],
      weakened: [{ keyBefore: '1.45/1', keyAfter: '1.45/1' }],
      reversed: [],
      otherwiseChanged: [],
    });
    // Entry for entry the same lineages, each turned round.
    expect(new Set(reverse.obligations.map((o) => o.lineage))).toEqual(new Set(diff.obligations.map((o) => o.lineage)));
  });
});

describe('the README\'s example', () => {
  it('answers "What changes for a local health board?" within the limits', async () => {
    const readme = readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
    const example = /```graphql\n(# What changes for a local health board[^`]*)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const body = await ask(editor, (example ?? '').replace('draft-2026-review', DRAFT));
    expect(body.errors).toBeUndefined();
    expect(body.data?.['revisionDiff']).toMatchObject({
      summary: { obligations: { added: 1, removed: 0, changed: 2, strengthened: 1, weakened: 0 } },
      impact: {
        newlyBinding: [{ keyAfter: '1.54/1', textAfter: NEW_DUTY }],
        noLongerBinding: [{ keyBefore: movedDuty }],
        strengthened: [{ keyAfter: '1.45/1', modality: { before: 'SHOULD', after: 'MUST' }, force: { before: 'GUIDELINE', after: 'REQUIREMENT' } }],
        weakened: [],
        otherwiseChanged: [],
      },
    });
  });
});

describe('revisionDiff of the published Code to itself', () => {
  it('is all UNCHANGED', async () => {
    const same = await diffOf(PUBLISHED, PUBLISHED);
    expect(same.summary).toEqual({
      provisions: { added: 0, removed: 0, renumbered: 0, textChanged: 0, unchanged: 111 },
      obligations: { added: 0, removed: 0, changed: 0, unchanged: 104, renumbered: 0, moved: 0, strengthened: 0, weakened: 0, reversed: 0, forceChanged: 0 },
    });
    expect(new Set(same.provisions.map((p) => p.change))).toEqual(new Set(['UNCHANGED']));
    expect(new Set(same.obligations.map((o) => o.change))).toEqual(new Set(['UNCHANGED']));
    expect(same.impact).toEqual({ newlyBinding: [], noLongerBinding: [], strengthened: [], weakened: [], reversed: [], otherwiseChanged: [] });
  });
});

describe('who may compare what', () => {
  const SUMMARY_ONLY = `query ($from: String!, $to: String!) { revisionDiff(from: $from, to: $to) { summary { obligations { changed } } } }`;

  it('answers NOT_FOUND for a draft to anyone not signed in, either way round', async () => {
    for (const variables of [
      { from: PUBLISHED, to: DRAFT },
      { from: DRAFT, to: PUBLISHED },
    ]) {
      const body = await ask(null, SUMMARY_ONLY, variables);
      expect(body).toMatchObject({ data: { revisionDiff: null }, errors: [{ message: `No revision of the Code has the key "${DRAFT}"; a valid key looks like "2024-09-01"`, extensions: { code: 'NOT_FOUND' } }] });
    }
    expect(outcome(await ask(null, SUMMARY_ONLY, { from: PUBLISHED, to: PUBLISHED }))).toBe('OK');
  });

  it('refuses a revision whose text the graph does not hold with BAD_USER_INPUT naming the argument', async () => {
    const body = await ask(editor, SUMMARY_ONLY, { from: 'draft-2024-03-19', to: PUBLISHED });
    expect(body.data).toEqual({ revisionDiff: null });
    expect(body.errors?.map(({ message, path, extensions }) => ({ message, path, extensions }))).toEqual([
      {
        message: 'from: revision draft-2024-03-19 has no text in the graph to compare; give a revision with text, such as "2024-09-01"',
        path: ['revisionDiff'],
        extensions: { code: 'BAD_USER_INPUT', argument: 'from' },
      },
    ]);
  });

  it('answers NOT_FOUND for an unknown revision, with a valid key', async () => {
    const body = await ask(editor, SUMMARY_ONLY, { from: PUBLISHED, to: '2099-01-01' });
    expect(body.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([['NOT_FOUND', 'No revision of the Code has the key "2099-01-01"; a valid key looks like "2024-09-01"']]);
  });

  it('answers NOT_FOUND for an unknown body, and BAD_USER_INPUT naming the members for a group', async () => {
    const impactOn = (key: string) => ask(null, `{ revisionDiff(from: "${PUBLISHED}", to: "${PUBLISHED}") { impact(body: "${key}") { body { key } } } }`);
    const unknown = await impactOn('health-boards');
    expect(unknown.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([['NOT_FOUND', 'No body has the key "health-boards"; a valid key looks like "local-health-board"']]);
    const group = await impactOn('statutory-partners');
    expect(group.errors?.map((e) => [e.extensions?.code, e.extensions?.argument, e.message])).toEqual([
      [
        'BAD_USER_INPUT',
        'body',
        'body: statutory-partners is a group, and obligations bind its members one by one; ask for each of them: "local-authority", "local-health-board", "nhs-trust"',
      ],
    ]);
    expect((await impactOn('local-health-board')).data).toEqual({ revisionDiff: { impact: { body: { key: 'local-health-board' } } } });
  });
});

describe('the Cypher a diff costs', () => {
  it('reads each revision tree in one statement, and a published tree read before in none', async () => {
    forgetPublishedTrees();
    const query = `query ($from: String!, $to: String!) { revisionDiff(from: $from, to: $to) { ${SUMMARY} } }`;
    const cold = await ask(editor, query, { from: PUBLISHED, to: DRAFT });
    expect(cold.errors).toBeUndefined();
    expect(statementsOf(cold)).toEqual(['allRevisions', 'revisionTree', 'revisionTree']);
    // The published tree is now cached; the draft is read again, since it may have changed.
    const warm = await ask(editor, query, { from: PUBLISHED, to: DRAFT });
    expect(warm.data).toEqual(cold.data);
    expect(statementsOf(warm)).toEqual(['allRevisions', 'revisionTree']);
    expect(statementsOf(await ask(null, query, { from: PUBLISHED, to: PUBLISHED }))).toEqual(['allRevisions']);
  });

  it('loads the obligations on both sides and the bodies in one batch each, however many entries ask', async () => {
    const body = await ask(
      editor,
      `{ revisionDiff(from: "${PUBLISHED}", to: "${DRAFT}") { obligations { before { key } after { key } addresseesAdded { key } bindsNow { body { key } } } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(statementsOf(body)).toEqual(['allRevisions', 'revisionTree', 'obligationsByUid', 'bodiesByKey']);
  });
});
