/**
 * Reads seed/data/catalogue.json and checks it (reader/catalogue.ts) before anything is written.
 */
import { readFileSync } from 'node:fs';
import { checkCatalogue, type Catalogue } from '../reader/catalogue.ts';

export function loadCatalogue(file: string): Catalogue {
  return checkCatalogue(JSON.parse(readFileSync(file, 'utf8')) as Catalogue);
}
