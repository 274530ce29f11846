// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ioModules = ['fs', 'http', 'https', 'net', 'child_process', 'os', 'dgram', 'tls', 'worker_threads', 'better-sqlite3', 'pg', 'kysely', 'fastify', 'ws'];

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'data/', 'bin/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': ['error', { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] }] }],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The operations room runs in the browser; its own tsconfig (web/tsconfig.json) has the DOM and JSX.
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    languageOptions: { globals: globals.browser, parserOptions: { ecmaFeatures: { jsx: true } } },
  },
  {
    // The core is pure: no file, network, process or database access (DESIGN §7).
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ioModules.flatMap((m) => [m, `node:${m}`]).map((name) => ({ name, message: 'src/core is pure: do I/O in services, storage or interop.' })),
        patterns: [{ group: ['**/storage/**', '**/http/**', '**/services/**', '**/cli/**', 'fs/*', 'node:fs/*'], message: 'src/core depends on nothing outside the core.' }],
      }],
    },
  },
);
