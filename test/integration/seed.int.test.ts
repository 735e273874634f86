import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryRunner } from '../../db/run-query.ts';
import { readSeedInput, seedCode, type SeedReport } from '../../seed/index.ts';
import { writeGraph } from '../../seed/write-graph.ts';
import { legislationKeyOfUrl } from '../../domain/legislation-links.ts';
import { connectTestDatabase, type TestDatabase } from '../support/test-neo4j.ts';

let db: TestDatabase;
let runner: QueryRunner;
let report: SeedReport;

async function rows<T>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
  return runner.read<T & Record<string, unknown>>('test', cypher, params);
}

/** A fingerprint of the whole graph: every node's labels and properties, every relationship. */
async function fingerprint(): Promise<{ nodes: number; relationships: number; digest: string[] }> {
  const [counts] = await rows<{ nodes: number; relationships: number }>(
    'MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS relationships',
  );
  const digest = await rows<{ line: string }>(
    `MATCH (n)
     RETURN reduce(s = '', l IN labels(n) | s + ':' + l) + ' ' + coalesce(n.uid, n.key, '') + ' ' + toString(size(keys(n)))
            + ' ' + toString(COUNT { (n)-->() }) AS line
     ORDER BY line`,
  );
  return { nodes: counts?.nodes ?? 0, relationships: counts?.relationships ?? 0, digest: digest.map((row) => row.line) };
}

beforeAll(async () => {
  db = connectTestDatabase();
  runner = new QueryRunner(db);
  await runner.write('test.reset', 'MATCH (n) DETACH DELETE n');
  report = await seedCode(db);
}, 120_000);

afterAll(async () => {
  await db.close();
});

const obligation = async (key: string): Promise<Record<string, unknown>> => {
  const [row] = await rows<{ o: Record<string, unknown> }>(
    `MATCH (o:Obligation {uid: '2024-09-01|' + $key})-[:STATED_IN]->(p:Provision)
     RETURN {key: o.key, provision: p.key, text: o.text, modality: o.modality, force: o.force, trigger: o.trigger,
             qualifiers: o.qualifiers,
             addressees: COLLECT { MATCH (o)-[:ADDRESSES]->(b) RETURN b.key ORDER BY b.key },
             appliesTo: COLLECT { MATCH (o)-[a:APPLIES_TO]->(b) RETURN b.key + ' ' + a.reason ORDER BY b.key }} AS o`,
    { key },
  );
  return row?.o ?? {};
};

describe('seedCode (the Code and its catalogue in Neo4j)', () => {
  it('writes every clause, principle, standard, term, footnote and heading of the Code', () => {
    expect(report.labels).toMatchObject({ Clause: 94, Principle: 7, Standard: 10, Provision: 111, Term: 6, Footnote: 27, Heading: 31, Obligation: 104 });
  });

  it('gives every provision and obligation the uid <revision>|<key>, from which the API reads both (loaders/global-id.ts)', async () => {
    const [counts] = await rows<{ nodes: number; others: number }>(
      "MATCH (n) WHERE n:Provision OR n:Obligation RETURN count(n) AS nodes, count(CASE WHEN n.uid <> n.revision + '|' + n.key THEN 1 END) AS others",
    );
    expect(counts).toEqual({ nodes: 215, others: 0 });
  });

  it('links bodies to their groups, and each obligation to its provision', () => {
    expect(report.relationships).toMatchObject({ MEMBER_OF: 5, ACTS_FOR: 2, STATED_IN: 104, ADDRESSES: 92, HAS_FOOTNOTE: 27, CITES_DUTY_OF: 1, GROUPS: 17 });
  });

  it('counts the obligations by modality, force and qualifier', () => {
    expect(report.obligations.byModality).toEqual({ MUST: 57, SHOULD: 46, SHOULD_NOT: 1 });
    expect(report.obligations.byForce).toEqual({ GUIDELINE: 47, REQUIREMENT: 57 });
    expect(report.obligations.byQualifier).toEqual({ HAVE_REGARD: 7, REASONABLE_STEPS: 3, WHERE_APPROPRIATE: 3 });
    expect(report.obligations.fromOverrides).toBe(0);
    expect(report.overridesApplied).toBe(1);
  });

  it('numbers the clauses 1.1 to 1.94 in reading order, with 1.6 restored', async () => {
    const clauses = await rows<{ key: string }>("MATCH (c:Clause {revision: '2024-09-01'}) RETURN c.key AS key ORDER BY c.order");
    expect(clauses.map((c) => c.key)).toEqual(Array.from({ length: 94 }, (_, i) => `1.${i + 1}`));
  });

  it('counts "must X and must Y" as two obligations with the same sentence (1.60)', async () => {
    const text =
      'Statutory partners must treat the Welsh language no less favourably than English and must seek to provide opportunities for people to fully use Welsh Language in their everyday life.';
    const appliesTo = ['local-authority MEMBER_OF_NAMED_GROUP', 'local-health-board MEMBER_OF_NAMED_GROUP', 'nhs-trust MEMBER_OF_NAMED_GROUP'];
    expect(await obligation('1.60/1')).toEqual({ key: '1.60/1', provision: '1.60', text, modality: 'MUST', force: 'REQUIREMENT', trigger: 'must', qualifiers: [], addressees: ['statutory-partners'], appliesTo });
    expect(await obligation('1.60/2')).toEqual({ key: '1.60/2', provision: '1.60', text, modality: 'MUST', force: 'REQUIREMENT', trigger: 'must', qualifiers: [], addressees: ['statutory-partners'], appliesTo });
  });

  it('keeps a list lead-in and its list as one obligation (1.9)', async () => {
    expect(await obligation('1.9/1')).toMatchObject({
      text:
        'This Code should be read in conjunction with all codes of practices and guidance issued under the Act but particularly: a) Part 2 Code of Practice (General Functions) b) Part 4 Code of Practice (Meeting Needs) c) Part 8 Code on the Role of the Director of Social Services (Social Services Functions) d) Part 9 Statutory Guidance (Partnership Arrangements) e) Market Stability Reports Code of Practice',
      modality: 'SHOULD',
      force: 'GUIDELINE',
    });
    expect(await rows("MATCH (o:Obligation {revision: '2024-09-01', provisionKey: '1.9'}) RETURN o.key AS key")).toEqual([{ key: '1.9/1' }]);
  });

  it('binds the statutory partners to an impersonal sentence through clauses 1.4 to 1.7 (1.23)', async () => {
    expect(await obligation('1.23/1')).toMatchObject({
      modality: 'SHOULD',
      addressees: [],
      appliesTo: ['local-authority IMPERSONAL', 'local-health-board IMPERSONAL', 'nhs-trust IMPERSONAL'],
    });
  });

  it('reads the one "should not" (Standard 8)', async () => {
    expect(await obligation('S8/6')).toEqual({
      key: 'S8/6',
      provision: 'S8',
      text: 'Establishing consistent methodologies and benchmarks, should not detract from local democracy and local decision-making on price determination.',
      modality: 'SHOULD_NOT',
      force: 'GUIDELINE',
      trigger: 'should not',
      qualifiers: [],
      addressees: [],
      appliesTo: ['local-authority IMPERSONAL', 'local-health-board IMPERSONAL', 'nhs-trust IMPERSONAL'],
    });
  });

  it('names providers and reaches them only through contracts (1.55)', async () => {
    expect(await obligation('1.55/2')).toEqual({
      key: '1.55/2',
      provision: '1.55',
      text: 'Providers should ensure that their staff have basic digital skills to support service users and must work with statutory partners in increasing the use of digital solutions.',
      modality: 'SHOULD',
      force: 'GUIDELINE',
      trigger: 'should',
      qualifiers: [],
      addressees: ['provider'],
      appliesTo: ['provider THROUGH_CONTRACTS'],
    });
  });

  it('reads a joint addressee, statutory partners and providers (Standard 7)', async () => {
    expect(await obligation('S7/2')).toMatchObject({
      text: 'Statutory partners and providers must work collaboratively to understand fair and sustainable costs of delivering care to inform decisions relating to fee setting and there must be a consistent and transparent approach to fee setting processes.',
      addressees: ['provider', 'statutory-partners'],
      appliesTo: ['local-authority MEMBER_OF_NAMED_GROUP', 'local-health-board MEMBER_OF_NAMED_GROUP', 'nhs-trust MEMBER_OF_NAMED_GROUP', 'provider THROUGH_CONTRACTS'],
    });
  });

  it('reads the renumbered clause 1.6 and names the three bodies', async () => {
    expect(await obligation('1.6/1')).toEqual({
      key: '1.6/1',
      provision: '1.6',
      text: 'Local authorities, local health boards and NHS trusts must exercise their relevant functions in accordance with the requirements contained in this Code.',
      modality: 'MUST',
      force: 'REQUIREMENT',
      trigger: 'must',
      qualifiers: [],
      addressees: ['local-authority', 'local-health-board', 'nhs-trust'],
      appliesTo: ['local-authority NAMED', 'local-health-board NAMED', 'nhs-trust NAMED'],
    });
  });

  it('qualifies "must have regard to" (1.7) and "take all reasonable steps" (1.84)', async () => {
    expect(await obligation('1.7/1')).toMatchObject({
      text: 'In addition, local authorities, local health boards and NHS trusts must have regard to any guidelines set out within this Code.',
      qualifiers: ['HAVE_REGARD'],
    });
    expect(await obligation('1.84/1')).toMatchObject({
      text: 'Statutory partners must take all reasonable steps to ensure that the commissioning of care and support services promotes and protects the well-being of children and adults at risk.',
      qualifiers: ['REASONABLE_STEPS'],
    });
  });

  it('finds no obligation in the definitions of 1.8, the quoted duty of 1.72 or the descriptions of 1.10 and 1.12', async () => {
    expect(await rows("MATCH (o:Obligation {revision: '2024-09-01'}) WHERE o.provisionKey IN ['1.8', '1.72', '1.10', '1.12'] RETURN o.key AS key")).toEqual([]);
  });

  it('records the duty restated in 1.85 as a cited duty of s.28 Children Act 2004, not an obligation of the Code', async () => {
    expect(
      await rows("MATCH (p:Provision {uid: '2024-09-01|1.85'})-[d:CITES_DUTY_OF]->(s:LegalProvision)-[:PART_OF]->(a:Instrument) RETURN s.key AS section, a.title AS act"),
    ).toEqual([{ section: 'ukpga/2004/31/section/28', act: 'Children Act 2004' }]);
    expect(await rows("MATCH (o:Obligation {provisionKey: '1.85'}) RETURN o.key AS key, o.trigger AS trigger ORDER BY key")).toEqual([{ key: '1.85/1', trigger: 'should' }]);
  });

  it('puts every footnote URL of the Code on a node of the catalogue', async () => {
    // Legislation's url is its canonical page (domain/legislation-links.ts): a footnote's link to
    // legislation, in whatever form, names the node whose key is the item it links to.
    const footnotes = await rows<{ url: string; linked: boolean }>(
      `MATCH (f:Footnote {revision: '2024-09-01'}) WHERE f.url IS NOT NULL
       RETURN f.url AS url, EXISTS { MATCH (n) WHERE (n:Instrument OR n:LegalProvision OR n:ToolkitItem OR n:Organisation) AND n.url = f.url } AS linked`,
    );
    const keys = new Set((await rows<{ key: string }>('MATCH (n) WHERE n:Instrument OR n:LegalProvision RETURN n.key AS key')).map((row) => row.key));
    const missing = footnotes.filter((f) => !f.linked && !keys.has(legislationKeyOfUrl(f.url) ?? '')).map((f) => ({ url: f.url }));
    expect(missing).toEqual([]);
    const [urls] = await rows<{ count: number }>("MATCH (f:Footnote {revision: '2024-09-01'}) WHERE f.url IS NOT NULL RETURN count(f) AS count");
    expect(urls?.count).toBe(26); // 27 footnotes; footnote 3 is a sentence, not a link
  });

  it('gives every node its source document', async () => {
    // The GraphLoad stamp is a fact about the graph, not about the Code (docs/graph-model.md, "The graph's load").
    expect(await rows('MATCH (n) WHERE NOT n:SourceDocument AND NOT n:GraphLoad AND NOT (n)-[:SOURCED_FROM]->(:SourceDocument) RETURN labels(n) AS labels, n.key AS key')).toEqual([]);
  });

  it('links the Code to the powers it is issued under and the section it disapplies', async () => {
    expect(
      await rows(
        "MATCH (:Instrument {key: 'code/commissioning-framework'})-[r]->(s:LegalProvision) RETURN type(r) AS type, s.key AS key, s.url AS url ORDER BY type, key",
      ),
    ).toEqual([
      { type: 'DISAPPLIES', key: 'anaw/2014/4/section/147', url: 'https://www.legislation.gov.uk/anaw/2014/4/section/147' },
      { type: 'GUIDANCE_UNDER', key: 'anaw/2014/4/section/169', url: 'https://www.legislation.gov.uk/anaw/2014/4/section/169' },
      { type: 'GUIDANCE_UNDER', key: 'ukpga/2006/42/section/2', url: 'https://www.legislation.gov.uk/ukpga/2006/42/section/2' },
      { type: 'ISSUED_UNDER', key: 'anaw/2014/4/section/145', url: 'https://www.legislation.gov.uk/anaw/2014/4/section/145' },
    ]);
  });

  it('records the revision history: the withdrawn draft and the Code in force from 2024-09-01', async () => {
    expect(
      await rows(
        `MATCH (r:Revision)-[:REVISION_OF]->(:Instrument {key: 'code/commissioning-framework'})
         RETURN r.key AS key, r.status AS status, toString(r.laidOn) AS laidOn, toString(r.inForceFrom) AS inForceFrom,
                [(r)-[:SUPERSEDES]->(s) | s.key] AS supersedes ORDER BY key`,
      ),
    ).toEqual([
      { key: '2024-09-01', status: 'IN_FORCE', laidOn: '2024-06-11', inForceFrom: '2024-09-01', supersedes: ['draft-2024-03-19'] },
      { key: 'draft-2024-03-19', status: 'WITHDRAWN', laidOn: '2024-03-19', inForceFrom: null, supersedes: [] },
    ]);
  });

  it('cites the Well-being of Future Generations (Wales) Act 2015 from the obligations that name it', async () => {
    const citing = await rows<{ key: string }>(
      "MATCH (o:Obligation {revision: '2024-09-01'})-[:CITES]->(:Instrument {key: 'anaw/2015/2'}) RETURN o.key AS key ORDER BY o.order",
    );
    expect(citing.map((row) => row.key)).toEqual(['S1/1', 'S4/3', '1.92/1']);
  });

  it('is idempotent: seeding again gives the same graph', async () => {
    const before = await fingerprint();
    await seedCode(db);
    expect(await fingerprint()).toEqual(before);
  }, 120_000);

  it('is transactional: a failure part-way leaves the previous graph untouched', async () => {
    const before = await fingerprint();
    const { catalogue, code } = readSeedInput();
    const first = code.obligations[0];
    if (first === undefined) throw new Error('no obligations read');
    // A duplicate obligation breaks the uid constraint after most of the graph was rewritten.
    const broken = { ...code, obligations: [...code.obligations, { ...first }] };
    await expect(writeGraph(runner, catalogue, broken)).rejects.toThrow();
    expect(await fingerprint()).toEqual(before);
  }, 120_000);
});
