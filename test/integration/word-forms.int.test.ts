/**
 * Word forms (issue 13, point 1; docs/architecture.md, "Searching words"): the full-text
 * indexes read English, so "fees" finds "fee rates" and "safeguard" finds "safeguarding";
 * a quoted word or phrase only as written; the words as written rank first in `search`; an
 * empty answer says which words are not there and the nearest that are. And the schema step:
 * a database whose full-text indexes were built with another analyzer is told outdated and
 * rebuilt. Through HTTP by the real server over the seeded Code, compared whole.
 */
import { describe, expect, it } from 'vitest';
import { ensureGraphSchema, readSchemaState } from '../../db/graph-schema.ts';
import { readiness } from '../../db/readiness.ts';
import { QueryRunner } from '../../db/run-query.ts';
import { ENGLISH_STOP_WORDS } from '../../domain/full-text-query.ts';
import { dataOf, useSeededServer } from '../support/seeded.ts';

const server = useSeededServer();

const keysOf = (nodes: { key: string }[]): string[] => nodes.map((node) => node.key);

interface Obligations {
  obligations: { totalCount: number; nodes: { key: string }[]; hint: unknown };
}

const obligations = (filter: Record<string, unknown>): Promise<Obligations> =>
  dataOf<Obligations>(
    server,
    `query ($filter: ObligationFilter) {
       obligations(revision: "2024-09-01", filter: $filter, first: 100) {
         totalCount nodes { key } hint { message words { argument asked status matches suggestions } }
       } }`,
    { filter },
  );

const refusal = async (filter: Record<string, unknown>): Promise<unknown> =>
  (await server.graphql('query ($filter: ObligationFilter) { obligations(revision: "2024-09-01", filter: $filter) { totalCount } }', { filter })).errors?.map(
    (error) => ({ message: error.message, code: error.extensions?.['code'], argument: error.extensions?.['argument'] }),
  );

describe('word forms in the obligations text filter', () => {
  it('finds the obligations of Standards 7 and 8 that mention fees, though they say "fee setting" and "fee rates"', async () => {
    const data = await dataOf<{ obligations: { totalCount: number; nodes: { key: string; text: string }[] } }>(
      server,
      '{ obligations(revision: "2024-09-01", filter: {text: "fees"}) { totalCount nodes { key text } } }',
    );
    const feeSetting =
      'Statutory partners and providers must work collaboratively to understand fair and sustainable costs of delivering care to inform decisions relating to fee setting and there must be a consistent and transparent approach to fee setting processes.';
    expect(data).toEqual({
      obligations: {
        totalCount: 4,
        nodes: [
          { key: 'S7/2', text: feeSetting },
          { key: 'S7/3', text: feeSetting },
          {
            key: 'S8/2',
            text: 'Statutory partners must be transparent and consistent when setting fee rates ensuring that they are assessing fair and sustainable costs of care and support and ensuring public value.',
          },
          { key: 'S8/3', text: 'Statutory partners must confirm their fee rates to providers in a timely manner before the start of each financial year.' },
        ],
      },
    });
  });

  it('finds "safeguarding" for "safeguard", and the same for either form', async () => {
    const [safeguard, safeguarding] = await Promise.all([obligations({ text: 'safeguard' }), obligations({ text: 'safeguarding' })]);
    expect(keysOf(safeguard.obligations.nodes)).toEqual(['1.86/1', '1.87/1']);
    expect(safeguarding).toEqual(safeguard);
  });

  it('keeps a quoted phrase exact: "fee rates" as written, "fee rate" nowhere', async () => {
    expect(keysOf((await obligations({ text: '"fee rates"' })).obligations.nodes)).toEqual(['S8/2', 'S8/3']);
    expect(await obligations({ text: '"fee rate" the' })).toEqual({
      obligations: {
        totalCount: 0,
        nodes: [],
        hint: {
          message:
            '"fee rate" is not found as written in the text of any obligation of revision 2024-09-01, but in other forms in 2 obligations: try it without the quotes. "the" was left out: too common to be searched for.',
          words: [
            { argument: 'filter.text', asked: '"fee rate"', status: 'NOT_FOUND', matches: 0, suggestions: ['fee rate'] },
            { argument: 'filter.text', asked: 'the', status: 'TOO_COMMON', matches: 0, suggestions: [] },
          ],
        },
      },
    });
  });

  it('gives no hint when something matched', async () => {
    expect((await obligations({ text: 'fees' })).obligations.hint).toBeNull();
  });

  it('says which word is not there and the nearest words that are', async () => {
    expect(await obligations({ text: 'feez' })).toEqual({
      obligations: {
        totalCount: 0,
        nodes: [],
        hint: {
          message: '"feez" is not found in the text of any obligation of revision 2024-09-01, in any form; the nearest words that are: "fee".',
          words: [{ argument: 'filter.text', asked: 'feez', status: 'NOT_FOUND', matches: 0, suggestions: ['fee'] }],
        },
      },
    });
  });

  it('says when every word is found but not together', async () => {
    expect((await obligations({ text: 'fees welsh' })).obligations.hint).toEqual({
      message: 'Each word is found, but no obligation holds them all: "fees" in 4 obligations, "welsh" in 12.',
      words: [
        { argument: 'filter.text', asked: 'fees', status: 'FOUND', matches: 4, suggestions: [] },
        { argument: 'filter.text', asked: 'welsh', status: 'FOUND', matches: 12, suggestions: [] },
      ],
    });
  });

  it('says when the words are found together but the other filters leave nothing', async () => {
    expect((await obligations({ text: 'fees', modality: ['MAY'] })).obligations.hint).toEqual({
      message: '4 obligations hold every word asked for, but none of them matches the other filters.',
      words: [{ argument: 'filter.text', asked: 'fees', status: 'FOUND', matches: 4, suggestions: [] }],
    });
  });

  it('refuses text of only the commonest words, naming them, with an example', async () => {
    expect(await refusal({ text: 'the and' })).toEqual([
      {
        message: 'filter.text must contain at least one word, such as "fees" or "real living wage" ("the", "and" are too common to be searched for); got "the and"',
        code: 'BAD_USER_INPUT',
        argument: 'filter.text',
      },
    ]);
  });
});

describe('word forms in search', () => {
  interface Search {
    search: { totalCount: number; nodes: { exact: boolean; kind: string; item: { key: string } }[]; hint: unknown };
  }
  const searchFor = (text: string): Promise<Search> =>
    dataOf<Search>(
      server,
      `query ($text: String!) { search(text: $text, revision: "2024-09-01") {
         totalCount nodes { exact kind item { ... on Obligation { key } ... on Provision { key } ... on Term { key } ... on Instrument { key } ... on ToolkitItem { key } } }
         hint { message words { argument asked status matches suggestions } }
       } }`,
      { text },
    );

  it('finds every form of "fees", the word as written first', async () => {
    expect(await searchFor('fees')).toEqual({
      search: {
        totalCount: 6,
        nodes: [
          { exact: true, kind: 'STANDARD', item: { key: 'S8' } },
          { exact: false, kind: 'OBLIGATION', item: { key: 'S7/2' } },
          { exact: false, kind: 'OBLIGATION', item: { key: 'S7/3' } },
          { exact: false, kind: 'OBLIGATION', item: { key: 'S8/3' } },
          { exact: false, kind: 'OBLIGATION', item: { key: 'S8/2' } },
          { exact: false, kind: 'STANDARD', item: { key: 'S7' } },
        ],
        hint: null,
      },
    });
  });

  it('finds a quoted word only as written: "fees" is in the title of Standard 8 alone', async () => {
    expect((await searchFor('"fees"')).search).toEqual({ totalCount: 1, nodes: [{ exact: true, kind: 'STANDARD', item: { key: 'S8' } }], hint: null });
  });

  it('says which words are not there and the nearest words that are', async () => {
    expect(await searchFor('commisioning zzzz')).toEqual({
      search: {
        totalCount: 0,
        nodes: [],
        hint: {
          message:
            '"commisioning" is not found in anything searched (revision 2024-09-01 and the catalogue), in any form; the nearest words that are: "commissioning". ' +
            '"zzzz" is not found in anything searched (revision 2024-09-01 and the catalogue), in any form, and no word there is near it.',
          words: [
            { argument: 'text', asked: 'commisioning', status: 'NOT_FOUND', matches: 0, suggestions: ['commissioning'] },
            { argument: 'text', asked: 'zzzz', status: 'NOT_FOUND', matches: 0, suggestions: [] },
          ],
        },
      },
    });
  });
});

describe('the full-text indexes', () => {
  it('read English with the stop words domain/full-text-query.ts leaves out', async () => {
    const runner = new QueryRunner(server.db);
    const [english] = await runner.read<{ stopwords: string[] }>(
      'test.analyzer',
      "CALL db.index.fulltext.listAvailableAnalyzers() YIELD analyzer, stopwords WHERE analyzer = 'english' RETURN stopwords",
    );
    expect([...(english?.stopwords ?? [])].sort()).toEqual([...ENGLISH_STOP_WORDS].sort());
    const rows = await runner.read<{ name: string; analyzer: string }>(
      'test.fullTextIndexes',
      "SHOW FULLTEXT INDEXES YIELD name, options RETURN name, options.indexConfig['fulltext.analyzer'] AS analyzer ORDER BY name",
    );
    expect(rows).toEqual([
      { name: 'obligationText', analyzer: 'english' },
      { name: 'provisionText', analyzer: 'english' },
      { name: 'searchText', analyzer: 'english' },
      { name: 'titleText', analyzer: 'english' },
    ]);
  });

  it('are told outdated when built with another analyzer, refused by check and rebuilt by create', async () => {
    const runner = new QueryRunner(server.db);
    await runner.write('test.drop', 'DROP INDEX obligationText');
    await runner.write('test.oldIndex', "CREATE FULLTEXT INDEX obligationText FOR (n:Obligation) ON EACH [n.text] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}}");
    await runner.read('test.await', 'CALL db.awaitIndexes(30)');
    expect(await readSchemaState(runner)).toEqual({ missing: [], notOnline: [], outdated: ['obligationText'] });
    expect(await readiness(server.db)).toEqual({
      status: 'not ready',
      reason: "1 of the graph's full-text indexes are built otherwise than they should be (obligationText); the service rebuilds them at start (SCHEMA_ON_START=create)",
      missing: [],
      notOnline: [],
      outdated: ['obligationText'],
    });
    await expect(ensureGraphSchema(runner, 'check')).rejects.toThrow(
      'The graph has 1 full-text index built otherwise than it should be (obligationText: another analyzer, labels or properties), and SCHEMA_ON_START=check forbids changing them.',
    );
    await ensureGraphSchema(runner, 'create');
    await runner.read('test.await', 'CALL db.awaitIndexes(30)');
    expect(await readSchemaState(runner)).toEqual({ missing: [], notOnline: [], outdated: [] });
    expect(await readiness(server.db)).toEqual({ status: 'ready' });
    expect(keysOf((await obligations({ text: 'fees' })).obligations.nodes)).toEqual(['S7/2', 'S7/3', 'S8/2', 'S8/3']);
  });
});
