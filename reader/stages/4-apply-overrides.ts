/**
 * Stage 4: the reviewed exceptions (seed/data/overrides.json; docs/reading-rules.md,
 * "Overrides"). Where the rules of stage 3 cannot decide, one entry per case says what the
 * text means and why. Reads: one provision's ModalUse[] (stage 3) and the overrides for that
 * provision. Writes: ModalUse[] with the decisions changed, and which uses an override
 * decided (with the addressees it gives, for stage 5). Every override must match exactly one
 * modal; one that matches none stops the seed, so a stale override never goes unnoticed.
 * `checkOverrides` checks the file's shape when seed/ reads it, before anything is read.
 */
import { PROVISION_KEY } from '../../core/keys.ts';
import type { ModalUse } from '../model.ts';

export const OVERRIDE_DECISIONS = ['OBLIGATION', 'NOT_OBLIGATION'] as const;
export type OverrideDecision = (typeof OVERRIDE_DECISIONS)[number];

export interface Override {
  provision: string;
  /** The modal words as written ("should"). */
  trigger: string;
  /** Which occurrence of that trigger in the provision (1-based). */
  occurrence: number;
  decision: OverrideDecision;
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

/** Every problem `checkOverrides` found, one a line. */
export class OverrideFileError extends Error {
  constructor(readonly problems: string[]) {
    super(`seed/data/overrides.json has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
    this.name = 'OverrideFileError';
  }
}

/** The error for an override that names no modal of its provision (also when the provision is not in the Code). */
export function unmatchedOverride(override: Override, found: number): OverrideError {
  return new OverrideError(`no "${override.trigger}" number ${override.occurrence} in ${override.provision} (found ${found}); remove or fix the entry`);
}

/** Applies the overrides for one provision to its modal uses; pure. */
export function applyOverrides(uses: ModalUse[], overrides: readonly Override[]): OverrideResult {
  const applied = new Map<number, Override>();
  const result = uses.map((use) => ({ ...use }));
  for (const override of overrides) {
    const matching = result
      .map((use, index) => ({ use, index }))
      .filter(({ use }) => use.provision === override.provision && use.trigger.toLowerCase() === override.trigger.toLowerCase());
    const target = matching[override.occurrence - 1];
    if (target === undefined) throw unmatchedOverride(override, matching.length);
    if (override.reason.trim() === '') throw new OverrideError(`the entry for ${override.provision} "${override.trigger}" needs a reason`);
    target.use.isObligation = override.decision === 'OBLIGATION';
    target.use.notObligationBecause = override.decision === 'OBLIGATION' ? null : `override: ${override.reason}`;
    target.use.notObligationKind = override.decision === 'OBLIGATION' ? null : 'OVERRIDE';
    applied.set(target.index, override);
  }
  return { uses: result, applied };
}

/** The triggers stage 3 can find (MODAL there), in lower case; an override's trigger is one of them in any case. */
const TRIGGERS = ['must', 'must not', 'must never', 'should', 'should not', 'should never', 'may', 'may not', 'may never'];
const FIELDS = ['provision', 'trigger', 'occurrence', 'decision', 'addressees', 'reason'];
const EXAMPLE_ENTRY = '{"provision": "1.65", "trigger": "should", "occurrence": 1, "decision": "NOT_OBLIGATION", "reason": "States how a framework relates to the standards; it tells no body to do anything."}';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const shown = (value: unknown): string => JSON.stringify(value) ?? String(value);

/**
 * Checks the override file's shape (docs/reading-rules.md, "Overrides"): each entry names a
 * provision key (`1.53`, `P3`, `S8`), a modal verb as its trigger, a positive occurrence, a
 * decision of OBLIGATION or NOT_OBLIGATION, addressees (only with OBLIGATION) that are
 * bodies of the catalogue, and a reason. Collects every problem, each naming the entry and
 * showing a valid value, and throws OverrideFileError; returns the file typed. Pure.
 */
export function checkOverrides(data: unknown, bodyKeys: readonly string[]): OverrideFile {
  const problems: string[] = [];
  if (!isRecord(data)) throw new OverrideFileError([`the file must hold an object; for example {"about": "Reviewed exceptions to the reader's rules", "overrides": [${EXAMPLE_ENTRY}]}`]);
  if (typeof data['about'] !== 'string') problems.push(`"about" must be a text saying what the file is; for example "about": "Reviewed exceptions to the reader's rules"`);
  const entries = data['overrides'];
  if (!Array.isArray(entries)) {
    problems.push(`"overrides" must be a list of entries; for example "overrides": [${EXAMPLE_ENTRY}]`);
    throw new OverrideFileError(problems);
  }
  entries.forEach((entry: unknown, index) => {
    if (!isRecord(entry)) {
      problems.push(`overrides[${index}]: an entry must be an object; for example ${EXAMPLE_ENTRY}`);
      return;
    }
    const { provision, trigger, occurrence, decision, addressees, reason } = entry;
    const at = `overrides[${index}]${typeof provision === 'string' ? ` for ${provision}` : ''}`;
    for (const field of Object.keys(entry)) {
      if (!FIELDS.includes(field)) problems.push(`${at}: field "${field}" is not one of ${FIELDS.join(', ')}`);
    }
    if (typeof provision !== 'string' || !PROVISION_KEY.test(provision)) {
      problems.push(`${at}: provision ${provision === undefined ? 'is missing' : `${shown(provision)} is not a provision key (a clause "1.53", a principle "P3" or a standard "S8")`}; for example "provision": "1.65"`);
    }
    if (typeof trigger !== 'string' || !TRIGGERS.includes(trigger.toLowerCase())) {
      problems.push(`${at}: trigger ${trigger === undefined ? 'is missing' : `${shown(trigger)} is not a modal verb (${TRIGGERS.join(', ')})`}; for example "trigger": "should"`);
    }
    if (typeof occurrence !== 'number' || !Number.isInteger(occurrence) || occurrence < 1) {
      problems.push(`${at}: occurrence ${occurrence === undefined ? 'is missing' : `${shown(occurrence)} is not a positive whole number (1 is the trigger's first use in the provision)`}; for example "occurrence": 1`);
    }
    if (typeof decision !== 'string' || !(OVERRIDE_DECISIONS as readonly string[]).includes(decision)) {
      problems.push(`${at}: decision ${decision === undefined ? 'is missing' : `${shown(decision)} is not one of ${OVERRIDE_DECISIONS.join(', ')}`}; for example "decision": "NOT_OBLIGATION"`);
    }
    if (addressees !== undefined) {
      const example = `"addressees": ["${bodyKeys[0] ?? 'statutory-partners'}"]`;
      if (!Array.isArray(addressees)) {
        problems.push(`${at}: addressees must be a list of body keys ([] for an impersonal obligation); for example ${example}`);
      } else {
        for (const key of addressees as unknown[]) {
          if (typeof key !== 'string' || !bodyKeys.includes(key)) problems.push(`${at}: addressee ${shown(key)} is not one of the catalogue's bodies (${bodyKeys.join(', ')}); for example ${example}`);
        }
      }
      if (decision === 'NOT_OBLIGATION') problems.push(`${at}: addressees are given but the decision is NOT_OBLIGATION; addressees replace an obligation's own, so remove them or decide "decision": "OBLIGATION"`);
    }
    if (typeof reason !== 'string' || reason.trim() === '') {
      problems.push(`${at}: reason ${reason === undefined ? 'is missing' : `${shown(reason)} does not say why`}; every entry says why the rules read this modal wrongly, for example "reason": "States how a framework relates to the standards; it tells no body to do anything."`);
    }
  });
  if (problems.length > 0) throw new OverrideFileError(problems);
  return data as unknown as OverrideFile;
}
