/**
 * One provision through the reader's stages, in their order (docs/reading-rules.md, "The
 * stages"): 2 its stored text, 3 its modal verbs, 4 the overrides for it, 5 who each
 * obligation names and binds, 6 modality, force and qualifiers, 7 a duty it cites, 8 what
 * it cites. readCode calls it for every provision of the Code; an editor's command calls it
 * for one edited clause, so both read with exactly the same rules. Pure.
 */
import { BodyLexicon, isBodySubject } from './body-lexicon.ts';
import type { Catalogue, InstrumentEntry } from './catalogue.ts';
import type { Applicability, CitedDuty, ModalUse, Obligation, Part, ProvisionKind } from './model.ts';
import { partsOfText } from './stages/1-parse-clean-text.ts';
import { buildProvisionText } from './stages/2-build-provision-text.ts';
import { findModalUses, sentenceText } from './stages/3-find-modal-uses.ts';
import { applyOverrides, type Override } from './stages/4-apply-overrides.ts';
import { addresseesOf, applicabilityOf } from './stages/5-resolve-bodies.ts';
import { forceOf, modalityOf, qualifiersOf } from './stages/6-classify-obligations.ts';
import { findCitedDuties } from './stages/7-find-cited-duties.ts';
import { citables, citationsOf, type Citable, type Citation } from './stages/8-link-citations.ts';

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
}

export function readerContext(catalogue: Catalogue): ReaderContext {
  return { lexicon: new BodyLexicon(catalogue.bodies), instruments: catalogue.instruments, citables: citables(catalogue) };
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

  const obligations: ReadObligation[] = [];
  /** "They" takes the addressees of the provision's previous obligation. */
  let previous: string[] = [];
  uses.forEach((use, index) => {
    if (!use.isObligation) return;
    const override = applied.get(index);
    const addressees = override?.addressees ?? addresseesOf(context.lexicon, use.subject, use.predicate, previous);
    const applicability = applicabilityOf(context.lexicon, addressees);
    previous = addressees;
    const modality = modalityOf(use.trigger);
    const force = forceOf(modality);
    const qualifiers = qualifiersOf(use.subject, use.predicate);
    const n = obligations.length + 1;
    obligations.push({
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

  const citedDuties = findCitedDuties(built, context.instruments);
  const footnotes = [...new Set(built.footnotes.map((ref) => ref.number))];
  const citations = [
    ...citationsOf('Provision', key, built.text, footnotes, context.citables, key),
    ...obligations.flatMap((obligation) => citationsOf('Obligation', obligation.key, obligation.text, obligation.footnotes, context.citables, null)),
  ];
  return { key, kind, text: built.text, footnotes, modalUses: uses, obligations, citedDuties, citations, overridesApplied: applied.size };
}
