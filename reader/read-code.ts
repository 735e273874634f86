/**
 * The reader: chains the pure stages (parse, provision text, modal verbs, overrides,
 * bodies, citations) into the CodeGraph the writer loads. Reads: the clean text, the
 * catalogue and the overrides. Writes: CodeGraph. No I/O, so golden tests run it whole.
 */
import type { Catalogue } from './catalogue.ts';
import type { Applicability, CitedDuty, Force, ModalUse, Modality, Obligation, ParsedCode, ProvisionKind, Qualifier } from './model.ts';
import { applyOverrides, type Override } from './stages/apply-overrides.ts';
import { buildProvisionText, stripFootnoteMarkers } from './stages/build-provision-text.ts';
import { findModalUses, splitSentences } from './stages/extract-obligations.ts';
import { citables, citationsOf, type Citation } from './stages/link-citations.ts';
import { parseCleanText } from './stages/parse-clean-text.ts';
import { addresseesOf, applicabilityOf, BodyLexicon, isBodySubject } from './stages/resolve-bodies.ts';

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

export function modalityOf(trigger: string): Modality {
  const words = trigger.toLowerCase().split(/\s+/);
  const negated = words[1] === 'not';
  switch (words[0]) {
    case 'must':
      return negated ? 'MUST_NOT' : 'MUST';
    case 'should':
      return negated ? 'SHOULD_NOT' : 'SHOULD';
    default:
      return 'MAY';
  }
}

/** Force per clause 1.8: "must"/"must not" are requirements; "may", "should", "should not" guidelines. */
export function forceOf(modality: Modality): Force {
  switch (modality) {
    case 'MUST':
    case 'MUST_NOT':
      return 'REQUIREMENT';
    case 'SHOULD':
    case 'SHOULD_NOT':
    case 'MAY':
      return 'GUIDELINE';
  }
}

/** Qualifiers of an obligation from its own words (DESIGN.md; issue 3). */
export function qualifiersOf(subject: string, predicate: string): Qualifier[] {
  const qualifiers: Qualifier[] = [];
  if (/\bhave (?:due )?regard to\b/i.test(predicate)) qualifiers.push('HAVE_REGARD');
  if (/\btake all reasonable steps\b/i.test(predicate)) qualifiers.push('REASONABLE_STEPS');
  const span = `${subject} ${predicate}`;
  if (/(?<!including )\b(?:where|as) (?:it is )?appropriate\b/i.test(span)) qualifiers.push('WHERE_APPROPRIATE');
  return qualifiers;
}

const CITED_DUTY = /\bhave a duty under section (\d+) of the ([A-Z][A-Za-z() ]*? Act \d{4})/;

function flatten(text: string): string {
  return text.replace(/\n\s*/g, ' ').trim();
}

/** Reads the Code into the graph's content; pure. */
export function readCode(source: string, catalogue: Catalogue, overrides: Override[]): CodeGraph {
  const parsed: ParsedCode = parseCleanText(source);
  const instrumentKey = parsed.frontMatter['instrument'] ?? 'code/commissioning-framework';
  const revisionKey = parsed.frontMatter['revision'] ?? '';
  const sourceFile = parsed.frontMatter['source'] ?? '';
  const lexicon = new BodyLexicon(catalogue.bodies);
  const items = citables(catalogue);

  const headings: HeadingNode[] = [];
  const provisions: ProvisionNode[] = [];
  const terms: TermNode[] = [];
  const footnoteProvisions = new Map<number, string[]>();
  const allUses: ModalUse[] = [];
  const texts = new Map<string, ReturnType<typeof buildProvisionText>>();

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
      const built = buildProvisionText(provision.key, provision.parts);
      texts.set(provision.key, built);
      const footnotes = [...new Set(built.footnotes.map((ref) => ref.number))];
      for (const number of footnotes) footnoteProvisions.set(number, [...(footnoteProvisions.get(number) ?? []), provision.key]);
      provisions.push({
        kind: provision.kind,
        key: provision.key,
        number: provision.number,
        title: provision.title,
        text: built.text,
        order: provisions.length + 1,
        heading: heading.key,
        line: provision.line,
        footnotes,
      });
      allUses.push(...findModalUses(built, (subject) => isBodySubject(lexicon, subject)));
    }
    for (const term of heading.terms) {
      terms.push({ key: term.key, term: term.term, definition: buildProvisionText(term.key, term.parts).text, order: terms.length + 1, line: term.line });
    }
  });

  const { uses, applied } = applyOverrides(allUses, overrides);
  const provisionsByKey = new Map(provisions.map((provision) => [provision.key, provision]));
  const obligations: ObligationNode[] = [];
  const lastAddressees = new Map<string, string[]>();
  uses.forEach((use, index) => {
    if (!use.isObligation) return;
    const built = texts.get(use.provision);
    const provision = provisionsByKey.get(use.provision);
    if (built === undefined || provision === undefined) return;
    const override = applied.get(index);
    const previous = lastAddressees.get(use.provision) ?? [];
    const addressees = override?.addressees ?? addresseesOf(lexicon, use.subject, use.predicate, previous);
    lastAddressees.set(use.provision, addressees);
    const modality = modalityOf(use.trigger);
    const n = obligations.filter((o) => o.provision === use.provision).length + 1;
    obligations.push({
      key: `${use.provision}/${n}`,
      provision: use.provision,
      index: n,
      text: flatten(built.text.slice(use.sentenceStart, use.sentenceEnd)),
      modality,
      force: forceOf(modality),
      trigger: use.trigger,
      triggerStart: use.start,
      triggerEnd: use.end,
      addressees,
      qualifiers: qualifiersOf(use.subject, use.predicate),
      fromOverride: override !== undefined,
      overrideReason: override?.reason ?? null,
      footnotes: [...new Set(built.footnotes.filter((ref) => ref.offset >= use.sentenceStart && ref.offset <= use.sentenceEnd).map((ref) => ref.number))],
      order: obligations.length + 1,
      line: provision.line,
      applicability: applicabilityOf(lexicon, addressees),
    });
  });

  const citedDuties: CitedDuty[] = [];
  for (const provision of provisions) {
    const match = CITED_DUTY.exec(provision.text);
    if (match === null) continue;
    const act = catalogue.instruments.find((instrument) => instrument.aliases.includes(match[2] ?? '') || instrument.title === match[2]);
    const sentence = splitSentences(provision.text, 0, provision.text.length).find((s) => s.start <= match.index && match.index < s.end);
    if (act !== undefined && sentence !== undefined) {
      citedDuties.push({ provision: provision.key, text: flatten(provision.text.slice(sentence.start, sentence.end)), provisionKey: `${act.key}/section/${match[1] ?? ''}` });
    }
  }

  const footnotes: FootnoteNode[] = parsed.footnotes.map((footnote) => ({
    key: `fn${footnote.number}`,
    number: footnote.number,
    text: footnote.text,
    url: footnote.url,
    line: footnote.line,
    provisions: footnoteProvisions.get(footnote.number) ?? [],
  }));

  const citations: Citation[] = [
    ...provisions.flatMap((provision) => citationsOf('Provision', provision.key, provision.text, provision.footnotes, items, provision.key)),
    ...obligations.flatMap((obligation) => citationsOf('Obligation', obligation.key, obligation.text, obligation.footnotes, items, null)),
    ...footnotes.flatMap((footnote) => citationsOf('Footnote', footnote.key, '', [footnote.number], items, null)),
  ];

  return { instrumentKey, revisionKey, sourceFile, headings, provisions, terms, footnotes, obligations, modalUses: uses, citedDuties, citations, overridesApplied: applied.size };
}
