/**
 * The counts beside a search page's checkboxes (`ObligationConnection.facets`): one statement
 * reads, for every obligation matching the filter's criteria that are not facets (free text,
 * topic, provision, addressee, lineage), the value it has for each facet and the names of
 * those values; domain/obligation-facets.ts counts. Built by pure functions (docs/architecture.md,
 * convention 5); run only when `facets` is asked for.
 */
import type { QueryRunner } from '../db/run-query.ts';
import { countFacets, FACETS, type Facet, type FacetCounts, type FacetedObligation, type FacetOptionSource, type FacetSelections } from '../domain/obligation-facets.ts';
import { FORCES, MODALITIES, QUALIFIERS } from '../core/vocabulary.ts';
import { buildObligationMatch, NO_CHOICES, type CypherQuery, type ObligationCriteria } from './obligation-query.ts';
import type { RevisionModel } from './revision.ts';

export type { FacetCounts as ObligationFacetsModel, FacetOptionCount as FacetOptionModel } from '../domain/obligation-facets.ts';

/** The criteria without the facets' own: the set of obligations the counts are taken over. */
export function facetBase(criteria: ObligationCriteria): ObligationCriteria {
  return { ...criteria, modalities: null, force: null, appliesTo: null, principle: null, standard: null, heading: null, qualifier: null, citing: null, anyOf: NO_CHOICES };
}

/** What the criteria select in each facet: a single-valued field and its `anyOf` list are two lists, both to be matched. */
export function facetSelections(criteria: ObligationCriteria): FacetSelections {
  const lists = (...values: (readonly string[] | string | null)[]): string[][] =>
    values.filter((value) => value !== null).map((value) => (typeof value === 'string' ? [value] : [...value]));
  const { anyOf } = criteria;
  return {
    appliesTo: lists(criteria.appliesTo, anyOf.appliesTo),
    modality: lists(criteria.modalities),
    force: lists(criteria.force, anyOf.force),
    principle: lists(criteria.principle, anyOf.principle),
    standard: lists(criteria.standard, anyOf.standard),
    heading: lists(criteria.heading, anyOf.heading),
    qualifier: lists(criteria.qualifier, anyOf.qualifier),
    citing: lists(criteria.citing, anyOf.citing),
  };
}

/** For each matching obligation, its facet values, each with its name and place. */
export function buildFacetQuery(revision: string, criteria: ObligationCriteria): CypherQuery {
  const matching = buildObligationMatch(revision, facetBase(criteria));
  const cypher = `${matching.cypher}
MATCH (o)-[:STATED_IN]->(p:Provision)<-[:CONTAINS]-(h:Heading)
RETURN o.modality AS modality, o.force AS force, coalesce(o.qualifiers, []) AS qualifiers,
  p {.key, .title, .order, .number, standard: p:Standard, principle: p:Principle} AS provision,
  h {.key, .title, .order} AS heading,
  [(o)-[:APPLIES_TO]->(b:Body) | b {.key, .name}] + [(o)-[:APPLIES_TO]->(:Body)-[:MEMBER_OF]->(g:Body) | g {.key, .name}] AS bodies,
  [(o)-[:CITES|CITES_DUTY_OF]->(i:Instrument) | i {.key, .title}] + [(o)-[:CITES|CITES_DUTY_OF]->()-[:PART_OF]->(i:Instrument) | i {.key, .title}] AS cited`;
  return { cypher, params: matching.params };
}

interface Named {
  key: string;
  name?: string | null;
  title?: string | null;
  order?: number | null;
}

interface FacetRow {
  modality: string;
  force: string;
  qualifiers: string[];
  provision: Named & { number: string; standard: boolean; principle: boolean };
  heading: Named;
  bodies: Named[];
  cited: Named[];
}

const words = (value: string): string => value.toLowerCase().replaceAll('_', ' ');
const enumOptions = (values: readonly string[]): FacetOptionSource[] => values.map((value, order) => ({ value, label: words(value), order }));

/** The rows as the counting sees them, with every option they name. */
export function toFaceted(rows: readonly FacetRow[]): { obligations: FacetedObligation[]; options: Record<Facet, FacetOptionSource[]> } {
  const named = Object.fromEntries(FACETS.map((facet) => [facet, new Map<string, FacetOptionSource>()])) as Record<Facet, Map<string, FacetOptionSource>>;
  const note = (facet: Facet, option: FacetOptionSource): string => {
    if (!named[facet].has(option.value)) named[facet].set(option.value, option);
    return option.value;
  };
  const obligations = rows.map((row): FacetedObligation => {
    // Named as Provision.label names them: "Standard 8: Setting fair and sustainable fees" (a standard's title says it), "Principle 3: Collaboration: ...".
    const { title, number } = row.provision;
    const label = row.provision.principle ? `Principle ${number}: ${title ?? ''}` : (title ?? `Standard ${number}`);
    const provision = { value: row.provision.key, label, order: row.provision.order ?? 0 };
    return {
      values: {
        appliesTo: row.bodies.map((body) => note('appliesTo', { value: body.key, label: body.name ?? body.key, order: 0 })),
        modality: [row.modality],
        force: [row.force],
        principle: row.provision.principle ? [note('principle', provision)] : [],
        standard: row.provision.standard ? [note('standard', provision)] : [],
        heading: [note('heading', { value: row.heading.key, label: row.heading.title ?? row.heading.key, order: row.heading.order ?? 0 })],
        qualifier: row.qualifiers,
        citing: row.cited.map((instrument) => note('citing', { value: instrument.key, label: instrument.title ?? instrument.key, order: 0 })),
      },
    };
  });
  const options = Object.fromEntries(FACETS.map((facet) => [facet, [...named[facet].values()]])) as Record<Facet, FacetOptionSource[]>;
  options.modality = enumOptions(MODALITIES);
  options.force = enumOptions(FORCES);
  options.qualifier = enumOptions(QUALIFIERS);
  return { obligations, options };
}

/** The facets of `obligations(filter:)` in `revision`. */
export async function obligationFacets(runner: QueryRunner, revision: RevisionModel, criteria: ObligationCriteria): Promise<FacetCounts> {
  const query = buildFacetQuery(revision.key, criteria);
  const rows = await runner.read<FacetRow>('obligationFacets', query.cypher, query.params);
  const { obligations, options } = toFaceted(rows);
  return countFacets(obligations, facetSelections(criteria), options);
}
