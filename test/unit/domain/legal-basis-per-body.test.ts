import { describe, expect, it } from 'vitest';
import { bindLegalBasis, legalBasisOfBodies, type BodyBinding } from '../../../domain/legal-basis-per-body.ts';
import type { LegalBasisRelation } from '../../../domain/legal-basis-order.ts';

interface Provision {
  key: string;
  instrumentKey: string;
  number: string;
  subsection: string | null;
}
interface Link {
  relation: LegalBasisRelation;
  location: string | null;
  provision: Provision;
}

const section = (instrumentKey: string, number: string): Provision => ({ key: `${instrumentKey}/section/${number}`, instrumentKey, number, subsection: null });
const s145 = section('anaw/2014/4', '145');
const s169 = section('anaw/2014/4', '169');
const s2 = section('ukpga/2006/42', '2');
const s12 = section('ukpga/2006/42', '12');
const s19 = section('ukpga/2006/42', '19');
/** The Code's enabling links, in the database's order (not the legal basis's). */
const ENABLING: Link[] = [
  { relation: 'GUIDANCE_UNDER', location: 'clause 1.2', provision: s2 },
  { relation: 'GUIDANCE_UNDER', location: 'clause 1.2', provision: s169 },
  { relation: 'ISSUED_UNDER', location: 'clause 1.1', provision: s145 },
];
const BINDINGS: BodyBinding<Provision>[] = [
  { body: 'nhs-trust', force: 'REQUIREMENT', relation: 'DIRECTION_UNDER', location: 'clause 1.5', provision: s19 },
  { body: 'local-health-board', force: 'REQUIREMENT', relation: 'DIRECTION_UNDER', location: 'clause 1.5', provision: s12 },
  { body: 'local-authority', force: 'REQUIREMENT', relation: 'ISSUED_UNDER', location: 'clauses 1.1 and 1.4', provision: s145 },
  { body: 'local-authority', force: 'GUIDELINE', relation: 'ISSUED_UNDER', location: 'clauses 1.1 and 1.7', provision: s145 },
  { body: 'local-health-board', force: 'GUIDELINE', relation: 'GUIDANCE_UNDER', location: 'clauses 1.2 and 1.7', provision: s2 },
  { body: 'local-health-board', force: 'GUIDELINE', relation: 'GUIDANCE_UNDER', location: 'clauses 1.2 and 1.7', provision: s169 },
];
const entryOf = (binding: BodyBinding<Provision>): Link => ({ relation: binding.relation, location: binding.location, provision: binding.provision });
const shown = (basis: (Link & { binds: { body: string; force: string; location: string }[] })[]) =>
  basis.map((entry) => `${entry.relation} ${entry.provision.key} (${entry.location ?? '-'}): ${entry.binds.map((b) => `${b.body} ${b.force} ${b.location}`).join('; ')}`);

describe('bindLegalBasis', () => {
  it('gives a requirement binding the three statutory partners its enabling links, and the directions under the 2006 Act as entries of their own', () => {
    const basis = bindLegalBasis(ENABLING, BINDINGS, { force: 'REQUIREMENT', bodiesBound: ['local-authority', 'local-health-board', 'nhs-trust'] }, entryOf);
    expect(shown(basis)).toEqual([
      'ISSUED_UNDER anaw/2014/4/section/145 (clause 1.1): local-authority REQUIREMENT clauses 1.1 and 1.4',
      'DIRECTION_UNDER ukpga/2006/42/section/12 (clause 1.5): local-health-board REQUIREMENT clause 1.5',
      'DIRECTION_UNDER ukpga/2006/42/section/19 (clause 1.5): nhs-trust REQUIREMENT clause 1.5',
      'GUIDANCE_UNDER anaw/2014/4/section/169 (clause 1.2): ',
      'GUIDANCE_UNDER ukpga/2006/42/section/2 (clause 1.2): ',
    ]);
  });

  it('binds only the bodies the obligation binds, with the bindings of its force', () => {
    const basis = bindLegalBasis(ENABLING, BINDINGS, { force: 'GUIDELINE', bodiesBound: ['local-health-board', 'provider'] }, entryOf);
    expect(shown(basis)).toEqual([
      'ISSUED_UNDER anaw/2014/4/section/145 (clause 1.1): ',
      'GUIDANCE_UNDER anaw/2014/4/section/169 (clause 1.2): local-health-board GUIDELINE clauses 1.2 and 1.7',
      'GUIDANCE_UNDER ukpga/2006/42/section/2 (clause 1.2): local-health-board GUIDELINE clauses 1.2 and 1.7',
    ]);
  });
});

describe('legalBasisOfBodies', () => {
  it('keeps only the entries through which the obligation binds one of the bodies asked for', () => {
    const basis = bindLegalBasis(ENABLING, BINDINGS, { force: 'REQUIREMENT', bodiesBound: ['local-authority', 'local-health-board', 'nhs-trust'] }, entryOf);
    expect(shown(legalBasisOfBodies(basis, new Set(['local-health-board'])))).toEqual(['DIRECTION_UNDER ukpga/2006/42/section/12 (clause 1.5): local-health-board REQUIREMENT clause 1.5']);
    expect(shown(legalBasisOfBodies(basis, new Set(['statutory-partners', 'local-authority', 'nhs-trust'])))).toEqual([
      'ISSUED_UNDER anaw/2014/4/section/145 (clause 1.1): local-authority REQUIREMENT clauses 1.1 and 1.4',
      'DIRECTION_UNDER ukpga/2006/42/section/19 (clause 1.5): nhs-trust REQUIREMENT clause 1.5',
    ]);
    expect(legalBasisOfBodies(basis, new Set(['provider']))).toEqual([]);
  });
});
