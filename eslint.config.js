// Lint: typescript-eslint with type information (no-floating-promises everywhere) and, for the
// Temporal sandbox, a ban on Node builtins and non-deterministic APIs in workflows/.
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
/** What the product's processes must never load: scripts, test helpers, Temporal's test server package. */
const productOnly = [
  {
    group: ['**/scripts/**', '**/test/**', '@temporalio/testing', '@temporalio/testing/**'],
    message: 'Product code needs no scripts or test tooling.',
  },
];

export default tseslint.config(
  { ignores: ['node_modules/', '.tools/', '.data/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: [
      'api/**/*.{ts,tsx}',
      'worker/**/*.ts',
      'activities/**/*.ts',
      'common/**/*.ts',
      'store/**/*.ts',
      'simulator/**/*.{ts,tsx}',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: productOnly }] },
  },
  {
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'Workflows run in the Temporal sandbox: no Node builtins.',
          })),
          patterns: [
            {
              group: ['../activities/*', '../activities', '../api/*', '../worker/*', '../common/*'],
              allowTypeImports: true,
              message: 'Workflows may import only types from outside workflows/.',
            },
            ...productOnly,
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'No environment in workflows.' },
        { name: 'setTimeout', message: 'Use sleep() in workflows.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use uuid4() in workflows.' },
      ],
    },
  },
);
