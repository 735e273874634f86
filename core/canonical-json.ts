/**
 * One text for one value, whoever writes it and in whatever order its keys were built: JSON
 * with the keys of every object sorted (by UTF-16 code units, as RFC 8785, the JSON
 * Canonicalization Scheme, sorts them), no spaces, and numbers and strings as JSON.stringify
 * writes them (which is what RFC 8785 prescribes for them). Hashes are taken over this text:
 * the audit chain's (domain/audit-chain.ts), a revision's (db/revision-hash.ts) and a
 * backup's (db/backup-format.ts), so the same data always gives the same hash.
 */

/** A value canonicalJson writes: what JSON can say, with no undefined hidden inside a list. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Thrown for a value JSON cannot say exactly (a function, a bigint, NaN, a cycle). */
export class CanonicalJsonError extends Error {
  override name = 'CanonicalJsonError';
}

const MAX_DEPTH = 64;

function write(value: unknown, path: string, depth: number): string {
  if (depth > MAX_DEPTH) throw new CanonicalJsonError(`${path} is nested more than ${MAX_DEPTH} deep (a cycle?)`);
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`${path} is ${value}, which JSON cannot say`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((item, index) => write(item, `${path}[${index}]`, depth + 1)).join(',')}]`;
      const withJson = value as { toJSON?: unknown };
      if (typeof withJson.toJSON === 'function') return write((withJson.toJSON as () => unknown).call(value), path, depth + 1);
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort();
      return `{${keys.map((key) => `${JSON.stringify(key)}:${write(record[key], `${path}.${key}`, depth + 1)}`).join(',')}}`;
    }
    default:
      throw new CanonicalJsonError(`${path} is a ${typeof value}, which JSON cannot say`);
  }
}

/**
 * The canonical JSON text of `value`. An object's undefined members are left out and an
 * undefined value is null, as JSON.stringify does; a function, symbol, bigint, NaN or
 * Infinity is refused with a CanonicalJsonError naming where it is.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$', 0);
}
