/**
 * The selection below an operation's first root field, as its resolver's `info` would give it
 * (loaders/selection.ts), for the unit tests of what a root field plans.
 */
import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { Selection } from '../../loaders/selection.ts';

export function selectionOf(document: string, variableValues: Record<string, unknown> = {}): Selection {
  const parsed = parse(document);
  const operation = parsed.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const root = operation?.selectionSet.selections[0];
  if (root?.kind !== Kind.FIELD) throw new Error('the operation must start with a field');
  const fragments = Object.fromEntries(
    parsed.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return Selection.of({ fieldNodes: [root], fragments, variableValues });
}
