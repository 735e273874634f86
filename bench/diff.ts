/**
 * How long a diff takes: `npx tsx bench/diff.ts` seeds the Code into a Neo4j of its own, makes
 * a draft of it with 50 edits (updateProvision on 50 different provisions, through the
 * commands the mutations call: every other one a should/must swap, the rest a sentence
 * appended), then times the diff of 2024-09-01 to the draft, 100 runs after 5 of warm-up:
 * (i) server-side, `loadRevisionTree` twice and `diffRevisions` (the published tree cached after
 * the first run, the draft read every time), and (ii) over loopback HTTP through the real app,
 * signed in as an editor, a `revisionDiff` asking for the summary, every provision with its
 * hunks, every obligation with its modality and force, and the impact on a local health
 * board. Prints p50/p95/max. Not a test.
 */
import os from 'node:os';
import { DEFAULT_AUTH, type AuthConfig } from '../core/config.ts';
import { createLogger } from '../core/log.ts';
import { createAccount } from '../db/accounts.ts';
import { diffRevisions } from '../domain/revision-diff.ts';
import { forgetPublishedTrees, loadRevisionTree } from '../loaders/revision-tree.ts';
import { startApp } from '../server/app.ts';
import { issueToken } from '../server/cli/issue-token.ts';
import { timingFigures as figures, withSeededNeo4j } from './own-neo4j.ts';

const PUBLISHED = '2024-09-01';
const DRAFT = 'draft-bench-diff';
const EDITS = 50;
const WARM_UP = 5;
const RUNS = 100;
const AUTH: AuthConfig = { ...DEFAULT_AUTH, issuer: undefined };
const APPENDED = 'Commissioners should record how they have met this expectation.';

const QUERY = `query ($from: String!, $to: String!) {
  revisionDiff(from: $from, to: $to) {
    summary {
      provisions { added removed renumbered textChanged unchanged }
      obligations { added removed changed unchanged renumbered moved strengthened weakened reversed forceChanged }
    }
    provisions { change keyBefore keyAfter hunks { kind text } }
    obligations { change keyBefore keyAfter modality { before after direction } force { before after } }
    impact(body: "local-health-board") {
      newlyBinding { keyAfter } noLongerBinding { keyBefore } strengthened { keyAfter } weakened { keyAfter } reversed { keyAfter } otherwiseChanged { keyAfter }
    }
  }
}`;

/** Runs `work` WARM_UP times untimed, then RUNS times timed; returns the times in ms. */
async function timed(work: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARM_UP; i += 1) await work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times;
}

/** The edit of the n-th provision: a should/must swap for even n when the text has one, else a sentence appended. */
function edited(text: string, n: number): string {
  if (n % 2 === 0) {
    if (/\bshould\b/.test(text)) return text.replace(/\bshould\b/, 'must');
    if (/\bmust\b/.test(text)) return text.replace(/\bmust\b/, 'should');
  }
  return `${text} ${APPENDED}`;
}

await withSeededNeo4j('diff', async ({ db, runner, commands, mode }) => {
  await commands.createDraft({ key: DRAFT, from: PUBLISHED });
  let version = 1;

  // 50 provisions that state an obligation, in reading order, leaving out those with footnote markers.
  const provisions = (
    await runner.read<{ key: string; text: string }>(
      'bench.provisions',
      'MATCH (p:Provision {revision: $revision}) WHERE EXISTS { (p)<-[:STATED_IN]-(:Obligation) } AND NOT p.text CONTAINS "[^" RETURN p.key AS key, p.text AS text ORDER BY p.order',
      { revision: DRAFT },
    )
  ).slice(0, EDITS);
  if (provisions.length < EDITS) throw new Error(`only ${provisions.length} provisions to edit; the benchmark needs ${EDITS}`);
  for (const [n, provision] of provisions.entries()) {
    version = (await commands.updateProvision({ revision: DRAFT, key: provision.key, text: edited(provision.text, n), expectedVersion: version })).version;
  }

  // (i) Server-side: the two trees and the pure diff, as the resolvers do it.
  forgetPublishedTrees();
  const coldStarted = performance.now();
  const first = diffRevisions(await loadRevisionTree(runner, PUBLISHED), await loadRevisionTree(runner, DRAFT));
  const cold = performance.now() - coldStarted;
  const serverSide = await timed(async () => diffRevisions(await loadRevisionTree(runner, PUBLISHED), await loadRevisionTree(runner, DRAFT)));
  const [published, draft] = [await loadRevisionTree(runner, PUBLISHED), await loadRevisionTree(runner, DRAFT)];
  const pureDiff = await timed(() => Promise.resolve(diffRevisions(published, draft)));

  // (ii) Over HTTP, through the real app, signed in as an editor through the embedded provider.
  await createAccount(runner, { username: 'bench-editor', displayName: 'Bench Editor', roles: ['editor'], password: 'bench editor password, long enough' });
  const app = await startApp({
    config: { host: '127.0.0.1', port: 0, bodyLimit: '100kb', debugQueries: false, auth: AUTH, rateLimit: { max: 1_000_000_000, windowMs: 60_000 } },
    db,
    logger: createLogger('warn'),
  });
  try {
    const token = (await issueToken({ auth: AUTH, publicUrl: new URL(app.url).origin, host: '127.0.0.1', port: 0, trustProxy: false }, db, 'bench-editor')).token;
    let answerBytes = 0;
    const overHttp = await timed(async () => {
      const response = await fetch(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: QUERY, variables: { from: PUBLISHED, to: DRAFT } }),
      });
      const text = await response.text();
      const body = JSON.parse(text) as { errors?: { message: string }[] };
      if (body.errors !== undefined) throw new Error(`revisionDiff failed: ${body.errors.map((e) => e.message).join('; ')}`);
      answerBytes = text.length;
    });

    const { provisions: p, obligations: o } = first.summary;
    process.stdout.write(`revisionDiff ${PUBLISHED} → ${DRAFT} (${EDITS} edits), Node ${process.version}, ${os.cpus().length} cores, Neo4j ${mode}\n`);
    process.stdout.write(
      `  the diff: provisions ${p.textChanged} reworded, ${p.unchanged} unchanged; obligations ${o.added} added, ${o.removed} removed, ${o.changed} changed ` +
        `(${o.strengthened} strengthened, ${o.weakened} weakened), ${o.unchanged} unchanged\n`,
    );
    process.stdout.write(`  server-side, first run (both trees read): ${cold.toFixed(1)} ms\n`);
    process.stdout.write(`  server-side, loadRevisionTree ×2 + diffRevisions (published tree cached): ${figures(serverSide)}\n`);
    process.stdout.write(`    of which diffRevisions alone: ${figures(pureDiff)}\n`);
    process.stdout.write(`  over HTTP, revisionDiff (summary, provisions with hunks, obligations with modality, impact; ${Math.round(answerBytes / 1024)} KB): ${figures(overHttp)}\n`);
  } finally {
    await app.stop();
  }
});
