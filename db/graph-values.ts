/**
 * Reads node properties returned by Neo4j into plain model values, checking each one, so a
 * graph that drifts from docs/graph-model.md fails loudly (as INTERNAL_SERVER_ERROR) instead of
 * leaking a wrong type into an answer. The driver runs with `disableLosslessIntegers`, so
 * integers arrive as numbers; Neo4j `Date` values become ISO strings (2024-09-01).
 */
import { isDate } from 'neo4j-driver';
import { GraphShapeError } from '../core/errors.ts';

/** A node's properties or any map returned by Cypher. */
export type Props = Record<string, unknown>;

export function asProps(value: unknown, what: string): Props {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new GraphShapeError(`${what} is not a map`);
  return value as Props;
}

export function text(props: Props, name: string): string {
  const value = props[name];
  if (typeof value !== 'string') throw new GraphShapeError(`property ${name} is not a string (${JSON.stringify(value)})`);
  return value;
}

export function optionalText(props: Props, name: string): string | null {
  const value = props[name];
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  throw new GraphShapeError(`property ${name} is not a string (${JSON.stringify(value)})`);
}

export function integer(props: Props, name: string): number {
  const value = props[name];
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new GraphShapeError(`property ${name} is not an integer (${JSON.stringify(value)})`);
  return value;
}

export function optionalInteger(props: Props, name: string): number | null {
  const value = props[name];
  if (value === null || value === undefined) return null;
  return integer(props, name);
}

export function flag(props: Props, name: string): boolean {
  const value = props[name];
  if (value === null || value === undefined) return false;
  if (typeof value !== 'boolean') throw new GraphShapeError(`property ${name} is not a boolean (${JSON.stringify(value)})`);
  return value;
}

export function textList(props: Props, name: string): string[] {
  const value = props[name];
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new GraphShapeError(`property ${name} is not a list of strings (${JSON.stringify(value)})`);
  }
  return value;
}

/** A Neo4j Date (or an ISO date string) as `YYYY-MM-DD`; null when absent. */
export function isoDate(props: Props, name: string): string | null {
  const value = props[name];
  if (value === null || value === undefined) return null;
  if (isDate(value)) return value.toString();
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  throw new GraphShapeError(`property ${name} is not a date (${JSON.stringify(value)})`);
}

/** A value of a closed set (core/vocabulary.ts). */
export function oneOf<T extends string>(props: Props, name: string, allowed: readonly T[]): T {
  const value = props[name];
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) throw new GraphShapeError(`property ${name} is ${JSON.stringify(value)}, not one of ${allowed.join(', ')}`);
  return found;
}

export function oneOfList<T extends string>(props: Props, name: string, allowed: readonly T[]): T[] {
  return textList(props, name).map((value) => oneOf({ value }, 'value', allowed));
}
