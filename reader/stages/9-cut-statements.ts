/**
 * Stage 9: each obligation's own statement (docs/reading-rules.md, "Statements"). One sentence
 * may hold two obligations ("Providers should ensure ... and must work with ..."); both carry
 * the whole sentence as their text, and this stage cuts out the part that is each one: its
 * subject, modal verb and predicate, with a shared subject restored ("Providers must work with
 * statutory partners ..."). Reads: ProvisionText (stage 2), the ModalUses after overrides
 * (stages 3 and 4: sentences, subjects) and whether a text opens with a body (a BodyLexicon
 * test). Writes: one Statement per obligation, in the obligations' order.
 *
 * Rules, for the obligations of one sentence (modals that are not obligations do not cut):
 * - a sentence with one obligation is its statement, whole (with its list, if it leads in);
 * - otherwise the sentence is cut before each later obligation: before its own subject when
 *   it has one ("... and leaders should ...", "... and there must be ...", "... measures which
 *   providers must ..."), reaching back over a noun phrase to the conjunction before a
 *   determiner ("... services and the sufficiency of care and support ... must ..."); when it
 *   shares the subject ("... and must ..."), at the conjunction before its modal, and the shared
 *   subject is restored in front of it (on one line, without a list item's marker or a
 *   lead-in's colon: "local authorities:\na) must ...; and\nb) should ..." gives "local
 *   authorities should ...");
 * - the first part starts where the sentence starts; a later part starting with a list item
 *   starts after its marker; each part but the last ends before the conjunction (or relative
 *   pronoun) that joins it to the next, trailing commas and semicolons dropped; the last ends
 *   where the sentence ends.
 * So a statement is always the text between its offsets, on one line, with at most a restored
 * subject and a space in front.
 */
import type { ModalUse, ProvisionText, Statement } from '../model.ts';
import { sentenceText } from './3-find-modal-uses.ts';

/** A conjunction that joins two clauses of one sentence, with the punctuation and spaces around it. */
const JOIN = /(?:[,;]\s*)?\b(?:and|but|or|whilst|while|whereas)\b[,\s]*|;\s*/gi;
/** The same, or a relative pronoun: what may stand right before a later part's own subject ("... measures which providers must ..."). */
const JOIN_OR_RELATIVE = /(?:[,;]\s*)?\b(?:and|but|or|whilst|while|whereas|which|that|who|whom)\b[,\s]*|;\s*/gi;
/** A list item's marker and its space, where a part starts with an item ("b) should consult ..."). */
const ITEM_MARKER = /^(?:[a-z]{1,3}\)|[ivxlc]+\.|-)\s+/i;
/** Words that open a noun phrase or stand for one: a clause's subject can start with them. */
const SUBJECT_OPENER = /^(?:the|a|an|this|these|those|there|it|they|each|every|all|any|no|their|its|such)\b/i;

interface Cut {
  /** Where the later part starts. */
  start: number;
  /** Where the earlier part ends (before the conjunction). */
  end: number;
  restoredSubject: string | null;
}

/** The text from `start` to `end` on one line (as an obligation's sentence is). */
const oneLine = (provision: ProvisionText, start: number, end: number): string => sentenceText(provision, { start, end });

/** Moves `end` back over spaces, commas and semicolons. */
function trimEnd(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && /[\s,;]/.test(text.charAt(at - 1))) at -= 1;
  return at;
}

/** Moves `start` on over spaces, commas and semicolons. */
function trimStart(text: string, start: number, end: number): number {
  let at = start;
  while (at < end && /[\s,;]/.test(text.charAt(at))) at += 1;
  return at;
}

/** The conjunctions (or, with JOIN_OR_RELATIVE, relative pronouns) in text[from, to), as offsets in the text. */
function joins(text: string, from: number, to: number, pattern: RegExp = JOIN): { start: number; end: number }[] {
  return [...text.slice(from, to).matchAll(pattern)].map((match) => ({ start: from + match.index, end: from + match.index + match[0].length }));
}

/** Past a list item's marker at `start`, if one stands there. */
function pastMarker(text: string, start: number): number {
  return start + (ITEM_MARKER.exec(text.slice(start))?.[0].length ?? 0);
}

/**
 * A shared subject as it is put back: on one line, without a list item's marker or the colon
 * of a lead-in at its end ("local authorities:\na)" is "local authorities"); null when empty.
 */
function restorable(subject: string): string | null {
  const cleaned = subject
    .replace(/\s+/g, ' ')
    .replace(/\s(?:[a-z]{1,3}\)|[ivxlc]+\.|-)$/i, '')
    .replace(/[\s:;,]+$/, '')
    .trim();
  return cleaned === '' ? null : cleaned;
}

/** Where the sentence is cut before `use`, the previous obligation of its sentence ending at `after`. */
function cutBefore(provision: ProvisionText, use: ModalUse, after: number, isBodySubject: (text: string) => boolean): Cut {
  const { text } = provision;
  const regionEnd = trimEnd(text, after, use.start);
  const own = use.subject !== '' && text.slice(after, regionEnd).endsWith(use.subject);
  if (own) {
    const subjectStart = regionEnd - use.subject.length;
    let start = subjectStart;
    if (!SUBJECT_OPENER.test(use.subject) && !isBodySubject(use.subject)) {
      const opener = joins(text, after, subjectStart)
        .filter((join) => SUBJECT_OPENER.test(text.slice(join.end, subjectStart)) || isBodySubject(text.slice(join.end, use.start)))
        .pop();
      if (opener !== undefined) start = opener.end;
    }
    const joined = joins(text, after, start, JOIN_OR_RELATIVE).find((join) => join.end === start);
    return { start: pastMarker(text, start), end: trimEnd(text, after, joined?.start ?? start), restoredSubject: null };
  }
  const joined = joins(text, after, use.start).pop();
  const start = pastMarker(text, trimStart(text, joined?.end ?? use.start, use.start));
  return { start, end: trimEnd(text, after, joined?.start ?? use.start), restoredSubject: restorable(use.subject) };
}

/** The statement of every obligation among `uses`, in their order; pure. */
export function cutStatements(provision: ProvisionText, uses: readonly ModalUse[], isBodySubject: (text: string) => boolean): Statement[] {
  const obligations = uses.filter((use) => use.isObligation);
  const statements: Statement[] = [];
  let index = 0;
  while (index < obligations.length) {
    const first = obligations[index];
    if (first === undefined) break;
    const sentence = obligations.slice(index).filter((use) => use.sentenceStart === first.sentenceStart);
    const cuts = sentence.slice(1).map((use, n) => cutBefore(provision, use, sentence[n]?.end ?? first.end, isBodySubject));
    sentence.forEach((_use, n) => {
      const start = n === 0 ? first.sentenceStart : (cuts[n - 1]?.start ?? first.sentenceStart);
      const end = cuts[n]?.end ?? first.sentenceEnd;
      const restoredSubject = n === 0 ? null : (cuts[n - 1]?.restoredSubject ?? null);
      const part = oneLine(provision, start, end);
      statements.push({ statement: restoredSubject === null ? part : `${restoredSubject} ${part}`, statementStart: start, statementEnd: end, restoredSubject });
    });
    index += sentence.length;
  }
  return statements;
}
