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

/** A tool's default configuration file, which it loads from its package folder when it starts. */
export interface ToolDefaultConfig {
  /** The packages whose command loads it, as a package.json names them among its dependencies. */
  readonly tools: readonly string[];
  /** The paths it looks for, relative to the package folder, with `/`. */
  readonly names: RegExp;
}

/**
 * Each tool's documented default configuration files, code only (a JSON or YAML configuration runs
 * nothing); a TypeScript form only where the documentation gives it.
 */
export const TOOL_DEFAULT_CONFIGS: readonly ToolDefaultConfig[] = [
  // Test runners. Vitest falls back to `vite.config.*` when it finds no `vitest.config.*`.
  { tools: ['@vscode/test-cli'], names: /^\.vscode-test\.[cm]?js$/ },
  { tools: ['vitest'], names: /^(?:vitest|vite)\.config\.[cm]?[jt]s$/ },
  { tools: ['jest'], names: /^jest\.config\.[cm]?[jt]s$/ },
  { tools: ['mocha'], names: /^\.mocharc\.c?js$/ },
  { tools: ['@playwright/test'], names: /^playwright\.config\.[cm]?[jt]s$/ },
  // Karma's configuration guide: "By default, Karma will look for karma.conf.js in the current directory".
  { tools: ['karma'], names: /^karma\.conf\.js$/ },
  // @istanbuljs/load-nyc-config, which nyc documents as its loader: nyc.config.js, .cjs, .mjs.
  { tools: ['nyc'], names: /^nyc\.config\.[cm]?js$/ },
  // webpack-cli's DEFAULT_CONFIGURATION_FILES: webpack.config, .webpack/webpack.config and
  // .webpack/webpackfile, with the extensions it registers loaders for.
  { tools: ['webpack-cli'], names: /^(?:webpack\.config|\.webpack\/webpack\.config|\.webpack\/webpackfile)\.[cm]?[jt]s$/ },
  // Vite's guide: vite.config.js, .mjs, .ts, .cjs, .mts, .cts in the project root.
  { tools: ['vite'], names: /^vite\.config\.[cm]?[jt]s$/ },
  // Docusaurus: docusaurus.config.js, or .ts "with a TypeScript Docusaurus codebase"; ES modules or CommonJS.
  { tools: ['@docusaurus/core'], names: /^docusaurus\.config\.[cm]?[jt]s$/ },
  // @commitlint/cli's configuration reference (through cosmiconfig): .commitlintrc.{js,cjs,mjs,ts,cts,mts}, commitlint.config.* the same.
  { tools: ['@commitlint/cli'], names: /^(?:\.commitlintrc|commitlint\.config)\.[cm]?[jt]s$/ },
  // Puppeteer's configuration guide: it looks up the file tree for .puppeteerrc.cjs, .puppeteerrc.js
  // and puppeteer.config.js, .cjs (the rest are YAML or JSON); puppeteer-core ignores them.
  { tools: ['puppeteer'], names: /^(?:\.puppeteerrc|puppeteer\.config)\.c?js$/ },
  // Babel's configuration files: babel.config.{js,cjs,mjs,cts} and .babelrc.{js,cjs,mjs,cts}.
  { tools: ['@babel/core'], names: /^(?:babel\.config|\.babelrc)\.(?:[cm]?js|cts)$/ },
  // Prettier's configuration file: .prettierrc.{js,mjs,cjs,ts,mts,cts}, prettier.config.* the same.
  { tools: ['prettier'], names: /^(?:\.prettierrc|prettier\.config)\.[cm]?[jt]s$/ },
  // ESLint: eslint.config.{js,mjs,cjs,ts,mts,cts}, and the legacy .eslintrc.js and .eslintrc.cjs.
  { tools: ['eslint'], names: /^(?:eslint\.config\.[cm]?[jt]s|\.eslintrc\.c?js)$/ },
  // postcss-load-config, which postcss-cli, postcss-loader and Vite use: .postcssrc.* and postcss.config.* as JS or TS.
  { tools: ['postcss-cli', 'postcss-loader', 'postcss-load-config', 'vite'], names: /^(?:\.postcssrc|postcss\.config)\.[cm]?[jt]s$/ },
  // Tailwind CSS v3: tailwind.config.js, .cjs, .mjs, .ts.
  { tools: ['tailwindcss'], names: /^tailwind\.config\.(?:[cm]?js|ts)$/ },
  // Next.js: next.config.js, .mjs, .ts.
  { tools: ['next'], names: /^next\.config\.(?:m?js|ts)$/ },
  // Nuxt: nuxt.config.ts, or .js, .mjs.
  { tools: ['nuxt'], names: /^nuxt\.config\.(?:m?js|ts)$/ },
  // Astro: astro.config.js, .mjs, .cjs, .ts.
  { tools: ['astro'], names: /^astro\.config\.(?:[cm]?js|ts)$/ },
  // SvelteKit reads svelte.config.js; vite-plugin-svelte's default search paths add .mjs and .cjs.
  { tools: ['@sveltejs/kit', '@sveltejs/vite-plugin-svelte'], names: /^svelte\.config\.[cm]?js$/ },
  // Vue CLI: vue.config.js, .cjs, .mjs beside package.json.
  { tools: ['@vue/cli-service'], names: /^vue\.config\.[cm]?js$/ },
  // Electron Forge: forge.config.js, forge.config.ts (loaded with jiti since 7.8.1), other extensions through interpret's loaders.
  { tools: ['@electron-forge/cli'], names: /^forge\.config\.[cm]?[jt]s$/ },
];
