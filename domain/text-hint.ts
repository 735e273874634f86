/**
 * What to say when a search of words finds nothing (docs/architecture.md, "Searching words"):
 * for each word or quoted phrase asked, whether it is found where it was looked for, and if
 * not, the nearest words that are; or, when every word is found but not together, how often
 * each is; or, when they are found together, that the other filters left nothing.
 *
 * The nearest words come from the words of the texts searched (the graph's words), not from
 * the full-text index: the index holds stems ("commiss", "safeguard"), which a person would
 * not type back, and Neo4j does not list an index's terms. The texts of one revision hold a
 * few thousand distinct words, so an edit distance over them is cheap, and every suggestion
 * is a word that is really there, as written.
 */
import { ENGLISH_STOP_WORDS, wordsOf, type FullTextTerm } from './full-text-query.ts';

export const WORD_STATUSES = ['FOUND', 'NOT_FOUND', 'TOO_COMMON'] as const;
export type WordStatus = (typeof WORD_STATUSES)[number];

/** One word or phrase asked, and what became of it. */
export interface WordHint {
  /** The argument it was asked in (`filter.text`, `filter.topic`, `text`). */
  argument: string;
  /** The word, or the phrase in its quotes, as asked. */
  asked: string;
  status: WordStatus;
  /** How many of the things looked in hold it on its own (a quoted one as written). */
  matches: number;
  /** For a word not found: the nearest words that are, closest first (at most five). */
  suggestions: string[];
}

export interface TextHint {
  /** One or two sentences a person can read: what was not found, and what to try. */
  message: string;
  words: WordHint[];
}

/** How many texts hold each word: lower-cased word → count. */
export type Vocabulary = ReadonlyMap<string, number>;

/** The words of `texts` (whole, and the parts of "well-being"), lower-cased, without the commonest ones, each with the number of texts that hold it. */
export function vocabularyOf(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    const seen = new Set<string>();
    for (const word of wordsOf(text)) {
      const lower = word.toLowerCase();
      for (const form of [lower, ...lower.split(/[.\-/]+/u)]) {
        if (form.length >= 2 && !ENGLISH_STOP_WORDS.has(form)) seen.add(form);
      }
    }
    for (const word of seen) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

/**
 * The edit distance of `a` and `b` (insertions, deletions, substitutions and transpositions of
 * neighbours, as Lucene's fuzzy matching counts them), or `max + 1` when it is more than `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let smallest = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (before[j - 2] ?? 0) + 1);
      current.push(value);
      smallest = Math.min(smallest, value);
    }
    if (smallest > max) return max + 1;
    before = previous;
    previous = current;
  }
  return Math.min(previous[b.length] ?? max + 1, max + 1);
}

/** How far a suggestion may be from a word (as Lucene's AUTO fuzziness): none up to 2 letters, 1 edit up to 5, then 2. */
export const maxEdits = (word: string): number => (word.length <= 2 ? 0 : word.length <= 5 ? 1 : 2);

/** The words of `vocabulary` nearest to `word` (not `word` itself), closest first, then the most frequent, then alphabetical. */
export function nearestWords(word: string, vocabulary: Vocabulary, limit = 5): string[] {
  const asked = word.toLowerCase();
  const max = maxEdits(asked);
  if (max === 0) return [];
  const near: { word: string; distance: number; count: number }[] = [];
  for (const [candidate, count] of vocabulary) {
    if (candidate === asked) continue;
    const distance = editDistance(asked, candidate, max);
    if (distance <= max) near.push({ word: candidate, distance, count });
  }
  near.sort((x, y) => x.distance - y.distance || y.count - x.count || (x.word < y.word ? -1 : x.word > y.word ? 1 : 0));
  return near.slice(0, limit).map((n) => n.word);
}

/** Where one argument's words were looked for. */
export interface HintScope {
  argument: string;
  /** Where, in words, such as "the text of any obligation of revision 2024-09-01". */
  where: string;
  /** The words there (vocabularyOf their texts). */
  vocabulary: Vocabulary;
}

/** What the index found for one term on its own. */
export interface TermFinding {
  argument: string;
  term: FullTextTerm;
  /** Things holding it (a quoted term as written). */
  matches: number;
  /** Things holding it in any form of its words (the same as `matches` for an unquoted term). */
  matchesInAnyForm: number;
}

export interface HintInput {
  scopes: readonly HintScope[];
  findings: readonly TermFinding[];
  tooCommon: readonly { argument: string; word: string }[];
  /** Things holding every term of every argument (before any other filter). */
  together: number;
  /** The thing counted, singular and plural: ["obligation", "obligations"]. */
  noun: readonly [string, string];
}

const quote = (words: readonly string[]): string => words.map((w) => `"${w}"`).join(', ');
const counted = (n: number, noun: readonly [string, string]): string => `${n} ${n === 1 ? noun[0] : noun[1]}`;
const unquoted = (asked: string): string => asked.replace(/^"|"$/g, '');
/** A word in quotes; a phrase already has them. */
const shown = (asked: string): string => (asked.startsWith('"') ? asked : `"${asked}"`);

function suggestionsFor(finding: TermFinding, vocabulary: Vocabulary): string[] {
  if (finding.term.quoted && finding.matchesInAnyForm > 0) return [unquoted(finding.term.asked)];
  const words = wordsOf(unquoted(finding.term.asked));
  if (words.length === 1) return nearestWords(words[0] ?? '', vocabulary);
  // A phrase: each word that is not there replaced by its nearest word.
  const replaced = words.map((word) => (vocabulary.has(word.toLowerCase()) ? word.toLowerCase() : nearestWords(word, vocabulary, 1)[0]));
  return replaced.every((word) => word !== undefined) ? [`"${replaced.join(' ')}"`] : [];
}

/**
 * The hint for an answer that found nothing: the state of each word, and a message saying
 * the first thing that went wrong (words not found, words not found together, or other
 * filters), with the words left out as too common.
 */
export function textHint(input: HintInput): TextHint {
  const scopeOf = (argument: string): HintScope | undefined => input.scopes.find((scope) => scope.argument === argument);
  const words: WordHint[] = input.findings.map((finding) => {
    const found = finding.matches > 0;
    const vocabulary = scopeOf(finding.argument)?.vocabulary ?? new Map<string, number>();
    return {
      argument: finding.argument,
      asked: finding.term.asked,
      status: found ? 'FOUND' : 'NOT_FOUND',
      matches: finding.matches,
      suggestions: found ? [] : suggestionsFor(finding, vocabulary),
    };
  });
  const sentences: string[] = [];
  const missing = words.filter((word) => word.status === 'NOT_FOUND');
  if (missing.length > 0) {
    for (const word of missing) {
      const finding = input.findings.find((f) => f.argument === word.argument && f.term.asked === word.asked);
      const where = scopeOf(word.argument)?.where ?? 'anywhere searched';
      if (finding !== undefined && finding.term.quoted && finding.matchesInAnyForm > 0) {
        sentences.push(`${word.asked} is not found as written in ${where}, but in other forms in ${counted(finding.matchesInAnyForm, input.noun)}: try it without the quotes.`);
      } else if (word.suggestions.length > 0) {
        sentences.push(`${shown(word.asked)} is not found in ${where}, in any form; the nearest words that are: ${quote(word.suggestions)}.`);
      } else {
        sentences.push(`${shown(word.asked)} is not found in ${where}, in any form, and no word there is near it.`);
      }
    }
  } else if (input.together === 0) {
    const each = words.map((word, index) => `${shown(word.asked)} in ${index === 0 ? counted(word.matches, input.noun) : word.matches}`);
    sentences.push(`Each word is found, but no ${input.noun[0]} holds them all: ${each.join(', ')}.`);
  } else {
    sentences.push(`${counted(input.together, input.noun)} ${input.together === 1 ? 'holds' : 'hold'} every word asked for, but none of them matches the other filters.`);
  }
  const common = [...new Set(input.tooCommon.map((t) => t.word))];
  if (common.length > 0) sentences.push(`${quote(common)} ${common.length === 1 ? 'was' : 'were'} left out: too common to be searched for.`);
  const tooCommon: WordHint[] = input.tooCommon.map((t) => ({ argument: t.argument, asked: t.word, status: 'TOO_COMMON', matches: 0, suggestions: [] }));
  return { message: sentences.join(' '), words: [...words, ...tooCommon] };
}
