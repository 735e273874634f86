// Two tiers (docs/architecture.md, convention 8): unit tests of pure code, and integration
// tests against one real Neo4j provided for the whole run by test/global-setup.ts.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.int.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          // One Neo4j serves the run; files reset the graph they need, so they run one at a time.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
