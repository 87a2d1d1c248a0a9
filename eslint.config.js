// Lint: typescript-eslint with type information (no-floating-promises everywhere), for the Temporal
// sandbox a ban on Node builtins and non-deterministic APIs in workflows/, and the folders' layering
// (docs/architecture.md, "Folders and what each may import").
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

/** A relative import reaching one of the top-level `folders` (`../store`, `../../api/routes/x`). */
const into = (folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`;

/** The layering rule of the top-level `folder`: it never imports `forbidden` folders, nor scripts or tests. */
function boundary(folder, forbidden, message) {
  return {
    files: [`${folder}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: into(forbidden), message }, ...productOnly] }],
    },
  };
}

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
  boundary('store', ['common', 'activities', 'simulator', 'worker', 'api'], 'store/ may import only workflows/.'),
  boundary(
    'connectors',
    ['common', 'activities', 'simulator', 'worker', 'api'],
    'connectors/ may import only workflows/ and store/ (the config reads their schemas).',
  ),
  boundary(
    'common',
    ['activities', 'simulator', 'worker', 'api'],
    'common/ may import only workflows/, store/ and connectors/.',
  ),
  boundary(
    'activities',
    ['simulator', 'worker', 'api'],
    'activities/ may import only workflows/, store/, connectors/ and common/.',
  ),
  boundary('simulator', ['store', 'worker', 'api'], 'simulator/ may import only workflows/, activities/ and common/.'),
  boundary('worker', ['api'], 'worker/ may import anything but api/ (each process has its own entry point).'),
  boundary('api', ['worker'], 'api/ may import anything but worker/ (each process has its own entry point).'),
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
              regex: into(['activities', 'api', 'worker', 'common', 'store', 'simulator']),
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
