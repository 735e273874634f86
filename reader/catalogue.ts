/**
 * The catalogue (seed/data/catalogue.json, documented in seed/data/CATALOGUE.md): everything
 * the Code cites and its legal context, with where each fact was read. Checked here, purely,
 * so that a dangling key stops the seed with a sentence naming it, before anything is written;
 * seed/load-catalogue.ts reads the file. Every value of a closed set (kinds, statuses,
 * relations) is checked against core/vocabulary.ts, whose sets the graph and the API share.
 */
import {
  BINDING_RELATIONS,
  ENABLING_RELATIONS,
  FORCES,
  INSTRUMENT_KINDS,
  INSTRUMENT_RELATION_KINDS,
  LEGAL_PROVISION_KINDS,
  ORGANISATION_KINDS,
  REVISION_STATUSES,
  TOOLKIT_ITEM_KINDS,
  type BindingRelation,
  type EnablingRelation,
  type Force,
  type InstrumentKind,
  type InstrumentRelationKind,
  type LegalProvisionKind,
  type OrganisationKind,
  type RevisionStatus,
  type ToolkitItemKind,
} from '../core/vocabulary.ts';
import { legislationLevelOfKind, legislationLinks } from '../domain/legislation-links.ts';

export interface SourceRef {
  document: string;
  location: string;
}

export interface SourceDocumentEntry {
  key: string;
  file: string;
  title: string;
  publisher: string | null;
  date: string | null;
  dateText?: string | null;
  url: string | null;
  licence: string | null;
  description?: string | null;
}

/** Fields shared by everything the Code can cite. */
export interface CitableEntry {
  key: string;
  aliases: string[];
  footnotes: number[];
  citedIn: string[];
  description: string | null;
  url?: string | null;
  source: SourceRef;
}

export interface InstrumentEntry extends CitableEntry {
  kind: InstrumentKind;
  title: string;
  shortTitle: string | null;
  year: number | null;
  url: string | null;
  /** null, or the status of a draft instrument (`DRAFT` for the 2025 draft code). */
  status: RevisionStatus | null;
}

export interface LegalProvisionEntry extends CitableEntry {
  instrumentKey: string;
  kind: LegalProvisionKind;
  number: string;
  subsection: string | null;
  title: string | null;
  url: string | null;
}

export interface ToolkitItemEntry extends CitableEntry {
  kind: ToolkitItemKind;
  title: string;
}

export interface OrganisationEntry extends CitableEntry {
  name: string;
  kind: OrganisationKind;
  url: string | null;
}

export interface BodyCatalogueEntry {
  key: string;
  name: string;
  pluralName: string;
  description: string;
  isGroup: boolean;
  memberOf: string[];
  actsFor: string[];
  aliases: string[];
  source: SourceRef;
}

export interface ThemeEntry {
  key: string;
  title: string;
  description: string;
  order: number;
  groups: string[];
  source: SourceRef;
}

export interface RevisionEntry {
  key: string;
  status: RevisionStatus;
  title: string;
  laidOn: string | null;
  inForceFrom: string | null;
  inForceUntil: string | null;
  withdrawnOn: string | null;
  published: boolean;
  hasText: boolean;
  supersedes: string | null;
  reviewIntervalYears?: number | null;
  evidence: string;
  source: SourceRef;
}

export interface InstrumentLinkEntry {
  from: string;
  type: EnablingRelation;
  to: string;
  location: string;
  source: SourceRef;
}

export interface RelationEntry {
  from: string;
  to: string;
  relation: InstrumentRelationKind;
  note?: string | null;
  source: SourceRef;
}

/**
 * How the Code binds one body to one kind of its obligations (docs/reading-rules.md, "Legal
 * basis per body"): local authorities to its requirements through s.145 of the 2014 Act
 * (clauses 1.1 and 1.4), local health boards through the Welsh Ministers' direction under the
 * 2006 Act (clause 1.5), ...; `location` is the clauses that say so.
 */
export interface BindingEntry {
  /** The instrument whose obligations bind (the Code). */
  instrument: string;
  /** The body bound: a key of `bodies`. */
  body: string;
  /** Which of the instrument's obligations: its requirements or its guidelines. */
  force: Force;
  relation: BindingRelation;
  /** The provision of legislation through which it binds: a key of `legalProvisions`. */
  provision: string;
  location: string;
  /** What the sources say, where the entry needs more than its clauses. */
  note?: string | null;
  source: SourceRef;
}

export interface Catalogue {
  sourceDocuments: SourceDocumentEntry[];
  instruments: InstrumentEntry[];
  legalProvisions: LegalProvisionEntry[];
  toolkitItems: ToolkitItemEntry[];
  organisations: OrganisationEntry[];
  bodies: BodyCatalogueEntry[];
  themes: ThemeEntry[];
  revisions: RevisionEntry[];
  instrumentLinks: InstrumentLinkEntry[];
  relations: RelationEntry[];
  bindings: BindingEntry[];
}

export class CatalogueError extends Error {
  constructor(readonly problems: string[]) {
    super(`seed/data/catalogue.json has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
    this.name = 'CatalogueError';
  }
}

/**
 * A problem when `value` is not one of `allowed`, naming the entry, the field and a valid
 * value: `instrument "ukpga/2010/15": kind "ACTT" is not one of ACT, ...; for example "kind": "ACT"`.
 */
function notOneOf(entry: string, field: string, value: unknown, allowed: readonly string[], nullable = false): string | null {
  if ((nullable && value === null) || (typeof value === 'string' && allowed.includes(value))) return null;
  const got = value === undefined ? 'is missing' : `${JSON.stringify(value)} is not one of ${allowed.join(', ')}${nullable ? ' (or null)' : ''}`;
  return `${entry}: ${field} ${got}; for example "${field}": "${allowed[0] ?? ''}"`;
}

/**
 * Legislation is keyed by its legislation.gov.uk identifier (docs/graph-model.md, "Keys"), of
 * the level its kind says, and a section or regulation by its instrument's key and its number,
 * so that its links can be derived from its key (domain/legislation-links.ts).
 */
function legislationKeyProblem(entry: { key: string; kind: InstrumentKind } | { key: string; instrumentKey: string }): string | null {
  const links = legislationLinks(entry.key);
  if ('instrumentKey' in entry) {
    if (links === null) return `legal provision "${entry.key}": its key must be a legislation.gov.uk identifier, such as "anaw/2014/4/section/145"`;
    return links.instrumentKey === entry.instrumentKey ? null : `legal provision "${entry.key}": its key must begin with its instrumentKey "${entry.instrumentKey}"`;
  }
  // A kind outside the closed set is reported by its own check.
  const level = INSTRUMENT_KINDS.includes(entry.kind) ? legislationLevelOfKind(entry.kind) : null;
  if (level === null) return null;
  if (links === null) return `instrument "${entry.key}": kind ${entry.kind} is legislation, keyed by its legislation.gov.uk identifier, such as "anaw/2014/4" or "mwa/2011/1"`;
  if (links.level !== level) return `instrument "${entry.key}": legislation.gov.uk files "${links.type}" as ${links.level.toLowerCase()} legislation, but kind ${entry.kind} is ${level.toLowerCase()}`;
  return null;
}

/**
 * Checks that every key the catalogue refers to exists and every kind, status and relation
 * is one of its closed set; collects every problem, then throws; returns it unchanged.
 */
export function checkCatalogue(catalogue: Catalogue): Catalogue {
  const problems: string[] = [];
  const closed = (problem: string | null): void => {
    if (problem !== null) problems.push(problem);
  };
  const keysOf = (entries: { key: string }[]): Set<string> => new Set(entries.map((entry) => entry.key));
  const instruments = keysOf(catalogue.instruments);
  const provisions = keysOf(catalogue.legalProvisions);
  const organisations = keysOf(catalogue.organisations);
  const bodies = keysOf(catalogue.bodies);
  const documents = new Set(catalogue.sourceDocuments.map((document) => document.file));
  const all = [
    ...catalogue.instruments,
    ...catalogue.legalProvisions,
    ...catalogue.toolkitItems,
    ...catalogue.organisations,
    ...catalogue.bodies,
    ...catalogue.themes,
    ...catalogue.revisions,
  ];
  const seen = new Set<string>();
  for (const entry of all) {
    if (seen.has(entry.key)) problems.push(`key "${entry.key}" is used twice`);
    seen.add(entry.key);
    if (!documents.has(entry.source.document)) problems.push(`${entry.key}: source document "${entry.source.document}" is not in sourceDocuments`);
  }
  for (const provision of catalogue.legalProvisions) {
    if (!instruments.has(provision.instrumentKey)) problems.push(`${provision.key}: instrumentKey "${provision.instrumentKey}" is not an instrument`);
  }
  for (const body of catalogue.bodies) {
    for (const key of [...body.memberOf, ...body.actsFor]) if (!bodies.has(key)) problems.push(`body ${body.key}: "${key}" is not a body`);
  }
  for (const link of catalogue.instrumentLinks) {
    if (!instruments.has(link.from)) problems.push(`instrumentLinks: "${link.from}" is not an instrument`);
    if (!provisions.has(link.to)) problems.push(`instrumentLinks: "${link.to}" is not a legal provision`);
  }
  for (const binding of catalogue.bindings) {
    const at = `binding of "${binding.body}" to the ${binding.force} of "${binding.instrument}"`;
    if (!instruments.has(binding.instrument)) problems.push(`${at}: "${binding.instrument}" is not an instrument`);
    if (!bodies.has(binding.body)) problems.push(`${at}: "${binding.body}" is not a body`);
    if (!provisions.has(binding.provision)) problems.push(`${at}: "${binding.provision}" is not a legal provision`);
    if (!documents.has(binding.source.document)) problems.push(`${at}: source document "${binding.source.document}" is not in sourceDocuments`);
    if (binding.location.trim() === '') problems.push(`${at}: location must name the clauses that say so, such as "clause 1.5"`);
    closed(notOneOf(at, 'force', binding.force, FORCES));
    closed(notOneOf(at, 'relation', binding.relation, BINDING_RELATIONS));
  }
  for (const relation of catalogue.relations) {
    for (const key of [relation.from, relation.to]) {
      if (!instruments.has(key) && !organisations.has(key)) problems.push(`relations: "${key}" is neither an instrument nor an organisation`);
    }
  }
  for (const e of catalogue.instruments) {
    closed(notOneOf(`instrument "${e.key}"`, 'kind', e.kind, INSTRUMENT_KINDS));
    closed(notOneOf(`instrument "${e.key}"`, 'status', e.status, REVISION_STATUSES, true));
    closed(legislationKeyProblem(e));
  }
  for (const e of catalogue.legalProvisions) {
    closed(notOneOf(`legal provision "${e.key}"`, 'kind', e.kind, LEGAL_PROVISION_KINDS));
    closed(legislationKeyProblem(e));
  }
  for (const e of catalogue.toolkitItems) closed(notOneOf(`toolkit item "${e.key}"`, 'kind', e.kind, TOOLKIT_ITEM_KINDS));
  for (const e of catalogue.organisations) closed(notOneOf(`organisation "${e.key}"`, 'kind', e.kind, ORGANISATION_KINDS));
  for (const e of catalogue.revisions) closed(notOneOf(`revision "${e.key}"`, 'status', e.status, REVISION_STATUSES));
  for (const e of catalogue.instrumentLinks) closed(notOneOf(`instrument link "${e.from}" to "${e.to}"`, 'type', e.type, ENABLING_RELATIONS));
  for (const e of catalogue.relations) closed(notOneOf(`relation "${e.from}" to "${e.to}"`, 'relation', e.relation, INSTRUMENT_RELATION_KINDS));
  if (problems.length > 0) throw new CatalogueError(problems);
  return catalogue;
}
