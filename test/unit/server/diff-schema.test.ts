// The schema's classes come from graphql's CommonJS entry (see server/plugins/query-cost.ts), so instanceof must too.
import { GraphQLEnumType, getNamedType, isObjectType, type GraphQLNamedType } from 'graphql/index.js';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../../server/schema.ts';

const DIFF_TYPES = [
  'RevisionDiff',
  'DiffSummary',
  'ProvisionChangeCounts',
  'ObligationChangeCounts',
  'ProvisionChange',
  'ObligationChange',
  'ModalityChange',
  'ForceChange',
  'DiffBinding',
  'DiffBindingChange',
  'BodyImpact',
  'TextHunk',
  'ProvisionChangeKind',
  'ObligationChangeKind',
  'ModalityDirection',
  'TextHunkKind',
];

describe('the diff in the schema (schema/diff.graphql)', () => {
  const schema = buildSchema();

  it('describes every type, field, argument and value of the diff for a reader', () => {
    const undocumented: string[] = [];
    for (const name of DIFF_TYPES) {
      const type = schema.getType(name);
      if (!type?.description) undocumented.push(name);
      if (type instanceof GraphQLEnumType) {
        for (const value of type.getValues()) if (!value.description) undocumented.push(`${name}.${value.name}`);
      } else if (isObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) undocumented.push(`${name}.${field.name}`);
          for (const arg of field.args) if (!arg.description) undocumented.push(`${name}.${field.name}(${arg.name})`);
        }
      }
    }
    const diff = schema.getQueryType()?.getFields()['revisionDiff'];
    if (!diff?.description) undocumented.push('Query.revisionDiff');
    for (const arg of diff?.args ?? []) if (!arg.description) undocumented.push(`revisionDiff(${arg.name})`);
    expect(undocumented).toEqual([]);
  });

  it('lists above every type the diff reaches but the ones it borrows from the rest of the schema', () => {
    const borrowed = new Set(['Revision', 'Obligation', 'Body', 'Modality', 'Force', 'ProvisionKind', 'Qualifier', 'ApplicabilityReason', 'String', 'ID', 'Int', 'Boolean']);
    const reached = new Set<string>();
    const visit = (type: GraphQLNamedType): void => {
      if (reached.has(type.name) || borrowed.has(type.name)) return;
      reached.add(type.name);
      if (!isObjectType(type)) return;
      for (const field of Object.values(type.getFields())) {
        visit(getNamedType(field.type));
        for (const arg of field.args) visit(getNamedType(arg.type));
      }
    };
    const root = schema.getType('RevisionDiff');
    if (root !== undefined && root !== null) visit(root);
    expect([...reached].sort()).toEqual([...DIFF_TYPES].sort());
  });
});
