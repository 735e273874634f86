/**
 * Instruments (Acts, regulations, codes, guidance, conventions, ...) and their provisions
 * (sections, regulations), with the links between them: ISSUED_UNDER, GUIDANCE_UNDER and
 * DISAPPLIES (the Code rests on s.145 and s.169 of the 2014 Act and s.2 of the 2006 Act,
 * clauses 1.1 and 1.2), PART_OF, and RELATED_TO.
 */
import { makeLoader, manyEach, oneEach, type LoaderOptions } from './batch.ts';
import { asProps, oneOf, optionalInteger, optionalText, text } from '../db/graph-values.ts';
import { readPage, type Page, type PageRequest } from './pagination.ts';
import type { QueryRunner } from '../db/run-query.ts';
import {
  ENABLING_RELATIONS,
  INSTRUMENT_KINDS,
  INSTRUMENT_RELATION_KINDS,
  LEGAL_PROVISION_KINDS,
  type EnablingRelation,
  type InstrumentKind,
  type InstrumentRelationKind,
  type LegalProvisionKind,
} from '../core/vocabulary.ts';

export interface InstrumentModel {
  __typename: 'Instrument';
  key: string;
  kind: InstrumentKind;
  title: string;
  shortTitle: string | null;
  year: number | null;
  /** For legislation, its page on legislation.gov.uk (domain/legislation-links.ts); otherwise a source's URL. */
  url: string | null;
  /** For legislation, its legislation.gov.uk identifier URI; null otherwise. */
  uri: string | null;
  status: string | null;
  description: string | null;
}

export interface LegalProvisionModel {
  __typename: 'LegalProvision';
  key: string;
  instrumentKey: string;
  kind: LegalProvisionKind;
  number: string;
  subsection: string | null;
  title: string | null;
  /** Its page on legislation.gov.uk (domain/legislation-links.ts). */
  url: string | null;
  /** Its legislation.gov.uk identifier URI. */
  uri: string | null;
  description: string | null;
}

export interface EnablingLinkModel {
  relation: EnablingRelation;
  location: string | null;
  provision: LegalProvisionModel;
}

export interface EnabledInstrumentModel {
  relation: EnablingRelation;
  location: string | null;
  instrument: InstrumentModel;
}

export interface InstrumentRelationModel {
  relation: InstrumentRelationKind;
  direction: 'OUTGOING' | 'INCOMING';
  instrument: InstrumentModel;
}

export function toInstrument(value: unknown): InstrumentModel {
  const props = asProps(value, 'instrument');
  return {
    __typename: 'Instrument',
    key: text(props, 'key'),
    kind: oneOf(props, 'kind', INSTRUMENT_KINDS),
    title: text(props, 'title'),
    shortTitle: optionalText(props, 'shortTitle'),
    year: optionalInteger(props, 'year'),
    url: optionalText(props, 'url'),
    uri: optionalText(props, 'uri'),
    status: optionalText(props, 'status'),
    description: optionalText(props, 'description'),
  };
}

export function toLegalProvision(value: unknown): LegalProvisionModel {
  const props = asProps(value, 'legal provision');
  return {
    __typename: 'LegalProvision',
    key: text(props, 'key'),
    instrumentKey: text(props, 'instrumentKey'),
    kind: oneOf(props, 'kind', LEGAL_PROVISION_KINDS),
    number: text(props, 'number'),
    subsection: optionalText(props, 'subsection'),
    title: optionalText(props, 'title'),
    url: optionalText(props, 'url'),
    uri: optionalText(props, 'uri'),
    description: optionalText(props, 'description'),
  };
}

/** "Section 145", "Section 17(9)", "Regulation 18". */
export function legalProvisionLabel(provision: Pick<LegalProvisionModel, 'kind' | 'number' | 'subsection'>): string {
  const sub = provision.subsection === null ? '' : `(${provision.subsection})`;
  switch (provision.kind) {
    case 'SECTION':
      return `Section ${provision.number}${sub}`;
    case 'REGULATION':
      return `Regulation ${provision.number}${sub}`;
  }
}

/** Instruments in the order of InstrumentKind (Acts first), then year and title. */
export const INSTRUMENT_ORDER = `CASE i.kind ${INSTRUMENT_KINDS.map((kind, index) => `WHEN '${kind}' THEN ${index}`).join(' ')} ELSE ${INSTRUMENT_KINDS.length} END, i.year, i.title`;

/** Sections before regulations; numbers in numeric order (145 after 15), then subsections. */
const LEGAL_PROVISION_ORDER = `lp.kind, toInteger(lp.number), lp.number, coalesce(lp.subsection, '')`;

export const INSTRUMENTS_BY_KEY = `
UNWIND $keys AS key
MATCH (i:Instrument {key: key})
RETURN key, properties(i) AS value`;

export const INSTRUMENTS_OF_KIND = `
MATCH (i:Instrument)
WHERE $kind IS NULL OR i.kind = $kind
WITH i ORDER BY ${INSTRUMENT_ORDER}
WITH collect(i) AS matched
RETURN size(matched) AS totalCount, [i IN matched[$offset..($offset + $limit)] | properties(i)] AS page`;

export const LEGAL_PROVISIONS_BY_KEY = `
UNWIND $keys AS key
MATCH (lp:LegalProvision {key: key})
RETURN key, properties(lp) AS value`;

export const LEGAL_PROVISIONS_OF_INSTRUMENTS = `
UNWIND $keys AS key
MATCH (lp:LegalProvision)-[:PART_OF]->(:Instrument {key: key})
RETURN key, properties(lp) AS value
ORDER BY ${LEGAL_PROVISION_ORDER}`;

export const ENABLING_PROVISIONS_OF_INSTRUMENTS = `
UNWIND $keys AS key
MATCH (:Instrument {key: key})-[e:ISSUED_UNDER|GUIDANCE_UNDER|DISAPPLIES]->(lp:LegalProvision)
RETURN key, {relation: type(e), location: e.location, provision: properties(lp)} AS value
ORDER BY CASE type(e) WHEN 'ISSUED_UNDER' THEN 0 WHEN 'GUIDANCE_UNDER' THEN 1 ELSE 2 END, e.location, lp.instrumentKey, ${LEGAL_PROVISION_ORDER}`;

export const INSTRUMENTS_ENABLED_BY = `
UNWIND $keys AS key
MATCH (i:Instrument)-[e:ISSUED_UNDER|GUIDANCE_UNDER|DISAPPLIES]->(:LegalProvision {key: key})
RETURN key, {relation: type(e), location: e.location, instrument: properties(i)} AS value
ORDER BY CASE type(e) WHEN 'ISSUED_UNDER' THEN 0 WHEN 'GUIDANCE_UNDER' THEN 1 ELSE 2 END, ${INSTRUMENT_ORDER}`;

export const RELATED_INSTRUMENTS = `
UNWIND $keys AS key
MATCH (:Instrument {key: key})-[r:RELATED_TO]-(i:Instrument)
RETURN key, {relation: r.relation, direction: CASE WHEN startNode(r).key = key THEN 'OUTGOING' ELSE 'INCOMING' END, instrument: properties(i)} AS value
ORDER BY ${INSTRUMENT_ORDER}`;

function toEnablingLink(value: unknown): EnablingLinkModel {
  const props = asProps(value, 'enabling link');
  return {
    relation: oneOf(props, 'relation', ENABLING_RELATIONS),
    location: optionalText(props, 'location'),
    provision: toLegalProvision(props['provision']),
  };
}

function toEnabledInstrument(value: unknown): EnabledInstrumentModel {
  const props = asProps(value, 'enabled instrument');
  return {
    relation: oneOf(props, 'relation', ENABLING_RELATIONS),
    location: optionalText(props, 'location'),
    instrument: toInstrument(props['instrument']),
  };
}

function toInstrumentRelation(value: unknown): InstrumentRelationModel {
  const props = asProps(value, 'instrument relation');
  return {
    relation: oneOf(props, 'relation', INSTRUMENT_RELATION_KINDS),
    direction: oneOf(props, 'direction', ['OUTGOING', 'INCOMING'] as const),
    instrument: toInstrument(props['instrument']),
  };
}

export function createInstrumentLoaders(runner: QueryRunner, options: LoaderOptions) {
  return {
    /** An instrument by key; null when there is none. */
    instrumentByKey: makeLoader(options, oneEach(runner, 'instrumentsByKey', INSTRUMENTS_BY_KEY, toInstrument)),
    /** A section or regulation by key; null when there is none. */
    legalProvisionByKey: makeLoader(options, oneEach(runner, 'legalProvisionsByKey', LEGAL_PROVISIONS_BY_KEY, toLegalProvision)),
    /** The sections or regulations of an instrument the graph holds, in number order. */
    legalProvisionsOfInstrument: makeLoader(options, manyEach(runner, 'legalProvisionsOfInstruments', LEGAL_PROVISIONS_OF_INSTRUMENTS, toLegalProvision)),
    /** What an instrument is issued under, is guidance under, or disapplies. */
    enablingProvisionsOfInstrument: makeLoader(options, manyEach(runner, 'enablingProvisionsOfInstruments', ENABLING_PROVISIONS_OF_INSTRUMENTS, toEnablingLink)),
    /** The instruments that rest on a section or regulation. */
    instrumentsEnabledBy: makeLoader(options, manyEach(runner, 'instrumentsEnabledBy', INSTRUMENTS_ENABLED_BY, toEnabledInstrument)),
    /** The instruments an instrument relates to, either way. */
    relatedInstruments: makeLoader(options, manyEach(runner, 'relatedInstruments', RELATED_INSTRUMENTS, toInstrumentRelation)),
  };
}

/** One page of the instruments, optionally of one kind. */
export function findInstruments(runner: QueryRunner, kind: InstrumentKind | null, request: PageRequest): Promise<Page<InstrumentModel>> {
  const params = { kind, offset: request.offset, limit: request.limit };
  return readPage(runner, 'instrumentsOfKind', { cypher: INSTRUMENTS_OF_KIND, params }, request, toInstrument);
}
