/**
 * The questions policy officers ask about obligations (docs/graph-model.md, "What the graph
 * answers"), answered through HTTP by the real server over the seeded Code, compared as whole
 * objects.
 */
import { describe, expect, it } from 'vitest';
import { dataOf, useSeededServer } from '../support/seeded.ts';

const server = useSeededServer();

const IN_FORCE = { key: '2024-09-01', status: 'IN_FORCE' };

interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: T[];
}

/** Every obligation the filter matches, walking the pages 100 at a time. */
async function allObligations<T>(fields: string, filter: Record<string, unknown> = {}): Promise<T[]> {
  const found: T[] = [];
  let after: string | null = null;
  for (;;) {
    const data: { obligations: Page<T> } = await dataOf<{ obligations: Page<T> }>(
      server,
      `query ($filter: ObligationFilter, $after: String) {
        obligations(asOf: "2024-09-01", filter: $filter, first: 100, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } nodes { ${fields} }
        }
      }`,
      { filter, after },
    );
    found.push(...data.obligations.nodes);
    if (!data.obligations.pageInfo.hasNextPage) return found;
    after = data.obligations.pageInfo.endCursor;
  }
}

describe('obligations of the Code', () => {
  it('gives the must-obligations of Standard 8 with their addressees, in reading order', async () => {
    const data = await dataOf(
      server,
      `{ obligations(asOf: "2024-09-01", filter: {standard: "S8", modality: [MUST]}) {
           revision { key status } totalCount
           nodes { key modality force text addressees { key name } provision { key label } }
         } }`,
    );
    const statutoryPartners = [{ key: 'statutory-partners', name: 'Statutory partners' }];
    const standard8 = { key: 'S8', label: 'Standard 8: Setting fair and sustainable fees' };
    expect(data).toEqual({
      obligations: {
        revision: IN_FORCE,
        totalCount: 3,
        nodes: [
          {
            key: 'S8/2',
            modality: 'MUST',
            force: 'REQUIREMENT',
            text: 'Statutory partners must be transparent and consistent when setting fee rates ensuring that they are assessing fair and sustainable costs of care and support and ensuring public value.',
            addressees: statutoryPartners,
            provision: standard8,
          },
          {
            key: 'S8/3',
            modality: 'MUST',
            force: 'REQUIREMENT',
            text: 'Statutory partners must confirm their fee rates to providers in a timely manner before the start of each financial year.',
            addressees: statutoryPartners,
            provision: standard8,
          },
          {
            key: 'S8/5',
            modality: 'MUST',
            force: 'REQUIREMENT',
            text: 'Contractual uplift mechanisms must include appropriate inflation mechanisms to keep pace with rising costs.',
            addressees: [],
            provision: standard8,
          },
        ],
      },
    });
  });

  it('gives everything that applies to a local health board, each with the reason, and nothing for local authorities alone or for providers', async () => {
    type Row = { key: string; addressees: { key: string }[]; appliesTo: { reason: string; explanation: string; via: { key: string } | null }[] };
    const all = await allObligations<{ key: string }>('key');
    const lhb = await allObligations<Row>('key addressees { key } appliesTo(body: "local-health-board") { reason explanation via { key } }', {
      appliesTo: 'local-health-board',
    });
    expect(all).toHaveLength(104);
    expect(lhb).toHaveLength(96);

    const localAuthoritiesOnly = ['1.76/1', '1.76/2', '1.77/1'];
    const providersOnly = ['1.55/2', '1.55/3', '1.85/1', '1.90/2'];
    const carersAndProfessionals = ['1.80/1'];
    const excluded = [...localAuthoritiesOnly, ...providersOnly, ...carersAndProfessionals];
    expect(lhb.map((o) => o.key)).toEqual(all.map((o) => o.key).filter((key) => !excluded.includes(key)));

    // Each answer says why, exactly once.
    expect(lhb.every((o) => o.appliesTo.length === 1)).toBe(true);
    const reasons = new Map<string, number>();
    for (const o of lhb) for (const a of o.appliesTo) reasons.set(a.reason, (reasons.get(a.reason) ?? 0) + 1);
    expect(Object.fromEntries(reasons)).toEqual({ NAMED: 2, MEMBER_OF_NAMED_GROUP: 54, ACTS_FOR_STATUTORY_PARTNERS: 20, IMPERSONAL: 20 });

    const byKey = (key: string): Row | undefined => lhb.find((o) => o.key === key);
    // Every explanation ends with how the Code binds a local health board to a requirement (docs/reading-rules.md, "Legal basis per body").
    const direction = "Local health boards must act in accordance with the Code's requirements, as the Welsh Ministers direct them under section 12 of the National Health Service (Wales) Act 2006 (clause 1.5).";
    expect(byKey('1.6/1')).toEqual({
      key: '1.6/1',
      addressees: [{ key: 'local-authority' }, { key: 'local-health-board' }, { key: 'nhs-trust' }],
      appliesTo: [{ reason: 'NAMED', explanation: `Named in the obligation (Local health board). ${direction}`, via: null }],
    });
    expect(byKey('S8/2')).toEqual({
      key: 'S8/2',
      addressees: [{ key: 'statutory-partners' }],
      appliesTo: [
        { reason: 'MEMBER_OF_NAMED_GROUP', explanation: `One of the statutory partners named in the obligation (clause 1.3). ${direction}`, via: { key: 'statutory-partners' } },
      ],
    });
    expect(byKey('1.53/1')?.appliesTo).toEqual([
      {
        reason: 'ACTS_FOR_STATUTORY_PARTNERS',
        explanation: `Commissioners act on behalf of the statutory partners (clause 1.3 and the glossary). ${direction}`,
        via: { key: 'commissioner' },
      },
    ]);
    expect(byKey('S8/5')).toEqual({
      key: 'S8/5',
      addressees: [],
      appliesTo: [{ reason: 'IMPERSONAL', explanation: `Impersonal requirements and guidelines of the Code bind the statutory partners (clauses 1.4 to 1.7). ${direction}`, via: null }],
    });
  });

  it('gives the duties named for local authorities alone to local authorities, and providers the duties that name them, through contracts', async () => {
    const la = await allObligations<{ key: string }>('key', { appliesTo: 'local-authority' });
    expect(la).toHaveLength(99);
    expect(la.map((o) => o.key)).toEqual(expect.arrayContaining(['1.76/1', '1.76/2', '1.77/1']));
    expect(la.map((o) => o.key)).not.toContain('1.55/2');
    const providers = await allObligations<{ key: string; addressees: { key: string }[]; appliesTo: { reason: string }[] }>(
      'key addressees { key } appliesTo(body: "provider") { reason }',
      { appliesTo: 'provider' },
    );
    const throughContracts = [{ reason: 'THROUGH_CONTRACTS' }];
    expect(providers).toEqual([
      { key: 'S7/2', addressees: [{ key: 'statutory-partners' }, { key: 'provider' }], appliesTo: throughContracts },
      { key: '1.55/2', addressees: [{ key: 'provider' }], appliesTo: throughContracts },
      { key: '1.55/3', addressees: [{ key: 'provider' }], appliesTo: throughContracts },
      { key: '1.67/1', addressees: [{ key: 'commissioner' }, { key: 'provider' }], appliesTo: throughContracts },
      { key: '1.85/1', addressees: [{ key: 'provider' }], appliesTo: throughContracts },
      { key: '1.90/2', addressees: [{ key: 'provider' }], appliesTo: throughContracts },
    ]);
  });

  it('counts a group as any of its members: every obligation that binds a statutory partner', async () => {
    const partners = await allObligations<{ key: string }>('key', { appliesTo: 'statutory-partners' });
    expect(partners).toHaveLength(99);
  });

  it('traces the obligation in clause 1.53 to section 145 of the 2014 Act and its legislation.gov.uk page', async () => {
    const data = await dataOf<{ obligation: unknown }>(
      server,
      `{ obligation(key: "1.53/1", asOf: "2024-09-01") {
           key revision { key status }
           trace { position kind relation key title url }
           legalBasis { relation location provision { key label url instrument { key } } }
         } }`,
    );
    const code = 'Code of Practice on the National Framework for the Commissioning of Care and Support in Wales';
    expect(data.obligation).toEqual({
      key: '1.53/1',
      revision: IN_FORCE,
      trace: [
        {
          position: 1,
          kind: 'OBLIGATION',
          relation: null,
          key: '1.53/1',
          title:
            'Commissioners must proactively encourage their providers to complete and return the annual Social Care Wales workforce data collection undertaken by Social Care Wales.',
          url: null,
        },
        { position: 2, kind: 'PROVISION', relation: 'STATED_IN', key: '1.53', title: 'Clause 1.53', url: null },
        {
          position: 3,
          kind: 'HEADING',
          relation: 'UNDER_HEADING',
          key: 'providing-workforce-data-to-social-care-wales',
          title: 'Providing workforce data to Social Care Wales',
          url: null,
        },
        { position: 4, kind: 'REVISION', relation: 'PART_OF_REVISION', key: '2024-09-01', title: code, url: null },
        { position: 5, kind: 'CODE', relation: 'REVISION_OF', key: 'code/commissioning-framework', title: code, url: null },
        {
          position: 6,
          kind: 'ENABLING_PROVISION',
          relation: 'ISSUED_UNDER',
          key: 'anaw/2014/4/section/145',
          title: 'Section 145 of the Social Services and Well-being (Wales) Act 2014',
          url: 'https://www.legislation.gov.uk/anaw/2014/4/section/145',
        },
        {
          position: 7,
          kind: 'ENABLING_PROVISION',
          relation: 'GUIDANCE_UNDER',
          key: 'anaw/2014/4/section/169',
          title: 'Section 169 of the Social Services and Well-being (Wales) Act 2014',
          url: 'https://www.legislation.gov.uk/anaw/2014/4/section/169',
        },
        {
          position: 8,
          kind: 'ENABLING_PROVISION',
          relation: 'GUIDANCE_UNDER',
          key: 'ukpga/2006/42/section/2',
          title: 'Section 2 of the National Health Service (Wales) Act 2006',
          url: 'https://www.legislation.gov.uk/ukpga/2006/42/section/2',
        },
        {
          position: 9,
          kind: 'ACT',
          relation: 'PART_OF',
          key: 'anaw/2014/4',
          title: 'Social Services and Well-being (Wales) Act 2014',
          url: 'https://www.legislation.gov.uk/anaw/2014/4',
        },
        {
          position: 10,
          kind: 'ACT',
          relation: 'PART_OF',
          key: 'ukpga/2006/42',
          title: 'National Health Service (Wales) Act 2006',
          url: 'https://www.legislation.gov.uk/ukpga/2006/42',
        },
      ],
      legalBasis: [
        {
          relation: 'ISSUED_UNDER',
          location: 'clause 1.1',
          provision: { key: 'anaw/2014/4/section/145', label: 'Section 145', url: 'https://www.legislation.gov.uk/anaw/2014/4/section/145', instrument: { key: 'anaw/2014/4' } },
        },
        // The Welsh Ministers' directions under the 2006 Act bind local health boards and NHS trusts to a requirement (clause 1.5).
        {
          relation: 'DIRECTION_UNDER',
          location: 'clause 1.5',
          provision: { key: 'ukpga/2006/42/section/12', label: 'Section 12', url: 'https://www.legislation.gov.uk/ukpga/2006/42/section/12', instrument: { key: 'ukpga/2006/42' } },
        },
        {
          relation: 'DIRECTION_UNDER',
          location: 'clause 1.5',
          provision: { key: 'ukpga/2006/42/section/19', label: 'Section 19', url: 'https://www.legislation.gov.uk/ukpga/2006/42/section/19', instrument: { key: 'ukpga/2006/42' } },
        },
        {
          relation: 'GUIDANCE_UNDER',
          location: 'clause 1.2',
          provision: { key: 'anaw/2014/4/section/169', label: 'Section 169', url: 'https://www.legislation.gov.uk/anaw/2014/4/section/169', instrument: { key: 'anaw/2014/4' } },
        },
        {
          relation: 'GUIDANCE_UNDER',
          location: 'clause 1.2',
          provision: { key: 'ukpga/2006/42/section/2', label: 'Section 2', url: 'https://www.legislation.gov.uk/ukpga/2006/42/section/2', instrument: { key: 'ukpga/2006/42' } },
        },
      ],
    });
  });

  it('gives the obligations citing the Well-being of Future Generations (Wales) Act 2015, from the filter and from the Act', async () => {
    const data = await dataOf(
      server,
      `{ obligations(asOf: "2024-09-01", filter: {citing: "anaw/2015/2"}) { totalCount nodes { key provision { key } } }
         instrument(key: "anaw/2015/2") {
           key kind title url
           citedByObligations(asOf: "2024-09-01") { revision { key status } totalCount nodes { key } }
           citedByProvisions(asOf: "2024-09-01") { totalCount nodes { key } }
         } }`,
    );
    expect(data).toEqual({
      obligations: {
        totalCount: 3,
        nodes: [
          { key: 'S1/1', provision: { key: 'S1' } },
          { key: 'S4/3', provision: { key: 'S4' } },
          { key: '1.92/1', provision: { key: '1.92' } },
        ],
      },
      instrument: {
        key: 'anaw/2015/2',
        kind: 'ACT',
        title: 'Well-being of Future Generations (Wales) Act 2015',
        url: 'https://www.legislation.gov.uk/anaw/2015/2',
        citedByObligations: { revision: IN_FORCE, totalCount: 3, nodes: [{ key: 'S1/1' }, { key: 'S4/3' }, { key: '1.92/1' }] },
        citedByProvisions: { totalCount: 5, nodes: [{ key: '1.44' }, { key: '1.47' }, { key: 'S1' }, { key: 'S4' }, { key: '1.92' }] },
      },
    });
  });

  it('counts citing a section of an Act as citing the Act (the Equality Act 2010 through its section 149)', async () => {
    const data = await dataOf<{ obligations: { nodes: { key: string; cites: { key: string }[] }[] } }>(
      server,
      `{ obligations(asOf: "2024-09-01", filter: {citing: "ukpga/2010/15"}) {
           nodes { key cites { ... on Instrument { key } ... on LegalProvision { key } ... on ToolkitItem { key } ... on Organisation { key } } }
         } }`,
    );
    expect(data.obligations.nodes).toContainEqual({ key: 'S6/3', cites: [{ key: 'ukpga/2010/15/section/149' }] });
  });

  it('combines filters: requirements with a qualifier, free text, a heading', async () => {
    const data = await dataOf(
      server,
      `{ regard: obligations(asOf: "2024-09-01", filter: {qualifier: HAVE_REGARD}, first: 100) { totalCount nodes { key } }
         fees: obligations(asOf: "2024-09-01", filter: {text: "fee rates", force: REQUIREMENT}) { totalCount nodes { key } }
         safeguarding: obligations(asOf: "2024-09-01", filter: {heading: "safeguarding", modality: [SHOULD]}) { totalCount nodes { key } } }`,
    );
    expect(data).toEqual({
      regard: { totalCount: 7, nodes: ['1.7/1', 'S10/3', '1.57/1', '1.61/1', '1.66/1', '1.70/1', '1.80/2'].map((key) => ({ key })) },
      fees: { totalCount: 2, nodes: [{ key: 'S8/2' }, { key: 'S8/3' }] },
      safeguarding: { totalCount: 1, nodes: [{ key: '1.85/1' }] },
    });
  });

  it('walks every obligation in reading order, page by page, without gaps or repeats', async () => {
    const seen: { key: string; order: number }[] = [];
    let after: string | null = null;
    let pages = 0;
    let hasPreviousPages: boolean[] = [];
    for (;;) {
      const data: { obligations: Page<{ key: string; order: number }> & { pageInfo: { hasPreviousPage: boolean } } } = await dataOf(
        server,
        `query ($after: String) { obligations(asOf: "2024-09-01", first: 25, after: $after) {
           totalCount pageInfo { hasNextPage hasPreviousPage endCursor } nodes { key order } } }`,
        { after },
      );
      pages += 1;
      hasPreviousPages = [...hasPreviousPages, data.obligations.pageInfo.hasPreviousPage];
      expect(data.obligations.totalCount).toBe(104);
      seen.push(...data.obligations.nodes);
      if (!data.obligations.pageInfo.hasNextPage) break;
      after = data.obligations.pageInfo.endCursor;
    }
    expect(pages).toBe(5);
    expect(hasPreviousPages).toEqual([false, true, true, true, true]);
    expect(seen.map((o) => o.order)).toEqual(Array.from({ length: 104 }, (_, index) => index + 1));
    expect(new Set(seen.map((o) => o.key)).size).toBe(104);
  });

  it('gives one obligation by key with everything about it', async () => {
    const data = await dataOf(
      server,
      `{ obligation(key: "S8/3", asOf: "2024-09-01") {
           key number modality force trigger triggerStart triggerEnd qualifiers order overridden overrideReason
           provision { __typename key } heading { key title } revision { key status }
           addressees { key } appliesTo { body { key } reason via { key } } cites { __typename }
         } }`,
    );
    expect(data).toEqual({
      obligation: {
        key: 'S8/3',
        number: 3,
        modality: 'MUST',
        force: 'REQUIREMENT',
        trigger: 'must',
        triggerStart: 583,
        triggerEnd: 587,
        qualifiers: [],
        order: 54,
        overridden: false,
        overrideReason: null,
        provision: { __typename: 'Standard', key: 'S8' },
        heading: { key: 'standards-for-commissioning-care-and-support', title: 'Standards for Commissioning Care and Support' },
        revision: IN_FORCE,
        addressees: [{ key: 'statutory-partners' }],
        appliesTo: [
          { body: { key: 'local-authority' }, reason: 'MEMBER_OF_NAMED_GROUP', via: { key: 'statutory-partners' } },
          { body: { key: 'local-health-board' }, reason: 'MEMBER_OF_NAMED_GROUP', via: { key: 'statutory-partners' } },
          { body: { key: 'nhs-trust' }, reason: 'MEMBER_OF_NAMED_GROUP', via: { key: 'statutory-partners' } },
        ],
        cites: [],
      },
    });
  });
});
