import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { domainsPlugin } from './scripts/eslint-domains.mjs';

const NODE_ONLY = [
  'electron',
  'better-sqlite3',
  'kysely',
  '@node-rs/argon2',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'net',
  'url',
  'util',
  'worker_threads',
];
const nodeOnlyPatterns = [
  { group: ['node:*'], message: 'Node built-ins belong in main/.' },
  {
    group: ['**/main/**', '../main/*', '../../main/*'],
    message: 'Talk to main/ through the API contract.',
  },
];
const restrictedNode = NODE_ONLY.map((name) => ({
  name,
  message: `${name} is Node/Electron-only: keep it in main/.`,
}));

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'data/',
      '.native/',
      'e2e/screenshots/',
      'e2e/.tmp/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        project: [
          './tsconfig.shared.json',
          './tsconfig.main.json',
          './tsconfig.renderer.json',
          './tsconfig.tools.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { ...globals.node },
    },
  },
  {
    // shared/ runs anywhere: no Node, no Electron, no DOM.
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: restrictedNode, patterns: nodeOnlyPatterns }],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'sessionStorage',
          'fetch',
          'process',
          'require',
          'Buffer',
        ].map((name) => ({ name, message: `shared/ must not use ${name}.` })),
      ],
    },
  },
  {
    // renderer/ talks to main only through the contract client.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: restrictedNode, patterns: nodeOnlyPatterns }],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'renderer/ has no Node process.' },
        { name: 'require', message: 'renderer/ has no require().' },
      ],
    },
  },
  {
    // One folder per domain: other domains only through their index.ts; raw SQL only in queries.ts.
    files: ['shared/**/*.ts', 'main/**/*.ts', 'renderer/src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    plugins: { domains: domainsPlugin },
    rules: {
      'domains/no-deep-cross-domain': 'error',
      'domains/sql-only-in-queries': 'error',
    },
  },
);
