import { describe, expect, it } from 'vitest';
import { settle, settledLine, stoppedRising, type SettlingSide } from '../../../bench/settle.ts';

/** A side whose windows answer these many requests per second, in turn (the last one repeated). */
const side = (name: string, rates: readonly number[]): SettlingSide & { windows: number[] } => {
  const windows: number[] = [];
  return {
    name,
    windows,
    load: (seconds) => {
      const rate = rates[Math.min(windows.length, rates.length - 1)] ?? 0;
      windows.push(seconds);
      return Promise.resolve({ latenciesMs: [], seconds, errors: 0, answers: rate * seconds });
    },
  };
};

describe("the benchmark's warm-up until steady", () => {
  it('calls a side steady once its last two windows rose no more than the tolerance over the two before; a fall is noise', () => {
    expect(stoppedRising([], 0.05)).toBe(false);
    expect(stoppedRising([60, 60, 60], 0.05)).toBe(false);
    // A noisy window alone does not end the warm-up: 38 → 80 → 68 is still rising.
    expect(stoppedRising([20, 38, 80, 68], 0.05)).toBe(false);
    expect(stoppedRising([70, 76, 80, 73], 0.05)).toBe(true);
    expect(stoppedRising([70, 76, 80, 73.5], 0.05)).toBe(false);
    expect(stoppedRising([70, 76, 40, 50], 0.05)).toBe(true);
  });

  it('loads every side in turn until all have stopped rising', async () => {
    const ours = side('ours', [15, 40, 70, 72, 74, 71]);
    const peer = side('peer', [20, 50, 51]);
    const settled = await settle([ours, peer], { windowSeconds: 2, tolerance: 0.05, maxSeconds: 60 });
    expect(settled.steady).toBe(true);
    expect(settled.windows.get('ours')).toEqual([15, 40, 70, 72, 74, 71]);
    expect(settled.windows.get('peer')).toEqual([20, 50, 51, 51, 51, 51]);
    expect(settled.seconds).toBe(24);
    expect(settledLine(settled)).toBe('steady after 24 s of warm-up (ours 15 → 40 → 70 → 72 → 74 → 71 req/s; peer 20 → 50 → 51 → 51 → 51 → 51 req/s)');
  });

  it('stops at the limit when a side keeps rising, and says so', async () => {
    const rising = side('ours', [10, 20, 30, 40, 50, 60, 70]);
    const settled = await settle([rising, side('peer', [50])], { windowSeconds: 2, tolerance: 0.05, maxSeconds: 20 });
    expect(settled.steady).toBe(false);
    expect(settled.seconds).toBe(20);
    expect(rising.windows).toEqual([2, 2, 2, 2, 2]);
    expect(settledLine(settled)).toMatch(/^still rising after 20 s of warm-up/);
  });
});
