/**
 * Turns what a person types into a Neo4j full-text (Lucene) query, so that no character they
 * type can change the query's meaning or make it fail: every word is required, a phrase in
 * double quotes stays a phrase, and Lucene's operators and special characters are escaped.
 *
 * The full-text indexes read English (docs/graph-model.md, "Constraints and indexes"): their
 * analyzer stems words ("fees" and "fee", "safeguard" and "safeguarding" are one word) and
 * skips the commonest words. So each term also carries a pattern that a text matches when it
 * holds the term as written: a quoted word or phrase must match as written (the index finds
 * its word forms, the pattern keeps the exact ones), and an unquoted one ranks first where it
 * is found as written (docs/architecture.md, "Searching words").
 */
import { badUserInput } from '../core/errors.ts';

/**
 * The words the `english` analyzer of Neo4j 5.26 skips (Lucene's English stop words, from
 * `db.index.fulltext.listAvailableAnalyzers()`; test/integration/word-forms.int.test.ts checks
 * this list against the database). A query of them alone could find nothing, so they are left
 * out of the query and reported as too common.
 */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'if', 'in', 'into', 'is', 'it', 'no', 'not',
  'of', 'on', 'or', 'such', 'that', 'the', 'their', 'then', 'there', 'these', 'they', 'this', 'to', 'was', 'will', 'with',
]);

/** One word or quoted phrase of a full-text query. */
export interface FullTextTerm {
  /** The word, or the phrase in its double quotes, as typed (its case kept). */
  asked: string;
  /** The Lucene clause that must match, such as `+fees` or `+"real living wage"`; escaped. */
  clause: string;
  /** True for a quoted word or phrase: it must be found as written, not in another form. */
  quoted: boolean;
  /**
   * A Java regular expression (for Cypher's `=~`) that a whole text matches when it holds the
   * term as written, whatever its case: the words in order, whole, with only spaces or
   * punctuation between them.
   */
  asWritten: string;
}

/** A checked full-text query. */
export interface FullTextQuery {
  /** Every term's clause, joined: what the full-text index is asked. */
  lucene: string;
  /** The terms searched for (at least one): the quoted ones first, then the others, each once. */
  terms: FullTextTerm[];
  /** The words left out because the index skips them ("the", "and", "of"), lower-cased. */
  tooCommon: string[];
}

/** Lucene's special characters (classic query parser). */
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

const escapeTerm = (term: string): string => term.replace(SPECIAL, (c) => `\\${c}`);

/** Words of a piece of text: runs of letters, digits and the marks inside words (1.53, don't). */
export const wordsOf = (text: string): string[] => text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.\-/]*/gu)?.map((w) => w.replace(/[.'’\-/]+$/u, '')) ?? [];

/** The parts of a word with marks inside ("well-being": well, being; "and/or": and, or). */
const partsOf = (word: string): string[] => word.split(/[.\-/]+/u).filter((part) => part !== '');

/** The alternatives of a word with a slash ("NYTH/NEST": nyth or nest), as the Code's titles use it. */
const alternativesOf = (word: string): string[] => word.split('/').filter((alternative) => alternative !== '');

/** A word literally, for a Java pattern: `\Q...\E` (a word holds no backslash), either apostrophe for one. */
const literal = (word: string): string =>
  word
    .split(/['’]/u)
    .map((piece) => (piece === '' ? '' : `\\Q${piece}\\E`))
    .join("['’]");

/** The pattern of `words` as written, in order, whole, separated by anything but letters and digits. */
function asWrittenPattern(words: readonly string[]): string {
  return `(?siu).*(?<![\\p{L}\\p{N}])${words.map(literal).join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}]).*`;
}

/** The pattern of any one of `words` as written, whole. */
function anyAsWrittenPattern(words: readonly string[]): string {
  return `(?siu).*(?<![\\p{L}\\p{N}])(?:${words.map(literal).join('|')})(?![\\p{L}\\p{N}]).*`;
}

/** One word for Lucene, lower-cased and escaped; in quotes when it has marks inside, so the index's tokenizer splits it ("well-being") as it split the text. */
const wordQuery = (word: string): string => {
  const escaped = escapeTerm(word.toLowerCase());
  return partsOf(word).length === 1 ? escaped : `"${escaped}"`;
};

const isTooCommon = (word: string): boolean => partsOf(word.toLowerCase()).every((part) => ENGLISH_STOP_WORDS.has(part));

/**
 * The terms of `text`: each quoted phrase (or word) and each other word is a required term; a
 * word with marks inside ("well-being", "s.145") is asked in quotes, so that the index reads it
 * as it read the text (all its parts, in order); outside quotes, a slash gives alternatives
 * ("NYTH/NEST": either word, as the Code's titles mean it); the commonest words are left out. Lower-cased,
 * so AND, OR and NOT are words, not operators. Quoted terms come first. Null when no word is
 * left to search for (see parseFullTextQuery for the refusal).
 */
export function fullTextTermsOf(text: string): FullTextQuery | null {
  const terms: FullTextTerm[] = [];
  const tooCommon: string[] = [];
  const add = (term: FullTextTerm): void => {
    // One term per clause; asked both quoted and not, the quoted (stricter) one stays.
    const same = terms.findIndex((t) => t.clause === term.clause);
    if (same === -1) terms.push(term);
    else if (term.quoted && terms[same]?.quoted === false) terms[same] = term;
  };
  const addPhrase = (words: readonly string[]): void => {
    const asked = `"${words.join(' ')}"`;
    const clause = words.length === 1 ? `+${wordQuery(words[0] ?? '')}` : `+"${words.map((w) => escapeTerm(w.toLowerCase())).join(' ')}"`;
    add({ asked, clause, quoted: true, asWritten: asWrittenPattern(words) });
  };
  const addWord = (word: string): void => {
    const alternatives = alternativesOf(word).filter((alternative) => !isTooCommon(alternative));
    if (alternatives.length === 0) tooCommon.push(word.toLowerCase());
    else if (alternatives.length === 1) add({ asked: word, clause: `+${wordQuery(alternatives[0] ?? '')}`, quoted: false, asWritten: asWrittenPattern(alternatives) });
    else add({ asked: word, clause: `+(${alternatives.map(wordQuery).join(' ')})`, quoted: false, asWritten: anyAsWrittenPattern(alternatives) });
  };
  let rest = '';
  let last = 0;
  for (const match of text.matchAll(/"([^"]*)"/g)) {
    rest += ' ' + text.slice(last, match.index);
    last = match.index + match[0].length;
    const phrase = wordsOf(match[1] ?? '');
    if (phrase.length === 0) continue;
    // A quoted stop word alone is skipped by the index as surely as an unquoted one.
    if (phrase.every(isTooCommon)) tooCommon.push(...phrase.map((w) => w.toLowerCase()));
    else addPhrase(phrase);
  }
  rest += ' ' + text.slice(last);
  for (const word of wordsOf(rest)) addWord(word);
  if (terms.length === 0) return null;
  return { lucene: terms.map((term) => term.clause).join(' '), terms, tooCommon: [...new Set(tooCommon)] };
}

/**
 * The checked query for `text` (see fullTextTermsOf). Throws BAD_USER_INPUT (naming
 * `argument`, with an example) when no word is left to search for.
 */
export function parseFullTextQuery(text: string, argument: string): FullTextQuery {
  const query = fullTextTermsOf(text);
  if (query !== null) return query;
  const common = [...new Set(wordsOf(text).filter(isTooCommon).map((w) => w.toLowerCase()))];
  const because = common.length === 0 ? '' : ` ("${common.join('", "')}" ${common.length === 1 ? 'is' : 'are'} too common to be searched for)`;
  throw badUserInput(`${argument} must contain at least one word, such as "fees" or "real living wage"${because}; got "${text}"`, argument);
}

/** The Lucene query for `text` (see parseFullTextQuery). */
export function toFullTextQuery(text: string, argument: string): string {
  return parseFullTextQuery(text, argument).lucene;
}
