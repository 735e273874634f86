/**
 * The statements the hot paths' root fields plan from what is asked below them
 * (loaders/lookahead.ts; docs/architecture.md, "Looking ahead"), for the benchmark's
 * operations (bench/workloads.ts): pinned, so a change to a planned statement shows in review.
 * Each one is run for real, and its answer compared with the DataLoaders', by
 * test/integration/api-round-trips.int.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { workloads } from '../../../bench/workloads.ts';
import { planObligationByUid, planObligationsPage, planProvisionByUid } from '../../../loaders/lookahead.ts';
import { toObligationCriteria } from '../../../loaders/obligation-query.ts';
import { selectionOf } from '../../support/selection-of.ts';

const benchmarked = (name: string) => {
  const request = workloads('2024-09-01').find((w) => w.name.startsWith(name))?.graphql[0];
  if (request === undefined) throw new Error(`bench/workloads.ts has no workload named "${name}"`);
  return selectionOf(request.query, request.variables({}));
};

const PAGE = { offset: 0, limit: 50 };

describe('the statements planned from a selection', () => {
  it('reads a provision with its heading and obligations in one statement', () => {
    const planned = planProvisionByUid('2024-09-01|S8', benchmarked('provision by key'), false);
    expect(planned?.name).toBe('provision');
    expect(planned?.params).toEqual({ uid: '2024-09-01|S8', canSeeDrafts: false });
    expect(planned?.cypher).toMatchSnapshot();
  });

  it('plans nothing for a provision asked without links: the batched DataLoader reads it', () => {
    expect(planProvisionByUid('2024-09-01|S8', selectionOf('{ provision(key: "S8") { key label title revision { key } } }'), false)).toBeNull();
  });

  it('reads a page of the obligations of a body with their provisions, addressees and reasons, and the body, in one statement', () => {
    const planned = planObligationsPage('2024-09-01', toObligationCriteria({ appliesTo: 'local-health-board', modality: ['MUST', 'MUST_NOT'] }), PAGE, benchmarked('obligations of a body'));
    expect(planned.name).toBe('obligations');
    expect(planned.params).toEqual({
      revision: '2024-09-01',
      offset: 0,
      limit: 50,
      modalities: ['MUST', 'MUST_NOT'],
      appliesTo: 'local-health-board',
      lookaheadBodies: ['local-health-board'],
      body_5: 'local-health-board',
    });
    expect(planned.cypher).toMatchSnapshot();
  });

  it('brings only the asked body\'s applicability when every appliesTo names its body, else all of it', () => {
    const plan = (document: string, variables: Record<string, unknown> = {}) => planObligationsPage('2024-09-01', toObligationCriteria(null), PAGE, selectionOf(document, variables));
    const named = plan('query ($b: String!) { obligations { nodes { a: appliesTo(body: $b) { reason } b: appliesTo(body: "welsh-ministers") { reason } } } }', { b: 'local-health-board' });
    expect(named.cypher).toContain('COLLECT { UNWIND $body_3 AS body_3 MATCH (o)-[a_1:APPLIES_TO]->(b_2:Body) WHERE (b_2.key = body_3 OR EXISTS');
    expect(named.params).toMatchObject({ body_3: ['local-health-board', 'welsh-ministers'], lookaheadBodies: ['local-health-board', 'welsh-ministers'] });
    expect(named.params).not.toHaveProperty('lookaheadGroups');
    for (const unnamed of ['{ obligations { nodes { appliesTo { reason } } } }', '{ obligations { nodes { appliesTo(body: "welsh-ministers") { reason } all: appliesTo { reason } } } }']) {
      const planned = plan(unnamed);
      expect(planned.cypher).toContain('COLLECT { MATCH (o)-[a_1:APPLIES_TO]->(b_2:Body) RETURN [[b_2.key], a_1.reason, a_1.explanation, a_1.via]');
      expect(planned.params).not.toHaveProperty('body_3');
    }
    // legalBasisFor still reads the members of the body it is asked about.
    expect(plan('{ obligations { nodes { legalBasis(body: "welsh-ministers") { location } } } }').params).toMatchObject({ lookaheadGroups: ['welsh-ministers'] });
  });

  it('reads a page of obligations with their traces in one statement', () => {
    expect(planObligationsPage('2024-09-01', toObligationCriteria(null), PAGE, benchmarked('trace of 50')).cypher).toMatchSnapshot();
  });

  it('keeps the page query as it was when nothing below the page is planned', () => {
    const planned = planObligationsPage('2024-09-01', toObligationCriteria(null), PAGE, benchmarked('cursor walk'));
    // The page's obligations are read as their fields (key modality text) need: their identity and those, not properties(o).
    expect(planned.cypher).toContain('| [o.uid, o.modality, o.text]');
    expect(planned.cypher).not.toContain('COLLECT');
  });

  it('nests what is asked below what is asked, each variable named afresh', () => {
    const planned = planObligationByUid('2024-09-01|S8/3', selectionOf('{ obligation(key: "S8/3") { provision { heading { title } obligations { key cites { __typename } } } sources { location } } }'), true);
    expect(planned?.cypher).toMatchSnapshot();
  });
});
