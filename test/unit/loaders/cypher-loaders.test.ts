/**
 * Pins every named Cypher constant of the loaders (docs/architecture.md, convention 5): a
 * change to a query shows up in review as a change to this snapshot. Each one is run for real
 * by the integration tests (test/integration/api-*.int.test.ts).
 */
import { describe, expect, it } from 'vitest';
import * as body from '../../../loaders/body.ts';
import * as citation from '../../../loaders/citation.ts';
import * as footnote from '../../../loaders/footnote.ts';
import * as heading from '../../../loaders/heading.ts';
import * as instrument from '../../../loaders/instrument.ts';
import * as obligation from '../../../loaders/obligation.ts';
import * as organisation from '../../../loaders/organisation.ts';
import * as provision from '../../../loaders/provision.ts';
import * as revision from '../../../loaders/revision.ts';
import * as source from '../../../loaders/source.ts';
import * as term from '../../../loaders/term.ts';
import * as theme from '../../../loaders/theme.ts';
import * as toolkit from '../../../loaders/toolkit.ts';
import * as trace from '../../../loaders/trace.ts';

const modules = { body, citation, footnote, heading, instrument, obligation, organisation, provision, revision, source, term, theme, toolkit, trace };

/** The module's exports whose names are UPPER_SNAKE and whose values are Cypher text. */
function cypherConstants(module: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(module).filter((entry): entry is [string, string] => /^[A-Z][A-Z_]+$/.test(entry[0]) && typeof entry[1] === 'string' && /\b(MATCH|RETURN)\b/.test(entry[1])),
  );
}

describe('the loaders\' Cypher', () => {
  for (const [name, module] of Object.entries(modules)) {
    it(`keeps the queries of loaders/${name}.ts as reviewed`, () => {
      expect(cypherConstants(module)).toMatchSnapshot();
    });
  }

  it('batches every by-key and by-uid query over $keys with UNWIND', () => {
    const batched = Object.values(modules)
      .flatMap((module) => Object.entries(cypherConstants(module)))
      .filter(([name]) => /_BY_|_OF_|_ENABLED_BY|_CITING|RELATED_|BODIES_ACTED_FOR|GROUPS_OF|MEMBERS_OF|CITED_BY/.test(name) && !name.endsWith('_OF_REVISION') && !name.endsWith('_OF_KIND'));
    expect(batched.length).toBeGreaterThan(20);
    for (const [name, cypher] of batched) expect(cypher, name).toMatch(/^\s*UNWIND \$(keys|targets) AS (key|target)\b/);
  });
});
