/**
 * The seed pipeline (seed/README.md): read the clean Code, the catalogue and the overrides,
 * run the reader, write the graph in one transaction, report what the graph holds.
 * `seedCode` is what `npm run seed`, `npm start` (on an empty database) and the tests call.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { QueryRunner, type Database } from '../db/run-query.ts';
import type { Catalogue } from '../reader/catalogue.ts';
import { loadCatalogue } from './load-catalogue.ts';
import { loadOverrides } from './load-overrides.ts';
import { buildSeedReport, type SeedReport } from './report.ts';
import { readCode, type CodeGraph } from '../reader/read-code.ts';
import { writeGraph } from './write-graph.ts';

export type { SeedReport } from './report.ts';

const DEFAULT_PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));

export interface SeedInput {
  catalogue: Catalogue;
  code: CodeGraph;
}

/** Reads and checks everything the seed loads, without touching the database. */
export function readSeedInput(projectRoot: string = DEFAULT_PROJECT_ROOT): SeedInput {
  const data = path.join(projectRoot, 'seed/data');
  const catalogue = loadCatalogue(path.join(data, 'catalogue.json'));
  const overrides = loadOverrides(path.join(data, 'overrides.json'), catalogue);
  const code = readCode(readFileSync(path.join(data, 'code-of-practice.txt'), 'utf8'), catalogue, overrides);
  return { catalogue, code };
}

/**
 * Loads the Code and its catalogue into the database. Idempotent (twice gives the same
 * graph) and transactional (on failure the previous graph is untouched).
 */
export async function seedCode(db: Database, options: { projectRoot?: string } = {}): Promise<SeedReport> {
  const { catalogue, code } = readSeedInput(options.projectRoot);
  const runner = new QueryRunner(db);
  await writeGraph(runner, catalogue, code);
  return buildSeedReport(
    runner,
    code.revisionKey,
    code.modalUses.filter((use) => !use.isObligation).map((use) => ({ provision: use.provision, trigger: use.trigger, because: use.notObligationBecause ?? '' })),
    code.overridesApplied,
  );
}

/** True when the database holds no revision of the Code yet. */
export async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await new QueryRunner(db).read<{ count: number }>('seed.isEmpty', 'MATCH (r:Revision) RETURN count(r) AS count');
  return (row?.count ?? 0) === 0;
}
