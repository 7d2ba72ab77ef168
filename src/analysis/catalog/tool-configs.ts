/**
 * Tools' configuration files, as data: a tool loads its configuration to run, so the
 * configuration's top level runs when the user runs the tool (project/tool-configs.ts).
 */

/**
 * Commands whose documentation gives `-c` as the short form of `--config <file>`: webpack-cli,
 * rollup, Jest, Vitest, Vite, Playwright Test (`playwright`, or its package run from
 * node_modules) and ESLint. Elsewhere `-c` means something else (mocha's `--colors`, prettier's
 * `--check`), so only `--config` is read.
 */
export const SHORT_CONFIG_FLAG_COMMANDS: ReadonlySet<string> = new Set(['webpack', 'webpack-cli', 'rollup', 'jest', 'vitest', 'vite', 'playwright', '@playwright/test', 'eslint']);

/**
 * Commands that take `--config`/`-c` without a value and then load a default file from the
 * working directory. rollup's command-line reference: "If the argument is used but value is
 * unspecified, it will default to rollup.config.mjs -> rollup.config.cjs -> rollup.config.js".
 */
export const BARE_CONFIG_DEFAULTS: ReadonlyMap<string, readonly string[]> = new Map([['rollup', ['rollup.config.mjs', 'rollup.config.cjs', 'rollup.config.js']]]);

/** A test runner's default configuration file, which it loads from its package folder when it starts. */
export interface RunnerDefaultConfig {
  /** The runner's package, as a package.json names it among its dependencies. */
  readonly runner: string;
  /** The file names it looks for. */
  readonly names: RegExp;
}

/**
 * Each runner's documented default configuration files (code only: a JSON or YAML configuration
 * runs nothing). Vitest falls back to `vite.config.*` when it finds no `vitest.config.*`.
 */
export const RUNNER_DEFAULT_CONFIGS: readonly RunnerDefaultConfig[] = [
  { runner: '@vscode/test-cli', names: /^\.vscode-test\.[cm]?js$/ },
  { runner: 'vitest', names: /^(?:vitest|vite)\.config\.[cm]?[jt]s$/ },
  { runner: 'jest', names: /^jest\.config\.[cm]?[jt]s$/ },
  { runner: 'mocha', names: /^\.mocharc\.c?js$/ },
  { runner: '@playwright/test', names: /^playwright\.config\.[cm]?[jt]s$/ },
];
