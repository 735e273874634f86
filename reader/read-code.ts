/**
 * The reader: the Code's clean text, the catalogue and the overrides in, the CodeGraph the
 * seed writes out. Stage 1 parses the whole text; then every provision goes through stages
 * 2 to 9 in readProvision (read-provision.ts), in the Code's order; headings and glossary
 * terms take their text from stage 2, and footnotes their citations from stage 8
 * (docs/reading-rules.md, "The stages"). No I/O, so golden tests run it whole.
 */
import type { Catalogue } from './catalogue.ts';
import type { CitedDuty, ModalUse, Obligation, ParsedCode, ProvisionKind, Applicability, UncountedModal } from './model.ts';
import { readerContext, readProvision } from './read-provision.ts';
import { parseCleanText } from './stages/1-parse-clean-text.ts';
import { buildProvisionText, stripFootnoteMarkers } from './stages/2-build-provision-text.ts';
import { unmatchedOverride, type Override } from './stages/4-apply-overrides.ts';
import { citationsOf, type Citation } from './stages/8-link-citations.ts';

export interface HeadingNode {
  key: string;
  title: string;
  order: number;
  text: string | null;
  line: number;
  provisions: string[];
  terms: string[];
}

export interface ProvisionNode {
  kind: ProvisionKind;
  key: string;
  number: string;
  title: string | null;
  text: string;
  order: number;
  heading: string;
  line: number;
  footnotes: number[];
  /** Its modal verbs that are not obligations, each with the rule and the reason (readProvision). */
  uncountedModals: UncountedModal[];
}

export interface TermNode {
  key: string;
  term: string;
  definition: string;
  order: number;
  line: number;
}

export interface FootnoteNode {
  key: string;
  number: number;
  text: string;
  url: string | null;
  line: number;
  provisions: string[];
}

export interface ObligationNode extends Obligation {
  order: number;
  line: number;
  applicability: Applicability[];
}

export interface CodeGraph {
  instrumentKey: string;
  revisionKey: string;
  sourceFile: string;
  headings: HeadingNode[];
  provisions: ProvisionNode[];
  terms: TermNode[];
  footnotes: FootnoteNode[];
  obligations: ObligationNode[];
  /** Every modal verb read, with the decision (for the report and the golden tests). */
  modalUses: ModalUse[];
  citedDuties: CitedDuty[];
  citations: Citation[];
  /** How many entries of the override file were applied. */
  overridesApplied: number;
}

/** Reads the Code into the graph's content; pure. */
export function readCode(source: string, catalogue: Catalogue, overrides: Override[]): CodeGraph {
  const parsed: ParsedCode = parseCleanText(source);
  const instrumentKey = parsed.frontMatter['instrument'] ?? 'code/commissioning-framework';
  const revisionKey = parsed.frontMatter['revision'] ?? '';
  const sourceFile = parsed.frontMatter['source'] ?? '';
  const context = readerContext(catalogue);

  const headings: HeadingNode[] = [];
  const provisions: ProvisionNode[] = [];
  const terms: TermNode[] = [];
  const footnoteProvisions = new Map<number, string[]>();
  const obligations: ObligationNode[] = [];
  const modalUses: ModalUse[] = [];
  const citedDuties: CitedDuty[] = [];
  const provisionCitations: Citation[] = [];
  const obligationCitations: Citation[] = [];
  let overridesApplied = 0;

  parsed.headings.forEach((heading, headingIndex) => {
    const text = heading.parts.map((part) => stripFootnoteMarkers(part.text).text).join('\n');
    headings.push({
      key: heading.key,
      title: heading.title,
      order: headingIndex + 1,
      text: text === '' ? null : text,
      line: heading.line,
      provisions: heading.provisions.map((provision) => provision.key),
      terms: heading.terms.map((term) => term.key),
    });
    for (const provision of heading.provisions) {
      const own = overrides.filter((override) => override.provision === provision.key);
      const reading = readProvision({ key: provision.key, kind: provision.kind, parts: provision.parts }, context, own);
      for (const number of reading.footnotes) footnoteProvisions.set(number, [...(footnoteProvisions.get(number) ?? []), provision.key]);
      provisions.push({
        kind: provision.kind,
        key: provision.key,
        number: provision.number,
        title: provision.title,
        text: reading.text,
        order: provisions.length + 1,
        heading: heading.key,
        line: provision.line,
        footnotes: reading.footnotes,
        uncountedModals: reading.uncountedModals,
      });
      for (const { applicability, ...obligation } of reading.obligations) {
        obligations.push({ ...obligation, order: obligations.length + 1, line: provision.line, applicability });
      }
      modalUses.push(...reading.modalUses);
      citedDuties.push(...reading.citedDuties);
      for (const citation of reading.citations) (citation.fromLabel === 'Provision' ? provisionCitations : obligationCitations).push(citation);
      overridesApplied += reading.overridesApplied;
    }
    for (const term of heading.terms) {
      terms.push({ key: term.key, term: term.term, definition: buildProvisionText(term.key, term.parts).text, order: terms.length + 1, line: term.line });
    }
  });

  const read = new Set(provisions.map((provision) => provision.key));
  const stray = overrides.find((override) => !read.has(override.provision));
  if (stray !== undefined) throw unmatchedOverride(stray, 0);

  const footnotes: FootnoteNode[] = parsed.footnotes.map((footnote) => ({
    key: `fn${footnote.number}`,
    number: footnote.number,
    text: footnote.text,
    url: footnote.url,
    line: footnote.line,
    provisions: footnoteProvisions.get(footnote.number) ?? [],
  }));

  const citations: Citation[] = [
    ...provisionCitations,
    ...obligationCitations,
    ...footnotes.flatMap((footnote) => citationsOf('Footnote', footnote.key, '', [footnote.number], context.citables, null)),
  ];

  return { instrumentKey, revisionKey, sourceFile, headings, provisions, terms, footnotes, obligations, modalUses, citedDuties, citations, overridesApplied };
}
