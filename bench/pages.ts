/**
 * The web pages' server time (issue 11; README "The pages"): each page type under the same
 * closed loop as the API's benchmark (10 connections on loopback, each GETting the page again
 * as soon as the last arrived, for `--seconds`), against the API in its own process over the
 * seeded Code, after a warm-up. Prints req/s and p50/p95/p99 per page. Every answer must be a
 * 200 HTML page; anything else counts as an error. Not a test.
 *
 *   npx tsx bench/pages.ts [--seconds 5] [--warmup 2] [--connections 10]
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { loadConfig } from '../core/config.ts';
import { createDriver } from '../db/create-driver.ts';
import { provideNeo4j } from '../db/neo4j/provide-neo4j.ts';
import { seedCode } from '../seed/index.ts';
import { stylesheet } from '../web/stylesheet.ts';
import { summarise, table, type Row, type Sample } from './figures.ts';
import type { ServeAppOptions } from './serve-app.ts';
import { startChild } from './start-child.ts';

const { values: args } = parseArgs({
  options: { seconds: { type: 'string', default: '5' }, warmup: { type: 'string', default: '2' }, connections: { type: 'string', default: '10' } },
});
const seconds = Number(args.seconds);
const warmup = Number(args.warmup);
const connections = Number(args.connections);
const log = (line: string): void => {
  process.stderr.write(`[bench] ${line}\n`);
};

/** The page types, as a policy officer opens them. */
const PAGES: [string, string][] = [
  ['home', '/'],
  ['search "fees"', '/search?q=fees'],
  ['search, filtered', '/search?appliesTo=local-health-board&force=REQUIREMENT'],
  ['obligation S8/2', '/obligations/S8/2'],
  ['provision S8', '/provisions/S8'],
  ['body (local health board, 96 obligations)', '/bodies/local-health-board'],
  ['legislation', '/legislation'],
  ['instrument (Equality Act 2010)', '/legislation/ukpga/2010/15'],
  ['section 145', '/legislation/anaw/2014/4/section/145'],
  ['as at 2024-08-31 (banner)', '/search?q=fees&asOf=2024-08-31'],
];

async function load(url: string, duration: number): Promise<Sample> {
  const latencies: number[] = [];
  let errors = 0;
  let answers = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration,
        method: 'GET',
        headers: { accept: 'text/html' },
        requests: [
          {
            method: 'GET',
            onResponse: (status: number, body: string) => {
              answers += 1;
              if (status !== 200 || !body.startsWith('<!DOCTYPE html>')) errors += 1;
            },
          },
        ],
      },
      (error: unknown, done: autocannon.Result) => (error === null || error === undefined ? resolve(done) : reject(error instanceof Error ? error : new Error('autocannon failed'))),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  return { latenciesMs: latencies, seconds: result.duration, errors: errors + result.errors + result.timeouts, answers };
}

async function main(): Promise<void> {
  await stylesheet();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'care-code-graph-bench-pages-'));
  const neo4j = await provideNeo4j(loadConfig().neo4j, { localDataDir: dataDir, localPort: 0, onProgress: log });
  const driver = createDriver(neo4j, { connectionTimeoutMs: 10_000 });
  let child: ChildProcess | undefined;
  try {
    log(`seeding the Code into ${neo4j.description}`);
    await seedCode({ driver, database: neo4j.database, timeoutMs: 120_000 });
    const options: ServeAppOptions = { uri: neo4j.uri, user: neo4j.user, password: neo4j.password, database: neo4j.database, batching: true };
    const server = await startChild('serve-app.ts', options, 'the server');
    child = server.child;
    const api = server.url;
    const base = api.replace(/\/graphql$/, '');
    log(`pages at ${base}; ${seconds} s per page after ${warmup} s of warm-up, ${connections} connections`);
    const rows: Row[] = [];
    for (const [name, page] of PAGES) {
      const first = await fetch(`${base}${page}`, { headers: { accept: 'text/html' } });
      if (first.status !== 200) throw new Error(`${page} answered ${first.status}`);
      if (warmup > 0) await load(`${base}${page}`, warmup);
      rows.push({ workload: name, variant: page, figures: summarise(await load(`${base}${page}`, seconds)), roundTrips: 1 });
      log(`${name} done`);
    }
    process.stdout.write(`Web pages, server time under a closed loop (each page is one API operation; "round trips" column: operations)\n${table(rows)}\n`);
  } finally {
    child?.kill('SIGTERM');
    await driver.close();
    await neo4j.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
