/**
 * Reads seed/data/overrides.json and checks its shape (reader/stages/4-apply-overrides.ts,
 * checkOverrides) against the catalogue's bodies, before the reader runs.
 */
import { readFileSync } from 'node:fs';
import type { Catalogue } from '../reader/catalogue.ts';
import { checkOverrides, type Override } from '../reader/stages/4-apply-overrides.ts';

export function loadOverrides(file: string, catalogue: Catalogue): Override[] {
  return checkOverrides(JSON.parse(readFileSync(file, 'utf8')) as unknown, catalogue.bodies.map((body) => body.key)).overrides;
}
