/**
 * (The driver sends JavaScript numbers as floats; Cypher slices lists with integers only,
 * hence toInteger on page sizes and offsets.)
 *
 * The benchmark's workloads (docs/architecture.md, "Measuring"): each as GraphQL operations
 * sent over HTTP and as the equivalent hand-written Cypher sent straight through the driver
 * (the floor: one statement, no HTTP, no GraphQL, no loaders). A workload lists requests that
 * each client sends in turn; `after` lets a request chain on the last answer (the cursor walk).
 */

import { toFullTextQuery } from '../domain/full-text-query.ts';

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

/**
 * The same workload as an operation of the peer, `@neo4j/graphql` 7.6 (bench/serve-peer.ts,
 * bench/peer-type-defs.ts), one request for each of ours.
 */
export interface PeerSide {
  /** "same answer", or what the closest equivalent leaves out or does otherwise (printed with the ratio). */
  equivalence: string;
  graphql: readonly GraphQLRequest[];
  /**
   * What both sides must agree on before timing (bench/equal-data.ts): the same keys, counts
   * and order, read from our answer and from the peer's. One per request.
   */
  comparable: readonly { ours(data: unknown): unknown; peer(data: unknown): unknown }[];
  /**
   * What the check sends instead of the timed requests, where the two rank differently by
   * design and only a whole list can be compared (search: every hit, not the first 10).
   */
  check?: { ours: readonly GraphQLRequest[]; peer: readonly GraphQLRequest[] };
}

export interface Workload {
  name: string;
  graphql: readonly GraphQLRequest[];
  cypher: readonly CypherRequest[];
  peer: PeerSide;
  /** How many times the equal-data check sends each request (a chained request walks until its chain ends). */
  checkTurns?: number;
}

/** Reads a path of an answer's data (the answers are JSON: objects and lists). */
type Json = Record<string, unknown>;
const at = (value: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((v, step) => (v !== null && typeof v === 'object' ? (v as Json)[String(step)] : undefined), value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
/** Picks fields of an object, in the order given. */
const pick = (value: unknown, ...fields: string[]): Json => Object.fromEntries(fields.map((f) => [f, at(value, f) ?? null]));
/** The one element of a peer relationship list (`@neo4j/graphql` 7 has list relationships only). */
const one = (value: unknown): unknown => list(value)[0] ?? null;

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
    peer: {
      equivalence: 'same answer',
      graphql: [{ query: '{ __typename }', variables: fixed({}) }],
      comparable: [{ ours: (data) => data, peer: (data) => data }],
    },
  };
}

function provisionByKey(revision: string, pin: string): Workload {
  return {
    name: 'provision by key (S8)',
    graphql: [
      {
        query: `query ($key: String!) {
  provision(key: $key${pin}) { key label title text heading { title } obligations { key modality text } }
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
    peer: {
      // Our provision(key:) reads the revision in force today; the peer is given its uid.
      // `label` ("Standard 8: ...") is ours, computed: the peer returns kind, number and title.
      equivalence: 'closest: by uid of the revision in force; kind/number/title for our computed label',
      graphql: [
        {
          query: `query ($uid: String!) {
  provisions(where: { uid: { eq: $uid } }) { key kind number title text heading { title } obligations(sort: [{ order: ASC }]) { key modality text } }
}`,
          variables: fixed({ uid: `${revision}|S8` }),
        },
      ],
      comparable: [
        {
          ours: (data) => {
            const p = at(data, 'provision');
            return { ...pick(p, 'key', 'title', 'text'), heading: at(p, 'heading', 'title'), obligations: list(at(p, 'obligations')).map((o) => pick(o, 'key', 'modality', 'text')) };
          },
          peer: (data) => {
            const p = one(at(data, 'provisions'));
            return { ...pick(p, 'key', 'title', 'text'), heading: at(one(at(p, 'heading')), 'title'), obligations: list(at(p, 'obligations')).map((o) => pick(o, 'key', 'modality', 'text')) };
          },
        },
      ],
    },
  };
}

function obligationsOfBody(revision: string, pin: string): Workload {
  return {
    name: 'obligations of a body by modality',
    graphql: [
      {
        query: `query ($body: String!) {
  obligations(filter: { appliesTo: $body, modality: [MUST, MUST_NOT] }, first: 50${pin}) {
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
    peer: {
      // Our appliesTo filter also finds a body through the groups it belongs to; the local
      // health board belongs to none that obligations bind, so a direct match is the same set.
      equivalence: 'same answer (kind/number for our computed label)',
      graphql: [
        {
          query: `query ($body: String!, $revision: String!) {
  obligationsConnection(
    first: 50
    where: { revision: { eq: $revision }, modality: { in: ["MUST", "MUST_NOT"] }, appliesTo: { some: { key: { eq: $body } } } }
    sort: [{ order: ASC }]
  ) {
    totalCount
    edges {
      node {
        key text modality
        provision { key kind number title }
        addressees(sort: [{ isGroup: DESC }, { name: ASC }]) { key name }
        appliesToConnection(where: { node: { key: { eq: $body } } }) { edges { properties { reason explanation } } }
      }
    }
  }
}`,
          variables: fixed({ body: 'local-health-board', revision }),
        },
      ],
      comparable: [
        {
          ours: (data) => ({
            totalCount: at(data, 'obligations', 'totalCount'),
            nodes: list(at(data, 'obligations', 'nodes')).map((o) => ({
              ...pick(o, 'key', 'text', 'modality'),
              provision: at(o, 'provision', 'key'),
              addressees: list(at(o, 'addressees')).map((b) => pick(b, 'key', 'name')),
              appliesTo: list(at(o, 'appliesTo')).map((a) => pick(a, 'reason', 'explanation')),
            })),
          }),
          peer: (data) => ({
            totalCount: at(data, 'obligationsConnection', 'totalCount'),
            nodes: list(at(data, 'obligationsConnection', 'edges')).map((edge) => {
              const o = at(edge, 'node');
              return {
                ...pick(o, 'key', 'text', 'modality'),
                provision: at(one(at(o, 'provision')), 'key'),
                addressees: list(at(o, 'addressees')).map((b) => pick(b, 'key', 'name')),
                appliesTo: list(at(o, 'appliesToConnection', 'edges')).map((e) => pick(at(e, 'properties'), 'reason', 'explanation')),
              };
            }),
          }),
        },
      ],
    },
  };
}

function traceOf50(revision: string, pin: string): Workload {
  return {
    name: 'trace of 50 obligations',
    graphql: [
      {
        query: `{
  obligations(first: 50${pin}) { nodes { key trace { position kind relation key title url } } }
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
    peer: {
      // The peer has no flat trace: it nests provision > heading > revision > Code > enabling
      // provisions > Acts, and the check flattens that the way our trace orders it.
      equivalence: 'closest: the chain nested, not flat (flattened by the check); keys, relations and links compared',
      graphql: [
        {
          query: `query ($revision: String!) {
  obligations(limit: 50, where: { revision: { eq: $revision } }, sort: [{ order: ASC }]) {
    key text
    provision {
      key kind number title
      heading {
        key title
        inRevision {
          key title
          code {
            key title url
            issuedUnder(sort: [{ key: ASC }]) { key title url act { key title url } }
            guidanceUnder(sort: [{ key: ASC }]) { key title url act { key title url } }
          }
        }
      }
    }
  }
}`,
          variables: fixed({ revision }),
        },
      ],
      comparable: [
        {
          ours: (data) =>
            list(at(data, 'obligations', 'nodes')).map((o) => ({
              key: at(o, 'key'),
              trace: list(at(o, 'trace')).map((step) => pick(step, 'relation', 'key', 'url')),
            })),
          peer: (data) => list(at(data, 'obligations')).map(flattenPeerTrace),
        },
      ],
    },
  };
}

/** The peer's nested chain as our trace's steps: relation, key and link of each, in our order. */
function flattenPeerTrace(o: unknown): Json {
  const provision = one(at(o, 'provision'));
  const heading = one(at(provision, 'heading'));
  const revision = one(at(heading, 'inRevision'));
  const code = one(at(revision, 'code'));
  const step = (relation: string | null, node: unknown, url: unknown = null): Json => ({ relation, key: at(node, 'key') ?? null, url });
  const enabling = [
    ...list(at(code, 'issuedUnder')).map((lp) => ({ relation: 'ISSUED_UNDER', lp })),
    ...list(at(code, 'guidanceUnder')).map((lp) => ({ relation: 'GUIDANCE_UNDER', lp })),
  ];
  const acts = new Map<unknown, unknown>();
  for (const { lp } of enabling) {
    const act = one(at(lp, 'act'));
    if (!acts.has(at(act, 'key'))) acts.set(at(act, 'key'), act);
  }
  return {
    key: at(o, 'key'),
    trace: [
      step(null, o),
      step('STATED_IN', provision),
      step('UNDER_HEADING', heading),
      step('PART_OF_REVISION', revision),
      step('REVISION_OF', code, at(code, 'url') ?? null),
      ...enabling.map(({ relation, lp }) => step(relation, lp, at(lp, 'url') ?? null)),
      ...[...acts.values()].map((act) => step('PART_OF', act, at(act, 'url') ?? null)),
    ],
  };
}

function cursorWalk(revision: string, pin: string): Workload {
  return {
    name: `cursor walk, pages of ${PAGE_SIZE} (per page)`,
    graphql: [
      {
        query: `query ($after: String) {
  obligations(first: ${PAGE_SIZE}, after: $after${pin}) { totalCount pageInfo { hasNextPage endCursor } nodes { key modality text } }
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
    peer: {
      equivalence: 'same answer (cursors are each side\'s own)',
      graphql: [
        {
          query: `query ($revision: String!, $after: String) {
  obligationsConnection(first: ${PAGE_SIZE}, after: $after, where: { revision: { eq: $revision } }, sort: [{ order: ASC }]) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { key modality text } }
  }
}`,
          variables: (context) => ({ revision, after: context['after'] ?? null }),
          after: (data, context) => {
            const page = at(data, 'obligationsConnection', 'pageInfo');
            context['after'] = at(page, 'hasNextPage') === true ? at(page, 'endCursor') : null;
          },
        },
      ],
      comparable: [
        {
          ours: (data) => ({
            totalCount: at(data, 'obligations', 'totalCount'),
            hasNextPage: at(data, 'obligations', 'pageInfo', 'hasNextPage'),
            nodes: list(at(data, 'obligations', 'nodes')).map((o) => pick(o, 'key', 'modality', 'text')),
          }),
          peer: (data) => ({
            totalCount: at(data, 'obligationsConnection', 'totalCount'),
            hasNextPage: at(data, 'obligationsConnection', 'pageInfo', 'hasNextPage'),
            nodes: list(at(data, 'obligationsConnection', 'edges')).map((e) => pick(at(e, 'node'), 'key', 'modality', 'text')),
          }),
        },
      ],
    },
  };
}

const searchQuery = (first: number, pin: string): string => `query ($text: String!) {
  search(text: $text, first: ${first}${pin}) {
    totalCount
    nodes { kind score item { __typename ... on Obligation { key text } ... on Provision { key label } ... on Term { key term } ... on Instrument { key title } ... on ToolkitItem { key title } } }
  }
}`;

const peerSearchQuery = (first: number): string => `query ($phrase: String!, $revision: String!) {
  obligationsSearch(phrase: $phrase, first: ${first}, where: { node: { revision: { eq: $revision } } }, sort: [{ score: DESC }]) {
    totalCount edges { score node { key order text } }
  }
  provisionsSearch(phrase: $phrase, first: ${first}, where: { node: { revision: { eq: $revision } } }, sort: [{ score: DESC }]) {
    totalCount edges { score node { key order kind number title } }
  }
  termsSearch(phrase: $phrase, first: ${first}, where: { node: { revision: { eq: $revision } } }, sort: [{ score: DESC }]) {
    totalCount edges { score node { key order term } }
  }
  instrumentsSearch(phrase: $phrase, first: ${first}, sort: [{ score: DESC }]) { totalCount edges { score node { key title } } }
  toolkitItemsSearch(phrase: $phrase, first: ${first}, sort: [{ score: DESC }]) { totalCount edges { score node { key title } } }
}`;

/** The peer's root fields of one search, and the kind of hit each finds (null: the provision's own kind). */
const PEER_SEARCH_FIELDS = { obligationsSearch: 'OBLIGATION', provisionsSearch: null, termsSearch: 'TERM', instrumentsSearch: 'INSTRUMENT', toolkitItemsSearch: 'TOOLKIT_ITEM' } as const;
const num = (value: unknown): number => (typeof value === 'number' ? value : 0);
interface Hit {
  kind: unknown;
  key: unknown;
  score: unknown;
}
/** Hits as a set: by kind, then key. */
const asSet = (hits: Hit[]): Hit[] => [...hits].sort((a, b) => String(a.kind).localeCompare(String(b.kind)) || String(a.key).localeCompare(String(b.key)));

function search(revision: string, pin: string): Workload {
  const text = (context: Context): Record<string, unknown> => ({ text: nextWord(context) });
  const phrase = (context: Context): Record<string, unknown> => ({ phrase: toFullTextQuery(nextWord(context), 'text'), revision });
  return {
    name: 'full-text search',
    graphql: [{ query: searchQuery(10, pin), variables: text }],
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
    checkTurns: SEARCH_WORDS.length,
    peer: {
      // The peer has one full-text field per type and no merged ranking: one operation asks
      // each type for its best 10, with the Lucene query ours builds from the same words. Ours
      // ranks first the hits that hold every word as written, which the peer cannot, so the
      // check asks both sides for every hit and compares them as a set, with their scores.
      equivalence: 'closest: one full-text root field per type (5 statements), no merged ranking; every hit and score compared as a set',
      graphql: [{ query: peerSearchQuery(10), variables: phrase }],
      check: { ours: [{ query: searchQuery(100, pin), variables: text }], peer: [{ query: peerSearchQuery(100), variables: phrase }] },
      comparable: [
        {
          ours: (data) => ({
            totalCount: at(data, 'search', 'totalCount'),
            hits: asSet(list(at(data, 'search', 'nodes')).map((hit) => ({ kind: at(hit, 'kind'), key: at(hit, 'item', 'key'), score: at(hit, 'score') }))),
          }),
          peer: (data) => ({
            totalCount: Object.keys(PEER_SEARCH_FIELDS).reduce((total, field) => total + num(at(data, field, 'totalCount')), 0),
            hits: asSet(
              Object.entries(PEER_SEARCH_FIELDS).flatMap(([field, kind]) =>
                list(at(data, field, 'edges')).map((edge) => ({ kind: kind ?? at(edge, 'node', 'kind'), key: at(edge, 'node', 'key'), score: at(edge, 'score') })),
              ),
            ),
          }),
        },
      ],
    },
  };
}

/**
 * Every workload, the mix last: each client of the mix cycles through the others' requests.
 * Our operations read the revision in force today unless `pinned`, when they name `revision`
 * (as the peer's and the Cypher always do; bench/scale.ts pins the large synthetic revision).
 */
export function workloads(revision: string, { pinned = false }: { pinned?: boolean } = {}): Workload[] {
  const pin = pinned ? `, revision: "${revision}"` : '';
  const single = [typename(), provisionByKey(revision, pin), obligationsOfBody(revision, pin), traceOf50(revision, pin), cursorWalk(revision, pin), search(revision, pin)];
  const mixed = single.filter((w) => w.name !== '{ __typename }');
  return [
    ...single,
    {
      name: 'mix (the five above in turn)',
      graphql: mixed.flatMap((w) => w.graphql),
      cypher: mixed.flatMap((w) => w.cypher),
      // Each part is checked on its own; the mix sends the same requests.
      peer: { equivalence: 'as its parts', graphql: mixed.flatMap((w) => w.peer.graphql), comparable: [] },
    },
  ];
}
