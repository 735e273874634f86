/**
 * Pins the Cypher of the legislation list and of the graph's load stamp (docs/architecture.md,
 * convention 5); both run for real in test/integration/legislation-links.int.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { LEGISLATION_OF_TYPES } from '../../../loaders/legislation.ts';
import { GRAPH_LOADED_AT } from '../../../loaders/service-info.ts';

describe('the Cypher of legislation and of the graph load', () => {
  it('chooses legislation by the type code its key begins with, in the order of instruments', () => {
    expect(LEGISLATION_OF_TYPES).toMatchSnapshot();
  });

  it('reads the one GraphLoad node, if there is one', () => {
    expect(GRAPH_LOADED_AT).toMatchSnapshot();
  });
});
