// @ts-check
import tseslint from 'typescript-eslint';
import { layeringRule } from './eslint/layering.js';

/**
 * Pure layers (engine/common, charts) get time and randomness injected (STYLE.md 3): no clock,
 * no timers, no Math.random, no process. ESLint flat config does not merge a rule's options across
 * blocks, so this list is repeated whole wherever it applies.
 */
const PURE_GLOBALS = [
  { name: 'setTimeout', message: 'inject a Clock or scheduler; engine/common has no timers' },
  { name: 'setInterval', message: 'inject a Clock or scheduler; engine/common has no timers' },
  { name: 'setImmediate', message: 'inject a scheduler; engine/common has no timers' },
  { name: 'performance', message: 'inject a Clock' },
  { name: 'process', message: 'engine/common does not touch the process' },
  { name: 'require', message: 'engine/common imports only through the layering table' },
];
const PURE_PROPERTIES = [
  { object: 'Date', property: 'now', message: 'inject a Clock (STYLE.md 3)' },
  { object: 'Math', property: 'random', message: 'inject a seeded Rng (STYLE.md 3)' },
];
const PURE_SYNTAX = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'new Date() reads the clock; inject a Clock (STYLE.md 3)' },
  { selector: "CallExpression[callee.name='Date'][arguments.length=0]", message: 'Date() reads the clock; inject a Clock (STYLE.md 3)' },
];

export default tseslint.config(
  // A model folder's serving/*.mjs is built from its scenario's plugin source (scripts/featureModule.ts).
  { ignores: ['out/**', 'node_modules/**', 'runs/**', 'test-results/**', 'dist/**', '**/*.d.ts', 'scenarios/**/serving/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    plugins: { local: { rules: { layering: layeringRule } } },
    rules: {
      'local/layering': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      curly: ['error', 'all'],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // One idea a function: a factory that grows past a screen is split into named parts.
    files: ['src-main/**/*.{ts,tsx}', 'src-renderer/**/*.{ts,tsx}'],
    rules: { 'max-lines-per-function': ['error', { max: 80 }] },
  },
  {
    files: ['src-main/engine/common/**/*.ts', 'src-main/charts/**/*.ts', 'scenarios/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...PURE_GLOBALS],
      'no-restricted-properties': ['error', ...PURE_PROPERTIES],
      'no-restricted-syntax': ['error', ...PURE_SYNTAX],
    },
  },
  {
    // The contract is type-only: plain data shapes shared by every face.
    files: ['src-main/contract/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Program > :matches(FunctionDeclaration, VariableDeclaration, ClassDeclaration, ExpressionStatement)',
          message: 'src-main/contract holds types only',
        },
        {
          selector: 'ExportNamedDeclaration > :matches(FunctionDeclaration, VariableDeclaration, ClassDeclaration)',
          message: 'src-main/contract holds types only',
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
