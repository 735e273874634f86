import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../core/config.ts';
import { readCode } from '../../../reader/read-code.ts';
import { readerContext, readProvision } from '../../../reader/read-provision.ts';
import { parseCleanText, partsOfText, ProvisionTextError } from '../../../reader/stages/1-parse-clean-text.ts';
import { OverrideError } from '../../../reader/stages/4-apply-overrides.ts';
import { loadCatalogue } from '../../../seed/load-catalogue.ts';
import { loadOverrides } from '../../../seed/load-overrides.ts';
import { readSeedInput } from '../../../seed/index.ts';

const catalogue = loadCatalogue(path.join(PROJECT_ROOT, 'seed/data/catalogue.json'));
const context = readerContext(catalogue);
const ACT_2014 = 'Social Services and Well-being (Wales) Act 2014';
const ACT_2006 = 'National Health Service (Wales) Act 2006';
/** How the Code binds each statutory partner (seed/data/catalogue.json, "bindings"), for a requirement and a guideline. */
const BINDING = {
  REQUIREMENT: {
    'local-authority': `Local authorities must act in accordance with the Code's requirements, as a code issued under section 145 of the ${ACT_2014} (clauses 1.1 and 1.4).`,
    'local-health-board': `Local health boards must act in accordance with the Code's requirements, as the Welsh Ministers direct them under section 12 of the ${ACT_2006} (clause 1.5).`,
    'nhs-trust': `NHS trusts must act in accordance with the Code's requirements, as the Welsh Ministers direct them under section 19 of the ${ACT_2006} (clause 1.5).`,
  },
  GUIDELINE: {
    'local-authority': `Local authorities must have regard to the Code's guidelines, as a code issued under section 145 of the ${ACT_2014} (clauses 1.1 and 1.7).`,
    'local-health-board': `Local health boards must have regard to the Code's guidelines, as guidance under section 2 of the ${ACT_2006} and section 169 of the ${ACT_2014} (clauses 1.2 and 1.7).`,
    'nhs-trust': `NHS trusts must have regard to the Code's guidelines, as guidance under section 2 of the ${ACT_2006} and section 169 of the ${ACT_2014} (clauses 1.2 and 1.7).`,
  },
} as const;
const partners = (reason: string, explanation: string, force: keyof typeof BINDING) =>
  (['local-authority', 'local-health-board', 'nhs-trust'] as const).map((body) => ({
    body,
    reason,
    via: reason === 'IMPERSONAL' ? null : 'statutory-partners',
    explanation: `${explanation} ${BINDING[force][body]}`,
  }));
const MEMBERS = (force: keyof typeof BINDING) => partners('MEMBER_OF_NAMED_GROUP', 'One of the statutory partners named in the obligation (clause 1.3).', force);

describe('readProvision', () => {
  it('reads "must A and should B" in an edited clause as two obligations of the statutory partners', () => {
    const sentence = 'Statutory partners must publish their fee rates and should review them every year.';
    const reading = readProvision({ key: '1.95', kind: 'CLAUSE', text: sentence }, context);
    const common = { provision: '1.95', text: sentence, addressees: ['statutory-partners'], qualifiers: [], fromOverride: false, overrideReason: null, footnotes: [] };
    expect(reading).toEqual({
      key: '1.95',
      kind: 'CLAUSE',
      text: sentence,
      footnotes: [],
      modalUses: [
        { provision: '1.95', trigger: 'must', start: 19, end: 23, sentenceStart: 0, sentenceEnd: 82, subject: 'Statutory partners', predicate: 'publish their fee rates and', isObligation: true, notObligationBecause: null, notObligationKind: null },
        { provision: '1.95', trigger: 'should', start: 52, end: 58, sentenceStart: 0, sentenceEnd: 82, subject: 'Statutory partners', predicate: 'review them every year.', isObligation: true, notObligationBecause: null, notObligationKind: null },
      ],
      uncountedModals: [],
      obligations: [
        { key: '1.95/1', index: 1, modality: 'MUST', force: 'REQUIREMENT', trigger: 'must', triggerStart: 19, triggerEnd: 23, ...common, applicability: MEMBERS('REQUIREMENT'), statement: 'Statutory partners must publish their fee rates', statementStart: 0, statementEnd: 47, restoredSubject: null },
        { key: '1.95/2', index: 2, modality: 'SHOULD', force: 'GUIDELINE', trigger: 'should', triggerStart: 52, triggerEnd: 58, ...common, applicability: MEMBERS('GUIDELINE'), statement: 'Statutory partners should review them every year.', statementStart: 52, statementEnd: 82, restoredSubject: 'Statutory partners' },
      ],
      citedDuties: [],
      citations: [],
      overridesApplied: 0,
    });
  });

  it('reads a lead-in with its list as one obligation, "they" as the previous addressees, and a descriptive "may" as none', () => {
    const text = [
      'Commissioners must take all reasonable steps, where appropriate, to:',
      'a) publish their fee rates under the Equality Act 2010[^8]; and',
      '  i. review them every year.',
      'They should tell providers. It may be necessary to wait.',
    ].join('\n');
    const reading = readProvision({ key: '1.95', kind: 'CLAUSE', text }, context);
    expect(reading.text).toBe(text.replace('[^8]', ''));
    expect(reading.modalUses.map((use) => [use.trigger, use.isObligation])).toEqual([
      ['must', true],
      ['should', true],
      ['may', false],
    ]);
    expect(reading.obligations.map(({ key, text: sentence, modality, force, addressees, qualifiers, footnotes, applicability }) => ({ key, sentence, modality, force, addressees, qualifiers, footnotes, bound: applicability.map((a) => `${a.body} ${a.reason}`) }))).toEqual([
      {
        key: '1.95/1',
        sentence: 'Commissioners must take all reasonable steps, where appropriate, to: a) publish their fee rates under the Equality Act 2010; and i. review them every year.',
        modality: 'MUST',
        force: 'REQUIREMENT',
        addressees: ['commissioner'],
        qualifiers: ['REASONABLE_STEPS', 'WHERE_APPROPRIATE'],
        footnotes: [8],
        bound: ['local-authority ACTS_FOR_STATUTORY_PARTNERS', 'local-health-board ACTS_FOR_STATUTORY_PARTNERS', 'nhs-trust ACTS_FOR_STATUTORY_PARTNERS'],
      },
      {
        key: '1.95/2',
        sentence: 'They should tell providers.',
        modality: 'SHOULD',
        force: 'GUIDELINE',
        addressees: ['commissioner'],
        qualifiers: [],
        footnotes: [],
        bound: ['local-authority ACTS_FOR_STATUTORY_PARTNERS', 'local-health-board ACTS_FOR_STATUTORY_PARTNERS', 'nhs-trust ACTS_FOR_STATUTORY_PARTNERS'],
      },
    ]);
    expect(reading.footnotes).toEqual([8]);
    expect(reading.citations).toEqual([
      { from: '1.95', fromLabel: 'Provision', to: 'ukpga/2010/15', toLabel: 'Instrument', by: 'FOOTNOTE' },
      { from: '1.95/1', fromLabel: 'Obligation', to: 'ukpga/2010/15', toLabel: 'Instrument', by: 'FOOTNOTE' },
    ]);
  });

  it('reads "they" as the bodies the sentence before opens with, singular bodies, and the marker of a list item as no subject', () => {
    const text = ['Every NHS trust must publish its plan. Providers read the plan each spring. They may comment on it.', 'Local health boards:', 'a) must consult carers; and', 'b) should publish what they heard.'].join('\n');
    const reading = readProvision({ key: '1.95', kind: 'CLAUSE', text }, context);
    expect(reading.obligations.map((o) => [o.key, o.trigger, o.addressees])).toEqual([
      ['1.95/1', 'must', ['nhs-trust']],
      ['1.95/2', 'may', ['provider']],
      ['1.95/3', 'must', ['local-health-board']],
      ['1.95/4', 'should', ['local-health-board']],
    ]);
  });

  it('reads the parts of the clean text and the same text typed plainly alike', () => {
    const parsed = parseCleanText('@revision x\n\n# Head\n1.95. Providers must keep records:\n  a) of care[^3];\n    i. and of fees.\n');
    const [provision] = parsed.headings[0]?.provisions ?? [];
    if (provision === undefined) throw new Error('no provision');
    const fromParts = readProvision({ key: '1.95', kind: 'CLAUSE', parts: provision.parts }, context);
    const fromText = readProvision({ key: '1.95', kind: 'CLAUSE', text: 'Providers must keep records:\na) of care[^3];\n  i. and of fees.' }, context);
    expect(fromText).toEqual(fromParts);
    expect(fromText.obligations.map((o) => [o.key, o.addressees, o.applicability.map((a) => `${a.body} ${a.reason}`)])).toEqual([['1.95/1', ['provider'], ['provider THROUGH_CONTRACTS']]]);
  });

  it('applies an override for the provision and refuses one that matches none of its modals', () => {
    const text = 'Statutory partners should note that the framework may change.';
    const reading = readProvision({ key: '1.95', kind: 'CLAUSE', text }, context, [
      { provision: '1.95', trigger: 'should', occurrence: 1, decision: 'NOT_OBLIGATION', reason: 'a remark, not a duty' },
    ]);
    expect([reading.obligations, reading.overridesApplied, reading.modalUses[0]?.notObligationBecause]).toEqual([[], 1, 'override: a remark, not a duty']);
    expect(reading.uncountedModals).toEqual([
      { trigger: 'should', start: 19, end: 25, kind: 'OVERRIDE', reason: 'a remark, not a duty' },
      { trigger: 'may', start: 50, end: 53, kind: 'DESCRIPTION', reason: 'describes a possibility ("may"), it does not grant a permission to a body' },
    ]);
    expect(() => readProvision({ key: '1.95', kind: 'CLAUSE', text }, context, [{ provision: '1.95', trigger: 'must', occurrence: 1, decision: 'NOT_OBLIGATION', reason: 'r' }])).toThrow(
      new OverrideError('no "must" number 1 in 1.95 (found 0); remove or fix the entry'),
    );
  });

  it('refuses a line a provision\'s text cannot hold, naming the line', () => {
    expect(() => partsOfText('Commissioners must act.\n# A heading')).toThrow(
      new ProvisionTextError(2, 'unrecognised line "# A heading": a provision\'s text is paragraphs and list items ("a) ", "i. " or "- ", nested items indented two spaces), without headings, footnote definitions or notes'),
    );
    expect(() => partsOfText('Commissioners must:\n  i. act.')).toThrow("line 2 of the provision's text: a nested item (indented two spaces) must follow a list item; got \"  i. act.\"");
  });

  it('re-reads every provision of the Code from its stored text to the same obligations (footnote markers aside)', () => {
    const { code } = readSeedInput(PROJECT_ROOT);
    const overrides = loadOverrides(path.join(PROJECT_ROOT, 'seed/data/overrides.json'), catalogue);
    const differ = code.provisions.filter((provision) => {
      const own = overrides.filter((override) => override.provision === provision.key);
      const again = readProvision({ key: provision.key, kind: provision.kind, text: provision.text }, context, own);
      const reread = again.obligations.map(({ footnotes: _footnotes, ...obligation }) => obligation);
      const seeded = code.obligations.filter((o) => o.provision === provision.key).map(({ footnotes: _footnotes, order: _order, line: _line, ...obligation }) => obligation);
      return again.text !== provision.text || JSON.stringify(reread) !== JSON.stringify(seeded);
    });
    expect(differ.map((provision) => provision.key)).toEqual([]);
  });
});

describe('readCode', () => {
  it('stops on an override for a provision the Code does not hold', () => {
    const source = '@revision x\n\n# Head\n1.1. Statutory partners must act.\n';
    expect(readCode(source, catalogue, []).obligations.map((o) => o.key)).toEqual(['1.1/1']);
    expect(() => readCode(source, catalogue, [{ provision: '1.2', trigger: 'must', occurrence: 1, decision: 'NOT_OBLIGATION', reason: 'r' }])).toThrow(
      new OverrideError('no "must" number 1 in 1.2 (found 0); remove or fix the entry'),
    );
  });
});
