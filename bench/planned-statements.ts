/**
 * The statements the API plans for the benchmark's workloads (loaders/lookahead.ts), built
 * the way the root resolvers build them: from the workload's own document, its arguments read
 * against the schema with graphql-js, on a given revision. bench/scale.ts profiles them at
 * each scale. Only the roots that plan a statement are covered (`provision`, `obligations`);
 * for the others this returns null.
 */
import { getArgumentValues } from 'graphql/execution/values.js';
import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { uidOf } from '../loaders/global-id.ts';
import { planObligationsPage, planProvisionByUid } from '../loaders/lookahead.ts';
import { toObligationCriteria, type ObligationFilterInput } from '../loaders/obligation-query.ts';
import { Selection } from '../loaders/selection.ts';
import { buildSchema } from '../server/schema.ts';

export interface PlannedCypher {
  cypher: string;
  params: Record<string, unknown>;
}

const schema = buildSchema();

/** The `filter` argument, which getArgumentValues has coerced against the schema's ObligationFilter. */
const filterArgument = (value: unknown): ObligationFilterInput | null => (typeof value === 'object' && value !== null ? value : null);

/** The statement the API sends for the first root field of `query` with `variables`, on `revision`; null when that root plans none. */
export function plannedStatement(query: string, variables: Record<string, unknown>, revision: string): PlannedCypher | null {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const root = operation?.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD);
  if (root === undefined) return null;
  const fragments = Object.fromEntries(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const field = schema.getQueryType()?.getFields()[root.name.value];
  if (field === undefined) return null;
  const args: Record<string, unknown> = getArgumentValues(field, root, variables);
  const selection = Selection.of({ fieldNodes: [root], fragments, variableValues: variables });
  switch (root.name.value) {
    case 'provision':
      return planProvisionByUid(uidOf(revision, String(args['key'])), selection, false);
    case 'obligations':
      return planObligationsPage(revision, toObligationCriteria(filterArgument(args['filter'])), { offset: 0, limit: Number(args['first'] ?? 20) }, selection);
    default:
      return null;
  }
}
