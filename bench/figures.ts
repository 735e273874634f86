/** The figures each run reports, and the table that prints them. */

export interface LoadFigures {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  requests: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

/** What one stretch of load measured, before it is summed up. */
export interface Sample {
  latenciesMs: number[];
  seconds: number;
  errors: number;
  answers: number;
}

/** Figures over one or more samples of the same variant (their latencies pooled). */
export function summarise(...samples: readonly Sample[]): LoadFigures {
  const sorted = samples.flatMap((sample) => sample.latenciesMs).sort((a, b) => a - b);
  const sum = (pick: (sample: Sample) => number): number => samples.reduce((total, sample) => total + pick(sample), 0);
  return {
    requestsPerSecond: sum((s) => s.answers) / sum((s) => s.seconds),
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    errors: sum((s) => s.errors),
    requests: sum((s) => s.answers),
  };
}

export interface Row {
  workload: string;
  variant: string;
  figures: LoadFigures;
  /** Neo4j round trips per request (null for the hand-written Cypher: one per request). */
  roundTrips: number | null;
}

const ms = (value: number): string => (Number.isNaN(value) ? '-' : value < 10 ? value.toFixed(2) : value.toFixed(1));

/** One plain-text table, one row per workload and variant. */
export function table(rows: readonly Row[]): string {
  const header = ['workload', 'variant', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'requests', 'round trips/req'];
  const lines = rows.map((row) => [
    row.workload,
    row.variant,
    row.figures.requestsPerSecond.toFixed(0),
    ms(row.figures.p50),
    ms(row.figures.p95),
    ms(row.figures.p99),
    String(row.figures.errors),
    String(row.figures.requests),
    row.roundTrips === null ? '1 (one statement)' : row.roundTrips.toFixed(row.roundTrips % 1 === 0 ? 0 : 1),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)));
  const format = (cells: readonly string[]): string =>
    cells.map((cell, column) => (column < 2 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  return [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(format)].join('\n');
}

/** Ours against another server on one workload, measured in the same run. */
export interface Comparison {
  workload: string;
  /** Whom ours is compared with: "the peer", "bare Apollo". */
  against: string;
  /** "same answer", or what the closest equivalent does otherwise. */
  equivalence: string;
  ours: LoadFigures;
  theirs: LoadFigures;
}

/** One line per comparison: both sides' req/s and p50/p95, and ours / theirs in req/s. */
export function ratioTable(comparisons: readonly Comparison[]): string {
  const header = ['workload', 'against', 'ours req/s', 'theirs req/s', 'ours/theirs', 'ours p50/p95 ms', 'theirs p50/p95 ms', 'compared'];
  const lines = comparisons.map((c) => [
    c.workload,
    c.against,
    c.ours.requestsPerSecond.toFixed(0),
    c.theirs.requestsPerSecond.toFixed(0),
    // No answer on one side within the time: no ratio (the table's rows say how many answered).
    c.ours.requests === 0 || c.theirs.requests === 0 ? '-' : `${(c.ours.requestsPerSecond / c.theirs.requestsPerSecond).toFixed(2)}x`,
    `${ms(c.ours.p50)} / ${ms(c.ours.p95)}`,
    `${ms(c.theirs.p50)} / ${ms(c.theirs.p95)}`,
    c.equivalence,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)));
  const left = new Set([0, 1, 7]);
  const format = (cells: readonly string[]): string =>
    cells.map((cell, column) => (left.has(column) ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ').trimEnd();
  return [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(format)].join('\n');
}
