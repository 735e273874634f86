/**
 * The catalogue (seed/data/catalogue.json, documented in seed/data/CATALOGUE.md): everything
 * the Code cites and its legal context, with where each fact was read. Checked here, purely,
 * so that a dangling key stops the seed with a sentence naming it, before anything is written;
 * seed/load-catalogue.ts reads the file.
 */

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
  kind: string;
  title: string;
  shortTitle: string | null;
  year: number | null;
  url: string | null;
  status: string | null;
}

export interface LegalProvisionEntry extends CitableEntry {
  instrumentKey: string;
  kind: string;
  number: string;
  subsection: string | null;
  title: string | null;
  url: string | null;
}

export interface ToolkitItemEntry extends CitableEntry {
  kind: string;
  title: string;
}

export interface OrganisationEntry extends CitableEntry {
  name: string;
  kind: string;
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
  status: string;
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
  type: 'ISSUED_UNDER' | 'GUIDANCE_UNDER' | 'DISAPPLIES';
  to: string;
  location: string;
  source: SourceRef;
}

export interface RelationEntry {
  from: string;
  to: string;
  relation: 'COMPLEMENTS' | 'REPLACES' | 'LED_TO';
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
}

export class CatalogueError extends Error {
  constructor(problems: string[]) {
    super(`seed/data/catalogue.json has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
    this.name = 'CatalogueError';
  }
}

/** Checks that every key the catalogue refers to exists; returns it unchanged. */
export function checkCatalogue(catalogue: Catalogue): Catalogue {
  const problems: string[] = [];
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
  for (const relation of catalogue.relations) {
    for (const key of [relation.from, relation.to]) {
      if (!instruments.has(key) && !organisations.has(key)) problems.push(`relations: "${key}" is neither an instrument nor an organisation`);
    }
  }
  if (problems.length > 0) throw new CatalogueError(problems);
  return catalogue;
}
