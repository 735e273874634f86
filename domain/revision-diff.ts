/**
 * The semantic diff of two revisions of the Code (docs/graph-model.md, "Revisions"): which
 * provisions and obligations were added, removed, renumbered or changed, and how an
 * obligation's requirement moved: strengthened (`should` to `must`), weakened, reversed
 * (`must` to `must not`), or moved to other bodies. Provisions and obligations are matched by
 * their lineage id (domain/lineage.ts), never by key, so a renumbered clause is the same
 * clause. Pure: two trees in, one diff out; `diffRevisions(b, a)` is the inverse of
 * `diffRevisions(a, b)` (ADDED and REMOVED, before and after, STRENGTHENED and WEAKENED
 * swapped), entry for entry.
 *
 * The rules it holds, where a choice had to be made:
 * - A provision renumbered and changed in text is TEXT_CHANGED, with `renumbered: true`: what
 *   it says outranks where it stands. A changed title counts as a change of text.
 * - An obligation whose only difference is its key (its clause renumbered, or a sentence
 *   added before it) is UNCHANGED with `renumbered: true`: a renumbering is not a change of
 *   what it requires. One that now stands in another provision (another provision lineage) is
 *   CHANGED with `moved: true`: a change of place is a change a reader must see.
 * - `textChanged`, `renumbered` and `moved` compare two sides, so they are false, and `hunks`
 *   empty, for an ADDED or REMOVED entry (its whole text is in `textAfter` or `textBefore`);
 *   the lists of an ADDED (REMOVED) obligation are taken against nothing, so `bindsNow`
 *   (`bindsNoLonger`), `addresseesAdded` (`addresseesRemoved`) and the rest hold all it has.
 * - A change of polarity (do to do not) is REVERSED whatever the strength (`modalityDirection`).
 * - Reading order and a provision's heading are not compared: an entry whose only change is
 *   its place in the reading order (an obligation still in the same provision) is UNCHANGED.
 */
import { diffWords, diffWordsWithSpace } from 'diff';
import type { ApplicabilityReason, Force, Modality, ProvisionKind, Qualifier } from '../core/vocabulary.ts';
import { QUALIFIERS } from '../core/vocabulary.ts';

// The input: the tree of one revision, as much of it as the diff compares.

export interface TreeProvision {
  key: string;
  lineage: string;
  kind: ProvisionKind;
  headingKey: string;
  title: string | null;
  text: string;
  /** Reading order across the whole revision (docs/graph-model.md, "Revision-owned nodes"). */
  order: number;
}

export interface TreeApplicability {
  body: string;
  reason: ApplicabilityReason;
}

export interface TreeObligation {
  key: string;
  lineage: string;
  provisionKey: string;
  /** Reading order across the whole revision. */
  order: number;
  text: string;
  modality: Modality;
  force: Force;
  addressees: string[];
  applicability: TreeApplicability[];
  qualifiers: Qualifier[];
  /** Keys of the instruments and legal provisions it cites. */
  citations: string[];
}

export interface RevisionTree {
  key: string;
  provisions: TreeProvision[];
  obligations: TreeObligation[];
}

// The output: what changed, entry by entry, and what that means for a body.

export type HunkKind = 'SAME' | 'ADDED' | 'REMOVED';

/** A run of words: the SAME and REMOVED hunks, in order, spell the text before; SAME and ADDED the text after. */
export interface Hunk {
  kind: HunkKind;
  text: string;
}

export type ProvisionChangeKind = 'ADDED' | 'REMOVED' | 'RENUMBERED' | 'TEXT_CHANGED' | 'UNCHANGED';

export interface ProvisionChange {
  lineage: string;
  change: ProvisionChangeKind;
  keyBefore: string | null;
  keyAfter: string | null;
  /** Its kind where it stands last: after, or before for a REMOVED one. */
  kind: ProvisionKind;
  kindBefore: ProvisionKind | null;
  kindAfter: ProvisionKind | null;
  titleBefore: string | null;
  titleAfter: string | null;
  textBefore: string | null;
  textAfter: string | null;
  /** Its key changed. */
  renumbered: boolean;
  /** Its text or its title changed. */
  textChanged: boolean;
  /** The word-level diff of its text when `textChanged` (a single SAME hunk when only the title changed); empty otherwise. */
  hunks: Hunk[];
}

export type ObligationChangeKind = 'ADDED' | 'REMOVED' | 'CHANGED' | 'UNCHANGED';

export type ModalityDirection = 'STRENGTHENED' | 'WEAKENED' | 'REVERSED' | 'SAME';

export interface ModalityChange {
  before: Modality | null;
  after: Modality | null;
  /** Null for an ADDED or REMOVED obligation. */
  direction: ModalityDirection | null;
}

export interface ForceChange {
  before: Force | null;
  after: Force | null;
}

/** A body bound on both sides, for another reason. */
export interface ApplicabilityChange {
  body: string;
  before: ApplicabilityReason;
  after: ApplicabilityReason;
}

export interface ObligationChange {
  lineage: string;
  change: ObligationChangeKind;
  keyBefore: string | null;
  keyAfter: string | null;
  provisionKeyBefore: string | null;
  provisionKeyAfter: string | null;
  textBefore: string | null;
  textAfter: string | null;
  modality: ModalityChange;
  /** Null when the obligation is on both sides with the same force; one side null for an ADDED or REMOVED one. */
  force: ForceChange | null;
  addresseesAdded: string[];
  addresseesRemoved: string[];
  /** Bodies it binds after and did not before, with the reason after. */
  bindsNow: TreeApplicability[];
  /** Bodies it bound before and does not after, with the reason before. */
  bindsNoLonger: TreeApplicability[];
  /** Bodies it binds on both sides for the same reason. */
  bindsStill: TreeApplicability[];
  /** Bodies it binds on both sides for different reasons. */
  applicabilityChanged: ApplicabilityChange[];
  qualifiersAdded: Qualifier[];
  qualifiersRemoved: Qualifier[];
  citationsAdded: string[];
  citationsRemoved: string[];
  textChanged: boolean;
  /** The word-level diff of its sentence when `textChanged`; empty otherwise. */
  hunks: Hunk[];
  /** Its key changed. */
  renumbered: boolean;
  /** It stands in another provision (by the provision's lineage, so not when its clause was only renumbered). */
  moved: boolean;
}

export interface DiffSummary {
  /** Each provision counted once, by its `change`. */
  provisions: { added: number; removed: number; renumbered: number; textChanged: number; unchanged: number };
  /**
   * `added`, `removed`, `changed` and `unchanged` count each obligation once, by its `change`;
   * the rest count the obligations with that flag or direction, whatever their change.
   */
  obligations: {
    added: number;
    removed: number;
    changed: number;
    unchanged: number;
    renumbered: number;
    moved: number;
    strengthened: number;
    weakened: number;
    reversed: number;
    forceChanged: number;
  };
}

/**
 * The diff of revision `from` to revision `to`. Entries are in the reading order of `to`; a
 * REMOVED entry stands right after the entry of the nearest one before it in `from` that
 * survives into `to` (at the start when none does), removed ones in the order of `from`.
 */
export interface RevisionDiff {
  from: string;
  to: string;
  provisions: ProvisionChange[];
  obligations: ObligationChange[];
  summary: DiffSummary;
}

/** What a diff means for one body. Each obligation is in at most one list, in the order of the diff. */
export interface BodyImpact {
  body: string;
  /** It binds the body after and did not before (ADDED, or CHANGED to bind it). */
  newlyBinding: ObligationChange[];
  /** It bound the body before and does not after (REMOVED, or CHANGED to no longer bind it). */
  noLongerBinding: ObligationChange[];
  /** It binds the body on both sides, and its modality moved this way. */
  strengthened: ObligationChange[];
  weakened: ObligationChange[];
  reversed: ObligationChange[];
  /** It binds the body on both sides and changed in another way (text, force, reason, place, ...). */
  otherwiseChanged: ObligationChange[];
}

/** How strong a modal verb is: a requirement (`must`, `must not`), then `should` / `should not`, then `may`. */
function strength(modality: Modality): number {
  switch (modality) {
    case 'MUST':
    case 'MUST_NOT':
      return 3;
    case 'SHOULD':
    case 'SHOULD_NOT':
      return 2;
    case 'MAY':
      return 1;
  }
}

/** Whether it tells a body not to do something; `may` permits doing it, so it counts with `must` and `should`. */
function forbids(modality: Modality): boolean {
  switch (modality) {
    case 'MUST_NOT':
    case 'SHOULD_NOT':
      return true;
    case 'MUST':
    case 'SHOULD':
    case 'MAY':
      return false;
  }
}

/**
 * How an obligation's requirement moved (docs/graph-model.md, "Revisions"): a change of
 * polarity (do to do not, or back) is REVERSED whatever the strength (`must` to `must not`,
 * `must not` to `should`, `may` to `must not`); otherwise STRENGTHENED or WEAKENED along
 * `may` < `should` < `must` (and `should not` < `must not`); SAME when the verb is the same.
 * Swapping the arguments swaps STRENGTHENED and WEAKENED and keeps the rest.
 */
export function modalityDirection(before: Modality, after: Modality): ModalityDirection {
  if (before === after) return 'SAME';
  if (forbids(before) !== forbids(after)) return 'REVERSED';
  return strength(after) > strength(before) ? 'STRENGTHENED' : 'WEAKENED';
}

const toHunk = (change: { added: boolean; removed: boolean; value: string }): Hunk => ({
  kind: change.added ? 'ADDED' : change.removed ? 'REMOVED' : 'SAME',
  text: change.value,
});

const spelled = (hunks: readonly Hunk[], side: 'REMOVED' | 'ADDED'): string =>
  hunks
    .filter((hunk) => hunk.kind === 'SAME' || hunk.kind === side)
    .map((hunk) => hunk.text)
    .join('');

const spells = (hunks: readonly Hunk[], before: string, after: string): boolean =>
  spelled(hunks, 'REMOVED') === before && spelled(hunks, 'ADDED') === after;

const invertHunk = (hunk: Hunk): Hunk => ({
  kind: hunk.kind === 'ADDED' ? 'REMOVED' : hunk.kind === 'REMOVED' ? 'ADDED' : 'SAME',
  text: hunk.text,
});

/**
 * Hunks in one form: no empty hunk, and each run of changes between two SAME hunks as at
 * most one REMOVED hunk followed by at most one ADDED hunk. The form depends only on what
 * each run removes and adds, so a diff and its inverse agree on it.
 */
function normalise(hunks: readonly Hunk[]): Hunk[] {
  const result: Hunk[] = [];
  let removed = '';
  let added = '';
  const flush = (): void => {
    if (removed !== '') result.push({ kind: 'REMOVED', text: removed });
    if (added !== '') result.push({ kind: 'ADDED', text: added });
    removed = '';
    added = '';
  };
  for (const hunk of hunks) {
    if (hunk.text === '') continue;
    if (hunk.kind === 'REMOVED') removed += hunk.text;
    else if (hunk.kind === 'ADDED') added += hunk.text;
    else {
      flush();
      const last = result[result.length - 1];
      if (last?.kind === 'SAME') last.text += hunk.text;
      else result.push({ kind: 'SAME', text: hunk.text });
    }
  }
  flush();
  return result;
}

/**
 * The word diff of `before` to `after` in one direction. `diffWords` ignores a change of
 * whitespace alone and then cannot spell both texts back, so it gives way to
 * `diffWordsWithSpace`, which counts whitespace as words, and that to the whole text removed
 * and added: the hunks always spell both texts exactly.
 */
function wordHunks(before: string, after: string): Hunk[] {
  const words = diffWords(before, after).map(toHunk);
  if (spells(words, before, after)) return words;
  const spaced = diffWordsWithSpace(before, after).map(toHunk);
  if (spells(spaced, before, after)) return spaced;
  return [
    { kind: 'REMOVED', text: before },
    { kind: 'ADDED', text: after },
  ];
}

/**
 * The word-level diff of two texts (jsdiff's `diffWords`), normalised. A word diff may align
 * repeated words differently in each direction, so it is always taken from the smaller text
 * to the larger (in code-unit order) and turned round when asked the other way:
 * `textHunks(b, a)` is `textHunks(a, b)` with ADDED and REMOVED swapped.
 */
export function textHunks(before: string, after: string): Hunk[] {
  if (before <= after) return normalise(wordHunks(before, after));
  return normalise(wordHunks(after, before).map(invertHunk));
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** What `after` has that `before` has not, once each, in code-unit order. */
const gained = (before: readonly string[], after: readonly string[]): string[] => {
  const had = new Set(before);
  return [...new Set(after)].filter((item) => !had.has(item)).sort(compareText);
};

/** The same for qualifiers, in the order of the vocabulary (core/vocabulary.ts). */
const gainedQualifiers = (before: readonly Qualifier[], after: readonly Qualifier[]): Qualifier[] =>
  QUALIFIERS.filter((qualifier) => after.includes(qualifier) && !before.includes(qualifier));

interface Ordered {
  key: string;
  lineage: string;
  order: number;
}

const inReadingOrder = <T extends Ordered>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => a.order - b.order || compareText(a.key, b.key));

/** Each item by its lineage; a tree that gives one lineage to two items cannot be compared. */
function byLineage<T extends Ordered>(items: readonly T[], what: string, revision: string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const other = map.get(item.lineage);
    if (other !== undefined) throw new Error(`revision ${revision} gives lineage ${item.lineage} to two ${what}s, ${other.key} and ${item.key}`);
    map.set(item.lineage, item);
  }
  return map;
}

/** The lineages of both sides in the order of RevisionDiff (see there). */
function diffOrder(from: readonly Ordered[], to: readonly Ordered[]): string[] {
  const after = inReadingOrder(to);
  const kept = new Set(after.map((item) => item.lineage));
  const removedAfter = new Map<string | null, string[]>();
  let anchor: string | null = null;
  for (const item of inReadingOrder(from)) {
    if (kept.has(item.lineage)) anchor = item.lineage;
    else removedAfter.set(anchor, [...(removedAfter.get(anchor) ?? []), item.lineage]);
  }
  return [...(removedAfter.get(null) ?? []), ...after.flatMap((item) => [item.lineage, ...(removedAfter.get(item.lineage) ?? [])])];
}

function diffProvision(lineage: string, before: TreeProvision | undefined, after: TreeProvision | undefined): ProvisionChange {
  const both = before !== undefined && after !== undefined;
  const renumbered = both && before.key !== after.key;
  const textChanged = both && (before.text !== after.text || before.title !== after.title);
  const change: ProvisionChangeKind =
    before === undefined ? 'ADDED' : after === undefined ? 'REMOVED' : textChanged ? 'TEXT_CHANGED' : renumbered ? 'RENUMBERED' : 'UNCHANGED';
  const kind = after?.kind ?? before?.kind;
  if (kind === undefined) throw new Error(`provision lineage ${lineage} is on neither side`);
  return {
    lineage,
    change,
    keyBefore: before?.key ?? null,
    keyAfter: after?.key ?? null,
    kind,
    kindBefore: before?.kind ?? null,
    kindAfter: after?.kind ?? null,
    titleBefore: before?.title ?? null,
    titleAfter: after?.title ?? null,
    textBefore: before?.text ?? null,
    textAfter: after?.text ?? null,
    renumbered,
    textChanged,
    hunks: both && textChanged ? textHunks(before.text, after.text) : [],
  };
}

/** Each body once, with the reason first given for it. */
function reasonsByBody(applicability: readonly TreeApplicability[]): Map<string, ApplicabilityReason> {
  const reasons = new Map<string, ApplicabilityReason>();
  for (const { body, reason } of applicability) if (!reasons.has(body)) reasons.set(body, reason);
  return reasons;
}

interface ApplicabilityDiff {
  bindsNow: TreeApplicability[];
  bindsNoLonger: TreeApplicability[];
  bindsStill: TreeApplicability[];
  applicabilityChanged: ApplicabilityChange[];
}

/** Which bodies an obligation binds now, no longer, still, or for another reason; each list by body. */
function diffApplicability(before: readonly TreeApplicability[], after: readonly TreeApplicability[]): ApplicabilityDiff {
  const was = reasonsByBody(before);
  const now = reasonsByBody(after);
  const bodies = [...new Set([...was.keys(), ...now.keys()])].sort(compareText);
  const result: ApplicabilityDiff = { bindsNow: [], bindsNoLonger: [], bindsStill: [], applicabilityChanged: [] };
  for (const body of bodies) {
    const reasonBefore = was.get(body);
    const reasonAfter = now.get(body);
    if (reasonBefore === undefined && reasonAfter !== undefined) result.bindsNow.push({ body, reason: reasonAfter });
    else if (reasonBefore !== undefined && reasonAfter === undefined) result.bindsNoLonger.push({ body, reason: reasonBefore });
    else if (reasonBefore !== undefined && reasonAfter !== undefined) {
      if (reasonBefore === reasonAfter) result.bindsStill.push({ body, reason: reasonBefore });
      else result.applicabilityChanged.push({ body, before: reasonBefore, after: reasonAfter });
    }
  }
  return result;
}

/** The lineage of the provision an obligation stands in, by key within its own revision. */
type ProvisionLineages = ReadonlyMap<string, string>;

function sameProvision(before: TreeObligation, after: TreeObligation, lineagesBefore: ProvisionLineages, lineagesAfter: ProvisionLineages): boolean {
  const was = lineagesBefore.get(before.provisionKey);
  const now = lineagesAfter.get(after.provisionKey);
  // An obligation of a provision the tree does not hold is followed by its provision's key.
  if (was === undefined || now === undefined) return before.provisionKey === after.provisionKey;
  return was === now;
}

function diffObligation(
  lineage: string,
  before: TreeObligation | undefined,
  after: TreeObligation | undefined,
  lineagesBefore: ProvisionLineages,
  lineagesAfter: ProvisionLineages,
): ObligationChange {
  const applicability = diffApplicability(before?.applicability ?? [], after?.applicability ?? []);
  const fields = {
    addresseesAdded: gained(before?.addressees ?? [], after?.addressees ?? []),
    addresseesRemoved: gained(after?.addressees ?? [], before?.addressees ?? []),
    ...applicability,
    qualifiersAdded: gainedQualifiers(before?.qualifiers ?? [], after?.qualifiers ?? []),
    qualifiersRemoved: gainedQualifiers(after?.qualifiers ?? [], before?.qualifiers ?? []),
    citationsAdded: gained(before?.citations ?? [], after?.citations ?? []),
    citationsRemoved: gained(after?.citations ?? [], before?.citations ?? []),
  };
  const both = before !== undefined && after !== undefined;
  const textChanged = both && before.text !== after.text;
  const moved = both && !sameProvision(before, after, lineagesBefore, lineagesAfter);
  const forceChanged = before?.force !== after?.force;
  const modalityChanged = before?.modality !== after?.modality;
  const changed =
    textChanged ||
    moved ||
    forceChanged ||
    modalityChanged ||
    fields.addresseesAdded.length + fields.addresseesRemoved.length > 0 ||
    applicability.bindsNow.length + applicability.bindsNoLonger.length + applicability.applicabilityChanged.length > 0 ||
    fields.qualifiersAdded.length + fields.qualifiersRemoved.length > 0 ||
    fields.citationsAdded.length + fields.citationsRemoved.length > 0;
  const change: ObligationChangeKind = before === undefined ? 'ADDED' : after === undefined ? 'REMOVED' : changed ? 'CHANGED' : 'UNCHANGED';
  return {
    lineage,
    change,
    keyBefore: before?.key ?? null,
    keyAfter: after?.key ?? null,
    provisionKeyBefore: before?.provisionKey ?? null,
    provisionKeyAfter: after?.provisionKey ?? null,
    textBefore: before?.text ?? null,
    textAfter: after?.text ?? null,
    modality: {
      before: before?.modality ?? null,
      after: after?.modality ?? null,
      direction: both ? modalityDirection(before.modality, after.modality) : null,
    },
    force: forceChanged ? { before: before?.force ?? null, after: after?.force ?? null } : null,
    ...fields,
    textChanged,
    hunks: both && textChanged ? textHunks(before.text, after.text) : [],
    renumbered: both && before.key !== after.key,
    moved,
  };
}

const count = <T>(items: readonly T[], test: (item: T) => boolean): number => items.filter(test).length;

function summarise(provisions: readonly ProvisionChange[], obligations: readonly ObligationChange[]): DiffSummary {
  return {
    provisions: {
      added: count(provisions, (p) => p.change === 'ADDED'),
      removed: count(provisions, (p) => p.change === 'REMOVED'),
      renumbered: count(provisions, (p) => p.change === 'RENUMBERED'),
      textChanged: count(provisions, (p) => p.change === 'TEXT_CHANGED'),
      unchanged: count(provisions, (p) => p.change === 'UNCHANGED'),
    },
    obligations: {
      added: count(obligations, (o) => o.change === 'ADDED'),
      removed: count(obligations, (o) => o.change === 'REMOVED'),
      changed: count(obligations, (o) => o.change === 'CHANGED'),
      unchanged: count(obligations, (o) => o.change === 'UNCHANGED'),
      renumbered: count(obligations, (o) => o.renumbered),
      moved: count(obligations, (o) => o.moved),
      strengthened: count(obligations, (o) => o.modality.direction === 'STRENGTHENED'),
      weakened: count(obligations, (o) => o.modality.direction === 'WEAKENED'),
      reversed: count(obligations, (o) => o.modality.direction === 'REVERSED'),
      forceChanged: count(obligations, (o) => o.force !== null && o.force.before !== null && o.force.after !== null),
    },
  };
}

/**
 * The semantic diff of revision `from` to revision `to` (docs/graph-model.md, "Revisions"):
 * one entry for each provision lineage and each obligation lineage on either side, matched by
 * lineage, in the order documented on RevisionDiff, with its summary. Throws when one tree
 * gives a lineage to two provisions or two obligations.
 */
export function diffRevisions(from: RevisionTree, to: RevisionTree): RevisionDiff {
  const provisionsBefore = byLineage(from.provisions, 'provision', from.key);
  const provisionsAfter = byLineage(to.provisions, 'provision', to.key);
  const obligationsBefore = byLineage(from.obligations, 'obligation', from.key);
  const obligationsAfter = byLineage(to.obligations, 'obligation', to.key);
  const lineagesBefore = new Map(from.provisions.map((p) => [p.key, p.lineage]));
  const lineagesAfter = new Map(to.provisions.map((p) => [p.key, p.lineage]));
  const provisions = diffOrder(from.provisions, to.provisions).map((lineage) =>
    diffProvision(lineage, provisionsBefore.get(lineage), provisionsAfter.get(lineage)),
  );
  const obligations = diffOrder(from.obligations, to.obligations).map((lineage) =>
    diffObligation(lineage, obligationsBefore.get(lineage), obligationsAfter.get(lineage), lineagesBefore, lineagesAfter),
  );
  return { from: from.key, to: to.key, provisions, obligations, summary: summarise(provisions, obligations) };
}

const listsBody =
  (body: string) =>
  (entries: readonly { body: string }[]): boolean =>
    entries.some((entry) => entry.body === body);

/**
 * What the diff means for `body` (a body's key, `local-health-board`): an obligation "binds" a
 * body when its applicability lists it, on the side concerned. Newly binding (ADDED or CHANGED
 * to bind it) and no longer binding come first; an obligation binding the body on both sides
 * that CHANGED is strengthened, weakened or reversed by its modality, or else otherwise
 * changed. UNCHANGED obligations (renumbered ones too) and those that never bind the body are
 * in no list.
 */
export function impact(diff: RevisionDiff, body: string): BodyImpact {
  const result: BodyImpact = { body, newlyBinding: [], noLongerBinding: [], strengthened: [], weakened: [], reversed: [], otherwiseChanged: [] };
  const bindsIt = listsBody(body);
  for (const obligation of diff.obligations) {
    if (bindsIt(obligation.bindsNow)) result.newlyBinding.push(obligation);
    else if (bindsIt(obligation.bindsNoLonger)) result.noLongerBinding.push(obligation);
    else if (obligation.change === 'CHANGED' && (bindsIt(obligation.bindsStill) || bindsIt(obligation.applicabilityChanged))) {
      const direction = obligation.modality.direction;
      switch (direction) {
        case 'STRENGTHENED':
          result.strengthened.push(obligation);
          break;
        case 'WEAKENED':
          result.weakened.push(obligation);
          break;
        case 'REVERSED':
          result.reversed.push(obligation);
          break;
        case 'SAME':
        case null:
          result.otherwiseChanged.push(obligation);
          break;
      }
    }
  }
  return result;
}
