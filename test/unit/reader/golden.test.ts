/**
 * Golden files for the reader (docs/reading-rules.md, "Testing the rules"): each hard passage of the Code is a named
 * case whose stage output is pinned in test/fixtures/golden/<case>.json. Update them only on
 * purpose (`npx vitest run --project unit -u`) and review the diff like code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../core/config.ts';
import { loadCatalogue } from '../../../seed/load-catalogue.ts';
import { buildProvisionText } from '../../../reader/stages/2-build-provision-text.ts';
import { findModalUses } from '../../../reader/stages/3-find-modal-uses.ts';
import { parseCleanText } from '../../../reader/stages/1-parse-clean-text.ts';
import { readCode } from '../../../reader/read-code.ts';
import { BodyLexicon, isBodySubject } from '../../../reader/body-lexicon.ts';
import { readSeedInput } from '../../../seed/index.ts';

const text = readFileSync(path.join(PROJECT_ROOT, 'seed/data/code-of-practice.txt'), 'utf8');
const catalogue = loadCatalogue(path.join(PROJECT_ROOT, 'seed/data/catalogue.json'));
const parsed = parseCleanText(text);
const lexicon = new BodyLexicon(catalogue.bodies);
const { code } = readSeedInput(PROJECT_ROOT);
const golden = (name: string): string => path.join(PROJECT_ROOT, 'test/fixtures/golden', `${name}.json`);
const json = (value: unknown): string => JSON.stringify(value, null, 2) + '\n';

function parsedProvision(key: string) {
  const provision = parsed.headings.flatMap((heading) => heading.provisions).find((p) => p.key === key);
  if (provision === undefined) throw new Error(`no provision ${key}`);
  return provision;
}

function modalUses(key: string) {
  return findModalUses(buildProvisionText(key, parsedProvision(key).parts), (subject) => isBodySubject(lexicon, subject)).map((use) => ({
    trigger: use.trigger,
    subject: use.subject,
    isObligation: use.isObligation,
    because: use.notObligationBecause,
  }));
}

function obligations(provision: string) {
  return code.obligations
    .filter((o) => o.provision === provision)
    .map(({ key, text: sentence, modality, force, trigger, triggerStart, triggerEnd, addressees, qualifiers, applicability, footnotes }) => ({
      key,
      text: sentence,
      modality,
      force,
      trigger,
      triggerStart,
      triggerEnd,
      addressees,
      qualifiers,
      footnotes,
      appliesTo: applicability.map((a) => `${a.body} ${a.reason}`),
    }));
}

describe('stage 1, parse-clean-text', () => {
  it('reads the front matter, 31 headings, 111 provisions, 6 terms, 27 footnotes and 3 editorial notes', () => {
    expect(parsed.frontMatter['revision']).toBe('2024-09-01');
    expect([parsed.headings.length, parsed.headings.flatMap((h) => h.provisions).length, parsed.headings.flatMap((h) => h.terms).length, parsed.footnotes.length, parsed.notes.length]).toEqual([31, 111, 6, 27, 3]);
  });
  it('clause-1-6-renumbered', async () => {
    await expect(json(parsedProvision('1.6'))).toMatchFileSnapshot(golden('clause-1-6-renumbered'));
  });
  it('clause-1-44-nested-list', async () => {
    await expect(json(parsedProvision('1.44'))).toMatchFileSnapshot(golden('clause-1-44-nested-list'));
  });
  it('glossary-terms', async () => {
    await expect(json(parsed.headings.flatMap((h) => h.terms))).toMatchFileSnapshot(golden('glossary-terms'));
  });
});

describe('stage 2, build-provision-text', () => {
  it('clause-1-44-text-and-footnotes', async () => {
    await expect(json(buildProvisionText('1.44', parsedProvision('1.44').parts))).toMatchFileSnapshot(golden('clause-1-44-text-and-footnotes'));
  });
});

describe('stage 3, find-modal-uses (modal verbs and decisions)', () => {
  it('clause-1-8-definitions', async () => {
    await expect(json(modalUses('1.8'))).toMatchFileSnapshot(golden('clause-1-8-definitions'));
  });
  it('clause-1-72-quoted-duty', async () => {
    await expect(json(modalUses('1.72'))).toMatchFileSnapshot(golden('clause-1-72-quoted-duty'));
  });
  it('clause-1-15-descriptive-may', async () => {
    await expect(json(modalUses('1.15'))).toMatchFileSnapshot(golden('clause-1-15-descriptive-may'));
  });
  it('clause-1-85-relative-may', async () => {
    await expect(json(modalUses('1.85'))).toMatchFileSnapshot(golden('clause-1-85-relative-may'));
  });
});

describe('stages 3 to 8, obligations with bodies and citations', () => {
  it('standard-8-should-not', async () => {
    await expect(json(obligations('S8'))).toMatchFileSnapshot(golden('standard-8-should-not'));
  });
  it('clause-1-60-two-modals-one-sentence', async () => {
    await expect(json(obligations('1.60'))).toMatchFileSnapshot(golden('clause-1-60-two-modals-one-sentence'));
  });
  it('clause-1-9-list-lead-in', async () => {
    await expect(json(obligations('1.9'))).toMatchFileSnapshot(golden('clause-1-9-list-lead-in'));
  });
  it('standard-7-joint-addressee', async () => {
    await expect(json(obligations('S7'))).toMatchFileSnapshot(golden('standard-7-joint-addressee'));
  });
  it('clause-1-55-providers', async () => {
    await expect(json(obligations('1.55'))).toMatchFileSnapshot(golden('clause-1-55-providers'));
  });
  it('clause-1-80-passive-agent-and-qualifiers', async () => {
    await expect(json(obligations('1.80'))).toMatchFileSnapshot(golden('clause-1-80-passive-agent-and-qualifiers'));
  });
  it('clause-1-44-citations', async () => {
    await expect(json(code.citations.filter((c) => c.from === '1.44'))).toMatchFileSnapshot(golden('clause-1-44-citations'));
  });
  it('whole-code-obligations (every obligation, one line each)', async () => {
    const lines = code.obligations.map((o) => `${o.key.padEnd(8)} ${o.modality.padEnd(10)} ${o.force.padEnd(11)} [${o.addressees.join(', ')}] ${o.qualifiers.join(',')}`);
    await expect(lines.join('\n') + '\n').toMatchFileSnapshot(path.join(PROJECT_ROOT, 'test/fixtures/golden/whole-code-obligations.txt'));
  });
});

describe('readCode', () => {
  it('gives the same graph when run twice on the same input (pure)', () => {
    expect(readCode(text, catalogue, [])).toEqual(readCode(text, catalogue, []));
  });
});

describe('stage 9, cut-statements (one statement per obligation)', () => {
  it('two-obligations-one-sentence-statements (every sentence of the Code that holds two obligations)', async () => {
    const sentences = [...new Set(code.obligations.map((o) => `${o.provision}|${o.text}`))]
      .map((id) => code.obligations.filter((o) => `${o.provision}|${o.text}` === id))
      .filter((group) => group.length > 1)
      .map((group) => ({
        provision: group[0]?.provision,
        sentence: group[0]?.text,
        obligations: group.map(({ key, modality, statement, statementStart, statementEnd, restoredSubject }) => ({ key, modality, statement, statementStart, statementEnd, restoredSubject })),
      }));
    await expect(json(sentences)).toMatchFileSnapshot(golden('two-obligations-one-sentence-statements'));
  });
});

describe('modal verbs not counted as obligations, as each provision lists them', () => {
  it('whole-code-uncounted-modals (the rule and the reason, an override\'s own reason for clause 1.65)', async () => {
    const listed = code.provisions.filter((p) => p.uncountedModals.length > 0).map((p) => ({ provision: p.key, uncountedModals: p.uncountedModals }));
    await expect(json(listed)).toMatchFileSnapshot(golden('whole-code-uncounted-modals'));
  });
});
