/**
 * The floors of the house are lint rules (eslint.config.js, docs/architecture.md): each file
 * below is linted with the very rule the project's config gives its folder, so a wrong-way
 * import fails `npm run lint` and a right-way one passes.
 */
import path from 'node:path';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../core/config.ts';

const project = new ESLint({ cwd: PROJECT_ROOT });

/** The messages of the floor rule for `source` as if it were the file `file` of the project. */
async function floorProblems(file: string, source: string): Promise<string[]> {
  const filename = path.join(PROJECT_ROOT, file);
  const config = (await project.calculateConfigForFile(filename)) as Linter.Config;
  const rule = config.rules?.['no-restricted-imports'];
  if (rule === undefined) return [];
  const linter = new Linter({ configType: 'flat', cwd: PROJECT_ROOT });
  const messages = linter.verify(
    source,
    [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, rules: { 'no-restricted-imports': rule } }],
    { filename },
  );
  return messages.map((m) => m.message);
}

describe('the floors written as lint rules', () => {
  it('refuses core/ importing from the read side', async () => {
    const problems = await floorProblems('core/probe.ts', "import { loadRevisions } from '../loaders/revision.ts';\nexport const x = loadRevisions;\n");
    expect(problems).toEqual([
      "'../loaders/revision.ts' import is restricted from being used by a pattern. core/ may import only nothing of ours: it is the ground floor every other floor stands on (docs/architecture.md)",
    ]);
  });

  it('refuses a type-only import against the direction too', async () => {
    const problems = await floorProblems('domain/probe.ts', "import type { Database } from '../db/run-query.ts';\nexport type X = Database;\n");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('domain/ may import only core/');
  });

  it('refuses a nested folder of db/ reaching up to the composition root', async () => {
    const problems = await floorProblems('db/neo4j/probe.ts', "import { startApp } from '../../server/app.ts';\nexport const x = startApp;\n");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('db/ may import only core/');
  });

  it('refuses resolvers/ talking to the driver', async () => {
    const problems = await floorProblems('resolvers/probe.ts', "import { QueryRunner } from '../db/run-query.ts';\nexport const x = QueryRunner;\n");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('resolvers/ may import only core/, domain/, loaders/, editing/');
  });

  it('refuses the reader importing the seed that calls it', async () => {
    const problems = await floorProblems('reader/stages/probe.ts', "import { seedCode } from '../../seed/index.ts';\nexport const x = seedCode;\n");
    expect(problems).toHaveLength(1);
  });

  it('accepts imports down the house and within a floor', async () => {
    expect(await floorProblems('loaders/probe.ts', "import { QueryRunner } from '../db/run-query.ts';\nimport { badUserInput } from '../core/errors.ts';\nimport { makeLoader } from './batch.ts';\nexport const x = [QueryRunner, badUserInput, makeLoader];\n")).toEqual([]);
    expect(await floorProblems('db/neo4j/probe.ts', "import { loadConfig } from '../../core/config.ts';\nimport { createDriver } from '../create-driver.ts';\nexport const x = [loadConfig, createDriver];\n")).toEqual([]);
    expect(await floorProblems('server/probe.ts', "import { resolvers } from '../resolvers/index.ts';\nimport { seedCode } from '../seed/index.ts';\nexport const x = [resolvers, seedCode];\n")).toEqual([]);
  });
});
