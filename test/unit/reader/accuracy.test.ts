import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreReader, type GoldFile } from '../../../bench/score-reader.ts';
import { readSeedInput } from '../../../seed/index.ts';
import { PROJECT_ROOT } from '../../../core/config.ts';

describe('the reader against the hand annotation of the whole Code', () => {
  it('agrees on every obligation, modality, force, addressee and qualifier', () => {
    const gold = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'test/fixtures/obligations-annotated.json'), 'utf8')) as GoldFile;
    const { missed, extra, wrongAddressees, ...figures } = scoreReader(gold, readSeedInput(PROJECT_ROOT).code.obligations);
    expect({ missed, extra, wrongAddressees }).toEqual({ missed: [], extra: [], wrongAddressees: [] });
    const perfect = (n: number) => ({ precision: 1, recall: 1, correct: n, predicted: n, expected: n });
    expect(figures).toEqual({
      obligation: perfect(104),
      modality: perfect(104),
      force: perfect(104),
      addressees: perfect(104),
      addresseePairs: perfect(92),
      qualifiers: perfect(13),
    });
  });
});
