// ESLint for the tool's own code: typescript-eslint's recommended rules (syntax only, no type
// information: the type checker is `npm run typecheck`, and typed rules would double its time).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // generated: the validators (scripts/gen-validators.mjs) and the schema types (scripts/gen-types.mjs)
  {
    ignores: [
      'dist/',
      'coverage/',
      'node_modules/',
      'src/graph/validators/',
      'src/graph/schema-types.ts',
      'src/compile/front-matter-types.ts',
      'src/lint/config-file-types.ts',
      'src/scenario/scenario-file-types.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_name` marks a parameter a contract requires but this implementation does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // In TypeScript the type checker reports unused locals and parameters (noUnusedLocals and
    // noUnusedParameters in tsconfig.json); the same check here was 45% of ESLint's time.
    files: ['**/*.ts'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
  {
    // Tests look for escape sequences and control characters in the output on purpose.
    files: ['**/*.test.ts', 'test/**'],
    rules: { 'no-control-regex': 'off' },
  },
);
