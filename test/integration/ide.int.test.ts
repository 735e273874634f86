/**
 * The IDE (docs/architecture.md, "The IDE"): the GraphQL IDE is served by the server itself and
 * needs nothing from any other origin; its example operations run on the seeded Code within the
 * limits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCode } from '../../seed/index.ts';
import { loadExamples } from '../../server/ide/examples.ts';
import { startTestServer, type TestServer } from '../support/test-neo4j.ts';

/** Every src= and href= of a page, as absolute URLs against the page's own. */
function referencedUrls(html: string, pageUrl: string): URL[] {
  return [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((match) => new URL(match[1] ?? '', pageUrl));
}

describe('the GraphQL IDE', () => {
  let server: TestServer;
  let origin: string;

  beforeAll(async () => {
    server = await startTestServer();
    origin = new URL(server.app.url).origin;
    await seedCode(server.db);
  });
  afterAll(async () => {
    await server.close();
  });

  const getPage = async (url: string): Promise<{ status: number; type: string | null; csp: string | null; html: string }> => {
    const response = await fetch(url, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      csp: response.headers.get('content-security-policy'),
      html: await response.text(),
    };
  };

  it('answers a browser at /graphql and at /ide with the same page', async () => {
    const atGraphql = await getPage(server.app.url);
    const atIde = await getPage(`${origin}/ide`);
    expect(atGraphql.status).toBe(200);
    expect(atGraphql.type).toBe('text/html; charset=utf-8');
    expect(atGraphql.html).toContain('<title>care-code-graph · GraphiQL</title>');
    expect(atIde.html).toBe(atGraphql.html);
  });

  it('refers to no script, stylesheet or other file outside its own origin', async () => {
    const { html } = await getPage(server.app.url);
    const urls = referencedUrls(html, server.app.url);
    // The one data: URL is the empty icon written in the page itself.
    expect(urls.filter((url) => url.protocol === 'data:').map(String)).toEqual(['data:,']);
    const files = urls.filter((url) => url.protocol !== 'data:');
    expect(files.map((url) => url.pathname).sort()).toEqual(['/ide/assets/graphiql.css', '/ide/assets/ide.js']);
    for (const url of files) expect(url.origin).toBe(origin);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('tells the browser to load and call nothing but this server', async () => {
    const { csp } = await getPage(server.app.url);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("worker-src 'self'");
  });

  it('serves every file the page and its script load, from this server', async () => {
    const { html } = await getPage(server.app.url);
    const files = referencedUrls(html, server.app.url).filter((url) => url.protocol !== 'data:');
    const script = files.find((url) => url.pathname.endsWith('/ide.js'));
    expect(script).toBeDefined();
    const scriptText = await (await fetch(script ?? '')).text();
    // The script imports GraphiQL and names Monaco's three workers, all beside itself.
    const loaded = [...scriptText.matchAll(/["']\.?\/?([\w.-]+\.js)["']/g)].map((m) => new URL(m[1] ?? '', script));
    expect(loaded.map((url) => url.pathname).sort()).toEqual([
      '/ide/assets/editor.worker.js',
      '/ide/assets/graphql.worker.js',
      '/ide/assets/json.worker.js',
      '/ide/assets/yoga-graphiql.es.js',
    ]);
    for (const url of [...files, ...loaded]) {
      const response = await fetch(url);
      expect({ url: url.pathname, status: response.status }).toEqual({ url: url.pathname, status: 200 });
      expect(response.headers.get('content-type')).toMatch(url.pathname.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
  });

  it('answers 404 for an asset it does not have', async () => {
    expect((await fetch(`${origin}/ide/assets/constructor`)).status).toBe(404);
    expect((await fetch(`${origin}/ide/assets/..%2Fpackage.json`)).status).toBe(404);
  });

  it('leaves GET /graphql with an operation to the API (and its CSRF check)', async () => {
    const response = await fetch(`${server.app.url}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'text/html, application/json;q=0.9', 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ data: { __typename: 'Query' } });
  });

  it('runs each example operation on the seeded Code without errors and within the cost limit', async () => {
    for (const example of loadExamples()) {
      const body = await server.graphql(example.text);
      expect({ name: example.name, errors: body.errors }).toEqual({ name: example.name, errors: undefined });
      const cost = body.extensions?.['cost'] as { requested: number; limit: number };
      expect(cost.requested).toBeLessThanOrEqual(cost.limit);
    }
  });
});
