/**
 * Provenance: every node names the document it was read from and the place in it
 * (`sources`), and the documents themselves are nodes (`sourceDocuments`, `node(id:)`),
 * through HTTP on the seeded Code, compared as whole objects.
 */
import { describe, expect, it } from 'vitest';
import { dataOf, useSeededServer } from '../support/seeded.ts';

const server = useSeededServer();

const SOURCES = 'sources { location document { key file } }';
const CODE = { key: 'code-2024', file: '001_efe8f478827b0957.txt' };
const MEMORANDUM = { key: 'em-2024', file: '000_035b954a48afddf3.txt' };

describe('sources', () => {
  it('gives obligation 1.53/1 the Code and the clause and line it was read at', async () => {
    expect(
      await dataOf(server, `{ obligation(key: "1.53/1", revision: "2024-09-01") { key sources { location document { key file title } } } }`),
    ).toEqual({
      obligation: {
        key: '1.53/1',
        sources: [
          {
            location: '1.53, line 372',
            document: {
              ...CODE,
              title: 'Code of Practice on the National Framework for the Commissioning of Care and Support in Wales',
            },
          },
        ],
      },
    });
  });

  it('gives the 2014 Act the clause and footnote of the Code that name it', async () => {
    expect(await dataOf(server, `{ instrument(key: "anaw/2014/4") { key ${SOURCES} } }`)).toEqual({
      instrument: { key: 'anaw/2014/4', sources: [{ location: 'clause 1.1, footnote 1', document: CODE }] },
    });
  });

  it('gives revision 2024-09-01 the Explanatory Memorandum', async () => {
    expect(await dataOf(server, `{ revision(key: "2024-09-01") { key ${SOURCES} } }`)).toEqual({
      revision: { key: '2024-09-01', sources: [{ location: "Minister's Declaration; sections 2, 3, 7", document: MEMORANDUM }] },
    });
  });

  it('gives each theme its place in the Regulatory Impact Assessment', async () => {
    expect(await dataOf(server, `{ themes { key ${SOURCES} } }`)).toEqual({
      themes: [
        { key: 'key-values-of-the-2014-act', sources: [{ location: 'section 6 (RIA), Theme 1', document: MEMORANDUM }] },
        { key: 'evidence-informed-decision-making', sources: [{ location: 'section 6 (RIA), Theme 2', document: MEMORANDUM }] },
        { key: 'value-based-commissioning-and-ethical-practices', sources: [{ location: 'section 6 (RIA), Theme 3', document: MEMORANDUM }] },
      ],
    });
  });

  it('names the source of every other kind of node', async () => {
    expect(
      await dataOf(
        server,
        `{ heading(key: "safeguarding", revision: "2024-09-01") { ${SOURCES} }
           clause: provision(key: "1.53", revision: "2024-09-01") { ${SOURCES} }
           principle: provision(key: "P3", revision: "2024-09-01") { ${SOURCES} }
           standard: provision(key: "S10", revision: "2024-09-01") { ${SOURCES} footnotes { key ${SOURCES} } }
           term(key: "carer", revision: "2024-09-01") { ${SOURCES} }
           body(key: "local-health-board") { ${SOURCES} }
           legalProvision(key: "anaw/2014/4/section/145") { ${SOURCES} }
           toolkitItem(key: "toolkit/templates") { ${SOURCES} }
           organisation(key: "social-care-wales") { ${SOURCES} } }`,
      ),
    ).toEqual({
      heading: { sources: [{ location: 'heading "Safeguarding", line 476', document: CODE }] },
      clause: { sources: [{ location: 'clause 1.53, line 372', document: CODE }] },
      principle: { sources: [{ location: 'principle P3, line 157', document: CODE }] },
      standard: {
        sources: [{ location: 'standard S10, line 345', document: CODE }],
        footnotes: [
          { key: 'fn14', sources: [{ location: 'footnote 14, line 350', document: CODE }] },
          { key: 'fn15', sources: [{ location: 'footnote 15, line 353', document: CODE }] },
          { key: 'fn16', sources: [{ location: 'footnote 16, line 354', document: CODE }] },
        ],
      },
      term: { sources: [{ location: 'glossary, "Carer", line 535', document: CODE }] },
      body: { sources: [{ location: 'clause 1.3', document: CODE }] },
      legalProvision: { sources: [{ location: 'clause 1.1; footnote 3', document: CODE }] },
      toolkitItem: { sources: [{ location: 'clause 1.13', document: CODE }] },
      organisation: { sources: [{ location: 'clause 1.53', document: CODE }] },
    });
  });
});

describe('source documents', () => {
  it('lists the five documents the graph was read from, by key', async () => {
    const document = { __typename: 'SourceDocument', url: null, licence: 'Open Government Licence v3.0 (Crown copyright)' };
    expect(await dataOf(server, '{ sourceDocuments { __typename key file title publisher date dateText url licence } }')).toEqual({
      sourceDocuments: [
        {
          ...document,
          ...CODE,
          title: 'Code of Practice on the National Framework for the Commissioning of Care and Support in Wales',
          publisher: 'Welsh Government',
          date: null,
          dateText: 'in force 1 September 2024',
        },
        {
          ...document,
          key: 'consultation-2025-quality',
          file: '003_a314e0b574fe9821.txt',
          title: 'Code of practice on quality, concerns and closure of care and support services (consultation)',
          publisher: 'Welsh Government',
          date: null,
          dateText: '2025; responses by 30 June 2025; document number WG51604',
        },
        {
          ...document,
          ...MEMORANDUM,
          title:
            'Explanatory Memorandum to the Code of Practice on the National Framework for the Commissioning of Care and Support in Wales under the Social Services and Well-being (Wales) Act 2014',
          publisher: 'Welsh Government (Health, Social Care and Early Years Group)',
          date: '2024-06-11',
          dateText: "11 June 2024 (Minister's declaration)",
        },
        {
          ...document,
          key: 'expert-group-2022',
          file: '004_63e29d7dc2653590.txt',
          title: 'Towards a National Care and Support Service for Wales: Report of the Expert Group',
          publisher: 'Expert Group on a National Care Service (established by the Welsh Government and Plaid Cymru under the Co-operation Agreement)',
          date: null,
          dateText: 'September 2022',
        },
        {
          ...document,
          key: 'senedd-2024-09-24',
          file: '002_cf2ac0c56c1acc8e.txt',
          title: 'Statement by the Minister for Children and Social Care: The national framework for the commissioning of care and support in Wales (Plenary, 24 September 2024)',
          publisher: 'Senedd Cymru (Record of Proceedings)',
          date: '2024-09-24',
          dateText: '24 September 2024, 3:41 pm',
        },
      ],
    });
  });

  it('gives a source document back by the global id the API gave it', async () => {
    const { sourceDocuments } = await dataOf<{ sourceDocuments: { id: string; key: string }[] }>(server, '{ sourceDocuments { id key } }');
    const memorandum = sourceDocuments.find((document) => document.key === 'em-2024');
    expect(memorandum?.id).toBe(Buffer.from('SourceDocument:em-2024').toString('base64'));
    expect(
      await dataOf(server, 'query ($id: ID!) { node(id: $id) { __typename id ... on SourceDocument { key date dateText } } }', { id: memorandum?.id }),
    ).toEqual({
      node: { __typename: 'SourceDocument', id: memorandum?.id, key: 'em-2024', date: '2024-06-11', dateText: "11 June 2024 (Minister's declaration)" },
    });
  });
});
