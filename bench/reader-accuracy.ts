/**
 * Prints the reader's precision and recall against the hand annotation of the whole Code
 * (test/fixtures/obligations-annotated.json), per field, and lists every disagreement.
 * Run: npx tsx bench/reader-accuracy.ts
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../core/config.ts';
import { readSeedInput } from '../seed/index.ts';
import { scoreReader, type GoldFile } from './score-reader.ts';

const gold = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'test/fixtures/obligations-annotated.json'), 'utf8')) as GoldFile;
const { code } = readSeedInput(PROJECT_ROOT);
const score = scoreReader(gold, code.obligations);

const rows: [string, (typeof score)['obligation']][] = [
  ['obligation found', score.obligation],
  ['modality', score.modality],
  ['force', score.force],
  ['addressees (whole set)', score.addressees],
  ['addressees (per body)', score.addresseePairs],
  ['qualifiers', score.qualifiers],
];
const percent = (n: number): string => `${(n * 100).toFixed(1)}%`.padStart(7);
process.stdout.write(`Reader against the hand annotation (${score.obligation.expected} obligations annotated, ${score.obligation.predicted} read)\n`);
process.stdout.write(`${'field'.padEnd(24)} precision   recall   correct/read/annotated\n`);
for (const [name, s] of rows) {
  process.stdout.write(`${name.padEnd(24)} ${percent(s.precision)}  ${percent(s.recall)}   ${s.correct}/${s.predicted}/${s.expected}\n`);
}
process.stdout.write(`Overrides applied: ${code.overridesApplied} (obligations from overrides: ${code.obligations.filter((o) => o.fromOverride).length})\n`);
for (const m of score.missed) process.stdout.write(`MISSED ${m.provision} "${m.trigger}": ${m.text}\n`);
for (const e of score.extra) process.stdout.write(`EXTRA  ${e.key} "${e.trigger}": ${e.text}\n`);
for (const w of score.wrongAddressees) process.stdout.write(`ADDRESSEES ${w.key}: annotated [${w.expected.join(', ')}], read [${w.got.join(', ')}]\n`);
