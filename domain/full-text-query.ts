/**
 * Turns what a person types into a Neo4j full-text (Lucene) query, so that no character they
 * type can change the query's meaning or make it fail: every word is required, a phrase in
 * double quotes stays a phrase, and Lucene's operators and special characters are escaped.
 */
import { badUserInput } from '../core/errors.ts';

/** Lucene's special characters (classic query parser). */
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

const escapeTerm = (term: string): string => term.replace(SPECIAL, (c) => `\\${c}`);

/** Words of a piece of text: runs of letters, digits and the marks inside words (1.53, don't). */
const words = (text: string): string[] => text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.\-/]*/gu)?.map((w) => w.replace(/[.'’\-/]+$/u, '')) ?? [];

/**
 * The Lucene query for `text`: `+word` for each word and `+"a phrase"` for each quoted phrase,
 * lower-cased so AND, OR and NOT are words, not operators. Throws BAD_USER_INPUT when the
 * text has no word in it.
 */
export function toFullTextQuery(text: string, argument: string): string {
  const clauses: string[] = [];
  const phrasePattern = /"([^"]*)"/g;
  let rest = '';
  let last = 0;
  for (const match of text.matchAll(phrasePattern)) {
    rest += ' ' + text.slice(last, match.index);
    last = match.index + match[0].length;
    const phraseWords = words(match[1] ?? '').map((w) => escapeTerm(w.toLowerCase()));
    if (phraseWords.length > 1) clauses.push(`+"${phraseWords.join(' ')}"`);
    else if (phraseWords.length === 1) clauses.push(`+${phraseWords[0]}`);
  }
  rest += ' ' + text.slice(last);
  for (const word of words(rest)) clauses.push(`+${escapeTerm(word.toLowerCase())}`);
  if (clauses.length === 0) {
    throw badUserInput(`${argument} must contain at least one word, such as "fees" or "real living wage"; got "${text}"`, argument);
  }
  return [...new Set(clauses)].join(' ');
}
