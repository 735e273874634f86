/**
 * One real Neo4j for the whole integration run, found the way the service finds one
 * (NEO4J_URI, else Docker, else a local Java Neo4j in a throwaway folder), and handed to
 * the test files through vitest's provide/inject.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../core/config.ts';
import { provideNeo4j } from '../db/neo4j/provide-neo4j.ts';
import type { TestNeo4j } from './support/test-neo4j.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const config = loadConfig();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'care-code-graph-test-'));
  const neo4j = await provideNeo4j(config.neo4j, {
    localDataDir: dataDir,
    localPort: 0,
    onProgress: (line) => process.stderr.write(`[neo4j] ${line}\n`),
  });
  process.stderr.write(`[neo4j] tests use ${neo4j.description}\n`);
  project.provide('neo4j', {
    mode: neo4j.mode,
    uri: neo4j.uri,
    user: neo4j.user,
    password: neo4j.password,
    database: neo4j.database,
  });
  return async () => {
    await neo4j.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
