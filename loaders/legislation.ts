/**
 * The legislation the graph holds, optionally of one level (schema/legislation.graphql): the
 * instruments whose key is a legislation.gov.uk identifier, chosen by its type code
 * (domain/legislation-links.ts), so that "all primary legislation" takes in Acts of
 * Parliament, Acts of the Senedd and Measures of the National Assembly for Wales alike.
 */
import { legislationTypesOf, type LegislationLevel } from '../domain/legislation-links.ts';
import type { QueryRunner } from '../db/run-query.ts';
import { INSTRUMENT_ORDER, toInstrument, type InstrumentModel } from './instrument.ts';
import { readPage, type Page, type PageRequest } from './pagination.ts';

/** One page of the instruments whose key begins with one of `$types`, in the order of `instruments`. */
export const LEGISLATION_OF_TYPES = `
MATCH (i:Instrument)
WHERE split(i.key, '/')[0] IN $types
WITH i ORDER BY ${INSTRUMENT_ORDER}
WITH collect(i) AS matched
RETURN size(matched) AS totalCount, [i IN matched[$offset..($offset + $limit)] | properties(i)] AS page`;

/** One page of the legislation, of one level or both, Acts first, then by year and title. */
export function findLegislation(runner: QueryRunner, level: LegislationLevel | null, request: PageRequest): Promise<Page<InstrumentModel>> {
  const params = { types: legislationTypesOf(level), offset: request.offset, limit: request.limit };
  return readPage(runner, 'legislationOfTypes', { cypher: LEGISLATION_OF_TYPES, params }, request, toInstrument);
}
