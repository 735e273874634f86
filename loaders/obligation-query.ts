/**
 * The obligations query with combinable filters, built by pure functions (docs/architecture.md,
 * convention 5): the Cypher varies only by which filters are present; every value the user
 * gives travels as a parameter. Pinned by unit snapshots (test/unit/loaders/cypher-*.test.ts).
 */
import { badUserInput } from '../core/errors.ts';
import { PROVISION_KEY } from '../core/keys.ts';
import { citesPredicate } from './citation.ts';
import { parseFullTextQuery, type FullTextQuery } from '../domain/full-text-query.ts';
import { MATCH_ALL_TERMS, termsParam } from './topic.ts';
import type { PageRequest } from './pagination.ts';
import type { Force, Modality, Qualifier } from '../core/vocabulary.ts';

/** The filter as the API receives it (schema/obligation.graphql `ObligationFilter`). */
export interface ObligationFilterInput {
  modality?: readonly Modality[] | null;
  force?: Force | null;
  addressee?: string | null;
  appliesTo?: string | null;
  provision?: string | null;
  standard?: string | null;
  principle?: string | null;
  heading?: string | null;
  qualifier?: Qualifier | null;
  citing?: string | null;
  text?: string | null;
  lineage?: readonly string[] | null;
  topic?: string | null;
  anyOf?: ObligationChoicesInput | null;
}

/** `ObligationFilter.anyOf` (schema/facets.graphql): lists of which any value matches. */
export interface ObligationChoicesInput {
  appliesTo?: readonly string[] | null;
  force?: readonly Force[] | null;
  principle?: readonly string[] | null;
  standard?: readonly string[] | null;
  heading?: readonly string[] | null;
  qualifier?: readonly Qualifier[] | null;
  citing?: readonly string[] | null;
}

/** The checked `anyOf` lists: each a non-empty list without repeats, or null. */
export interface ObligationChoices {
  appliesTo: string[] | null;
  force: Force[] | null;
  principle: string[] | null;
  standard: string[] | null;
  heading: string[] | null;
  qualifier: Qualifier[] | null;
  citing: string[] | null;
}

/** A checked filter: every field is a value or null, and free text is a safe Lucene query. */
export interface ObligationCriteria {
  modalities: Modality[] | null;
  force: Force | null;
  addressee: string | null;
  appliesTo: string | null;
  provision: string | null;
  standard: string | null;
  principle: string | null;
  heading: string | null;
  qualifier: Qualifier | null;
  citing: string | null;
  /** The words of `text`, for the obligations' own text. */
  fullText: FullTextQuery | null;
  lineages: string[] | null;
  /** The words of `topic`, for the text with the titles of its provision and heading (loaders/topic.ts). */
  topic: FullTextQuery | null;
  anyOf: ObligationChoices;
}

/** No `anyOf` lists. */
export const NO_CHOICES: ObligationChoices = { appliesTo: null, force: null, principle: null, standard: null, heading: null, qualifier: null, citing: null };

/** The most values one `anyOf` list may hold. */
const MAX_CHOICES = 50;

function choiceList<T extends string>(values: readonly T[] | null | undefined, argument: string, check: (value: string) => string | null): T[] | null {
  if (values === null || values === undefined) return null;
  if (values.length === 0 || values.length > MAX_CHOICES) {
    throw badUserInput(`${argument} must list 1 to ${MAX_CHOICES} values; got ${values.length}`, argument);
  }
  return [...new Set(values.map((value) => check(value) as T))];
}

function choicesOf(input: ObligationChoicesInput | null | undefined): ObligationChoices {
  if (input === null || input === undefined) return NO_CHOICES;
  const keys = (argument: string, example: string, pattern?: RegExp) => (value: string): string =>
    (pattern === undefined ? nonEmpty(value, argument, example) : keyLike(value, pattern, argument, example)) ?? '';
  return {
    appliesTo: choiceList(input.appliesTo, 'filter.anyOf.appliesTo', keys('filter.anyOf.appliesTo', 'bodies\' keys, such as ["local-authority", "local-health-board"]')),
    force: choiceList(input.force, 'filter.anyOf.force', (value) => value),
    principle: choiceList(input.principle, 'filter.anyOf.principle', keys('filter.anyOf.principle', 'principles\' keys, such as ["P1", "P3"]', /^P\d+[A-Z]{0,3}$/)),
    standard: choiceList(input.standard, 'filter.anyOf.standard', keys('filter.anyOf.standard', 'standards\' keys, such as ["S7", "S8"]', /^S\d+[A-Z]{0,3}$/)),
    heading: choiceList(input.heading, 'filter.anyOf.heading', keys('filter.anyOf.heading', 'headings\' keys, such as ["safeguarding"]')),
    qualifier: choiceList(input.qualifier, 'filter.anyOf.qualifier', (value) => value),
    citing: choiceList(input.citing, 'filter.anyOf.citing', keys('filter.anyOf.citing', 'instruments\' keys, such as ["ukpga/2010/15"]')),
  };
}


function keyLike(value: string | null | undefined, pattern: RegExp, argument: string, example: string): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (!pattern.test(trimmed)) throw badUserInput(`${argument} must be ${example}; got "${value}"`, argument);
  return trimmed;
}

function nonEmpty(value: string | null | undefined, argument: string, example: string): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === '') throw badUserInput(`${argument} must be ${example}; got an empty string`, argument);
  return trimmed;
}

/** Lineage ids as Obligation.lineage gives them (ob_ and 24 hex digits), at most a page's worth. */
function lineagesOf(values: readonly string[] | null | undefined): string[] | null {
  if (values === null || values === undefined) return null;
  if (values.length === 0 || values.length > 100) {
    throw badUserInput(`filter.lineage must list 1 to 100 lineage ids, such as ["ob_0123456789abcdef01234567"]; got ${values.length}`, 'filter.lineage');
  }
  const wrong = values.find((value) => !/^ob_[0-9a-f]{24}$/.test(value));
  if (wrong !== undefined) throw badUserInput(`filter.lineage must list obligations' lineage ids, such as "ob_0123456789abcdef01234567"; got "${wrong.slice(0, 60)}"`, 'filter.lineage');
  return [...new Set(values)];
}

/**
 * Checks the form of each filter value (not whether the keys exist: see findObligations).
 * Throws BAD_USER_INPUT with a valid example for the first value that is wrong.
 */
export function toObligationCriteria(filter: ObligationFilterInput | null | undefined): ObligationCriteria {
  const f = filter ?? {};
  if (f.modality !== null && f.modality !== undefined && f.modality.length === 0) {
    throw badUserInput('filter.modality must list at least one modality, such as [MUST, MUST_NOT]; got []', 'filter.modality');
  }
  return {
    modalities: f.modality === null || f.modality === undefined ? null : [...new Set(f.modality)],
    force: f.force ?? null,
    addressee: nonEmpty(f.addressee, 'filter.addressee', 'a body\'s key, such as "commissioner"'),
    appliesTo: nonEmpty(f.appliesTo, 'filter.appliesTo', 'a body\'s key, such as "local-health-board"'),
    provision: keyLike(f.provision, PROVISION_KEY, 'filter.provision', 'a provision\'s key, such as "1.53", "P3" or "S8"'),
    standard: keyLike(f.standard, /^S\d+[A-Z]{0,3}$/, 'filter.standard', 'a standard\'s key, such as "S8"'),
    principle: keyLike(f.principle, /^P\d+[A-Z]{0,3}$/, 'filter.principle', 'a principle\'s key, such as "P3"'),
    heading: nonEmpty(f.heading, 'filter.heading', 'a heading\'s key, such as "safeguarding"'),
    qualifier: f.qualifier ?? null,
    citing: nonEmpty(f.citing, 'filter.citing', 'an instrument\'s key, such as "ukpga/2010/15"'),
    fullText: f.text === null || f.text === undefined ? null : parseFullTextQuery(f.text, 'filter.text'),
    lineages: lineagesOf(f.lineage),
    topic: f.topic === null || f.topic === undefined ? null : parseFullTextQuery(f.topic, 'filter.topic'),
    anyOf: choicesOf(f.anyOf),
  };
}

export interface CypherQuery {
  cypher: string;
  params: Record<string, unknown>;
}

/**
 * What a root field planned from its selection adds to the page (loaders/lookahead.ts): each
 * obligation `o` of the page returned as `item` rather than its properties, more columns
 * beside `totalCount` and `page` (`[name, expression]`, sent with the first row only), and
 * their parameters.
 */
export interface PlannedPage {
  item: string;
  columns: readonly (readonly [string, string])[];
  params: Record<string, unknown>;
}

/**
 * One page of the obligations of `revision` that match every criterion, in reading order,
 * with the total: `RETURN totalCount, page` (page = the obligations' properties, or each
 * obligation as `planned.item`), one row per obligation of the page (each `page` a list of
 * one; a single row with an empty `page` when the page is empty), the total and the planned
 * columns on the first. Rows, not one row holding the page: the driver decodes the strings of
 * a record that spans many Bolt chunks in time that grows with the record's size times its
 * strings, so fifty small records cost far less to read than one large one (readPage joins them).
 */
export function buildObligationQuery(revision: string, criteria: ObligationCriteria, page: PageRequest, planned?: PlannedPage): CypherQuery {
  const matching = buildObligationMatch(revision, criteria);
  const item = planned?.item ?? 'properties(o)';
  const columns = planned?.columns ?? [];
  const computed = columns.map(([name, expression]) => `, ${expression} AS ${name}`).join('');
  const returned = columns.map(([name]) => `,\n  CASE WHEN i IS NULL OR i = $offset THEN ${name} END AS ${name}`).join('');
  const cypher = `${matching.cypher}
WITH o ORDER BY o.order
WITH collect(o) AS matched
WITH matched, size(matched) AS totalCount${computed}
WITH *, range($offset, CASE WHEN totalCount < $offset + $limit THEN totalCount ELSE $offset + $limit END - 1) AS indexes
UNWIND CASE indexes WHEN [] THEN [null] ELSE indexes END AS i
RETURN totalCount, CASE WHEN i IS NULL THEN [] ELSE [o IN matched[i..(i + 1)] | ${item}] END AS page${returned}
ORDER BY i`;
  return { cypher, params: { ...planned?.params, ...matching.params, offset: page.offset, limit: page.limit } };
}

/** The obligations of `revision` that match every criterion, as `o` (no order, no page). */
export function buildObligationMatch(revision: string, criteria: ObligationCriteria): CypherQuery {
  const params: Record<string, unknown> = { revision };
  const where: string[] = [];
  let match: string;
  if (criteria.topic !== null) {
    // Each word of the topic (and of the text) on its own, so that they may be found in different places.
    params['terms'] = termsParam(criteria.fullText, criteria.topic);
    match = MATCH_ALL_TERMS;
  } else if (criteria.fullText !== null) {
    params['fullText'] = criteria.fullText.lucene;
    match = `CALL db.index.fulltext.queryNodes('obligationText', $fullText) YIELD node AS o\nWITH o WHERE o.revision = $revision`;
    // The index finds every form of a quoted word; only the form as written counts.
    const asWritten = criteria.fullText.terms.filter((term) => term.quoted).map((term) => term.asWritten);
    if (asWritten.length > 0) {
      params['asWritten'] = asWritten;
      where.push('all(pattern IN $asWritten WHERE o.text =~ pattern)');
    }
  } else {
    match = 'MATCH (o:Obligation {revision: $revision})';
  }
  if (criteria.modalities !== null) {
    params['modalities'] = criteria.modalities;
    where.push('o.modality IN $modalities');
  }
  if (criteria.lineages !== null) {
    params['lineages'] = criteria.lineages;
    where.push('o.lineage IN $lineages');
  }
  if (criteria.force !== null) {
    params['force'] = criteria.force;
    where.push('o.force = $force');
  }
  if (criteria.qualifier !== null) {
    params['qualifier'] = criteria.qualifier;
    where.push('$qualifier IN o.qualifiers');
  }
  if (criteria.addressee !== null) {
    params['addressee'] = criteria.addressee;
    where.push('EXISTS { (o)-[:ADDRESSES]->(:Body {key: $addressee}) }');
  }
  if (criteria.appliesTo !== null) {
    params['appliesTo'] = criteria.appliesTo;
    // Bound directly, or through a group it is a member of: two patterns the planner can
    // seek each by the body's key (666 database hits for the Code's 104 obligations, against
    // 1,911 for one pattern with an OR inside).
    where.push('(EXISTS { (o)-[:APPLIES_TO]->(:Body {key: $appliesTo}) } OR EXISTS { (o)-[:APPLIES_TO]->(:Body)-[:MEMBER_OF]->(:Body {key: $appliesTo}) })');
  }
  if (criteria.provision !== null) {
    params['provision'] = criteria.provision;
    where.push('EXISTS { (o)-[:STATED_IN]->(:Provision {key: $provision}) }');
  }
  if (criteria.standard !== null) {
    params['standard'] = criteria.standard;
    where.push('EXISTS { (o)-[:STATED_IN]->(:Standard {key: $standard}) }');
  }
  if (criteria.principle !== null) {
    params['principle'] = criteria.principle;
    where.push('EXISTS { (o)-[:STATED_IN]->(:Principle {key: $principle}) }');
  }
  if (criteria.heading !== null) {
    params['heading'] = criteria.heading;
    where.push('EXISTS { (o)-[:STATED_IN]->(:Provision)<-[:CONTAINS]-(:Heading {key: $heading}) }');
  }
  if (criteria.citing !== null) {
    params['citing'] = criteria.citing;
    where.push(citesPredicate('o', '$citing', 'CITES|CITES_DUTY_OF'));
  }
  where.push(...choicePredicates(criteria.anyOf, params));
  const filter = where.length === 0 ? '' : `\nWITH o WHERE ${where.join('\n  AND ')}`;
  return { cypher: `${match}${filter}`, params };
}

/** The predicates of the `anyOf` lists (each value travels as a parameter). */
function choicePredicates(choices: ObligationChoices, params: Record<string, unknown>): string[] {
  const where: string[] = [];
  const list = (name: string, values: readonly string[] | null, predicate: string): void => {
    if (values === null) return;
    params[name] = values;
    where.push(predicate);
  };
  list('anyAppliesTo', choices.appliesTo,
    '(EXISTS { MATCH (o)-[:APPLIES_TO]->(bound:Body) WHERE bound.key IN $anyAppliesTo } OR EXISTS { MATCH (o)-[:APPLIES_TO]->(:Body)-[:MEMBER_OF]->(group:Body) WHERE group.key IN $anyAppliesTo })');
  list('anyForce', choices.force, 'o.force IN $anyForce');
  list('anyPrinciple', choices.principle, 'EXISTS { MATCH (o)-[:STATED_IN]->(p:Principle) WHERE p.key IN $anyPrinciple }');
  list('anyStandard', choices.standard, 'EXISTS { MATCH (o)-[:STATED_IN]->(s:Standard) WHERE s.key IN $anyStandard }');
  list('anyHeading', choices.heading, 'EXISTS { MATCH (o)-[:STATED_IN]->(:Provision)<-[:CONTAINS]-(h:Heading) WHERE h.key IN $anyHeading }');
  list('anyQualifier', choices.qualifier, 'any(q IN o.qualifiers WHERE q IN $anyQualifier)');
  list('anyCiting', choices.citing,
    'EXISTS { MATCH (o)-[:CITES|CITES_DUTY_OF]->(cited) WHERE cited.key IN $anyCiting OR EXISTS { MATCH (cited)-[:PART_OF]->(act:Instrument) WHERE act.key IN $anyCiting } }');
  return where;
}
