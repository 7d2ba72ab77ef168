// @ts-check
/**
 * ESLint setup shared by `npm run corpus` and `npm run bench`: which ESLint, which plugin, and the
 * language options each corpus file is parsed with.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ROOT } from './corpus-files.js';

/** The built plugin entry. */
export const PLUGIN_ENTRY = path.join(ROOT, 'dist', 'index.js');

/**
 * @typedef {import('./corpus-files.js').CorpusFile} CorpusFile
 * @typedef {{ meta?: { name?: string, version?: string, namespace?: string }, rules: Record<string, unknown>, configs: Record<string, { name?: string, rules?: Record<string, unknown>, plugins?: Record<string, unknown> }> }} PluginLike
 */

/**
 * Loads the ESLint Node API: ESLint 10 (the project's `eslint`), or ESLint 9 through the `eslint-v9` alias.
 * @param {{ v9?: boolean }} [options]
 * @returns {Promise<{ ESLint: typeof import('eslint').ESLint, version: string }>}
 */
export async function loadEslint({ v9 = false } = {}) {
  // ESLint 9's types differ in details that do not matter here: use ESLint 10's.
  const mod = /** @type {typeof import('eslint')} */ (v9 ? /** @type {unknown} */ (await import('eslint-v9')) : await import('eslint'));
  return { ESLint: mod.ESLint, version: mod.ESLint.version };
}

/**
 * A tiny rule standing in for the real plugin while it cannot be built: it reports calls that
 * look like process starts, so the scripts can be exercised end to end. With `crash`, it throws at
 * every `new Worker(...)`, to exercise crash reporting.
 * @param {boolean} crash
 */
function createStandInPlugin(crash) {
  const starters = new Set(['spawn', 'spawnSync', 'fork', 'exec', 'execSync', 'execFile', 'execFileSync']);
  /** @type {import('eslint').Rule.RuleModule} */
  const rule = {
    meta: {
      type: 'problem',
      docs: { description: 'Disallow calls that look like process starts (stand-in for the real rules)' },
      schema: [],
      messages: { start: '`{{name}}` starts a process.' },
    },
    create(context) {
      return {
        CallExpression(node) {
          const callee = node.callee;
          const name =
            callee.type === 'Identifier'
              ? callee.name
              : callee.type === 'MemberExpression' && callee.property.type === 'Identifier'
                ? callee.property.name
                : undefined;
          if (name !== undefined && starters.has(name)) context.report({ node, messageId: 'start', data: { name } });
        },
        NewExpression(node) {
          if (crash && node.callee.type === 'Identifier' && node.callee.name === 'Worker') {
            throw new TypeError('stand-in rule crash (--stand-in-crash)');
          }
        },
      };
    },
  };
  /** @type {PluginLike} */
  const plugin = {
    meta: { name: 'process-guard-stand-in', version: '0.0.0', namespace: 'process-guard' },
    rules: { 'stand-in': rule },
    configs: {},
  };
  const rules = { 'process-guard/stand-in': /** @type {const} */ ('warn') };
  plugin.configs.recommended = { name: 'process-guard/recommended', plugins: { 'process-guard': plugin }, rules };
  plugin.configs.strict = { name: 'process-guard/strict', plugins: { 'process-guard': plugin }, rules };
  plugin.configs.all = { name: 'process-guard/all', plugins: { 'process-guard': plugin }, rules };
  return plugin;
}

/**
 * Loads the built plugin from dist/ (run `npm run build` first), or the stand-in; `entry` names
 * another build's entry (the bench's `--compare`).
 * @param {{ standIn?: boolean, standInCrash?: boolean, entry?: string }} [options]
 * @returns {Promise<{ plugin: PluginLike, source: string }>}
 */
export async function loadPlugin({ standIn = false, standInCrash = false, entry = PLUGIN_ENTRY } = {}) {
  if (standIn || standInCrash) {
    return { plugin: createStandInPlugin(standInCrash), source: `stand-in rule (${standInCrash ? '--stand-in-crash' : '--stand-in'})` };
  }
  if (!existsSync(entry)) {
    throw new Error(`${path.relative(ROOT, entry)} is missing: run \`npm run build\` first (or pass --stand-in)`);
  }
  /** @type {{ default: PluginLike }} */
  const mod = await import(pathToFileURL(entry).href);
  const plugin = mod.default;
  for (const name of ['recommended', 'all']) {
    if (!plugin.configs?.[name]?.rules) throw new Error(`the built plugin has no configs.${name}`);
  }
  return { plugin, source: `${path.relative(ROOT, entry)} (${plugin.meta?.name ?? '?'} ${plugin.meta?.version ?? '?'})` };
}

/**
 * Rule ids a config turns on.
 * @param {{ rules?: Record<string, unknown> }} config
 */
export function enabledRules(config) {
  return Object.entries(config.rules ?? {})
    .filter(([, value]) => {
      const level = Array.isArray(value) ? value[0] : value;
      return level !== 'off' && level !== 0;
    })
    .map(([id]) => id);
}

/**
 * Flat-config entries giving every corpus file its parser and module system: espree for JavaScript,
 * the typescript-eslint parser (without type information) for TypeScript, `module` or `commonjs` as
 * recorded on the file (by extension or the nearest package.json `type`). No globals are declared.
 * @param {CorpusFile[]} files
 * @param {{ forceModule?: boolean }} [options]  parse every file as a module (retry for ESM code in a CommonJS package)
 * @returns {Promise<import('eslint').Linter.Config[]>}
 */
export async function languageConfigs(files, { forceModule = false } = {}) {
  const { default: tseslint } = await import('typescript-eslint');
  /** @type {Set<string>} */
  const commonjs = new Set();
  if (!forceModule) {
    for (const f of files) if (f.sourceType === 'commonjs') commonjs.add(path.resolve(f.abs));
  }
  return [
    // The corpus lives under node_modules, which ESLint ignores by default.
    { name: 'corpus/unignore', ignores: ['!**/node_modules/'] },
    {
      name: 'corpus/files',
      files: ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.mts', '**/*.cts'],
      languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
      linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
    },
    {
      name: 'corpus/typescript',
      files: ['**/*.ts', '**/*.mts', '**/*.cts'],
      languageOptions: { parser: /** @type {import('eslint').Linter.Parser} */ (tseslint.parser) },
    },
    {
      name: 'corpus/commonjs',
      // A matcher function (supported by ESLint's config arrays, though not in its `files` type).
      files: /** @type {string[]} */ (/** @type {unknown} */ ([(/** @type {string} */ filePath) => commonjs.has(path.resolve(filePath))])),
      languageOptions: { sourceType: 'commonjs' },
    },
  ];
}

/**
 * Options for an `ESLint` instance that lints corpus text with exactly the given configs: no config
 * file (`languageConfigs` un-ignores node_modules, where the corpus lives), inline comments ignored (so a package's own
 * `eslint-disable` comments neither hide findings nor refer to rules that are not loaded).
 * @param {import('eslint').Linter.Config[]} configs
 * @param {{ stats?: boolean, cwd?: string }} [options] `cwd`: a folder holding every linted file (the repository root)
 * @returns {import('eslint').ESLint.Options}
 */
export function eslintOptions(configs, { stats = false, cwd = ROOT } = {}) {
  return {
    cwd,
    overrideConfigFile: true,
    overrideConfig: configs,
    allowInlineConfig: false,
    stats,
    warnIgnored: true,
  };
}

/**
 * Median of a list of numbers.
 * @param {number[]} values
 */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Parses a non-negative whole number given on the command line.
 * @param {string | undefined} value
 * @param {string} option  the option's name, for the error message
 * @returns {number | undefined}
 */
export function parseCount(value, option) {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${option} expects a whole number, not "${value}"`);
  return n;
}

/**
 * Command-line options of a script, or a one-line error (exit 2) for an unknown or malformed one.
 * @template {import('node:util').ParseArgsConfig['options']} T
 * @param {T} options
 * @param {string} script  the script's path, where its options are documented
 */
export function parseOptions(options, script) {
  try {
    return parseArgs({ options, strict: true }).values;
  } catch (error) {
    process.stderr.write(`${script}: ${/** @type {Error} */ (error).message} (the options are listed at the top of ${script})\n`);
    process.exit(2);
  }
}
