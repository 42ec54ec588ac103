// Lint: no `any`, no import cycles, no console in core code (the CLI renders events), and the
// layers: a module imports only modules of lower layers, and only through their entry file.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/**
 * The layers of src/, lowest first (CONTRIBUTING.md draws them). A module may import modules of
 * lower layers only — never one of its own layer or above — and only through its index.ts.
 */
export const LAYERS = [
  ['spec', 'util'],
  ['packs'],
  ['targets', 'judges', 'mutators', 'sequences', 'store'],
  ['metrics'],
  ['run', 'monitor', 'audit', 'report'],
  ['distributed', 'review', 'api', 'export'],
  ['server'],
  ['cli'],
];

/**
 * Second entries that load less than the module's index.ts, for the CLI's start-up: spec's
 * errors.ts (exit codes and named errors, no zod), so `refusal-drill --help` builds no schema.
 */
export const LIGHT_ENTRIES = { spec: ['./errors.ts'] };

const MODULES = LAYERS.flat();
const layerOf = (m) => LAYERS.findIndex((layer) => layer.includes(m));
const dir = (m) => `./src/${m}`;

/**
 * Each module through its entry file only: src/<m>/index.ts — or src/<m>/pg/index.ts, the entry
 * of its team-mode (Postgres) part, which callers import() on demand so a local run never loads
 * pg or kysely — or one of LIGHT_ENTRIES.
 */
const entryZones = MODULES.map((m) => ({
  target: MODULES.filter((o) => o !== m).map(dir),
  from: dir(m),
  except: ['./index.ts', './pg/index.ts', ...(LIGHT_ENTRIES[m] ?? [])],
  message: `Import ${m} through its entry file, src/${m}/index.ts (export what you need there).`,
}));

/** No import sideways or upward: a layer sees only the layers below it. */
const layerZones = MODULES.flatMap((m) => {
  const banned = MODULES.filter((o) => o !== m && layerOf(o) >= layerOf(m));
  const below = LAYERS.slice(0, layerOf(m)).flat();
  return banned.length === 0
    ? []
    : [
        {
          target: dir(m),
          from: banned.map(dir),
          message: `${m} may import only lower layers (${below.join(', ') || 'none'}); see CONTRIBUTING.md.`,
        },
      ];
});

const restrictedPaths = (zones) => ['error', { basePath: import.meta.dirname, zones }];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'out/**', '.refusal-drill/**', 'scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    // Unless import-x is told the .ts files are TypeScript (parser and extensions), it cannot read
    // the files an import leads to and no-cycle sees no dependency at all: it passed a two-file
    // cycle until this was added (test/lint/no-cycle.test.ts fails without it).
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.js'],
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': ['error', { maxDepth: Infinity }],
      'import-x/no-self-import': 'error',
      'import-x/no-duplicates': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**', 'src/**/*.test.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: { 'import-x/no-restricted-paths': restrictedPaths([...layerZones, ...entryZones]) },
  },
  {
    // A test may use modules of any layer to set up what it tests, but still through their entry files.
    files: ['src/**/*.test.ts'],
    rules: { 'import-x/no-restricted-paths': restrictedPaths(entryZones) },
  },
  {
    files: ['bin/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
