/**
 * Citations (`(Provision|Obligation|Footnote)-[:CITES]->(Instrument|LegalProvision|ToolkitItem|
 * Organisation)`, docs/graph-model.md, "Relationships"), both ways: what a provision or
 * obligation cites, and which obligations or provisions cite a thing ("which obligations rest on the Equality
 * Act 2010?"). Citing a section of an Act counts as citing the Act; an obligation that
 * restates a statutory duty (CITES_DUTY_OF, clause 1.85) cites that duty's section.
 */
import { GraphShapeError } from '../core/errors.ts';
import { makeLoader, manyEach, manyEachTarget, oneEach, type LoaderOptions } from './batch.ts';
import { asProps, text, textList } from '../db/graph-values.ts';
import { toInstrument, toLegalProvision, type InstrumentModel, type LegalProvisionModel } from './instrument.ts';
import { toObligation } from './obligation.ts';
import { toOrganisation, type OrganisationModel } from './organisation.ts';
import { PROVISION_VALUE, toProvision } from './provision.ts';
import type { QueryRunner } from '../db/run-query.ts';
import { toToolkitItem, type ToolkitItemModel } from './toolkit.ts';

export type CitableModel = InstrumentModel | LegalProvisionModel | ToolkitItemModel | OrganisationModel;
export type CitableLabel = CitableModel['__typename'];

/** Maps `{node: properties, labels}` of a cited node. */
export function toCitable(value: unknown): CitableModel {
  const { node, labels } = asProps(value, 'cited node');
  const names = textList({ labels }, 'labels');
  if (names.includes('Instrument')) return toInstrument(node);
  if (names.includes('LegalProvision')) return toLegalProvision(node);
  if (names.includes('ToolkitItem')) return toToolkitItem(node);
  if (names.includes('Organisation')) return toOrganisation(node);
  throw new GraphShapeError(`a CITES relationship ends at a node labelled ${names.join(':')}`);
}

/** Instruments, then sections, then toolkit items, then organisations; each by key (the cited node is the variable `c`). */
export const citedOrder = (c: string): string => `CASE WHEN ${c}:Instrument THEN 0 WHEN ${c}:LegalProvision THEN 1 WHEN ${c}:ToolkitItem THEN 2 ELSE 3 END, ${c}.key`;
/** The Cypher map a cited node (the variable `c`) is returned as (read by toCitable). */
export const citedValue = (c: string): string => `{node: properties(${c}), labels: labels(${c})}`;
const CITED_ORDER = citedOrder('c');
const CITED_VALUE = citedValue('c');

export const CITED_BY_OBLIGATIONS = `
UNWIND $keys AS key
MATCH (:Obligation {uid: key})-[:CITES]->(c)
RETURN key, ${CITED_VALUE} AS value
ORDER BY ${CITED_ORDER}`;

export const CITED_BY_PROVISIONS = `
UNWIND $keys AS key
MATCH (:Provision {uid: key})-[:CITES]->(c)
RETURN key, ${CITED_VALUE} AS value
ORDER BY ${CITED_ORDER}`;

export const CITED_BY_FOOTNOTES = `
UNWIND $keys AS key
MATCH (:Footnote {uid: key})-[:CITES]->(c)
RETURN key, ${CITED_VALUE} AS value
ORDER BY ${CITED_ORDER}`;

/** Statutory duties a provision restates (clause 1.85), by section number. */
export const DUTIES_RESTATED_BY_PROVISIONS = `
UNWIND $keys AS key
MATCH (:Provision {uid: key})-[d:CITES_DUTY_OF]->(lp:LegalProvision)
RETURN key, {provision: properties(lp), text: d.text} AS value
ORDER BY lp.instrumentKey, lp.number`;

export interface RestatedDutyModel {
  provision: LegalProvisionModel;
  text: string;
}

function toRestatedDuty(value: unknown): RestatedDutyModel {
  const props = asProps(value, 'restated duty');
  return { provision: toLegalProvision(props['provision']), text: text(props, 'text') };
}

/** A citable thing by key, whatever its kind (each kind's key index is used). */
export const CITABLES_BY_KEY = `
UNWIND $keys AS key
CALL {
  WITH key MATCH (c:Instrument {key: key}) RETURN c
  UNION
  WITH key MATCH (c:LegalProvision {key: key}) RETURN c
  UNION
  WITH key MATCH (c:ToolkitItem {key: key}) RETURN c
  UNION
  WITH key MATCH (c:Organisation {key: key}) RETURN c
}
RETURN key, ${CITED_VALUE} AS value`;

/**
 * Whether `subject` cites the thing whose key is `keyExpression`: directly, through a section
 * of it, or (for obligations) by restating a duty of it. Shared by the obligation filter
 * (obligation-query.ts) and the reverse lookups below, so both answer alike.
 */
export function citesPredicate(subject: string, keyExpression: string, relationships: 'CITES' | 'CITES|CITES_DUTY_OF'): string {
  return `EXISTS { MATCH (${subject})-[:${relationships}]->(cited) WHERE cited.key = ${keyExpression} OR EXISTS { (cited)-[:PART_OF]->(:Instrument {key: ${keyExpression}}) } }`;
}

/** The obligations of a revision that cite a thing, in reading order (key: {revision, key}). */
export const OBLIGATIONS_CITING = `
UNWIND $targets AS target
MATCH (o:Obligation {revision: target.revision})
WHERE ${citesPredicate('o', 'target.key', 'CITES|CITES_DUTY_OF')}
RETURN target.id AS key, properties(o) AS value
ORDER BY o.order`;

/** The provisions of a revision that cite a thing, in reading order. */
export const PROVISIONS_CITING = `
UNWIND $targets AS target
MATCH (p:Provision {revision: target.revision})
WHERE ${citesPredicate('p', 'target.key', 'CITES')}
RETURN target.id AS key, ${PROVISION_VALUE} AS value
ORDER BY p.order`;

/** A thing cited, within one revision of the Code. */
export interface CitedInRevision {
  revision: string;
  key: string;
}

const targetId = (target: CitedInRevision): string => `${target.revision}|${target.key}`;

export function createCitationLoaders(runner: QueryRunner, options: LoaderOptions) {
  const citedBy = (name: string, cypher: string) => makeLoader(options, manyEach(runner, name, cypher, toCitable));
  return {
    /** What an obligation's sentence cites (by the obligation's uid). */
    citationsOfObligation: citedBy('citedByObligations', CITED_BY_OBLIGATIONS),
    /** What a provision cites (by the provision's uid). */
    citationsOfProvision: citedBy('citedByProvisions', CITED_BY_PROVISIONS),
    /** What a footnote cites (by the footnote's uid). */
    citationsOfFootnote: citedBy('citedByFootnotes', CITED_BY_FOOTNOTES),
    /** The statutory duties a provision (by uid) restates. */
    dutiesRestatedByProvision: makeLoader(options, manyEach(runner, 'dutiesRestatedByProvisions', DUTIES_RESTATED_BY_PROVISIONS, toRestatedDuty)),
    /** Anything citable by key; null when nothing has that key. */
    citableByKey: makeLoader(options, oneEach(runner, 'citablesByKey', CITABLES_BY_KEY, toCitable)),
    /** The obligations of a revision that cite a thing, in reading order. */
    obligationsCiting: makeLoader(options, manyEachTarget(runner, 'obligationsCiting', OBLIGATIONS_CITING, targetId, toObligation), targetId),
    /** The provisions of a revision that cite a thing, in reading order. */
    provisionsCiting: makeLoader(options, manyEachTarget(runner, 'provisionsCiting', PROVISIONS_CITING, targetId, toProvision), targetId),
  };
}
