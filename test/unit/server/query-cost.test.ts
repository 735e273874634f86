// graphql's CommonJS entry, the instance the server's schema and the estimator use (see the
// note at the top of server/plugins/query-cost.ts).
import { buildSchema, parse } from 'graphql/index.js';
import { describe, expect, it } from 'vitest';
import { costVariablesOf, estimateCost } from '../../../server/plugins/query-cost.ts';

// A small schema with the shapes the real one has: a connection, a plain list, a list by ids, a diff.
const schema = buildSchema(`
  type Query {
    things(first: Int = 20, after: String): ThingConnection!
    thing(key: String!): Thing
    nodes(ids: [ID!]!): [Thing]!
    revisionDiff(from: String!, to: String!): RevisionDiff
  }
  type RevisionDiff { provisions(change: [String!]): [Part!]! obligations(change: [String!]): [ObligationChange!]! }
  type ObligationChange { keyAfter: String bindsNow: [Binding!]! hunks: [Part!]! after: Thing }
  type Binding { body: Part! }
  type ThingConnection { totalCount: Int! pageInfo: PageInfo! nodes: [Thing!]! edges: [ThingEdge!]! }
  type ThingEdge { cursor: String! node: Thing! }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type Thing { key: String! parts: [Part!]! related(first: Int = 20): ThingConnection! owner: Part }
  type Part { name: String! }
`);

const cost = (query: string, variables: Record<string, unknown> = {}): number =>
  estimateCost({ schema, query: parse(query), variables });

describe('estimateCost', () => {
  it('counts nothing for __typename and introspection', () => {
    expect(cost('{ __typename }')).toBe(0);
    expect(cost('{ __schema { types { name fields { name type { name ofType { name } } } } } }')).toBe(0);
  });

  it('counts one for each object and nothing for scalars', () => {
    expect(cost('{ thing(key: "a") { key owner { name } } }')).toBe(2);
  });

  it('multiplies what each node of a connection costs by its page size, default 20', () => {
    expect(cost('{ things { totalCount } }')).toBe(1);
    expect(cost('{ things { nodes { key } } }')).toBe(1 + 20 * 1);
    expect(cost('{ things(first: 50) { edges { node { key } } pageInfo { hasNextPage } } }')).toBe(1 + 50 * (2 + 1));
  });

  it('reads the page size from the variables and caps it at 100', () => {
    expect(cost('query ($n: Int) { things(first: $n) { nodes { key } } }', { n: 7 })).toBe(1 + 7);
    expect(cost('{ things(first: 5000) { nodes { key } } }')).toBe(1 + 100);
  });

  it('multiplies a plain list by 10, and nodes(ids:) by the number of ids', () => {
    expect(cost('{ thing(key: "a") { parts { name } } }')).toBe(1 + 10);
    expect(cost('{ nodes(ids: ["a", "b", "c"]) { key } }')).toBe(3);
  });

  it('counts a diff\'s provisions and obligations as full pages of 100, and the lists inside an entry as four', () => {
    expect(cost('{ revisionDiff(from: "a", to: "b") { provisions { name } } }')).toBe(1 + 100 * 1);
    expect(cost('{ revisionDiff(from: "a", to: "b") { obligations { keyAfter bindsNow { body { name } } hunks { name } after { key } } } }')).toBe(
      1 + 100 * (1 + 4 * (1 + 1) + 4 * 1 + 1),
    );
  });

  it('makes a 100 x 100 fan-out cost about 10,000', () => {
    expect(cost('{ things(first: 100) { nodes { related(first: 100) { nodes { key } } } } }')).toBe(1 + 100 * (1 + 1 + 100));
  });
});

describe('costVariablesOf', () => {
  it('names the variables of size arguments and directives, which alone can change an estimate', () => {
    const document = parse('query ($key: String!, $n: Int, $ids: [ID!]!, $deep: Boolean!) { thing(key: $key) { related(first: $n) { totalCount } owner @include(if: $deep) { name } } nodes(ids: $ids) { key } }');
    expect(costVariablesOf(document).sort()).toEqual(['deep', 'ids', 'n']);
    expect(costVariablesOf(parse('query ($key: String!) { thing(key: $key) { key } }'))).toEqual([]);
  });
});
