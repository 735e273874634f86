import { describe, expect, it } from 'vitest';
import { BodyLexicon } from '../../../reader/body-lexicon.ts';
import { parseCleanText, ReaderError, slug } from '../../../reader/stages/1-parse-clean-text.ts';
import { buildProvisionText, stripFootnoteMarkers } from '../../../reader/stages/2-build-provision-text.ts';
import { findModalUses, mainSubject, splitSentences } from '../../../reader/stages/3-find-modal-uses.ts';
import { applyOverrides, OverrideError } from '../../../reader/stages/4-apply-overrides.ts';
import { addresseesOf, applicabilityOf } from '../../../reader/stages/5-resolve-bodies.ts';
import { forceOf, modalityOf, qualifiersOf } from '../../../reader/stages/6-classify-obligations.ts';

const lexicon = new BodyLexicon([
  { key: 'statutory-partners', name: 'Statutory partners', aliases: ['statutory partners'], memberOf: [], actsFor: [] },
  { key: 'local-authority', name: 'Local authority', aliases: ['local authorities', 'local authority'], memberOf: ['statutory-partners'], actsFor: [] },
  { key: 'local-health-board', name: 'Local health board', aliases: ['local health boards'], memberOf: ['statutory-partners'], actsFor: [] },
  { key: 'nhs-trust', name: 'NHS trust', aliases: ['NHS trusts'], memberOf: ['statutory-partners'], actsFor: [] },
  { key: 'commissioner', name: 'Commissioners', aliases: ['commissioners'], memberOf: [], actsFor: ['statutory-partners'] },
  { key: 'provider', name: 'Provider', aliases: ['service providers', 'providers'], memberOf: [], actsFor: [] },
  { key: 'regional-partnership-board', name: 'RPB', aliases: ['Regional Partnership Boards'], memberOf: [], actsFor: [] },
]);

const text = (s: string) => buildProvisionText('X', [{ line: 1, kind: 'PARAGRAPH', marker: null, depth: 0, text: s }]);
const uses = (s: string) => findModalUses(text(s), (prefix) => lexicon.mentions(prefix).length > 0 && /^(statutory partners|commissioners)/i.test(prefix.trim()));

describe('parseCleanText', () => {
  it('rejects a line the format does not allow, naming the line', () => {
    expect(() => parseCleanText('@revision x\n\n# Head\n   odd indent')).toThrow(new ReaderError(4, 'unrecognised line "   odd indent": list items are indented two or four spaces and start with "a) ", "i. " or "- "'));
  });
  it('rejects a clause given twice', () => {
    expect(() => parseCleanText('@revision x\n\n# H\n1.1. a\n\n1.1. b')).toThrow('code-of-practice.txt line 6: 1.1 appears twice');
  });
  it('makes heading keys from titles', () => {
    expect(slug('Mwy Na Geiriau/More than just words')).toBe('mwy-na-geiriau-more-than-just-words');
    expect(slug('Principles of consistent, ethical & effective')).toBe('principles-of-consistent-ethical-and-effective');
  });
});

describe('stripFootnoteMarkers', () => {
  it('removes [^N] and keeps where each stood', () => {
    expect(stripFootnoteMarkers('the Equality Act 2010[^8] and the Act[^12].')).toEqual({
      text: 'the Equality Act 2010 and the Act.',
      refs: [{ number: 8, offset: 21 }, { number: 12, offset: 33 }],
    });
  });
});

describe('splitSentences', () => {
  it('does not split after "e.g." or "i.e."', () => {
    const s = 'Statutory partners must act, e.g. Quickly. Then stop.';
    expect(splitSentences(s, 0, s.length).map((x) => s.slice(x.start, x.end))).toEqual(['Statutory partners must act, e.g. Quickly.', 'Then stop.']);
  });
});

describe('findModalUses', () => {
  it('counts "must X and must Y" as two obligations sharing the subject', () => {
    expect(uses('Statutory partners must plan and must review.').map((u) => [u.trigger, u.subject, u.isObligation])).toEqual([
      ['must', 'Statutory partners', true],
      ['must', 'Statutory partners', true],
    ]);
  });
  it('reads a quoted modal as a mention, not a duty', () => {
    expect(uses('A requirement is expressed as a "must".')[0]?.isObligation).toBe(false);
  });
  it('reads "may" as a permission only when a body is its subject', () => {
    expect(uses('Statutory partners may pool budgets.')[0]?.isObligation).toBe(true);
    expect(uses('It may be necessary to act.')[0]?.isObligation).toBe(false);
    expect(uses('Commissioners should protect adults who may be at risk.').map((u) => u.isObligation)).toEqual([true, false]);
  });
  it('takes the subject after a relative pronoun', () => {
    expect(mainSubject('Contract clauses have been developed which commissioners')).toBe('commissioners');
  });
  it('keeps in the subject a relative clause that belongs to the body before it', () => {
    const opensWithBody = (prefix: string) => /^\s*(?:commissioners|local authorities)\b/i.test(prefix);
    expect(mainSubject('Commissioners who run block contracts ', opensWithBody)).toBe('Commissioners who run block contracts');
    expect(mainSubject('Local authorities that share a border with Wales ', opensWithBody)).toBe('Local authorities that share a border with Wales');
    expect(mainSubject('Contract clauses have been developed which commissioners ', opensWithBody)).toBe('commissioners');
  });
  it('reads "must never" and "should never" as prohibitions', () => {
    const found = uses('Commissioners must never split a contract and should never delay a payment.');
    expect(found.map((u) => [u.trigger, u.subject, modalityOf(u.trigger)])).toEqual([
      ['must never', 'Commissioners', 'MUST_NOT'],
      ['should never', 'Commissioners', 'SHOULD_NOT'],
    ]);
  });
  it('reads a modal in single quotes as a quotation, and an apostrophe as none', () => {
    expect(uses('The 2015 Act says that each body ‘must act’.')[0]?.isObligation).toBe(false);
    expect(uses("The 2015 Act says that each body 'must act'.")[0]?.isObligation).toBe(false);
    expect(uses("Commissioners' plans must be published.")[0]?.isObligation).toBe(true);
  });
  it('reads a "may" in a clause of purpose as no permission', () => {
    expect(uses('Statutory partners should plan early so that commissioners may act in time.').map((u) => [u.trigger, u.isObligation, u.notObligationKind])).toEqual([
      ['should', true, null],
      ['may', false, 'DESCRIPTION'],
    ]);
  });
});

describe('addresseesOf', () => {
  it('names every body of a joint subject', () => {
    expect(addresseesOf(lexicon, 'Local authorities, local health boards and NHS trusts', 'act', [])).toEqual(['local-authority', 'local-health-board', 'nhs-trust']);
  });
  it('ignores a body that follows a preposition ("through Regional Partnership Boards")', () => {
    expect(addresseesOf(lexicon, 'Statutory partners, through Regional Partnership Boards,', 'plan', [])).toEqual(['statutory-partners']);
  });
  it('names the agent of a passive ("should be read by providers")', () => {
    expect(addresseesOf(lexicon, 'The Charter', 'be read by providers and commissioners', [])).toEqual(['provider', 'commissioner']);
  });
  it('gives none for an impersonal sentence', () => {
    expect(addresseesOf(lexicon, 'Commissioning', 'be underpinned by values', [])).toEqual([]);
  });
  it('names no body of a clause that opens the sentence, unless the subject is "they"', () => {
    expect(addresseesOf(lexicon, 'When providers change hands, the local authority', 'act', [])).toEqual(['local-authority']);
    expect(addresseesOf(lexicon, 'If local authorities ask, the views of providers', 'be heard', [])).toEqual([]);
    expect(addresseesOf(lexicon, 'Where commissioners see a risk to a provider, they', 'act', ['nhs-trust'])).toEqual(['commissioner']);
  });
  it('reads "a" as a determiner and a partitive "of" as no preposition', () => {
    expect(addresseesOf(lexicon, 'Providers working on behalf of a local authority', 'act', [])).toEqual(['provider']);
    expect(addresseesOf(lexicon, 'Each of the statutory partners', 'act', [])).toEqual(['statutory-partners']);
  });
  it('finds the agent of a passive after a few words ("agreed in writing by both ...")', () => {
    expect(addresseesOf(lexicon, 'The plan', 'be approved in writing by both commissioners and providers', [])).toEqual(['commissioner', 'provider']);
    expect(addresseesOf(lexicon, 'The plan', 'be co-signed by providers', [])).toEqual(['provider']);
    expect(addresseesOf(lexicon, 'The plan', 'be approved by the end of the year', [])).toEqual([]);
  });
  it('gives "they", and "it" doing something, the bodies before', () => {
    expect(addresseesOf(lexicon, 'They', 'tell providers', ['local-authority'])).toEqual(['local-authority']);
    expect(addresseesOf(lexicon, 'It', 'tell providers', ['local-authority'])).toEqual(['local-authority']);
    expect(addresseesOf(lexicon, 'It', 'be reviewed each year', ['local-authority'])).toEqual([]);
  });
});

describe('applicabilityOf (docs/reading-rules.md, "Applicability")', () => {
  it('binds the three statutory partners for a commissioner duty, and only local authorities for theirs', () => {
    expect(applicabilityOf(lexicon, ['commissioner']).map((a) => `${a.body} ${a.reason}`)).toEqual([
      'local-authority ACTS_FOR_STATUTORY_PARTNERS',
      'local-health-board ACTS_FOR_STATUTORY_PARTNERS',
      'nhs-trust ACTS_FOR_STATUTORY_PARTNERS',
    ]);
    expect(applicabilityOf(lexicon, ['local-authority']).map((a) => `${a.body} ${a.reason}`)).toEqual(['local-authority NAMED']);
  });
  it('reaches providers through contracts and binds nobody for a body outside the rule', () => {
    expect(applicabilityOf(lexicon, ['provider']).map((a) => `${a.body} ${a.reason}`)).toEqual(['provider THROUGH_CONTRACTS']);
    expect(applicabilityOf(lexicon, ['regional-partnership-board'])).toEqual([]);
  });
});

describe('modality, force and qualifiers', () => {
  it('maps every modal to its modality and force (clause 1.8)', () => {
    expect(['must', 'must not', 'should', 'Should not', 'may'].map((t) => [modalityOf(t), forceOf(modalityOf(t))])).toEqual([
      ['MUST', 'REQUIREMENT'],
      ['MUST_NOT', 'REQUIREMENT'],
      ['SHOULD', 'GUIDELINE'],
      ['SHOULD_NOT', 'GUIDELINE'],
      ['MAY', 'GUIDELINE'],
    ]);
  });
  it('finds the qualifiers in the obligation\'s own words', () => {
    expect(qualifiersOf('Statutory partners', 'take all reasonable steps and have due regard to X, where appropriate')).toEqual(['HAVE_REGARD', 'REASONABLE_STEPS', 'WHERE_APPROPRIATE']);
    expect(qualifiersOf('Statutory partners', 'work together, including where appropriate use pooled budgets')).toEqual([]);
  });
});

describe('applyOverrides', () => {
  const found = uses('Statutory partners should plan.');
  it('changes the decision of exactly the modal it names', () => {
    const { uses: result, applied } = applyOverrides(found, [{ provision: 'X', trigger: 'should', occurrence: 1, decision: 'NOT_OBLIGATION', reason: 'a statement, not a duty' }]);
    expect(result[0]?.isObligation).toBe(false);
    expect(applied.size).toBe(1);
  });
  it('stops the seed on an override that matches nothing', () => {
    expect(() => applyOverrides(found, [{ provision: 'X', trigger: 'must', occurrence: 1, decision: 'NOT_OBLIGATION', reason: 'r' }])).toThrow(
      new OverrideError('no "must" number 1 in X (found 0); remove or fix the entry'),
    );
  });
});
