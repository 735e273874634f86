/**
 * Property values as JSON that keeps their Neo4j type (docs/graph-model.md, "Backups"), for
 * backups (db/backup-format.ts) and hashes (db/revision-hash.ts), and back to driver values
 * for a restore. The driver reads every number as a JS number (db/create-driver.ts), so the
 * type of each property is asked of Neo4j itself (`valueType`, Neo4j 5.13 or later) and
 * integers are read as text, exactly, however large.
 *
 * | Neo4j type | JSON |
 * |---|---|
 * | STRING, BOOLEAN | a string, true or false |
 * | FLOAT | a number (`1` is the float 1.0); `{"$float": "NaN"}`, `"Infinity"`, `"-Infinity"`, `"-0"` |
 * | INTEGER | `{"$int": "42"}` |
 * | DATE | `{"$date": "2024-09-01"}` |
 * | LOCAL TIME, ZONED TIME | `{"$localtime": [h, m, s, ns]}`, `{"$time": [h, m, s, ns, offsetSeconds]}` |
 * | LOCAL DATETIME | `{"$localdatetime": [y, mo, d, h, mi, s, ns]}` |
 * | ZONED DATETIME | `{"$datetime": [y, mo, d, h, mi, s, ns, offsetSeconds, zone id or null]}` |
 * | DURATION | `{"$duration": [months, days, seconds, nanoseconds]}` |
 * | POINT | `{"$point": [srid, x, y]}` or `[srid, x, y, z]` |
 * | byte array | `{"$bytes": "<base64>"}` |
 * | LIST of any of these | a JSON array of them (`[]` for an empty list) |
 */
import neo4j, { isDate, isDateTime, isDuration, isLocalDateTime, isLocalTime, isPoint, isTime, type Integer } from 'neo4j-driver';
import type { JsonValue } from '../core/canonical-json.ts';

/** A property as typedProperties returns it. */
export interface TypedProperty {
  key: string;
  /** Neo4j's valueType, such as "INTEGER NOT NULL" or "LIST<STRING NOT NULL> NOT NULL". */
  type: string;
  /** The value; an integer (or each integer of a list) as its decimal text. */
  value: unknown;
  /** For a list of integers only: the value as stored, to tell a byte array from a list. */
  raw?: unknown;
}

/**
 * The Cypher expression of a node's or relationship's properties with their types, for
 * `variable` (a name the calling query binds; never input).
 */
export const typedProperties = (variable: string): string =>
  `[k IN keys(${variable}) | {key: k, type: valueType(${variable}[k]), ` +
  `value: CASE WHEN valueType(${variable}[k]) STARTS WITH 'INTEGER' THEN toString(${variable}[k]) ` +
  `WHEN valueType(${variable}[k]) STARTS WITH 'LIST<INTEGER' THEN [x IN ${variable}[k] | toString(x)] ELSE ${variable}[k] END, ` +
  `raw: CASE WHEN valueType(${variable}[k]) STARTS WITH 'LIST<INTEGER' THEN ${variable}[k] ELSE null END}]`;

/** A value that cannot be written as typed JSON, or typed JSON that is not a value. */
export class TypedValueError extends Error {
  override name = 'TypedValueError';
}

/** A component of a driver temporal or spatial value as a plain number. */
function num(value: number | Integer | undefined | null): number | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'number' ? value : value.toNumber();
}

const req = (value: number | Integer | undefined | null): number => num(value) ?? 0;

const pad = (value: number, width: number): string => String(Math.abs(value)).padStart(width, '0');

function encodeFloat(value: unknown, where: string): JsonValue {
  if (typeof value !== 'number') throw new TypedValueError(`${where} is typed FLOAT but is ${typeof value}`);
  if (Number.isNaN(value)) return { $float: 'NaN' };
  if (value === Number.POSITIVE_INFINITY) return { $float: 'Infinity' };
  if (value === Number.NEGATIVE_INFINITY) return { $float: '-Infinity' };
  if (Object.is(value, -0)) return { $float: '-0' };
  return value;
}

/** One scalar of the base type `type` (valueType without NOT NULL, not a list). */
function encodeScalar(type: string, value: unknown, where: string): JsonValue {
  switch (type) {
    case 'STRING':
      if (typeof value !== 'string') break;
      return value;
    case 'BOOLEAN':
      if (typeof value !== 'boolean') break;
      return value;
    case 'FLOAT':
      return encodeFloat(value, where);
    case 'INTEGER':
      if (typeof value !== 'string' || !/^-?\d+$/.test(value)) break;
      return { $int: value };
    case 'DATE':
      if (!isDate(value)) break;
      return { $date: `${req(value.year) < 0 ? '-' : ''}${pad(req(value.year), 4)}-${pad(req(value.month), 2)}-${pad(req(value.day), 2)}` };
    case 'LOCAL TIME':
      if (!isLocalTime(value)) break;
      return { $localtime: [req(value.hour), req(value.minute), req(value.second), req(value.nanosecond)] };
    case 'ZONED TIME':
      if (!isTime(value)) break;
      return { $time: [req(value.hour), req(value.minute), req(value.second), req(value.nanosecond), req(value.timeZoneOffsetSeconds)] };
    case 'LOCAL DATETIME':
      if (!isLocalDateTime(value)) break;
      return { $localdatetime: [req(value.year), req(value.month), req(value.day), req(value.hour), req(value.minute), req(value.second), req(value.nanosecond)] };
    case 'ZONED DATETIME':
      if (!isDateTime(value)) break;
      return {
        $datetime: [
          req(value.year),
          req(value.month),
          req(value.day),
          req(value.hour),
          req(value.minute),
          req(value.second),
          req(value.nanosecond),
          // Both when both are known: in a zone's autumn overlap the offset says which of the
          // two 01:30s it was.
          num(value.timeZoneOffsetSeconds),
          value.timeZoneId ?? null,
        ],
      };
    case 'DURATION':
      if (!isDuration(value)) break;
      return { $duration: [req(value.months), req(value.days), req(value.seconds), req(value.nanoseconds)] };
    case 'POINT':
      if (!isPoint(value)) break;
      return { $point: value.z === undefined || value.z === null ? [req(value.srid), value.x, value.y] : [req(value.srid), value.x, value.y, value.z] };
    default:
      throw new TypedValueError(`${where} has the type ${type}, which backups do not hold yet`);
  }
  throw new TypedValueError(`${where} is typed ${type} but its value does not fit (${typeof value})`);
}

/** A property of typedProperties as typed JSON; `where` names it in an error. */
export function encodeProperty(property: TypedProperty, where: string): JsonValue {
  const type = property.type.replace(/ NOT NULL$/, '');
  const list = /^LIST<(.*)>$/.exec(type);
  if (list === null) return encodeScalar(type, property.value, where);
  if (property.raw instanceof Int8Array) return { $bytes: Buffer.from(property.raw.buffer, property.raw.byteOffset, property.raw.byteLength).toString('base64') };
  if (!Array.isArray(property.value)) throw new TypedValueError(`${where} is typed ${type} but is not a list`);
  const inner = (list[1] ?? '').replace(/ NOT NULL$/, '');
  if (inner === 'NOTHING') return [];
  return property.value.map((item, index) => encodeScalar(inner, item, `${where}[${index}]`));
}

/** Every property of typedProperties as typed JSON, by key. */
export function encodeProperties(properties: readonly TypedProperty[], where: string): Record<string, JsonValue> {
  const encoded: Record<string, JsonValue> = {};
  for (const property of properties) encoded[property.key] = encodeProperty(property, `${where}.${property.key}`);
  return encoded;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

function integers(value: JsonValue, length: number[], where: string, tag: string): number[] {
  if (!Array.isArray(value) || !length.includes(value.length) || !value.every((item) => typeof item === 'number' && Number.isInteger(item))) {
    throw new TypedValueError(`${where}: ${tag} takes a list of ${length.join(' or ')} whole numbers`);
  }
  return value as number[];
}

/** The kind of a typed JSON value, to check that a list holds one kind only. */
function kindOf(value: JsonValue): string {
  if (typeof value === 'number') return 'FLOAT';
  if (typeof value === 'string') return 'STRING';
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (value === null || Array.isArray(value)) return 'LIST';
  return Object.keys(value)[0] ?? '';
}

/** A typed JSON scalar (not a list) as the value the driver writes. */
function decodeScalar(value: JsonValue, where: string): unknown {
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value;
  if (value === null || Array.isArray(value)) throw new TypedValueError(`${where}: a property holds no null and no list inside a list`);
  const keys = Object.keys(value);
  const [tag] = keys;
  if (keys.length !== 1 || tag === undefined) throw new TypedValueError(`${where}: a typed value is an object with one key such as {"$int": "42"}`);
  const inner = value[tag] as JsonValue;
  switch (tag) {
    case '$int': {
      if (typeof inner !== 'string' || !/^-?\d{1,19}$/.test(inner) || BigInt(inner) < INT64_MIN || BigInt(inner) > INT64_MAX) {
        throw new TypedValueError(`${where}: $int takes a 64-bit integer as text, such as {"$int": "42"}`);
      }
      return neo4j.int(inner);
    }
    case '$float': {
      const special: Record<string, number> = { NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, '-Infinity': Number.NEGATIVE_INFINITY, '-0': -0 };
      if (typeof inner !== 'string' || !(inner in special)) throw new TypedValueError(`${where}: $float takes "NaN", "Infinity", "-Infinity" or "-0" (other floats are plain numbers)`);
      return special[inner];
    }
    case '$date': {
      const match = typeof inner === 'string' ? /^(-?\d{4,})-(\d{2})-(\d{2})$/.exec(inner) : null;
      if (match === null) throw new TypedValueError(`${where}: $date takes a day such as "2024-09-01"`);
      return new neo4j.types.Date(Number(match[1]), Number(match[2]), Number(match[3]));
    }
    case '$localtime': {
      const [h, m, s, ns] = integers(inner, [4], where, tag);
      return new neo4j.types.LocalTime(h ?? 0, m ?? 0, s ?? 0, ns ?? 0);
    }
    case '$time': {
      const [h, m, s, ns, offset] = integers(inner, [5], where, tag);
      return new neo4j.types.Time(h ?? 0, m ?? 0, s ?? 0, ns ?? 0, offset ?? 0);
    }
    case '$localdatetime': {
      const [y, mo, d, h, mi, s, ns] = integers(inner, [7], where, tag);
      return new neo4j.types.LocalDateTime(y ?? 0, mo ?? 0, d ?? 0, h ?? 0, mi ?? 0, s ?? 0, ns ?? 0);
    }
    case '$datetime': {
      if (!Array.isArray(inner) || inner.length !== 9) throw new TypedValueError(`${where}: $datetime takes [year, month, day, hour, minute, second, nanosecond, offset seconds (or null), zone id (or null)]`);
      const [y, mo, d, h, mi, s, ns] = integers(inner.slice(0, 7), [7], where, tag);
      const offset = inner[7];
      const zone = inner[8];
      const validOffset = offset === null || (typeof offset === 'number' && Number.isInteger(offset));
      const validZone = zone === null || (typeof zone === 'string' && zone !== '');
      if (!validOffset || !validZone || (offset === null && zone === null)) {
        throw new TypedValueError(`${where}: $datetime has an offset in seconds, a zone id (such as "Europe/London"), or both`);
      }
      return new neo4j.types.DateTime(y ?? 0, mo ?? 0, d ?? 0, h ?? 0, mi ?? 0, s ?? 0, ns ?? 0, offset ?? undefined, zone ?? undefined);
    }
    case '$duration': {
      const [months, days, seconds, nanoseconds] = integers(inner, [4], where, tag);
      return new neo4j.types.Duration(months ?? 0, days ?? 0, seconds ?? 0, nanoseconds ?? 0);
    }
    case '$point': {
      if (!Array.isArray(inner) || ![3, 4].includes(inner.length) || !inner.every((item) => typeof item === 'number')) {
        throw new TypedValueError(`${where}: $point takes [srid, x, y] or [srid, x, y, z]`);
      }
      const [srid, x, y, z] = inner;
      return new neo4j.types.Point(neo4j.int(srid ?? 0), x ?? 0, y ?? 0, z);
    }
    case '$bytes': {
      if (typeof inner !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(inner)) throw new TypedValueError(`${where}: $bytes takes base64 text`);
      return new Int8Array(Buffer.from(inner, 'base64'));
    }
    default:
      throw new TypedValueError(`${where}: ${JSON.stringify(tag)} is not a typed value; one of $int, $float, $date, $localtime, $time, $localdatetime, $datetime, $duration, $point, $bytes`);
  }
}

/** A typed JSON property value as the value the driver writes with the same Neo4j type. */
export function decodeProperty(value: JsonValue, where: string): unknown {
  if (!Array.isArray(value)) return decodeScalar(value, where);
  const kinds = new Set(value.map(kindOf));
  if (kinds.size > 1) throw new TypedValueError(`${where}: a list property holds values of one type only; this one mixes ${[...kinds].join(', ')}`);
  return value.map((item, index) => decodeScalar(item, `${where}[${index}]`));
}

/** Every property of a typed JSON map as driver values. */
export function decodeProperties(properties: Record<string, JsonValue>, where: string): Record<string, unknown> {
  const decoded: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties)) decoded[key] = decodeProperty(value, `${where}.${key}`);
  return decoded;
}
