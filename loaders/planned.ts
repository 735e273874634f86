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

/**
 * The links a plan read below one model. A Map, not an object given a property per link: the
 * models of a page take their links in several orders, and one function storing properties by
 * a variable name over objects of many shapes is a megamorphic store, which V8 leaves to its
 * slow path (profiled: the most expensive line of building a page of 50 obligations).
 */
export class PlannedLinks<Links> {
  private readonly links = new Map<keyof Links, Links[keyof Links]>();

  get<K extends keyof Links>(field: K): Links[K] | undefined {
    // `set` below is the only writer, and it keeps each field's value under that field.
    return this.links.get(field) as Links[K] | undefined;
  }

  set<K extends keyof Links>(field: K, value: Links[K]): void {
    this.links.set(field, value);
  }
}

/** A model that may carry the links a plan read below it. */
export type WithPlanned<Links> = { [PLANNED]?: PlannedLinks<Links> };

/** The link `field` a plan read below `model`, or undefined when none did (the DataLoader answers then). */
export function plannedLink<Links, K extends keyof Links>(model: WithPlanned<Links>, field: K): Links[K] | undefined {
  return model[PLANNED]?.get(field);
}

/** Keeps on `model` the link `field` a plan read below it. */
export function keepPlanned<Links, K extends keyof Links>(model: WithPlanned<Links>, field: K, value: Links[K]): void {
  (model[PLANNED] ??= new PlannedLinks<Links>()).set(field, value);
}
