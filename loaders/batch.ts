/**
 * What every batch function shares (STYLE.md habit 3): DataLoaders made per request, whose
 * batch functions answer in the order of their keys, with null for a missing key. With
 * `batching: false` each load runs its own query (the benchmark's comparison).
 */
import DataLoader from 'dataloader';

export interface LoaderOptions {
  /** When false, every load is its own Neo4j round trip (DataLoader's `batch: false`). */
  batching: boolean;
}

/** A per-request DataLoader; `cacheKey` turns composite keys into strings. */
export function makeLoader<K, V>(
  options: LoaderOptions,
  batch: (keys: readonly K[]) => Promise<V[]>,
  cacheKey?: (key: K) => string,
): DataLoader<K, V, K | string> {
  return new DataLoader<K, V, K | string>(batch, {
    batch: options.batching,
    ...(cacheKey === undefined ? {} : { cacheKeyFn: cacheKey }),
  });
}

/** One value per key, in key order; null where no row has that key. */
export function inKeyOrder<V>(keys: readonly string[], rows: readonly { key: string; value: V }[]): (V | null)[] {
  const found = new Map<string, V>();
  for (const row of rows) found.set(row.key, row.value);
  return keys.map((key) => found.get(key) ?? null);
}

/** The values of each key, in key order (rows keep their order within a key); [] for none. */
export function groupedInKeyOrder<V>(keys: readonly string[], rows: readonly { key: string; value: V }[]): V[][] {
  const groups = new Map<string, V[]>();
  for (const row of rows) {
    const group = groups.get(row.key);
    if (group === undefined) groups.set(row.key, [row.value]);
    else group.push(row.value);
  }
  return keys.map((key) => groups.get(key) ?? []);
}
