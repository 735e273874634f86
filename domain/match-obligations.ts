/**
 * Which obligation an edit leaves standing (docs/reading-rules.md, "Edits"): when an editor
 * rewrites a provision, the reader reads it afresh, and each new obligation either continues
 * one of the provision's old obligations (and keeps its lineage id) or is new. They are
 * matched by the words of their sentence, their place in the provision and their modal verb,
 * never by key alone: a "should" made "must" is the same obligation, strengthened; a sentence
 * replaced by another is a removal and an addition. Pure.
 */

export interface ObligationBefore {
  lineage: string;
  /** Its number within the provision (3 for S8/3). */
  index: number;
  trigger: string;
  text: string;
}

export interface ObligationAfter {
  index: number;
  trigger: string;
  text: string;
}

const words = (text: string): Set<string> => new Set(text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []);

/** How alike two sentences are: the Dice coefficient of their sets of words (0 to 1). */
export function similarity(a: string, b: string): number {
  const left = words(a);
  const right = words(b);
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  return (2 * shared) / (left.size + right.size);
}

/** Below this, two sentences are different sentences, wherever they stand. */
export const SAME_SENTENCE = 0.5;
/** In the same place, with the same modal verb, a sentence this alike is still the same obligation. */
export const SAME_PLACE_SENTENCE = 0.3;

/**
 * For each obligation after the edit, in order, the lineage id of the obligation before it
 * that it continues, or null for a new obligation. Each old obligation is continued at most
 * once; the most alike pairs are matched first.
 */
export function matchLineages(before: readonly ObligationBefore[], after: readonly ObligationAfter[]): (string | null)[] {
  const pairs: { from: number; to: number; score: number }[] = [];
  before.forEach((old, from) => {
    after.forEach((now, to) => {
      const sim = similarity(old.text, now.text);
      const samePlace = old.index === now.index;
      const sameModal = old.trigger.toLowerCase() === now.trigger.toLowerCase();
      if (sim < SAME_SENTENCE && !(samePlace && sameModal && sim >= SAME_PLACE_SENTENCE)) return;
      pairs.push({ from, to, score: sim + (samePlace ? 0.2 : 0) + (sameModal ? 0.1 : 0) - Math.abs(old.index - now.index) * 0.01 });
    });
  });
  pairs.sort((a, b) => b.score - a.score || a.to - b.to || a.from - b.from);
  const taken = new Set<number>();
  const result: (string | null)[] = after.map(() => null);
  for (const pair of pairs) {
    if (taken.has(pair.from) || result[pair.to] !== null) continue;
    taken.add(pair.from);
    result[pair.to] = before[pair.from]?.lineage ?? null;
  }
  return result;
}
