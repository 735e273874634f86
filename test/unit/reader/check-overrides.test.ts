import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../core/config.ts';
import { checkOverrides, OverrideFileError } from '../../../reader/stages/4-apply-overrides.ts';

const BODIES = ['statutory-partners', 'commissioner'];
const good = { provision: '1.65', trigger: 'should', occurrence: 1, decision: 'NOT_OBLIGATION', reason: 'States a relation; it tells no body to do anything.' };
const file = (...overrides: unknown[]) => ({ about: 'Reviewed exceptions', overrides });

/** The problems checkOverrides finds, in order ([] when it passes). */
function problemsOf(data: unknown): string[] {
  try {
    checkOverrides(data, BODIES);
    return [];
  } catch (error) {
    if (error instanceof OverrideFileError) return error.problems;
    throw error;
  }
}

describe('checkOverrides', () => {
  it('passes the override file the seed reads, and returns it', () => {
    const data: unknown = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'seed/data/overrides.json'), 'utf8'));
    expect(checkOverrides(data, ['statutory-partners']).overrides.map((o) => `${o.provision} ${o.trigger} ${o.occurrence} ${o.decision}`)).toEqual(['1.65 should 1 NOT_OBLIGATION']);
  });

  it('passes an OBLIGATION with known addressees, and one with none (impersonal)', () => {
    expect(problemsOf(file({ ...good, decision: 'OBLIGATION', addressees: ['commissioner'] }, { ...good, trigger: 'Must not', decision: 'OBLIGATION', addressees: [] }))).toEqual([]);
  });

  it('names the file, the entry and a valid value', () => {
    const problem = 'overrides[0] for clause 1.65: provision "clause 1.65" is not a provision key (a clause "1.53", a principle "P3" or a standard "S8"); for example "provision": "1.65"';
    expect(() => checkOverrides(file({ ...good, provision: 'clause 1.65' }), BODIES)).toThrow(new OverrideFileError([problem]));
    expect(new OverrideFileError([problem]).message).toBe(`seed/data/overrides.json has 1 problem(s):\n- ${problem}`);
  });

  it('collects every fault of every entry', () => {
    const noReason: Record<string, unknown> = { ...good };
    delete noReason['reason'];
    expect(
      problemsOf(
        file(
          { ...good, trigger: 'shall' },
          { ...good, occurrence: 0 },
          { ...good, occurrence: 1.5 },
          { ...good, decision: 'NOT' },
          { ...good, decision: 'OBLIGATION', addressees: ['statutory-partner'] },
          { ...good, addressees: 'commissioner' },
          { ...good, addressees: ['commissioner'] },
          { ...good, reason: '  ' },
          noReason,
          { ...good, note: 'x' },
          'not an entry',
          { trigger: 'should', occurrence: 1, decision: 'OBLIGATION', reason: 'r' },
        ),
      ),
    ).toEqual([
      'overrides[0] for 1.65: trigger "shall" is not a modal verb (must, must not, must never, should, should not, should never, may, may not, may never); for example "trigger": "should"',
      'overrides[1] for 1.65: occurrence 0 is not a positive whole number (1 is the trigger\'s first use in the provision); for example "occurrence": 1',
      'overrides[2] for 1.65: occurrence 1.5 is not a positive whole number (1 is the trigger\'s first use in the provision); for example "occurrence": 1',
      'overrides[3] for 1.65: decision "NOT" is not one of OBLIGATION, NOT_OBLIGATION; for example "decision": "NOT_OBLIGATION"',
      'overrides[4] for 1.65: addressee "statutory-partner" is not one of the catalogue\'s bodies (statutory-partners, commissioner); for example "addressees": ["statutory-partners"]',
      'overrides[5] for 1.65: addressees must be a list of body keys ([] for an impersonal obligation); for example "addressees": ["statutory-partners"]',
      'overrides[5] for 1.65: addressees are given but the decision is NOT_OBLIGATION; addressees replace an obligation\'s own, so remove them or decide "decision": "OBLIGATION"',
      'overrides[6] for 1.65: addressees are given but the decision is NOT_OBLIGATION; addressees replace an obligation\'s own, so remove them or decide "decision": "OBLIGATION"',
      'overrides[7] for 1.65: reason "  " does not say why; every entry says why the rules read this modal wrongly, for example "reason": "States how a framework relates to the standards; it tells no body to do anything."',
      'overrides[8] for 1.65: reason is missing; every entry says why the rules read this modal wrongly, for example "reason": "States how a framework relates to the standards; it tells no body to do anything."',
      'overrides[9] for 1.65: field "note" is not one of provision, trigger, occurrence, decision, addressees, reason',
      'overrides[10]: an entry must be an object; for example {"provision": "1.65", "trigger": "should", "occurrence": 1, "decision": "NOT_OBLIGATION", "reason": "States how a framework relates to the standards; it tells no body to do anything."}',
      'overrides[11]: provision is missing; for example "provision": "1.65"',
    ]);
  });

  it('refuses a file without its list of overrides', () => {
    expect(problemsOf({ overrides: {} })).toEqual([
      '"about" must be a text saying what the file is; for example "about": "Reviewed exceptions to the reader\'s rules"',
      '"overrides" must be a list of entries; for example "overrides": [{"provision": "1.65", "trigger": "should", "occurrence": 1, "decision": "NOT_OBLIGATION", "reason": "States how a framework relates to the standards; it tells no body to do anything."}]',
    ]);
  });
});
