/**
 * Stage 5: who an obligation names (addressees) and who it binds (applicability), by the
 * rules of docs/reading-rules.md, "Addressees" and "Applicability": the statutory partners
 * are local authorities, local health boards and NHS trusts (clause 1.3); commissioners and
 * leaders act for them (glossary); impersonal requirements and guidelines bind them through
 * clauses 1.4 to 1.7; a duty named for local authorities binds only local authorities;
 * duties named for providers reach providers through the statutory partners' contracts
 * (clause 1.10). Each explanation then says how the Code binds that body to an obligation of
 * its force ("Legal basis per body": s.145 of the 2014 Act for local authorities, the Welsh
 * Ministers' direction under the 2006 Act for local health boards and NHS trusts).
 * Addressees: the bodies the subject names, not those after a preposition nor those of a
 * clause opening the sentence; a passive's agent; for "they" (and "it" doing something) the
 * bodies of the sentence before.
 * Reads: each ModalUse that stage 4 left an obligation (its subject and predicate), the
 * bodies of the sentence before in the same provision, and the catalogue's bodies (a
 * BodyLexicon). Writes: addressees (body keys) and Applicability rows.
 */
import { leadingRun, type BodyLexicon, type BodyMention } from '../body-lexicon.ts';
import type { Applicability } from '../model.ts';

export const STATUTORY_PARTNERS = ['local-authority', 'local-health-board', 'nhs-trust'] as const;
/** Words that make the noun after them a complement, not the subject ("through Regional Partnership Boards"). */
const PREPOSITIONS = new Set(['through', 'by', 'with', 'to', 'for', 'of', 'from', 'between', 'among', 'within', 'across', 'behalf', 'on', 'at', 'in', 'into', 'against', 'about', 'amongst', 'alongside', 'via', 'including', 'towards']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'these', 'those', 'both', 'all', 'some', 'any', 'their', 'its', 'each', 'every', 'other', 'individual', 'relevant', 'local', 'and']);
/** Words before "of" that make it partitive ("each of the statutory partners"): the body is then the subject. */
const QUANTIFIERS = new Set(['each', 'all', 'some', 'any', 'none', 'both', 'either', 'neither', 'one', 'many', 'most']);
/** "they" (or "it") opening a clause: the subject is a body named before (the previous sentence's). */
const PRONOUN_SUBJECT = /(?:^|\b(?:and|but|that|so|then|where|if|when))\s*(they|it)$/i;
/**
 * Words that open a clause before the main subject ("When a contract ends early, statutory
 * partners must"): the bodies it names are not the subject, unless the subject is "they".
 */
const OPENING_CLAUSE = /^(?:when|whenever|where|wherever|if|unless|before|after|once|until|while|whilst|as soon as|although|though|because|since|in order to|to|for|in|as|on|during|following|having)\b[^,]*,\s*/i;

/** True when a mention is governed by a preposition ("through Regional Partnership Boards"), but not a partitive "of". */
function isComplement(text: string, mention: BodyMention): boolean {
  const words = text.slice(0, mention.start).trim().split(/\s+/).reverse();
  const bare = words.map((word) => word.toLowerCase().replace(/[^a-z]/g, ''));
  for (const [index, word] of bare.slice(0, 3).entries()) {
    if (word === 'of' && QUANTIFIERS.has(bare[index + 1] ?? '')) return false;
    if (PREPOSITIONS.has(word)) return true;
    if (!DETERMINERS.has(word)) return false;
  }
  return false;
}

/** The bodies a text names as subjects: every mention not governed by a preposition. */
function subjectsIn(lexicon: BodyLexicon, text: string): string[] {
  return unique(
    lexicon
      .mentions(text)
      .filter((mention) => !isComplement(text, mention))
      .map((mention) => mention.key),
  );
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function unique(keys: string[]): string[] {
  return [...new Set(keys)];
}

/**
 * The bodies a modal's subject names; a clause that opens the sentence before the subject
 * ("If a provider fails ..., the local health board may") names none of them, unless the
 * subject is "they" ("Where commissioners identify a risk, they should"). A passive with an
 * agent ("should be read by carers", "must be agreed in writing by both the commissioner and
 * the provider") names the agent. "They", and "it" doing something (not "it must be
 * reviewed"), take `previous`: the bodies of the sentence before. Empty = impersonal.
 */
export function addresseesOf(lexicon: BodyLexicon, subject: string, predicate: string, previous: string[]): string[] {
  const opening = leadingRun(lexicon, subject).length > 0 ? null : OPENING_CLAUSE.exec(subject);
  const main = opening === null ? subject : subject.slice(opening[0].length);
  const named = subjectsIn(lexicon, main);
  if (named.length > 0) return named;
  const agent = /^be\s+(?:[\w-]+ed|[\w-]+en|read|made|set|held|kept|met|done)(?:\s+[\w-]+){0,4}?\s+by\s+(.+)$/is.exec(predicate);
  if (agent?.[1] !== undefined) {
    const agents = leadingRun(lexicon, agent[1]);
    if (agents.length > 0) return agents;
  }
  const pronoun = PRONOUN_SUBJECT.exec(main.trim())?.[1]?.toLowerCase();
  if (pronoun === 'it' && /^be\b/i.test(predicate)) return [];
  if (pronoun !== undefined) {
    const inOpening = opening === null ? [] : subjectsIn(lexicon, opening[0]);
    return inOpening.length > 0 ? inOpening : previous;
  }
  return [];
}

/**
 * The bodies a sentence without an obligation names as its subject, at its start or after an
 * opening phrase ("Providers use the statement to ..."): what "they" in the next sentence
 * refers to. Empty when it opens with something else.
 */
export function openingBodies(lexicon: BodyLexicon, sentence: string): string[] {
  const run = leadingRun(lexicon, sentence);
  if (run.length > 0) return run;
  const opening = OPENING_CLAUSE.exec(sentence);
  return opening === null ? [] : leadingRun(lexicon, sentence.slice(opening[0].length));
}

/**
 * Who is bound by an obligation with these addressees, and why (docs/reading-rules.md,
 * "Applicability"). `bindingOf` gives, for a body bound, the sentence saying how the Code binds
 * it to an obligation of this force (docs/reading-rules.md, "Legal basis per body": s.145 for
 * local authorities, the Welsh Ministers' direction under the 2006 Act for local health boards
 * and NHS trusts), which follows the reason in the explanation.
 */
export function applicabilityOf(lexicon: BodyLexicon, addressees: string[], bindingOf: (body: string) => string | null = () => null): Applicability[] {
  const rows = new Map<string, Applicability>();
  const add = (row: Applicability): void => {
    if (rows.has(row.body)) return;
    const binding = bindingOf(row.body);
    rows.set(row.body, binding === null ? row : { ...row, explanation: `${row.explanation} ${binding}` });
  };
  if (addressees.length === 0) {
    for (const body of STATUTORY_PARTNERS) {
      add({ body, reason: 'IMPERSONAL', via: null, explanation: 'Impersonal requirements and guidelines of the Code bind the statutory partners (clauses 1.4 to 1.7).' });
    }
  }
  for (const key of addressees) {
    const entry = lexicon.body(key);
    if ((STATUTORY_PARTNERS as readonly string[]).includes(key)) {
      add({ body: key, reason: 'NAMED', via: key, explanation: `Named in the obligation (${entry?.name ?? key}).` });
    } else if (key === 'statutory-partners') {
      for (const body of STATUTORY_PARTNERS) {
        add({ body, reason: 'MEMBER_OF_NAMED_GROUP', via: key, explanation: 'One of the statutory partners named in the obligation (clause 1.3).' });
      }
    } else if (entry !== undefined && entry.actsFor.includes('statutory-partners')) {
      for (const body of STATUTORY_PARTNERS) {
        add({ body, reason: 'ACTS_FOR_STATUTORY_PARTNERS', via: key, explanation: `${capitalise(entry.pluralName ?? entry.name)} act on behalf of the statutory partners (clause 1.3 and the glossary).` });
      }
    } else if (key === 'provider') {
      add({ body: key, reason: 'THROUGH_CONTRACTS', via: key, explanation: "Named for providers: reaches them through the statutory partners' contracts (clause 1.10)." });
    }
  }
  return [...rows.values()];
}
