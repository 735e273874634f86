/**
 * The editors' write path over HTTP, signed in through the real embedded OpenID provider:
 * every mutation field refuses anonymous callers and accounts without the editor role and
 * does its work for an editor (walking the schema, so a new mutation without a rule here
 * fails this test); drafts are seen by editors only; an edit re-read by the reader keeps the
 * obligation's lineage; and the published Code's hash never changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revisionHash } from '../../db/revision-hash.ts';
import { QueryRunner } from '../../db/run-query.ts';
import { seedCode } from '../../seed/index.ts';
import { buildSchema } from '../../server/schema.ts';
import { outcomeOf as outcome, startSignedInApp, type GraphQLBody as Body, type SignedInApp } from '../support/signed-in-app.ts';
import { connectTestDatabase, type TestDatabase } from '../support/test-neo4j.ts';

const DRAFT = 'draft-http-review';
/** The accounts, by username: an editor and an account with no role. */
const editor = 'edith';
const readerOnly = 'rhys';

let db: TestDatabase;
let runner: QueryRunner;
let signedIn: SignedInApp;
let published: string;

const ask = (who: string | null, query: string, variables: Record<string, unknown> = {}): Promise<Body> => signedIn.ask(who, query, variables);

/** The id of the review comment made last (the walk's addReviewComment). */
const latestComment = async (): Promise<string> =>
  (await runner.read<{ id: string }>('test.comment', 'MATCH (c:ReviewComment) WHERE c.replyTo IS NULL RETURN c.id AS id ORDER BY c.createdAt DESC LIMIT 1'))[0]?.id ?? 'rc_none';

const versionOf = async (revision: string): Promise<number> =>
  (await runner.read<{ version: number }>('test.version', 'MATCH (r:Revision {key: $revision}) RETURN r.version AS version', { revision }))[0]?.version ?? 0;

beforeAll(async () => {
  db = connectTestDatabase();
  runner = new QueryRunner(db);
  await runner.write('test.reset', 'MATCH (n) DETACH DELETE n');
  await seedCode(db);
  signedIn = await startSignedInApp(db, [
    { username: editor, displayName: 'Edith Editor', roles: ['editor'] },
    { username: readerOnly, displayName: 'Rhys Reader', roles: [] },
  ]);
  published = await revisionHash(runner, '2024-09-01');
}, 180_000);

afterAll(async () => {
  await signedIn.stop();
  await db.close();
});

/**
 * One example call per mutation field, and what an editor gets from it. A mutation added to
 * the schema without an entry here fails the matrix below.
 */
const EXAMPLES: Record<string, { call: () => Promise<string>; editor: string }> = {
  createDraft: { call: () => Promise.resolve(`createDraft(input: { key: "${DRAFT}" }) { revision { key } }`), editor: 'OK' },
  updateProvision: {
    call: async () =>
      `updateProvision(input: { revision: "${DRAFT}", key: "1.45", expectedVersion: ${await versionOf(DRAFT)}, text: "Statutory partners must be able to demonstrate that their commissioning practices are undertaken in line with this Code." }) { version }`,
    editor: 'OK',
  },
  updateObligation: {
    call: async () => {
      const [row] = await runner.read<{ lineage: string }>('test.lineage', 'MATCH (o:Obligation {uid: $uid}) RETURN o.lineage AS lineage', { uid: `${DRAFT}|1.56/1` });
      return `updateObligation(input: { revision: "${DRAFT}", lineage: "${row?.lineage ?? 'none'}", addressees: ["local-authority"], reason: "Only local authorities advertise these vacancies.", expectedVersion: ${await versionOf(DRAFT)} }) { version }`;
    },
    editor: 'OK',
  },
  addProvision: {
    call: async () =>
      `addProvision(input: { revision: "${DRAFT}", after: "1.60", expectedVersion: ${await versionOf(DRAFT)}, text: "Local health boards must publish their workforce plans each year." }) { provision { key } }`,
    editor: 'OK',
  },
  splitProvision: {
    call: async () =>
      `splitProvision(input: { revision: "${DRAFT}", key: "1.56", expectedVersion: ${await versionOf(DRAFT)}, text: "Commissioners should encourage providers to use the WeCare Wales portal.", newText: "Providers should advertise their vacancies there." }) { newProvision { key } }`,
    editor: 'OK',
  },
  updateHeading: {
    call: async () => `updateHeading(input: { revision: "${DRAFT}", key: "brokerage", title: "Brokerage and care finding", expectedVersion: ${await versionOf(DRAFT)} }) { heading { title } }`,
    editor: 'OK',
  },
  removeProvision: {
    call: async () => `removeProvision(input: { revision: "${DRAFT}", key: "1.60A", expectedVersion: ${await versionOf(DRAFT)} }) { removedProvision }`,
    editor: 'OK',
  },
  renumberProvisions: {
    call: async () => `renumberProvisions(input: { revision: "${DRAFT}", expectedVersion: ${await versionOf(DRAFT)} }) { renumbered { keyBefore keyAfter } }`,
    editor: 'OK',
  },
  addReviewComment: {
    call: () => Promise.resolve(`addReviewComment(input: { revision: "${DRAFT}", provision: "1.45", text: "Say which commissioning practices are meant." }) { comment { id status } }`),
    editor: 'OK',
  },
  answerReviewComment: {
    call: async () => `answerReviewComment(input: { comment: "${await latestComment()}", text: "All of them: the clause says so now." }) { comment { status } }`,
    editor: 'OK',
  },
  resolveReviewComment: { call: async () => `resolveReviewComment(input: { comment: "${await latestComment()}" }) { comment { status } }`, editor: 'OK' },
  submitForReview: { call: async () => `submitForReview(input: { revision: "${DRAFT}", expectedVersion: ${await versionOf(DRAFT)} }) { version }`, editor: 'OK' },
  requestChanges: {
    call: async () => `requestChanges(input: { revision: "${DRAFT}", expectedVersion: ${await versionOf(DRAFT)}, comment: "Check clause 1.45." }) { version }`,
    editor: 'FORBIDDEN',
  },
  approve: { call: async () => `approve(input: { revision: "${DRAFT}", expectedVersion: ${await versionOf(DRAFT)} }) { version }`, editor: 'FORBIDDEN' },
  publishRevision: { call: async () => `publishRevision(input: { revision: "${DRAFT}", expectedVersion: ${await versionOf(DRAFT)} }) { version }`, editor: 'FORBIDDEN' },
  recordLegalEvent: { call: () => Promise.resolve('recordLegalEvent(input: { revision: "2024-09-01", event: LAID, on: "2024-06-11" }) { event { sequence } }'), editor: 'FORBIDDEN' },
  discardDraft: { call: async () => `discardDraft(input: { revision: "${DRAFT}", expectedVersion: ${await versionOf(DRAFT)} }) { discardedRevision }`, editor: 'OK' },
};


describe('every mutation field', () => {
  it('has a rule in this test', () => {
    const fields = Object.keys(buildSchema().getMutationType()?.getFields() ?? {});
    expect(fields.sort()).toEqual(Object.keys(EXAMPLES).sort());
  });

  it('refuses anonymous callers with UNAUTHENTICATED and accounts without the editor role with FORBIDDEN, and works for an editor', async () => {
    const seen: Record<string, string[]> = {};
    for (const [field, example] of Object.entries(EXAMPLES)) {
      const mutation = `mutation { ${await example.call()} }`;
      seen[field] = [outcome(await ask(null, mutation)), outcome(await ask(readerOnly, mutation)), outcome(await ask(editor, mutation))];
    }
    expect(seen).toEqual(Object.fromEntries(Object.entries(EXAMPLES).map(([field, example]) => [field, ['UNAUTHENTICATED', 'FORBIDDEN', example.editor]])));
    const refused = await runner.read<{ action: string; result: string }>(
      'test.refusals',
      "MATCH (e:AuditEvent) WHERE e.result IN ['UNAUTHENTICATED', 'FORBIDDEN'] RETURN e.action AS action, e.result AS result ORDER BY e.sequence",
    );
    expect(refused.map((e) => `${e.action} ${e.result}`)).toEqual(
      Object.entries(EXAMPLES).flatMap(([field, example]) => [`${field} UNAUTHENTICATED`, `${field} FORBIDDEN`, ...(example.editor === 'FORBIDDEN' ? [`${field} FORBIDDEN`] : [])]),
    );
    expect(await revisionHash(runner, '2024-09-01')).toBe(published);
  });
});

describe('a draft over HTTP', () => {
  it('is seen by a signed-in editor only, and an edit keeps the lineage while the modality changes', async () => {
    const created = await ask(editor, `mutation { createDraft(input: { key: "${DRAFT}" }) { revision { key version editorialState createdBy copiedFrom { key } } } }`);
    expect(created).toMatchObject({ data: { createDraft: { revision: { key: DRAFT, version: 1, editorialState: 'DRAFTING', createdBy: 'Edith Editor', copiedFrom: { key: '2024-09-01' } } } } });

    const query = `query ($revision: String) { obligation(key: "1.45/1", revision: $revision) { key lineage modality force } }`;
    expect(outcome(await ask(null, query, { revision: DRAFT }))).toBe('NOT_FOUND');
    expect(outcome(await ask(readerOnly, query, { revision: DRAFT }))).toBe('NOT_FOUND');
    const inPublished = (await ask(null, query, { revision: '2024-09-01' })).data?.['obligation'] as { lineage: string };
    expect((await ask(editor, query, { revision: DRAFT })).data?.['obligation']).toEqual({ key: '1.45/1', lineage: inPublished.lineage, modality: 'SHOULD', force: 'GUIDELINE' });

    const edited = await ask(
      editor,
      `mutation ($text: String!) { updateProvision(input: { revision: "${DRAFT}", key: "1.45", expectedVersion: 1, text: $text }) {
         version obligationsBefore { key lineage modality } obligations { key lineage modality force } } }`,
      { text: 'Statutory partners must be able to demonstrate that their commissioning practices are undertaken in line with this Code.' },
    );
    expect(edited).toMatchObject({
      data: {
        updateProvision: {
          version: 2,
          obligationsBefore: [{ key: '1.45/1', lineage: inPublished.lineage, modality: 'SHOULD' }],
          obligations: [{ key: '1.45/1', lineage: inPublished.lineage, modality: 'MUST', force: 'REQUIREMENT' }],
        },
      },
    });
    expect((await ask(null, query, { revision: '2024-09-01' })).data?.['obligation']).toEqual({ key: '1.45/1', lineage: inPublished.lineage, modality: 'SHOULD', force: 'GUIDELINE' });
    expect(await revisionHash(runner, '2024-09-01')).toBe(published);
  });
});

describe('the structure of a draft over HTTP', () => {
  const DUTIES = 'Local health boards must publish their workforce plans each year. Providers should share their vacancy data with Social Care Wales.';
  const ALL = `query ($revision: String, $lineage: [ID!]) {
    obligations(revision: $revision, filter: { lineage: $lineage }, first: 100) { totalCount nodes { key lineage modality addressees { key } appliesTo { body { key } reason } } }
  }`;
  type Found = { totalCount: number; nodes: { key: string; lineage: string; modality: string; addressees: { key: string }[]; appliesTo: { body: { key: string }; reason: string }[] }[] };
  const found = (body: Body): Found => body.data?.['obligations'] as Found;

  it('adds a clause with two duties, renumbers, and finds every obligation again by its lineage', async () => {
    const draft = 'draft-http-structure';
    expect(outcome(await ask(editor, `mutation { createDraft(input: { key: "${draft}" }) { revision { key } } }`))).toBe('OK');
    const added = await ask(
      editor,
      `mutation ($text: String!) { addProvision(input: { revision: "${draft}", after: "1.53", expectedVersion: 1, text: $text }) {
         version provision { key lineage } obligations { key lineage modality force addressees { key } appliesTo { body { key } reason } } } }`,
      { text: DUTIES },
    );
    expect(added).toMatchObject({
      data: {
        addProvision: {
          version: 2,
          provision: { key: '1.53A' },
          obligations: [
            { key: '1.53A/1', modality: 'MUST', force: 'REQUIREMENT', addressees: [{ key: 'local-health-board' }], appliesTo: [{ body: { key: 'local-health-board' }, reason: 'NAMED' }] },
            { key: '1.53A/2', modality: 'SHOULD', force: 'GUIDELINE', addressees: [{ key: 'provider' }], appliesTo: [{ body: { key: 'provider' }, reason: 'THROUGH_CONTRACTS' }] },
          ],
        },
      },
    });
    // The whole draft, 104 obligations and the two new ones, by key and lineage.
    const pages = async (revision: string): Promise<Map<string, string>> => {
      const all = new Map<string, string>();
      for (let after: string | null = null; ; ) {
        const page = (await ask(editor, `query ($revision: String, $after: String) { obligations(revision: $revision, first: 100, after: $after) { nodes { key lineage } pageInfo { hasNextPage endCursor } } }`, { revision, after })).data?.['obligations'] as {
          nodes: { key: string; lineage: string }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
        for (const node of page.nodes) all.set(node.lineage, node.key);
        if (!page.pageInfo.hasNextPage) return all;
        after = page.pageInfo.endCursor;
      }
    };
    const before = await pages(draft);
    expect(before.size).toBe(106);

    const renumbered = await ask(editor, `mutation { renumberProvisions(input: { revision: "${draft}", expectedVersion: 2 }) { version renumbered { keyBefore keyAfter lineage } } }`);
    const moves = (renumbered.data?.['renumberProvisions'] as { renumbered: { keyBefore: string; keyAfter: string }[] }).renumbered;
    expect(moves.slice(0, 2).map((m) => `${m.keyBefore}→${m.keyAfter}`)).toEqual(['1.53A→1.54', '1.54→1.55']);
    expect(moves.at(-1)).toMatchObject({ keyBefore: '1.94', keyAfter: '1.95' });

    const lineages = [...before.keys()];
    const again = new Map<string, string>();
    for (let i = 0; i < lineages.length; i += 100) {
      for (const node of found(await ask(editor, ALL, { revision: draft, lineage: lineages.slice(i, i + 100) })).nodes) again.set(node.lineage, node.key);
    }
    expect(again.size).toBe(106);
    const moved = new Map(moves.map((m) => [m.keyBefore, m.keyAfter]));
    for (const [lineage, key] of before) {
      const [provision, n] = key.split('/');
      expect(again.get(lineage)).toBe(`${moved.get(provision ?? '') ?? provision}/${n}`);
    }
    // The published Code is untouched, and a lineage finds the same obligation there under its own key.
    const [first] = lineages.filter((lineage) => before.get(lineage) === '1.54/1');
    expect(found(await ask(null, ALL, { revision: '2024-09-01', lineage: [first] })).nodes.map((o) => o.key)).toEqual(['1.54/1']);
    expect(found(await ask(editor, ALL, { revision: draft, lineage: [first] })).nodes.map((o) => o.key)).toEqual(['1.55/1']);
    expect(await revisionHash(runner, '2024-09-01')).toBe(published);
  });
});
