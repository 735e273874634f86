import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../core/config.ts';
import { BodyLexicon, isBodySubject } from '../../../reader/body-lexicon.ts';
import { partsOfText } from '../../../reader/stages/1-parse-clean-text.ts';
import { buildProvisionText } from '../../../reader/stages/2-build-provision-text.ts';
import { findModalUses } from '../../../reader/stages/3-find-modal-uses.ts';
import { cutStatements } from '../../../reader/stages/9-cut-statements.ts';
import { readSeedInput } from '../../../seed/index.ts';

const lexicon = new BodyLexicon([
  { key: 'statutory-partners', name: 'Statutory partners', aliases: ['statutory partners'], memberOf: [], actsFor: [] },
  { key: 'commissioner', name: 'Commissioners', aliases: ['commissioners'], memberOf: [], actsFor: ['statutory-partners'] },
  { key: 'provider', name: 'Provider', aliases: ['providers'], memberOf: [], actsFor: [] },
]);
const bodyFirst = (text: string) => isBodySubject(lexicon, text);

/** The statements of a text written for the test, as [statement, the text between the offsets, restored subject]. */
function statements(text: string): [string, string, string | null][] {
  const provision = buildProvisionText('X', partsOfText(text));
  return cutStatements(provision, findModalUses(provision, bodyFirst), bodyFirst).map((s) => [s.statement, provision.text.slice(s.statementStart, s.statementEnd), s.restoredSubject]);
}

describe('cutStatements', () => {
  it('gives a sentence with one obligation whole, each sentence on its own', () => {
    expect(statements('Statutory partners must act. In doing so, providers should help.')).toEqual([
      ['Statutory partners must act.', 'Statutory partners must act.', null],
      ['In doing so, providers should help.', 'In doing so, providers should help.', null],
    ]);
  });

  it('restores the shared subject of "must X, must Y and should Z" in front of each later part', () => {
    expect(statements('Statutory partners must plan services, must consult providers and should review them every year.')).toEqual([
      ['Statutory partners must plan services', 'Statutory partners must plan services', null],
      ['Statutory partners must consult providers', 'must consult providers', 'Statutory partners'],
      ['Statutory partners should review them every year.', 'should review them every year.', 'Statutory partners'],
    ]);
  });

  it('cuts before a later part\'s own subject: a body, "there", or a noun phrase reached back to its determiner', () => {
    expect(statements('Statutory partners must publish their fee rates and providers should confirm them.')).toEqual([
      ['Statutory partners must publish their fee rates', 'Statutory partners must publish their fee rates', null],
      ['providers should confirm them.', 'providers should confirm them.', null],
    ]);
    expect(statements('Commissioners must agree a plan and there must be a review each year.').map(([statement]) => statement)).toEqual([
      'Commissioners must agree a plan',
      'there must be a review each year.',
    ]);
    expect(statements('Statutory partners must fund care and support services and the quality of care and support in Welsh must be reviewed.').map(([statement]) => statement)).toEqual([
      'Statutory partners must fund care and support services',
      'the quality of care and support in Welsh must be reviewed.',
    ]);
  });

  it('keeps an adverb after the conjunction, and a list with the part that leads into it', () => {
    expect(statements('Statutory partners must plan and also should review.').map(([statement]) => statement)).toEqual([
      'Statutory partners must plan',
      'Statutory partners also should review.',
    ]);
    expect(statements('Statutory partners must publish a plan and should:\na) consult providers;\nb) review it.')).toEqual([
      ['Statutory partners must publish a plan', 'Statutory partners must publish a plan', null],
      ['Statutory partners should: a) consult providers; b) review it.', 'should:\na) consult providers;\nb) review it.', 'Statutory partners'],
    ]);
  });

  it('cuts before a relative pronoun that opens a later part, and puts a lead-in back in front of a list item', () => {
    expect(statements('Commissioners should set targets which providers must meet each quarter.').map(([statement]) => statement)).toEqual([
      'Commissioners should set targets',
      'providers must meet each quarter.',
    ]);
    expect(statements('When a contract is let, statutory partners:\na) must agree a plan; and\nb) should review it each year.')).toEqual([
      ['When a contract is let, statutory partners: a) must agree a plan', 'When a contract is let, statutory partners:\na) must agree a plan', null],
      ['When a contract is let, statutory partners should review it each year.', 'should review it each year.', 'When a contract is let, statutory partners'],
    ]);
  });

  it('does not cut at a modal that is not an obligation', () => {
    expect(statements('Commissioners should protect adults who may be at risk.')).toEqual([
      ['Commissioners should protect adults who may be at risk.', 'Commissioners should protect adults who may be at risk.', null],
    ]);
  });
});

describe('the statements of the whole Code (docs/reading-rules.md, "Statements")', () => {
  const { code } = readSeedInput(PROJECT_ROOT);
  const textOf = new Map(code.provisions.map((provision) => [provision.key, provision.text]));

  it('makes each statement its restored subject (if any) and the part of its sentence between its offsets', () => {
    const wrong = code.obligations.filter((o) => {
      const part = (textOf.get(o.provision) ?? '').slice(o.statementStart, o.statementEnd).replace(/\n\s*/g, ' ').trim();
      return o.statement !== (o.restoredSubject === null ? part : `${o.restoredSubject} ${part}`) || !o.text.includes(part) || part === '';
    });
    expect(wrong.map((o) => o.key)).toEqual([]);
  });

  it('gives the 18 obligations of the nine sentences that hold two of them distinct statements, five with the subject restored', () => {
    const shared = code.obligations.filter((o) => code.obligations.some((other) => other !== o && other.provision === o.provision && other.text === o.text));
    expect(shared.map((o) => o.key)).toEqual(['P2/1', 'P2/2', 'P7/2', 'P7/3', 'S3/7', 'S3/8', 'S7/2', 'S7/3', 'S7/6', 'S7/7', '1.55/2', '1.55/3', '1.60/1', '1.60/2', '1.60/3', '1.60/4', '1.76/1', '1.76/2']);
    expect(new Set(shared.map((o) => o.statement)).size).toBe(18);
    expect(shared.filter((o) => o.restoredSubject !== null).map((o) => [o.key, o.restoredSubject])).toEqual([
      ['S3/8', 'Statutory partners'],
      ['S7/7', 'Statutory partners'],
      ['1.55/3', 'Providers'],
      ['1.60/2', 'Statutory partners'],
      ['1.76/2', 'Local authorities'],
    ]);
    expect(code.obligations.filter((o) => !shared.includes(o) && o.statement !== o.text)).toEqual([]);
  });
});
