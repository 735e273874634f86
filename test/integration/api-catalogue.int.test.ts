/**
 * Instruments and their reverse lookups, bodies with their groups, the toolkit, organisations
 * and full-text search, through HTTP on the seeded Code, compared as whole objects.
 */
import { describe, expect, it } from 'vitest';
import { dataOf, useSeededServer } from '../support/seeded.ts';

const server = useSeededServer();

describe('instruments', () => {
  it('lists the Acts by year', async () => {
    expect(await dataOf(server, '{ instruments(kind: ACT, first: 100) { totalCount pageInfo { hasNextPage } nodes { key year } } }')).toEqual({
      instruments: {
        totalCount: 9,
        pageInfo: { hasNextPage: false },
        nodes: [
          { key: 'ukpga/1998/42', year: 1998 },
          { key: 'ukpga/2004/31', year: 2004 },
          { key: 'ukpga/2006/42', year: 2006 },
          { key: 'ukpga/2010/15', year: 2010 },
          { key: 'anaw/2014/4', year: 2014 },
          { key: 'anaw/2015/2', year: 2015 },
          { key: 'anaw/2016/3', year: 2016 },
          { key: 'anaw/2016/2', year: 2016 },
          { key: 'asc/2023/1', year: 2023 },
        ],
      },
    });
  });

  it('answers "which obligations rest on the Equality Act 2010?" and which provisions cite it', async () => {
    expect(
      await dataOf(
        server,
        `{ instrument(key: "ukpga/2010/15") {
             key kind title
             provisions { key label title url }
             citedByObligations(asOf: "2024-09-01") { revision { key status } totalCount nodes { key } }
             citedByProvisions(asOf: "2024-09-01") { totalCount nodes { key } }
           } }`,
      ),
    ).toEqual({
      instrument: {
        key: 'ukpga/2010/15',
        kind: 'ACT',
        title: 'Equality Act 2010',
        provisions: [
          { key: 'ukpga/2010/15/section/149', label: 'Section 149', title: 'Public sector equality duty', url: 'https://www.legislation.gov.uk/ukpga/2010/15/section/149' },
        ],
        citedByObligations: { revision: { key: '2024-09-01', status: 'IN_FORCE' }, totalCount: 2, nodes: [{ key: 'S6/3' }, { key: 'S10/2' }] },
        citedByProvisions: { totalCount: 3, nodes: [{ key: '1.44' }, { key: 'S6' }, { key: 'S10' }] },
      },
    });
  });

  it('gives the Code with what it is issued under, is guidance under and disapplies, and its revisions', async () => {
    expect(
      await dataOf(
        server,
        `{ instrument(key: "code/commissioning-framework") {
             kind enablingProvisions { relation location provision { key } } revisions { key }
           } }`,
      ),
    ).toEqual({
      instrument: {
        kind: 'CODE_OF_PRACTICE',
        enablingProvisions: [
          { relation: 'ISSUED_UNDER', location: 'clause 1.1', provision: { key: 'anaw/2014/4/section/145' } },
          { relation: 'GUIDANCE_UNDER', location: 'clause 1.2', provision: { key: 'anaw/2014/4/section/169' } },
          { relation: 'GUIDANCE_UNDER', location: 'clause 1.2', provision: { key: 'ukpga/2006/42/section/2' } },
          { relation: 'DISAPPLIES', location: 'clause 1.4', provision: { key: 'anaw/2014/4/section/147' } },
        ],
        revisions: [{ key: '2024-09-01' }, { key: 'draft-2024-03-19' }],
      },
    });
  });

  it('gives section 145 of the 2014 Act with its Act and the codes issued under it', async () => {
    expect(
      await dataOf(server, '{ legalProvision(key: "anaw/2014/4/section/145") { key kind number label url instrument { key } enables { relation instrument { key } } } }'),
    ).toEqual({
      legalProvision: {
        key: 'anaw/2014/4/section/145',
        kind: 'SECTION',
        number: '145',
        label: 'Section 145',
        url: 'https://www.legislation.gov.uk/anaw/2014/4/section/145',
        instrument: { key: 'anaw/2014/4' },
        enables: [
          { relation: 'ISSUED_UNDER', instrument: { key: 'code/commissioning-framework' } },
          { relation: 'ISSUED_UNDER', instrument: { key: 'code/quality-assurance-escalating-concerns-closure' } },
        ],
      },
    });
  });

  it('gives the duty of section 28 of the Children Act 2004 that clause 1.85 restates, apart from the Code\'s own obligations', async () => {
    expect(await dataOf(server, '{ provision(key: "1.85", asOf: "2024-09-01") { restatesDuties { provision { key label } text } obligations { key } } }')).toEqual({
      provision: {
        restatesDuties: [
          {
            provision: { key: 'ukpga/2004/31/section/28', label: 'Section 28' },
            text: 'Statutory partners have a duty under section 28 of the Children Act 2004 to ensure that any services provided on their behalf, in the discharge of their functions, have regard to the need to safeguard and promote the welfare of children.',
          },
        ],
        obligations: [{ key: '1.85/1' }],
      },
    });
  });
});

describe('bodies', () => {
  it('gives each body with the groups it belongs to, the members of each group, and whom it acts for', async () => {
    expect(await dataOf(server, '{ bodies { key isGroup memberOf { key } members { key } actsFor { key } } }')).toEqual({
      bodies: [
        { key: 'statutory-partners', isGroup: true, memberOf: [], members: [{ key: 'local-authority' }, { key: 'local-health-board' }, { key: 'nhs-trust' }], actsFor: [] },
        { key: 'nhs', isGroup: true, memberOf: [], members: [{ key: 'local-health-board' }, { key: 'nhs-trust' }], actsFor: [] },
        { key: 'carer', isGroup: false, memberOf: [], members: [], actsFor: [] },
        { key: 'commissioner', isGroup: false, memberOf: [], members: [], actsFor: [{ key: 'statutory-partners' }] },
        { key: 'leader', isGroup: false, memberOf: [], members: [], actsFor: [{ key: 'statutory-partners' }] },
        { key: 'local-authority', isGroup: false, memberOf: [{ key: 'statutory-partners' }], members: [], actsFor: [] },
        { key: 'local-health-board', isGroup: false, memberOf: [{ key: 'statutory-partners' }, { key: 'nhs' }], members: [], actsFor: [] },
        { key: 'nhs-trust', isGroup: false, memberOf: [{ key: 'statutory-partners' }, { key: 'nhs' }], members: [], actsFor: [] },
        { key: 'professional', isGroup: false, memberOf: [], members: [], actsFor: [] },
        { key: 'provider', isGroup: false, memberOf: [], members: [], actsFor: [] },
        { key: 'welsh-ministers', isGroup: false, memberOf: [], members: [], actsFor: [] },
      ],
    });
  });

  it('gives a local health board by key', async () => {
    expect(await dataOf(server, '{ body(key: "local-health-board") { key name pluralName isGroup } }')).toEqual({
      body: { key: 'local-health-board', name: 'Local health board', pluralName: 'local health boards', isGroup: false },
    });
  });
});

describe('the toolkit and organisations', () => {
  it('gives the toolkit\'s contract clauses, and which provisions cite the national template', async () => {
    expect(
      await dataOf(
        server,
        `{ toolkitItems(kind: CONTRACT_CLAUSE) { totalCount nodes { key kind } }
           toolkitItem(key: "toolkit/national-template-contract-clauses") {
             title citedByProvisions(asOf: "2024-09-01") { nodes { key } } citedByObligations(asOf: "2024-09-01") { totalCount }
           } }`,
      ),
    ).toEqual({
      toolkitItems: {
        totalCount: 3,
        nodes: [
          { key: 'toolkit/contract-clauses-welsh-language', kind: 'CONTRACT_CLAUSE' },
          { key: 'toolkit/national-template-contract-clauses', kind: 'CONTRACT_CLAUSE' },
          { key: 'toolkit/contract-clauses-equalities', kind: 'CONTRACT_CLAUSE' },
        ],
      },
      toolkitItem: { title: 'National template contract clauses', citedByProvisions: { nodes: [{ key: '1.13' }] }, citedByObligations: { totalCount: 0 } },
    });
  });

  it('counts the toolkit and the organisations', async () => {
    const data = await dataOf<{ toolkitItems: { totalCount: number }; organisations: { key: string }[]; organisation: unknown }>(
      server,
      '{ toolkitItems { totalCount } organisations { key } organisation(key: "social-care-wales") { key name kind } }',
    );
    expect(data.toolkitItems.totalCount).toBe(16);
    expect(data.organisations).toHaveLength(20);
    expect(data.organisation).toEqual({ key: 'social-care-wales', name: 'Social Care Wales', kind: 'ORGANISATION' });
  });
});

describe('search', () => {
  it('ranks hits of every kind for a phrase, best first, within the revision', async () => {
    const data = await dataOf<{ search: { revision: unknown; totalCount: number; nodes: { score: number; kind: string; item: { key: string } }[] } }>(
      server,
      `{ search(text: "\\"real living wage\\"", asOf: "2024-09-01") {
           revision { key } totalCount
           nodes { score kind item { ... on Obligation { key } ... on Clause { key } ... on Principle { key } ... on Standard { key }
                                     ... on Term { key } ... on Instrument { key } ... on ToolkitItem { key } } }
         } }`,
    );
    expect(data.search.revision).toEqual({ key: '2024-09-01' });
    expect(data.search.nodes.map(({ kind, item }) => ({ kind, key: item.key }))).toEqual([
      { kind: 'INSTRUMENT', key: 'guidance/real-living-wage' },
      { kind: 'OBLIGATION', key: '1.57/3' },
      { kind: 'CLAUSE', key: '1.57' },
      { kind: 'OBLIGATION', key: '1.57/1' },
      { kind: 'INSTRUMENT', key: 'report/social-care-fair-work-forum-2023' },
    ]);
    expect(data.search.totalCount).toBe(5);
    const scores = data.search.nodes.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('keeps to the kinds asked for, the word as written first, then its other forms ("carers")', async () => {
    expect(
      await dataOf(server, '{ search(text: "carer", kinds: [TERM, TOOLKIT_ITEM]) { totalCount nodes { kind exact item { ... on Term { key term } ... on ToolkitItem { key } } } } }'),
    ).toEqual({
      search: {
        totalCount: 4,
        nodes: [
          { kind: 'TERM', exact: true, item: { key: 'carer', term: 'Carer' } },
          { kind: 'TOOLKIT_ITEM', exact: false, item: { key: 'toolkit/charter-for-unpaid-carers' } },
          { kind: 'TOOLKIT_ITEM', exact: false, item: { key: 'toolkit/good-practice-approaches-supporting-carers' } },
          { kind: 'TOOLKIT_ITEM', exact: false, item: { key: 'toolkit/carers-tools' } },
        ],
      },
    });
  });

  it('treats Lucene\'s operators as plain words, so odd input neither fails nor widens the search', async () => {
    const data = await dataOf<{ odd: { totalCount: number }; plain: { totalCount: number } }>(
      server,
      '{ odd: search(text: "fees) AND (*:*") { totalCount } plain: search(text: "fees and") { totalCount } }',
    );
    expect(data.odd).toEqual(data.plain);
    const everything = await server.graphql('{ search(text: "*:*") { totalCount } }');
    expect(everything.errors?.map((e) => [e.message, e.extensions?.['code']])).toEqual([
      ['text must contain at least one word, such as "fees" or "real living wage"; got "*:*"', 'BAD_USER_INPUT'],
    ]);
  });
});
