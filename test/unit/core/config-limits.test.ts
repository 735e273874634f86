import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_LIMITS, loadConfig } from '../../../core/config.ts';

describe('loadConfig, limits on operations', () => {
  it('uses the documented limits when nothing is set', () => {
    expect(loadConfig({}).limits).toEqual({ depth: 12, aliases: 30, directives: 20, tokens: 2000, cost: 5000 });
    expect(DEFAULT_LIMITS).toEqual(loadConfig({}).limits);
  });

  it('reads each limit from its variable', () => {
    expect(
      loadConfig({ MAX_DEPTH: '8', MAX_ALIASES: '10', MAX_DIRECTIVES: '5', MAX_TOKENS: '1000', MAX_COST: '20000' }).limits,
    ).toEqual({ depth: 8, aliases: 10, directives: 5, tokens: 1000, cost: 20000 });
  });

  it('refuses limits that are not whole numbers in range, naming each variable with a valid example', () => {
    let problems: readonly string[] = [];
    try {
      loadConfig({ MAX_DEPTH: '0', MAX_ALIASES: 'many', MAX_TOKENS: '50', MAX_COST: '1.5' });
    } catch (error) {
      if (error instanceof ConfigError) problems = error.problems;
    }
    expect(problems).toEqual([
      'MAX_DEPTH must be a whole number from 1 to 100, like MAX_DEPTH=12; got "0"',
      'MAX_ALIASES must be a whole number from 0 to 1000, like MAX_ALIASES=30; got "many"',
      'MAX_TOKENS must be a whole number from 100 to 100000, like MAX_TOKENS=2000; got "50"',
      'MAX_COST must be a whole number from 1 to 10000000, like MAX_COST=5000; got "1.5"',
    ]);
  });
});
