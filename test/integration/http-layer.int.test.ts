/**
 * The HTTP layer fails cleanly (server/http-errors.ts, server/app.ts): a body that is not
 * JSON, too large or in another charset, a mutation, an operation with too many problems and
 * an unknown path each answer JSON with a code, no stack and no path of the installation;
 * every response carries the headers a public API should; a burst over the rate limit is
 * refused with 429 and the headers that say when to come back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../core/config.ts';
import { startTestServer, type TestServer } from '../support/test-neo4j.ts';

let server: TestServer;
let limited: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  limited = await startTestServer({ config: { rateLimit: { max: 5, windowMs: 60_000 } } });
});

afterAll(async () => {
  await server.close();
  await limited.close();
});

interface Answer {
  status: number;
  type: string | null;
  text: string;
  body: { errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function send(url: string, init: RequestInit): Promise<Answer & { headers: Headers }> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: Answer['body'] = {};
  try {
    body = JSON.parse(text) as Answer['body'];
  } catch {
    // left empty: the assertions on `type` and `text` say what came instead
  }
  return { status: response.status, type: response.headers.get('content-type'), text, body, headers: response.headers };
}

const post = (body: string, contentType = 'application/json'): Promise<Answer & { headers: Headers }> =>
  send(server.app.url, { method: 'POST', headers: { 'content-type': contentType }, body });

/** What no error may carry: a stack trace, a path of this installation, an HTML page. */
function expectClean(answer: Answer): void {
  expect(answer.type).toMatch(/^application\/json/);
  expect(answer.text).not.toMatch(/\n\s+at |<html|<pre/i);
  expect(answer.text).not.toContain(PROJECT_ROOT);
  expect(answer.text).not.toContain('node_modules');
}

describe('errors of the HTTP layer', () => {
  it('answers a body that is not JSON with BAD_REQUEST and an example', async () => {
    const answer = await post('{"query": ');
    expect(answer.status).toBe(400);
    expectClean(answer);
    expect(answer.body.errors).toHaveLength(1);
    expect(answer.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_REQUEST' });
    expect(answer.body.errors?.[0]?.message).toMatch(/^The request body is not valid JSON \(.+\); send a JSON body such as \{"query": "\{ __typename \}"\} with content-type: application\/json$/);
  });

  it('answers a 101 kB body with PAYLOAD_TOO_LARGE', async () => {
    const answer = await post(JSON.stringify({ query: `{ __typename } # ${'x'.repeat(101 * 1024)}` }));
    expect(answer.status).toBe(413);
    expectClean(answer);
    expect(answer.body.errors).toEqual([
      {
        message: 'The request body is larger than this API accepts (100kb); send a shorter operation, and pass long values as variables',
        extensions: { code: 'PAYLOAD_TOO_LARGE' },
      },
    ]);
  });

  it('answers a charset it does not read with UNSUPPORTED_MEDIA_TYPE', async () => {
    const answer = await post(JSON.stringify({ query: '{ __typename }' }), 'application/json; charset=latin1');
    expect(answer.status).toBe(415);
    expectClean(answer);
    expect(answer.body.errors).toEqual([
      {
        message: 'The charset "latin1" is not supported; send UTF-8 (content-type: application/json; charset=utf-8)',
        extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' },
      },
    ]);
  });

  it('answers an operation type the schema lacks with a validation error that says so', async () => {
    const answer = await post(JSON.stringify({ query: 'subscription { changes }' }));
    expect(answer.status).toBe(400);
    expectClean(answer);
    expect(answer.body.errors).toHaveLength(1);
    expect(answer.body.errors?.[0]).toMatchObject({
      message: 'This API has no subscription operations; it offers query operations and mutation operations. Send a query instead, for example { service { name } }.',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', operation: 'subscription' },
    });
  });

  it('says what to fix when an operation has more problems than are listed', async () => {
    const fields = Array.from({ length: 150 }, (_, i) => `f${i}`).join(' ');
    const answer = await post(JSON.stringify({ query: `{ ${fields} }` }));
    expect(answer.status).toBe(400);
    expectClean(answer);
    const messages = (answer.body.errors ?? []).map((e) => e.message);
    expect(messages).toHaveLength(101);
    expect(messages[0]).toBe('Cannot query field "f0" on type "Query".');
    expect(messages[100]).toBe(
      'This operation has more problems than are listed here, so checking stopped after the first 100. ' +
        'Fix the problems above (one misspelt field repeated under many aliases is a common cause) and send it again.',
    );
    expect(answer.text).not.toContain('Validation aborted');
  });

  it('quotes a long input back only in part', async () => {
    const long = 'not-a-key-'.padEnd(500, 'x');
    const answer = await post(JSON.stringify({ query: 'query ($key: String!) { obligation(key: $key) { key } }', variables: { key: long } }));
    expectClean(answer);
    const message = answer.body.errors?.[0]?.message ?? '';
    expect(answer.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(message).not.toContain(long);
    expect(message).toContain(`"${long.slice(0, 60)}…"`);
  });

  it('answers an unknown path with a JSON NOT_FOUND that says where the API is', async () => {
    const answer = await send(server.app.url.replace(/\/graphql$/, '/no/such/page'), { method: 'GET' });
    expect(answer.status).toBe(404);
    expectClean(answer);
    expect(answer.body.errors).toEqual([
      {
        message: 'There is nothing at "/no/such/page"; the GraphQL API is at /graphql (POST JSON, or open it in a browser for the IDE)',
        extensions: { code: 'NOT_FOUND' },
      },
    ]);
  });
});

describe('headers', () => {
  it('sends nosniff and a referrer policy on every response, and a strict policy for JSON', async () => {
    const base = server.app.url.replace(/\/graphql$/, '');
    const answers = [
      await post(JSON.stringify({ query: '{ __typename }' })),
      await send(`${base}/health`, { method: 'GET' }),
      await send(`${base}/no/such/page`, { method: 'GET' }),
      await post('{"query": '),
    ];
    for (const answer of answers) {
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
      expect(answer.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'");
    }
  });

  it('keeps the IDE page\'s own strict policy, with no inline script', async () => {
    const page = await send(server.app.url.replace(/\/graphql$/, '/ide'), { method: 'GET', headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy.split(';').find((d) => d.trim().startsWith('script-src'))?.trim()).toBe("script-src 'self'");
  });
});

describe('the rate limit', () => {
  it('refuses a burst over the limit with 429, RateLimit and Retry-After, and never refuses /health or /ready', async () => {
    const answers = [];
    for (let i = 0; i < 6; i += 1) {
      answers.push(await send(limited.app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) }));
    }
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 429]);
    expect(answers[0]?.headers.get('ratelimit-policy')).toMatch(/^"5-in-1min"; q=5; w=60; pk=:[A-Za-z0-9+/=]+:$/);
    expect(answers[0]?.headers.get('ratelimit')).toMatch(/^"5-in-1min"; r=4; t=\d+/);
    const refused = answers[5];
    expect(refused?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(refused?.headers.get('ratelimit')).toMatch(/^"5-in-1min"; r=0; t=\d+/);
    expectClean(refused as Answer);
    const retryAfter = Number(refused?.headers.get('retry-after'));
    expect(refused?.body.errors).toEqual([
      {
        message: `Too many requests from this client: the limit is 5 per 60 s; try again in ${retryAfter} s`,
        extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: retryAfter },
      },
    ]);
    const base = limited.app.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect([200, 503]).toContain((await fetch(`${base}/ready`)).status);
  });
});
