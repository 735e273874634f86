// The schema's classes come from graphql's CommonJS entry (see server/plugins/query-cost.ts), so instanceof must too.
import { GraphQLEnumType, isObjectType } from 'graphql/index.js';
import { describe, expect, it } from 'vitest';
import { AUDIT_RESULTS } from '../../../domain/audit-chain.ts';
import { buildSchema } from '../../../server/schema.ts';

describe('the audit trail in the schema (schema/audit.graphql)', () => {
  const schema = buildSchema();

  it('lists as AuditResult exactly OK and the error codes of core/errors.ts', () => {
    const type = schema.getType('AuditResult');
    expect(type).toBeInstanceOf(GraphQLEnumType);
    expect((type as GraphQLEnumType).getValues().map((value) => value.name)).toEqual([...AUDIT_RESULTS]);
  });

  it('describes every type, field and argument of the audit trail for a reader', () => {
    const undocumented: string[] = [];
    for (const name of ['AuditEvent', 'AuditActor', 'AuditTarget', 'AuditEventConnection', 'AuditEventEdge', 'AuditResult']) {
      const type = schema.getType(name);
      if (!type?.description) undocumented.push(name);
      if (type instanceof GraphQLEnumType) {
        for (const value of type.getValues()) if (!value.description) undocumented.push(`${name}.${value.name}`);
      } else if (isObjectType(type)) {
        for (const field of Object.values(type.getFields())) if (!field.description) undocumented.push(`${name}.${field.name}`);
      }
    }
    const trail = schema.getQueryType()?.getFields()['auditTrail'];
    if (!trail?.description) undocumented.push('Query.auditTrail');
    for (const arg of trail?.args ?? []) if (!arg.description) undocumented.push(`auditTrail(${arg.name})`);
    expect(undocumented).toEqual([]);
  });
});
