/**
 * The order of an obligation's legal basis, which its trace follows too (docs/reading-rules.md,
 * "Legal basis per body"): what the Code is issued under (s.145 of the 2014 Act), then what the Welsh
 * Ministers direct local health boards and NHS trusts under (the 2006 Act, clause 1.5), then
 * what it is guidance under (s.169; s.2 of the 2006 Act), then statutory duties it restates. Pure.
 */

export type LegalBasisRelation = 'ISSUED_UNDER' | 'DIRECTION_UNDER' | 'GUIDANCE_UNDER' | 'RESTATES_DUTY_OF';

/** What the order needs to know of one link to legislation. */
export interface LegalBasisLink {
  relation: LegalBasisRelation;
  /** The clause of the Code that says so (1.1, 1.2), if any. */
  location: string | null;
  provision: { instrumentKey: string; number: string; subsection: string | null };
}

const RELATION_RANK: Record<LegalBasisRelation, number> = { ISSUED_UNDER: 0, DIRECTION_UNDER: 1, GUIDANCE_UNDER: 2, RESTATES_DUTY_OF: 3 };

/** Numbers in numeric order where they are numbers (s.2 before s.145). */
const byNumber = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });

/**
 * Orders a legal basis: issued under first, then direction under, then guidance under, then restated duties; within
 * each, by where the Code says so, then by Act and section number. Pure, so the order of an
 * obligation's legal basis and of its trace never depends on the database's row order.
 */
export function orderLegalBasis<B extends LegalBasisLink>(basis: readonly B[]): B[] {
  return [...basis].sort(
    (a, b) =>
      RELATION_RANK[a.relation] - RELATION_RANK[b.relation] ||
      byNumber(a.location ?? '', b.location ?? '') ||
      a.provision.instrumentKey.localeCompare(b.provision.instrumentKey) ||
      byNumber(a.provision.number, b.provision.number) ||
      byNumber(a.provision.subsection ?? '', b.provision.subsection ?? ''),
  );
}
