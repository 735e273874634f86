/**
 * The round trips of an operation do not grow with the schema (docs/architecture.md, "Looking
 * ahead" and "Loaders and batching"): the hot paths' root fields plan one statement from the
 * fields asked below them (loaders/lookahead.ts), the DataLoaders batch the rest by level, so
 * round trips grow with the depth of what is not planned, never with the number of nodes; and
 * the published revisions, kept between requests (loaders/revision-cache.ts), cost none once
 * read. Counted by the debug extension (`extensions.queries`), over HTTP, on the seeded Code,
 * for the benchmark's own operations (bench/workloads.ts) among others. Each count is exact,
 * so a change that adds a round trip fails here. The servers keep the revisions for ten
 * minutes here, so that the counts do not depend on how fast the tests run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workloads } from '../../bench/workloads.ts';
import { newQueryLog, QueryRunner } from '../../db/run-query.ts';
import { RevisionCache } from '../../loaders/revision-cache.ts';
import { seededTestServer } from '../support/seeded.ts';
import { connectTestDatabase, startTestServer, type TestServer } from '../support/test-neo4j.ts';

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

/** The benchmark's operation of the workload named `name` (bench/workloads.ts), as the benchmark sends it. */
function benchmarked(name: string): { query: string; variables: Record<string, unknown> } {
  const workload = workloads('2024-09-01').find((w) => w.name.startsWith(name));
  const request = workload?.graphql[0];
  if (request === undefined) throw new Error(`bench/workloads.ts has no workload named "${name}"`);
  return { query: request.query, variables: request.variables({}) };
}

/** The round trips and statements of one request (the debug extension), with its data. */
async function counted(server: TestServer, query: string, variables?: Record<string, unknown>) {
  const body = await server.graphql(query, variables);
  expect(body.errors).toBeUndefined();
  return { data: body.data, queries: body.extensions?.['queries'] };
}

describe('Neo4j round trips of the benchmark\'s operations', () => {
  it('reads a provision by key with its heading and obligations in one statement', async () => {
    const { query, variables } = benchmarked('provision by key');
    const answer = await counted(batched, query, variables);
    expect(answer.data).toMatchObject({ provision: { key: 'S8', heading: { title: expect.any(String) as string } } });
    expect((answer.data as { provision: { obligations: unknown[] } }).provision.obligations.length).toBeGreaterThan(0);
    expect(answer.queries).toEqual({ roundTrips: 1, statements: ['provision'] });
    expect((await counted(unbatched, query, variables)).data).toEqual(answer.data);
  });

  it('reads the obligations of a body by modality with their provisions, addressees and reasons in one statement, the body checked in it', async () => {
    const { query, variables } = benchmarked('obligations of a body');
    const answer = await counted(batched, query, variables);
    const nodes = (answer.data as { obligations: { nodes: { appliesTo: unknown[] }[] } }).obligations.nodes;
    expect(nodes.length).toBeGreaterThan(10);
    expect(nodes.every((node) => node.appliesTo.length > 0)).toBe(true);
    expect(answer.queries).toEqual({ roundTrips: 1, statements: ['obligations'] });
    expect((await counted(unbatched, query, variables)).data).toEqual(answer.data);
  });

  it('reads the traces of 50 obligations in one statement', async () => {
    const { query, variables } = benchmarked('trace of 50');
    const answer = await counted(batched, query, variables);
    const nodes = (answer.data as { obligations: { nodes: { trace: unknown[] }[] } }).obligations.nodes;
    expect(nodes).toHaveLength(50);
    expect(nodes.every((node) => node.trace.length >= 7)).toBe(true);
    expect(answer.queries).toEqual({ roundTrips: 1, statements: ['obligations'] });
    expect((await counted(unbatched, query, variables)).data).toEqual(answer.data);
  });

  it('walks the obligations a page at a time with one statement a page', async () => {
    const { query } = benchmarked('cursor walk');
    const first = await counted(batched, query, { after: null });
    expect(first.queries).toEqual({ roundTrips: 1, statements: ['obligations'] });
  });

  it('searches in one statement', async () => {
    const { query, variables } = benchmarked('full-text search');
    expect((await counted(batched, query, variables)).queries).toEqual({ roundTrips: 1, statements: ['search'] });
  });
});

describe('Neo4j round trips of an operation', () => {
  it('costs one round trip for 100 obligations with their provisions, addressees, citations and traces', async () => {
    const answer = await run(batched, 100);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.obligations.nodes).toHaveLength(100);
    expect(answer.queries).toEqual({ roundTrips: 1, statements: ['obligations'] });
  });

  it('plans what is asked as deep as it is asked: a provision\'s obligations with their addressees, reasons and sources', async () => {
    const query = `{ provision(key: "1.53", asOf: "2024-09-01") { key sources { location } heading { key }
      obligations { key addressees { key } appliesTo(body: "local-authority") { reason } sources { location } provision { key } } } }`;
    const answer = await counted(batched, query);
    expect(answer.queries).toEqual({ roundTrips: 1, statements: ['provision'] });
    expect((answer.data as { provision: { obligations: unknown[] } }).provision.obligations.length).toBeGreaterThan(0);
    expect((await counted(unbatched, query)).data).toEqual(answer.data);
  });

  it('reads an obligation by key with its provision and heading, trace and legal basis for a body in two statements', async () => {
    const query = `{ obligation(key: "S8/3", asOf: "2024-09-01") { key provision { key heading { title } } trace { key } legalBasis(body: "local-health-board") { relation } } }`;
    const answer = await counted(batched, query);
    // The legal basis is not planned: its DataLoader reads it, the body and its members found where the plan left them.
    expect(answer.queries).toEqual({ roundTrips: 2, statements: ['obligation', 'legalBasisOfObligations'] });
    expect((await counted(unbatched, query)).data).toEqual(answer.data);
  });

  it('plans the applicability of a group body\'s members as applicabilityFor filters it, for the same answer', async () => {
    const query = `{ obligations(asOf: "2024-09-01", filter: { appliesTo: "statutory-partners" }, first: 40) { nodes { key
      group: appliesTo(body: "statutory-partners") { body { key name description } reason explanation via { key } }
      one: appliesTo(body: "local-health-board") { body { key } reason } } } }`;
    const answer = await counted(batched, query);
    // `via` is not planned: its body is read by bodyByKey.
    expect(answer.queries).toEqual({ roundTrips: 2, statements: ['obligations', 'bodiesByKey'] });
    const nodes = (answer.data as { obligations: { nodes: { group: { body: { key: string } }[] }[] } }).obligations.nodes;
    // The group's members are bound, not (only) the group itself.
    expect(nodes.some((node) => node.group.some((applicability) => applicability.body.key !== 'statutory-partners'))).toBe(true);
    expect((await counted(unbatched, query)).data).toEqual(answer.data);
  });

  it('reads what one path left out of a node when another path asks it, for the same answer', async () => {
    // The page reads S8's obligations without their statements and S8 without its text (and
    // primes the loaders with them first); the other roots ask for both, and for descriptions.
    const query = `{ page: obligations(asOf: "2024-09-01", filter: { provision: "S8" }, first: 20) { nodes { key provision { key label } addressees { key name } } }
      provision(key: "S8", asOf: "2024-09-01") { key text obligations { key statement addressees { key description } } }
      obligation(key: "S8/1", asOf: "2024-09-01") { key statement provision { key text } appliesTo { body { key description } reason } } }`;
    const planned = await counted(batched, query);
    const data = planned.data as { provision: { text: string; obligations: { statement: string; addressees: { description: string | null }[] }[] } };
    expect(data.provision.text.length).toBeGreaterThan(100);
    expect(data.provision.obligations.every((obligation) => obligation.statement.length > 0)).toBe(true);
    expect((await counted(unbatched, query)).data).toEqual(planned.data);
  });

  it('answers NOT_FOUND for the applicability of an unknown body, as the DataLoaders do', async () => {
    const query = '{ obligations(asOf: "2024-09-01", first: 2) { nodes { key appliesTo(body: "no-such-body") { reason } } } }';
    const [planned, loaded] = [await batched.graphql(query), await unbatched.graphql(query)];
    expect(planned.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect(planned.errors?.map((error) => error.message)).toEqual(loaded.errors?.map((error) => error.message));
    expect(planned.extensions?.['queries']).toEqual({ roundTrips: 1, statements: ['obligations'] });
  });

  it('answers a root field that asks nothing it plans from the DataLoader, which batches aliased roots', async () => {
    const answer = await counted(batched, '{ a: provision(key: "S8", asOf: "2024-09-01") { key title } b: provision(key: "S9", asOf: "2024-09-01") { key } }');
    expect(answer.queries).toEqual({ roundTrips: 1, statements: ['provisionsByUid'] });
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

  it('costs one round trip for the sources of 100 obligations and of their provisions', async () => {
    const answer = await batched.graphql<{ obligations: { nodes: { sources: unknown[]; provision: { sources: unknown[] } }[] } }>(
      '{ obligations(asOf: "2024-09-01", first: 100) { nodes { key sources { location document { key } } provision { key sources { location } } } } }',
    );
    expect(answer.errors).toBeUndefined();
    const nodes = answer.data?.obligations.nodes ?? [];
    expect(nodes).toHaveLength(100);
    expect(nodes.every((node) => node.sources.length === 1 && node.provision.sources.length === 1)).toBe(true);
    expect(answer.extensions?.['queries']).toEqual({ roundTrips: 1, statements: ['obligations'] });
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

describe('the published revisions kept between requests', () => {
  it('cost no statement while kept, one when the day in Wales turns, and one once REVISION_CACHE_MS has passed', async () => {
    const db = connectTestDatabase();
    try {
      // 23:59:50 in Wales on 31 August 2024 (British Summer Time, UTC+1), on a clock the test moves.
      let now = Date.parse('2024-08-31T22:59:50Z');
      const cache = new RevisionCache(10_000, () => now);
      const log = newQueryLog();
      const runner = new QueryRunner(db, log);
      const statusOf = async (key: string) => (await cache.published(runner)).find((r) => r.key === key)?.status;
      expect(await statusOf('2024-09-01')).toBe('LAID');
      now += 5_000;
      expect(await statusOf('2024-09-01')).toBe('LAID');
      expect(log.statements.map((s) => s.name)).toEqual(['allRevisions']);
      now += 5_001; // 00:00:00.001 on 1 September, within ten seconds of the read: a new day all the same
      expect(await statusOf('2024-09-01')).toBe('IN_FORCE');
      expect(log.statements.map((s) => s.name)).toEqual(['allRevisions', 'allRevisions']);
      now += 9_999;
      await cache.published(runner);
      expect(log.roundTrips).toBe(2);
      now += 1;
      await cache.published(runner);
      expect(log.roundTrips).toBe(3);
      cache.forget();
      await cache.published(runner);
      expect(log.roundTrips).toBe(4);
    } finally {
      await db.close();
    }
  });
});
