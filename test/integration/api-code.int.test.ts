/**
 * The Code's structure for a date or a revision, provisions by key, the glossary and the
 * themes, through HTTP on the seeded Code, compared as whole objects.
 */
import { describe, expect, it } from 'vitest';
import { dataOf, useSeededServer } from '../support/seeded.ts';

const server = useSeededServer();

const TITLE = 'Code of Practice on the National Framework for the Commissioning of Care and Support in Wales';

/** The Code as seeded: each heading's key with the keys of its provisions, in reading order. */
const STRUCTURE: [string, string[]][] = [
  ['pre-amble', ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8', '1.9', '1.10']],
  ['national-office-for-care-and-support', ['1.11', '1.12', '1.13']],
  ['commissioning-care-and-support', ['1.14', '1.15']],
  ['services-to-which-this-code-applies', ['1.16', '1.17', '1.18']],
  ['national-framework-for-commissioning-of-care-and-support', ['1.19', '1.20', '1.21', '1.22', '1.23', '1.24', '1.25']],
  ['commissioning', ['1.26', '1.27', '1.28', '1.29', '1.30']],
  ['the-commissioning-cycle', ['1.31']],
  ['procurement', ['1.32']],
  ['contract-monitoring', ['1.33']],
  ['social-value', ['1.34', '1.35', '1.36', '1.37', '1.38', '1.39']],
  ['principles-of-consistent-ethical-effective-and-transformative-commissioning', ['1.40', '1.41']],
  ['principles-for-commissioning-care-and-support', ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7']],
  [
    'standards-for-commissioning-care-and-support',
    ['1.42', '1.43', '1.44', '1.45', '1.46', '1.47', '1.48', '1.49', 'S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8', 'S9', 'S10'],
  ],
  ['brokerage', ['1.50', '1.51', '1.52']],
  ['using-data-to-support-commissioning-of-services', []],
  ['providing-workforce-data-to-social-care-wales', ['1.53']],
  ['the-care-and-support-capacity-tracker', ['1.54']],
  ['digital-inclusion-and-access', ['1.55']],
  ['social-care-workforce', ['1.56']],
  ['supporting-the-real-living-wage', ['1.57']],
  ['welsh-language', ['1.58', '1.59', '1.60', '1.61', '1.62']],
  ['mwy-na-geiriau-more-than-just-words', ['1.63', '1.64', '1.65', '1.66', '1.67', '1.68']],
  ['equalities-and-human-rights', ['1.69', '1.70', '1.71']],
  ['supporting-the-environment-and-sustainability-considerations', ['1.72', '1.73', '1.74', '1.75', '1.76', '1.77']],
  ['carers', ['1.78', '1.79', '1.80']],
  ['services-for-children', ['1.81', '1.82', '1.83']],
  ['safeguarding', ['1.84', '1.85', '1.86', '1.87']],
  ['nyth-nest-framework', ['1.88', '1.89', '1.90', '1.91', '1.92']],
  ['commissioning-undertaken-by-regional-partnership-boards-and-or-local-joint-commissioning', []],
  ['strengthening-regional-partnerships', ['1.93', '1.94']],
  ['glossary-of-terms', []],
];

describe('the Code by date and by revision', () => {
  it('says no revision was in force on 31 August 2024, and gives the day the first came into force', async () => {
    const body = await server.graphql('{ revision(asOf: "2024-08-31") { key status } }');
    expect(body.data).toEqual({ revision: null });
    expect(body.errors).toEqual([
      {
        message: 'No revision of the Code was in force on 2024-08-31; the first revision (2024-09-01) came into force on 2024-09-01; ask with asOf: "2024-09-01" or later',
        locations: [{ line: 1, column: 3 }],
        path: ['revision'],
        extensions: { code: 'NOT_FOUND', asOf: '2024-08-31', firstInForceFrom: '2024-09-01', firstRevision: '2024-09-01' },
      },
    ]);
  });

  it('says the same on every entry point that reads the text', async () => {
    const body = await server.graphql('{ obligations(asOf: "2024-08-31") { totalCount } provision(key: "1.53", asOf: "2024-08-31") { key } }');
    expect(body.data).toEqual({ obligations: null, provision: null });
    expect(body.errors?.map((e) => [e.path, e.extensions?.['code']])).toEqual([
      [['obligations'], 'NOT_FOUND'],
      [['provision'], 'NOT_FOUND'],
    ]);
  });

  it('gives the revision in force on 1 September 2024 with its headings and provisions in reading order', async () => {
    const data = await dataOf<{ revision: { headings: { key: string; order: number; provisions: { key: string }[] }[] } & Record<string, unknown> }>(
      server,
      `{ revision(asOf: "2024-09-01") {
           key status title laidOn inForceFrom inForceUntil withdrawnOn published hasText
           instrument { key kind } supersedes { key status } supersededBy { key }
           headings { key order provisions { key } }
         } }`,
    );
    const { headings, ...revision } = data.revision;
    expect(revision).toEqual({
      key: '2024-09-01',
      status: 'IN_FORCE',
      title: TITLE,
      laidOn: '2024-06-11',
      inForceFrom: '2024-09-01',
      inForceUntil: null,
      withdrawnOn: null,
      published: true,
      hasText: true,
      instrument: { key: 'code/commissioning-framework', kind: 'CODE_OF_PRACTICE' },
      supersedes: { key: 'draft-2024-03-19', status: 'WITHDRAWN' },
      supersededBy: null,
    });
    expect(headings).toEqual(STRUCTURE.map(([key, provisions], index) => ({ key, order: index + 1, provisions: provisions.map((p) => ({ key: p })) })));
  });

  it('reads the same revision today, when no date is given', async () => {
    expect(await dataOf(server, '{ revision { key status } }')).toEqual({ revision: { key: '2024-09-01', status: 'IN_FORCE' } });
  });

  it('gives the withdrawn draft by its key, saying it has no text', async () => {
    expect(
      await dataOf(server, '{ revision(key: "draft-2024-03-19") { key status laidOn inForceFrom hasText headings { key } supersededBy { key } } }'),
    ).toEqual({
      revision: { key: 'draft-2024-03-19', status: 'WITHDRAWN', laidOn: '2024-03-19', inForceFrom: null, hasText: false, headings: [], supersededBy: { key: '2024-09-01' } },
    });
  });

  it('lists every revision, newest first', async () => {
    expect(await dataOf(server, '{ revisions { key status } }')).toEqual({
      revisions: [
        { key: '2024-09-01', status: 'IN_FORCE' },
        { key: 'draft-2024-03-19', status: 'WITHDRAWN' },
      ],
    });
  });

  it('pages through the principles of the revision', async () => {
    expect(
      await dataOf(server, '{ provisions(asOf: "2024-09-01", kind: PRINCIPLE, first: 3) { revision { key } totalCount pageInfo { hasNextPage hasPreviousPage } nodes { key label } } }'),
    ).toEqual({
      provisions: {
        revision: { key: '2024-09-01' },
        totalCount: 7,
        pageInfo: { hasNextPage: true, hasPreviousPage: false },
        nodes: [
          { key: 'P1', label: 'Principle 1: Relationships Matter' },
          { key: 'P2', label: 'Principle 2: Effective leadership is inclusive, transparent & honest' },
          { key: 'P3', label: 'Principle 3: Collaboration: share risks, resources and assets' },
        ],
      },
    });
  });
});

describe('a provision by key', () => {
  it('gives clause 1.53 with its text, heading, obligations and citations', async () => {
    expect(
      await dataOf(
        server,
        `{ provision(key: "1.53", asOf: "2024-09-01") {
             __typename key kind number label title text order
             heading { key title } revision { key status }
             obligations { key modality }
             cites { __typename ... on Organisation { key name } ... on Instrument { key } }
             footnotes { key }
           } }`,
      ),
    ).toEqual({
      provision: {
        __typename: 'Clause',
        key: '1.53',
        kind: 'CLAUSE',
        number: '1.53',
        label: 'Clause 1.53',
        title: null,
        text: 'Commissioners must proactively encourage their providers to complete and return the annual Social Care Wales workforce data collection undertaken by Social Care Wales. Having an accurate and up to date national dataset relating to the social care workforce supports robust workforce planning at national, regional and local levels.',
        order: 70,
        heading: { key: 'providing-workforce-data-to-social-care-wales', title: 'Providing workforce data to Social Care Wales' },
        revision: { key: '2024-09-01', status: 'IN_FORCE' },
        obligations: [{ key: '1.53/1', modality: 'MUST' }],
        cites: [
          { __typename: 'Organisation', key: 'social-care-wales', name: 'Social Care Wales' },
          { __typename: 'Organisation', key: 'social-care-wales-workforce-data-collection', name: 'Social Care Wales workforce data collection' },
        ],
        footnotes: [],
      },
    });
  });

  it('gives Standard 10 with its footnotes, what it cites and its theme', async () => {
    expect(
      await dataOf(
        server,
        `{ provision(key: "S10", revision: "2024-09-01") {
             __typename key label
             cites { __typename ... on Instrument { key } ... on LegalProvision { key label } }
             footnotes { key number url }
             ... on Standard { themes { key } }
             obligations { key }
           } }`,
      ),
    ).toEqual({
      provision: {
        __typename: 'Standard',
        key: 'S10',
        label: 'Standard 10: Equalities and human rights',
        cites: [
          { __typename: 'Instrument', key: 'charter/corporate-parenting' },
          { __typename: 'Instrument', key: 'convention/uncrc' },
          { __typename: 'Instrument', key: 'convention/uncrpd' },
          { __typename: 'Instrument', key: 'strategy/the-right-way' },
          { __typename: 'Instrument', key: 'ukpga/2010/15' },
          { __typename: 'Instrument', key: 'wsi/2011/1064' },
          { __typename: 'LegalProvision', key: 'ukpga/2010/15/section/149', label: 'Section 149' },
          { __typename: 'LegalProvision', key: 'wsi/2011/1064/regulation/18', label: 'Regulation 18' },
        ],
        footnotes: [
          { key: 'fn14', number: 14, url: 'https://www.legislation.gov.uk/wsi/2011/1064/made' },
          {
            key: 'fn15',
            number: 15,
            url: 'https://www.childcomwales.org.uk/wp-content/uploads/2024/02/202402-Childrens-Commissioner-for-Wales-Right-Way-Social-Care-English.pdf',
          },
          { key: 'fn16', number: 16, url: 'https://www.gov.wales/corporate-parenting-charter' },
        ],
        themes: [{ key: 'value-based-commissioning-and-ethical-practices' }],
        obligations: [{ key: 'S10/1' }, { key: 'S10/2' }, { key: 'S10/3' }, { key: 'S10/4' }, { key: 'S10/5' }],
      },
    });
  });

  it('gives a heading by key with its provisions', async () => {
    expect(await dataOf(server, '{ heading(key: "safeguarding", asOf: "2024-09-01") { key title order revision { key } provisions { key } } }')).toEqual({
      heading: {
        key: 'safeguarding',
        title: 'Safeguarding',
        order: 27,
        revision: { key: '2024-09-01' },
        provisions: [{ key: '1.84' }, { key: '1.85' }, { key: '1.86' }, { key: '1.87' }],
      },
    });
  });
});

describe('the glossary and the themes', () => {
  it('gives the glossary in order, from the glossary heading and as a list', async () => {
    const keys = ['care-and-support', 'carer', 'commissioner', 'health-care-services', 'leaders', 'provider-service-provider'];
    expect(
      await dataOf(
        server,
        `{ terms(asOf: "2024-09-01", first: 100) { revision { key } totalCount nodes { key order } }
           heading(key: "glossary-of-terms", asOf: "2024-09-01") { terms { key } }
           term(key: "commissioner", asOf: "2024-09-01") { key term revision { key } } }`,
      ),
    ).toEqual({
      terms: { revision: { key: '2024-09-01' }, totalCount: 6, nodes: keys.map((key, index) => ({ key, order: index + 1 })) },
      heading: { terms: keys.map((key) => ({ key })) },
      term: { key: 'commissioner', term: 'Commissioner', revision: { key: '2024-09-01' } },
    });
  });

  it('gives the three themes of the Regulatory Impact Assessment with the principles and standards they group', async () => {
    expect(await dataOf(server, '{ themes { key order provisions(asOf: "2024-09-01") { key } } }')).toEqual({
      themes: [
        { key: 'key-values-of-the-2014-act', order: 1, provisions: ['P1', 'P3', 'P6', 'S1', 'S2'].map((key) => ({ key })) },
        { key: 'evidence-informed-decision-making', order: 2, provisions: ['P2', 'P7', 'S3', 'S4'].map((key) => ({ key })) },
        {
          key: 'value-based-commissioning-and-ethical-practices',
          order: 3,
          provisions: ['P4', 'P5', 'S5', 'S6', 'S7', 'S8', 'S9', 'S10'].map((key) => ({ key })),
        },
      ],
    });
  });
});
