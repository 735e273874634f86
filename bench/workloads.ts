/**
 * (The driver sends JavaScript numbers as floats; Cypher slices lists with integers only,
 * hence toInteger on page sizes and offsets.)
 *
 * The benchmark's workloads (docs/architecture.md, "Measuring"): each as GraphQL operations
 * sent over HTTP and as the equivalent hand-written Cypher sent straight through the driver
 * (the floor: one statement, no HTTP, no GraphQL, no loaders). A workload lists requests that
 * each client sends in turn; `after` lets a request chain on the last answer (the cursor walk).
 */

type Context = Record<string, unknown>;

export interface GraphQLRequest {
  query: string;
  variables(context: Context): Record<string, unknown>;
  /** Reads the answer's data to prepare the client's next request. */
  after?(data: unknown, context: Context): void;
}

export interface CypherRequest {
  name: string;
  cypher: string;
  params(context: Context): Record<string, unknown>;
  after?(rows: readonly Record<string, unknown>[], context: Context): void;
}

export interface Workload {
  name: string;
  graphql: readonly GraphQLRequest[];
  cypher: readonly CypherRequest[];
}

const fixed =
  (variables: Record<string, unknown>) =>
  (): Record<string, unknown> =>
    variables;

/** Search words the search workload cycles through, one per request. */
const SEARCH_WORDS = ['workforce data', 'fees', 'safeguarding', 'Welsh language', 'procurement', 'co-production'];
const nextWord = (context: Context): string => {
  const turn = typeof context['searchTurn'] === 'number' ? context['searchTurn'] : 0;
  context['searchTurn'] = turn + 1;
  return SEARCH_WORDS[turn % SEARCH_WORDS.length] ?? 'fees';
};

const PAGE_SIZE = 20;

function typename(): Workload {
  return {
    name: '{ __typename }',
    graphql: [{ query: '{ __typename }', variables: fixed({}) }],
    cypher: [{ name: 'one', cypher: 'RETURN 1 AS one', params: fixed({}) }],
  };
}

function provisionByKey(revision: string): Workload {
  return {
    name: 'provision by key (S8)',
    graphql: [
      {
        query: `query ($key: String!) {
  provision(key: $key) { key label title text heading { title } obligations { key modality text } }
}`,
        variables: fixed({ key: 'S8' }),
      },
    ],
    cypher: [
      {
        name: 'provisionByKey',
        cypher: `MATCH (h:Heading)-[:CONTAINS]->(p:Provision {uid: $uid})
RETURN p.key AS key, p.title AS title, p.text AS text, h.title AS heading,
  COLLECT { MATCH (o:Obligation)-[:STATED_IN]->(p) RETURN o {.key, .modality, .text} ORDER BY o.order } AS obligations`,
        params: fixed({ uid: `${revision}|S8` }),
      },
    ],
  };
}

function obligationsOfBody(revision: string): Workload {
  return {
    name: 'obligations of a body by modality',
    graphql: [
      {
        query: `query ($body: String!) {
  obligations(filter: { appliesTo: $body, modality: [MUST, MUST_NOT] }, first: 50) {
    totalCount
    nodes {
      key text modality
      provision { key label }
      addressees { key name }
      appliesTo(body: $body) { reason explanation }
    }
  }
}`,
        variables: fixed({ body: 'local-health-board' }),
      },
    ],
    cypher: [
      {
        name: 'obligationsOfBody',
        cypher: `MATCH (o:Obligation {revision: $revision})-[a:APPLIES_TO]->(:Body {key: $body})
WHERE o.modality IN $modalities
WITH o, a ORDER BY o.order
WITH collect({o: o, a: a}) AS rows
UNWIND rows[0..toInteger($first)] AS row
WITH size(rows) AS totalCount, row.o AS o, row.a AS a
RETURN totalCount, o {.key, .text, .modality,
  provision: [(o)-[:STATED_IN]->(p) | p {.key, .kind, .number, .title}][0],
  addressees: [(o)-[:ADDRESSES]->(b) | b {.key, .name}],
  appliesTo: {reason: a.reason, explanation: a.explanation}} AS node`,
        params: fixed({ revision, body: 'local-health-board', modalities: ['MUST', 'MUST_NOT'], first: 50 }),
      },
    ],
  };
}

function traceOf50(revision: string): Workload {
  return {
    name: 'trace of 50 obligations',
    graphql: [
      {
        query: `{
  obligations(first: 50) { nodes { key trace { position kind relation key title url } } }
}`,
        variables: fixed({}),
      },
    ],
    cypher: [
      {
        name: 'traceOf50',
        cypher: `MATCH (o:Obligation {revision: $revision}) WITH o ORDER BY o.order LIMIT 50
MATCH (o)-[:STATED_IN]->(p:Provision)<-[:CONTAINS]-(h:Heading)<-[:CONTAINS]-(r:Revision)-[:REVISION_OF]->(code:Instrument)
RETURN o.key AS key, o.text AS text, p.key AS provision, h.key AS headingKey, h.title AS heading,
  r.key AS revision, r.title AS revisionTitle, code.key AS code, code.title AS codeTitle,
  [(code)-[e:ISSUED_UNDER|GUIDANCE_UNDER]->(lp:LegalProvision)-[:PART_OF]->(act:Instrument) |
    {relation: type(e), key: lp.key, title: lp.title, url: lp.url, act: act.key, actTitle: act.title, actUrl: act.url}] AS enabling`,
        params: fixed({ revision }),
      },
    ],
  };
}

function cursorWalk(revision: string): Workload {
  return {
    name: `cursor walk, pages of ${PAGE_SIZE} (per page)`,
    graphql: [
      {
        query: `query ($after: String) {
  obligations(first: ${PAGE_SIZE}, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { key modality text } }
}`,
        variables: (context) => ({ after: context['after'] ?? null }),
        after: (data, context) => {
          const page = (data as { obligations?: { pageInfo?: { hasNextPage: boolean; endCursor: string | null } } } | null)?.obligations?.pageInfo;
          context['after'] = page?.hasNextPage === true ? page.endCursor : null;
        },
      },
    ],
    cypher: [
      {
        name: 'obligationsPage',
        cypher: `MATCH (o:Obligation {revision: $revision}) WITH o ORDER BY o.order
WITH collect(o {.key, .modality, .text}) AS rows, toInteger($offset) AS offset, toInteger($first) AS first
RETURN size(rows) AS totalCount, rows[offset..(offset + first)] AS nodes, size(rows) > offset + first AS hasNextPage`,
        params: (context) => ({ revision, offset: typeof context['offset'] === 'number' ? context['offset'] : 0, first: PAGE_SIZE }),
        after: (rows, context) => {
          const offset = typeof context['offset'] === 'number' ? context['offset'] : 0;
          context['offset'] = rows[0]?.['hasNextPage'] === true ? offset + PAGE_SIZE : 0;
        },
      },
    ],
  };
}

function search(revision: string): Workload {
  return {
    name: 'full-text search',
    graphql: [
      {
        query: `query ($text: String!) {
  search(text: $text, first: 10) {
    totalCount
    nodes { kind score item { __typename ... on Obligation { key text } ... on Provision { key label } ... on Term { key term } ... on Instrument { key title } ... on ToolkitItem { key title } } }
  }
}`,
        variables: (context) => ({ text: nextWord(context) }),
      },
    ],
    cypher: [
      {
        name: 'search',
        cypher: `CALL db.index.fulltext.queryNodes('searchText', $text) YIELD node, score
WITH node, score WHERE node.revision = $revision OR node:Instrument OR node:ToolkitItem
WITH node, score ORDER BY score DESC, coalesce(node.order, 0), node.key
WITH collect({labels: labels(node), key: node.key, text: node.text, title: node.title, term: node.term, score: score}) AS hits
RETURN size(hits) AS totalCount, hits[0..10] AS nodes`,
        params: (context) => ({ text: nextWord(context), revision }),
      },
    ],
  };
}

/** Every workload, the mix last: each client of the mix cycles through the others' requests. */
export function workloads(revision: string): Workload[] {
  const single = [typename(), provisionByKey(revision), obligationsOfBody(revision), traceOf50(revision), cursorWalk(revision), search(revision)];
  const mixed = single.filter((w) => w.name !== '{ __typename }');
  return [
    ...single,
    {
      name: 'mix (the five above in turn)',
      graphql: mixed.flatMap((w) => w.graphql),
      cypher: mixed.flatMap((w) => w.cypher),
    },
  ];
}
