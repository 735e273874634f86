/**
 * What a planned statement reads of a node (loaders/projection.ts): the properties the fields
 * asked need, every property for a field the model's table does not know, and the heavy ones
 * (a provision's text, a body's description, an obligation's statement) only when asked.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assertObjectType, buildSchema } from 'graphql';
// The executable schema's classes come from graphql's CommonJS entry (see server/plugins/query-cost.ts), so its checks must too.
import { assertObjectType as assertExecutableObjectType } from 'graphql/index.js';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../core/config.ts';
import { buildSchema as buildExecutableSchema } from '../../../server/schema.ts';
import { BODY_ALWAYS, BODY_FIELD_READS, toBodyAsRead } from '../../../loaders/body.ts';
import { applicabilityValue, OBLIGATION_ALWAYS, OBLIGATION_FIELD_READS, toApplicability, toObligationAsRead } from '../../../loaders/obligation.ts';
import { GraphShapeError } from '../../../core/errors.ts';
import { Reads } from '../../../loaders/projection.ts';
import { PROVISION_ALWAYS, PROVISION_FIELD_READS, toProvisionAsRead } from '../../../loaders/provision.ts';
import { selectionOf } from '../../support/selection-of.ts';

const provisionReads = (document: string) => Reads.of(selectionOf(document), PROVISION_FIELD_READS, PROVISION_ALWAYS);

describe('what a planned statement reads of a node', () => {
  it('reads a provision\'s text only when it is asked', () => {
    expect(provisionReads('{ provision(key: "S8") { key label __typename } }').has('text')).toBe(false);
    expect(provisionReads('{ provision(key: "S8") { key ... on Clause { text } } }').has('text')).toBe(true);
    expect(provisionReads('{ provision(key: "S8") { key } }').cypher('p')).toBe('[p.uid]');
    expect(provisionReads('{ provision(key: "S8") { key label } }').cypher('p')).toBe('[p.uid, p.number, p.title]');
  });

  it('reads of an obligation its uid (its revision and key) and the properties of the fields asked, nothing else', () => {
    const reads = Reads.of(selectionOf('{ obligation(key: "S8/3") { key modality sentence overridden provision { key } } }'), OBLIGATION_FIELD_READS, OBLIGATION_ALWAYS);
    // A list of the values, in the order of the properties: the driver decodes no key for them.
    expect(reads.cypher('o')).toBe('[o.uid, o.modality, o.text, o.fromOverride]');
    expect(toObligationAsRead(['r|S8/3', 'MUST', 'They must.', false], reads)).toEqual({ __typename: 'Obligation', uid: 'r|S8/3', key: 'S8/3', revision: 'r', modality: 'MUST', text: 'They must.', fromOverride: false });
    // Anything else is a graph of another shape than the statement's, said as such.
    expect(() => toObligationAsRead(['r|S8/3', 'MUST', 'They must.'], reads)).toThrow(new GraphShapeError('obligation is not a list of its 4 properties read'));
    expect(() => toObligationAsRead({ uid: 'r|S8/3', modality: 'MUST', text: 'They must.', fromOverride: false }, reads)).toThrow(GraphShapeError);
  });

  it('reads an applicability as applicabilityValue returns it, its body as read, and refuses any other shape', () => {
    const bodyReads = Reads.of(selectionOf('{ body(key: "x") { key name } }'), BODY_FIELD_READS, BODY_ALWAYS);
    expect(applicabilityValue('a', 'b', bodyReads)).toBe('[[b.key, b.name], a.reason, a.explanation, a.via]');
    expect(toApplicability([['lhb', 'Local health boards'], 'NAMED', 'Named in the obligation.', null], bodyReads)).toEqual({
      body: { __typename: 'Body', key: 'lhb', name: 'Local health boards' },
      reason: 'NAMED',
      explanation: 'Named in the obligation.',
      via: null,
    });
    expect(() => toApplicability({ body: ['lhb', 'Local health boards'], reason: 'NAMED', explanation: 'x', via: null }, bodyReads)).toThrow(
      new GraphShapeError('an applicability is not a list of its body, reason, explanation and via'),
    );
  });

  it('gives every field that reads a property beyond the identity a resolver of its own, which loads what a model came without', () => {
    const schema = buildExecutableSchema();
    const unresolved = (type: string, table: Record<string, readonly string[]>) =>
      Object.entries(assertExecutableObjectType(schema.getType(type)).getFields())
        .filter(([name, field]) => (table[name]?.length ?? 0) > 0 && field.resolve === undefined)
        .map(([name]) => `${type}.${name}`);
    expect(['Clause', 'Principle', 'Standard'].flatMap((type) => unresolved(type, PROVISION_FIELD_READS))).toEqual([]);
    expect(unresolved('Obligation', OBLIGATION_FIELD_READS)).toEqual([]);
    expect(unresolved('Body', BODY_FIELD_READS)).toEqual([]);
  });

  it('reads every property for a field its table does not know, so a new field is never empty', () => {
    const reads = Reads.of(selectionOf('{ obligation(key: "S8/3") { key someNewField } }'), OBLIGATION_FIELD_READS, OBLIGATION_ALWAYS);
    expect(reads.cypher('o')).toBe('properties(o)');
    expect(reads.has('statement')).toBe(true);
  });

  it('knows every field of the types it projects: a field missing from a table would read every property of its node', () => {
    const schema = buildSchema(readFileSync(path.join(PROJECT_ROOT, 'schema.graphql'), 'utf8'));
    const fieldsOf = (type: string) => Object.keys(assertObjectType(schema.getType(type)).getFields()).sort();
    expect(Object.keys(OBLIGATION_FIELD_READS).sort()).toEqual(fieldsOf('Obligation'));
    expect(Object.keys(BODY_FIELD_READS).sort()).toEqual(fieldsOf('Body'));
    const provisionFields = [...new Set(['Clause', 'Principle', 'Standard'].flatMap(fieldsOf))].sort();
    expect(Object.keys(PROVISION_FIELD_READS).sort()).toEqual(provisionFields);
  });

  it('marks what was not read as not read, and what was read as null as null', () => {
    const reads = Reads.of(selectionOf('{ body(key: "x") { key name } }'), BODY_FIELD_READS, BODY_ALWAYS);
    expect(toBodyAsRead(['x', 'X'], reads)).not.toHaveProperty('description');
    expect(toBodyAsRead({ key: 'x', name: 'X' }, Reads.ALL).description).toBeNull();
    const provision = toProvisionAsRead({ node: ['r|1.1'], labels: ['Provision', 'Clause'] }, provisionReads('{ provision(key: "1.1") { key } }'));
    expect(provision.text).toBeUndefined();
  });
});
