/**
 * One obligation's history (schema/review.graphql, obligationHistory): the obligation in each
 * revision that has its lineage id, oldest first, and what changed from one to the next. A
 * renumbered obligation is one line of history with a new key (RENUMBERED), not a removal and
 * an addition. Pure.
 */

/** The obligation in one revision, with what its history compares. */
export interface ObligationVersion {
  revision: string;
  key: string;
  modality: string;
  force: string;
  text: string;
  qualifiers: readonly string[];
  addressees: readonly string[];
  appliesTo: readonly string[];
}

export const HISTORY_CHANGES = ['RENUMBERED', 'TEXT', 'MODALITY', 'FORCE', 'ADDRESSEES', 'APPLIES_TO', 'QUALIFIERS'] as const;
export type HistoryChange = (typeof HISTORY_CHANGES)[number];

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** What changed from `before` to `after`, in the order of HISTORY_CHANGES. */
export function changesBetween(before: ObligationVersion, after: ObligationVersion): HistoryChange[] {
  const changed: Record<HistoryChange, boolean> = {
    RENUMBERED: before.key !== after.key,
    TEXT: before.text !== after.text,
    MODALITY: before.modality !== after.modality,
    FORCE: before.force !== after.force,
    ADDRESSEES: !sameSet(before.addressees, after.addressees),
    APPLIES_TO: !sameSet(before.appliesTo, after.appliesTo),
    QUALIFIERS: !sameSet(before.qualifiers, after.qualifiers),
  };
  return HISTORY_CHANGES.filter((change) => changed[change]);
}

/**
 * The history of the versions given, in the order of `revisionOrder` (revision keys, oldest
 * first; versions in revisions not listed are left out), each with its changes from the one before.
 */
export function obligationHistory<V extends ObligationVersion>(versions: readonly V[], revisionOrder: readonly string[]): { version: V; changes: HistoryChange[] }[] {
  const place = new Map(revisionOrder.map((key, i) => [key, i]));
  const ordered = versions.filter((v) => place.has(v.revision)).sort((a, b) => (place.get(a.revision) ?? 0) - (place.get(b.revision) ?? 0));
  return ordered.map((version, i) => {
    const before = ordered[i - 1];
    return { version, changes: before === undefined ? [] : changesBetween(before, version) };
  });
}
