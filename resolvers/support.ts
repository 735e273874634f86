/**
 * The few helpers resolvers share: turning arguments into what loaders take, and saying
 * NOT_FOUND (for a key the user gave) or failing loudly (for a link the graph must have).
 */
import { isoDay, type RevisionChoice } from '../domain/revision-in-force.ts';
import type { RevisionModel } from '../loaders/revision.ts';
import { GraphShapeError, notFound } from '../core/errors.ts';
import type { Loaders } from '../loaders/create-loaders.ts';
import type { BodyProperties, FullBodyModel } from '../loaders/body.ts';
import type { FullObligationModel, ObligationProperties } from '../loaders/obligation.ts';
import type { FullProvisionModel, ProvisionProperties } from '../loaders/provision.ts';
import type { ResolverContext } from './context.ts';

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

/**
 * The resolver of a field that shows the model's property `name`: the model's own value when
 * it was read (no promise then), else the whole node's, loaded by `whole` (by uid or key). A
 * planned statement reads only the properties its own fields ask for (loaders/projection.ts),
 * and the same node reached by another path in the operation may ask for more.
 */
export function propertyOf<P, K extends keyof P, T, M>(
  name: K,
  whole: (loaders: Loaders, model: M) => Promise<P>,
  shown: (value: P[K]) => T,
): (model: Partial<Pick<P, K>> & M, args: unknown, context: ResolverContext) => T | Promise<T> {
  return (model, _args, { loaders }) => {
    const read: Partial<Pick<P, K>> = model;
    const value = read[name];
    if (value !== undefined) return shown(value);
    return whole(loaders, model).then((loaded) => shown(loaded[name]));
  };
}

/** An obligation with every property, by uid (obligationProperty). */
export const wholeObligation = async (loaders: Loaders, { uid }: { uid: string }): Promise<FullObligationModel> => present(await loaders.obligationByUid.load(uid), `obligation ${uid}`);

/** A field showing the obligation's property `name` as it is (propertyOf). */
export const obligationProperty = <K extends keyof ObligationProperties>(name: K) =>
  propertyOf(name, wholeObligation, (value: ObligationProperties[K]) => value);

/** A provision with every property, by uid (provisionProperty). */
export const wholeProvision = async (loaders: Loaders, { uid }: { uid: string }): Promise<FullProvisionModel> => present(await loaders.provisionByUid.load(uid), `provision ${uid}`);

/** A field showing the provision's property `name` as it is (propertyOf). */
export const provisionProperty = <K extends keyof ProvisionProperties>(name: K) =>
  propertyOf(name, wholeProvision, (value: ProvisionProperties[K]) => value);

/** A body with every property, by key (bodyProperty; bodyByKey always holds whole bodies). */
export const wholeBody = async (loaders: Loaders, { key }: { key: string }): Promise<FullBodyModel> => present(await loaders.bodyByKey.load(key), `body ${key}`);

/** A field showing the body's property `name` as it is (propertyOf). */
export const bodyProperty = <K extends keyof BodyProperties>(name: K) => propertyOf(name, wholeBody, (value: BodyProperties[K]) => value);
