/**
 * Full-text search over the `searchText` index (docs/graph-model.md, "Constraints and
 * indexes"): obligations, clauses, principles, standards and glossary terms of one revision,
 * and the shared instruments and toolkit items, best match first. The query is built by a pure
 * function (docs/architecture.md, convention 5).
 */
import { GraphShapeError, badUserInput } from '../core/errors.ts';
import { asProps, textList } from '../db/graph-values.ts';
import { toInstrument, type InstrumentModel } from './instrument.ts';
import { toObligation, type ObligationModel } from './obligation.ts';
import { readPage, type Page, type PageRequest } from './pagination.ts';
import { toProvision, type ProvisionModel } from './provision.ts';
import type { QueryRunner } from '../db/run-query.ts';
import { toTerm, type TermModel } from './term.ts';
import { toToolkitItem, type ToolkitItemModel } from './toolkit.ts';
import type { CypherQuery } from './obligation-query.ts';

export const SEARCH_HIT_KINDS = ['OBLIGATION', 'CLAUSE', 'PRINCIPLE', 'STANDARD', 'TERM', 'INSTRUMENT', 'TOOLKIT_ITEM'] as const;
export type SearchHitKind = (typeof SEARCH_HIT_KINDS)[number];

const LABEL_OF_KIND: Record<SearchHitKind, string> = {
  OBLIGATION: 'Obligation',
  CLAUSE: 'Clause',
  PRINCIPLE: 'Principle',
  STANDARD: 'Standard',
  TERM: 'Term',
  INSTRUMENT: 'Instrument',
  TOOLKIT_ITEM: 'ToolkitItem',
};

export type SearchResultModel = ObligationModel | ProvisionModel | TermModel | InstrumentModel | ToolkitItemModel;

export interface SearchHitModel {
  score: number;
  kind: SearchHitKind;
  item: SearchResultModel;
}

/**
 * One page of hits for a Lucene query (see domain/full-text-query.ts), best first; ties in
 * reading order then by key, so pages never overlap. Nodes of other revisions are left out;
 * instruments and toolkit items belong to no revision and always count.
 */
export function buildSearchQuery(fullText: string, revision: string, kinds: readonly SearchHitKind[] | null, page: PageRequest): CypherQuery {
  if (kinds !== null && kinds.length === 0) throw badUserInput('kinds must list at least one kind, such as [OBLIGATION, CLAUSE]; got []', 'kinds');
  const labels = (kinds === null ? SEARCH_HIT_KINDS : kinds).map((kind) => LABEL_OF_KIND[kind]);
  const cypher = `CALL db.index.fulltext.queryNodes('searchText', $fullText) YIELD node, score
WITH node, score
WHERE (node.revision = $revision OR node:Instrument OR node:ToolkitItem)
  AND any(label IN labels(node) WHERE label IN $labels)
WITH node, score ORDER BY score DESC, coalesce(node.order, 0), node.key
WITH collect({node: node, score: score}) AS hits
RETURN size(hits) AS totalCount,
  [hit IN hits[$offset..($offset + $limit)] | {score: hit.score, labels: labels(hit.node), node: properties(hit.node)}] AS page`;
  return { cypher, params: { fullText, revision, labels: [...new Set(labels)], offset: page.offset, limit: page.limit } };
}

export function toSearchHit(value: unknown): SearchHitModel {
  const props = asProps(value, 'search hit');
  const labels = textList(props, 'labels');
  const score = props['score'];
  if (typeof score !== 'number') throw new GraphShapeError('a search hit has no score');
  if (labels.includes('Obligation')) return { score, kind: 'OBLIGATION', item: toObligation(props['node']) };
  if (labels.includes('Clause') || labels.includes('Principle') || labels.includes('Standard')) {
    const item = toProvision({ node: props['node'], labels });
    return { score, kind: item.kind, item };
  }
  if (labels.includes('Term')) return { score, kind: 'TERM', item: toTerm(props['node']) };
  if (labels.includes('Instrument')) return { score, kind: 'INSTRUMENT', item: toInstrument(props['node']) };
  if (labels.includes('ToolkitItem')) return { score, kind: 'TOOLKIT_ITEM', item: toToolkitItem(props['node']) };
  throw new GraphShapeError(`the searchText index returned a node labelled ${labels.join(':')}`);
}

/** One page of search hits. */
export function search(runner: QueryRunner, query: CypherQuery, request: PageRequest): Promise<Page<SearchHitModel>> {
  return readPage(runner, 'search', query, request, toSearchHit);
}
