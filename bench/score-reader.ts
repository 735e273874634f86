/**
 * Scores the reader's obligations against the hand annotation
 * (test/fixtures/obligations-annotated.json): precision and recall per field. Pure; used by
 * bench/reader-accuracy.ts (prints) and test/unit/reader/accuracy.test.ts (pins the figures); bench/held-out.ts
 * scores the held-out set with it.
 */

export interface GoldObligation {
  trigger: string;
  modality: string;
  force: string;
  addressees: string[];
  qualifiers: string[];
  text: string;
}

export interface GoldFile {
  provisions: Record<string, GoldObligation[]>;
}

export interface ReadObligation extends GoldObligation {
  key: string;
  provision: string;
}

export interface FieldScore {
  /** Correct among what the reader said. */
  precision: number;
  /** Correct among what the annotation says. */
  recall: number;
  correct: number;
  predicted: number;
  expected: number;
}

export interface ReaderScore {
  obligation: FieldScore;
  modality: FieldScore;
  force: FieldScore;
  /** Whole addressee set right. */
  addressees: FieldScore;
  /** Each (obligation, body) pair. */
  addresseePairs: FieldScore;
  qualifiers: FieldScore;
  missed: { provision: string; trigger: string; text: string }[];
  extra: { key: string; trigger: string; text: string }[];
  wrongAddressees: { key: string; expected: string[]; got: string[] }[];
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().replace(/[^a-z0-9 ]+/g, ' ').split(/\s+/).filter((w) => w.length > 0));
}

function overlap(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  let shared = 0;
  for (const w of x) if (y.has(w)) shared += 1;
  return shared / Math.max(1, Math.min(x.size, y.size));
}

function score(correct: number, predicted: number, expected: number): FieldScore {
  const round = (n: number): number => Math.round(n * 1000) / 1000;
  return { precision: round(predicted === 0 ? 1 : correct / predicted), recall: round(expected === 0 ? 1 : correct / expected), correct, predicted, expected };
}

/** The modal verb of a trigger: "must" for "must not" and "Must never". */
const verbOf = (trigger: string): string => trigger.toLowerCase().split(/\s+/)[0] ?? '';

const sameSet = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

/** Matches the reader's obligations to the annotation, provision by provision, and scores each field. */
export function scoreReader(gold: GoldFile, read: ReadObligation[]): ReaderScore {
  const pairs: { gold: GoldObligation; read: ReadObligation }[] = [];
  const missed: ReaderScore['missed'] = [];
  const used = new Set<string>();
  for (const [provision, expected] of Object.entries(gold.provisions)) {
    for (const g of expected) {
      // Same modal verb ("must" for "must never" too, so a wrong negation is a wrong modality,
      // not a missed obligation); the same words as written first, then the closest sentence.
      const candidates = read
        .filter((r) => r.provision === provision && !used.has(r.key) && verbOf(r.trigger) === verbOf(g.trigger))
        .map((r) => ({ r, exact: r.trigger.toLowerCase() === g.trigger.toLowerCase() ? 1 : 0, similarity: overlap(r.text, g.text) }))
        .filter(({ similarity }) => similarity >= 0.5)
        .sort((a, b) => b.exact - a.exact || b.similarity - a.similarity);
      const best = candidates[0];
      if (best === undefined) {
        missed.push({ provision, trigger: g.trigger, text: g.text });
      } else {
        used.add(best.r.key);
        pairs.push({ gold: g, read: best.r });
      }
    }
  }
  const expectedCount = Object.values(gold.provisions).reduce((n, list) => n + list.length, 0);
  const extra = read.filter((r) => !used.has(r.key)).map((r) => ({ key: r.key, trigger: r.trigger, text: r.text }));
  const count = (predicate: (p: { gold: GoldObligation; read: ReadObligation }) => boolean): number => pairs.filter(predicate).length;
  const goldPairs = Object.values(gold.provisions).flat().reduce((n, g) => n + g.addressees.length, 0);
  const readPairs = read.reduce((n, r) => n + r.addressees.length, 0);
  const rightPairs = pairs.reduce((n, p) => n + p.read.addressees.filter((a) => p.gold.addressees.includes(a)).length, 0);
  const goldQualifiers = Object.values(gold.provisions).flat().reduce((n, g) => n + g.qualifiers.length, 0);
  const readQualifiers = read.reduce((n, r) => n + r.qualifiers.length, 0);
  const rightQualifiers = pairs.reduce((n, p) => n + p.read.qualifiers.filter((q) => p.gold.qualifiers.includes(q)).length, 0);
  return {
    obligation: score(pairs.length, read.length, expectedCount),
    modality: score(count((p) => p.gold.modality === p.read.modality), read.length, expectedCount),
    force: score(count((p) => p.gold.force === p.read.force), read.length, expectedCount),
    addressees: score(count((p) => sameSet(p.gold.addressees, p.read.addressees)), read.length, expectedCount),
    addresseePairs: score(rightPairs, readPairs, goldPairs),
    qualifiers: score(rightQualifiers, readQualifiers, goldQualifiers),
    missed,
    extra,
    wrongAddressees: pairs.filter((p) => !sameSet(p.gold.addressees, p.read.addressees)).map((p) => ({ key: p.read.key, expected: p.gold.addressees, got: p.read.addressees })),
  };
}
