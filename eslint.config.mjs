// ESLint (flat config) for `npm run lint`: engine, files, cli, addin, test, bench, scripts.
//
//   every file     eslint recommended; TypeScript files: typescript-eslint recommended (no type
//                  information, so it stays fast), `no-explicit-any` an error
//   addin/         the Office add-in rules of eslint-plugin-office-addins (what office-addin-lint
//                  runs, without its prettier formatting rule), React and hooks rules on .tsx
//   engine/        the boundary: no import of files/, cli/, addin/, Node built-ins or host libraries
//                  (the compiler holds the rest: tsconfig.engine.json has no Node, DOM or Office types)
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import officeAddins from 'eslint-plugin-office-addins';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';

/** The Office add-in rules at the levels of the plugin's `recommended` config (formatting left out). */
const officeRules = Object.fromEntries(
  officeAddins.configs.recommended.flatMap((c) => Object.entries(c.rules ?? {})).filter(([name]) => name.startsWith('office-addins/')),
);

/** What the engine may not import: the hosts, Node's modules, and the hosts' libraries. */
const engineBoundary = {
  paths: builtinModules.filter((m) => !m.startsWith('_')).map((name) => ({ name, message: 'The engine is pure TypeScript: no Node modules (tsconfig.engine.json).' })),
  patterns: [
    { regex: '^(\\.\\./)+(files|cli|addin)(/|$)', message: 'The engine never imports a host (files/, cli/, addin/); hosts import the engine.' },
    { group: ['node:*'], message: 'The engine is pure TypeScript: no Node modules (tsconfig.engine.json).' },
    { group: ['exceljs', 'jszip', 'react', 'react-dom', '@fluentui/*', 'office-js'], message: 'Host libraries belong to files/ and addin/, not to the engine.' },
  ],
};

// Hosts import the engine's public API only (engine/index.ts: the use cases of engine/app and what a
// host needs besides them); never a file inside the engine (ARCHITECTURE.md).
const hostBoundary = {
  patterns: [
    {
      regex: '^(\\.\\./)+engine/.+',
      message: "Hosts import the engine's index only ('../engine' / '../../engine'), never a file inside it.",
    },
  ],
};

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', 'out/**', 'coverage/**', 'test-artifacts/**', 'samples/**', 'docs/**', 'test/fixtures/**'],
  },
  js.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // plain JavaScript run by Node: scripts, bench launchers, tool configs
    files: ['**/*.{js,cjs,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs', 'webpack.config.js', 'jest.config.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['addin/**/*.{ts,tsx}'],
    plugins: { 'office-addins': officeAddins },
    rules: officeRules,
  },
  {
    files: ['addin/**/*.tsx', 'test/**/*.tsx'],
    ...react.configs.flat.recommended,
    settings: { react: { version: 'detect' } },
  },
  { files: ['addin/**/*.tsx', 'test/**/*.tsx'], ...react.configs.flat['jsx-runtime'] },
  {
    files: ['addin/**/*.tsx', 'test/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['engine/**/*.ts'],
    ignores: ['engine/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', engineBoundary] },
  },
  {
    files: ['files/**/*.ts', 'cli/**/*.ts', 'addin/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-imports': ['error', hostBoundary] },
  },
  {
    // A list as long as the data (issues per row, rows of a sheet, units) is never spread into a
    // call: past ~100,000 items the call overflows the stack. engine/model/arrays.ts loops instead.
    files: ['engine/**/*.ts', 'files/**/*.ts', 'cli/**/*.ts', 'addin/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name=/^(push|unshift)$/] > SpreadElement", message: 'Spreading a list into push/unshift overflows the stack on large data: use pushAll (engine/model/arrays.ts) or a loop.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name=/^(max|min)$/] > SpreadElement", message: 'Spreading a list into Math.max/min overflows the stack on large data: use maxOf/minOf/widestRow (engine/model/arrays.ts).' },
        { selector: "CallExpression[callee.object.name='String'][callee.property.name=/^fromCharCode|fromCodePoint$/] > SpreadElement", message: 'Spreading a list into String.fromCharCode overflows the stack on large data: build the string in chunks.' },
      ],
    },
  },
  {
    // the engine returns issues and text; hosts write to the terminal or the pane through their own io
    files: ['engine/**/*.ts', 'files/**/*.ts', 'cli/**/*.ts', 'addin/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-console': 'error' },
  },
);
