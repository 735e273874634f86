/**
 * Stage 8: what each provision, obligation and footnote cites (docs/reading-rules.md,
 * "Citations"). Reads: the provision's text and footnote numbers (stage 2), each
 * obligation's text and footnotes (stages 3 to 6), and the catalogue's citable entries
 * (their aliases, exact strings of the Code; footnote numbers; citedIn lists). Writes:
 * Citation rows. A provision cites an entry its text names, whose footnote it carries, or
 * that the catalogue lists it in; an obligation cites what its own sentence names or
 * footnotes; a footnote cites the entry that holds its link (readCode runs this last).
 */
import type { Catalogue, CitableEntry } from '../catalogue.ts';

export type CitableLabel = 'Instrument' | 'LegalProvision' | 'ToolkitItem' | 'Organisation';
export type CitingLabel = 'Provision' | 'Obligation' | 'Footnote';

export interface Citation {
  from: string;
  fromLabel: CitingLabel;
  to: string;
  toLabel: CitableLabel;
  /** How the citation was found: ALIAS, FOOTNOTE or CATALOGUE. */
  by: 'ALIAS' | 'FOOTNOTE' | 'CATALOGUE';
}

export interface Citable {
  label: CitableLabel;
  entry: CitableEntry;
}

export function citables(catalogue: Catalogue): Citable[] {
  return [
    ...catalogue.instruments.map((entry) => ({ label: 'Instrument' as const, entry })),
    ...catalogue.legalProvisions.map((entry) => ({ label: 'LegalProvision' as const, entry })),
    ...catalogue.toolkitItems.map((entry) => ({ label: 'ToolkitItem' as const, entry })),
    ...catalogue.organisations.map((entry) => ({ label: 'Organisation' as const, entry })),
  ];
}

function names(text: string, alias: string): boolean {
  const escaped = alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])`).test(text);
}

/** Citations of one text (a provision's or an obligation's); pure. */
export function citationsOf(fromLabel: CitingLabel, from: string, text: string, footnotes: number[], items: readonly Citable[], provisionKey: string | null): Citation[] {
  const found = new Map<string, Citation>();
  for (const { label, entry } of items) {
    let by: Citation['by'] | null = null;
    if (entry.footnotes.some((number) => footnotes.includes(number))) by = 'FOOTNOTE';
    else if (entry.aliases.some((alias) => names(text, alias))) by = 'ALIAS';
    else if (provisionKey !== null && entry.citedIn.includes(provisionKey)) by = 'CATALOGUE';
    if (by !== null && !found.has(entry.key)) found.set(entry.key, { from, fromLabel, to: entry.key, toLabel: label, by });
  }
  return [...found.values()];
}
