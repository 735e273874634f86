/**
 * The loaders batch (docs/architecture.md, "Loaders and batching"): the Neo4j round trips of an
 * operation grow with its depth, not with the number of nodes it returns; and the published
 * revisions, kept between requests (loaders/revision-cache.ts), cost none once read. Counted by
 * the debug extension (`extensions.queries`), over HTTP, on the seeded Code. The servers keep
 * the revisions for ten minutes here, so that the counts do not depend on how fast the tests run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededTestServer } from '../support/seeded.ts';
import { startTestServer, type TestServer } from '../support/test-neo4j.ts';

let batched: TestServer;
let unbatched: TestServer;

const KEPT = { revisionCacheMs: 600_000 };

beforeAll(async () => {
  batched = await seededTestServer({ debugQueries: true, config: KEPT });
  unbatched = await startTestServer({ debugQueries: true, batching: false, config: KEPT });
  // The first data request of each server reads the published revisions, and keeps them.
  for (const server of [batched, unbatched]) {
    const first = await server.graphql('{ revision { key } }');
    expect(first.extensions?.['queries']).toEqual({ roundTrips: 1, statements: ['allRevisions'] });
  }
}, 180_000);

afterAll(async () => {
  await batched.close();
  await unbatched.close();
});

const OBLIGATIONS_WITH_EVERYTHING = `query ($first: Int) {
  obligations(asOf: "2024-09-01", first: $first) {
    totalCount
    nodes {
      key text modality force
      provision { key label }
      addressees { key name }
      cites { __typename ... on Instrument { key } ... on LegalProvision { key } ... on ToolkitItem { key } ... on Organisation { key } }
      trace { position kind key title url }
    }
  }
}`;

interface Answer {
  data?: { obligations: { totalCount: number; nodes: unknown[] } };
  errors?: unknown[];
  queries?: { roundTrips: number; statements: string[] };
}

async function run(server: TestServer, first: number): Promise<Answer> {
  const body = await server.graphql<{ obligations: { totalCount: number; nodes: unknown[] } }>(OBLIGATIONS_WITH_EVERYTHING, { first });
  return { data: body.data, errors: body.errors, queries: body.extensions?.['queries'] as Answer['queries'] };
}

describe('Neo4j round trips of an operation', () => {
  it('costs five round trips for 100 obligations with their provisions, addressees, citations and traces', async () => {
    const answer = await run(batched, 100);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.obligations.nodes).toHaveLength(100);
    expect(answer.queries).toEqual({
      roundTrips: 5,
      statements: ['obligations', 'provisionsOfObligations', 'addresseesOfObligations', 'citedByObligations', 'traceOfObligations'],
    });
  });

  it('costs the same for 10 obligations as for 100: round trips follow the depth of the query, not its size', async () => {
    const ten = await run(batched, 10);
    const hundred = await run(batched, 100);
    expect(ten.queries?.roundTrips).toBe(hundred.queries?.roundTrips);
  });

  it('costs one round trip per obligation and field with batching off, for the same answer', async () => {
    const withBatching = await run(batched, 100);
    const without = await run(unbatched, 100);
    expect(without.data).toEqual(withBatching.data);
    // obligations once, then four loads for each of the 100 obligations.
    expect(without.queries?.roundTrips).toBe(1 + 4 * 100);
  });

  it('costs one round trip for the sources of 100 obligations, and one more for those of their provisions', async () => {
    const answer = await batched.graphql<{ obligations: { nodes: { sources: unknown[]; provision: { sources: unknown[] } }[] } }>(
      '{ obligations(asOf: "2024-09-01", first: 100) { nodes { key sources { location document { key } } provision { key sources { location } } } } }',
    );
    expect(answer.errors).toBeUndefined();
    const nodes = answer.data?.obligations.nodes ?? [];
    expect(nodes).toHaveLength(100);
    expect(nodes.every((node) => node.sources.length === 1 && node.provision.sources.length === 1)).toBe(true);
    expect(answer.extensions?.['queries']).toEqual({
      roundTrips: 4,
      statements: ['obligations', 'sourcesOfNodes', 'provisionsOfObligations', 'sourcesOfNodes'],
    });
  });

  it('reads the sources of search hits of seven kinds in one round trip', async () => {
    const sourced = 'sources { location }';
    const answer = await batched.graphql<{ search: { nodes: { item: { __typename: string; sources: unknown[] } }[] } }>(
      `{ search(text: "social care", asOf: "2024-09-01", first: 100) { nodes { item { __typename
           ... on Obligation { ${sourced} } ... on Clause { ${sourced} } ... on Principle { ${sourced} } ... on Standard { ${sourced} }
           ... on Term { ${sourced} } ... on Instrument { ${sourced} } ... on ToolkitItem { ${sourced} } } } } }`,
    );
    expect(answer.errors).toBeUndefined();
    const items = answer.data?.search.nodes.map((node) => node.item) ?? [];
    expect([...new Set(items.map((item) => item.__typename))].sort()).toEqual(['Clause', 'Instrument', 'Obligation', 'Principle', 'Standard', 'Term', 'ToolkitItem']);
    expect(items.every((item) => item.sources.length === 1)).toBe(true);
    expect(answer.extensions?.['queries']).toEqual({ roundTrips: 2, statements: ['search', 'sourcesOfNodes'] });
  });

  it('fetches 30 obligations by their global ids in one round trip', async () => {
    const ids = (await batched.graphql<{ obligations: { nodes: { id: string }[] } }>('{ obligations(asOf: "2024-09-01", first: 30) { nodes { id } } }')).data?.obligations.nodes.map(
      (n) => n.id,
    );
    const answer = await batched.graphql<{ nodes: { id: string }[] }>('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
    expect(answer.data?.nodes.map((n) => n.id)).toEqual(ids);
    expect(answer.extensions?.['queries']).toEqual({ roundTrips: 1, statements: ['obligationsByUid'] });
  });
  it('answers a question about the revisions alone with no round trip once they are kept', async () => {
    const kept = await batched.graphql('{ revision(key: "2024-09-01") { key status inForceFrom } revisions { key } }');
    expect(kept.errors).toBeUndefined();
    expect(kept.extensions?.['queries']).toEqual({ roundTrips: 0, statements: [] });
  });
});
