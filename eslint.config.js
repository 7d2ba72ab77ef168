// The plugin lints itself: typescript-eslint for the code, eslint-plugin-eslint-plugin for the rules.
import eslint from '@eslint/js';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', '.cache/', 'examples/', 'tests/fixtures/', 'tests/.virtual/', 'tests/real-bugs/repro/']  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: globals.node,
    },
  },
  {
    files: ['src/**/*.ts'],
    ...eslintPlugin.configs.recommended,
    rules: {
      ...eslintPlugin.configs.recommended.rules,
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Disallow|Require|Enforce) ' }],
      // createRule() adds `docs.url`; tests/meta.test.ts checks every rule's URL and doc page.
      'eslint-plugin/require-meta-docs-url': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[object.name="context"][property.name="options"]',
          message: 'Read options from the second argument of create(), which carries the defaults.',
        },
      ],
    },
  },
  {
    // The layers (DESIGN.md): util sits below the analysis, so it never imports it.
    files: ['src/util/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/analysis/*', '**/analysis'], message: 'src/util sits below the analysis layer: move the code into src/analysis instead.' }],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts'],
    ...eslintPlugin.configs.recommended,
    settings: { eslintPlugin: { ruleTesterConstructors: ['RuleTester'] } },
  },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
);
