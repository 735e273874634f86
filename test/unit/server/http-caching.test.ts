// graphql's CommonJS entry, the instance the schema uses (see server/plugins/query-cost.ts).
import { getOperationAST, parse } from 'graphql/index.js';
import { describe, expect, it } from 'vitest';
import { cachePinsOf } from '../../../server/plugins/http-caching.ts';
import { buildSchema } from '../../../server/schema.ts';

const schema = buildSchema();

/** The pins of the one operation of `query`, or null when its answer may never be cached. */
function pinsOf(query: string): unknown {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (operation === null || operation === undefined) throw new Error('one operation, please');
  return cachePinsOf(schema, document, operation);
}

describe('cachePinsOf', () => {
  it('pins a provision of a revision written in the operation or given as a variable', () => {
    expect(pinsOf('{ provision(key: "S8", revision: "2024-09-01") { key heading { title } obligations { key } } }')).toEqual([{ literal: '2024-09-01' }]);
    expect(pinsOf('query ($r: String!, $key: String!) { provision(key: $key, revision: $r) { key } }')).toEqual([{ variable: 'r' }]);
  });

  it('pins every revision an operation reads, through fragments and nested fields that take one', () => {
    expect(
      pinsOf(`query { a: provision(key: "S8", revision: "2024-09-01") { ...P } b: obligations(revision: "2016-04-06", first: 5) { nodes { key } } }
        fragment P on Provision { key obligations { cites { ... on Instrument { citedByProvisions(revision: "2024-09-01") { totalCount } } } } }`),
    ).toEqual([{ literal: '2024-09-01' }, { literal: '2024-09-01' }, { literal: '2016-04-06' }]);
    expect(pinsOf('{ revisionDiff(from: "2016-04-06", to: "2024-09-01") { from { key } } }')).toEqual([{ literal: '2016-04-06' }, { literal: '2024-09-01' }]);
  });

  it('never caches what reads today: no revision, asOf, prospective, or a nested field without its revision', () => {
    expect(pinsOf('{ provision(key: "S8") { key } }')).toBeNull();
    expect(pinsOf('{ provision(key: "S8", asOf: "2024-09-01") { key } }')).toBeNull();
    expect(pinsOf('{ provision(key: "S8", revision: "2024-09-01", prospective: true) { key } }')).toBeNull();
    expect(pinsOf('{ provision(key: "S8", revision: "2024-09-01") { obligations { cites { ... on Instrument { citedByProvisions { totalCount } } } } } }')).toBeNull();
    expect(pinsOf('{ provision(key: "S8", revision: null) { key } }')).toBeNull();
  });

  it('never caches a field that changes with time, a root field that reads no revision, or a mutation', () => {
    expect(pinsOf('{ provision(key: "S8", revision: "2024-09-01") { revision { key title } } }')).toEqual([{ literal: '2024-09-01' }]);
    expect(pinsOf('{ provision(key: "S8", revision: "2024-09-01") { revision { status } } }')).toBeNull();
    expect(pinsOf('{ provision(key: "S8", revision: "2024-09-01") { revision { supersededBy { key } } } }')).toBeNull();
    expect(pinsOf('{ provision(key: "S8", revision: "2024-09-01") { key } service { name } }')).toBeNull();
    expect(pinsOf('{ revisions { key } }')).toBeNull();
    expect(pinsOf('{ __typename }')).toBeNull();
    expect(pinsOf('{ __schema { queryType { name } } }')).toBeNull();
    expect(pinsOf('mutation { createDraft(input: { key: "d" }) { revision { key } } }')).toBeNull();
  });
});
