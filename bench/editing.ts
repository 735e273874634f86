/**
 * How long editors wait (issue 9): `tsx bench/editing.ts [edits]` seeds the Code into a Neo4j
 * of its own, times createDraft of the whole Code (three times, each into a new draft), then
 * `edits` updateProvision calls (default 100) on one draft, each re-reading one clause,
 * through the same commands the GraphQL mutations call (editing/commands.ts), and prints
 * p50/p95. Server-side times: no HTTP. Not a test.
 */
import { BENCH_EDITOR, timingFigures, withSeededNeo4j } from './own-neo4j.ts';

const edits = Number(process.argv[2] ?? 100);

async function time<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

await withSeededNeo4j('editing', async ({ runner, commands }) => {
  const drafts: number[] = [];
  for (const n of [1, 2, 3]) drafts.push((await time(() => commands.createDraft({ key: `draft-bench-${n}` })))[1]);

  const clauses = (await runner.read<{ key: string; text: string }>('bench.clauses', "MATCH (p:Clause {revision: 'draft-bench-1'}) RETURN p.key AS key, p.text AS text ORDER BY p.order")).filter(
    (c) => !c.text.includes('[^'),
  );
  const updates: number[] = [];
  let version = 1;
  for (let i = 0; i < edits; i += 1) {
    const clause = clauses[i % clauses.length];
    if (clause === undefined) break;
    const text = i % 2 === 0 ? clause.text.replace(/\bshould\b/, 'must') : clause.text.replace(/\bmust\b/, 'should');
    const [updated, ms] = await time(() => commands.updateProvision({ revision: 'draft-bench-1', key: clause.key, text, expectedVersion: version }));
    version = updated.version;
    updates.push(ms);
  }
  process.stdout.write(`createDraft of the whole Code, as ${BENCH_EDITOR.name}: ${timingFigures(drafts)}\n`);
  process.stdout.write(`updateProvision, one clause re-read and rewritten: ${timingFigures(updates)}\n`);
});
