/**
 * The legal basis of an obligation body by body (docs/reading-rules.md, "Legal basis per
 * body"): which provisions of legislation make it bind each body it binds. The Code binds local
 * authorities through s.145 of the 2014 Act (clauses 1.1 and 1.4), local health boards and NHS
 * trusts to its requirements through the Welsh Ministers' direction under the 2006 Act (clause
 * 1.5) and to its guidelines as guidance under s.2 of that Act and s.169 of the 2014 Act
 * (clauses 1.2 and 1.7). Pure: the loaders read the graph's BOUND_BY links and apply these rules.
 */
import type { BindingRelation, Force } from '../core/vocabulary.ts';
import { orderLegalBasis, type LegalBasisLink, type LegalBasisRelation } from './legal-basis-order.ts';

/** One body bound through one entry of a legal basis, and the clauses of the Code that say so. */
export interface BasisBinding {
  body: string;
  force: Force;
  location: string;
}

/** One BOUND_BY link of the graph: a body bound to the Code's obligations of one force through a provision. */
export interface BodyBinding<P> extends BasisBinding {
  relation: BindingRelation;
  provision: P;
}

type Provision = LegalBasisLink['provision'] & { key: string };

/** A legal basis entry with the bodies this obligation binds through it. */
export type BoundBasis<L extends { relation: LegalBasisRelation; location: string | null; provision: Provision }> = L & { binds: BasisBinding[] };

/**
 * An obligation's legal basis with, on each entry, the bodies it binds through it: the
 * bindings of the obligation's force for the bodies it binds (its APPLIES_TO). A binding through
 * a provision that is not already an entry (the direction under the 2006 Act) becomes an entry
 * of its own, located where the Code says so. In the order of orderLegalBasis.
 */
export function bindLegalBasis<L extends { relation: LegalBasisRelation; location: string | null; provision: Provision }>(
  links: readonly L[],
  bindings: readonly BodyBinding<L['provision']>[],
  obligation: { force: Force; bodiesBound: readonly string[] },
  entryOf: (binding: BodyBinding<L['provision']>) => L,
): BoundBasis<L>[] {
  const relevant = bindings.filter((binding) => binding.force === obligation.force && obligation.bodiesBound.includes(binding.body));
  const sameEntry = (link: L, binding: BodyBinding<L['provision']>): boolean => link.relation === binding.relation && link.provision.key === binding.provision.key;
  const extra: L[] = [];
  for (const binding of relevant) {
    if (!links.some((link) => sameEntry(link, binding)) && !extra.some((link) => sameEntry(link, binding))) extra.push(entryOf(binding));
  }
  return orderLegalBasis(
    [...links, ...extra].map((link) => ({
      ...link,
      binds: relevant.filter((binding) => sameEntry(link, binding)).map(({ body, force, location }) => ({ body, force, location })),
    })),
  );
}

/** Only the entries that bind one of `bodies`, each with only those bodies' bindings. */
export function legalBasisOfBodies<E extends { binds: readonly BasisBinding[] }>(basis: readonly E[], bodies: ReadonlySet<string>): E[] {
  return basis
    .map((entry) => ({ ...entry, binds: entry.binds.filter((binding) => bodies.has(binding.body)) }))
    .filter((entry) => entry.binds.length > 0);
}
