/**
 * The hint an empty answer to words gives (`hint` of `obligations` and `search`;
 * docs/architecture.md, "Searching words"): each word or quoted phrase is looked up on its own
 * where it was looked for, and the words of those texts are read, so that domain/text-hint.ts
 * can say what was not found and which words are near it. Two statements, run only for an
 * answer that found nothing and only when `hint` is asked for. Built by pure functions
 * (docs/architecture.md, convention 5).
 */
import type { QueryRunner } from '../db/run-query.ts';
import type { FullTextQuery, FullTextTerm } from '../domain/full-text-query.ts';
import { textHint, vocabularyOf, type HintScope, type TermFinding, type TextHint } from '../domain/text-hint.ts';
import type { ObligationModel } from './obligation.ts';
import type { ObligationCriteria, CypherQuery } from './obligation-query.ts';
import type { Connection } from './pagination.ts';
import type { RevisionModel } from './revision.ts';
import { LABEL_OF_KIND, SEARCHED_PROPERTIES, SEARCH_HIT_KINDS, labelsOfKinds, type SearchHitKind, type SearchHitModel } from './search.ts';
import { TERM_MATCHES, termParam, type TermParam } from './topic.ts';

export type { TextHint as TextHintModel, WordHint as WordHintModel } from '../domain/text-hint.ts';

/** A connection that can explain an empty answer: `textHint` is asked only when `hint` is. */
export interface WithTextHint {
  textHint?: () => Promise<TextHint | null>;
}
export type ObligationConnectionModel = Connection<ObligationModel> & { revision: RevisionModel } & WithTextHint;
export type SearchHitConnectionModel = Connection<SearchHitModel> & { revision: RevisionModel } & WithTextHint;

/** For each `$terms` row, the obligations it finds on its own: `uids` (a quoted term as written) and `anyForm`. */
export const OBLIGATION_TERM_FINDINGS = `
UNWIND $terms AS term
CALL (term) {
  ${TERM_MATCHES.replaceAll('\n', '\n  ')}
  RETURN collect(DISTINCT CASE WHEN NOT term.quoted OR asWritten THEN o.uid END) AS uids, collect(DISTINCT o.uid) AS anyForm
}
RETURN term.id AS id, uids, anyForm`;

/** The texts of a revision's obligations, and the titles of their provisions and headings. */
export const OBLIGATION_WORDS = `
MATCH (o:Obligation {revision: $revision})
OPTIONAL MATCH (o)-[:STATED_IN]->(p:Provision)
OPTIONAL MATCH (h:Heading)-[:CONTAINS]->(p)
RETURN collect(o.text) AS texts, collect(DISTINCT p.title) + collect(DISTINCT h.title) AS titles`;

const valuesOf = (node: string): string => `[value IN [${SEARCHED_PROPERTIES.map((p) => `${node}.${p}`).join(', ')}] WHERE value IS NOT NULL]`;

/** For each `$terms` row, the nodes `search` would find for it on its own (within `$revision` and `$labels`). */
export const SEARCH_TERM_FINDINGS = `
UNWIND $terms AS term
CALL (term) {
  CALL db.index.fulltext.queryNodes('searchText', term.clause) YIELD node
  WITH node WHERE (node.revision = $revision OR node:Instrument OR node:ToolkitItem) AND any(label IN labels(node) WHERE label IN $labels)
  WITH node, ${valuesOf('node')} AS values
  RETURN collect(DISTINCT CASE WHEN NOT term.quoted OR any(value IN values WHERE value =~ term.asWritten) THEN elementId(node) END) AS uids,
    collect(DISTINCT elementId(node)) AS anyForm
}
RETURN term.id AS id, uids, anyForm`;

const SHARED_LABELS = new Set(['Instrument', 'ToolkitItem']);

/** Every text `search` looks in, for the labels in `$labels` (each label's own branch, so no scan of other nodes). */
export const SEARCH_WORDS = `
CALL () {
${[...new Set(SEARCH_HIT_KINDS.map((kind) => LABEL_OF_KIND[kind]))]
  .map((label) => `  MATCH (n:${label}${SHARED_LABELS.has(label) ? '' : ' {revision: $revision}'}) WHERE '${label}' IN $labels RETURN n`)
  .join('\n  UNION\n')}
}
RETURN ${SEARCHED_PROPERTIES.map((p) => `collect(n.${p})`).join(' + ')} AS texts`;

interface FindingRow {
  id: string;
  uids: string[];
  anyForm: string[];
}

/** One term asked, as a finding's row names it. */
interface AskedTerm {
  argument: string;
  term: FullTextTerm;
  param: TermParam;
}

/** The findings in the order of `terms`, and how many things hold them all. */
function findingsOf(terms: readonly AskedTerm[], rows: readonly FindingRow[]): { findings: TermFinding[]; together: number } {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const findings: TermFinding[] = [];
  const sets: Set<string>[] = [];
  for (const { argument, term, param } of terms) {
    const row = byId.get(param.id);
    const uids = new Set<string>(row?.uids ?? []);
    sets.push(uids);
    findings.push({ argument, term, matches: uids.size, matchesInAnyForm: row?.anyForm.length ?? 0 });
  }
  const [first, ...rest] = sets;
  const together = first === undefined ? 0 : [...first].filter((uid) => rest.every((uids) => uids.has(uid))).length;
  return { findings, together };
}

const tooCommonOf = (argument: string, query: FullTextQuery | null): { argument: string; word: string }[] => (query?.tooCommon ?? []).map((word) => ({ argument, word }));

/** The hint for obligations that matched nothing, or null when the filter asked for no words. */
export async function obligationsTextHint(runner: QueryRunner, revision: RevisionModel, criteria: ObligationCriteria): Promise<TextHint | null> {
  const asked = [
    ...(criteria.fullText === null ? [] : [{ argument: 'filter.text', query: criteria.fullText, topic: false }]),
    ...(criteria.topic === null ? [] : [{ argument: 'filter.topic', query: criteria.topic, topic: true }]),
  ];
  if (asked.length === 0) return null;
  const terms: AskedTerm[] = asked.flatMap(({ argument, query, topic }) => query.terms.map((term, index) => ({ argument, term, param: termParam(`${argument}:${index}`, term, topic) })));
  const [rows, [words]] = await Promise.all([
    runner.read<FindingRow>('obligationTermFindings', OBLIGATION_TERM_FINDINGS, { revision: revision.key, terms: terms.map((t) => t.param) }),
    runner.read<{ texts: string[]; titles: string[] }>('obligationWords', OBLIGATION_WORDS, { revision: revision.key }),
  ]);
  const texts = words?.texts ?? [];
  const scopes: HintScope[] = [
    { argument: 'filter.text', where: `the text of any obligation of revision ${revision.key}`, vocabulary: vocabularyOf(texts) },
    {
      argument: 'filter.topic',
      where: `any obligation of revision ${revision.key}, the title of its provision or the title of its heading`,
      vocabulary: vocabularyOf([...texts, ...(words?.titles ?? [])]),
    },
  ];
  const { findings, together } = findingsOf(terms, rows);
  return textHint({
    scopes,
    findings,
    together,
    tooCommon: [...tooCommonOf('filter.text', criteria.fullText), ...tooCommonOf('filter.topic', criteria.topic)],
    noun: ['obligation', 'obligations'],
  });
}

/** The two statements of a search's hint (pinned by unit snapshots). */
export function buildSearchHintQueries(query: FullTextQuery, revision: string, kinds: readonly SearchHitKind[] | null): { findings: CypherQuery; words: CypherQuery } {
  const labels = labelsOfKinds(kinds);
  const terms = query.terms.map((term, index) => termParam(`text:${index}`, term, false));
  return {
    findings: { cypher: SEARCH_TERM_FINDINGS, params: { revision, labels, terms } },
    words: { cypher: SEARCH_WORDS, params: { revision, labels } },
  };
}

/** The hint for a search that found nothing. */
export async function searchTextHint(runner: QueryRunner, revision: RevisionModel, query: FullTextQuery, kinds: readonly SearchHitKind[] | null): Promise<TextHint> {
  const statements = buildSearchHintQueries(query, revision.key, kinds);
  const [rows, [words]] = await Promise.all([
    runner.read<FindingRow>('searchTermFindings', statements.findings.cypher, statements.findings.params),
    runner.read<{ texts: string[] }>('searchWords', statements.words.cypher, statements.words.params),
  ]);
  const terms: AskedTerm[] = query.terms.map((term, index) => ({ argument: 'text', term, param: termParam(`text:${index}`, term, false) }));
  const { findings, together } = findingsOf(terms, rows);
  const what = kinds === null ? 'anything' : `any ${[...new Set(kinds)].map((kind) => kind.toLowerCase().replace('_', ' ')).join(' or ')}`;
  return textHint({
    scopes: [{ argument: 'text', where: `${what} searched (revision ${revision.key} and the catalogue)`, vocabulary: vocabularyOf(words?.texts ?? []) }],
    findings,
    together,
    tooCommon: tooCommonOf('text', query),
    noun: ['place', 'places'],
  });
}
