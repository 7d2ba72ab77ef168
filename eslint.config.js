// The plugin lints itself: typescript-eslint for the code, eslint-plugin-eslint-plugin for the rules,
// and its own recommended rules on src/ and scripts/.
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
  return LAYERS.map((layer, index) => {
    const above = LAYERS.slice(index + 1).flatMap((higher) => higher.names.map(segmentPattern));
    const isAnalysis = layer.folder.startsWith('analysis/');
    // Inside the analysis, `../index.js` is its own face (above every inner layer); outside it names the plugin.
    const patterns = [{ regex: above.join('|'), message: `src/${layer.folder} sits below this import's layer (docs/ARCHITECTURE.md): move the code down, or pass the value in from above.` }];
    if (!isAnalysis) patterns.push({ regex: deepAnalysis, message: 'Import the analysis through its face, src/analysis/index.ts (docs/ARCHITECTURE.md).' });
    return {
      files: layer.files ?? [layer.folder.endsWith('.ts') ? `src/${layer.folder}` : `src/${layer.folder}/**/*.ts`],
      rules: { 'no-restricted-imports': ['error', { patterns: patterns.filter((pattern) => pattern.regex !== '') }] },
    };
  });
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
