import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { javaAndMavenAvailable } from '../../db/neo4j/local-neo4j.ts';
import { killStrayServices, processAlive, spawnService } from '../support/service-process.ts';

const canRunLocalNeo4j = await javaAndMavenAvailable();
const scratch = mkdtempSync(path.join(os.tmpdir(), 'care-code-graph-startup-'));
afterEach(() => killStrayServices());
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('npm start (server/main.ts)', () => {
  it('reports every configuration problem at once and exits non-zero', async () => {
    const service = spawnService({ PORT: 'eighty', NEO4J_MODE: 'cloud', DEBUG_QUERIES: 'maybe' });
    expect(await service.exited).toBe(1);
    expect(service.output()).toContain('The configuration has 3 problems:');
    expect(service.output()).toContain('PORT must be a whole number from 0 to 65535, like PORT=4000; got "eighty"');
    expect(service.output()).toContain('NEO4J_MODE must be one of auto, uri, docker, local, like NEO4J_MODE=local; got "cloud"');
    expect(service.output()).toContain('DEBUG_QUERIES must be true or false, like DEBUG_QUERIES=true; got "maybe"');
    expect(service.output()).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('names NEO4J_URI when the server it gives does not answer', async () => {
    const service = spawnService({ NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'secret', NEO4J_CONNECTION_TIMEOUT_MS: '2000' });
    expect(await service.exited).toBe(1);
    expect(service.output()).toMatch(/Cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1 \(NEO4J_URI\), database "neo4j": .+\. Check NEO4J_URI/);
    expect(service.output()).not.toMatch(/\n\s+at /);
  });

  it('says in one sentence what is missing when no Neo4j is possible (no URI, no Docker, no Java)', async () => {
    // A PATH that has node but neither java nor mvn.
    const bin = path.join(scratch, 'bin-without-java');
    mkdirSync(bin);
    symlinkSync(process.execPath, path.join(bin, 'node'));
    const service = spawnService({ PATH: bin, DOCKER_HOST: 'unix:///nonexistent/docker.sock' });
    expect(await service.exited).toBe(1);
    expect(service.output()).toContain(
      'No Neo4j is available: set NEO4J_URI (with NEO4J_USER and NEO4J_PASSWORD) to use a running Neo4j, ' +
        'or start a Docker engine, or install JDK 17+ and Maven so the project can run a local Neo4j.',
    );
  });

  it.runIf(canRunLocalNeo4j)(
    'serves { __typename } and its schema on a local Neo4j, and leaves no Java process behind after SIGTERM',
    async () => {
      const service = spawnService({
        NEO4J_MODE: 'local',
        NEO4J_DATA_DIR: path.join(scratch, 'service-data'),
        NEO4J_LOCAL_PORT: '0',
        PORT: '0',
      });
      const [, pid] = await service.waitFor(/local Neo4j 5\.26 \(Java, pid (\d+)\)/);
      const [, url] = await service.waitFor(/care-code-graph ready at (http:\S+)/);
      const response = await fetch(url ?? '', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      // Every answer carries its query cost (extensions.cost); the data is what matters here.
      expect(await response.json()).toMatchObject({ data: { __typename: 'Query' } });
      // npm start runs in production (server/start.ts), where Apollo would turn introspection off by default: the schema stays public.
      const introspection = await fetch(url ?? '', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
      });
      expect(await introspection.json()).toMatchObject({ data: { __schema: { queryType: { name: 'Query' } } } });

      const jvm = Number(pid);
      expect(processAlive(jvm)).toBe(true);
      service.child.kill('SIGTERM');
      expect(await service.exited).toBe(0);
      expect(processAlive(jvm)).toBe(false);
      expect(service.output()).toContain('SIGTERM received: stopping');
    },
    300_000,
  );
});
