/**
 * Full-text search over the `searchText` index (docs/graph-model.md, "Constraints and
 * indexes"): obligations, clauses, principles, standards and glossary terms of one revision,
 * and the shared instruments and toolkit items, best match first (the words as written before
 * other forms of them). The query is built by a pure function (docs/architecture.md,
 * convention 5).
 */
import { GraphShapeError, badUserInput } from '../core/errors.ts';
import { asProps, flag, textList } from '../db/graph-values.ts';
import type { FullTextQuery } from '../domain/full-text-query.ts';
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

export const LABEL_OF_KIND: Record<SearchHitKind, string> = {
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
  /** Every word is in the hit as written (not only in another form). */
  exact: boolean;
  kind: SearchHitKind;
  item: SearchResultModel;
}

/** The properties `searchText` indexes (db/graph-schema.ts), the ones a hit is found in. */
export const SEARCHED_PROPERTIES = ['text', 'title', 'term', 'definition', 'description'] as const;

/** The labels of `kinds` (every kind when null); BAD_USER_INPUT for an empty list. */
export function labelsOfKinds(kinds: readonly SearchHitKind[] | null): string[] {
  if (kinds !== null && kinds.length === 0) throw badUserInput('kinds must list at least one kind, such as [OBLIGATION, CLAUSE]; got []', 'kinds');
  return [...new Set((kinds === null ? SEARCH_HIT_KINDS : kinds).map((kind) => LABEL_OF_KIND[kind]))];
}

/**
 * One page of hits for a checked query (see domain/full-text-query.ts): a quoted word or
 * phrase only where it is found as written; the hits that hold every word as written first
 * (`exact`), then the ones found through other forms of a word, each best first; ties in
 * reading order then by key, so pages never overlap. Nodes of other revisions are left out;
 * instruments and toolkit items belong to no revision and always count.
 */
export function buildSearchQuery(query: FullTextQuery, revision: string, kinds: readonly SearchHitKind[] | null, page: PageRequest): CypherQuery {
  const labels = labelsOfKinds(kinds);
  const cypher = `CALL db.index.fulltext.queryNodes('searchText', $fullText) YIELD node, score
WITH node, score
WHERE (node.revision = $revision OR node:Instrument OR node:ToolkitItem)
  AND any(label IN labels(node) WHERE label IN $labels)
WITH node, score, [value IN [${SEARCHED_PROPERTIES.map((p) => `node.${p}`).join(', ')}] WHERE value IS NOT NULL] AS values
WHERE all(pattern IN $quoted WHERE any(value IN values WHERE value =~ pattern))
WITH node, score, all(pattern IN $asWritten WHERE any(value IN values WHERE value =~ pattern)) AS exact
WITH node, score, exact ORDER BY exact DESC, score DESC, coalesce(node.order, 0), node.key
WITH collect({node: node, score: score, exact: exact}) AS hits
RETURN size(hits) AS totalCount,
  [hit IN hits[$offset..($offset + $limit)] | {score: hit.score, exact: hit.exact, labels: labels(hit.node), node: properties(hit.node)}] AS page`;
  return {
    cypher,
    params: {
      fullText: query.lucene,
      quoted: query.terms.filter((term) => term.quoted).map((term) => term.asWritten),
      asWritten: query.terms.map((term) => term.asWritten),
      revision,
      labels,
      offset: page.offset,
      limit: page.limit,
    },
  };
}

export function toSearchHit(value: unknown): SearchHitModel {
  const props = asProps(value, 'search hit');
  const labels = textList(props, 'labels');
  const score = props['score'];
  if (typeof score !== 'number') throw new GraphShapeError('a search hit has no score');
  const exact = flag(props, 'exact');
  if (labels.includes('Obligation')) return { score, exact, kind: 'OBLIGATION', item: toObligation(props['node']) };
  if (labels.includes('Clause') || labels.includes('Principle') || labels.includes('Standard')) {
    const item = toProvision({ node: props['node'], labels });
    return { score, exact, kind: item.kind, item };
  }
  if (labels.includes('Term')) return { score, exact, kind: 'TERM', item: toTerm(props['node']) };
  if (labels.includes('Instrument')) return { score, exact, kind: 'INSTRUMENT', item: toInstrument(props['node']) };
  if (labels.includes('ToolkitItem')) return { score, exact, kind: 'TOOLKIT_ITEM', item: toToolkitItem(props['node']) };
  throw new GraphShapeError(`the searchText index returned a node labelled ${labels.join(':')}`);
}

/** One page of search hits. */
export function search(runner: QueryRunner, query: CypherQuery, request: PageRequest): Promise<Page<SearchHitModel>> {
  return readPage(runner, 'search', query, request, toSearchHit);
}
