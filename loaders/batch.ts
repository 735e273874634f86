/**
 * What every batch function shares (docs/architecture.md, "Loaders and batching", and
 * convention 3): DataLoaders made per request, whose batch functions send one query per batch
 * and answer in the order of their keys, with null (or []) for a missing key. With
 * `batching: false` each load runs its own query (the benchmark's comparison).
 */
import DataLoader from 'dataloader';
import type { Params, QueryRunner } from '../db/run-query.ts';

export interface LoaderOptions {
  /** When false, every load is its own Neo4j round trip (DataLoader's `batch: false`). */
  batching: boolean;
  /** A signed-in editor sees drafts; everyone else sees published revisions only. */
  canSeeDrafts?: boolean;
}

/** What DataLoader calls with a batch of keys: one answer per key, in key order. */
export type BatchFunction<K, V> = (keys: readonly K[]) => Promise<V[]>;

/** A per-request DataLoader; `cacheKey` turns composite keys into strings. */
export function makeLoader<K, V>(
  options: LoaderOptions,
  batch: BatchFunction<K, V>,
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

/** A row of a batch query: `RETURN key, ... AS value` (or `target.id AS key`). */
type KeyedRow = { key: string; value: unknown };

/** Runs a batch query once and maps each row's value, keeping its key. */
async function readKeyed<V>(runner: QueryRunner, name: string, cypher: string, params: Params, map: (value: unknown) => V) {
  const rows = await runner.read<KeyedRow>(name, cypher, params);
  return rows.map((row) => ({ key: row.key, value: map(row.value) }));
}

/**
 * The batch function of a lookup with at most one answer per key: runs `cypher`
 * (`UNWIND $keys AS key ... RETURN key, ... AS value`) once with `{ keys }`, maps each value
 * and answers in key order, null for a key no row has.
 */
export function oneEach<V>(runner: QueryRunner, name: string, cypher: string, map: (value: unknown) => V, params: Params = {}): BatchFunction<string, V | null> {
  return async (keys) => inKeyOrder(keys, await readKeyed(runner, name, cypher, { ...params, keys }, map));
}

/** As oneEach, for a link with any number of answers per key: the rows of each key in their order, [] for none. */
export function manyEach<V>(runner: QueryRunner, name: string, cypher: string, map: (value: unknown) => V): BatchFunction<string, V[]> {
  return async (keys) => groupedInKeyOrder(keys, await readKeyed(runner, name, cypher, { keys }, map));
}

/**
 * As manyEach, for composite keys (a thing within one revision, a node of some kind): runs
 * `cypher` (`UNWIND $targets AS target ... RETURN target.id AS key, ... AS value`) once with
 * `{ targets }`, each target sent with its `id`, and groups the rows under those ids.
 */
export function manyEachTarget<K extends object, V>(
  runner: QueryRunner,
  name: string,
  cypher: string,
  id: (target: K) => string,
  map: (value: unknown) => V,
): BatchFunction<K, V[]> {
  return async (targets) => {
    const params = { targets: targets.map((target) => ({ ...target, id: id(target) })) };
    return groupedInKeyOrder(targets.map(id), await readKeyed(runner, name, cypher, params, map));
  };
}
