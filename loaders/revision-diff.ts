/**
 * The models of `revisionDiff` (schema/diff.graphql): two revisions, and their semantic diff
 * (domain/revision-diff.ts) computed once, on first use, however many fields ask for it.
 * The trees come from loaders/revision-tree.ts; nothing here reads the graph.
 */
import { diffRevisions, impact, type BodyImpact, type ObligationChange, type RevisionDiff, type RevisionTree } from '../domain/revision-diff.ts';
import type { RevisionModel } from './revision.ts';

/** One obligation's change, with the keys of the two revisions so its `before` and `after` can be found by uid. */
export interface ObligationChangeModel extends ObligationChange {
  fromRevision: string;
  toRevision: string;
}

type ImpactList = Exclude<keyof BodyImpact, 'body'>;

/** What a diff means for one body, its lists holding the same models as `obligations`. */
export type BodyImpactLists = Record<ImpactList, ObligationChangeModel[]>;

export interface ComputedDiff {
  diff: RevisionDiff;
  /** `diff.obligations` as models, in the same order. */
  obligations: ObligationChangeModel[];
  /** `impact(diff, body)` (a body's key), as models. */
  impactOn(body: string): BodyImpactLists;
}

export interface RevisionDiffModel {
  __typename: 'RevisionDiff';
  from: RevisionModel;
  to: RevisionModel;
  /** The diff: computed on the first call, the same promise on every later one. */
  computed(): Promise<ComputedDiff>;
}

/** The diff of two trees with its obligation models; `impactOn` maps the domain's entries back to them. */
export function computeDiff(from: RevisionTree, to: RevisionTree): ComputedDiff {
  const diff = diffRevisions(from, to);
  const models = new Map<ObligationChange, ObligationChangeModel>(diff.obligations.map((change) => [change, { ...change, fromRevision: from.key, toRevision: to.key }]));
  const modelOf = (change: ObligationChange): ObligationChangeModel => {
    const model = models.get(change);
    if (model === undefined) throw new Error(`the impact lists obligation ${change.lineage}, which the diff does not hold`);
    return model;
  };
  return {
    diff,
    obligations: [...models.values()],
    impactOn: (body) => {
      const lists = impact(diff, body);
      return {
        newlyBinding: lists.newlyBinding.map(modelOf),
        noLongerBinding: lists.noLongerBinding.map(modelOf),
        strengthened: lists.strengthened.map(modelOf),
        weakened: lists.weakened.map(modelOf),
        reversed: lists.reversed.map(modelOf),
        otherwiseChanged: lists.otherwiseChanged.map(modelOf),
      };
    },
  };
}

/**
 * The diff of revision `from` to revision `to`, whose trees `treeOf` gives (null for one the
 * caller cannot see, which the caller has already ruled out): read and computed on first use,
 * once for this model.
 */
export function revisionDiffModel(from: RevisionModel, to: RevisionModel, treeOf: (key: string) => Promise<RevisionTree | null>): RevisionDiffModel {
  let computed: Promise<ComputedDiff> | undefined;
  const tree = async (revision: RevisionModel): Promise<RevisionTree> => {
    const found = await treeOf(revision.key);
    if (found === null) throw new Error(`revision ${revision.key} was visible and its tree is not`);
    return found;
  };
  return {
    __typename: 'RevisionDiff',
    from,
    to,
    computed: () => (computed ??= Promise.all([tree(from), tree(to)]).then(([before, after]) => computeDiff(before, after))),
  };
}
