import { describe, expect, it } from 'vitest';
import { toGlobalId } from '../../../loaders/global-id.ts';
import { buildTrace, type TraceRow } from '../../../loaders/trace.ts';

const act2014 = { key: 'anaw/2014/4', kind: 'ACT', title: 'Social Services and Well-being (Wales) Act 2014', url: 'https://www.legislation.gov.uk/anaw/2014/4/contents' };
const act2006 = { key: 'ukpga/2006/42', kind: 'ACT', title: 'National Health Service (Wales) Act 2006', url: 'https://www.legislation.gov.uk/ukpga/2006/42/contents?lang=en' };
const section = (instrument: typeof act2014, number: string, title: string | null = null) => ({
  key: `${instrument.key}/section/${number}`,
  instrumentKey: instrument.key,
  kind: 'SECTION',
  number,
  title,
  url: `https://www.legislation.gov.uk/${instrument.key}/section/${number}`,
});

/** A row as TRACE_OF_OBLIGATIONS returns it, with the enabling links in a scrambled order. */
const row: TraceRow = {
  obligation: {
    uid: '2024-09-01|S8/3',
    key: 'S8/3',
    revision: '2024-09-01',
    text: 'Statutory partners must confirm their fee rates to providers in a timely manner before the start of each financial year.',
    modality: 'MUST',
    force: 'REQUIREMENT',
    trigger: 'must',
    triggerStart: 19,
    triggerEnd: 23,
    qualifiers: [],
    statement: 'Statutory partners must confirm their fee rates to providers in a timely manner before the start of each financial year.',
    statementStart: 0,
    statementEnd: 120,
    order: 60,
    lineage: 'ob_0123456789abcdef01234567',
  },
  provision: {
    node: { uid: '2024-09-01|S8', key: 'S8', revision: '2024-09-01', number: '8', title: 'Standard 8: Setting fair and sustainable fees', text: '...', order: 64, lineage: 'pr_000000000000000000000008' },
    labels: ['Provision', 'Standard'],
  },
  heading: { uid: '2024-09-01|standards', key: 'standards', revision: '2024-09-01', title: 'Standards for Commissioning Care and Support', order: 13 },
  revision: { key: '2024-09-01', status: 'IN_FORCE', title: 'Code of Practice', published: true, hasText: true },
  code: { key: 'code/commissioning-framework', kind: 'CODE_OF_PRACTICE', title: 'Code of Practice', url: null },
  enabling: [
    { relation: 'GUIDANCE_UNDER', location: 'clause 1.2', provision: section(act2006, '2'), instrument: act2006 },
    { relation: 'GUIDANCE_UNDER', location: 'clause 1.2', provision: section(act2014, '169'), instrument: act2014 },
    { relation: 'ISSUED_UNDER', location: 'clause 1.1', provision: section(act2014, '145', 'Codes of practice'), instrument: act2014 },
  ],
};

describe('buildTrace', () => {
  it('orders the chain from the obligation to the Acts, issued-under before guidance-under, each Act once', () => {
    expect(buildTrace(row).map(({ position, kind, relation, key }) => ({ position, kind, relation, key }))).toEqual([
      { position: 1, kind: 'OBLIGATION', relation: null, key: 'S8/3' },
      { position: 2, kind: 'PROVISION', relation: 'STATED_IN', key: 'S8' },
      { position: 3, kind: 'HEADING', relation: 'UNDER_HEADING', key: 'standards' },
      { position: 4, kind: 'REVISION', relation: 'PART_OF_REVISION', key: '2024-09-01' },
      { position: 5, kind: 'CODE', relation: 'REVISION_OF', key: 'code/commissioning-framework' },
      { position: 6, kind: 'ENABLING_PROVISION', relation: 'ISSUED_UNDER', key: 'anaw/2014/4/section/145' },
      { position: 7, kind: 'ENABLING_PROVISION', relation: 'GUIDANCE_UNDER', key: 'anaw/2014/4/section/169' },
      { position: 8, kind: 'ENABLING_PROVISION', relation: 'GUIDANCE_UNDER', key: 'ukpga/2006/42/section/2' },
      { position: 9, kind: 'ACT', relation: 'PART_OF', key: 'anaw/2014/4' },
      { position: 10, kind: 'ACT', relation: 'PART_OF', key: 'ukpga/2006/42' },
    ]);
  });

  it('titles each section with its Act, and gives its legislation.gov.uk link and node id', () => {
    expect(buildTrace(row)[5]).toEqual({
      position: 6,
      kind: 'ENABLING_PROVISION',
      relation: 'ISSUED_UNDER',
      key: 'anaw/2014/4/section/145',
      title: 'Section 145 of the Social Services and Well-being (Wales) Act 2014: Codes of practice',
      url: 'https://www.legislation.gov.uk/anaw/2014/4/section/145',
      nodeId: toGlobalId('LegalProvision', 'anaw/2014/4/section/145'),
    });
  });

  it('names the provision as people cite it', () => {
    expect(buildTrace(row)[1]).toMatchObject({ title: 'Standard 8: Setting fair and sustainable fees', nodeId: toGlobalId('Standard', '2024-09-01|S8') });
  });
});
