/**
 * Stage 6: what kind of obligation each one is (docs/reading-rules.md, "Modality and force"
 * and "Qualifiers"). Reads: each ModalUse that stage 4 left an obligation (its trigger,
 * subject and predicate). Writes: its modality, its force per clause 1.8 of the Code, and
 * its qualifiers.
 */
import type { Force, Modality, Qualifier } from '../model.ts';

/**
 * The modality of a trigger as stage 3 found it ("must not", "Should"); "never" negates like
 * "not" ("must never" is MUST_NOT, "should never" SHOULD_NOT); "may" and "may not" are MAY.
 */
export function modalityOf(trigger: string): Modality {
  const words = trigger.toLowerCase().split(/\s+/);
  const negated = words[1] === 'not' || words[1] === 'never';
  switch (words[0]) {
    case 'must':
      return negated ? 'MUST_NOT' : 'MUST';
    case 'should':
      return negated ? 'SHOULD_NOT' : 'SHOULD';
    default:
      return 'MAY';
  }
}

/** Force per clause 1.8: "must"/"must not" are requirements; "may", "should", "should not" guidelines. */
export function forceOf(modality: Modality): Force {
  switch (modality) {
    case 'MUST':
    case 'MUST_NOT':
      return 'REQUIREMENT';
    case 'SHOULD':
    case 'SHOULD_NOT':
    case 'MAY':
      return 'GUIDELINE';
  }
}

/** Qualifiers of an obligation from its own words (docs/reading-rules.md, "Qualifiers"). */
export function qualifiersOf(subject: string, predicate: string): Qualifier[] {
  const qualifiers: Qualifier[] = [];
  if (/\bhave (?:due )?regard to\b/i.test(predicate)) qualifiers.push('HAVE_REGARD');
  if (/\btake all reasonable steps\b/i.test(predicate)) qualifiers.push('REASONABLE_STEPS');
  const span = `${subject} ${predicate}`;
  if (/(?<!including )\b(?:where|as) (?:it is )?appropriate\b/i.test(span)) qualifiers.push('WHERE_APPROPRIATE');
  return qualifiers;
}
