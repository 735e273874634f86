/**
 * One provision through the reader's stages, in their order (docs/reading-rules.md, "The
 * stages"): 2 its stored text, 3 its modal verbs, 4 the overrides for it, 5 who each
 * obligation names and binds, 6 modality, force and qualifiers, 7 a duty it cites, 8 what
 * it cites, 9 each obligation's own statement. readCode calls it for every provision of the
 * Code; an editor's command calls it for one edited clause, so both read with exactly the
 * same rules. Pure.
 */
import { CODE_INSTRUMENT_KEY } from '../core/vocabulary.ts';
import { bindingSentences, type BindingSentence } from './body-bindings.ts';
import { BodyLexicon, isBodySubject } from './body-lexicon.ts';
import type { Catalogue, InstrumentEntry } from './catalogue.ts';
import type { Applicability, CitedDuty, ModalUse, Obligation, Part, ProvisionKind, Statement, UncountedModal } from './model.ts';
import { partsOfText } from './stages/1-parse-clean-text.ts';
import { buildProvisionText } from './stages/2-build-provision-text.ts';
import { findModalUses, provisionSentences, sentenceText } from './stages/3-find-modal-uses.ts';
import { applyOverrides, type Override } from './stages/4-apply-overrides.ts';
import { addresseesOf, applicabilityOf, openingBodies } from './stages/5-resolve-bodies.ts';
import { forceOf, modalityOf, qualifiersOf } from './stages/6-classify-obligations.ts';
import { findCitedDuties } from './stages/7-find-cited-duties.ts';
import { citables, citationsOf, type Citable, type Citation } from './stages/8-link-citations.ts';
import { cutStatements } from './stages/9-cut-statements.ts';

/**
 * One provision to read: its key and kind, and either the Parts stage 1 parsed from the
 * clean text or a plain text in the form the graph stores it (one paragraph or list item a
 * line, items "a) ", "i. " or "- ", nested items indented two spaces, `[^N]` footnote
 * markers allowed), such as an editor's new wording of a clause.
 */
export type ProvisionInput = { key: string; kind: ProvisionKind } & ({ parts: Part[] } | { text: string });

/** What the stages need from the catalogue, built once for any number of provisions. */
export interface ReaderContext {
  /** The catalogue's bodies (stages 3 and 5). */
  lexicon: BodyLexicon;
  /** Acts a provision may say bodies have a duty under (stage 7). */
  instruments: readonly InstrumentEntry[];
  /** Everything a text can cite (stage 8). */
  citables: readonly Citable[];
  /** How the Code binds each body to its requirements and guidelines, in a sentence (stage 5). */
  bindings: BindingSentence;
  /**
   * The revision whose clause numbers the reader's own words cite (stage 5's explanations, "clause
   * 1.3", and the bindings' "(clause 1.5)"): the one whose text the catalogue describes
   * (2024-09-01). A draft that renumbers those clauses rewrites the citations (editing/).
   */
  citesNumberingOf: string | null;
}

export function readerContext(catalogue: Catalogue): ReaderContext {
  return {
    lexicon: new BodyLexicon(catalogue.bodies),
    instruments: catalogue.instruments,
    citables: citables(catalogue),
    bindings: bindingSentences(catalogue, CODE_INSTRUMENT_KEY),
    citesNumberingOf: catalogue.revisions.find((revision) => revision.hasText)?.key ?? null,
  };
}

/** An obligation as one provision's reading gives it: without its place in the whole Code. */
export interface ReadObligation extends Obligation {
  applicability: Applicability[];
}

export interface ProvisionReading {
  key: string;
  kind: ProvisionKind;
  /** The stored text (stage 2): no footnote markers; trigger offsets point into it. */
  text: string;
  /** Footnote numbers referenced in the text, each once, in text order. */
  footnotes: number[];
  /** Every modal verb read, with the decision after overrides. */
  modalUses: ModalUse[];
  /** The modal verbs read but not counted as obligations, in text order, each with its rule and reason. */
  uncountedModals: UncountedModal[];
  obligations: ReadObligation[];
  citedDuties: CitedDuty[];
  /** The provision's citations, then its obligations' (stage 8). */
  citations: Citation[];
  /** How many of the given overrides decided a modal here. */
  overridesApplied: number;
}

/**
 * Reads one provision's obligations, with addressees, applicability, modality, force,
 * qualifiers, footnotes and citations. `overrides` are the entries of the override file for
 * this provision; one that matches no modal here throws OverrideError. Throws
 * ProvisionTextError for a plain text with a line a provision's text cannot hold.
 */
export function readProvision(provision: ProvisionInput, context: ReaderContext, overrides: readonly Override[] = []): ProvisionReading {
  const { key, kind } = provision;
  const parts = 'parts' in provision ? provision.parts : partsOfText(provision.text);
  const built = buildProvisionText(key, parts);
  const found = findModalUses(built, (prefix) => isBodySubject(context.lexicon, prefix));
  const { uses, applied } = applyOverrides(found, overrides);

  const read: Omit<ReadObligation, keyof Statement>[] = [];
  /**
   * "They" takes the bodies of the sentence before: the addressees of the provision's previous
   * obligation, or the bodies a sentence with no obligation opens with ("Providers use ...").
   */
  let previous: string[] = [];
  let previousSentence = -1;
  const sentences = provisionSentences(built);
  uses.forEach((use, index) => {
    if (!use.isObligation) return;
    const before = sentences.filter((sentence) => sentence.end <= use.sentenceStart).at(-1);
    if (before !== undefined && before.start !== previousSentence) {
      const named = openingBodies(context.lexicon, sentenceText(built, before));
      if (named.length > 0) previous = named;
    }
    previousSentence = use.sentenceStart;
    const override = applied.get(index);
    const addressees = override?.addressees ?? addresseesOf(context.lexicon, use.subject, use.predicate, previous);
    const modality = modalityOf(use.trigger);
    const force = forceOf(modality);
    const applicability = applicabilityOf(context.lexicon, addressees, (body) => context.bindings(body, force));
    previous = addressees;
    const qualifiers = qualifiersOf(use.subject, use.predicate);
    const n = read.length + 1;
    read.push({
      key: `${key}/${n}`,
      provision: key,
      index: n,
      text: sentenceText(built, { start: use.sentenceStart, end: use.sentenceEnd }),
      modality,
      force,
      trigger: use.trigger,
      triggerStart: use.start,
      triggerEnd: use.end,
      addressees,
      qualifiers,
      fromOverride: override !== undefined,
      overrideReason: override?.reason ?? null,
      footnotes: [...new Set(built.footnotes.filter((ref) => ref.offset >= use.sentenceStart && ref.offset <= use.sentenceEnd).map((ref) => ref.number))],
      applicability,
    });
  });

  const uncountedModals = uses.flatMap((use, index): UncountedModal[] =>
    use.isObligation || use.notObligationKind === null
      ? []
      : [{ trigger: use.trigger, start: use.start, end: use.end, kind: use.notObligationKind, reason: applied.get(index)?.reason ?? use.notObligationBecause ?? '' }],
  );
  const citedDuties = findCitedDuties(built, context.instruments);
  const footnotes = [...new Set(built.footnotes.map((ref) => ref.number))];
  const citations = [
    ...citationsOf('Provision', key, built.text, footnotes, context.citables, key),
    ...read.flatMap((obligation) => citationsOf('Obligation', obligation.key, obligation.text, obligation.footnotes, context.citables, null)),
  ];
  const statements = cutStatements(built, uses, (text) => isBodySubject(context.lexicon, text));
  const obligations = read.map(({ applicability, ...obligation }, index): ReadObligation => {
    const statement = statements[index];
    if (statement === undefined) throw new Error(`stage 9 gave no statement for ${obligation.key}`);
    return { ...obligation, ...statement, applicability };
  });
  return { key, kind, text: built.text, footnotes, modalUses: uses, uncountedModals, obligations, citedDuties, citations, overridesApplied: applied.size };
}
