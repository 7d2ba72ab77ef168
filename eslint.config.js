// The plugin lints itself: typescript-eslint for the code, eslint-plugin-eslint-plugin for the rules,
// and its own recommended rules on src/ and scripts/.
import { readdirSync } from 'node:fs';

import eslint from '@eslint/js';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import globals from 'globals';
import { createJiti } from 'jiti';
import tseslint from 'typescript-eslint';

// The plugin from its source (jiti compiles it), so linting needs no build and lints with the rules as written.
const processGuard = await createJiti(import.meta.url).import('./src/index.ts', { default: true });

/**
 * The layers of src/, lowest first (docs/ARCHITECTURE.md): each folder may import its own layer and
 * those before it. `names` are the path segments that mark an import of the layer; tests/architecture
 * checks these fences against the import graph.
 */
const LAYERS = [
  { folder: 'util', names: ['util/'] },
  { folder: 'analysis/catalog', names: ['catalog/'] },
  { folder: 'analysis/syntax', names: ['syntax/'] },
  { folder: 'analysis/file', names: ['file/'] },
  { folder: 'analysis/project', names: ['project/'] },
  { folder: 'analysis/contract', names: ['contract/'] },
  { folder: 'analysis/questions', names: ['questions/'] },
  { folder: 'analysis/model', names: ['model/'] },
  // The analysis's face: `../index.js` from inside the analysis, `analysis/index.js` from above.
  { folder: 'analysis/index.ts', names: ['analysis/index.js', '^(?:\\.\\./)+index\\.js$'] },
  { folder: 'fixes', names: ['fixes/'] },
  { folder: 'rules', names: ['rules/'] },
  { folder: 'plugin', files: ['src/index.ts', 'src/configs/**/*.ts'], names: ['configs/', '^(?:\\.\\./)+index\\.js$'] },
  { folder: 'reporting', files: ['src/sarif.ts', 'src/sarif-formatter.ts'], names: ['sarif\\.js$', 'sarif-formatter\\.js$'] },
  { folder: 'cli', files: ['src/cli.ts', 'src/cli/**/*.ts'], names: ['cli/', 'cli\\.js$'] },
];

/** A segment as a pattern: `file/` matches `./file/x.js` and `../file/x.js`, not `profile/x.js`. */
function segmentPattern(name) {
  return name.endsWith('/') ? `(?:^|/)${name}` : name;
}

/** One `no-restricted-imports` block per layer: nothing above it, and the analysis from above only through its face. */
function layerFences() {
  const deepAnalysis = '(?:^|/)analysis/(?:catalog|syntax|file|project|contract|questions|model)/';
  return LAYERS.flatMap((layer, index) => {
    const above = LAYERS.slice(index + 1).flatMap((higher) => higher.names.map(segmentPattern));
    const isAnalysis = layer.folder.startsWith('analysis/');
    // Inside the analysis, `../index.js` is its own face (above every inner layer); outside it names the plugin.
    const patterns = [{ regex: above.join('|'), message: `src/${layer.folder} sits below this import's layer (docs/ARCHITECTURE.md): move the code down, or pass the value in from above.` }];
    if (!isAnalysis) patterns.push({ regex: deepAnalysis, message: 'Import the analysis through its face, src/analysis/index.ts (docs/ARCHITECTURE.md).' });
    const fence = (files, more = []) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns: [...patterns, ...more].filter((pattern) => pattern.regex !== '') }] } });
    const files = layer.files ?? [layer.folder.endsWith('.ts') ? `src/${layer.folder}` : `src/${layer.folder}/**/*.ts`];
    // The rules layer fences its rules apart too (later blocks replace the layer's options, so they repeat them).
    return layer.folder === 'rules' ? [fence(files), ...ruleFences().map(({ files: own, pattern }) => fence(own, [pattern]))] : [fence(files)];
  });
}

/** The rules of src/rules/: each `<rule>.ts` with its `<rule>-utils/` folder. */
const RULES = readdirSync(new URL('src/rules/', import.meta.url)).filter((file) => file.endsWith('.ts') && file !== 'index.ts').map((file) => file.slice(0, -'.ts'.length));

/**
 * A rule's files import of their layer only their own utils and `src/rules/shared/`; `shared/`
 * imports no rule. What two rules share goes down: to the analysis, src/fixes/ or src/rules/shared/.
 */
function ruleFences() {
  const owners = [...RULES.map((rule) => ({ files: [`src/rules/${rule}.ts`, `src/rules/${rule}-utils/**/*.ts`], others: RULES.filter((other) => other !== rule) })), { files: ['src/rules/shared/**/*.ts'], others: RULES }];
  return owners.map(({ files, others }) => ({
    files,
    pattern: { regex: `(?:^|/)(?:${others.join('|')})(?:\\.js$|-utils/)`, message: 'A rule imports only its own utils and src/rules/shared/: move what rules share to the analysis, src/fixes/ or src/rules/shared/ (docs/ARCHITECTURE.md).' },
  }));
}

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
  ...layerFences(),
  { files: ['src/**/*.ts', 'scripts/**/*.js'], ...processGuard.configs.recommended },
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
