/**
 * How the Code binds each body (issue 13, point 5; docs/reading-rules.md, "Legal basis per
 * body"), asked through HTTP of the real server over the seeded Code: a local authority through
 * section 145 of the 2014 Act (clauses 1.1 and 1.4), a local health board or an NHS trust
 * through the Welsh Ministers' direction under the National Health Service (Wales) Act 2006
 * (clause 1.5), their guidelines as guidance under section 2 of that Act and section 169 of the
 * 2014 Act (clauses 1.2 and 1.7), in both the explanation of `appliesTo` and `legalBasis`.
 */
import { describe, expect, it } from 'vitest';
import { QueryRunner } from '../../db/run-query.ts';
import { seedCode } from '../../seed/index.ts';
import { dataOf, useSeededServer } from '../support/seeded.ts';

const server = useSeededServer();

const ACT_2014 = 'Social Services and Well-being (Wales) Act 2014';
const ACT_2006 = 'National Health Service (Wales) Act 2006';
const LA_REQUIREMENTS = `Local authorities must act in accordance with the Code's requirements, as a code issued under section 145 of the ${ACT_2014} (clauses 1.1 and 1.4).`;
const LHB_REQUIREMENTS = `Local health boards must act in accordance with the Code's requirements, as the Welsh Ministers direct them under section 12 of the ${ACT_2006} (clause 1.5).`;
const TRUST_REQUIREMENTS = `NHS trusts must act in accordance with the Code's requirements, as the Welsh Ministers direct them under section 19 of the ${ACT_2006} (clause 1.5).`;
const LHB_GUIDELINES = `Local health boards must have regard to the Code's guidelines, as guidance under section 2 of the ${ACT_2006} and section 169 of the ${ACT_2014} (clauses 1.2 and 1.7).`;
const MEMBER = 'One of the statutory partners named in the obligation (clause 1.3).';

const BASIS = 'relation location provision { key label instrument { key } } binds { body { key } force location }';
const s145 = { key: 'anaw/2014/4/section/145', label: 'Section 145', instrument: { key: 'anaw/2014/4' } };
const s169 = { key: 'anaw/2014/4/section/169', label: 'Section 169', instrument: { key: 'anaw/2014/4' } };
const s2 = { key: 'ukpga/2006/42/section/2', label: 'Section 2', instrument: { key: 'ukpga/2006/42' } };
const s12 = { key: 'ukpga/2006/42/section/12', label: 'Section 12', instrument: { key: 'ukpga/2006/42' } };
const s19 = { key: 'ukpga/2006/42/section/19', label: 'Section 19', instrument: { key: 'ukpga/2006/42' } };
const bound = (body: string, force: string, location: string) => ({ body: { key: body }, force, location });

interface Basis {
  relation: string;
  location: string | null;
  provision: { key: string };
  binds: { force: string; location: string }[];
}

interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: T[];
}

describe('the legal basis body by body', () => {
  it("names clause 1.5 and section 12 of the 2006 Act in a local health board's explanation and legal basis for a requirement", async () => {
    const data = await dataOf(
      server,
      `{ obligation(key: "S8/2", asOf: "2024-09-01") {
           key force
           appliesTo(body: "local-health-board") { body { key } reason explanation }
           legalBasis(body: "local-health-board") { ${BASIS} }
         } }`,
    );
    expect(data).toEqual({
      obligation: {
        key: 'S8/2',
        force: 'REQUIREMENT',
        appliesTo: [{ body: { key: 'local-health-board' }, reason: 'MEMBER_OF_NAMED_GROUP', explanation: `${MEMBER} ${LHB_REQUIREMENTS}` }],
        legalBasis: [{ relation: 'DIRECTION_UNDER', location: 'clause 1.5', provision: s12, binds: [bound('local-health-board', 'REQUIREMENT', 'clause 1.5')] }],
      },
    });
  });

  it("names clauses 1.1 and 1.4 and section 145 of the 2014 Act in a local authority's, and section 19 in an NHS trust's", async () => {
    const data = await dataOf(
      server,
      `{ obligation(key: "S8/2", asOf: "2024-09-01") {
           la: appliesTo(body: "local-authority") { explanation }
           laBasis: legalBasis(body: "local-authority") { ${BASIS} }
           trust: appliesTo(body: "nhs-trust") { explanation }
           trustBasis: legalBasis(body: "nhs-trust") { ${BASIS} }
         } }`,
    );
    expect(data).toEqual({
      obligation: {
        la: [{ explanation: `${MEMBER} ${LA_REQUIREMENTS}` }],
        laBasis: [{ relation: 'ISSUED_UNDER', location: 'clause 1.1', provision: s145, binds: [bound('local-authority', 'REQUIREMENT', 'clauses 1.1 and 1.4')] }],
        trust: [{ explanation: `${MEMBER} ${TRUST_REQUIREMENTS}` }],
        trustBasis: [{ relation: 'DIRECTION_UNDER', location: 'clause 1.5', provision: s19, binds: [bound('nhs-trust', 'REQUIREMENT', 'clause 1.5')] }],
      },
    });
  });

  it('binds a local health board to a guideline as guidance under section 2 of the 2006 Act and section 169 of the 2014 Act (clauses 1.2 and 1.7)', async () => {
    const data = await dataOf(
      server,
      `{ obligation(key: "S2/3", asOf: "2024-09-01") {
           force
           appliesTo(body: "local-health-board") { explanation }
           legalBasis(body: "local-health-board") { ${BASIS} }
         } }`,
    );
    expect(data).toEqual({
      obligation: {
        force: 'GUIDELINE',
        appliesTo: [{ explanation: `${MEMBER} ${LHB_GUIDELINES}` }],
        legalBasis: [
          { relation: 'GUIDANCE_UNDER', location: 'clause 1.2', provision: s169, binds: [bound('local-health-board', 'GUIDELINE', 'clauses 1.2 and 1.7')] },
          { relation: 'GUIDANCE_UNDER', location: 'clause 1.2', provision: s2, binds: [bound('local-health-board', 'GUIDELINE', 'clauses 1.2 and 1.7')] },
        ],
      },
    });
  });

  it('lists the whole legal basis without `body`, each entry with the bodies bound through it, and the members of a group with it', async () => {
    const data = await dataOf(
      server,
      `{ obligation(key: "S8/2", asOf: "2024-09-01") {
           all: legalBasis { ${BASIS} }
           partners: legalBasis(body: "statutory-partners") { relation provision { key } binds { body { key } } }
         } }`,
    );
    const requirement = (body: string, location: string) => bound(body, 'REQUIREMENT', location);
    expect(data).toEqual({
      obligation: {
        all: [
          { relation: 'ISSUED_UNDER', location: 'clause 1.1', provision: s145, binds: [requirement('local-authority', 'clauses 1.1 and 1.4')] },
          { relation: 'DIRECTION_UNDER', location: 'clause 1.5', provision: s12, binds: [requirement('local-health-board', 'clause 1.5')] },
          { relation: 'DIRECTION_UNDER', location: 'clause 1.5', provision: s19, binds: [requirement('nhs-trust', 'clause 1.5')] },
          { relation: 'GUIDANCE_UNDER', location: 'clause 1.2', provision: s169, binds: [] },
          { relation: 'GUIDANCE_UNDER', location: 'clause 1.2', provision: s2, binds: [] },
        ],
        partners: [
          { relation: 'ISSUED_UNDER', provision: { key: s145.key }, binds: [{ body: { key: 'local-authority' } }] },
          { relation: 'DIRECTION_UNDER', provision: { key: s12.key }, binds: [{ body: { key: 'local-health-board' } }] },
          { relation: 'DIRECTION_UNDER', provision: { key: s19.key }, binds: [{ body: { key: 'nhs-trust' } }] },
        ],
      },
    });
  });

  it('gives providers, whom the Code reaches through contracts (clause 1.10), no legislation, and refuses an unknown body', async () => {
    const data = await dataOf(
      server,
      `{ obligation(key: "1.55/3", asOf: "2024-09-01") {
           appliesTo(body: "provider") { reason explanation }
           legalBasis(body: "provider") { relation }
           lhb: legalBasis(body: "local-health-board") { relation }
         } }`,
    );
    expect(data).toEqual({
      obligation: {
        appliesTo: [{ reason: 'THROUGH_CONTRACTS', explanation: "Named for providers: reaches them through the statutory partners' contracts (clause 1.10)." }],
        legalBasis: [],
        lhb: [],
      },
    });
    const refused = await server.graphql(`{ obligation(key: "S8/2", asOf: "2024-09-01") { legalBasis(body: "health-board") { relation } } }`);
    expect(refused.errors?.map((error) => error.extensions?.['code'])).toEqual(['NOT_FOUND']);
  });

  it('says so for every one of the 56 requirements that bind a local health board', async () => {
    const requirements: { key: string; appliesTo: { explanation: string }[]; legalBasis: Basis[] }[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { obligations: Page<(typeof requirements)[number]> } = await dataOf<{ obligations: Page<(typeof requirements)[number]> }>(
        server,
        `query ($after: String) {
           obligations(asOf: "2024-09-01", filter: { appliesTo: "local-health-board", force: REQUIREMENT }, first: 20, after: $after) {
             totalCount pageInfo { hasNextPage endCursor }
             nodes { key appliesTo(body: "local-health-board") { explanation } legalBasis(body: "local-health-board") { relation location provision { key } binds { force location } } }
           } }`,
        { after },
      );
      requirements.push(...page.obligations.nodes);
      if (!page.obligations.pageInfo.hasNextPage) break;
      after = page.obligations.pageInfo.endCursor;
    }
    expect(requirements).toHaveLength(56);
    const notSaying = requirements.filter(
      (o) =>
        o.appliesTo.length !== 1 ||
        !(o.appliesTo[0]?.explanation.endsWith(` ${LHB_REQUIREMENTS}`) ?? false) ||
        JSON.stringify(o.legalBasis) !==
          JSON.stringify([{ relation: 'DIRECTION_UNDER', location: 'clause 1.5', provision: { key: s12.key }, binds: [{ force: 'REQUIREMENT', location: 'clause 1.5' }] }]),
    );
    expect(notSaying.map((o) => o.key)).toEqual([]);
  });

  it('keeps the eight bindings of the catalogue as BOUND_BY links, the same after seeding again', async () => {
    const bindings = async () =>
      new QueryRunner(server.db).read<{ binding: string }>(
        'test.bindings',
        `MATCH (b:Body)-[r:BOUND_BY]->(p:LegalProvision)
         RETURN b.key + ' ' + r.force + ' ' + r.relation + ' ' + p.key + ' (' + r.location + ')' AS binding ORDER BY binding`,
      );
    const expected = [
      'local-authority GUIDELINE ISSUED_UNDER anaw/2014/4/section/145 (clauses 1.1 and 1.7)',
      'local-authority REQUIREMENT ISSUED_UNDER anaw/2014/4/section/145 (clauses 1.1 and 1.4)',
      'local-health-board GUIDELINE GUIDANCE_UNDER anaw/2014/4/section/169 (clauses 1.2 and 1.7)',
      'local-health-board GUIDELINE GUIDANCE_UNDER ukpga/2006/42/section/2 (clauses 1.2 and 1.7)',
      'local-health-board REQUIREMENT DIRECTION_UNDER ukpga/2006/42/section/12 (clause 1.5)',
      'nhs-trust GUIDELINE GUIDANCE_UNDER anaw/2014/4/section/169 (clauses 1.2 and 1.7)',
      'nhs-trust GUIDELINE GUIDANCE_UNDER ukpga/2006/42/section/2 (clauses 1.2 and 1.7)',
      'nhs-trust REQUIREMENT DIRECTION_UNDER ukpga/2006/42/section/19 (clause 1.5)',
    ].map((binding) => ({ binding }));
    expect(await bindings()).toEqual(expected);
    await seedCode(server.db);
    expect(await bindings()).toEqual(expected);
  });
});
