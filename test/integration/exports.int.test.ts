/**
 * The open downloads (server/exports/, README "Downloads") over HTTP against the seeded Code:
 * the obligations as CSV and JSON for a filter given as query parameters, counted against the
 * API's own answer for the same filter; refusals in the API's own codes and words; drafts
 * never downloaded by anonymous callers; the revision as ELI JSON-LD and as Akoma Ntoso XML.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import jsonld from 'jsonld';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AUTH } from '../../core/config.ts';
import { createAccount } from '../../db/accounts.ts';
import { QueryRunner } from '../../db/run-query.ts';
import { issueToken } from '../../server/cli/issue-token.ts';
import { dataOf, useSeededServer } from '../support/seeded.ts';

const server = useSeededServer();
const origin = (): string => new URL(server.app.url).origin;

interface Download {
  status: number;
  type: string | null;
  disposition: string | null;
  bytes: Buffer;
  text: string;
}

async function download(pathAndQuery: string, token?: string): Promise<Download> {
  const response = await fetch(`${origin()}${pathAndQuery}`, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, type: response.headers.get('content-type'), disposition: response.headers.get('content-disposition'), bytes, text: bytes.toString('utf8') };
}

interface ErrorBody {
  errors: { message: string; extensions: Record<string, unknown> }[];
}
const errorOf = (answer: Download): ErrorBody['errors'][number] | undefined => (JSON.parse(answer.text) as ErrorBody).errors[0];

/** The keys of every obligation the API gives for a filter, in reading order, page by page. */
async function apiKeys(filter: Record<string, unknown>, args = ''): Promise<{ totalCount: number; keys: string[] }> {
  const keys: string[] = [];
  let after: string | null = null;
  let totalCount: number;
  do {
    const data: { obligations: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: { key: string }[] } } = await dataOf(
      server,
      `query ($filter: ObligationFilter, $after: String) { obligations(filter: $filter, first: 50, after: $after${args}) { totalCount pageInfo { hasNextPage endCursor } nodes { key } } }`,
      { filter, after },
    );
    totalCount = data.obligations.totalCount;
    keys.push(...data.obligations.nodes.map((node) => node.key));
    after = data.obligations.pageInfo.hasNextPage ? data.obligations.pageInfo.endCursor : null;
  } while (after !== null);
  return { totalCount, keys };
}

/** The message and code the API gives for an operation that must fail. */
async function apiError(query: string, variables?: Record<string, unknown>): Promise<{ message: string; code: unknown }> {
  const body = await server.graphql(query, variables);
  const [error] = body.errors ?? [];
  if (error === undefined) throw new Error(`expected an error from ${query}`);
  return { message: error.message, code: error.extensions?.['code'] };
}

/** The records of a CSV download (its byte-order mark left out). */
const rowsOf = (text: string): string[][] => parseCsv(text, { bom: true });

const COLUMNS = ['key', 'statement', 'sentence', 'modality', 'force', 'qualifiers', 'provision', 'heading', 'addressees', 'bodies bound (reason)', 'legal basis', 'source location'];

describe('GET /exports/obligations.csv', () => {
  it('opens with the byte-order mark, a row naming the revision, the columns, and exactly as many rows as the API counts for appliesTo=local-health-board', async () => {
    const answer = await download('/exports/obligations.csv?appliesTo=local-health-board');
    expect(answer.status).toBe(200);
    expect(answer.type).toBe('text/csv; charset=utf-8; header=present');
    expect(answer.disposition).toBe('attachment; filename="obligations-2024-09-01.csv"');
    expect([...answer.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = rowsOf(answer.text);
    const api = await apiKeys({ appliesTo: 'local-health-board' });
    const { revision, service } = await dataOf<{ revision: { title: string }; service: { graphLoadedAt: string } }>(server, '{ revision(key: "2024-09-01") { title } service { graphLoadedAt } }');
    expect(records[0]).toEqual([
      `Obligations of revision 2024-09-01 of the ${revision.title} (in force from 2024-09-01); filter: appliesTo=local-health-board; ${api.totalCount} obligations; graph loaded ${service.graphLoadedAt}`,
      ...COLUMNS.slice(1).map(() => ''),
    ]);
    expect(records[1]).toEqual(COLUMNS);
    expect(records.length - 2).toBe(api.totalCount);
    expect(records.slice(2).map((record) => record[0])).toEqual(api.keys);
    console.info(`obligations.csv?appliesTo=local-health-board: ${records.length - 2} rows; the API counts ${api.totalCount}`);
  });

  it('writes each obligation with its sentence, provision, heading, bodies bound with reasons, legal basis and source', async () => {
    const answer = await download('/exports/obligations.csv?provision=1.53');
    const records = rowsOf(answer.text);
    const { obligation } = await dataOf<{
      obligation: {
        statement: string;
        text: string;
        heading: { title: string };
        appliesTo: { body: { key: string }; reason: string; explanation: string }[];
        legalBasis: { relation: string; location: string | null; provision: { label: string; url: string; instrument: { title: string } }; binds: { body: { key: string }; location: string }[] }[];
        sources: { document: { title: string }; location: string }[];
      };
    }>(
      server,
      `{ obligation(key: "1.53/1") { statement text heading { title } appliesTo { body { key } reason explanation }
           legalBasis { relation location provision { label url instrument { title } } binds { body { key } location } }
           sources { document { title } location } } }`,
    );
    // The legal basis as the API gives it, one line per provision: what it is, where the Code says so, and whom it binds.
    const legalBasis = obligation.legalBasis.map(
      (b) =>
        `${b.relation}: ${b.provision.label} of the ${b.provision.instrument.title}${b.location === null ? '' : `, ${b.location}`}, ${b.provision.url}` +
        (b.binds.length === 0 ? '' : `; binds ${b.binds.map((binding) => `${binding.body.key} (${binding.location})`).join(', ')}`),
    );
    expect(legalBasis[0]).toBe('ISSUED_UNDER: Section 145 of the Social Services and Well-being (Wales) Act 2014, clause 1.1, https://www.legislation.gov.uk/anaw/2014/4/section/145; binds local-authority (clauses 1.1 and 1.4)');
    expect(records.slice(2)).toEqual([
      [
        '1.53/1',
        obligation.statement,
        obligation.text,
        'MUST',
        'REQUIREMENT',
        '',
        '1.53',
        obligation.heading.title,
        'commissioner',
        obligation.appliesTo.map((a) => `${a.body.key}: ${a.reason} (${a.explanation})`).join('\n'),
        legalBasis.join('\n'),
        obligation.sources.map((s) => `${s.document.title}, ${s.location}`).join('\n'),
      ],
    ]);
  });

  it('takes several filter fields and a day, and counts what the API counts for them', async () => {
    const answer = await download('/exports/obligations.csv?appliesTo=local-health-board&force=REQUIREMENT&asOf=2024-09-01');
    const records = rowsOf(answer.text);
    const api = await apiKeys({ appliesTo: 'local-health-board', force: 'REQUIREMENT' }, ', asOf: "2024-09-01"');
    expect(records[0]?.[0]).toContain('; filter: appliesTo=local-health-board&force=REQUIREMENT&asOf=2024-09-01; ');
    expect(records.slice(2).map((record) => record[0])).toEqual(api.keys);
  });

  it('takes a list as repeated parameters or separated by commas', async () => {
    const repeated = rowsOf((await download('/exports/obligations.csv?modality=MUST_NOT&modality=SHOULD_NOT')).text);
    const commas = rowsOf((await download('/exports/obligations.csv?modality=MUST_NOT,SHOULD_NOT')).text);
    const api = await apiKeys({ modality: ['MUST_NOT', 'SHOULD_NOT'] });
    expect(repeated.slice(2).map((record) => record[0])).toEqual(api.keys);
    expect(commas.slice(2).map((record) => record[0])).toEqual(api.keys);
  });
});

describe('GET /exports/obligations.json', () => {
  it('gives the revision, the filter, the count and every obligation, as many as the API counts', async () => {
    const answer = await download('/exports/obligations.json?appliesTo=local-health-board');
    expect(answer.status).toBe(200);
    expect(answer.type).toBe('application/json; charset=utf-8');
    const body = JSON.parse(answer.text) as {
      revision: { key: string; reviewDue: string; downloads: Record<string, string> };
      graphLoadedAt: string;
      filter: Record<string, string>;
      totalCount: number;
      obligations: { key: string; statement: string; sentence: string }[];
    };
    const api = await apiKeys({ appliesTo: 'local-health-board' });
    expect(body.revision).toMatchObject({
      key: '2024-09-01',
      reviewDue: '2026-09-01',
      downloads: {
        jsonld: `${origin()}/exports/revisions/2024-09-01.jsonld`,
        akn: `${origin()}/exports/revisions/2024-09-01.akn.xml`,
        csv: `${origin()}/exports/obligations.csv?revision=2024-09-01`,
        json: `${origin()}/exports/obligations.json?revision=2024-09-01`,
      },
    });
    expect(body.filter).toEqual({ appliesTo: 'local-health-board' });
    expect(body.totalCount).toBe(api.totalCount);
    expect(body.obligations).toHaveLength(api.totalCount);
    expect(body.obligations.map((o) => o.key)).toEqual(api.keys);
  });
});

describe('the downloads refuse what the API refuses, in its words', () => {
  it('refuses a value the Force enum does not have, naming the parameter and giving a valid download', async () => {
    const answer = await download('/exports/obligations.csv?force=SOMETIMES');
    expect(answer.status).toBe(400);
    expect(answer.type).toMatch(/^application\/json/);
    expect(errorOf(answer)).toEqual({
      message:
        'Query parameter force got invalid value "SOMETIMES" (one of REQUIREMENT, GUIDELINE); Value "SOMETIMES" does not exist in "Force" enum; for example /exports/obligations.csv?appliesTo=local-health-board&force=REQUIREMENT&asOf=2024-09-01',
      extensions: { code: 'BAD_USER_INPUT', argument: 'filter.force', example: '/exports/obligations.csv?appliesTo=local-health-board&force=REQUIREMENT&asOf=2024-09-01' },
    });
  });

  it('refuses a malformed provision key with the message of obligations(filter:)', async () => {
    const answer = await download('/exports/obligations.json?provision=1.5.3');
    const api = await apiError('{ obligations(filter: { provision: "1.5.3" }) { totalCount } }');
    expect(answer.status).toBe(400);
    expect(errorOf(answer)).toEqual({ message: api.message, extensions: { code: api.code, argument: 'filter.provision' } });
  });

  it('answers a body no one has with the NOT_FOUND of obligations(filter:)', async () => {
    const answer = await download('/exports/obligations.csv?appliesTo=nobody');
    const api = await apiError('{ obligations(filter: { appliesTo: "nobody" }) { totalCount } }');
    expect(answer.status).toBe(404);
    expect(errorOf(answer)).toEqual({ message: api.message, extensions: { code: 'NOT_FOUND' } });
  });

  it('refuses a revision and a day together, as the API does', async () => {
    const answer = await download('/exports/obligations.csv?revision=2024-09-01&asOf=2024-09-01');
    const api = await apiError('{ obligations(revision: "2024-09-01", asOf: "2024-09-01") { totalCount } }');
    expect(answer.status).toBe(400);
    expect(errorOf(answer)).toEqual({ message: api.message, extensions: { code: 'BAD_USER_INPUT', argument: 'revision' } });
  });

  it('answers a day before the first revision with the NOT_FOUND that names the first day in force', async () => {
    const answer = await download('/exports/obligations.csv?asOf=2020-01-01');
    const api = await apiError('{ obligations(asOf: "2020-01-01") { totalCount } }');
    expect(answer.status).toBe(404);
    expect(errorOf(answer)).toEqual({ message: api.message, extensions: { code: 'NOT_FOUND', asOf: '2020-01-01', firstInForceFrom: '2024-09-01', firstRevision: '2024-09-01' } });
  });

  it('refuses a day that is not a day, a parameter given twice and a parameter the filter has not', async () => {
    const day = await download('/exports/obligations.csv?asOf=2024-13-01');
    const twice = await download('/exports/obligations.csv?appliesTo=local-health-board&appliesTo=nhs-trust');
    const unknown = await download('/exports/obligations.csv?body=local-health-board');
    expect([day.status, twice.status, unknown.status]).toEqual([400, 400, 400]);
    expect(errorOf(day)?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'asOf', example: '/exports/obligations.csv?appliesTo=local-health-board&force=REQUIREMENT&asOf=2024-09-01' });
    expect(errorOf(day)?.message).toMatch(/^Query parameter asOf got invalid value "2024-13-01"; /);
    expect(errorOf(twice)?.message).toBe('appliesTo was given 2 times; give it once; for example /exports/obligations.csv?appliesTo=local-health-board&force=REQUIREMENT&asOf=2024-09-01');
    expect(errorOf(unknown)?.message).toMatch(/^"body" is not a parameter of this download; its parameters are modality, force, addressee, appliesTo, .*, asOf, prospective, revision; for example /);
  });

  it('says what can be downloaded at an address under /exports that has nothing', async () => {
    const answer = await download('/exports/obligations.xlsx');
    expect(answer.status).toBe(404);
    expect(errorOf(answer)?.extensions).toEqual({ code: 'NOT_FOUND' });
    expect(errorOf(answer)?.message).toMatch(/^There is no download at "\/exports\/obligations.xlsx"; the downloads are /);
  });
});

describe('drafts and the downloads', () => {
  const DRAFT = 'draft-export-check';

  it('never gives a draft to an anonymous caller, and gives it to a signed-in editor', async () => {
    const runner = new QueryRunner(server.db);
    await createAccount(runner, { username: 'exporter', displayName: 'Edna Exporter', roles: ['editor'], password: 'correct horse battery staple' });
    const auth = { ...DEFAULT_AUTH, issuer: undefined };
    const { token } = await issueToken({ auth, publicUrl: origin(), host: '127.0.0.1', port: 0, trustProxy: false }, server.db, 'exporter');
    const created = await fetch(server.app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: `mutation { createDraft(input: { key: "${DRAFT}" }) { revision { key } } }` }),
    });
    expect(await created.json()).toMatchObject({ data: { createDraft: { revision: { key: DRAFT } } } });

    const api = await apiError(`{ obligations(revision: "${DRAFT}") { totalCount } }`);
    for (const address of [`/exports/obligations.csv?revision=${DRAFT}`, `/exports/obligations.json?revision=${DRAFT}`, `/exports/revisions/${DRAFT}.jsonld`, `/exports/revisions/${DRAFT}.akn.xml`]) {
      const anonymous = await download(address);
      expect([address, anonymous.status, errorOf(anonymous)]).toEqual([address, 404, { message: api.message, extensions: { code: 'NOT_FOUND' } }]);
    }
    const signedIn = await download(`/exports/obligations.csv?revision=${DRAFT}`, token);
    expect(signedIn.status).toBe(200);
    const records = rowsOf(signedIn.text);
    expect(records[0]?.[0]).toMatch(new RegExp(`^Obligations of revision ${DRAFT} of the .* \\(a draft\\); filter: revision=${DRAFT}; \\d+ obligations; `));
    expect(records.slice(2).map((record) => record[0])).toEqual((await apiKeys({})).keys);
  });
});

describe('GET /exports/revisions/<key>.jsonld', () => {
  it('is JSON-LD that names the revision in the ELI vocabulary, with its dates, legal basis and parts', async () => {
    const answer = await download('/exports/revisions/2024-09-01.jsonld');
    expect(answer.status).toBe(200);
    expect(answer.type).toBe('application/ld+json; charset=utf-8');
    const expanded = await jsonld.expand(JSON.parse(answer.text) as jsonld.JsonLdDocument);
    // Flattened without a context: one expanded node object per node of the graph.
    const nodes = (await jsonld.flatten(expanded)) as unknown as Record<string, unknown>[];
    const ELI = 'http://data.europa.eu/eli/ontology#';
    const revisionNode = nodes.find((node) => (node['@type'] as string[] | undefined)?.includes(`${ELI}LegalResource`));
    const expression = nodes.find((node) => (node['@type'] as string[] | undefined)?.includes(`${ELI}LegalExpression`));
    const { revision } = await dataOf<{ revision: { title: string; provisions: { totalCount: number } } }>(server, '{ revision(key: "2024-09-01") { title provisions { totalCount } } }');
    expect(revisionNode).toMatchObject({
      '@id': `${origin()}/exports/revisions/2024-09-01.jsonld#revision`,
      [`${ELI}id_local`]: [{ '@value': '2024-09-01' }],
      [`${ELI}date_document`]: [{ '@value': '2024-06-11', '@type': 'http://www.w3.org/2001/XMLSchema#date' }],
      [`${ELI}first_date_entry_in_force`]: [{ '@value': '2024-09-01', '@type': 'http://www.w3.org/2001/XMLSchema#date' }],
      [`${ELI}in_force`]: [{ '@id': `${ELI}InForce-inForce` }],
      [`${ELI}based_on`]: [
        { '@id': 'http://www.legislation.gov.uk/id/anaw/2014/4/section/145' },
        { '@id': 'http://www.legislation.gov.uk/id/anaw/2014/4/section/169' },
        { '@id': 'http://www.legislation.gov.uk/id/ukpga/2006/42/section/2' },
      ],
    });
    expect(revisionNode?.[`${ELI}has_part`]).toHaveLength(revision.provisions.totalCount);
    expect(expression).toMatchObject({ [`${ELI}title`]: [{ '@value': revision.title, '@language': 'en' }], [`${ELI}language`]: [{ '@id': 'http://publications.europa.eu/resource/authority/language/ENG' }] });
  });
});

describe('GET /exports/revisions/<key>.akn.xml', () => {
  it('is well-formed Akoma Ntoso that holds the text of clause 1.53 as the API gives it', async () => {
    const answer = await download('/exports/revisions/2024-09-01.akn.xml');
    expect(answer.status).toBe(200);
    expect(answer.type).toBe('application/akn+xml; charset=utf-8');
    const parser = new SaxesParser({ xmlns: true });
    const errors: string[] = [];
    let root: { name: string; uri: string } | null = null;
    let inClause = false;
    let inP = false;
    const clauseText: string[] = [];
    parser.on('error', (error) => errors.push(error.message));
    parser.on('opentag', (tag) => {
      root ??= { name: tag.local, uri: tag.uri };
      if (tag.local === 'paragraph' && tag.attributes['eId']?.value === 'para_1.53') inClause = true;
      if (inClause && tag.local === 'p') inP = true;
    });
    parser.on('text', (text) => {
      if (inP) clauseText.push(text);
    });
    parser.on('closetag', (tag) => {
      if (tag.local === 'p') inP = false;
      if (tag.local === 'paragraph') inClause = false;
    });
    parser.write(answer.text).close();
    const { provision } = await dataOf<{ provision: { text: string } }>(server, '{ provision(key: "1.53") { text } }');
    expect(errors).toEqual([]);
    expect(root).toEqual({ name: 'akomaNtoso', uri: 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0' });
    expect(clauseText.join('')).toBe(provision.text);
  });

  it('has no Akoma Ntoso for a revision whose text the graph does not hold, and says where to look', async () => {
    const answer = await download('/exports/revisions/draft-2024-03-19.akn.xml');
    expect(answer.status).toBe(404);
    expect(errorOf(answer)).toEqual({
      message:
        'Revision draft-2024-03-19 has no text in the graph, so it has no Akoma Ntoso; its description is at /exports/revisions/draft-2024-03-19.jsonld, and a revision with text is /exports/revisions/2024-09-01.akn.xml',
      extensions: { code: 'NOT_FOUND' },
    });
  });
});
