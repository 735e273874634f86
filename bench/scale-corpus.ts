/**
 * A synthetic corpus k times the Code's size (bench/scale.ts measures on it), written through
 * the seed's own writer (seed/write-graph.ts), so it has exactly the graph shape the seed
 * writes (docs/graph-model.md). At scale k, on top of the seeded Code (2024-09-01, still the
 * revision in force today):
 *
 * - k - 1 copies of the Code as further published revisions, each with its own key and dates:
 *   in force from the first of a month, one month apart, the newest from 2024-06-01, so each
 *   was superseded by the next and the last by 2024-09-01 (their whole trees, uids included,
 *   are their own);
 * - one published revision, `2015-09-01` (in force before all of them), with k times the
 *   provisions and obligations: the Code's tree k times over, each copy with its own keys
 *   (clause 1.53 of copy j is (1 + j).53, standard S8 is S(8 + 10j), headings and terms take
 *   `-j`, footnotes are renumbered), so copy 0 keeps the Code's keys (S8 is there too).
 *
 * At 1× nothing is added. Writing a larger scale after a smaller one adds the missing copies
 * and rewrites the large revision (the writer replaces a revision's tree whole).
 *
 *   npx tsx bench/scale-corpus.ts --scale 10   # into the Neo4j `npm run seed` would use
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig, loadEnvFile } from '../core/config.ts';
import { printLine } from '../core/log.ts';
import { connect } from '../db/connect.ts';
import { QueryRunner, type Database } from '../db/run-query.ts';
import type { Catalogue, RevisionEntry } from '../reader/catalogue.ts';
import type { CodeGraph } from '../reader/read-code.ts';
import { readSeedInput, type SeedInput } from '../seed/index.ts';
import { REVISION_OWNED_LABELS, writeGraph } from '../seed/write-graph.ts';

/** The key of the revision with k times the provisions and obligations. */
export const LARGE_REVISION = '2015-09-01';

/** The first of the month `monthsBack` months before June 2024, as a key (`2024-06-01`, `2024-05-01`, ...). */
function monthKey(monthsBack: number, day = 1): string {
  const months = 2024 * 12 + 5 - monthsBack;
  return `${Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The keys of the k - 1 copies, newest first (`2024-06-01`, `2024-05-01`, ...). */
export const copyKeys = (scale: number): string[] => Array.from({ length: Math.max(0, scale - 1) }, (_, i) => monthKey(i));

/** The catalogue entry of a synthetic revision, modelled on the Code's own. */
function revisionEntry(base: RevisionEntry, key: string, laidOn: string, supersedes: string | null, what: string): RevisionEntry {
  return {
    ...base,
    key,
    status: 'SUPERSEDED',
    title: `${base.title} (synthetic ${what} for the benchmark)`,
    laidOn,
    inForceFrom: key,
    inForceUntil: null,
    withdrawnOn: null,
    published: true,
    hasText: true,
    supersedes,
    evidence: `Synthetic: ${what} of revision ${base.key}, written by bench/scale-corpus.ts; not law.`,
  };
}

/** The catalogue with the synthetic revisions of `scale` added. */
export function scaledCatalogue(catalogue: Catalogue, revisionKey: string, scale: number): Catalogue {
  const base = catalogue.revisions.find((r) => r.key === revisionKey);
  if (base === undefined) throw new Error(`the catalogue has no revision ${revisionKey}`);
  if (scale <= 1) return catalogue;
  const keys = copyKeys(scale);
  const copies = keys.map((key, i) => revisionEntry(base, key, monthKey(i + 1, 10), keys[i + 1] ?? LARGE_REVISION, 'copy'));
  const large = revisionEntry(base, LARGE_REVISION, '2015-07-10', null, `${scale}× enlargement`);
  return { ...catalogue, revisions: [...catalogue.revisions, ...copies, large] };
}

/** The Code as another revision: same tree, other key (every uid follows from it). */
export const copyOfCode = (code: CodeGraph, revisionKey: string): CodeGraph => ({ ...code, revisionKey });

/** The Code's tree `factor` times over in one revision, each copy under its own keys. */
export function enlargedCode(code: CodeGraph, revisionKey: string, factor: number): CodeGraph {
  const principles = code.provisions.filter((p) => p.kind === 'PRINCIPLE').length;
  const standards = code.provisions.filter((p) => p.kind === 'STANDARD').length;
  // Past every footnote number used (a provision may refer to a number no footnote has).
  const footnoteCount = Math.max(0, ...code.footnotes.map((f) => f.number), ...code.provisions.flatMap((p) => p.footnotes), ...code.obligations.flatMap((o) => o.footnotes));
  const chapters = Math.max(0, ...code.provisions.filter((p) => p.kind === 'CLAUSE').map((p) => Number(p.key.split('.')[0])));
  const copies = Array.from({ length: factor }, (_, j) => {
    const provisionKey = (key: string): string => {
      if (j === 0) return key;
      const clause = /^(\d+)\.(\d+[A-Z]*)$/.exec(key);
      if (clause !== null) return `${Number(clause[1]) + j * chapters}.${clause[2]}`;
      const numbered = /^([PS])(\d+)([A-Z]*)$/.exec(key);
      if (numbered !== null) return `${numbered[1]}${Number(numbered[2]) + j * (numbered[1] === 'P' ? principles : standards)}${numbered[3]}`;
      throw new Error(`cannot renumber provision key ${key}`);
    };
    const obligationKey = (key: string): string => {
      const [provision, n] = key.split('/');
      return `${provisionKey(provision ?? '')}/${n ?? ''}`;
    };
    const slug = (key: string): string => (j === 0 ? key : `${key}-${j}`);
    const footnote = (n: number): number => n + j * footnoteCount;
    const provisionNumber = (kind: string, key: string): string => (kind === 'CLAUSE' ? provisionKey(key) : provisionKey(key).slice(1));
    const offset = (count: number) => (order: number) => order + j * count;
    const headingOrder = offset(code.headings.length);
    const provisionOrder = offset(code.provisions.length);
    const obligationOrder = offset(code.obligations.length);
    const termOrder = offset(code.terms.length);
    return {
      headings: code.headings.map((h) => ({ ...h, key: slug(h.key), order: headingOrder(h.order), provisions: h.provisions.map(provisionKey), terms: h.terms.map(slug) })),
      provisions: code.provisions.map((p) => ({
        ...p,
        key: provisionKey(p.key),
        number: provisionNumber(p.kind, p.key),
        order: provisionOrder(p.order),
        heading: slug(p.heading),
        footnotes: p.footnotes.map(footnote),
      })),
      terms: code.terms.map((t) => ({ ...t, key: slug(t.key), order: termOrder(t.order) })),
      footnotes: code.footnotes.map((f) => ({ ...f, key: `fn${footnote(f.number)}`, number: footnote(f.number), provisions: f.provisions.map(provisionKey) })),
      obligations: code.obligations.map((o) => ({ ...o, key: obligationKey(o.key), provision: provisionKey(o.provision), order: obligationOrder(o.order), footnotes: o.footnotes.map(footnote) })),
      citedDuties: code.citedDuties.map((d) => ({ ...d, provision: provisionKey(d.provision) })),
      citations: code.citations.map((c) => ({
        ...c,
        from: c.fromLabel === 'Provision' ? provisionKey(c.from) : c.fromLabel === 'Obligation' ? obligationKey(c.from) : `fn${footnote(Number(c.from.slice(2)))}`,
      })),
    };
  });
  return {
    ...code,
    revisionKey,
    headings: copies.flatMap((c) => c.headings),
    provisions: copies.flatMap((c) => c.provisions),
    terms: copies.flatMap((c) => c.terms),
    footnotes: copies.flatMap((c) => c.footnotes),
    obligations: copies.flatMap((c) => c.obligations),
    citedDuties: copies.flatMap((c) => c.citedDuties),
    citations: copies.flatMap((c) => c.citations),
  };
}

/** Copies written in one transaction: 10 fit the local Neo4j's 512 MB heap, 100 do not. */
const PART_SIZE = 10;

/** Copies `from` to `to` (excluded) of an enlargement of `factor` copies (each list is the copies' lists in turn). */
export function copiesOf(large: CodeGraph, factor: number, from: number, to: number): CodeGraph {
  const part = <T>(nodes: readonly T[]): T[] => {
    const size = nodes.length / factor;
    return nodes.slice(from * size, to * size);
  };
  return {
    ...large,
    headings: part(large.headings),
    provisions: part(large.provisions),
    terms: part(large.terms),
    footnotes: part(large.footnotes),
    obligations: part(large.obligations),
    citedDuties: part(large.citedDuties),
    citations: part(large.citations),
  };
}

/** Revisions that already hold a tree (their headings), so a larger scale writes only what is missing. */
async function revisionsWithText(runner: QueryRunner): Promise<Set<string>> {
  const rows = await runner.read<{ key: string }>('scale.revisionsWithText', 'MATCH (h:Heading) RETURN DISTINCT h.revision AS key');
  return new Set(rows.map((row) => row.key));
}

export interface ScaleReport {
  scale: number;
  /** Revisions holding text, and the revision-owned nodes of the whole corpus. */
  revisions: number;
  provisions: number;
  obligations: number;
  /** Provisions and obligations of the large revision (0 at 1×). */
  largeProvisions: number;
  largeObligations: number;
  seconds: number;
}

/**
 * Writes the corpus of `scale` (1, 10, 100, ...) over a database that holds the seeded Code,
 * or a smaller scale of it. `onProgress` hears each revision written.
 */
export async function writeScaledCorpus(db: Database, scale: number, input: SeedInput = readSeedInput(), onProgress: (line: string) => void = () => undefined): Promise<ScaleReport> {
  const started = performance.now();
  const runner = new QueryRunner(db);
  const { code } = input;
  const catalogue = scaledCatalogue(input.catalogue, code.revisionKey, scale);
  const written = await revisionsWithText(runner);
  // Trees of a larger scale written before (the writer removes their Revision nodes, not their trees).
  const stale = [...written].filter((key) => !catalogue.revisions.some((r) => r.key === key));
  if (stale.length > 0) {
    await runner.writeTransaction(
      'scale.removeStale',
      (tx) => tx.run('scale.removeStale', 'MATCH (n) WHERE n.revision IN $stale AND any(label IN labels(n) WHERE label IN $labels) DETACH DELETE n', { stale, labels: [...REVISION_OWNED_LABELS] }),
      600_000,
    );
    onProgress(`removed the trees of ${stale.length} revisions of a larger scale`);
  }
  if (scale > 1) {
    const missing = copyKeys(scale).filter((key) => !written.has(key));
    for (const [i, key] of missing.entries()) {
      await writeGraph(runner, catalogue, copyOfCode(code, key));
      if ((i + 1) % 10 === 0 || i + 1 === missing.length) onProgress(`${i + 1} of ${missing.length} copies written`);
    }
    // In parts of PART_SIZE copies, one transaction each: 100 copies in one overflow the local Neo4j's heap.
    const large = enlargedCode(code, LARGE_REVISION, scale);
    for (let from = 0; from < scale; from += PART_SIZE) {
      await writeGraph(runner, catalogue, copiesOf(large, scale, from, Math.min(scale, from + PART_SIZE)), 600_000, { replaceTree: from === 0 });
    }
    onProgress(`revision ${LARGE_REVISION} written with ${scale}× the provisions and obligations`);
  }
  const [counts] = await runner.read<{ revisions: number; provisions: number; obligations: number; largeProvisions: number; largeObligations: number }>(
    'scale.counts',
    `MATCH (h:Heading) WITH count(DISTINCT h.revision) AS revisions
     MATCH (p:Provision) WITH revisions, count(p) AS provisions, count(CASE WHEN p.revision = $large THEN 1 END) AS largeProvisions
     MATCH (o:Obligation) RETURN revisions, provisions, largeProvisions, count(o) AS obligations, count(CASE WHEN o.revision = $large THEN 1 END) AS largeObligations`,
    { large: LARGE_REVISION },
  );
  return {
    scale,
    revisions: counts?.revisions ?? 0,
    provisions: counts?.provisions ?? 0,
    obligations: counts?.obligations ?? 0,
    largeProvisions: counts?.largeProvisions ?? 0,
    largeObligations: counts?.largeObligations ?? 0,
    seconds: (performance.now() - started) / 1000,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: '10' } } });
  const scale = Number(values.scale);
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`--scale must be a whole number of at least 1, such as 10; got ${values.scale}`);
  loadEnvFile();
  const connection = await connect(loadConfig(), (line) => printLine(line));
  try {
    const report = await writeScaledCorpus(connection.db, scale, readSeedInput(), (line) => printLine(line));
    printLine(
      `${scale}× written in ${report.seconds.toFixed(1)} s: ${report.revisions} revisions with text, ${report.provisions} provisions and ${report.obligations} obligations ` +
        `(revision ${LARGE_REVISION}: ${report.largeProvisions} and ${report.largeObligations}).`,
    );
  } finally {
    await connection.close();
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((error: unknown) => {
    printLine(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
