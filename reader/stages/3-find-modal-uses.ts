/**
 * Stage 3: finds every modal verb (must, must not, should, should not, may) in a provision
 * and decides whether it states a duty or guideline (docs/reading-rules.md, "What counts as
 * an obligation"). Reads: ProvisionText (stage 2) and whether a clause opens with a body
 * (a BodyLexicon test, for "may"). Writes: ModalUse[] (every modal, with its sentence,
 * subject, predicate, the decision, its reason and which rule gave it), which stage 4 may
 * overrule.
 *
 * Rules, in order:
 * - "not" or "never" after the modal negates it ("must never" is a prohibition);
 * - a modal inside quotation marks (double, or single ones that are not apostrophes) is a
 *   mention or a quotation, not this Code's duty (clause 1.8 defines the words; clause 1.72
 *   quotes the Environment (Wales) Act 2016);
 * - a modal in a sentence that begins "This means" explains what precedes it;
 * - "may" grants a permission only when a body is its subject ("Statutory partners may");
 *   otherwise it describes a possibility ("it may be necessary", "may be published"), and in a
 *   clause of purpose ("so that commissioners may find ...") it says what a duty is for;
 * - everything else is an obligation: one per modal, whose text is its sentence, and a
 *   sentence that leads into a list includes the list;
 * - its subject is the words before it, from the last word that opens a clause, keeping a
 *   relative clause that belongs to a body before it ("Commissioners who manage ... should").
 */
import type { ModalUse, ProvisionText, UncountedModalKind } from '../model.ts';

/** A modal verb, negated by "not" or "never" ("must never" is a prohibition, like "must not"). */
const MODAL = /\b(must|should|may)(\s+(?:not|never)\b)?/gi;
const SENTENCE_END = /[.!?]["'”’)]?\s+(?=["'“‘(]?[A-Z0-9])/g;
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'no', 's', 'st', 'ss', 'para', 'paras', 'mr', 'mrs', 'dr', 'vol']);
/** Words that join two clauses; the words after the last one before a modal are its subject. */
const CLAUSE_JOIN = /(?:[,;:]|\b(?:and|or|but|which|that|who|whilst|while|where|so|however|therefore))\s+(?=[^,;:]*$)/gi;
const ADVERBS = /^(?:also|therefore|further|furthermore|additionally|equally|then|similarly|in turn|in addition|as a minimum)$/i;

export interface Sentence {
  start: number;
  end: number;
}

/** Splits one paragraph (offsets into `text` from `from` to `to`) into sentences. */
export function splitSentences(text: string, from: number, to: number): Sentence[] {
  const paragraph = text.slice(from, to);
  const sentences: Sentence[] = [];
  let start = 0;
  for (const match of paragraph.matchAll(SENTENCE_END)) {
    const before = paragraph.slice(start, match.index + 1);
    const lastWord = /([A-Za-z.]+)\.$/.exec(before)?.[1]?.toLowerCase() ?? '';
    if (ABBREVIATIONS.has(lastWord)) continue;
    const end = match.index + match[0].trimEnd().length;
    sentences.push({ start: from + start, end: from + end });
    start = match.index + match[0].length;
  }
  if (start < paragraph.length) sentences.push({ start: from + start, end: to });
  return sentences;
}

/** A sentence's text on one line: the lines of a lead-in and its list joined by single spaces. */
export function sentenceText(provision: ProvisionText, sentence: Sentence): string {
  return provision.text.slice(sentence.start, sentence.end).replace(/\n\s*/g, ' ').trim();
}

/**
 * The sentences of a provision: each paragraph split into sentences; the last sentence of a
 * paragraph runs on over the list items that follow it (a lead-in includes its list).
 */
export function provisionSentences(provision: ProvisionText): Sentence[] {
  const sentences: Sentence[] = [];
  provision.spans.forEach((span) => {
    if (span.part.kind === 'ITEM') {
      const last = sentences[sentences.length - 1];
      if (last !== undefined) last.end = span.end;
      else sentences.push({ start: span.start, end: span.end });
      return;
    }
    sentences.push(...splitSentences(provision.text, span.start, span.end));
  });
  return sentences;
}

/**
 * True when `offset` falls inside a quotation: double quotes (straight or curly), or single
 * quotes (straight or curly) that open after a space or bracket and close before a non-letter,
 * so that an apostrophe ("Minister's", "providers' costs") opens nothing.
 */
function insideQuotes(sentence: string, offset: number): boolean {
  const before = sentence.slice(0, offset);
  const straight = (before.match(/"/g) ?? []).length;
  const open = (before.match(/“/g) ?? []).length;
  const close = (before.match(/”/g) ?? []).length;
  if (straight % 2 === 1 || open > close) return true;
  let single = 0;
  for (const match of before.matchAll(/['‘’]/g)) {
    const previous = sentence.charAt(match.index - 1);
    const next = sentence.charAt(match.index + 1);
    if (match[0] !== '’' && (previous === '' || /[\s([]/.test(previous)) && /[A-Za-z]/.test(next)) single += 1;
    else if (match[0] !== '‘' && single > 0 && /[^\s([]/.test(previous) && !/[A-Za-z]/.test(next)) single -= 1;
  }
  return single > 0;
}

/** A "may" in a clause of purpose ("... so that commissioners may find ..."): what a duty is for, not a permission. */
const PURPOSE = /\b(?:so|in order) that\b[^,;:]*$/i;

/** Words that open a new clause whose subject follows them ("... which commissioners must"). */
const NEW_CLAUSE = /(?:\b(?:which|that|who|whom|however|therefore|thus)\b,?|;)\s+/gi;
const RELATIVE_END = /\b(?:which|that|who|whom)\s*$/i;

/**
 * The subject of a sentence's first modal: the words after the last clause opener before it.
 * A relative clause that has no body of its own for a subject but follows one ("Commissioners
 * who manage framework agreements should ...") is part of the subject, not a new clause; with
 * `opensWithBody` (a BodyLexicon test), the subject then keeps the words before the pronoun.
 */
export function mainSubject(prefix: string, opensWithBody: (text: string) => boolean = () => false): string {
  const openers = [...prefix.matchAll(NEW_CLAUSE)].map((match) => ({ at: match.index, after: match.index + match[0].length, relative: /^(?:which|that|who|whom)\b/i.test(match[0]) }));
  const afterOpener = (index: number): number => openers[index]?.after ?? 0;
  let index = openers.length - 1;
  for (let opener = openers[index]; opener !== undefined; opener = openers[index]) {
    const belongsToSubject = opener.relative && !opensWithBody(prefix.slice(opener.after)) && opensWithBody(prefix.slice(afterOpener(index - 1), opener.at));
    if (!belongsToSubject) break;
    index -= 1;
  }
  return prefix.slice(afterOpener(index)).trim();
}

/** A list item's marker alone ("b)", "ii.", "-"): the item shares the lead-in's subject. */
const MARKER_ONLY = /^(?:[a-z]{1,3}\)|[ivxlc]+\.|-)$/i;

/**
 * The words before a later modal in the same sentence when they name a new subject; null when
 * the modal shares the previous one's subject ("must A and must B"). A relative pronoun right
 * before the modal ("adults who may be") gives an empty subject: no body acts there.
 */
function ownSubject(between: string): string | null {
  if (RELATIVE_END.test(between)) return '';
  let tail = between;
  let cut = -1;
  for (const match of between.matchAll(CLAUSE_JOIN)) cut = match.index + match[0].length;
  if (cut >= 0) tail = between.slice(cut);
  tail = tail.trim();
  if (tail === '' || ADVERBS.test(tail) || MARKER_ONLY.test(tail)) return null;
  return tail;
}

/** Finds and classifies every modal verb of a provision; pure. */
export function findModalUses(provision: ProvisionText, isBodySubject: (sentencePrefix: string) => boolean): ModalUse[] {
  const uses: ModalUse[] = [];
  /** Whether the sentence before opened with a body: what "They may" in the next one refers to. */
  let previousOpensWithBody = false;
  for (const sentence of provisionSentences(provision)) {
    const text = provision.text.slice(sentence.start, sentence.end);
    const matches = [...text.matchAll(MODAL)];
    let subject = '';
    /** The words that open the modal's clause, up to the modal: what "may" needs a body in. */
    let clause = '';
    matches.forEach((match, index) => {
      const start = match.index;
      const end = start + match[0].length;
      const previous = matches[index - 1];
      if (previous === undefined) {
        clause = text.slice(0, start);
        subject = mainSubject(clause, isBodySubject);
      } else {
        const own = ownSubject(text.slice(previous.index + previous[0].length, start));
        if (own !== null) {
          subject = own;
          clause = own;
        }
      }
      const next = matches[index + 1];
      const predicate = text.slice(end, next === undefined ? text.length : next.index).trim();
      const word = (match[1] ?? '').toLowerCase();
      let because: string | null = null;
      let kind: UncountedModalKind | null = null;
      if (insideQuotes(text, start)) {
        because = 'inside quotation marks: the word is mentioned or another instrument is quoted, not a duty of this Code';
        kind = 'QUOTATION';
      } else if (/^this means\b/i.test(text)) {
        because = 'in a sentence explaining what precedes it ("This means ..."), not a duty of its own';
        kind = 'EXPLANATION';
      } else if (word === 'may' && PURPOSE.test(text.slice(0, start))) {
        because = 'in a clause of purpose ("so that ... may"): it says what a duty is for, it does not grant a permission';
        kind = 'DESCRIPTION';
      } else if (word === 'may' && !isBodySubject(clause) && !(previousOpensWithBody && /^they$/i.test(subject))) {
        because = 'describes a possibility ("may"), it does not grant a permission to a body';
        kind = 'DESCRIPTION';
      }
      uses.push({
        provision: provision.key,
        trigger: match[0].replace(/\s+/g, ' '),
        start: sentence.start + start,
        end: sentence.start + end,
        sentenceStart: sentence.start,
        sentenceEnd: sentence.end,
        subject,
        predicate,
        isObligation: because === null,
        notObligationBecause: because,
        notObligationKind: kind,
      });
    });
    previousOpensWithBody = isBodySubject(text);
  }
  return uses;
}
