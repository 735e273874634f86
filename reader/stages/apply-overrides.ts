/**
 * Stage 3b: the reviewed exceptions (seed/data/overrides.json). Where the rules of
 * extract-obligations cannot decide, one entry per case says what the text means and why.
 * Reads: ModalUse[] and the overrides. Writes: ModalUse[] with the decisions changed and the
 * set of uses that came from an override. Every override must match exactly one modal;
 * one that matches none stops the seed, so a stale override never goes unnoticed.
 */
import type { ModalUse } from '../model.ts';

export interface Override {
  provision: string;
  /** The modal words as written ("should"). */
  trigger: string;
  /** Which occurrence of that trigger in the provision (1-based). */
  occurrence: number;
  decision: 'OBLIGATION' | 'NOT_OBLIGATION';
  /** Replaces the addressees the reader found (body keys); only with OBLIGATION. */
  addressees?: string[];
  reason: string;
}

export interface OverrideFile {
  about: string;
  overrides: Override[];
}

export interface OverrideResult {
  uses: ModalUse[];
  /** Override per use, by the use's index in `uses`. */
  applied: Map<number, Override>;
}

export class OverrideError extends Error {
  constructor(message: string) {
    super(`seed/data/overrides.json: ${message}`);
    this.name = 'OverrideError';
  }
}

/** Applies the overrides to the reader's decisions; pure. */
export function applyOverrides(uses: ModalUse[], overrides: Override[]): OverrideResult {
  const applied = new Map<number, Override>();
  const result = uses.map((use) => ({ ...use }));
  for (const override of overrides) {
    const matching = result
      .map((use, index) => ({ use, index }))
      .filter(({ use }) => use.provision === override.provision && use.trigger.toLowerCase() === override.trigger.toLowerCase());
    const target = matching[override.occurrence - 1];
    if (target === undefined) {
      throw new OverrideError(`no "${override.trigger}" number ${override.occurrence} in ${override.provision} (found ${matching.length}); remove or fix the entry`);
    }
    if (override.reason.trim() === '') throw new OverrideError(`the entry for ${override.provision} "${override.trigger}" needs a reason`);
    target.use.isObligation = override.decision === 'OBLIGATION';
    target.use.notObligationBecause = override.decision === 'OBLIGATION' ? null : `override: ${override.reason}`;
    applied.set(target.index, override);
  }
  return { uses: result, applied };
}
