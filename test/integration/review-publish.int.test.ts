/**
 * Review with four eyes, publishing and the Code's legal life, over HTTP, signed in through
 * the real embedded OpenID provider: an editor drafts a revision with a renumbered clause, a
 * should → must change, a clause split in two and a duty moved from the statutory partners to
 * providers, and the diff reports exactly those; the author cannot approve it (FORBIDDEN, audited); a reviewer sends
 * it back with a comment, then approves; a publisher publishes it with a commencement a year
 * ahead, and asOf before that day still answers the 2024 Code while asOf on it answers the new
 * one; the 2024 revision's hash never changes; obligationHistory follows the renumbered
 * obligation; the changes feed and its Atom form list the public events.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revisionHash } from '../../db/revision-hash.ts';
import { QueryRunner } from '../../db/run-query.ts';
import { todayInWales } from '../../domain/revision-in-force.ts';
import { seedCode } from '../../seed/index.ts';
import { outcomeOf as outcome, startSignedInApp, type GraphQLBody as Body, type SignedInApp } from '../support/signed-in-app.ts';
import { connectTestDatabase, type TestDatabase } from '../support/test-neo4j.ts';

const DRAFT = 'draft-2026-review';
const TODAY = todayInWales();
const IN_A_YEAR = `${Number(TODAY.slice(0, 4)) + 1}${TODAY.slice(4)}`.replace(/-02-29$/, '-02-28');
const dayBefore = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

let db: TestDatabase;
let runner: QueryRunner;
let signedIn: SignedInApp;
let published2024: string;

const ask = (who: string | null, query: string, variables: Record<string, unknown> = {}): Promise<Body> => signedIn.ask(who, query, variables);
const data = <T>(body: Body, field: string): T => {
  if (body.errors !== undefined) throw new Error(JSON.stringify(body.errors));
  return body.data?.[field] as T;
};
const versionOf = async (): Promise<number> =>
  (await runner.read<{ version: number }>('test.version', 'MATCH (r:Revision {key: $key}) RETURN r.version AS version', { key: DRAFT }))[0]?.version ?? 0;
const step = async (who: string, mutation: string, extra = ''): Promise<Body> =>
  ask(who, `mutation { ${mutation}(input: { revision: "${DRAFT}", expectedVersion: ${await versionOf()}${extra} }) { revision { editorialState approvedBy } } }`);
const stateOf = (body: Body, field: string): string => data<{ revision: { editorialState: string } }>(body, field).revision.editorialState;

beforeAll(async () => {
  db = connectTestDatabase();
  runner = new QueryRunner(db);
  await runner.write('test.reset', 'MATCH (n) DETACH DELETE n');
  await seedCode(db);
  signedIn = await startSignedInApp(db, [
    { username: 'edith', displayName: 'Edith Editor', roles: ['editor', 'reviewer'] },
    { username: 'rita', displayName: 'Rita Reviewer', roles: ['reviewer'] },
    { username: 'piotr', displayName: 'Piotr Publisher', roles: ['publisher'] },
  ]);
  published2024 = await revisionHash(runner, '2024-09-01');
}, 180_000);

afterAll(async () => {
  await signedIn.stop();
  await db.close();
});

let lineage145 = '';
const lineages: Record<string, string> = {};

describe('a draft through review', () => {
  it('is drafted with a clause added before 1.45, renumbered, and a should made must', async () => {
    const first = await ask(null, '{ obligation(key: "1.45/1", revision: "2024-09-01") { lineage modality } }');
    lineage145 = data<{ lineage: string }>(first, 'obligation').lineage;
    expect(outcome(await ask('edith', `mutation { createDraft(input: { key: "${DRAFT}" }) { revision { key } } }`))).toBe('OK');
    expect(
      outcome(await ask('edith', `mutation { addProvision(input: { revision: "${DRAFT}", after: "1.44", expectedVersion: ${await versionOf()}, text: "Commissioners must record their reasons." }) { provision { key } } }`)),
    ).toBe('OK');
    const renumbered = await ask('edith', `mutation { renumberProvisions(input: { revision: "${DRAFT}", expectedVersion: ${await versionOf()} }) { renumbered { keyBefore keyAfter } } }`);
    expect(data<{ renumbered: { keyBefore: string; keyAfter: string }[] }>(renumbered, 'renumberProvisions').renumbered.slice(0, 2)).toEqual([
      { keyBefore: '1.44A', keyAfter: '1.45' },
      { keyBefore: '1.45', keyAfter: '1.46' },
    ]);
    const edited = await ask(
      'edith',
      `mutation ($text: String!) { updateProvision(input: { revision: "${DRAFT}", key: "1.46", expectedVersion: ${await versionOf()}, text: $text }) { obligations { key lineage modality } } }`,
      { text: 'Statutory partners must be able to demonstrate that their commissioning practices are undertaken in line with this Code.' },
    );
    expect(data<{ obligations: unknown[] }>(edited, 'updateProvision').obligations).toEqual([{ key: '1.46/1', lineage: lineage145, modality: 'MUST' }]);
  });

  it('has a clause split in two and a duty moved from the statutory partners to providers', async () => {
    for (const key of ['1.4/1', '1.90/1', '1.90/2']) {
      lineages[key] = data<{ lineage: string }>(await ask(null, `{ obligation(key: "${key}", revision: "2024-09-01") { lineage } }`), 'obligation').lineage;
    }
    const split = await ask(
      'edith',
      `mutation ($text: String!, $newText: String!) { splitProvision(input: { revision: "${DRAFT}", key: "1.91", expectedVersion: ${await versionOf()}, text: $text, newText: $newText }) {
         newProvision { key } obligations { key lineage } } }`,
      {
        text: 'As NYTH/NEST has significant importance when commissioning mental health services relating to babies, children and young people commissioners should use the NYTH/NEST framework approach in their commissioning practices and ensure a No Wrong Door Approach.',
        newText: 'Service providers should also have a good understanding of the Nyth/Nest principles when undertaking services commissioned for these groups of people.',
      },
    );
    expect(data<unknown>(split, 'splitProvision')).toEqual({
      newProvision: { key: '1.91A' },
      obligations: [
        { key: '1.91/1', lineage: lineages['1.90/1'] },
        { key: '1.91A/1', lineage: lineages['1.90/2'] },
      ],
    });
    const moved = await ask(
      'edith',
      `mutation ($text: String!) { updateProvision(input: { revision: "${DRAFT}", key: "1.4", expectedVersion: ${await versionOf()}, text: $text }) { obligations { lineage addressees { key } } } }`,
      { text: 'Providers must act in accordance with the requirements contained in this Code. Section 147 of the Act (departure from requirements in codes) does not apply to any requirements contained.' },
    );
    expect(data<unknown>(moved, 'updateProvision')).toEqual({ obligations: [{ lineage: lineages['1.4/1'], addressees: [{ key: 'provider' }] }] });
  });

  it('is diffed against the 2024 Code: renumbered not removed, STRENGTHENED, the split keeps each lineage, the moved duty no longer binds health boards', async () => {
    const diff = await ask(
      'rita',
      `{ revisionDiff(from: "2024-09-01", to: "${DRAFT}") {
         summary { provisions { added removed renumbered textChanged } obligations { added removed changed strengthened moved } }
         provisions(change: [ADDED, REMOVED]) { change keyBefore keyAfter }
         obligations(change: [ADDED, REMOVED, CHANGED]) { lineage change keyBefore keyAfter moved modality { direction } bindsNoLonger { body { key } } bindsNow { body { key } } }
         impact(body: "local-health-board") { noLongerBinding { keyAfter } strengthened { keyAfter } newlyBinding { keyAfter } }
       } }`,
    );
    const found = data<{
      summary: { provisions: Record<string, number>; obligations: Record<string, number> };
      provisions: unknown[];
      obligations: { lineage: string; change: string; keyBefore: string | null; keyAfter: string | null; moved: boolean; modality: { direction: string | null }; bindsNoLonger: { body: { key: string } }[]; bindsNow: { body: { key: string } }[] }[];
      impact: unknown;
    }>(diff, 'revisionDiff');
    // Added: the clause before 1.45 (1.45 now) and the second half of the split (1.91A); nothing removed.
    expect(found.provisions).toEqual([
      { change: 'ADDED', keyBefore: null, keyAfter: '1.45' },
      { change: 'ADDED', keyBefore: null, keyAfter: '1.91A' },
    ]);
    expect(found.summary.provisions).toMatchObject({ added: 2, removed: 0 });
    expect(found.summary.obligations).toMatchObject({ added: 1, removed: 0, changed: 3, strengthened: 1, moved: 1 });
    const byLineage = new Map(found.obligations.map((o) => [o.lineage, o]));
    expect(byLineage.get(lineage145)).toMatchObject({ change: 'CHANGED', keyBefore: '1.45/1', keyAfter: '1.46/1', modality: { direction: 'STRENGTHENED' } });
    expect(byLineage.get(lineages['1.90/2'] ?? '')).toMatchObject({ change: 'CHANGED', keyBefore: '1.90/2', keyAfter: '1.91A/1', moved: true });
    expect(byLineage.has(lineages['1.90/1'] ?? '')).toBe(false);
    const duty = byLineage.get(lineages['1.4/1'] ?? '');
    expect(duty?.bindsNoLonger.map((b) => b.body.key).sort()).toEqual(['local-authority', 'local-health-board', 'nhs-trust']);
    expect(duty?.bindsNow.map((b) => b.body.key)).toEqual(['provider']);
    expect(found.impact).toEqual({ noLongerBinding: [{ keyAfter: '1.4/1' }], strengthened: [{ keyAfter: '1.46/1' }], newlyBinding: [{ keyAfter: '1.45/1' }] });
  });

  it('cannot be approved by its author, even one who is a reviewer: FORBIDDEN, written to the audit', async () => {
    expect(stateOf(await step('edith', 'submitForReview'), 'submitForReview')).toBe('IN_REVIEW');
    const refused = await step('edith', 'approve');
    expect(outcome(refused)).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.message).toBe('You changed this draft, so you cannot approve it: a second person, a reviewer who made no change to it, must approve it (four eyes)');
    const audit = await runner.read<{ result: string; actor: string }>('test.audit', "MATCH (e:AuditEvent {action: 'approve'}) RETURN e.result AS result, e.actorName AS actor");
    expect(audit).toEqual([{ result: 'FORBIDDEN', actor: 'Edith Editor' }]);
    expect(await versionOf()).toBe(7);
  });

  it('is sent back with a comment, which is answered and resolved', async () => {
    const sent = await ask('rita', `mutation { requestChanges(input: { revision: "${DRAFT}", expectedVersion: ${await versionOf()}, comment: "Clause 1.45: say whose reasons." }) { revision { editorialState } comment { id status author text } } }`);
    const { revision, comment } = data<{ revision: { editorialState: string }; comment: { id: string; status: string; author: string; text: string } }>(sent, 'requestChanges');
    expect(revision.editorialState).toBe('DRAFTING');
    expect(comment).toMatchObject({ status: 'OPEN', author: 'Rita Reviewer', text: 'Clause 1.45: say whose reasons.' });
    const onObligation = await ask('rita', `mutation { addReviewComment(input: { revision: "${DRAFT}", obligation: "${lineage145}", text: "Is must right here?" }) { comment { id obligation { key } } } }`);
    expect(data<{ comment: { obligation: { key: string } } }>(onObligation, 'addReviewComment').comment.obligation).toEqual({ key: '1.46/1' });
    await ask('edith', `mutation { answerReviewComment(input: { comment: "${comment.id}", text: "The commissioners' own." }) { comment { status } } }`);
    const resolved = await ask('rita', `mutation { resolveReviewComment(input: { comment: "${comment.id}" }) { comment { status answers { author text } } } }`);
    expect(data<{ comment: unknown }>(resolved, 'resolveReviewComment').comment).toEqual({ status: 'RESOLVED', answers: [{ author: 'Edith Editor', text: "The commissioners' own." }] });
    const listed = await ask('rita', `{ revision(key: "${DRAFT}") { reviewComments(status: [OPEN]) { text } } }`);
    expect(data<{ reviewComments: unknown[] }>(listed, 'revision').reviewComments).toEqual([{ text: 'Is must right here?' }]);
  });

  it('is approved by a second person, and an edit after approval sends it back to drafting', async () => {
    await step('edith', 'submitForReview');
    const approved = await step('rita', 'approve');
    expect(data<{ revision: unknown }>(approved, 'approve').revision).toEqual({ editorialState: 'APPROVED', approvedBy: 'Rita Reviewer' });
    const edit = await ask('edith', `mutation { updateHeading(input: { revision: "${DRAFT}", key: "brokerage", title: "Brokerage", expectedVersion: ${await versionOf()} }) { revision { editorialState approvedBy } } }`);
    expect(data<{ revision: unknown }>(edit, 'updateHeading').revision).toEqual({ editorialState: 'DRAFTING', approvedBy: null });
    await step('edith', 'submitForReview');
    expect(stateOf(await step('rita', 'approve'), 'approve')).toBe('APPROVED');
  });

  it('is published by a publisher only, and then never changes', async () => {
    expect(outcome(await step('edith', 'publishRevision'))).toBe('FORBIDDEN');
    expect(outcome(await step('rita', 'publishRevision'))).toBe('FORBIDDEN');
    expect(stateOf(await step('piotr', 'publishRevision'), 'publishRevision')).toBe('PUBLISHED');
    const seen = await ask(null, `{ revision(key: "${DRAFT}") { key editorialState status inForceFrom } }`);
    expect(data<unknown>(seen, 'revision')).toEqual({ key: DRAFT, editorialState: 'PUBLISHED', status: 'DRAFT', inForceFrom: null });
    const hash = await revisionHash(runner, DRAFT);
    expect(outcome(await ask('edith', `mutation { updateHeading(input: { revision: "${DRAFT}", key: "brokerage", title: "Changed", expectedVersion: ${await versionOf()} }) { version } }`))).toBe(
      'REVISION_PUBLISHED',
    );
    expect(outcome(await step('rita', 'requestChanges', ', comment: "Too late"'))).toBe('REVISION_PUBLISHED');
    expect(await revisionHash(runner, DRAFT)).toBe(hash);
  });
});

describe('the legal life of the new revision', () => {
  const record = (who: string, event: string, on: string, revision = DRAFT) =>
    ask(who, `mutation { recordLegalEvent(input: { revision: "${revision}", event: ${event}, on: "${on}" }) { event { sequence event on } revision { status laidOn inForceFrom } } }`);

  it('refuses events out of order, and events by anyone but a publisher', async () => {
    expect(outcome(await record('edith', 'LAID', TODAY))).toBe('FORBIDDEN');
    const early = await record('piotr', 'COMES_INTO_FORCE', IN_A_YEAR);
    expect(outcome(early)).toBe('BAD_USER_INPUT');
    expect(outcome(await record('piotr', 'COMES_INTO_FORCE', '2024-09-01', '2024-09-01'))).toBe('BAD_USER_INPUT');
    expect(outcome(await record('piotr', 'LAID', TODAY, 'draft-2024-03-19'))).toBe('BAD_USER_INPUT');
  });

  it('is laid today and comes into force in a year: asOf before that day answers the 2024 Code, on it the new one', async () => {
    expect(data<{ revision: unknown }>(await record('piotr', 'LAID', TODAY), 'recordLegalEvent').revision).toEqual({ status: 'LAID', laidOn: TODAY, inForceFrom: null });
    expect(data<{ revision: unknown }>(await record('piotr', 'COMES_INTO_FORCE', IN_A_YEAR), 'recordLegalEvent').revision).toEqual({ status: 'LAID', laidOn: TODAY, inForceFrom: IN_A_YEAR });
    const at = async (asOf: string | null, prospective = false) =>
      data<{ key: string }>(await ask(null, `query ($asOf: Date, $p: Boolean) { revision(asOf: $asOf, prospective: $p) { key } }`, { asOf, p: prospective }), 'revision').key;
    expect(await at(null)).toBe('2024-09-01');
    expect(await at(dayBefore(IN_A_YEAR))).toBe('2024-09-01');
    expect(await at(IN_A_YEAR)).toBe(DRAFT);
    expect(await at(null, true)).toBe(DRAFT);
    const obligation = async (key: string, asOf: string) =>
      data<{ lineage: string; modality: string }>(await ask(null, `query ($key: String!, $asOf: Date) { obligation(key: $key, asOf: $asOf) { lineage modality } }`, { key, asOf }), 'obligation');
    expect(await obligation('1.46/1', IN_A_YEAR)).toEqual({ lineage: lineage145, modality: 'MUST' });
    expect(await obligation('1.45/1', dayBefore(IN_A_YEAR))).toEqual({ lineage: lineage145, modality: 'SHOULD' });
    const old = await ask(null, '{ revision(key: "2024-09-01") { status inForceFrom inForceUntil reviewDue reviewOverdue } }');
    expect(data<unknown>(old, 'revision')).toEqual({ status: 'IN_FORCE', inForceFrom: '2024-09-01', inForceUntil: dayBefore(IN_A_YEAR), reviewDue: '2026-09-01', reviewOverdue: TODAY > '2026-09-01' });
    expect(await revisionHash(runner, '2024-09-01')).toBe(published2024);
  });

  it('follows the renumbered obligation through its history', async () => {
    const history = await ask(null, `{ obligationHistory(lineage: "${lineage145}") { revision { key } key changes obligation { modality } } }`);
    expect(data<unknown>(history, 'obligationHistory')).toEqual([
      { revision: { key: '2024-09-01' }, key: '1.45/1', changes: [], obligation: { modality: 'SHOULD' } },
      { revision: { key: DRAFT }, key: '1.46/1', changes: ['RENUMBERED', 'TEXT', 'MODALITY', 'FORCE'], obligation: { modality: 'MUST' } },
    ]);
  });

  it('lists the public events in the changes feed and its Atom form', async () => {
    const changes = await ask(null, '{ changes(first: 10) { totalCount nodes { sequence event on revision { key } } } }');
    expect(data<unknown>(changes, 'changes')).toEqual({
      totalCount: 3,
      nodes: [
        { sequence: 1, event: 'PUBLISHED', on: TODAY, revision: { key: DRAFT } },
        { sequence: 2, event: 'LAID', on: TODAY, revision: { key: DRAFT } },
        { sequence: 3, event: 'COMES_INTO_FORCE', on: IN_A_YEAR, revision: { key: DRAFT } },
      ],
    });
    const response = await fetch(new URL('/feeds/changes.atom', signedIn.app.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/atom+xml');
    const atom = await response.text();
    expect(atom).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect([...atom.matchAll(/<id>tag:care-code-graph,2026:revision-event\/(\d+)<\/id>/g)].map((m) => m[1])).toEqual(['3', '2', '1']);
    expect(atom).toContain(`Revision ${DRAFT}: comes into force on ${IN_A_YEAR}`);
    // The feed links to the home page and to itself; each entry to its revision's page, at the event.
    const origin = new URL(signedIn.app.url).origin;
    expect([...atom.matchAll(/<link [^>]*\/>/g)].map((m) => m[0])).toEqual([
      `<link rel="alternate" href="${origin}/"/>`,
      `<link rel="self" href="${origin}/feeds/changes.atom"/>`,
      `<link href="${origin}/revisions/${DRAFT}#event-3"/>`,
      `<link href="${origin}/revisions/${DRAFT}#event-2"/>`,
      `<link href="${origin}/revisions/${DRAFT}#event-1"/>`,
    ]);
  });

  it("answers each entry's link with its revision's page, holding the event it points at", async () => {
    const page = await fetch(new URL(`/revisions/${DRAFT}`, signedIn.app.url), { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect([...html.matchAll(/<li id="event-(\d+)">/g)].map((m) => m[1])).toEqual(['1', '2', '3']);
    expect(html).toContain(`data-app-revision="${DRAFT}"`);
    // Its contents read it as at the day it comes into force.
    expect(html).toMatch(new RegExp(`<a class="govuk-link" href="/provisions/[^"?]+\\?asOf=${IN_A_YEAR}">`));
  });

  it('never lists or links a draft: a new draft is not in the feed, and its page is not found for anyone not signed in', async () => {
    const draft = 'draft-2027-unpublished';
    expect(data<{ revision: { key: string } }>(await ask('edith', `mutation { createDraft(input: { key: "${draft}" }) { revision { key } } }`), 'createDraft').revision.key).toBe(draft);
    const atom = await (await fetch(new URL('/feeds/changes.atom', signedIn.app.url))).text();
    expect(atom).not.toContain(draft);
    expect([...atom.matchAll(/<entry>/g)]).toHaveLength(3);
    const page = await fetch(new URL(`/revisions/${draft}`, signedIn.app.url), { headers: { accept: 'text/html' } });
    expect(page.status).toBe(404);
  });
});
