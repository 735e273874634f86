/**
 * Topics across headings (issue 13, point 3; README, "Topics"): `filter.topic` matches the
 * heading's title, the provision's title and the obligation's text together, stemmed, and
 * `topics` lists the headings and glossary terms with the number of obligations each finds.
 * Through HTTP by the real server over the seeded Code, compared whole.
 */
import { describe, expect, it } from 'vitest';
import { dataOf, useSeededServer } from '../support/seeded.ts';

const server = useSeededServer();

interface Obligations {
  obligations: { totalCount: number; nodes: { key: string; heading: { key: string } }[]; hint: unknown };
}

const about = (filter: Record<string, unknown>): Promise<Obligations> =>
  dataOf<Obligations>(
    server,
    `query ($filter: ObligationFilter) {
       obligations(revision: "2024-09-01", filter: $filter, first: 100) {
         totalCount nodes { key heading { key } } hint { message words { argument asked status matches suggestions } }
       } }`,
    { filter },
  );

/** The Code in force's topics and their obligation counts, in the order `topics` gives them. */
const TOPICS: [string, string, number][] = [
  ['HEADING', 'pre-amble', 4],
  ['HEADING', 'national-office-for-care-and-support', 0],
  ['HEADING', 'commissioning-care-and-support', 67],
  ['HEADING', 'services-to-which-this-code-applies', 0],
  ['HEADING', 'national-framework-for-commissioning-of-care-and-support', 1],
  ['HEADING', 'commissioning', 75],
  ['HEADING', 'the-commissioning-cycle', 4],
  ['HEADING', 'procurement', 9],
  ['HEADING', 'contract-monitoring', 3],
  ['HEADING', 'social-value', 4],
  ['HEADING', 'principles-of-consistent-ethical-effective-and-transformative-commissioning', 1],
  ['HEADING', 'principles-for-commissioning-care-and-support', 19],
  ['HEADING', 'standards-for-commissioning-care-and-support', 48],
  ['HEADING', 'brokerage', 1],
  ['HEADING', 'using-data-to-support-commissioning-of-services', 4],
  ['HEADING', 'providing-workforce-data-to-social-care-wales', 1],
  ['HEADING', 'the-care-and-support-capacity-tracker', 1],
  ['HEADING', 'digital-inclusion-and-access', 3],
  ['HEADING', 'social-care-workforce', 3],
  ['HEADING', 'supporting-the-real-living-wage', 3],
  ['HEADING', 'welsh-language', 9],
  ['HEADING', 'mwy-na-geiriau-more-than-just-words', 3],
  ['HEADING', 'equalities-and-human-rights', 9],
  ['HEADING', 'supporting-the-environment-and-sustainability-considerations', 3],
  ['HEADING', 'carers', 7],
  ['HEADING', 'services-for-children', 5],
  ['HEADING', 'safeguarding', 4],
  ['HEADING', 'nyth-nest-framework', 4],
  ['HEADING', 'commissioning-undertaken-by-regional-partnership-boards-and-or-local-joint-commissioning', 0],
  ['HEADING', 'strengthening-regional-partnerships', 0],
  ['HEADING', 'glossary-of-terms', 0],
  ['TERM', 'care-and-support', 78],
  ['TERM', 'carer', 7],
  ['TERM', 'commissioner', 20],
  ['TERM', 'health-care-services', 4],
  ['TERM', 'leaders', 3],
  ['TERM', 'provider-service-provider', 27],
];

describe('the topic filter', () => {
  it('returns the nine obligations of clauses 1.59 to 1.67 that are about the Welsh language, in one query', async () => {
    expect(await about({ topic: 'Welsh language' })).toEqual({
      obligations: {
        totalCount: 9,
        nodes: [
          // Under the heading "Welsh Language": 1.59 and 1.62 never say "language" themselves.
          ...['1.59/1', '1.60/1', '1.60/2', '1.60/3', '1.60/4', '1.61/1', '1.62/1'].map((key) => ({ key, heading: { key: 'welsh-language' } })),
          // Under "Mwy Na Geiriau/More than just words", by their own words; not 1.68 beside them.
          ...['1.66/1', '1.67/1'].map((key) => ({ key, heading: { key: 'mwy-na-geiriau-more-than-just-words' } })),
        ],
        hint: null,
      },
    });
  });

  it('combines with the other filters, and a quoted phrase stays exact', async () => {
    const [should, medium] = await Promise.all([about({ topic: 'Welsh language', modality: ['SHOULD'] }), about({ topic: 'Welsh language', text: '"medium of Welsh"' })]);
    expect(should.obligations.nodes.map((node) => node.key)).toEqual(['1.62/1']);
    expect(medium.obligations.nodes.map((node) => node.key)).toEqual(['1.59/1', '1.60/3', '1.60/4', '1.62/1', '1.66/1']);
  });

  it('reads a slash in a title as alternatives: "NYTH/NEST Framework" is clauses 1.90 to 1.92', async () => {
    expect((await about({ topic: 'NYTH/NEST Framework' })).obligations.nodes.map((node) => node.key)).toEqual(['1.90/1', '1.90/2', '1.91/1', '1.92/1']);
  });

  it('says which word of a topic is not there and the nearest word that is', async () => {
    expect((await about({ topic: 'Welsh langauge' })).obligations).toEqual({
      totalCount: 0,
      nodes: [],
      hint: {
        message:
          '"langauge" is not found in any obligation of revision 2024-09-01, the title of its provision or the title of its heading, in any form; the nearest words that are: "language".',
        words: [
          { argument: 'filter.topic', asked: 'Welsh', status: 'FOUND', matches: 12, suggestions: [] },
          { argument: 'filter.topic', asked: 'langauge', status: 'NOT_FOUND', matches: 0, suggestions: ['language'] },
        ],
      },
    });
  });

  it('says when the topic is found but the other filters leave nothing', async () => {
    expect((await about({ topic: 'Welsh language', modality: ['MAY'] })).obligations.hint).toEqual({
      message: '9 obligations hold every word asked for, but none of them matches the other filters.',
      words: [
        { argument: 'filter.topic', asked: 'Welsh', status: 'FOUND', matches: 12, suggestions: [] },
        { argument: 'filter.topic', asked: 'language', status: 'FOUND', matches: 10, suggestions: [] },
      ],
    });
  });

  it('refuses a topic of only the commonest words, with an example', async () => {
    const body = await server.graphql('{ obligations(revision: "2024-09-01", filter: {topic: "of the"}) { totalCount } }');
    expect(body.errors?.map((error) => ({ message: error.message, code: error.extensions?.['code'], argument: error.extensions?.['argument'] }))).toEqual([
      {
        message: 'filter.topic must contain at least one word, such as "fees" or "real living wage" ("of", "the" are too common to be searched for); got "of the"',
        code: 'BAD_USER_INPUT',
        argument: 'filter.topic',
      },
    ]);
  });
});

describe('topics', () => {
  it('lists the headings in reading order, then the glossary terms, each with its obligation count', async () => {
    const data = await dataOf<{ topics: { kind: string; key: string; obligationCount: number }[] }>(server, '{ topics(revision: "2024-09-01") { kind key obligationCount } }');
    expect(data.topics.map((topic) => [topic.kind, topic.key, topic.obligationCount])).toEqual(TOPICS);
  });

  it('counts for each topic the obligations its title finds as filter.topic', async () => {
    const data = await dataOf<{ topics: { key: string; title: string; obligationCount: number }[] }>(server, '{ topics(revision: "2024-09-01") { key title obligationCount } }');
    const aliases = data.topics.map((topic, index) => `t${index}: obligations(revision: "2024-09-01", filter: {topic: ${JSON.stringify(topic.title)}}) { totalCount }`);
    // At most 30 aliases an operation (MAX_ALIASES): 20 at a time.
    const counts: Record<string, { totalCount: number }> = {};
    for (let start = 0; start < aliases.length; start += 20) {
      Object.assign(counts, await dataOf<Record<string, { totalCount: number }>>(server, `{ ${aliases.slice(start, start + 20).join('\n')} }`));
    }
    expect(data.topics.map((topic, index) => [topic.key, counts[`t${index}`]?.totalCount])).toEqual(data.topics.map((topic) => [topic.key, topic.obligationCount]));
  });

  it('gives a term topic its glossary term and its revision', async () => {
    expect(
      await dataOf(server, '{ topics(revision: "2024-09-01", kind: TERM) { kind key title obligationCount heading { key } term { key term } revision { key } } }'),
    ).toEqual({
      topics: [
        ['care-and-support', 'Care and Support', 78],
        ['carer', 'Carer', 7],
        ['commissioner', 'Commissioner', 20],
        ['health-care-services', 'Health care/services', 4],
        ['leaders', 'Leaders', 3],
        ['provider-service-provider', 'Provider/Service provider', 27],
      ].map(([key, title, obligationCount]) => ({ kind: 'TERM', key, title, obligationCount, heading: null, term: { key, term: title }, revision: { key: '2024-09-01' } })),
    });
  });

  it('gives a heading topic its heading', async () => {
    const data = await dataOf<{ topics: { key: string; title: string; heading: { key: string; title: string } | null; term: unknown }[] }>(
      server,
      '{ topics(revision: "2024-09-01", kind: HEADING) { key title heading { key title } term { key } } }',
    );
    expect(data.topics.find((topic) => topic.key === 'welsh-language')).toEqual({
      key: 'welsh-language',
      title: 'Welsh Language',
      heading: { key: 'welsh-language', title: 'Welsh Language' },
      term: null,
    });
  });
});
