import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../core/config.ts';
import { CatalogueError, checkCatalogue, type Catalogue } from '../../../reader/catalogue.ts';

/** The real catalogue as JSON.parse gives it, so that a test can spoil any value the file could hold. */
const raw = (): Record<string, Record<string, unknown>[]> =>
  JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'seed/data/catalogue.json'), 'utf8')) as Record<string, Record<string, unknown>[]>;
const entry = (data: Record<string, Record<string, unknown>[]>, list: string, key: string): Record<string, unknown> => {
  const found = data[list]?.find((e) => e['key'] === key);
  if (found === undefined) throw new Error(`no ${key} in ${list}`);
  return found;
};
const check = (data: unknown) => () => checkCatalogue(data as Catalogue);

describe('checkCatalogue', () => {
  it('passes the catalogue the seed loads', () => {
    expect(check(raw())).not.toThrow();
  });

  it('names the instrument, its bad kind and a valid kind', () => {
    const data = raw();
    entry(data, 'instruments', 'ukpga/2010/15')['kind'] = 'ACTT';
    expect(check(data)).toThrow(
      new CatalogueError([
        'instrument "ukpga/2010/15": kind "ACTT" is not one of ACT, WELSH_MEASURE, REGULATIONS, CODE_OF_PRACTICE, STATUTORY_GUIDANCE, GUIDANCE, CONVENTION, STRATEGY, CHARTER, PLAN, REPORT, FRAMEWORK, OTHER; for example "kind": "ACT"',
      ]),
    );
  });

  it('names a revision whose status is not one of the closed set', () => {
    const data = raw();
    entry(data, 'revisions', '2024-09-01')['status'] = 'INFORCE';
    expect(check(data)).toThrow(
      'seed/data/catalogue.json has 1 problem(s):\n- revision "2024-09-01": status "INFORCE" is not one of DRAFT, LAID, WITHDRAWN, IN_FORCE, SUPERSEDED; for example "status": "DRAFT"',
    );
  });

  it('names every fault of a binding: its body, provision, force, relation and place', () => {
    const data = raw();
    const [binding] = data['bindings'] ?? [];
    if (binding === undefined) throw new Error('the catalogue has no bindings');
    Object.assign(binding, { body: 'health-board', provision: 'ukpga/2006/42/section/99', force: 'MUST', relation: 'MADE_UNDER', location: ' ' });
    expect(check(data)).toThrow(
      new CatalogueError([
        'binding of "health-board" to the MUST of "code/commissioning-framework": "health-board" is not a body',
        'binding of "health-board" to the MUST of "code/commissioning-framework": "ukpga/2006/42/section/99" is not a legal provision',
        'binding of "health-board" to the MUST of "code/commissioning-framework": location must name the clauses that say so, such as "clause 1.5"',
        'binding of "health-board" to the MUST of "code/commissioning-framework": force "MUST" is not one of REQUIREMENT, GUIDELINE; for example "force": "REQUIREMENT"',
        'binding of "health-board" to the MUST of "code/commissioning-framework": relation "MADE_UNDER" is not one of ISSUED_UNDER, DIRECTION_UNDER, GUIDANCE_UNDER; for example "relation": "ISSUED_UNDER"',
      ]),
    );
  });

  it('collects every bad kind, status, link type and relation in one message', () => {
    const data = raw();
    entry(data, 'instruments', 'anaw/2014/4')['status'] = 'draft';
    delete entry(data, 'legalProvisions', 'anaw/2014/4/section/3')['kind'];
    entry(data, 'toolkitItems', 'toolkit/national-framework-toolkit')['kind'] = 'TOOLKIT';
    entry(data, 'organisations', 'national-office-for-care-and-support')['kind'] = 7;
    const [link] = data['instrumentLinks'] ?? [];
    if (link !== undefined) link['type'] = 'MADE_UNDER';
    const [relation] = data['relations'] ?? [];
    if (relation !== undefined) relation['relation'] = 'SUPERSEDES';
    let problems: string[] = [];
    try {
      checkCatalogue(data as unknown as Catalogue);
    } catch (error) {
      if (error instanceof CatalogueError) problems = error.problems;
    }
    expect(problems).toEqual([
      'instrument "anaw/2014/4": status "draft" is not one of DRAFT, LAID, WITHDRAWN, IN_FORCE, SUPERSEDED (or null); for example "status": "DRAFT"',
      'legal provision "anaw/2014/4/section/3": kind is missing; for example "kind": "SECTION"',
      'toolkit item "toolkit/national-framework-toolkit": kind "TOOLKIT" is not one of CONTRACT_CLAUSE, TEMPLATE, GOOD_PRACTICE, TOOL, TRAINING, GUIDANCE, RESOURCE; for example "kind": "CONTRACT_CLAUSE"',
      'organisation "national-office-for-care-and-support": kind 7 is not one of ORGANISATION, SYSTEM; for example "kind": "ORGANISATION"',
      'instrument link "code/commissioning-framework" to "anaw/2014/4/section/145": type "MADE_UNDER" is not one of ISSUED_UNDER, GUIDANCE_UNDER, DISAPPLIES; for example "type": "ISSUED_UNDER"',
      'relation "code/quality-assurance-escalating-concerns-closure" to "code/commissioning-framework": relation "SUPERSEDES" is not one of COMPLEMENTS, REPLACES, LED_TO; for example "relation": "COMPLEMENTS"',
    ]);
  });
});
