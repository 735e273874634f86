/**
 * Warming up until the figures stop rising, before anything is timed. A Neo4j the benchmark
 * has just started is cold: its JVM compiles Cypher's runtime, and each statement's plan,
 * only as they run. On this machine a page of 50 obligations goes from 15 to about 75
 * requests per second over its first minute of load, on either side, so a warm-up of a second
 * or two measured the JVM's warming and squeezed every ratio towards 1. A served Neo4j is warm.
 *
 * `settle` loads each side in turn, window by window, until no side answered more than
 * `tolerance` more requests per second in its last two windows than in the two before (pairs,
 * as one window on a shared 2-core machine can rise or fall by a fifth on noise alone; and only
 * a rise counts, as warming only ever raises throughput), or until `maxSeconds` have passed.
 * Nothing it measures is reported as a figure.
 */
import type { Sample } from './figures.ts';

export interface SettleOptions {
  /** Seconds of each window, per side. */
  windowSeconds: number;
  /** The rise, as a fraction (0.05: 5%), below which a side counts as steady. */
  tolerance: number;
  /** Seconds of load in all, over every side, after which it stops steady or not. */
  maxSeconds: number;
}

/** The windows and tolerance `npm run bench` and bench/ab.ts warm with, up to a limit of their own. */
export const settleWithin = (maxSeconds: number): SettleOptions => ({ windowSeconds: 4, tolerance: 0.05, maxSeconds });

/** A side being warmed: its name and one window of load. */
export interface SettlingSide {
  name: string;
  load(seconds: number): Promise<Sample>;
}

export interface Settled {
  /** Whether every side stopped rising before `maxSeconds`. */
  steady: boolean;
  seconds: number;
  /** Each side's requests per second in each window, in order. */
  windows: Map<string, number[]>;
}

const perSecond = (sample: Sample): number => (sample.seconds > 0 ? sample.answers / sample.seconds : 0);

/** Whether a side whose windows answered `rates` requests per second has stopped rising: its last two windows' mean against the two before (it needs four windows to say). */
export function stoppedRising(rates: readonly number[], tolerance: number): boolean {
  if (rates.length < 4) return false;
  const [a, b, c, d] = rates.slice(-4) as [number, number, number, number];
  return c + d <= (a + b) * (1 + tolerance);
}

/** Loads the sides in turn until each has stopped rising (stoppedRising), or for `maxSeconds` in all. */
export async function settle(sides: readonly SettlingSide[], options: SettleOptions): Promise<Settled> {
  const windows = new Map(sides.map((side) => [side.name, [] as number[]]));
  let seconds = 0;
  const steady = () => [...windows.values()].every((rates) => stoppedRising(rates, options.tolerance));
  while (!steady()) {
    if (seconds + options.windowSeconds * sides.length > options.maxSeconds) return { steady: false, seconds, windows };
    for (const side of sides) {
      windows.get(side.name)?.push(perSecond(await side.load(options.windowSeconds)));
      seconds += options.windowSeconds;
    }
  }
  return { steady: true, seconds, windows };
}

/** One line for the log: how long it took, and each side's last window. */
export function settledLine(settled: Settled): string {
  const sides = [...settled.windows.entries()].map(([name, rates]) => `${name} ${rates.map((rate) => rate.toFixed(0)).join(' → ')} req/s`).join('; ');
  return `${settled.steady ? 'steady' : 'still rising'} after ${settled.seconds} s of warm-up (${sides})`;
}
