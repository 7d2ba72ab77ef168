// @ts-check
/**
 * The configurations `npm run bench` compares cold and warm, built the same way in the bench's own
 * process (warm) and in each fresh process of a cold run (scripts/lib/cold-run.js):
 *   baseline        the language configs, @eslint/js recommended, and (with --typescript-eslint)
 *                   typescript-eslint's recommended rules
 *   floor           baseline + one rule that only visits every node: the least any rule costs
 *   process-guard   baseline + process-guard all
 *   no-cross-file   baseline + process-guard all with `crossFile` off (no project model)
 *   n, security     baseline + a peer plugin's recommended config (eslint-plugin-n,
 *                   eslint-plugin-security: pinned devDependencies; both lint the same files
 *                   without type information)
 */
import { languageConfigs } from './lint-setup.js';

/** The configurations, in the order they are measured and printed. */
export const SETUP_NAMES = /** @type {const} */ (['baseline', 'floor', 'process-guard', 'no-cross-file', 'n', 'security']);

/** @typedef {typeof SETUP_NAMES[number]} SetupName */

/** A rule that visits every node and does nothing: the walk-only floor. */
export const floorPlugin = {
  meta: { name: 'bench-floor', version: '0.0.0' },
  rules: {
    'visit-every-node': /** @type {import('eslint').Rule.RuleModule} */ ({
      meta: { type: 'problem', schema: [], docs: { description: 'Visits every node (the cost floor of a rule)' } },
      create: () => ({ '*'() {} }),
    }),
  },
};

/**
 * The configs of every setup for these files.
 * @param {{ files: import('./corpus-files.js').CorpusFile[], plugin: import('./lint-setup.js').PluginLike, typescriptEslint: boolean }} options
 * @returns {Promise<Record<SetupName, import('eslint').Linter.Config[]>>}
 */
export async function benchSetups({ files, plugin, typescriptEslint }) {
  const { default: js } = await import('@eslint/js');
  const { default: n } = await import('eslint-plugin-n');
  const { default: security } = await import('eslint-plugin-security');
  const typescript = typescriptEslint ? await typescriptEslintRecommended() : [];
  /** @type {import('eslint').Linter.Config[]} */
  const baseline = [...(await languageConfigs(files)), { name: '@eslint/js/recommended', ...js.configs.recommended }, ...typescript];
  const all = /** @type {import('eslint').Linter.Config} */ (plugin.configs.all);
  return {
    baseline,
    floor: [...baseline, { plugins: { 'bench-floor': floorPlugin }, rules: { 'bench-floor/visit-every-node': 'warn' } }],
    'process-guard': [...baseline, all],
    'no-cross-file': [...baseline, all, { settings: { 'process-guard': { crossFile: false } } }],
    n: [...baseline, /** @type {import('eslint').Linter.Config} */ (n.configs['flat/recommended'])],
    security: [...baseline, /** @type {import('eslint').Linter.Config} */ (security.configs.recommended)],
  };
}

/**
 * typescript-eslint's recommended configs (without type information), limited to TypeScript files.
 * @returns {Promise<import('eslint').Linter.Config[]>}
 */
export async function typescriptEslintRecommended() {
  const { default: tseslint } = await import('typescript-eslint');
  const files = ['**/*.ts', '**/*.mts', '**/*.cts'];
  return tseslint.configs.recommended.map((config) => /** @type {import('eslint').Linter.Config} */ ({ ...config, files: config.files ?? files }));
}
