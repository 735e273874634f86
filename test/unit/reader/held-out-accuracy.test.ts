/**
 * The reader on text it has never seen (issue 13, point 8): the held-out set of
 * test/unit/reader/held-out/ (read its README before changing a rule because of a case here).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadHeldOut, scoreHeldOut } from '../../../bench/held-out.ts';
import { PROJECT_ROOT } from '../../../core/config.ts';
import { readerContext } from '../../../reader/read-provision.ts';
import { splitSentences } from '../../../reader/stages/3-find-modal-uses.ts';
import { loadCatalogue } from '../../../seed/load-catalogue.ts';

const file = loadHeldOut(PROJECT_ROOT);
const context = readerContext(loadCatalogue(path.join(PROJECT_ROOT, 'seed/data/catalogue.json')));

describe('the held-out set', () => {
  it('holds 88 clauses of 100 sentences and 102 obligations, covering every kind of new text the issue lists', () => {
    const sentences = file.cases.flatMap((heldOut) => heldOut.lines.filter((line) => !/^\s*(?:[a-z]{1,3}\)|[ivx]+\.|-)\s/.test(line)).flatMap((line) => splitSentences(line, 0, line.length)));
    expect([file.cases.length, sentences.length, file.cases.reduce((n, heldOut) => n + heldOut.obligations.length, 0)]).toEqual([88, 100, 102]);
    expect([...new Set(file.cases.map((heldOut) => heldOut.covers))].sort()).toEqual([
      '"must never" / "should never"',
      'conditional or temporal clause before the subject',
      'lead-in with a list',
      'other: descriptive or purpose "may", singular forms, partitives, named bodies',
      'passive with an agent',
      'passive without an agent',
      'pronoun referring back',
      'quotation of another instrument',
      'relative clause in the subject',
      'two modal verbs in one sentence (one subject or two)',
    ]);
  });

  it('is kept apart from the Code: no sentence of it is in the Code\'s text', () => {
    const code = readFileSync(path.join(PROJECT_ROOT, 'seed/data/code-of-practice.txt'), 'utf8').replace(/\s+/g, ' ');
    const copied = file.cases.flatMap((heldOut) => heldOut.lines.filter((line) => code.includes(line.trim())).map((line) => `${heldOut.key}: ${line}`));
    expect(copied).toEqual([]);
  });
});

describe('the reader on the held-out set', () => {
  const { missed, extra, wrongAddressees, ...figures } = scoreHeldOut(file, context);
  /** On a failure, the disagreements show which rule to look at (never which sentence to special-case). */
  const disagreements = JSON.stringify({ missed, extra, wrongAddressees }, null, 2);

  it('scores at least 97% precision and recall on obligations, modalities and addressees', () => {
    for (const [measure, score] of [
      ['obligations', figures.obligation],
      ['modalities', figures.modality],
      ['addressees', figures.addressees],
    ] as const) {
      expect(score.precision, `${measure} precision; ${disagreements}`).toBeGreaterThanOrEqual(0.97);
      expect(score.recall, `${measure} recall; ${disagreements}`).toBeGreaterThanOrEqual(0.97);
    }
  });

  it('agrees today on every obligation, modality, force, addressee and qualifier of it', () => {
    expect({ missed, extra, wrongAddressees }).toEqual({ missed: [], extra: [], wrongAddressees: [] });
    const perfect = (n: number) => ({ precision: 1, recall: 1, correct: n, predicted: n, expected: n });
    expect(figures).toEqual({
      cases: 88,
      obligation: perfect(102),
      modality: perfect(102),
      force: perfect(102),
      addressees: perfect(102),
      addresseePairs: perfect(96),
      qualifiers: perfect(1),
    });
  });
});
