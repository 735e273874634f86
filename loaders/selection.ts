/**
 * The fields an operation asks for below one field (docs/architecture.md, "Looking ahead"):
 * read from a resolver's `info`, so that a root field can plan one statement for what will be
 * resolved under it (loaders/lookahead.ts). Fragments and inline fragments are merged whatever
 * their type condition (planning for a type that is not the node's only primes a loader no
 * resolver asks); `@skip` and `@include` are honoured; argument values are read with the
 * operation's variables. It reads the document only: nothing here changes what is resolved.
 */
import {
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  valueFromASTUntyped,
  type FieldNode,
  type FragmentDefinitionNode,
  type FragmentSpreadNode,
  type GraphQLResolveInfo,
  type InlineFragmentNode,
  type SelectionSetNode,
} from 'graphql';

/** What a resolver's `info` holds that a selection is read from. */
export type SelectionSource = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments' | 'variableValues'>;

/** What a selection is read from: the document's fragments and the operation's variables. */
interface Document {
  fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  variables: Readonly<Record<string, unknown>>;
}

/** The fields asked for under one field, by field name (every alias and fragment merged). */
export class Selection {
  private readonly fields = new Map<string, FieldNode[]>();

  private constructor(
    private readonly document: Document,
    sets: readonly SelectionSetNode[],
  ) {
    for (const set of sets) this.collect(set, new Set());
  }

  /** The selection below the field a resolver resolves. */
  static of(info: SelectionSource): Selection {
    const sets = info.fieldNodes.flatMap((node) => (node.selectionSet === undefined ? [] : [node.selectionSet]));
    return new Selection({ fragments: info.fragments, variables: info.variableValues }, sets);
  }

  /** An empty selection (nothing asked below a field). */
  static none(): Selection {
    return new Selection({ fragments: {}, variables: {} }, []);
  }

  /** Whether the field `name` is asked for (under any alias). */
  has(name: string): boolean {
    return this.fields.has(name);
  }

  /** The names of the fields asked for. */
  names(): string[] {
    return [...this.fields.keys()];
  }

  /** Whether any field but those named is asked for. */
  hasOtherThan(names: readonly string[]): boolean {
    return [...this.fields.keys()].some((name) => !names.includes(name));
  }

  /** What is asked below the field `name`, every occurrence merged; empty when it is not asked. */
  below(name: string): Selection {
    const sets = (this.fields.get(name) ?? []).flatMap((node) => (node.selectionSet === undefined ? [] : [node.selectionSet]));
    return new Selection(this.document, sets);
  }

  /** This selection and `other` together. */
  with(other: Selection): Selection {
    const merged = new Selection(this.document, []);
    for (const source of [this, other]) {
      for (const [name, nodes] of source.fields) merged.fields.set(name, [...(merged.fields.get(name) ?? []), ...nodes]);
    }
    return merged;
  }

  /** The value of the argument `argument` in each occurrence of the field `name` that gives it (null and absent left out). */
  argumentValues(name: string, argument: string): unknown[] {
    return (this.fields.get(name) ?? []).flatMap((node) => {
      const given = node.arguments?.find((arg) => arg.name.value === argument);
      if (given === undefined) return [];
      const value: unknown = valueFromASTUntyped(given.value, this.document.variables);
      return value === null || value === undefined ? [] : [value];
    });
  }

  /**
   * The values of the argument `argument` when every occurrence of the field `name` gives it
   * (null when one does not, or gives null, or the field is not asked): what a plan may narrow to.
   */
  argumentInEvery(name: string, argument: string): unknown[] | null {
    const occurrences = this.fields.get(name) ?? [];
    const values = this.argumentValues(name, argument);
    return occurrences.length > 0 && values.length === occurrences.length ? values : null;
  }

  private collect(set: SelectionSetNode, spread: Set<string>): void {
    for (const selection of set.selections) {
      if (!this.included(selection)) continue;
      switch (selection.kind) {
        case Kind.FIELD: {
          const name = selection.name.value;
          this.fields.set(name, [...(this.fields.get(name) ?? []), selection]);
          break;
        }
        case Kind.INLINE_FRAGMENT:
          this.collect(selection.selectionSet, spread);
          break;
        case Kind.FRAGMENT_SPREAD: {
          const fragment = this.document.fragments[selection.name.value];
          // A fragment spread twice at one level adds nothing; validation has refused cycles.
          if (fragment === undefined || spread.has(fragment.name.value)) break;
          spread.add(fragment.name.value);
          this.collect(fragment.selectionSet, spread);
          break;
        }
      }
    }
  }

  private included(node: FieldNode | InlineFragmentNode | FragmentSpreadNode): boolean {
    const variables = this.document.variables as Record<string, unknown>;
    if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.['if'] === true) return false;
    return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.['if'] !== false;
  }
}
