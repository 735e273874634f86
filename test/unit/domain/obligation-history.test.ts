import { describe, expect, it } from 'vitest';
import { changesBetween, obligationHistory, type ObligationVersion } from '../../../domain/obligation-history.ts';

const v2024: ObligationVersion = {
  revision: '2024-09-01',
  key: '1.45/1',
  modality: 'SHOULD',
  force: 'GUIDELINE',
  text: 'Statutory partners should be able to demonstrate ...',
  qualifiers: [],
  addressees: ['statutory-partners'],
  appliesTo: ['local-authority', 'local-health-board', 'nhs-trust'],
};
const vDraft: ObligationVersion = { ...v2024, revision: 'draft', key: '1.46/1', modality: 'MUST', force: 'REQUIREMENT', text: 'Statutory partners must be able to demonstrate ...' };

describe('obligationHistory', () => {
  it('orders the versions by revision, oldest first, and names what changed at each step', () => {
    expect(obligationHistory([vDraft, v2024], ['2024-09-01', 'draft'])).toEqual([
      { version: v2024, changes: [] },
      { version: vDraft, changes: ['RENUMBERED', 'TEXT', 'MODALITY', 'FORCE'] },
    ]);
  });

  it('leaves out versions in revisions the caller cannot see', () => {
    expect(obligationHistory([vDraft, v2024], ['2024-09-01']).map((step) => step.version.revision)).toEqual(['2024-09-01']);
  });

  it('compares addressees, applicability and qualifiers as sets', () => {
    expect(changesBetween(v2024, { ...v2024, revision: 'x', appliesTo: ['nhs-trust', 'local-health-board', 'local-authority'] })).toEqual([]);
    expect(changesBetween(v2024, { ...v2024, revision: 'x', addressees: ['provider'], appliesTo: ['provider'], qualifiers: ['WHERE_APPROPRIATE'] })).toEqual([
      'ADDRESSEES',
      'APPLIES_TO',
      'QUALIFIERS',
    ]);
  });
});
