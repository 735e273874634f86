/**
 * The pure parts of the downloads (server/exports/): the query parameters read against the
 * API's schema, the rows of the table, and the revision as ELI JSON-LD and Akoma Ntoso.
 */
import { describe, expect, it } from 'vitest';
import type { GraphQLError } from 'graphql';
import { EXPORT_EXAMPLE, exportParameters, parseExportQuery } from '../../../server/exports/export-query.ts';
import { obligationRecord, tableTitle, titleRecord } from '../../../server/exports/obligations-table.ts';
import { revisionAkn } from '../../../server/exports/revision-akn.ts';
import { revisionJsonLd } from '../../../server/exports/revision-jsonld.ts';
import { buildSchema } from '../../../server/schema.ts';
import type { ExportedObligation } from '../../../loaders/obligation-export.ts';
import type { RevisionModel } from '../../../loaders/revision.ts';
import type { RevisionTextModel } from '../../../loaders/revision-text.ts';

const parameters = exportParameters(buildSchema());
const refusal = (query: Record<string, unknown>): { message: string; extensions: Record<string, unknown> } => {
  try {
    parseExportQuery(query, parameters);
  } catch (error) {
    const { message, extensions } = error as GraphQLError;
    return { message, extensions: { ...extensions } };
  }
  throw new Error('expected a refusal');
};

const revision: RevisionModel = {
  __typename: 'Revision',
  key: '2024-09-01',
  status: 'IN_FORCE',
  title: 'Code of Practice on the National Framework',
  laidOn: '2024-06-11',
  inForceFrom: '2024-09-01',
  inForceUntil: null,
  withdrawnOn: null,
  published: true,
  hasText: true,
  evidence: null,
  instrumentKey: 'code/commissioning-framework',
  supersedesKey: null,
  editorialState: 'PUBLISHED',
  version: 1,
  createdBy: null,
  lastChangedBy: null,
  copiedFrom: null,
  reviewIntervalYears: 2,
  approvedBy: null,
};

describe('parseExportQuery', () => {
  it('takes the filter fields and the revision arguments of obligations, by the same names', () => {
    expect(parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['modality', 'force', 'addressee', 'appliesTo', 'provision', 'standard', 'principle', 'heading', 'qualifier', 'citing', 'text', 'lineage', 'asOf', 'prospective', 'revision']));
    expect(parameters.map((p) => p.name)).not.toContain('first');
  });

  it('reads the issue\'s example into the filter and the revision choice, keeping the order given', () => {
    expect(parseExportQuery({ appliesTo: 'local-health-board', force: 'REQUIREMENT', asOf: '2024-09-01' }, parameters)).toEqual({
      filter: { appliesTo: 'local-health-board', force: 'REQUIREMENT' },
      choice: { revision: null, asOf: '2024-09-01', prospective: null },
      given: [
        ['appliesTo', 'local-health-board'],
        ['force', 'REQUIREMENT'],
        ['asOf', '2024-09-01'],
      ],
    });
  });

  it('reads a list from repeated parameters and from commas, and a boolean from its spelling', () => {
    expect(parseExportQuery({ modality: ['MUST', 'SHOULD,MAY'], prospective: 'true' }, parameters)).toEqual({
      filter: { modality: ['MUST', 'SHOULD', 'MAY'] },
      choice: { revision: null, asOf: null, prospective: true },
      given: [
        ['modality', 'MUST,SHOULD,MAY'],
        ['prospective', 'true'],
      ],
    });
  });

  it('refuses a modality the enum has not, naming the filter field and showing a valid download', () => {
    expect(refusal({ modality: 'MUST,OUGHT' })).toEqual({
      message: `Query parameter modality got invalid value "OUGHT" (one of MUST, MUST_NOT, SHOULD, SHOULD_NOT, MAY); Value "OUGHT" does not exist in "Modality" enum. Did you mean the enum value "MUST"?; for example ${EXPORT_EXAMPLE}`,
      extensions: { code: 'BAD_USER_INPUT', argument: 'filter.modality', example: EXPORT_EXAMPLE },
    });
  });

  it('refuses a boolean that is not true or false, and a parameter given twice', () => {
    expect(refusal({ prospective: 'yes' }).message).toBe(`Query parameter prospective got invalid value "yes"; Boolean cannot represent a non boolean value: "yes"; for example ${EXPORT_EXAMPLE}`);
    expect(refusal({ revision: ['2024-09-01', 'draft-2024-03-19'] })).toEqual({
      message: `revision was given 2 times; give it once; for example ${EXPORT_EXAMPLE}`,
      extensions: { code: 'BAD_USER_INPUT', argument: 'revision', example: EXPORT_EXAMPLE },
    });
  });
});

const row: ExportedObligation = {
  key: '1.53/1',
  lineage: 'ob_0123456789abcdef01234567',
  statement: 'Commissioners must proactively encourage their providers',
  sentence: 'Commissioners must proactively encourage their providers to complete and return the annual workforce data collection.',
  modality: 'MUST',
  force: 'REQUIREMENT',
  qualifiers: ['HAVE_REGARD', 'WHERE_APPROPRIATE'],
  provision: { key: '1.53', kind: 'CLAUSE', label: 'Clause 1.53' },
  heading: { key: 'workforce', title: 'Workforce' },
  addressees: [{ key: 'commissioner', name: 'commissioner' }],
  bodiesBound: [
    { body: 'local-authority', name: 'local authority', reason: 'ACTS_FOR_STATUTORY_PARTNERS', explanation: 'Commissioners act for the statutory partners (clause 1.3).', via: 'commissioner' },
    { body: 'nhs-trust', name: 'NHS trust', reason: 'ACTS_FOR_STATUTORY_PARTNERS', explanation: 'Commissioners act for the statutory partners (clause 1.3).', via: 'commissioner' },
  ],
  legalBasis: [
    {
      relation: 'ISSUED_UNDER',
      provision: 'anaw/2014/4/section/145',
      label: 'Section 145',
      instrument: 'anaw/2014/4',
      instrumentTitle: 'Social Services and Well-being (Wales) Act 2014',
      url: 'https://www.legislation.gov.uk/anaw/2014/4/section/145',
      uri: 'http://www.legislation.gov.uk/id/anaw/2014/4/section/145',
      location: 'clause 1.1',
      binds: [{ body: 'local-authority', force: 'REQUIREMENT', location: 'clauses 1.1 and 1.4' }],
    },
  ],
  sources: [{ document: 'code-2024', title: 'The Code', location: '1.53, line 372' }],
};

describe('the rows of the obligations table', () => {
  it('names the revision, the filter, the count and the load in the first row, padded to the columns', () => {
    const heading = { revision, given: [['appliesTo', 'local-health-board']] as [string, string][], totalCount: 96, graphLoadedAt: '2026-12-01T09:00:00.000Z' };
    expect(tableTitle(heading)).toBe(
      'Obligations of revision 2024-09-01 of the Code of Practice on the National Framework (in force from 2024-09-01); filter: appliesTo=local-health-board; 96 obligations; graph loaded 2026-12-01T09:00:00.000Z',
    );
    expect(titleRecord(heading)).toHaveLength(12);
    expect(tableTitle({ ...heading, revision: { ...revision, status: 'SUPERSEDED', inForceUntil: '2026-08-31' }, given: [], totalCount: 1, graphLoadedAt: null })).toBe(
      'Obligations of revision 2024-09-01 of the Code of Practice on the National Framework (superseded: in force from 2024-09-01 until 2026-08-31); filter: every obligation; 1 obligation; graph loaded at a time not recorded',
    );
  });

  it('writes one cell per column, one line per body bound and per provision of the legal basis', () => {
    expect(obligationRecord(row)).toEqual([
      '1.53/1',
      'Commissioners must proactively encourage their providers',
      'Commissioners must proactively encourage their providers to complete and return the annual workforce data collection.',
      'MUST',
      'REQUIREMENT',
      'HAVE_REGARD; WHERE_APPROPRIATE',
      '1.53',
      'Workforce',
      'commissioner',
      'local-authority: ACTS_FOR_STATUTORY_PARTNERS (Commissioners act for the statutory partners (clause 1.3).)\nnhs-trust: ACTS_FOR_STATUTORY_PARTNERS (Commissioners act for the statutory partners (clause 1.3).)',
      'ISSUED_UNDER: Section 145 of the Social Services and Well-being (Wales) Act 2014, clause 1.1, https://www.legislation.gov.uk/anaw/2014/4/section/145; binds local-authority (clauses 1.1 and 1.4)',
      'The Code, 1.53, line 372',
    ]);
  });
});

const text: RevisionTextModel = {
  revision,
  code: { __typename: 'Instrument', key: 'code/commissioning-framework', kind: 'CODE_OF_PRACTICE', title: 'The Code', shortTitle: null, year: 2024, url: null, uri: null, status: null, description: null },
  enabling: [
    {
      relation: 'ISSUED_UNDER',
      location: 'clause 1.1',
      provision: {
        __typename: 'LegalProvision',
        key: 'anaw/2014/4/section/145',
        instrumentKey: 'anaw/2014/4',
        kind: 'SECTION',
        number: '145',
        subsection: null,
        title: null,
        url: 'https://www.legislation.gov.uk/anaw/2014/4/section/145',
        uri: 'http://www.legislation.gov.uk/id/anaw/2014/4/section/145',
        description: null,
      },
    },
  ],
  headings: [
    {
      heading: { __typename: 'Heading', uid: '2024-09-01|aims', key: 'aims', revision: '2024-09-01', title: 'Aims & scope', text: null, order: 1 },
      provisions: [
        {
          provision: {
            __typename: 'Clause',
            uid: '2024-09-01|1.44',
            key: '1.44',
            revision: '2024-09-01',
            kind: 'CLAUSE',
            number: '1.44',
            title: null,
            text: 'The aim is:\na) first;\nb) second, including:\n  i. the Equality Act 2010\nThen <more>.',
            order: 1,
            lineage: 'pr_0123456789abcdef01234567',
            uncountedModals: [],
          },
          cites: [],
        },
      ],
      terms: [],
    },
  ],
  graphLoadedAt: '2026-12-01T09:00:00.000Z',
};

describe('revisionAkn', () => {
  it('writes the FRBR identification, the title, and each clause with its lines and nested lists', () => {
    expect(revisionAkn(text)).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <act name="codeOfPractice" contains="originalVersion">
    <meta>
      <identification source="#careCodeGraph">
        <FRBRWork>
          <FRBRthis value="/akn/gb-wls/act/code/2024/commissioning-framework/!main"/>
          <FRBRuri value="/akn/gb-wls/act/code/2024/commissioning-framework"/>
          <FRBRalias value="The Code" name="title"/>
          <FRBRdate date="2024-06-11" name="laid"/>
          <FRBRauthor href="#welshMinisters"/>
          <FRBRcountry value="gb-wls"/>
        </FRBRWork>
        <FRBRExpression>
          <FRBRthis value="/akn/gb-wls/act/code/2024/commissioning-framework/eng@2024-09-01/!main"/>
          <FRBRuri value="/akn/gb-wls/act/code/2024/commissioning-framework/eng@2024-09-01"/>
          <FRBRdate date="2024-09-01" name="inForce"/>
          <FRBRauthor href="#welshMinisters"/>
          <FRBRlanguage language="eng"/>
        </FRBRExpression>
        <FRBRManifestation>
          <FRBRthis value="/akn/gb-wls/act/code/2024/commissioning-framework/eng@2024-09-01/!main.xml"/>
          <FRBRuri value="/akn/gb-wls/act/code/2024/commissioning-framework/eng@2024-09-01.akn"/>
          <FRBRdate date="2026-12-01" name="generated"/>
          <FRBRauthor href="#careCodeGraph"/>
        </FRBRManifestation>
      </identification>
      <references source="#careCodeGraph">
        <TLCOrganization eId="welshMinisters" href="/ontology/organization/gb-wls/welshMinisters" showAs="The Welsh Ministers"/>
        <TLCOrganization eId="careCodeGraph" href="/ontology/organization/careCodeGraph" showAs="care-code-graph"/>
      </references>
    </meta>
    <preface>
      <longTitle>
        <p>Code of Practice on the National Framework</p>
      </longTitle>
    </preface>
    <body>
      <hcontainer name="crossHeading" eId="hcontainer_aims">
        <heading>Aims &amp; scope</heading>
        <paragraph eId="para_1.44">
          <num>1.44</num>
          <content>
            <p>The aim is:</p>
            <blockList>
              <item>
                <num>a)</num>
                <p>first;</p>
              </item>
              <item>
                <num>b)</num>
                <p>second, including:</p>
                <blockList>
                  <item>
                    <num>i.</num>
                    <p>the Equality Act 2010</p>
                  </item>
                </blockList>
              </item>
            </blockList>
            <p>Then &lt;more&gt;.</p>
          </content>
        </paragraph>
      </hcontainer>
    </body>
  </act>
</akomaNtoso>`);
  });
});

describe('revisionJsonLd', () => {
  it('describes the revision as an ELI legal resource, based on what the Code is issued under, with its parts and formats', () => {
    const doc = revisionJsonLd(text, 'https://care-code.example');
    const base = 'https://care-code.example/exports/revisions/2024-09-01.jsonld';
    expect(JSON.parse(JSON.stringify(doc))).toEqual({
      '@context': { eli: 'http://data.europa.eu/eli/ontology#', dcterms: 'http://purl.org/dc/terms/', foaf: 'http://xmlns.com/foaf/0.1/', xsd: 'http://www.w3.org/2001/XMLSchema#' },
      '@id': base,
      '@type': 'foaf:Document',
      'dcterms:modified': { '@value': '2026-12-01T09:00:00.000Z', '@type': 'xsd:dateTime' },
      'foaf:primaryTopic': {
        '@id': `${base}#revision`,
        '@type': 'eli:LegalResource',
        'eli:id_local': '2024-09-01',
        'eli:date_document': { '@value': '2024-06-11', '@type': 'xsd:date' },
        'eli:first_date_entry_in_force': { '@value': '2024-09-01', '@type': 'xsd:date' },
        'eli:in_force': { '@id': 'eli:InForce-inForce' },
        'eli:based_on': [{ '@id': 'http://www.legislation.gov.uk/id/anaw/2014/4/section/145' }],
        'eli:is_realized_by': {
          '@id': `${base}#text-en`,
          '@type': 'eli:LegalExpression',
          'eli:title': { '@value': 'Code of Practice on the National Framework', '@language': 'en' },
          'eli:language': { '@id': 'http://publications.europa.eu/resource/authority/language/ENG' },
          'eli:realizes': { '@id': `${base}#revision` },
          'eli:is_embodied_by': [
            { '@id': 'https://care-code.example/exports/revisions/2024-09-01.akn.xml', '@type': 'eli:Format', 'eli:format': { '@id': 'http://www.iana.org/assignments/media-types/application/akn+xml' }, 'eli:embodies': { '@id': `${base}#text-en` } },
            { '@id': 'https://care-code.example/exports/obligations.csv?revision=2024-09-01', '@type': 'eli:Format', 'eli:format': { '@id': 'http://www.iana.org/assignments/media-types/text/csv' }, 'eli:embodies': { '@id': `${base}#text-en` } },
            { '@id': 'https://care-code.example/exports/obligations.json?revision=2024-09-01', '@type': 'eli:Format', 'eli:format': { '@id': 'http://www.iana.org/assignments/media-types/application/json' }, 'eli:embodies': { '@id': `${base}#text-en` } },
          ],
        },
        'dcterms:isVersionOf': { 'dcterms:identifier': 'code/commissioning-framework', 'dcterms:title': 'The Code' },
        'eli:has_part': [{ '@id': `${base}#1.44`, '@type': 'eli:LegalResourceSubdivision', 'eli:id_local': '1.44', 'eli:is_part_of': { '@id': `${base}#revision` }, 'dcterms:title': 'Clause 1.44', 'eli:cites': [] }],
      },
    });
  });
});
