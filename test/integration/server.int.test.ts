import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryRunner } from '../../db/run-query.ts';
import { startTestServer, type TestServer } from '../support/test-neo4j.ts';

describe('the HTTP server on the real Neo4j', () => {
  let server: TestServer;
  const base = (): string => server.app.url.replace(/\/graphql$/, '');

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers { __typename } over HTTP POST', async () => {
    expect(await server.graphql('{ __typename }')).toEqual({
      data: { __typename: 'Query' },
      extensions: { cost: { requested: 0, limit: 5000 }, queries: { roundTrips: 0, statements: [] } },
    });
  });

  it('reports the Neo4j 5.26 it talks to, in one round trip', async () => {
    const body = await server.graphql<{ service: { name: string; databaseVersion: string } }>(
      '{ service { name databaseVersion } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.service.name).toBe('care-code-graph');
    expect(body.data?.service.databaseVersion).toMatch(/^5\.\d+/);
    expect(body.extensions).toEqual({ cost: { requested: 1, limit: 5000 }, queries: { roundTrips: 1, statements: ['serviceInfo'] } });
  });

  it('writes a node to Neo4j and reads the same node back', async () => {
    const runner = new QueryRunner(server.db);
    const marker = `round-trip-${Date.now()}`;
    await runner.write('roundTripWrite', 'CREATE (:RoundTrip {marker: $marker, n: 42})', { marker });
    const rows = await runner.read<{ n: number }>('roundTripRead', 'MATCH (r:RoundTrip {marker: $marker}) RETURN r.n AS n', { marker });
    expect(rows).toEqual([{ n: 42 }]);
    await runner.write('roundTripCleanUp', 'MATCH (r:RoundTrip {marker: $marker}) DELETE r', { marker });
  });

  it('answers GET /graphql when the request carries a preflight header', async () => {
    const response = await fetch(`${server.app.url}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: unknown }).data).toEqual({ __typename: 'Query' });
  });

  it('refuses a simple GET without a preflight header (CSRF prevention)', async () => {
    const response = await fetch(`${server.app.url}?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.status).toBe(400);
  });

  it('refuses a batched request (an array of operations)', async () => {
    const response = await fetch(server.app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(response.status).toBe(400);
  });

  it('refuses a body over the JSON limit with 413', async () => {
    const response = await fetch(server.app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(200_000) } }),
    });
    expect(response.status).toBe(413);
  });

  it('says it is up on /health and that Neo4j answers on /ready', async () => {
    expect(await (await fetch(`${base()}/health`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base()}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});
