/**
 * The reader's data model: what each stage of the reader (reader/stages/) reads and writes.
 * Plain data only (no driver types), so every stage is pure and testable by golden files.
 */

import type { ApplicabilityReason, Force, Modality, ProvisionKind, Qualifier, UncountedModalKind } from '../core/vocabulary.ts';

// The closed sets are the graph's, defined once for the seed that writes them and the loaders that read them.
export type { ApplicabilityReason, Force, Modality, ProvisionKind, Qualifier, UncountedModalKind };

/** Where a fact was read: a line of the clean text (1-based). */
export interface Location {
  line: number;
}

/** A paragraph or a list item of the clean text, with its footnote markers still in place. */
export interface Part extends Location {
  kind: 'PARAGRAPH' | 'ITEM';
  /** `a)`, `i.`, `-` for items; null for paragraphs. */
  marker: string | null;
  /** 0 for paragraphs, 1 for items, 2 for nested items. */
  depth: number;
  text: string;
}

export interface ParsedProvision extends Location {
  kind: ProvisionKind;
  key: string;
  number: string;
  title: string | null;
  parts: Part[];
}

export interface ParsedTerm extends Location {
  key: string;
  term: string;
  parts: Part[];
}

export interface ParsedHeading extends Location {
  key: string;
  title: string;
  /** Paragraphs under the heading before its first provision (clean text, no markers). */
  parts: Part[];
  provisions: ParsedProvision[];
  terms: ParsedTerm[];
}

export interface ParsedFootnote extends Location {
  number: number;
  text: string;
  url: string | null;
}

export interface EditorialNote extends Location {
  text: string;
}

/** Output of stage 1: the Code's structure exactly as the clean text marks it. */
export interface ParsedCode {
  frontMatter: Record<string, string>;
  headings: ParsedHeading[];
  footnotes: ParsedFootnote[];
  notes: EditorialNote[];
}

/** A footnote reference, at its offset in the provision's clean text. */
export interface FootnoteRef {
  number: number;
  offset: number;
}

/** Output of stage 2: a provision's text as stored in the graph. */
export interface ProvisionText {
  key: string;
  /** Lines joined by newlines; list items keep their markers; no footnote markers. */
  text: string;
  /** Offsets of each part in `text`, in part order. */
  spans: { start: number; end: number; part: Part }[];
  footnotes: FootnoteRef[];
}

/** A modal verb stage 3 found and what it decided about it (stage 4 may change the decision). */
export interface ModalUse {
  provision: string;
  trigger: string;
  start: number;
  end: number;
  /** The sentence holding it (a list lead-in includes its list), as offsets in the text. */
  sentenceStart: number;
  sentenceEnd: number;
  /** The text before the modal that names who must act (may be empty). */
  subject: string;
  /** The words after the modal up to the next modal or the sentence's end. */
  predicate: string;
  isObligation: boolean;
  /** Why it is not an obligation (null when it is one). */
  notObligationBecause: string | null;
  /** Which rule decided it is not one (null when it is one). */
  notObligationKind: UncountedModalKind | null;
}

/**
 * A modal verb read but not counted as an obligation, as its provision lists it
 * (docs/graph-model.md, "Nodes"): where it stands in the provision's text, which rule decided
 * and why (an override's own reason where an override decided).
 */
export interface UncountedModal {
  trigger: string;
  start: number;
  end: number;
  kind: UncountedModalKind;
  reason: string;
}

/**
 * Output of stage 9: the part of an obligation's sentence that is this obligation (its
 * subject, modal verb and predicate), as offsets in the provision's text, and the shared
 * subject it restores when the part has none of its own ("Providers should ensure ... and
 * must work with ...": the second is "Providers must work with ...").
 */
export interface Statement {
  /** The restored subject (if any), a space, then the text from statementStart to statementEnd on one line. */
  statement: string;
  statementStart: number;
  statementEnd: number;
  /** The subject put in front of the part, taken from the earlier part of the sentence; null when none was needed. */
  restoredSubject: string | null;
}

export interface Obligation extends Statement {
  key: string;
  provision: string;
  /** n within the provision (1-based). */
  index: number;
  /** The whole sentence (a list lead-in includes its list); `statement` is this obligation's part of it. */
  text: string;
  modality: Modality;
  force: Force;
  trigger: string;
  triggerStart: number;
  triggerEnd: number;
  addressees: string[];
  qualifiers: Qualifier[];
  fromOverride: boolean;
  overrideReason: string | null;
  /** Footnote numbers whose markers fall inside the obligation's sentence. */
  footnotes: number[];
}

export interface Applicability {
  body: string;
  reason: ApplicabilityReason;
  explanation: string;
  via: string | null;
}

/** A statutory duty the Code restates (clause 1.85): recorded as cited, not as the Code's own. */
export interface CitedDuty {
  provision: string;
  text: string;
  provisionKey: string;
}
