/**
 * Prints the reader's precision and recall, per field, on two texts: the whole Code against its
 * hand annotation (test/fixtures/obligations-annotated.json), and the held-out set of text it
 * has never seen (test/unit/reader/held-out/held-out.json, bench/held-out.ts), side by side;
 * then lists every disagreement of each.
 * Run: npx tsx bench/reader-accuracy.ts
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../core/config.ts';
import { readerContext } from '../reader/read-provision.ts';
import { readSeedInput } from '../seed/index.ts';
import { BEFORE_FIXES, loadHeldOut, scoreHeldOut } from './held-out.ts';
import { scoreReader, type FieldScore, type GoldFile, type ReaderScore } from './score-reader.ts';

const gold = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'test/fixtures/obligations-annotated.json'), 'utf8')) as GoldFile;
const { catalogue, code } = readSeedInput(PROJECT_ROOT);
const score = scoreReader(gold, code.obligations);
const heldOut = scoreHeldOut(loadHeldOut(PROJECT_ROOT), readerContext(catalogue));

const fields: [string, (s: Pick<ReaderScore, 'obligation' | 'modality' | 'force' | 'addressees' | 'addresseePairs' | 'qualifiers'>) => FieldScore][] = [
  ['obligation found', (s) => s.obligation],
  ['modality', (s) => s.modality],
  ['force', (s) => s.force],
  ['addressees (whole set)', (s) => s.addressees],
  ['addressees (per body)', (s) => s.addresseePairs],
  ['qualifiers', (s) => s.qualifiers],
];
const percent = (n: number): string => `${(n * 100).toFixed(1)}%`;
const cell = (s: FieldScore): string => `${percent(s.precision).padStart(6)} ${percent(s.recall).padStart(6)} ${`${s.correct}/${s.predicted}/${s.expected}`.padStart(11)}`;
const columns = ['the Code', 'held-out set', 'held-out, before fixes'];
process.stdout.write(`The reader's precision and recall (P, R; right/read/expected) on the Code against its hand annotation\n`);
process.stdout.write(`(${score.obligation.expected} obligations), on the held-out set (${heldOut.cases} clauses written for the test, not taken from the Code,\n`);
process.stdout.write(`${heldOut.obligation.expected} obligations), and on the held-out set with the reader before issue 13's fixes (recorded: bench/held-out.ts)\n`);
process.stdout.write(`${'field'.padEnd(23)}${columns.map((c) => ` | ${c.padEnd(25)}`).join('')}\n`);
process.stdout.write(`${''.padEnd(23)}${columns.map(() => ` | ${'     P      R       r/r/e'.padEnd(25)}`).join('')}\n`);
for (const [name, field] of fields) {
  process.stdout.write(`${name.padEnd(23)}${[score, heldOut, BEFORE_FIXES].map((s) => ` | ${cell(field(s)).padEnd(25)}`).join('')}\n`);
}
process.stdout.write(`Overrides applied: ${code.overridesApplied} (obligations from overrides: ${code.obligations.filter((o) => o.fromOverride).length})\n`);
for (const [label, s] of [
  ['the Code', score],
  ['held-out', heldOut],
] as const) {
  for (const m of s.missed) process.stdout.write(`${label}: MISSED ${m.provision} "${m.trigger}": ${m.text}\n`);
  for (const e of s.extra) process.stdout.write(`${label}: EXTRA  ${e.key} "${e.trigger}": ${e.text}\n`);
  for (const w of s.wrongAddressees) process.stdout.write(`${label}: ADDRESSEES ${w.key}: annotated [${w.expected.join(', ')}], read [${w.got.join(', ')}]\n`);
}
