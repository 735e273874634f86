/**
 * Stage 5: who an obligation names (addressees) and who it binds (applicability), by the
 * rules of docs/reading-rules.md, "Addressees" and "Applicability": the statutory partners
 * are local authorities, local health boards and NHS trusts (clause 1.3); commissioners and
 * leaders act for them (glossary); impersonal requirements and guidelines bind them through
 * clauses 1.4 to 1.7; a duty named for local authorities binds only local authorities;
 * duties named for providers reach providers through the statutory partners' contracts
 * (clause 1.10).
 * Reads: each ModalUse that stage 4 left an obligation (its subject and predicate), the
 * previous obligation's addressees in the same provision, and the catalogue's bodies (a
 * BodyLexicon). Writes: addressees (body keys) and Applicability rows.
 */
import { leadingRun, type BodyLexicon, type BodyMention } from '../body-lexicon.ts';
import type { Applicability } from '../model.ts';

export const STATUTORY_PARTNERS = ['local-authority', 'local-health-board', 'nhs-trust'] as const;
/** Words that make the noun after them a complement, not the subject ("through Regional Partnership Boards"). */
const PREPOSITIONS = new Set(['through', 'by', 'with', 'to', 'for', 'of', 'from', 'between', 'among', 'within', 'across', 'behalf', 'on', 'at', 'in', 'into', 'against', 'about', 'amongst', 'alongside', 'via', 'including', 'towards']);
const DETERMINERS = new Set(['the', 'all', 'some', 'any', 'their', 'its', 'each', 'every', 'other', 'individual', 'relevant', 'local', 'and']);
/** "they" opening a clause: the subject is the previous obligation's. */
const THEY_SUBJECT = /(?:^|\b(?:and|that|so|then|where|if|when))\s*they$/i;

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

/** Who is bound by an obligation with these addressees, and why (docs/reading-rules.md, "Applicability"). */
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
