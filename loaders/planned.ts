/**
 * What a planned statement brought below a model, kept on the model itself (loaders/lookahead.ts).
 * The plan also primes the request's DataLoaders, so any path finds it there; but a DataLoader
 * answers with a promise even from its cache, and graphql-js completes a field given a promise
 * a microtask later, then every field below it the same way. The resolvers of the planned
 * links read this first and answer at once, so an operation whose answer came in one statement
 * completes without a promise per node: the page of 50 obligations of a body has 150 fewer.
 * The value is the same one the DataLoader was primed with.
 */

/** The key of the links on a model: a symbol, so no GraphQL field and no JSON sees it. */
export const PLANNED: unique symbol = Symbol('planned links');

/** A model that may carry the links a plan read below it. */
export type WithPlanned<Links> = { [PLANNED]?: Partial<Links> };

/** The link `field` a plan read below `model`, or undefined when none did (the DataLoader answers then). */
export function plannedLink<Links, K extends keyof Links>(model: WithPlanned<Links>, field: K): Links[K] | undefined {
  return model[PLANNED]?.[field];
}

/** Keeps on `model` the link `field` a plan read below it. */
export function keepPlanned<Links, K extends keyof Links>(model: WithPlanned<Links>, field: K, value: Links[K]): void {
  const links: Partial<Links> = model[PLANNED] ?? {};
  links[field] = value;
  model[PLANNED] = links;
}
