/**
 * How the Code numbers its provisions (docs/graph-model.md, "Keys"), and how a draft is
 * renumbered (docs/architecture.md, "The write side"). Clauses run 1.1, 1.2, ... in reading
 * order across every heading; principles P1, P2, ...; standards S1, S2, .... A provision an
 * editor inserts between two others is numbered as legislation numbers inserted sections,
 * with a capital letter after the number of the one before (1.53A after 1.53, then 1.53B),
 * until the draft is renumbered; renumbering gives every provision the plain number its place
 * implies and rewrites the references to it ("clause 1.53", "Standard 8") wherever the
 * draft's text makes them. Pure.
 */
import { PROVISION_KEY } from '../core/keys.ts';
import type { ProvisionKind } from '../core/vocabulary.ts';

/** A provision key taken apart: 1.53A is a clause of part 1, number 53, suffix A. */
export interface KeyParts {
  kind: ProvisionKind;
  /** The part before the dot of a clause's key (1 in 1.53); null for principles and standards. */
  part: number | null;
  number: number;
  /** Capital letters after the number (A in 1.53A), empty for a plain number. */
  suffix: string;
}

const CLAUSE_KEY = /^(\d+)\.(\d+)([A-Z]*)$/;
const SERIES_KEY = /^([PS])(\d+)([A-Z]*)$/;

/** The parts of a provision key, or null when it is not one (see core/keys.ts). */
export function keyParts(key: string): KeyParts | null {
  if (!PROVISION_KEY.test(key)) return null;
  const clause = CLAUSE_KEY.exec(key);
  if (clause !== null) return { kind: 'CLAUSE', part: Number(clause[1]), number: Number(clause[2]), suffix: clause[3] ?? '' };
  const series = SERIES_KEY.exec(key);
  if (series === null) return null;
  return { kind: series[1] === 'P' ? 'PRINCIPLE' : 'STANDARD', part: null, number: Number(series[2]), suffix: series[3] ?? '' };
}

/** The key that parts spell: the inverse of keyParts. */
export function keyOf(parts: KeyParts): string {
  const number = `${parts.number}${parts.suffix}`;
  if (parts.kind === 'CLAUSE') return `${parts.part ?? 1}.${number}`;
  return `${parts.kind === 'PRINCIPLE' ? 'P' : 'S'}${number}`;
}

/** A provision's number as printed: 1.53A for a clause, 3 for P3, 8A for S8A. */
export function printedNumber(key: string): string {
  const parts = keyParts(key);
  if (parts === null || parts.kind === 'CLAUSE') return key;
  return `${parts.number}${parts.suffix}`;
}

/** The suffix after `suffix` in the order A, B, ..., Z, ZA, ZB, ...: the next letter, or a Z run extended. */
const nextSuffix = (suffix: string): string => {
  if (suffix === '') return 'A';
  const last = suffix.at(-1) ?? 'A';
  return last === 'Z' ? `${suffix}A` : `${suffix.slice(0, -1)}${String.fromCharCode(last.charCodeAt(0) + 1)}`;
};

/**
 * The key for a new provision of `kind` placed after `previous` and before `next` (the
 * provisions of the same kind either side of it in reading order, null at either end):
 * the number after the previous one's when that is free and not past the next one
 * (1.95 after the last clause 1.94, 1.54 in a gap left by a removal), otherwise the previous
 * key with the next free letter (1.53A, 1.53B). Null when no key fits between the two
 * (before the first provision of its kind, or between 1.53 and 1.53A): the caller then asks
 * for a key or a renumbering.
 */
export function insertedKey(kind: ProvisionKind, previous: string | null, next: string | null, taken: ReadonlySet<string>): string | null {
  const before = previous === null ? null : keyParts(previous);
  const after = next === null ? null : keyParts(next);
  if (before === null) {
    if (after !== null) return null;
    const first = keyOf({ kind, part: 1, number: 1, suffix: '' });
    return taken.has(first) ? null : first;
  }
  const plain = keyOf({ ...before, number: before.number + 1, suffix: '' });
  if (!taken.has(plain) && (after === null || before.number + 1 < after.number)) return plain;
  for (let suffix = nextSuffix(before.suffix); suffix.length <= 3; suffix = nextSuffix(suffix)) {
    const candidate = keyOf({ ...before, suffix });
    if (after !== null && after.number === before.number && suffix >= after.suffix) return null;
    if (!taken.has(candidate)) return candidate;
  }
  return null;
}

/**
 * The keys a renumbering gives, for provisions listed in reading order: each kind counts
 * from 1 (clauses keep the part of the first clause, 1 in the Code). Only keys that change
 * are in the map.
 */
export function renumbering(provisions: readonly { key: string }[]): Map<string, string> {
  const counts: Record<ProvisionKind, number> = { CLAUSE: 0, PRINCIPLE: 0, STANDARD: 0 };
  let part: number | null = null;
  const moves = new Map<string, string>();
  for (const { key } of provisions) {
    const parts = keyParts(key);
    if (parts === null) continue;
    if (parts.kind === 'CLAUSE') part ??= parts.part;
    counts[parts.kind] += 1;
    const renumbered = keyOf({ kind: parts.kind, part: parts.kind === 'CLAUSE' ? part : null, number: counts[parts.kind], suffix: '' });
    if (renumbered !== key) moves.set(key, renumbered);
  }
  return moves;
}

const KEY_IN_TEXT = String.raw`\d+\.\d+[A-Z]*|\d+[A-Z]*`;
/** "clause 1.53", "paragraphs 1.2 and 1.5", "clauses 1.2, 1.3 to 1.6", "Standard 8", "Principles 2 and 3". */
const REFERENCE = new RegExp(
  String.raw`\b(clauses?|paragraphs?|Clauses?|Paragraphs?|standards?|Standards?|principles?|Principles?)(\s+)((?:${KEY_IN_TEXT})(?:(?:,\s*|\s+and\s+|\s+or\s+|\s+to\s+|\s*[-–]\s*)(?:${KEY_IN_TEXT}))*)\b`,
  'g',
);
const ONE_KEY = new RegExp(KEY_IN_TEXT, 'g');

/** The provision key a reference names, from its word and number: clause 1.53 → 1.53, Standard 8 → S8. */
const referencedKey = (word: string, number: string): string | null => {
  const lower = word.toLowerCase();
  if (lower.startsWith('standard')) return /^\d+[A-Z]*$/.test(number) ? `S${number}` : null;
  if (lower.startsWith('principle')) return /^\d+[A-Z]*$/.test(number) ? `P${number}` : null;
  return number.includes('.') ? number : null;
};

/** The number a reference prints for a key: 1.53 for a clause, 8 for S8. */
const printedInReference = (key: string): string => printedNumber(key);

/** One rewrite of a reference: the `length` characters at `at` in the text before it became `replacement`. */
export interface ReferenceRewrite {
  at: number;
  length: number;
  replacement: string;
}

/**
 * The rewrites that renumber the references to provisions in `text` by `moves` (old key →
 * new key), in text order and at their places in the text as it is: one per number that
 * changes, so that 1.2 → 1.3 and 1.3 → 1.4 together never make 1.2 into 1.4. References to
 * provisions that do not move, and numbers that are not references, give none.
 */
export function referenceRewrites(text: string, moves: ReadonlyMap<string, string>): ReferenceRewrite[] {
  if (moves.size === 0) return [];
  const rewrites: ReferenceRewrite[] = [];
  for (const reference of text.matchAll(REFERENCE)) {
    const word = reference[1] ?? '';
    const numbersAt = reference.index + word.length + (reference[2] ?? '').length;
    for (const number of (reference[3] ?? '').matchAll(ONE_KEY)) {
      const key = referencedKey(word, number[0]);
      const moved = key === null ? undefined : moves.get(key);
      if (moved !== undefined) rewrites.push({ at: numbersAt + number.index, length: number[0].length, replacement: printedInReference(moved) });
    }
  }
  return rewrites;
}

/** `text` with `rewrites` (in text order, as referenceRewrites gives them) made. */
export function applyRewrites(text: string, rewrites: readonly ReferenceRewrite[]): string {
  let result = '';
  let from = 0;
  for (const { at, length, replacement } of rewrites) {
    result += text.slice(from, at) + replacement;
    from = at + length;
  }
  return result + text.slice(from);
}

/**
 * A text with its references to provisions rewritten by `moves` (old key → new key), in one
 * pass, so that 1.2 → 1.3 and 1.3 → 1.4 together never make 1.2 into 1.4. References to
 * provisions that do not move, and numbers that are not references, are left as they are.
 */
export function renumberReferences(text: string, moves: ReadonlyMap<string, string>): string {
  return applyRewrites(text, referenceRewrites(text, moves));
}

/**
 * Where an offset into a text (a start or an end, such as an obligation's triggerStart or
 * statementEnd) falls once `rewrites` are made: moved by the change of length of every rewrite
 * that ends at or before it, so that it still points at the same words ("clause 1.9" made
 * "clause 1.10" moves what follows one character on). An offset inside a rewritten number
 * (never a word's edge) stays inside its replacement.
 */
export function shiftedOffset(offset: number, rewrites: readonly ReferenceRewrite[]): number {
  let shift = 0;
  for (const { at, length, replacement } of rewrites) {
    if (at + length <= offset) shift += replacement.length - length;
    else if (at < offset) return at + shift + Math.min(offset - at, replacement.length);
    else break;
  }
  return offset + shift;
}
