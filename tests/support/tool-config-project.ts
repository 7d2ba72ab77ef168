/**
 * A project whose package scripts pass configuration files to tools and whose package (or
 * workspace root) depends on tools with default configuration files, with the modules only
 * configurations import, test files nothing imports and test helpers only test files load, beside the reported twins: a module a
 * configuration and another module import, a test file another module imports, a file `-c` names for a tool where `-c` is not `--config`,
 * configurations another module of the package imports, a default configuration outside the
 * package's folder, of a package that does not depend on the tool, or of a name the tool does not
 * document. Every file starts a process at its top level.
 */
const CONFIG = `import { spawn } from 'node:child_process';\nspawn('git', ['status']);\nexport default {};\n`;
const CJS_CONFIG = `const { spawn } = require('node:child_process');\nspawn('git', ['status']);\nmodule.exports = {};\n`;

export const TOOL_CONFIG_PROJECT: Readonly<Record<string, string>> = {
  'package.json': JSON.stringify({
    name: 'app',
    type: 'module',
    scripts: {
      dev: 'webpack serve --config ./configs/webpack.dev.ts',
      build: 'cross-env X=1 webpack -c configs/webpack.prod && node -e 1',
      format: 'prettier -c configs/prettier.js',
      e2e: 'mocha --config=configs/mocharc.cjs',
      other: 'rollup --config configs/rollup.js',
      'test-e2e-cjs': 'jest -c=configs/jest-e2e-cjs.config.ts --no-cache',
      'test-e2e-esm': 'node node_modules/jest/bin/jest.js -c=configs/jest-e2e-esm.config.ts',
      'test-script': 'node scripts/jest.js -c=configs/jest-script.config.ts',
      bundle: 'rollup -c --watch',
    },
    devDependencies: {
      vitest: '3.2.4',
      '@vscode/test-cli': '0.0.11',
      jest: '30.0.0',
      '@playwright/test': '1.55.0',
      'webpack-cli': '6.0.1',
      '@commitlint/cli': '19.8.1',
      eslint: '9.30.0',
      '@babel/core': '7.28.0',
      prettier: '3.6.2',
      '@electron-forge/cli': '7.8.1',
      puppeteer: '24.16.0',
    },
  }),
  'configs/webpack.dev.ts': `import base from './webpack.base.js';\n${CONFIG}`,
  'configs/webpack.base.js': `import parts from './webpack.parts.js';\n${CONFIG}`,
  'configs/webpack.parts.js': CONFIG,
  'configs/webpack.prod.js': `import shared from './webpack.shared.js';\n${CONFIG}`,
  'configs/webpack.shared.js': CONFIG,
  'src/index.js': `import shared from '../configs/webpack.shared.js';\nexport default shared;\n`,
  // Electron Forge's configuration hands the webpack configurations it imports to its webpack plugin.
  'forge.config.ts': `import { rendererConfig } from './webpack.renderer.config';\n${CONFIG}`,
  'webpack.renderer.config.ts': `import { spawnSync } from 'node:child_process';\nconst branch = spawnSync('git', ['rev-parse', 'HEAD']);\nexport const rendererConfig = { branch };\n`,
  // Test files: probes that build the test matrix, in a spec nothing imports and in one a module imports.
  'src/shell.slow-spec.ts': `import { execSync, spawnSync } from 'node:child_process';\nconst shells = [{ name: 'bash', path: execSync('command -v bash').toString().trim() }];\nfor (const shell of shells) {\n  const works = spawnSync(shell.path, { input: 'echo x' }).status === 0;\n  (works ? describe : describe.skip)(shell.name, () => {});\n}\nexport const shellNames = shells.map((shell) => shell.name);\n`,
  'src/shared.spec.ts': CONFIG,
  'src/uses-spec.ts': `import shared from './shared.spec';\nimport type { Typed } from './typed.spec';\nexport default shared;\nexport type { Typed };\n`,
  'src/typed.spec.ts': `${CONFIG}export type Typed = string;\n`,
  'src/matrix.test.cjs': CJS_CONFIG,
  'src/required.test.cjs': CJS_CONFIG,
  'src/uses-test.cjs': `module.exports = require('./required.test.cjs');\n`,
  'src/probe.ts': CONFIG,
  // Test helpers: one only test files load, one a module of the package imports too.
  'test/helper.js': `import { execSync } from 'node:child_process';\nexecSync('git init');\nexport const app = { ready: true };\n`,
  'test/server.test.js': `import { app } from './helper.js';\nimport { setup } from './setup.cjs';\ntest('serves', () => app && setup);\n`,
  'test/client.test.js': `import { app } from './helper.js';\ntest('connects', () => app);\n`,
  'test/setup.cjs': CJS_CONFIG,
  'test/shared-helper.js': CONFIG,
  'test/shared.test.js': `import shared from './shared-helper.js';\ntest('shares', () => shared);\n`,
  'src/uses-helper.js': `import shared from '../test/shared-helper.js';\nexport default shared;\n`,
  'configs/prettier.js': CONFIG,
  'configs/named.js': CONFIG,
  'configs/mocharc.cjs': `require('./mocha-base.cjs');\n${CJS_CONFIG}`,
  'configs/mocha-base.cjs': CJS_CONFIG,
  'configs/rollup.js': CONFIG,
  'configs/jest-e2e-cjs.config.ts': CONFIG,
  'configs/jest-e2e-esm.config.ts': CONFIG,
  'configs/jest-script.config.ts': CONFIG,
  'rollup.config.mjs': CONFIG,
  'rollup.config.ts': CONFIG,
  'src/build.js': `import rollup from '../configs/rollup.js';\nexport const config = rollup;\n`,
  'vitest.config.ts': CONFIG,
  '.vscode-test.mjs': CONFIG,
  'jest.config.cjs': CJS_CONFIG,
  'playwright.config.ts': CONFIG,
  'src/playwright.ts': `const config = require('../playwright.config');\nmodule.exports = config;\n`,
  'lib/vitest.config.ts': CONFIG,
  'packages/plain/package.json': JSON.stringify({ name: 'plain' }),
  'packages/plain/jest.config.js': CONFIG,
  'webpack.config.ts': CONFIG,
  '.webpack/webpackfile.js': CONFIG,
  '.commitlintrc.cjs': CJS_CONFIG,
  '.puppeteerrc.cjs': CJS_CONFIG,
  'puppeteer.config.mjs': CONFIG,
  'eslint.config.mjs': CONFIG,
  'babel.config.cjs': CJS_CONFIG,
  'prettier.config.js': CONFIG,
  'src/format.js': `import config from '../prettier.config.js';\nexport default config;\n`,
  '.babelrc.ts': CONFIG,
  'webpack.conf.js': CONFIG,
  'packages/plain/webpack.config.js': CONFIG,
  'packages/plain/commitlint.config.ts': CONFIG,
  'mono/package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['site'], devDependencies: { '@docusaurus/core': '3.8.1' } }),
  'mono/site/package.json': JSON.stringify({ name: 'site' }),
  'mono/site/docusaurus.config.ts': CONFIG,
  'mono/site/vue.config.js': CONFIG,
};

/** Each file that starts a process → the tool that loads it as its configuration, or part of one (undefined: a module, reported). */
export const TOOL_CONFIGS: readonly (readonly [string, string | undefined])[] = [
  // Passed by a package script: `--config`, `--config=`, `-c` where the tool documents it, without an extension.
  ['configs/webpack.dev.ts', 'webpack'],
  ['configs/webpack.prod.js', 'webpack'],
  ['configs/mocharc.cjs', 'mocha'],
  // `-c=`, also through the tool's own executable run by node; rollup's `-c` without a value: its default names.
  ['configs/jest-e2e-cjs.config.ts', 'jest'],
  ['configs/jest-e2e-esm.config.ts', 'jest'],
  ['rollup.config.mjs', 'rollup'],
  // A script's arguments, not a tool's; a name rollup does not look for.
  ['configs/jest-script.config.ts', undefined],
  ['rollup.config.ts', undefined],
  // Imported only by the configuration, itself or through such a module: part of it, loaded by the tool.
  ['configs/webpack.base.js', 'webpack'],
  ['configs/webpack.parts.js', 'webpack'],
  ['configs/mocha-base.cjs', 'mocha'],
  ['webpack.renderer.config.ts', '@electron-forge/cli'],
  ['forge.config.ts', '@electron-forge/cli'],
  // Imported by a configuration and by another module: that module did not ask.
  ['configs/webpack.shared.js', undefined],
  // prettier's `-c` is `--check`: the file is what it checks.
  ['configs/prettier.js', undefined],
  ['configs/named.js', undefined],
  // Imported by a module of the package: that importer did not ask for the start.
  ['configs/rollup.js', undefined],
  // A runner's default configuration in the folder of a package that depends on the runner.
  ['vitest.config.ts', 'vitest'],
  ['.vscode-test.mjs', '@vscode/test-cli'],
  ['jest.config.cjs', 'jest'],
  // Required by a module of the package.
  ['playwright.config.ts', undefined],
  // Not in the package's folder, or the package does not depend on the runner.
  ['lib/vitest.config.ts', undefined],
  ['packages/plain/jest.config.js', undefined],
  // Other tools' documented default configurations, in the folder of a package that depends on the
  // tool or in a package of a workspace whose root does.
  ['webpack.config.ts', 'webpack-cli'],
  ['.webpack/webpackfile.js', 'webpack-cli'],
  ['.commitlintrc.cjs', '@commitlint/cli'],
  ['.puppeteerrc.cjs', 'puppeteer'],
  ['eslint.config.mjs', 'eslint'],
  ['babel.config.cjs', '@babel/core'],
  ['mono/site/docusaurus.config.ts', '@docusaurus/core'],
  // Imported by a module of the package; a name the tool does not document; a package (or workspace) that does not depend on the tool.
  ['prettier.config.js', undefined],
  ['.babelrc.ts', undefined],
  ['webpack.conf.js', undefined],
  ['packages/plain/webpack.config.js', undefined],
  ['packages/plain/commitlint.config.ts', undefined],
  ['mono/site/vue.config.js', undefined],
  // Puppeteer looks for `puppeteer.config.js` and `.cjs`, not `.mjs`.
  ['puppeteer.config.mjs', undefined],
];

/** Each file that starts a process → whether it is a test file no other module imports (left alone), or a module (reported). */
export const TEST_FILES: readonly (readonly [string, boolean])[] = [
  ['src/shell.slow-spec.ts', true],
  ['src/matrix.test.cjs', true],
  // Imported for its types only: `import type` loads nothing.
  ['src/typed.spec.ts', true],
  // Imported, or required, by another module of the package.
  ['src/shared.spec.ts', false],
  ['src/required.test.cjs', false],
  // Test helpers only test files load: their load is the tests' setup.
  ['test/helper.js', true],
  ['test/setup.cjs', true],
  // A test helper a module of the package imports as well.
  ['test/shared-helper.js', false],
  // Not a test file.
  ['src/probe.ts', false],
];
