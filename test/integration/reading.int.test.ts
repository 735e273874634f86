/**
 * What the reader read beyond the obligations (schema/reading.graphql), over HTTP from the real
 * server on the seeded Code: one statement per obligation where one sentence holds two
 * (docs/reading-rules.md, "Statements"), and every provision's modal verbs that are not
 * obligations, with the rule and the reason (the override's own reason for clause 1.65). An
 * editor's change to a clause writes both afresh (editing/write-obligations.ts), and a draft's
 * copy carries them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../core/config.ts';
import { QueryRunner } from '../../db/run-query.ts';
import { seedCode } from '../../seed/index.ts';
import { startSignedInApp, type GraphQLBody, type SignedInApp } from '../support/signed-in-app.ts';
import { connectTestDatabase, type TestDatabase } from '../support/test-neo4j.ts';

const DRAFT = 'draft-reading';
const editor = 'edith';

let db: TestDatabase;
let runner: QueryRunner;
let signedIn: SignedInApp;

beforeAll(async () => {
  db = connectTestDatabase();
  runner = new QueryRunner(db);
  await runner.write('test.reset', 'MATCH (n) DETACH DELETE n');
  await seedCode(db);
  signedIn = await startSignedInApp(db, [{ username: editor, displayName: 'Edith Editor', roles: ['editor'] }]);
}, 180_000);

afterAll(async () => {
  await signedIn.stop();
  await db.close();
});

/** The data of an answer that must have no errors. */
async function dataOf<T>(who: string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const body: GraphQLBody = await signedIn.ask(who, query, variables);
  if (body.errors !== undefined || body.data === undefined || body.data === null) throw new Error(`expected data without errors, got ${JSON.stringify(body.errors ?? body)}`);
  return body.data as T;
}

interface UncountedModal {
  trigger: string;
  start: number;
  end: number;
  kind: string;
  reason: string;
}

interface StatedObligation {
  key: string;
  text: string;
  sentence: string;
  statement: string;
  statementStart: number;
  statementEnd: number;
  subjectRestored: boolean;
  restoredSubject: string | null;
}

interface ReadProvision {
  key: string;
  text: string;
  obligations: StatedObligation[];
  uncountedModals: UncountedModal[];
}

const PROVISION_FIELDS = `key text
  obligations { key text sentence statement statementStart statementEnd subjectRestored restoredSubject }
  uncountedModals { trigger start end kind reason }`;

const QUOTED = 'inside quotation marks: the word is mentioned or another instrument is quoted, not a duty of this Code';
const DESCRIBES = 'describes a possibility ("may"), it does not grant a permission to a body';

/** The text between a statement's offsets, on one line, with its restored subject in front. */
const rebuilt = (provision: ReadProvision, o: StatedObligation): string => {
  const part = provision.text.slice(o.statementStart, o.statementEnd).replace(/\n\s*/g, ' ').trim();
  return o.restoredSubject === null ? part : `${o.restoredSubject} ${part}`;
};

describe('uncounted modal verbs (Provision.uncountedModals)', () => {
  it('lists clause 1.65\'s "should" with the override\'s own reason, and no obligation for it', async () => {
    const { provision } = await dataOf<{ provision: ReadProvision }>(null, `{ provision(key: "1.65", asOf: "2024-09-01") { ${PROVISION_FIELDS} } }`);
    const overrides = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'seed/data/overrides.json'), 'utf8')) as { overrides: { provision: string; reason: string }[] };
    const reason =
      'States how the Mwy Na Geiriau framework relates to the Welsh language standards; it tells no body to do anything. The duty about Mwy Na Geiriau is in clause 1.66 ("Statutory partners must have regard to Mwy Na Geiriau").';
    expect(overrides.overrides.filter((o) => o.provision === '1.65').map((o) => o.reason)).toEqual([reason]);
    expect({ obligations: provision.obligations, uncountedModals: provision.uncountedModals, at: provision.text.slice(109, 115) }).toEqual({
      obligations: [],
      uncountedModals: [{ trigger: 'should', start: 109, end: 115, kind: 'OVERRIDE', reason }],
      at: 'should',
    });
  });

  it('lists clause 1.72\'s quoted "must" and its explaining "must", and clause 1.85\'s describing "may", beside their obligations', async () => {
    const data = await dataOf<{ c172: ReadProvision; c185: ReadProvision }>(
      null,
      `{ c172: provision(key: "1.72", asOf: "2024-09-01") { ${PROVISION_FIELDS} } c185: provision(key: "1.85", asOf: "2024-09-01") { ${PROVISION_FIELDS} } }`,
    );
    expect([data.c172.uncountedModals, data.c185.uncountedModals]).toEqual([
      [
        { trigger: 'must', start: 66, end: 70, kind: 'QUOTATION', reason: QUOTED },
        { trigger: 'must', start: 207, end: 211, kind: 'EXPLANATION', reason: 'in a sentence explaining what precedes it ("This means ..."), not a duty of its own' },
      ],
      [{ trigger: 'may', start: 568, end: 571, kind: 'DESCRIPTION', reason: DESCRIBES }],
    ]);
    expect([data.c172.text.slice(66, 70), data.c172.text.slice(207, 211), data.c185.text.slice(568, 571)]).toEqual(['must', 'must', 'may']);
  });
});

describe('one statement per obligation (Obligation.statement)', () => {
  it('gives the 18 obligations of the nine sentences that hold two a distinct statement each, its sentence\'s part with the subject restored', async () => {
    const keys = ['P2', 'P7', 'S3', 'S7', '1.55', '1.60', '1.76'];
    const data = await dataOf<Record<string, ReadProvision>>(
      null,
      `{ ${keys.map((key, i) => `p${i}: provision(key: "${key}", asOf: "2024-09-01") { ${PROVISION_FIELDS} }`).join(' ')} }`,
    );
    const provisions = keys.map((_key, i) => data[`p${i}`]).filter((p): p is ReadProvision => p !== undefined);
    const shared = provisions.flatMap((p) => p.obligations.filter((o) => p.obligations.some((other) => other.key !== o.key && other.text === o.text)).map((o) => ({ p, o })));
    expect(shared.map(({ o }) => [o.key, o.statement, o.subjectRestored])).toEqual([
      ['P2/1', 'Decisions should be evidence informed', false],
      [
        'P2/2',
        'leaders should seek to continuously improve and develop digital, technological and human learning systems required to collect, share and understand evidence including impact and any unintended consequences (positive, negative and neutral), including data; with the aim of minimising data duplication (collect once, use many times).',
        false,
      ],
      ['P7/2', 'The performance of services should be measured by experience and outcomes', false],
      ['P7/3', 'commissioners should promote a culture of continuous learning and improvement, building on and embedding good practice.', false],
      ['S3/7', 'Statutory partners should explore how commissioning and analyst resources could be pooled by working through Regional Partnership Boards', false],
      ['S3/8', 'Statutory partners should seek to ensure that data collection reduces duplication and complies with data protection law:', true],
      ['S7/2', 'Statutory partners and providers must work collaboratively to understand fair and sustainable costs of delivering care to inform decisions relating to fee setting', false],
      ['S7/3', 'there must be a consistent and transparent approach to fee setting processes.', false],
      ['S7/6', 'Statutory partners must jointly assess the maturity of their integrated and collaborative commissioning arrangements and relationships', false],
      ['S7/7', 'Statutory partners should identify scope for improvements in key areas.', true],
      ['1.55/2', 'Providers should ensure that their staff have basic digital skills to support service users', false],
      ['1.55/3', 'Providers must work with statutory partners in increasing the use of digital solutions.', true],
      ['1.60/1', 'Statutory partners must treat the Welsh language no less favourably than English', false],
      ['1.60/2', 'Statutory partners must seek to provide opportunities for people to fully use Welsh Language in their everyday life.', true],
      ['1.60/3', 'Statutory partners must take all reasonable steps, to provide local/community based Welsh Language care and support services', false],
      ['1.60/4', 'the sufficiency of care and support in the medium of Welsh must be reflected in the local market stability reports.', false],
      ['1.76/1', 'Local authorities should monitor, record and seek reductions in the carbon emissions associated with the care they are commissioning', false],
      [
        '1.76/2',
        'Local authorities should move towards ensuring that they are making wider environmental (such as biodiversity, adaptation) considerations as part of their commissioning processes.',
        true,
      ],
    ]);
    expect(shared.filter(({ p, o }) => o.sentence !== o.text || rebuilt(p, o) !== o.statement || !o.sentence.includes(o.statement.slice((o.restoredSubject?.length ?? -1) + 1))).map(({ o }) => o.key)).toEqual([]);
  });

  it('gives each of the other 86 obligations of the Code its whole sentence as its statement', async () => {
    type Page = { obligations: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: { key: string; text: string; statement: string; subjectRestored: boolean }[] } };
    const query = `query ($after: String) { obligations(asOf: "2024-09-01", first: 100, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { key text statement subjectRestored } } }`;
    const first = await dataOf<Page>(null, query, { after: null });
    const second = await dataOf<Page>(null, query, { after: first.obligations.pageInfo.endCursor });
    const all = [...first.obligations.nodes, ...second.obligations.nodes];
    expect([first.obligations.totalCount, all.length, second.obligations.pageInfo.hasNextPage]).toEqual([104, 104, false]);
    expect(all.filter((o) => o.statement !== o.text || o.subjectRestored).map((o) => o.key)).toEqual(['P2/1', 'P2/2', 'P7/2', 'P7/3', 'S3/7', 'S3/8', 'S7/2', 'S7/3', 'S7/6', 'S7/7', '1.55/2', '1.55/3', '1.60/1', '1.60/2', '1.60/3', '1.60/4', '1.76/1', '1.76/2']);
  });
});

describe('an edited clause in a draft', () => {
  it('carries the uncounted modals into the draft\'s copy, and writes the statements and uncounted modals of the edited text', async () => {
    const created = await dataOf<{ createDraft: { revision: { key: string; version: number } } }>(editor, `mutation { createDraft(input: { key: "${DRAFT}" }) { revision { key version } } }`);
    const copied = await dataOf<{ provision: ReadProvision }>(editor, `{ provision(key: "1.65", revision: "${DRAFT}") { ${PROVISION_FIELDS} } }`);
    expect(copied.provision.uncountedModals.map((m) => [m.trigger, m.start, m.kind])).toEqual([['should', 109, 'OVERRIDE']]);

    const text = 'Providers should ensure that their staff are trained in digital skills and must work with statutory partners in increasing the use of digital solutions. It may be necessary to review this "must" each year.';
    await dataOf(editor, `mutation ($text: String!, $version: Int!) { updateProvision(input: { revision: "${DRAFT}", key: "1.45", text: $text, expectedVersion: $version }) { version } }`, {
      text,
      version: created.createDraft.revision.version,
    });
    const { provision } = await dataOf<{ provision: ReadProvision }>(editor, `{ provision(key: "1.45", revision: "${DRAFT}") { ${PROVISION_FIELDS} } }`);
    expect(provision).toEqual({
      key: '1.45',
      text,
      obligations: [
        {
          key: '1.45/1',
          text: text.slice(0, 152),
          sentence: text.slice(0, 152),
          statement: 'Providers should ensure that their staff are trained in digital skills',
          statementStart: 0,
          statementEnd: 70,
          subjectRestored: false,
          restoredSubject: null,
        },
        {
          key: '1.45/2',
          text: text.slice(0, 152),
          sentence: text.slice(0, 152),
          statement: 'Providers must work with statutory partners in increasing the use of digital solutions.',
          statementStart: 75,
          statementEnd: 152,
          subjectRestored: true,
          restoredSubject: 'Providers',
        },
      ],
      uncountedModals: [
        { trigger: 'may', start: 156, end: 159, kind: 'DESCRIPTION', reason: DESCRIBES },
        { trigger: 'must', start: 189, end: 193, kind: 'QUOTATION', reason: QUOTED },
      ],
    });
  });
});
