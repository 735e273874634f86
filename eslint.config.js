// Type-aware lint rules (docs/architecture.md, "Strict from day one"): un-awaited promises
// such as session.close() are real bugs, and `any` hides what the schema types should say.
// The floors of the house are lint rules too: an import against the direction fails here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Every floor, bottom to top (docs/architecture.md, "The floors"). */
const FLOORS = ['core', 'db', 'domain', 'reader', 'loaders', 'editing', 'seed', 'resolvers', 'web', 'server'];

/**
 * The rule for one floor: a relative import that climbs out of the floor into any floor it
 * may not use is an error whose message says which floors it may use and why.
 */
function floor(name, mayUse, why) {
  const forbidden = FLOORS.filter((other) => other !== name && !mayUse.includes(other));
  return {
    files: [`${name}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\.\\./)+(${forbidden.join('|')})(/|$)`,
              message: `${name}/ may import only ${mayUse.length === 0 ? 'nothing of ours' : mayUse.map((f) => `${f}/`).join(', ')}: ${why} (docs/architecture.md)`,
            },
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  {
    ignores: ['web/assets/**', 'web/styles/build/**', 'node_modules/**', '**/__generated__/**', 'db/neo4j/launcher/**', '.data/**', '.neo4j/**', '.scratch/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // core/ is the ground floor: errors, log, config, vocabularies and key formats that every
  // other floor shares, so it can lean on none of them.
  floor('core', [], 'it is the ground floor every other floor stands on'),
  // db/ is the only door to Neo4j; it knows the errors and config of core/ and nothing of what is stored.
  floor('db', ['core'], 'the door to Neo4j knows no rule of the Code and no request'),
  // domain/ holds pure rules (revision in force, legal basis order, page requests): no driver.
  floor('domain', ['core'], 'its rules are pure and must run without a database'),
  // reader/ turns the Code's text into obligations, pure, for the seed and for editing alike.
  floor('reader', ['core', 'domain'], 'the reader is pure: text in, obligations out'),
  // loaders/ is the read side; it never writes and never sees the reader or the edits.
  floor('loaders', ['core', 'db', 'domain'], 'the read side reads the graph through db/ and applies domain/ rules'),
  // editing/ is the write side: one command per file, through db/, re-reading text with reader/.
  floor('editing', ['core', 'db', 'domain', 'reader'], 'a command checks with domain/, re-reads with reader/ and writes through db/'),
  // seed/ is input and output only: files in, the reader, the graph out through db/.
  floor('seed', ['core', 'db', 'domain', 'reader'], 'the seed reads files, calls the reader and writes through db/'),
  // resolvers/ stay thin: they unpack arguments and call a loader or an editing command.
  floor('resolvers', ['core', 'domain', 'loaders', 'editing'], 'a resolver calls a loader or a command and never the driver'),
  // web/ is a client of the API: its pages run named operations, never the graph or the resolvers.
  floor('web', ['core', 'domain'], 'the pages are a client of the API: they run its operations and never read the graph themselves'),
  {
    files: ['eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  // scripts/check-node.cjs must run on any Node.js, so it is plain CommonJS outside the TypeScript project.
  {
    files: ['scripts/**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      sourceType: 'commonjs',
      globals: { process: 'readonly', console: 'readonly', require: 'readonly' },
    },
  },
);
