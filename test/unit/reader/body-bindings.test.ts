import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../core/config.ts';
import { CODE_INSTRUMENT_KEY } from '../../../core/vocabulary.ts';
import { bindingSentences } from '../../../reader/body-bindings.ts';
import type { Catalogue } from '../../../reader/catalogue.ts';
import { loadCatalogue } from '../../../seed/load-catalogue.ts';

const catalogue = loadCatalogue(path.join(PROJECT_ROOT, 'seed/data/catalogue.json'));
const ACT_2014 = 'Social Services and Well-being (Wales) Act 2014';
const ACT_2006 = 'National Health Service (Wales) Act 2006';

describe('bindingSentences (docs/reading-rules.md, "Legal basis per body")', () => {
  it("says how the Code binds each statutory partner to its requirements and guidelines, naming the clauses and the provisions", () => {
    const sentence = bindingSentences(catalogue, CODE_INSTRUMENT_KEY);
    const bodies = ['local-authority', 'local-health-board', 'nhs-trust', 'provider', 'commissioner'];
    expect(bodies.map((body) => [body, sentence(body, 'REQUIREMENT'), sentence(body, 'GUIDELINE')])).toEqual([
      [
        'local-authority',
        `Local authorities must act in accordance with the Code's requirements, as a code issued under section 145 of the ${ACT_2014} (clauses 1.1 and 1.4).`,
        `Local authorities must have regard to the Code's guidelines, as a code issued under section 145 of the ${ACT_2014} (clauses 1.1 and 1.7).`,
      ],
      [
        'local-health-board',
        `Local health boards must act in accordance with the Code's requirements, as the Welsh Ministers direct them under section 12 of the ${ACT_2006} (clause 1.5).`,
        `Local health boards must have regard to the Code's guidelines, as guidance under section 2 of the ${ACT_2006} and section 169 of the ${ACT_2014} (clauses 1.2 and 1.7).`,
      ],
      [
        'nhs-trust',
        `NHS trusts must act in accordance with the Code's requirements, as the Welsh Ministers direct them under section 19 of the ${ACT_2006} (clause 1.5).`,
        `NHS trusts must have regard to the Code's guidelines, as guidance under section 2 of the ${ACT_2006} and section 169 of the ${ACT_2014} (clauses 1.2 and 1.7).`,
      ],
      ['provider', null, null],
      ['commissioner', null, null],
    ]);
  });

  it('joins the ways one body is bound, and the places that say so, in the catalogue\'s order', () => {
    const [first, second] = catalogue.bindings.filter((entry) => entry.body === 'local-health-board' && entry.force === 'GUIDELINE');
    if (first === undefined || second === undefined) throw new Error('the catalogue binds local health boards to the guidelines twice');
    const mixed: Catalogue = { ...catalogue, bindings: [{ ...first, relation: 'ISSUED_UNDER', location: 'clause 1.1' }, second] };
    expect(bindingSentences(mixed, CODE_INSTRUMENT_KEY)('local-health-board', 'GUIDELINE')).toBe(
      `Local health boards must have regard to the Code's guidelines, as a code issued under section 2 of the ${ACT_2006}, and as guidance under section 169 of the ${ACT_2014} (clause 1.1; clauses 1.2 and 1.7).`,
    );
    expect(bindingSentences(mixed, 'code/another')('local-health-board', 'GUIDELINE')).toBeNull();
  });
});
