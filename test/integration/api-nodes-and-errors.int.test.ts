/**
 * Relay `node` and `nodes` over every kind of node, and the API's refusals: unknown keys
 * answer NOT_FOUND, wrong arguments BAD_USER_INPUT, each message showing a valid value.
 */
import { describe, expect, it } from 'vitest';
import { dataOf, useSeededServer } from '../support/seeded.ts';

const server = useSeededServer();

type NodeRef = { __typename: string; id: string; key: string };

/** One node of every kind, as `{__typename, id, key}`, read through the entry points. */
async function oneOfEachKind(): Promise<NodeRef[]> {
  const node = '__typename id key';
  const data = await dataOf<Record<string, NodeRef> & { standard: NodeRef & { footnotes: NodeRef[] } }>(
    server,
    `{ revision(asOf: "2024-09-01") { ${node} }
       heading(key: "safeguarding", asOf: "2024-09-01") { ${node} }
       clause: provision(key: "1.53", asOf: "2024-09-01") { ${node} }
       principle: provision(key: "P3", asOf: "2024-09-01") { ${node} }
       standard: provision(key: "S10", asOf: "2024-09-01") { ${node} footnotes { ${node} } }
       obligation(key: "S8/3", asOf: "2024-09-01") { ${node} }
       term(key: "carer", asOf: "2024-09-01") { ${node} }
       body(key: "local-health-board") { ${node} }
       instrument(key: "anaw/2014/4") { ${node} }
       legalProvision(key: "anaw/2014/4/section/145") { ${node} }
       toolkitItem(key: "toolkit/templates") { ${node} }
       organisation(key: "social-care-wales") { ${node} }
       theme(key: "evidence-informed-decision-making") { ${node} } }`,
  );
  const { standard, ...others } = data;
  const { footnotes, ...standardNode } = standard;
  return [...Object.values(others), standardNode, ...footnotes.slice(0, 1)];
}

describe('node and nodes', () => {
  it('give back each of the 14 kinds of node by the global id the API gave it, in the order asked', async () => {
    const expected = await oneOfEachKind();
    expect(expected.map((n) => n.__typename).sort()).toEqual(
      ['Body', 'Clause', 'Footnote', 'Heading', 'Instrument', 'LegalProvision', 'Obligation', 'Organisation', 'Principle', 'Revision', 'Standard', 'Term', 'Theme', 'ToolkitItem'].sort(),
    );
    const ids = expected.map((n) => n.id);
    const data = await dataOf<{ nodes: unknown[] }>(
      server,
      `query ($ids: [ID!]!) { nodes(ids: $ids) {
         __typename id
         ... on Revision { key } ... on Heading { key } ... on Clause { key } ... on Principle { key } ... on Standard { key } ... on Obligation { key }
         ... on Term { key } ... on Body { key } ... on Instrument { key } ... on LegalProvision { key } ... on ToolkitItem { key }
         ... on Organisation { key } ... on Theme { key } ... on Footnote { key } } }`,
      { ids },
    );
    expect(data.nodes).toEqual(expected);
    for (const one of expected) {
      const single = await dataOf<{ node: unknown }>(server, 'query ($id: ID!) { node(id: $id) { __typename id } }', { id: one.id });
      expect(single.node).toEqual({ __typename: one.__typename, id: one.id });
    }
  });

  it('answer null with NOT_FOUND for the id of something that does not exist, beside the ones that do', async () => {
    const existing = Buffer.from('Obligation:2024-09-01|S8/3').toString('base64');
    const missing = Buffer.from('Obligation:2024-09-01|S8/99').toString('base64');
    const body = await server.graphql('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [existing, missing] });
    expect(body.data).toEqual({ nodes: [{ id: existing }, null] });
    expect(body.errors).toEqual([
      {
        message: `No node has the key "${missing}"; a valid key looks like "an id returned in an id field"`,
        locations: [{ line: 1, column: 24 }],
        path: ['nodes', 1],
        extensions: { code: 'NOT_FOUND' },
      },
    ]);
  });

  it('refuse an id the API never gives', async () => {
    const body = await server.graphql('{ node(id: "S8/3") { id } }');
    expect(body.data).toEqual({ node: null });
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'id' });
    expect(body.errors?.[0]?.message).toMatch(/^id must be an id this API returned in an id field, such as "[A-Za-z0-9+/=]+"; got "S8\/3"$/);
  });
});

/** The first error of an answer, as [message, extensions]. */
async function refusal(query: string, variables?: Record<string, unknown>): Promise<[string | undefined, Record<string, unknown> | undefined]> {
  const body = await server.graphql(query, variables);
  return [body.errors?.[0]?.message, body.errors?.[0]?.extensions];
}

describe('refusals', () => {
  it('say NOT_FOUND for unknown keys, showing a valid one', async () => {
    expect(await refusal('{ obligation(key: "S8/99", asOf: "2024-09-01") { key } }')).toEqual([
      'No obligation in revision 2024-09-01 has the key "S8/99"; a valid key looks like "S8/3"',
      { code: 'NOT_FOUND' },
    ]);
    expect(await refusal('{ provision(key: "1.99", asOf: "2024-09-01") { key } }')).toEqual([
      'No provision in revision 2024-09-01 has the key "1.99"; a valid key looks like "1.53"',
      { code: 'NOT_FOUND' },
    ]);
    expect(await refusal('{ instrument(key: "ukpga/2010/16") { key } }')).toEqual([
      'No instrument has the key "ukpga/2010/16"; a valid key looks like "anaw/2014/4"',
      { code: 'NOT_FOUND' },
    ]);
    expect(await refusal('{ body(key: "lhb") { key } }')).toEqual(['No body has the key "lhb"; a valid key looks like "local-health-board"', { code: 'NOT_FOUND' }]);
    expect(await refusal('{ revision(key: "2023-01-01") { key } }')).toEqual([
      'No revision of the Code has the key "2023-01-01"; a valid key looks like "2024-09-01"',
      { code: 'NOT_FOUND' },
    ]);
  });

  it('say NOT_FOUND for an unknown key in a filter rather than answering nothing', async () => {
    expect(await refusal('{ obligations(asOf: "2024-09-01", filter: {appliesTo: "health-board"}) { totalCount } }')).toEqual([
      'No body has the key "health-board"; a valid key looks like "local-health-board"',
      { code: 'NOT_FOUND' },
    ]);
    expect(await refusal('{ obligations(asOf: "2024-09-01", filter: {citing: "ukpga/2010/99"}) { totalCount } }')).toEqual([
      'No instrument, section, toolkit item or organisation has the key "ukpga/2010/99"; a valid key looks like "ukpga/2010/15"',
      { code: 'NOT_FOUND' },
    ]);
    expect(await refusal('{ obligations(asOf: "2024-09-01", filter: {standard: "S11"}) { totalCount } }')).toEqual([
      'No standard in revision 2024-09-01 has the key "S11"; a valid key looks like "S8"',
      { code: 'NOT_FOUND' },
    ]);
  });

  it('say BAD_USER_INPUT for a page size out of range, showing the range', async () => {
    expect(await refusal('{ obligations(first: 500) { totalCount } }')).toEqual(['first must be between 1 and 100; got 500', { code: 'BAD_USER_INPUT', argument: 'first' }]);
  });

  it('say BAD_USER_INPUT for a cursor the API never gave', async () => {
    const [message, extensions] = await refusal('{ obligations(after: "page-2") { totalCount } }');
    expect(extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'after' });
    expect(message).toMatch(/^after must be a cursor this API returned, such as pageInfo\.endCursor of the page before \(for example "[A-Za-z0-9+/=]+"\); got "page-2"$/);
  });

  it('say BAD_USER_INPUT for keys of the wrong form, showing the right form', async () => {
    expect(await refusal('{ obligation(key: "S8") { key } }')).toEqual([
      'key must be an obligation\'s key, such as "S8/3" or "1.53/1"; got "S8"',
      { code: 'BAD_USER_INPUT', argument: 'key' },
    ]);
    expect(await refusal('{ obligations(filter: {provision: "clause 1.53"}) { totalCount } }')).toEqual([
      'filter.provision must be a provision\'s key, such as "1.53", "P3" or "S8"; got "clause 1.53"',
      { code: 'BAD_USER_INPUT', argument: 'filter.provision' },
    ]);
  });

  it('say BAD_USER_INPUT when a revision and a date are both given', async () => {
    expect(await refusal('{ obligations(revision: "2024-09-01", asOf: "2024-09-01") { totalCount } }')).toEqual([
      'Give either revision or asOf, not both; for example revision: "2024-09-01" or asOf: "2024-09-01"',
      { code: 'BAD_USER_INPUT', argument: 'revision' },
    ]);
  });

  it('say BAD_USER_INPUT for a date that is not a date, showing one that is', async () => {
    expect(await refusal('query ($day: Date) { revision(asOf: $day) { key } }', { day: '2024-13-01' })).toEqual([
      'Variable "$day" got invalid value "2024-13-01"; Expected type "Date". A date must be written year-month-day, such as 2024-09-01; got "2024-13-01"',
      { code: 'BAD_USER_INPUT' },
    ]);
  });

  it('say BAD_USER_INPUT for a search with no words', async () => {
    expect(await refusal('{ search(text: "  ") { totalCount } }')).toEqual([
      'text must contain at least one word, such as "fees" or "real living wage"; got "  "',
      { code: 'BAD_USER_INPUT', argument: 'text' },
    ]);
  });
});
