/**
 * The bodies the Code names, as the reader looks for them: the catalogue's bodies with every
 * alias the Code writes (seed/data/CATALOGUE.md, "bodies"). Not a stage: stage 3 asks it
 * whether a "may" has a body for its subject, stage 5 asks it who a sentence names. Pure.
 */

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

/**
 * The singular of a plural alias ("NHS trusts": "NHS trust", "NHS bodies": "NHS body"), so
 * that new text naming one body ("Every NHS trust should ...") is read like the Code's plurals;
 * null for an alias that is not a plural of one word at its end.
 */
export function singularOf(alias: string): string | null {
  if (/ies$/.test(alias)) return alias.replace(/ies$/, 'y');
  if (/[^s']s$/.test(alias)) return alias.slice(0, -1);
  return null;
}

/** The catalogue's bodies and every alias the Code uses for them (and the singular of each plural), matched as whole words. */
export class BodyLexicon {
  private readonly patterns: { key: string; pattern: RegExp }[];
  constructor(readonly bodies: BodyEntry[]) {
    this.patterns = bodies
      .flatMap((body) => [...new Set(body.aliases.flatMap((alias) => [alias, singularOf(alias) ?? alias]))].map((alias) => ({ key: body.key, alias })))
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

/**
 * The bodies named at the very start of `text`, joined by commas, "and", "or" or "and/or"
 * ("carers and any professional ..."); empty when the text starts with something else.
 */
export function leadingRun(lexicon: BodyLexicon, text: string): string[] {
  const keys: string[] = [];
  let position = 0;
  for (const mention of lexicon.mentions(text)) {
    const gap = text.slice(position, mention.start).toLowerCase().trim();
    const joiner =
      keys.length === 0
        ? /^(?:(?:the|a|an|both|either|all|any|some|each|every|individual|relevant)\s*)*$/
        : /^(?:,|and|or|and\/or|, and|, or)?\s*(?:(?:the|a|an|all|any|some|each|every|individual|relevant)\s*)*$/;
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
  if (leadingRun(lexicon, sentencePrefix).length > 0 || leadingRun(lexicon, main).length > 0) return true;
  // "If statutory partners agree, they may ...": "they" after an opening clause that names a body.
  return main !== sentencePrefix && /^they\s*$/i.test(main) && lexicon.mentions(sentencePrefix.slice(0, sentencePrefix.length - main.length)).length > 0;
}

function unique(keys: string[]): string[] {
  return [...new Set(keys)];
}
