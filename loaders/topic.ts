/**
 * Topics across headings (docs/graph-model.md, "Constraints and indexes"; README, "Topics"): an
 * obligation is about a topic when every word of it is found, in any of its forms (a quoted
 * phrase as written), in the obligation's text, the title of the provision that states it or
 * the title of its heading, taken together: "Welsh language" finds clause 1.59's obligation
 * through its heading "Welsh Language" and clause 1.66's through its own words. The topics of a
 * revision are its headings and glossary terms, each with the number of obligations its title
 * finds as a topic. The Cypher is built by pure functions (docs/architecture.md, convention 5).
 */
import { asProps, oneOf } from '../db/graph-values.ts';
import type { QueryRunner } from '../db/run-query.ts';
import { fullTextTermsOf, type FullTextQuery, type FullTextTerm } from '../domain/full-text-query.ts';
import { toHeading, type HeadingModel } from './heading.ts';
import { toTerm, type TermModel } from './term.ts';

export const TOPIC_KINDS = ['HEADING', 'TERM'] as const;
export type TopicKind = (typeof TOPIC_KINDS)[number];

export type TopicModel =
  | { kind: 'HEADING'; key: string; title: string; revision: string; obligationCount: number; heading: HeadingModel; term: null }
  | { kind: 'TERM'; key: string; title: string; revision: string; obligationCount: number; heading: null; term: TermModel };

/** A term as the term-matching Cypher takes it: `id` tells terms apart, `topic` widens it to the titles. */
export interface TermParam {
  id: string;
  clause: string;
  quoted: boolean;
  asWritten: string;
  topic: boolean;
}

export const termParam = (id: string, term: FullTextTerm, topic: boolean): TermParam => ({ id, clause: term.clause, quoted: term.quoted, asWritten: term.asWritten, topic });

/**
 * For each `term` row (a TermParam), the obligations of `$revision` it is found in, as `o`,
 * with `asWritten` telling whether it is there as written: in the obligation's text
 * (`obligationText`) and, for a topic's term, in the title of its provision or of its heading
 * (`titleText`: a heading's title counts for every provision under it).
 */
export const TERM_MATCHES = `CALL (term) {
  CALL db.index.fulltext.queryNodes('obligationText', term.clause) YIELD node
  WITH node WHERE node.revision = $revision
  RETURN node AS o, node.text =~ term.asWritten AS asWritten
  UNION
  CALL db.index.fulltext.queryNodes('titleText', term.clause) YIELD node
  WITH node WHERE term.topic AND node.revision = $revision
  MATCH (node)-[:CONTAINS*0..1]->(:Provision)<-[:STATED_IN]-(o:Obligation)
  RETURN o, node.title =~ term.asWritten AS asWritten
}`;

/**
 * The obligations (`o`) of `$revision` that every term of `$terms` is found in (a quoted term
 * as written): the start of the obligations query with a topic (loaders/obligation-query.ts).
 */
export const MATCH_ALL_TERMS = `UNWIND $terms AS term
${TERM_MATCHES}
WITH o, term WHERE NOT term.quoted OR asWritten
WITH o, count(DISTINCT term.id) AS found WHERE found = size($terms)`;

/** The terms of a text filter and a topic, as `$terms` of MATCH_ALL_TERMS. */
export function termsParam(text: FullTextQuery | null, topic: FullTextQuery): TermParam[] {
  return [
    ...(text?.terms ?? []).map((term, index) => termParam(`text:${index}`, term, false)),
    ...topic.terms.map((term, index) => termParam(`topic:${index}`, term, true)),
  ];
}

/** The headings, then the glossary terms, of `$revision`, in reading order. */
export const TOPICS_OF_REVISION = `
CALL () {
  MATCH (h:Heading {revision: $revision})
  RETURN 'HEADING' AS kind, h.order AS order, properties(h) AS node
  UNION ALL
  MATCH (t:Term {revision: $revision})
  RETURN 'TERM' AS kind, t.order AS order, properties(t) AS node
}
WITH kind, order, node WHERE $kind IS NULL OR kind = $kind
RETURN kind, node ORDER BY kind, order`;

/** For each distinct word of the topics' titles (`$terms`), the obligations of `$revision` it finds as a topic's word. */
export const OBLIGATIONS_OF_TOPIC_TERMS = `
UNWIND $terms AS term
${TERM_MATCHES}
WITH term, o WHERE NOT term.quoted OR asWritten
RETURN term.id AS id, collect(DISTINCT o.uid) AS uids`;

const countOf = (query: FullTextQuery | null, uidsByClause: ReadonlyMap<string, ReadonlySet<string>>): number => {
  if (query === null) return 0;
  const [first, ...rest] = query.terms.map((term) => uidsByClause.get(term.clause) ?? new Set<string>());
  if (first === undefined) return 0;
  return [...first].filter((uid) => rest.every((uids) => uids.has(uid))).length;
};

/**
 * The topics of `revision` (of one kind, or both), each with the number of obligations its
 * title finds as a topic (the `totalCount` of `obligations(filter: {topic: <its title>})`), in
 * two statements: the titles, then each distinct word of them once.
 */
export async function loadTopics(runner: QueryRunner, revision: string, kind: TopicKind | null): Promise<TopicModel[]> {
  const rows = await runner.read<{ kind: unknown; node: unknown }>('topicsOfRevision', TOPICS_OF_REVISION, { revision, kind });
  const topics = rows.map((row): { topic: TopicModel; query: FullTextQuery | null } => {
    const rowKind = oneOf(asProps({ kind: row.kind }, 'topic'), 'kind', TOPIC_KINDS);
    switch (rowKind) {
      case 'HEADING': {
        const heading = toHeading(row.node);
        const topic: TopicModel = { kind: rowKind, key: heading.key, title: heading.title, revision: heading.revision, obligationCount: 0, heading, term: null };
        return { topic, query: fullTextTermsOf(heading.title) };
      }
      case 'TERM': {
        const term = toTerm(row.node);
        const topic: TopicModel = { kind: rowKind, key: term.key, title: term.term, revision: term.revision, obligationCount: 0, heading: null, term };
        return { topic, query: fullTextTermsOf(term.term) };
      }
    }
  });
  const terms = new Map<string, TermParam>();
  for (const { query } of topics) for (const term of query?.terms ?? []) terms.set(term.clause, termParam(term.clause, term, true));
  const found = terms.size === 0 ? [] : await runner.read<{ id: string; uids: string[] }>('obligationsOfTopicTerms', OBLIGATIONS_OF_TOPIC_TERMS, { revision, terms: [...terms.values()] });
  const uidsByClause = new Map(found.map((row) => [row.id, new Set(row.uids)]));
  return topics.map(({ topic, query }) => ({ ...topic, obligationCount: countOf(query, uidsByClause) }));
}
