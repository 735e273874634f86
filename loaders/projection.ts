/**
 * What a planned statement reads of a node (docs/architecture.md, "Looking ahead"): the
 * properties the fields asked of it need, as a list of their values in a known order
 * (`[p.uid, p.key]`), rather than every property (`properties(p)`), whose heavy text the driver
 * would decode for nothing (a provision's text, a body's description, an obligation's
 * statement). A list rather than a map projection (`p {.uid, .key}`): the driver decodes each
 * key of each map again, and for the fifty obligations of a page with their provisions,
 * addressees and bodies those keys were a third of the time it spent reading the answer. Each model keeps a
 * table of its GraphQL fields and the properties they read beside it; a field the table does not
 * know reads everything, so a new field is never silently empty. What a model came without is
 * marked "not read" (undefined) in its type, and its field resolver loads it on demand.
 */
import { GraphShapeError } from '../core/errors.ts';
import { asProps, type Props } from '../db/graph-values.ts';
import type { Selection } from './selection.ts';

/** A model's GraphQL fields and the properties each reads beyond those it always reads. */
export type FieldReads = Readonly<Record<string, readonly string[]>>;

/** The properties read of a node: every one (null), or these. */
export class Reads {
  private constructor(readonly properties: readonly string[] | null) {}

  /** Per table of readers, the model properties these reads read (worked out on the first model read with it). */
  private readonly readable = new WeakMap<object, readonly PropertyKey[]>();

  static readonly ALL = new Reads(null);

  /**
   * What the fields asked in `selection` need: `always` (identity, order, what other resolvers
   * read) and each asked field's properties in `table`; every property when a field is not in it.
   * Introspection fields (`__typename`) read nothing.
   */
  static of(selection: Selection, table: FieldReads, always: readonly string[]): Reads {
    const read = new Set(always);
    for (const field of selection.names()) {
      if (field.startsWith('__')) continue;
      const properties = table[field];
      if (properties === undefined) return Reads.ALL;
      for (const property of properties) read.add(property);
    }
    return new Reads([...read]);
  }

  /** Whether the property `name` is read. */
  has(name: string): boolean {
    return this.properties === null || this.properties.includes(name);
  }

  /** The model properties of `readers` read: those every property they come `from` is read for. */
  readableOf<P>(readers: PropertyReaders<P>): readonly (keyof P)[] {
    // Only this method fills the map, with the names of the readers it is keyed by.
    let names = this.readable.get(readers) as readonly (keyof P)[] | undefined;
    if (names === undefined) {
      names = (Object.keys(readers) as (keyof P)[]).filter((name) => readers[name].from.every((from) => this.has(from)));
      this.readable.set(readers, names);
    }
    return names;
  }

  /** The Cypher of the node `n` as read: its properties (a map), or the values of those read (a list, in their order). */
  cypher(n: string): string {
    return this.properties === null ? `properties(${n})` : `[${this.properties.map((property) => `${n}.${property}`).join(', ')}]`;
  }

  /** The properties of a node as `cypher` returned them (`what` names it in the error when it is neither). */
  propsOf(value: unknown, what: string): Props {
    const { properties } = this;
    if (properties === null) return asProps(value, what);
    if (!Array.isArray(value) || value.length !== properties.length) throw new GraphShapeError(`${what} is not a list of its ${properties.length} properties read`);
    const props: Props = {};
    properties.forEach((property, index) => {
      props[property] = value[index];
    });
    return props;
  }
}

/** The value read of a property, or undefined ("not read") when `reads` leaves it out. */
export function ifRead<T>(reads: Reads, name: string, read: () => T): T | undefined {
  return reads.has(name) ? read() : undefined;
}

/**
 * How each property of a model is read from a node's properties, and which of those it needs:
 * a model's property is read when every property it comes `from` was (assignModelProperties).
 */
export type PropertyReaders<P> = { readonly [K in keyof P]-?: { readonly from: readonly string[]; read(props: Props): P[K] } };

/** A reader of the one node property of the same name. */
export const property = <T>(name: string, read: (props: Props, name: string) => T): { from: readonly string[]; read(props: Props): T } => ({
  from: [name],
  read: (props) => read(props, name),
});

/**
 * Sets on `model` the properties `reads` read (the others left out: "not read"), from a node's
 * properties. On the model itself, after its identity: one object per node, each of a page's
 * models of one shape.
 */
export function assignModelProperties<P>(model: Partial<P>, props: Props, readers: PropertyReaders<P>, reads: Reads): void {
  for (const name of reads.readableOf(readers)) model[name] = readers[name].read(props);
}

/** Every property of the model, from a node's properties. */
export function toAllModelProperties<P>(props: Props, readers: PropertyReaders<P>): P {
  const model = {} as P;
  for (const name of Object.keys(readers) as (keyof P)[]) model[name] = readers[name].read(props);
  return model;
}

/** Whether a model came with every property (a batch query's whole node), not only those a plan read. */
export function hasAllProperties<P, M extends Partial<P>>(model: M, readers: PropertyReaders<P>): model is M & P {
  return (Object.keys(readers) as (keyof P)[]).every((name) => model[name] !== undefined);
}
