/**
 * The few helpers resolvers share: turning arguments into what loaders take, and saying
 * NOT_FOUND (for a key the user gave) or failing loudly (for a link the graph must have).
 */
import { isoDay, type RevisionChoice } from '../domain/revision-in-force.ts';
import type { RevisionModel } from '../loaders/revision.ts';
import { GraphShapeError, notFound } from '../core/errors.ts';

/** The revision arguments (`revision`, `asOf`) every entry point that reads the Code's text takes. */
export function revisionChoice(args: { revision?: string | null; asOf?: Date | null; prospective?: boolean | null }): RevisionChoice {
  return { revision: args.revision ?? null, asOf: isoDay(args.asOf), prospective: args.prospective ?? null };
}

/** The value, or NOT_FOUND naming what was asked for and a valid key. */
export function found<T>(value: T | null | undefined, what: string, key: string, example: string): T {
  if (value === null || value === undefined) throw notFound(what, key, example);
  return value;
}

/** The value of a link every node must have (docs/graph-model.md, "Relationships"); its absence is the graph's fault. */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new GraphShapeError(`${what} is missing`);
  return value;
}

/** "in revision 2024-09-01", saying so when the revision's text is not in the graph (a withdrawn draft). */
export function inRevision(revision: RevisionModel): string {
  return revision.hasText ? `in revision ${revision.key}` : `in revision ${revision.key} (whose text is not in the graph)`;
}
