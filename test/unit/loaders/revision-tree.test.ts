/**
 * The read side of the diff without a database: the one statement that reads a revision's
 * tree (pinned, docs/architecture.md, convention 5), the checks of what it returns (a value
 * that breaks docs/graph-model.md is a GraphShapeError), and the models a diff hands the
 * resolvers (loaders/revision-diff.ts). The statement runs for real in
 * test/integration/revision-diff.int.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { GraphShapeError } from '../../../core/errors.ts';
import type { RevisionTree } from '../../../domain/revision-diff.ts';
import { computeDiff } from '../../../loaders/revision-diff.ts';
import { REVISION_TREE, toRevisionTree, toTreeObligation, toTreeProvision } from '../../../loaders/revision-tree.ts';

const provisionRow = {
  provision: { key: '1.45', lineage: 'pr_145', kind: 'CLAUSE', title: null, text: 'Statutory partners should be able to demonstrate ...', order: 52 },
  headings: ['pre-amble'],
};

const obligationRow = {
  obligation: { key: '1.45/1', lineage: 'ob_145', provisionKey: '1.45', order: 20, text: 'Statutory partners should be able to demonstrate ...', modality: 'SHOULD', force: 'GUIDELINE', qualifiers: [] },
  addressees: ['statutory-partners'],
  applicability: [
    { body: 'local-authority', reason: 'MEMBER_OF_NAMED_GROUP' },
    { body: 'local-health-board', reason: 'MEMBER_OF_NAMED_GROUP' },
  ],
  citations: ['anaw/2014/4'],
};

describe('REVISION_TREE', () => {
  it('keeps the query as reviewed', () => {
    expect(REVISION_TREE).toMatchSnapshot();
  });
});

describe('toRevisionTree', () => {
  it('reads a provision with its heading, and an obligation with whom it names and binds and what it cites', () => {
    expect(toRevisionTree('2024-09-01', { published: true, provisions: [provisionRow], obligations: [obligationRow] })).toEqual({
      published: true,
      tree: {
        key: '2024-09-01',
        provisions: [{ key: '1.45', lineage: 'pr_145', kind: 'CLAUSE', headingKey: 'pre-amble', title: null, text: 'Statutory partners should be able to demonstrate ...', order: 52 }],
        obligations: [
          {
            key: '1.45/1',
            lineage: 'ob_145',
            provisionKey: '1.45',
            order: 20,
            text: 'Statutory partners should be able to demonstrate ...',
            modality: 'SHOULD',
            force: 'GUIDELINE',
            addressees: ['statutory-partners'],
            applicability: [
              { body: 'local-authority', reason: 'MEMBER_OF_NAMED_GROUP' },
              { body: 'local-health-board', reason: 'MEMBER_OF_NAMED_GROUP' },
            ],
            qualifiers: [],
            citations: ['anaw/2014/4'],
          },
        ],
      },
    });
  });

  it('takes a revision without the published flag for a draft', () => {
    expect(toRevisionTree('draft-x', { published: null, provisions: [], obligations: [] }).published).toBe(false);
  });

  it('refuses what breaks the graph model with a GraphShapeError', () => {
    expect(() => toTreeProvision({ ...provisionRow, headings: [] })).toThrow(new GraphShapeError('provision "1.45" is under 0 headings, not one'));
    expect(() => toTreeProvision({ ...provisionRow, headings: ['a', 'b'] })).toThrow(GraphShapeError);
    expect(() => toTreeProvision({ ...provisionRow, provision: { ...provisionRow.provision, kind: 'SECTION' } })).toThrow(GraphShapeError);
    expect(() => toTreeProvision({ ...provisionRow, provision: { ...provisionRow.provision, order: '52' } })).toThrow(GraphShapeError);
    expect(() => toTreeObligation({ ...obligationRow, obligation: { ...obligationRow.obligation, modality: 'SHALL' } })).toThrow(GraphShapeError);
    expect(() => toTreeObligation({ ...obligationRow, applicability: [{ body: 'provider', reason: 'BECAUSE' }] })).toThrow(GraphShapeError);
    expect(() => toTreeObligation({ ...obligationRow, applicability: null })).toThrow(GraphShapeError);
    expect(() => toTreeObligation({ ...obligationRow, citations: [1] })).toThrow(GraphShapeError);
    expect(() => toRevisionTree('2024-09-01', { published: true, provisions: null, obligations: [] })).toThrow(GraphShapeError);
  });
});

describe('computeDiff', () => {
  const tree = (key: string, modality: 'SHOULD' | 'MUST'): RevisionTree => {
    const { tree: read } = toRevisionTree(key, {
      published: false,
      provisions: [provisionRow],
      obligations: [{ ...obligationRow, obligation: { ...obligationRow.obligation, modality, force: modality === 'MUST' ? 'REQUIREMENT' : 'GUIDELINE' } }],
    });
    return read;
  };

  it('gives each obligation the two revisions, and the impact lists hold the same models', () => {
    const computed = computeDiff(tree('2024-09-01', 'SHOULD'), tree('draft-x', 'MUST'));
    expect(computed.obligations).toMatchObject([{ keyBefore: '1.45/1', keyAfter: '1.45/1', fromRevision: '2024-09-01', toRevision: 'draft-x', change: 'CHANGED' }]);
    const impact = computed.impactOn('local-health-board');
    expect(impact.strengthened[0]).toBe(computed.obligations[0]);
    expect({ ...impact, strengthened: [] }).toEqual({ newlyBinding: [], noLongerBinding: [], strengthened: [], weakened: [], reversed: [], otherwiseChanged: [] });
    expect(computeDiff(tree('2024-09-01', 'SHOULD'), tree('draft-x', 'MUST')).impactOn('provider').strengthened).toEqual([]);
  });
});
