/**
 * Published law is cacheable (server/plugins/http-caching.ts, README "Caching"), over real
 * HTTP against the seeded Code: an operation registered by its hash (automatic persisted
 * queries) runs by the hash alone over GET; an answer that reads only a published revision
 * pinned by key carries `Cache-Control: public` and a strong ETag, the hash of its body, and a
 * matching If-None-Match answers 304 with no body; anything that reads today's date, a draft or
 * the viewer, a mutation, and an unknown hash are never stored.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../core/config.ts';
import { QueryRunner } from '../../db/run-query.ts';
import { editingCommands } from '../../editing/commands.ts';
import { readerContext } from '../../reader/read-provision.ts';
import { seedCode } from '../../seed/index.ts';
import { loadCatalogue } from '../../seed/load-catalogue.ts';
import { startSignedInApp, type SignedInApp } from '../support/signed-in-app.ts';
import { connectTestDatabase, type TestDatabase } from '../support/test-neo4j.ts';

const DRAFT = 'draft-http-caching';
const editor = 'edwina';

let db: TestDatabase;
let signedIn: SignedInApp;

const PINNED = 'query ($key: String!) { provision(key: $key, revision: "2024-09-01") { key title heading { title } obligations { key modality } } }';
const TODAY = 'query ($key: String!) { provision(key: $key) { key title } }';

const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');
const persisted = (query: string): { persistedQuery: { version: number; sha256Hash: string } } => ({ persistedQuery: { version: 1, sha256Hash: sha256Hex(query) } });

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

/** What a client sends on GET: the preflight header CSRF prevention asks for, and optionally a token or a validator. */
async function get(params: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> {
  const search = new URLSearchParams(Object.entries(params).map(([name, value]): [string, string] => [name, typeof value === 'string' ? value : JSON.stringify(value)]));
  const response = await fetch(`${signedIn.app.url}?${search.toString()}`, { headers: { 'apollo-require-preflight': 'true', ...headers } });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

async function post(body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(signedIn.app.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const bearer = (): Record<string, string> => ({ authorization: `Bearer ${signedIn.tokens[editor] ?? ''}` });

beforeAll(async () => {
  db = connectTestDatabase();
  const runner = new QueryRunner(db);
  await runner.write('test.reset', 'MATCH (n) DETACH DELETE n');
  await seedCode(db);
  signedIn = await startSignedInApp(db, [{ username: editor, displayName: 'Edwina Editor', roles: ['editor'] }]);
  // The draft is made through the command, without the operation's deadline: copying the whole Code can take a while on a busy machine.
  const reader = readerContext(loadCatalogue(path.join(PROJECT_ROOT, 'seed/data/catalogue.json')));
  await editingCommands({ runner, viewer: { subject: editor, name: 'Edwina Editor', roles: ['editor'], issuer: 'test' }, requestId: 'test', reader }).createDraft({ key: DRAFT });
}, 240_000);

afterAll(async () => {
  await signedIn.stop();
  await db.close();
});

describe('automatic persisted queries', () => {
  it('registers an operation by its hash over POST, then runs it by the hash alone over GET', async () => {
    const registered = await post({ query: PINNED, variables: { key: 'S8' }, extensions: persisted(PINNED) });
    expect(registered.status).toBe(200);
    const byHash = await get({ extensions: persisted(PINNED), variables: { key: 'S8' } });
    expect(byHash.status).toBe(200);
    expect(JSON.parse(byHash.text)).toEqual(JSON.parse(registered.text));
    expect(JSON.parse(byHash.text)).toMatchObject({ data: { provision: { key: 'S8', title: 'Standard 8: Setting fair and sustainable fees' } } });
  });

  it('answers an unknown hash with PERSISTED_QUERY_NOT_FOUND, which tells the client to send the operation', async () => {
    const answer = await get({ extensions: persisted('{ never { registered } }') });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({ errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] });
    expect(answer.headers.get('cache-control')).toBe('private, no-store');
    expect(answer.headers.get('etag')).toBeNull();
  });

  it('keeps CSRF prevention on: a GET without a preflight header is refused', async () => {
    const response = await fetch(`${signedIn.app.url}?${new URLSearchParams({ extensions: JSON.stringify(persisted(PINNED)), variables: '{"key":"S8"}' }).toString()}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/apollo-require-preflight/);
  });
});

describe('caching headers', () => {
  it('sends a pinned published revision with Cache-Control public for a day and a strong ETag, the sha256 of its body', async () => {
    await post({ query: PINNED, variables: { key: 'S8' }, extensions: persisted(PINNED) });
    const answer = await get({ extensions: persisted(PINNED), variables: { key: 'S8' } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(answer.headers.get('etag')).toBe(`"${createHash('sha256').update(answer.text).digest('base64url')}"`);
    // The same answer for another client, a day later or on another instance: the same validator.
    expect((await get({ query: PINNED, variables: { key: 'S8' } })).headers.get('etag')).toBe(answer.headers.get('etag'));
    // Another provision is another answer.
    expect((await get({ query: PINNED, variables: { key: 'S7' } })).headers.get('etag')).not.toBe(answer.headers.get('etag'));
  });

  it('answers a matching If-None-Match with 304 and no body, and a stale one with the whole answer', async () => {
    const first = await get({ query: PINNED, variables: { key: 'S8' } });
    const etag = first.headers.get('etag') ?? '';
    // As a browser or a CDN revalidates a stale copy. (fetch would add `Cache-Control: no-cache`
    // to a conditional request, which asks for the whole answer: a hard reload.)
    const revalidate = { 'cache-control': 'max-age=0' };
    const again = await get({ query: PINNED, variables: { key: 'S8' } }, { ...revalidate, 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    const stale = await get({ query: PINNED, variables: { key: 'S8' } }, { ...revalidate, 'if-none-match': '"an-older-answer"' });
    expect(stale.status).toBe(200);
    expect(stale.text).toBe(first.text);
  });

  it('keeps an answer that depends on today (no revision, or asOf) private, no-store, with no ETag', async () => {
    for (const query of [TODAY, 'query ($key: String!) { provision(key: $key, asOf: "2024-09-01") { key } }']) {
      const answer = await get({ query, variables: { key: 'S8' } });
      expect(JSON.parse(answer.text)).toMatchObject({ data: { provision: { key: 'S8' } } });
      expect(answer.headers.get('cache-control')).toBe('private, no-store');
      expect(answer.headers.get('etag')).toBeNull();
      expect((await get({ query, variables: { key: 'S8' } }, { 'cache-control': 'max-age=0', 'if-none-match': '"a-guess"' })).status).toBe(200);
    }
  });

  it('keeps a pinned revision private, no-store when it also asks what changes with time (its status, the service)', async () => {
    for (const query of [
      '{ provision(key: "S8", revision: "2024-09-01") { key revision { key status } } }',
      '{ provision(key: "S8", revision: "2024-09-01") { key } service { name } }',
      '{ obligations(revision: "2024-09-01", first: 2) { nodes { key provision { ... on Standard { key } } } } revision(key: "2024-09-01") { key } }',
    ]) {
      const answer = await get({ query });
      expect(JSON.parse(answer.text)).not.toHaveProperty('errors');
      expect(answer.headers.get('cache-control')).toBe('private, no-store');
    }
  });

  it('keeps a draft read by an editor, and anything a signed-in viewer reads, private, no-store', async () => {
    const draft = await get({ query: `{ provision(key: "S8", revision: "${DRAFT}") { key } }` }, bearer());
    expect(JSON.parse(draft.text)).toEqual({ data: { provision: { key: 'S8' } }, extensions: { cost: { requested: 1, limit: 5000 } } });
    expect(draft.headers.get('cache-control')).toBe('private, no-store');
    expect(draft.headers.get('etag')).toBeNull();
    const published = await get({ query: PINNED, variables: { key: 'S8' } }, bearer());
    expect(published.headers.get('cache-control')).toBe('private, no-store');
    // Anonymous, the draft does not exist: an answer with an error is never stored either.
    const hidden = await get({ query: `{ provision(key: "S8", revision: "${DRAFT}") { key } }` });
    expect(JSON.parse(hidden.text)).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
    expect(hidden.headers.get('cache-control')).toBe('private, no-store');
  });

  it('never stores a mutation, nor a query sent by POST', async () => {
    const [row] = await new QueryRunner(db).read<{ version: number }>('test.version', 'MATCH (r:Revision {key: $key}) RETURN r.version AS version', { key: DRAFT });
    const changed = await post(
      { query: `mutation { updateHeading(input: { revision: "${DRAFT}", key: "brokerage", title: "Brokerage and care finding", expectedVersion: ${row?.version ?? 0} }) { heading { title } } }` },
      bearer(),
    );
    expect(JSON.parse(changed.text)).toEqual({ data: { updateHeading: { heading: { title: 'Brokerage and care finding' } } }, extensions: { cost: { requested: 2, limit: 5000 } } });
    expect(changed.headers.get('cache-control')).toBe('private, no-store');
    expect(changed.headers.get('etag')).toBeNull();
    const pinnedByPost = await post({ query: PINNED, variables: { key: 'S8' } });
    expect(JSON.parse(pinnedByPost.text)).toMatchObject({ data: { provision: { key: 'S8' } } });
    expect(pinnedByPost.headers.get('cache-control')).toBe('private, no-store');
    expect(pinnedByPost.headers.get('etag')).toBeNull();
  });
});
