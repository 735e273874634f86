/**
 * One revision's tree as the semantic diff compares it (domain/revision-diff.ts): every
 * provision with its lineage, kind, heading, title, text and order, and every obligation with
 * its lineage, provision, text, modality, force, the bodies it names (ADDRESSES) and binds
 * (APPLIES_TO, with the reason), its qualifiers and what it cites (CITES), read in one
 * statement, so a draft is read as one consistent snapshot.
 *
 * Published revisions never change (docs/graph-model.md, "Revisions"), so their trees are kept
 * in a small cache of this process, by key, and read once; a draft changes with every edit and
 * is never kept.
 */
import { GraphShapeError, notFound } from '../core/errors.ts';
import { APPLICABILITY_REASONS, FORCES, MODALITIES, PROVISION_KINDS, QUALIFIERS } from '../core/vocabulary.ts';
import { asProps, flag, integer, oneOf, oneOfList, optionalText, text, textList, type Props } from '../db/graph-values.ts';
import type { QueryRunner } from '../db/run-query.ts';
import type { RevisionTree, TreeApplicability, TreeObligation, TreeProvision } from '../domain/revision-diff.ts';
import type { RevisionModel } from './revision.ts';

/**
 * The whole tree of one revision in one row: whether it is published, its provisions (each
 * with the heading that CONTAINS it) and its obligations (each with the keys of the bodies it
 * names, of those it binds with the reason, and of what it cites). Owned nodes are found by
 * their `revision` property (the indexes of docs/graph-model.md, "Constraints and indexes").
 */
export const REVISION_TREE = `
MATCH (r:Revision {key: $revision})
RETURN r.published AS published,
  COLLECT {
    MATCH (p:Provision {revision: r.key})
    RETURN {provision: p {.key, .lineage, .kind, .title, .text, .order}, headings: [(h:Heading)-[:CONTAINS]->(p) | h.key]}
  } AS provisions,
  COLLECT {
    MATCH (o:Obligation {revision: r.key})
    RETURN {obligation: o {.key, .lineage, .provisionKey, .order, .text, .modality, .force, .qualifiers},
            addressees: [(o)-[:ADDRESSES]->(b:Body) | b.key],
            applicability: [(o)-[a:APPLIES_TO]->(b:Body) | {body: b.key, reason: a.reason}],
            citations: [(o)-[:CITES]->(c) | c.key]}
  } AS obligations`;

/** Maps one entry of REVISION_TREE's `provisions`; a provision under no heading, or two, breaks the graph model. */
export function toTreeProvision(value: unknown): TreeProvision {
  const entry = asProps(value, 'provision of a revision tree');
  const props = asProps(entry['provision'], 'provision');
  const headings = textList(entry, 'headings');
  const [headingKey] = headings;
  if (headingKey === undefined || headings.length > 1) {
    throw new GraphShapeError(`provision ${JSON.stringify(props['key'])} is under ${headings.length} headings, not one`);
  }
  return {
    key: text(props, 'key'),
    lineage: text(props, 'lineage'),
    kind: oneOf(props, 'kind', PROVISION_KINDS),
    headingKey,
    title: optionalText(props, 'title'),
    text: text(props, 'text'),
    order: integer(props, 'order'),
  };
}

function toTreeApplicability(value: unknown): TreeApplicability {
  const props = asProps(value, 'applicability');
  return { body: text(props, 'body'), reason: oneOf(props, 'reason', APPLICABILITY_REASONS) };
}

/** Maps one entry of REVISION_TREE's `obligations`. */
export function toTreeObligation(value: unknown): TreeObligation {
  const entry = asProps(value, 'obligation of a revision tree');
  const props = asProps(entry['obligation'], 'obligation');
  const applicability = entry['applicability'];
  if (!Array.isArray(applicability)) throw new GraphShapeError(`the applicability of obligation ${JSON.stringify(props['key'])} is not a list`);
  return {
    key: text(props, 'key'),
    lineage: text(props, 'lineage'),
    provisionKey: text(props, 'provisionKey'),
    order: integer(props, 'order'),
    text: text(props, 'text'),
    modality: oneOf(props, 'modality', MODALITIES),
    force: oneOf(props, 'force', FORCES),
    addressees: textList(entry, 'addressees'),
    applicability: applicability.map(toTreeApplicability),
    qualifiers: oneOfList(props, 'qualifiers', QUALIFIERS),
    citations: textList(entry, 'citations'),
  };
}

/** Maps the one row of REVISION_TREE. */
export function toRevisionTree(key: string, row: Props): { published: boolean; tree: RevisionTree } {
  const list = (name: string): unknown[] => {
    const value = row[name];
    if (!Array.isArray(value)) throw new GraphShapeError(`the ${name} of revision ${key} are not a list`);
    return value;
  };
  return {
    published: flag(row, 'published'),
    tree: { key, provisions: list('provisions').map(toTreeProvision), obligations: list('obligations').map(toTreeObligation) },
  };
}

/** How many published trees the process keeps (the Code has a revision every two years; eight is plenty). */
export const PUBLISHED_TREES_KEPT = 8;

/** Published trees by revision key, least recently used first (a Map keeps insertion order). */
const publishedTrees = new Map<string, RevisionTree>();

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

function keep(tree: RevisionTree): void {
  publishedTrees.delete(tree.key);
  publishedTrees.set(tree.key, tree);
  for (const oldest of publishedTrees.keys()) {
    if (publishedTrees.size <= PUBLISHED_TREES_KEPT) break;
    publishedTrees.delete(oldest);
  }
}

/** Empties the cache of published trees (for the tests and the benchmark, which time a cold read). */
export function forgetPublishedTrees(): void {
  publishedTrees.clear();
}

/**
 * The tree of revision `revisionKey`, read in one statement (REVISION_TREE), or none at all
 * for a published revision read before by this process: the cached tree, frozen, since
 * published revisions never change (docs/graph-model.md, "Revisions"). A draft is read afresh
 * every time. It checks no permission: callers ask only for revisions the caller may see
 * (`revisionTree` of loaders/create-loaders.ts). NOT_FOUND when no revision has the key.
 */
export async function loadRevisionTree(runner: QueryRunner, revisionKey: string): Promise<RevisionTree> {
  const cached = publishedTrees.get(revisionKey);
  if (cached !== undefined) {
    keep(cached);
    return cached;
  }
  const [row] = await runner.read<Props>('revisionTree', REVISION_TREE, { revision: revisionKey });
  if (row === undefined) throw notFound('revision of the Code', revisionKey, '2024-09-01');
  const { published, tree } = toRevisionTree(revisionKey, row);
  if (!published) return tree;
  deepFreeze(tree);
  keep(tree);
  return tree;
}

/**
 * The per-request `revisionTree(key)` of loaders/create-loaders.ts: the tree of a revision
 * the caller can see (`revisionByKey`, which leaves drafts out for anyone but an editor), or
 * null; each key read at most once per request.
 */
export function createRevisionTreeLoader(runner: QueryRunner, revisionByKey: (key: string) => Promise<RevisionModel | null>) {
  const trees = new Map<string, Promise<RevisionTree | null>>();
  return (key: string): Promise<RevisionTree | null> => {
    let tree = trees.get(key);
    if (tree === undefined) {
      tree = revisionByKey(key).then((revision) => (revision === null ? null : loadRevisionTree(runner, revision.key)));
      trees.set(key, tree);
    }
    return tree;
  };
}
