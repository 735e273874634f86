/**
 * Compiled execution (server/compiled-execution.ts) answers as graphql-js does: each operation
 * goes to two Apollo Servers over one schema, one executing with graphql-js and one with the
 * compiled executor, and the two answers must be the same, data and errors alike.
 */
import { ApolloServer } from '@apollo/server';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { GraphQLError } from 'graphql/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledExecution } from '../../../server/compiled-execution.ts';

interface Shelf {
  __typename: 'Shelf';
  name: string;
  items: ({ __typename: 'Book'; title: string; pages: number } | { __typename: 'Map'; title: string; scale: string })[];
}

const SHELVES: Shelf[] = [
  {
    __typename: 'Shelf',
    name: 'law',
    items: [
      { __typename: 'Book', title: 'The 2014 Act', pages: 210 },
      { __typename: 'Map', title: 'Wales', scale: '1:250000' },
    ],
  },
  { __typename: 'Shelf', name: 'empty', items: [] },
];

const schema = makeExecutableSchema({
  typeDefs: /* GraphQL */ `
    interface Item {
      title: String!
    }
    type Book implements Item {
      title: String!
      pages: Int!
    }
    type Map implements Item {
      title: String!
      scale: String!
    }
    type Shelf {
      name: String!
      items(first: Int = 10): [Item!]!
    }
    enum Order {
      NAME
      SIZE
    }
    type Query {
      echo(key: String!, order: Order = NAME): String!
      shelves(names: [String!]): [Shelf!]!
      refused: String
      missing: String!
      nested: Shelf
    }
  `,
  resolvers: {
    Query: {
      echo: (_root: unknown, { key, order }: { key: string; order: string }) => `${key} by ${order}`,
      shelves: (_root: unknown, { names }: { names: string[] | null }) => (names === null ? SHELVES : SHELVES.filter((shelf) => names.includes(shelf.name))),
      refused: () => {
        throw new GraphQLError('No such revision as 2031-01-01; try 2024-09-01', { extensions: { code: 'NOT_FOUND', key: '2031-01-01' } });
      },
      missing: () => null,
      nested: () => Promise.resolve({ ...SHELVES[0], name: null }),
    },
    Shelf: {
      items: (shelf: Shelf, { first }: { first: number }) => shelf.items.slice(0, first),
    },
  },
});

describe('compiled execution', () => {
  const reference = new ApolloServer({ schema });
  /** The errors the compiled side's plugins were told of, as plugins read them. */
  const seen: GraphQLError[] = [];
  const compiled = new ApolloServer({
    gateway: compiledExecution(schema),
    plugins: [{ requestDidStart: () => Promise.resolve({ didEncounterErrors: ({ errors }) => Promise.resolve(void seen.push(...errors)) }) }],
  });

  beforeAll(async () => {
    await Promise.all([reference.start(), compiled.start()]);
  });
  afterAll(async () => {
    await Promise.all([reference.stop(), compiled.stop()]);
  });

  /** Both answers to one operation, as JSON would carry them. */
  const both = async (query: string, variables?: Record<string, unknown>): Promise<{ reference: unknown; compiled: unknown }> => {
    const answer = async (server: ApolloServer): Promise<unknown> => {
      const response = await server.executeOperation({ query, ...(variables === undefined ? {} : { variables }) });
      return JSON.parse(JSON.stringify({ status: response.http.status ?? 200, body: response.body })) as unknown;
    };
    return { reference: await answer(reference), compiled: await answer(compiled) };
  };

  it('takes the default of a non-null variable that is not given, and the given value otherwise', async () => {
    const query = 'query Echo($key: String! = "1.53/1", $order: Order) { echo(key: $key, order: $order) }';
    const defaulted = await both(query);
    expect(defaulted.compiled).toEqual(defaulted.reference);
    expect(defaulted.compiled).toMatchObject({ body: { singleResult: { data: { echo: '1.53/1 by NAME' } } } });
    const given = await both(query, { key: 'S8', order: 'SIZE' });
    expect(given.compiled).toEqual(given.reference);
    expect(given.compiled).toMatchObject({ body: { singleResult: { data: { echo: 'S8 by SIZE' } } } });
  });

  it('answers lists, interfaces, aliases, fragments, arguments and @skip alike', async () => {
    const query = `query Shelves($names: [String!], $brief: Boolean!) {
      shelves(names: $names) {
        __typename
        label: name
        items(first: 5) {
          __typename
          title
          ... on Book { pages @skip(if: $brief) }
          ...MapFields
        }
      }
    }
    fragment MapFields on Map { scale }`;
    for (const variables of [{ names: null, brief: false }, { names: ['law'], brief: true }]) {
      const answers = await both(query, variables);
      expect(answers.compiled).toEqual(answers.reference);
    }
    const all = await both(query, { names: null, brief: false });
    expect(all.compiled).toMatchObject({
      body: {
        singleResult: {
          data: {
            shelves: [
              { label: 'law', items: [{ __typename: 'Book', title: 'The 2014 Act', pages: 210 }, { __typename: 'Map', title: 'Wales', scale: '1:250000' }] },
              { label: 'empty', items: [] },
            ],
          },
        },
      },
    });
  });

  it("gives a resolver's error with its message, location, path and extensions", async () => {
    const answers = await both('{ echo(key: "a") refused }');
    expect(answers.compiled).toEqual(answers.reference);
    expect(answers.compiled).toMatchObject({
      body: {
        singleResult: {
          data: { echo: 'a by NAME', refused: null },
          errors: [{ message: 'No such revision as 2031-01-01; try 2024-09-01', locations: [{ line: 1, column: 18 }], path: ['refused'], extensions: { code: 'NOT_FOUND', key: '2031-01-01' } }],
        },
      },
    });
  });

  it('nulls the parent of a non-null field that came back null, with the same error, which plugins see as graphql-js makes it', async () => {
    for (const query of ['{ missing }', '{ nested { name items { title } } }']) {
      seen.length = 0;
      const answers = await both(query);
      expect(answers.compiled).toEqual(answers.reference);
      expect(answers.compiled).toMatchObject({ body: { singleResult: { errors: [{ extensions: { code: 'INTERNAL_SERVER_ERROR' } }] } } });
      expect(seen.map((error) => ({ graphqlJs: Object.getPrototypeOf(error) === GraphQLError.prototype, extensions: error.extensions, path: error.path }))).toEqual([
        { graphqlJs: true, extensions: {}, path: query === '{ missing }' ? ['missing'] : ['nested', 'name'] },
      ]);
    }
  });

  it('refuses a variable of the wrong type or a missing one with 400 and the same message', async () => {
    const query = 'query Echo($key: String!, $order: Order) { echo(key: $key, order: $order) }';
    for (const variables of [{ key: 3 }, { key: 'a', order: 'SIDEWAYS' }, {}]) {
      const answers = await both(query, variables);
      expect(answers.compiled).toEqual(answers.reference);
      expect(answers.compiled).toMatchObject({ status: 400, body: { singleResult: { errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] } } });
    }
  });
});
