/**
 * Stage 4: who an obligation names (addressees) and who it binds (applicability), by the
 * rule in DESIGN.md: the statutory partners are local authorities, local health boards and
 * NHS trusts (clause 1.3); commissioners and leaders act for them (glossary); impersonal
 * requirements and guidelines bind them through clauses 1.4 to 1.7; a duty named for local
 * authorities binds only local authorities; duties named for providers reach providers
 * through the statutory partners' contracts (clause 1.10).
 * Reads: a modal's subject and predicate, the catalogue's bodies. Writes: body keys and
 * Applicability rows.
 */
import type { Applicability } from '../model.ts';

export interface BodyEntry {
  key: string;
  name: string;
  /** Plural as the Code writes it ("commissioners"); used in explanations. */
  pluralName?: string;
  aliases: string[];
  memberOf: string[];
  actsFor: string[];
}

export interface BodyMention {
  key: string;
  start: number;
  end: number;
}

export const STATUTORY_PARTNERS = ['local-authority', 'local-health-board', 'nhs-trust'] as const;
/** Words that make the noun after them a complement, not the subject ("through Regional Partnership Boards"). */
const PREPOSITIONS = new Set(['through', 'by', 'with', 'to', 'for', 'of', 'from', 'between', 'among', 'within', 'across', 'behalf', 'on', 'at', 'in', 'into', 'against', 'about', 'amongst', 'alongside', 'via', 'including', 'towards']);
const DETERMINERS = new Set(['the', 'all', 'some', 'any', 'their', 'its', 'each', 'every', 'other', 'individual', 'relevant', 'local', 'and']);
/** "they" opening a clause: the subject is the previous obligation's. */
const THEY_SUBJECT = /(?:^|\b(?:and|that|so|then|where|if|when))\s*they$/i;

export class BodyLexicon {
  private readonly patterns: { key: string; pattern: RegExp }[];
  constructor(readonly bodies: BodyEntry[]) {
    this.patterns = bodies
      .flatMap((body) => body.aliases.map((alias) => ({ key: body.key, alias })))
      .sort((a, b) => b.alias.length - a.alias.length)
      .map(({ key, alias }) => ({ key, pattern: new RegExp(`\\b${alias.replace(/[.*+?^${}()|[\]\\']/g, '\\$&')}\\b`, 'gi') }));
  }

  /** Every body named in `text`, longest alias first, without overlaps, in text order. */
  mentions(text: string): BodyMention[] {
    const found: BodyMention[] = [];
    for (const { key, pattern } of this.patterns) {
      for (const match of text.matchAll(pattern)) {
        const start = match.index;
        const end = start + match[0].length;
        if (found.some((m) => start < m.end && end > m.start)) continue;
        found.push({ key, start, end });
      }
    }
    return found.sort((a, b) => a.start - b.start);
  }

  body(key: string): BodyEntry | undefined {
    return this.bodies.find((body) => body.key === key);
  }
}

/** True when a mention is governed by a preposition ("through Regional Partnership Boards"). */
function isComplement(text: string, mention: BodyMention): boolean {
  const words = text.slice(0, mention.start).trim().split(/\s+/).reverse();
  for (const word of words.slice(0, 3)) {
    const bare = word.toLowerCase().replace(/[^a-z]/g, '');
    if (PREPOSITIONS.has(bare)) return true;
    if (!DETERMINERS.has(bare)) return false;
  }
  return false;
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function unique(keys: string[]): string[] {
  return [...new Set(keys)];
}

/**
 * The bodies a modal's subject names. A passive with an agent ("should be read by carers")
 * names the agent. "They"/"it" take the previous obligation's addressees. Empty = impersonal.
 */
export function addresseesOf(lexicon: BodyLexicon, subject: string, predicate: string, previous: string[]): string[] {
  const named = lexicon.mentions(subject).filter((mention) => !isComplement(subject, mention));
  if (named.length > 0) return unique(named.map((mention) => mention.key));
  const agent = /^be\s+(?:\w+ed|\w+en|read|made|set|held|kept|met|done)\s+by\s+(.+)$/is.exec(predicate);
  if (agent?.[1] !== undefined) {
    const agents = leadingRun(lexicon, agent[1]);
    if (agents.length > 0) return agents;
  }
  if (THEY_SUBJECT.test(subject.trim())) return previous;
  return [];
}

/**
 * The bodies named at the very start of `text`, joined by commas, "and", "or" or "and/or"
 * ("carers and any professional ..."); empty when the text starts with something else.
 */
export function leadingRun(lexicon: BodyLexicon, text: string): string[] {
  const keys: string[] = [];
  let position = 0;
  for (const mention of lexicon.mentions(text)) {
    const gap = text.slice(position, mention.start).toLowerCase().trim();
    const joiner = keys.length === 0 ? /^(?:(?:the|all|any|some|each|every|individual|relevant)\s*)*$/ : /^(?:,|and|or|and\/or|, and|, or)?\s*(?:(?:the|all|any|some|each|every|individual|relevant)\s*)*$/;
    if (!joiner.test(gap)) break;
    keys.push(mention.key);
    position = mention.end;
  }
  return unique(keys);
}

/**
 * True when a body is the subject of the main clause, at the start of the sentence after
 * any opening phrase ("When commissioning, statutory partners may"); used to read "may" as a
 * permission rather than a possibility ("ways in which a local authority may meet needs").
 */
export function isBodySubject(lexicon: BodyLexicon, sentencePrefix: string): boolean {
  const main = sentencePrefix.replace(/^[^,]*,\s*/, '');
  return leadingRun(lexicon, sentencePrefix).length > 0 || leadingRun(lexicon, main).length > 0;
}

/** Who is bound by an obligation with these addressees, and why (DESIGN.md's rule). */
export function applicabilityOf(lexicon: BodyLexicon, addressees: string[]): Applicability[] {
  const rows = new Map<string, Applicability>();
  const add = (row: Applicability): void => {
    if (!rows.has(row.body)) rows.set(row.body, row);
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
