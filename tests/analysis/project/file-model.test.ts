import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { pathWords, platformsNamedBy, type FileModel } from '../../../src/analysis/project/file-model.js';
import { isJestTest } from '../../../src/analysis/project/jest-tests.js';
import { nearestManifest, scriptFiles } from '../../../src/analysis/project/package-manifest.js';
import { analyzeCode } from '../../support/analyze-code.js';
import type { Language } from '../../support/languages.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/file-model');
const CJS_PACKAGE = path.join(FIXTURES, 'cjs-package');
const ESM_PACKAGE = path.join(FIXTURES, 'esm-package');

function fileModel(code: string, filename: string, language: Language = 'esm', settings: Record<string, unknown> = {}): FileModel {
  return analyzeCode(code, language, { 'process-guard': settings }, filename).fileModel;
}

describe('scriptFiles', () => {
  it.each<[string, string[]]>([
    ['node tools/scripts/build.js', ['tools/scripts/build.js']],
    ['tsx scripts/release.ts --dry-run', ['scripts/release.ts']],
    ['ts-node -P tsconfig.json e2e/run.ts', ['e2e/run.ts']],
    ['node --import tsx/esm tools/gen.ts', ['tools/gen.ts']],
    ['node -r ts-node/register --inspect tools/gen.ts', ['tools/gen.ts']],
    ['bun scripts/a.ts && bun run scripts/b.ts', ['scripts/a.ts', 'scripts/b.ts']],
    ['vite-node docs/build', ['docs/build']],
    ['cross-env NODE_ENV=production node scripts/a.js; DEBUG=1 node "scripts/b.js"', ['scripts/a.js', 'scripts/b.js']],
    ['npm run build && npx tsx scripts/c.ts || exit 1', ['scripts/c.ts']],
    ['node -e "require(1)" && node --print 1', []],
    ['eslint . && tsc -p . && vitest run', []],
    ['node', []],
  ])('%s', (script, files) => {
    expect(scriptFiles(script)).toEqual(files);
  });
});

describe('nearestManifest', () => {
  it('finds the nearest package.json walking up, once per folder', () => {
    const first = nearestManifest(path.join(CJS_PACKAGE, 'src/deep/a.js'));
    expect(first?.folder).toBe(CJS_PACKAGE);
    expect(first?.type).toBeUndefined();
    expect(nearestManifest(path.join(CJS_PACKAGE, 'src/other.js'))).toBe(first);
    expect(nearestManifest(path.join(CJS_PACKAGE, 'nested/a.js'))?.type).toBe('module');
  });

  it('resolves bin (string or object) and the files scripts run', () => {
    expect([...(nearestManifest(path.join(CJS_PACKAGE, 'a.js'))?.startedFiles ?? [])].sort()).toEqual(
      [
        'bin/cli.js',
        'docs/build',
        'e2e/run.ts',
        'nested/scripts/changes.js',
        'scripts/bun.ts',
        'scripts/release.ts',
        'tools/generate.ts',
        'tools/other.ts',
        'tools/scripts/build.js',
      ].map((file) => path.join(CJS_PACKAGE, file)),
    );
    expect([...(nearestManifest(path.join(ESM_PACKAGE, 'a.js'))?.startedFiles ?? [])]).toEqual([path.join(ESM_PACKAGE, 'cli.js')]);
  });

  it('treats invalid JSON as a package with unknown contents, without throwing', () => {
    const manifest = nearestManifest(path.join(FIXTURES, 'broken-package/a.js'));
    expect(manifest).toMatchObject({ folder: path.join(FIXTURES, 'broken-package'), known: false, type: undefined });
  });
});

describe('entry points', () => {
  const library = `import { spawn } from 'node:child_process';\nexport const run = () => spawn('ls');`;
  it.each<[string, string, string, Language?]>([
    ['#!', `#!/usr/bin/env node\n${library}`, 'src/a.js'],
    ['bin (object)', library, 'bin/cli.js'],
    ['a script (node)', library, 'tools/scripts/build.js'],
    ['a script without extension (vite-node)', library, 'docs/build.ts'],
    ['a script after ; (node -r)', library, 'tools/other.ts'],
    // react-router's shape: the root package runs a script below a folder with a package.json of its own.
    ['a script of an enclosing package', library, 'nested/scripts/changes.js'],
  ])('%s', (_name, code, file) => {
    expect(fileModel(code, path.join(CJS_PACKAGE, file)).entryPoint).toBe(_name === '#!' ? 'shebang' : 'package');
  });

  it.each<[string, string, Language]>([
    ['ESM without export', `import { spawn } from 'node:child_process';\nawait main();\nasync function main() { spawn('ls'); }`, 'esm'],
    ['export {} only', `import { spawn } from 'node:child_process';\nspawn('ls');\nexport {};`, 'ts'],
    ['CommonJS without exports', `const { spawn } = require('child_process');\nif (module.exports.ready) spawn('ls');`, 'cjs'],
    // TypeScript's type exports are erased: at run time the module exports nothing.
    ['an exported interface and type', `import { spawn } from 'node:child_process';\nexport interface Options { name: string }\nexport type Name = string;\nspawn('ls');`, 'ts'],
    ['export type { … } and export type *', `import type { A } from './a';\nexport type { A };\nexport type * from './b';\nexport { type A as B };`, 'ts'],
    ['declarations', `export declare function f(): void;\nexport declare const c: number;\nexport declare namespace N { const x: number }`, 'ts'],
  ])('no exports: %s', (_name, code, language) => {
    expect(fileModel(code, path.join(CJS_PACKAGE, 'scripts/x.js'), language).entryPoint).toBe('no-exports');
  });

  it.each<[string, string, Language]>([
    ['export const', `export const a = 1;`, 'esm'],
    ['export default', `export default 1;`, 'esm'],
    ['export *', `export * from '../a.js';`, 'esm'],
    ['export { a }', `const a = 1;\nexport { a };`, 'esm'],
    ['export =', `export = 1;`, 'ts'],
    ['an exported enum beside an interface', `export interface A {}\nexport enum E { a }`, 'ts'],
    ['a namespace with values', `export namespace N { export const x = 1; }`, 'ts'],
    ['export { a, type B }', `const a = 1;\ntype B = string;\nexport { a, type B };`, 'ts'],
    ['module.exports =', `module.exports = {};`, 'cjs'],
    ['module.exports.a =', `module.exports.a = 1;`, 'cjs'],
    ['exports.a =', `exports.a = 1;`, 'cjs'],
    ['Object.defineProperty(exports)', `Object.defineProperty(exports, '__esModule', { value: true });`, 'cjs'],
    ['Object.assign(module.exports)', `Object.assign(module.exports, { a: 1 });`, 'cjs'],
  ])('a module: %s', (_name, code, language) => {
    expect(fileModel(code, path.join(CJS_PACKAGE, 'src/lib.js'), language).entryPoint).toBeUndefined();
  });

  it('a local named exports is not the CommonJS exports object', () => {
    const code = `function f(exports) { exports.a = 1; }\nf({});`;
    expect(fileModel(code, path.join(CJS_PACKAGE, 'src/lib.js'), 'cjs').entryPoint).toBe('no-exports');
  });

  it('entryPoints globs add to the defaults, relative to the package folder', () => {
    const file = path.join(CJS_PACKAGE, 'examples/basic/run.js');
    expect(fileModel('export const a = 1;', file).entryPoint).toBeUndefined();
    expect(fileModel('export const a = 1;', file, 'esm', { entryPoints: ['examples/**'] }).entryPoint).toBe('setting');
  });
});

describe('test files', () => {
  it.each<[string, boolean]>([
    ['src/a.test.ts', true],
    ['src/a.spec.mjs', true],
    ['src/__tests__/a.js', true],
    ['test-d/core.test-d.ts', true],
    ['types/index.test-d.ts', true],
    ['test/a.js', true],
    ['packages/x/tests/helpers/a.js', true],
    // A qualified spec or test: mocha's `*.*spec.js` selections, NestJS's `*.e2e-spec.ts`.
    ['src/common/shell-command-builder.slow-spec.ts', true],
    ['src/app.e2e-spec.ts', true],
    ['src/inspect-spec.ts', false],
    ['src/spec-reader.slow.ts', false],
    ['src/testing.js', false],
    ['src/latest.js', false],
    ['src/contest/a.js', false],
  ])('%s: %s', (file, expected) => {
    expect(fileModel('export const a = 1;', path.join(CJS_PACKAGE, file)).isTestFile).toBe(expected);
  });

  it('folders above the package folder do not count', () => {
    // The fixtures live under this repository's tests/ folder.
    expect(fileModel('export const a = 1;', path.join(CJS_PACKAGE, 'src/a.js')).isTestFile).toBe(false);
  });

  it('testFiles globs add to the defaults', () => {
    const file = path.join(CJS_PACKAGE, 'e2e/smoke.js');
    expect(fileModel('export const a = 1;', file, 'esm', { testFiles: ['e2e/**'] }).isTestFile).toBe(true);
  });

  it('relative names (RuleTester defaults) are taken as written', () => {
    expect(fileModel('export const a = 1;', 'test/file.mjs').isTestFile).toBe(true);
    expect(fileModel('export const a = 1;', 'file.mjs').isTestFile).toBe(false);
  });

  it('the package folder is the nearest package.json folder, for files on disk only', () => {
    expect(fileModel('export const a = 1;', path.join(CJS_PACKAGE, 'nested/test/a.test.js')).packageFolder).toBe(path.join(CJS_PACKAGE, 'nested'));
    expect(fileModel('export const a = 1;', path.join(CJS_PACKAGE, 'test/a.test.js')).packageFolder).toBe(CJS_PACKAGE);
    expect(fileModel('export const a = 1;', 'test/file.mjs').packageFolder).toBeUndefined();
  });
});

// Jest collects a bare `test.js` (its default testMatch), unless a package script runs the file itself.
describe('test files Jest collects', () => {
  const JEST = path.join(FIXTURES, 'jest-package');
  it.each<[string, boolean]>([
    ['jest-package/src-test/test.js', true],
    ['jest-package/src/spec.tsx', true],
    ['jest-package/src/a.b.test.mjs', true],
    ['jest-package/lib/__tests__/helpers/a.ts', true],
    ['jest-package/src/testing.js', false],
    // Run by `node smoke/test.js`: a script, not a test.
    ['jest-package/smoke/test.js', false],
    // The nearest package.json that declares a runner decides; one that declares none does not.
    ['jest-package/nested-vitest/src/test.js', false],
    ['jest-package/nested-plain/src/test.js', true],
    // Configured testMatch and roots, literal in package.json.
    ['jest-config-package/checks/a.js', true],
    ['jest-config-package/src/test.js', false],
    // A code configuration is not read: unknown collects nothing.
    ['jest-code-config/src/test.js', false],
    // No runner declared up to this repository's own package.json (vitest).
    ['cjs-package/src/test.js', false],
  ])('%s: %s', (file, expected) => {
    expect(fileModel('export const a = 1;', path.join(FIXTURES, file)).isTestFile).toBe(expected);
  });

  it('installed packages and other extensions are not collected', () => {
    const manifest = nearestManifest(path.join(JEST, 'package.json'));
    expect(isJestTest(path.join(JEST, 'node_modules/x/test.js'), manifest)).toBe(false);
    expect(isJestTest(path.join(JEST, 'src/test.json'), manifest)).toBe(false);
    expect(isJestTest(path.join(JEST, 'src/test.cts'), manifest)).toBe(false);
  });

  it('a script the package runs keeps its working directory, a test file does not get one', () => {
    expect(fileModel('export {};', path.join(JEST, 'smoke/test.js')).scriptFolder).toBe(JEST);
    expect(fileModel('export {};', path.join(JEST, 'src-test/test.js')).scriptFolder).toBeUndefined();
  });
});

// Files a runner loads before the tests, named literally in its configuration: test tooling.
describe('runner setup files', () => {
  it.each<[string, boolean]>([
    // vitest.config.mts: path.resolve(__dirname, …), fileURLToPath(new URL(…, import.meta.url)), a string.
    ['setup-package/e2e/validate-environment.ts', true],
    ['setup-package/e2e/teardown.ts', true],
    ['setup-package/e2e/setup/env.ts', true],
    // Named only through a call whose result is not read.
    ['setup-package/e2e/computed.ts', false],
    ['setup-package/e2e/other.ts', false],
    // .mocharc.json `require`: a path with a script extension; `ts-node/register` is a module.
    ['setup-package/test-helpers/hooks.js', true],
    // package.json `jest.setupFilesAfterEnv` with <rootDir>.
    ['jest-package/support/after-env.js', true],
  ])('%s: %s', (file, expected) => {
    expect(fileModel('export const a = 1;', path.join(FIXTURES, file), 'ts').isTestFile).toBe(expected);
  });

  it('a configuration written as code is not read without crossFile', () => {
    const file = path.join(FIXTURES, 'setup-package/e2e/validate-environment.ts');
    expect(fileModel('export const a = 1;', file, 'ts', { crossFile: false }).isTestFile).toBe(false);
  });
});

describe('the working directory of package scripts', () => {
  it('is the folder of the package.json whose script runs the file', () => {
    expect(fileModel('export {};', path.join(CJS_PACKAGE, 'tools/scripts/build.js')).scriptFolder).toBe(CJS_PACKAGE);
    // Run by the enclosing package's `node nested/scripts/changes.js`.
    expect(fileModel('export {};', path.join(CJS_PACKAGE, 'nested/scripts/changes.js')).scriptFolder).toBe(CJS_PACKAGE);
  });

  it('is unknown for a module with exports: an importer may run it from elsewhere', () => {
    expect(fileModel('export const a = 1;', path.join(CJS_PACKAGE, 'tools/scripts/build.js')).scriptFolder).toBeUndefined();
  });

  it('is unknown for a bin and for a file no script runs', () => {
    expect(fileModel('export {};', path.join(CJS_PACKAGE, 'bin/cli.js')).scriptFolder).toBeUndefined();
    expect(fileModel('export {};', path.join(CJS_PACKAGE, 'src/a.js')).scriptFolder).toBeUndefined();
  });
});

describe('module system', () => {
  it.each<[string, string, string, Language, 'esm' | 'cjs']>([
    ['.mjs in a CommonJS package', CJS_PACKAGE, 'a.mjs', 'esm', 'esm'],
    ['.cjs in an ESM package', ESM_PACKAGE, 'a.cjs', 'cjs', 'cjs'],
    ['.cts in an ESM package', ESM_PACKAGE, 'a.cts', 'cts', 'cjs'],
    ['.ts in an ESM package', ESM_PACKAGE, 'a.ts', 'ts', 'esm'],
    ['.ts with imports in a CommonJS package (nodenext)', CJS_PACKAGE, 'a.ts', 'ts', 'cjs'],
    ['.js with imports in a package without type (detected as ESM)', CJS_PACKAGE, 'a.js', 'esm', 'esm'],
    ['.js in a nested "type": "module" package', path.join(CJS_PACKAGE, 'nested'), 'a.js', 'esm', 'esm'],
  ])('%s', (_name, folder, file, language, expected) => {
    const code =
      language === 'cjs' ? `exports.a = require('node:fs');` : `import { readFileSync } from 'node:fs';\nexport const a = readFileSync;`;
    expect(fileModel(code, path.join(folder, file), language).moduleSystem).toBe(expected);
  });

  it('a .js file without import/export syntax in a package without type is CommonJS', () => {
    expect(fileModel(`exports.a = 1;`, path.join(CJS_PACKAGE, 'a.js'), 'esm').moduleSystem).toBe('cjs');
  });

  it('without package.json, the syntax decides', () => {
    expect(fileModel(`const fs = require('node:fs');\nexports.a = fs;`, 'file.ts', 'ts').moduleSystem).toBe('cjs');
    expect(fileModel(`export const a = 1;`, 'file.ts', 'ts').moduleSystem).toBe('esm');
  });
});

describe('settings', () => {
  it.each<[string, unknown, string]>([
    ['entryPoints', 'tools/**', "settings['process-guard'].entryPoints must be an array."],
    ['entryPoints', ['tools/**', ''], "settings['process-guard'].entryPoints[1] must be a non-empty glob string."],
    ['testFiles', [42], "settings['process-guard'].testFiles[0] must be a non-empty glob string."],
  ])('%s: %j is rejected', (key, value, message) => {
    expect(() => analyzeCode('x();', 'esm', { 'process-guard': { [key]: value } })).toThrow(message);
  });
});

describe('platforms a path names', () => {
  it.each<[string, string[]]>([
    ['src/util/linux-installer.ts', ['src', 'util', 'linux', 'installer', 'ts']],
    ['packages/electron-updater/src/MacUpdater.ts', ['packages', 'electron', 'updater', 'src', 'mac', 'updater', 'ts']],
    ['test/src/updater/blackboxInstallLinux.ts', ['test', 'src', 'updater', 'blackbox', 'install', 'linux', 'ts']],
    ['lib/OSXKeychain_helper.js', ['lib', 'osx', 'keychain', 'helper', 'js']],
    ['prebuilds/linux64/macOS11.cjs', ['prebuilds', 'linux', '64', 'mac', 'os', '11', 'cjs']],
  ])('%s splits into words', (relative, words) => {
    expect(pathWords(relative)).toEqual(words);
  });

  it.each<[string, string[] | undefined]>([
    ['src/util/linux-installer.ts', ['android', 'linux']],
    ['test/src/linux/appImageTest.ts', ['android', 'linux']],
    ['test/src/updater/linuxUpdaterTest.ts', ['android', 'linux']],
    ['packages/electron-updater/src/MacUpdater.ts', ['darwin']],
    ['src/darwin.js', ['darwin']],
    ['src/macos/sign.ts', ['darwin']],
    ['src/freebsd_disk.js', ['freebsd']],
    ['src/mac-and-linux.ts', ['android', 'darwin', 'linux']],
    ['lib/unix/socket.js', ['aix', 'android', 'cygwin', 'darwin', 'freebsd', 'haiku', 'linux', 'netbsd', 'openbsd', 'sunos']],
    // Whole words only.
    ['src/machine.ts', undefined],
    ['src/macro.ts', undefined],
    ['src/Linuxy.ts', undefined],
    ['src/posixly.js', undefined],
    // Windows, alone or with another platform, narrows nothing: `pack/win.ts` builds the Windows installer on Linux.
    ['src/commands/pack/win.ts', undefined],
    ['src/windows/registry.ts', undefined],
    ['test/linux/winCodeSign.ts', undefined],
    // A MAC address is not a Mac.
    ['src/getMacAddress.ts', undefined],
    ['src/index.ts', undefined],
  ])('%s: %j', (relative, expected) => {
    const named = platformsNamedBy(relative);
    expect(named && [...named].sort()).toEqual(expected);
  });

  it('is computed from the package folder: a checkout under /home/linux/ does not count', () => {
    const project = path.join(FIXTURES, 'home/linux/proj');
    expect(fileModel('export const a = 1;', path.join(project, 'src/index.ts'), 'ts').namedPlatforms).toBeUndefined();
    expect([...(fileModel('export const a = 1;', path.join(project, 'src/linux.ts'), 'ts').namedPlatforms ?? [])].sort()).toEqual(['android', 'linux']);
  });

  it('is off with platformFileNames: false', () => {
    const file = path.join(CJS_PACKAGE, 'src/linux.js');
    expect(fileModel('export const a = 1;', file, 'esm', { platformFileNames: false }).namedPlatforms).toBeUndefined();
    expect(() => analyzeCode('x();', 'esm', { 'process-guard': { platformFileNames: 'no' } })).toThrow(
      "settings['process-guard'].platformFileNames must be true or false.",
    );
  });
});

/** Writes a file below `base`, with the folders it needs. */
function writeUnder(base: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(base, file)), { recursive: true });
  writeFileSync(path.join(base, file), text);
}

describe('development files', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'process-guard-development-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const alone = mkdtempSync(path.join(tmpdir(), 'process-guard-applications-'));
  afterAll(() => rmSync(alone, { recursive: true, force: true }));
  const write = (file: string, text = '', base = root) => writeUnder(base, file, text);
  write('.git/HEAD');
  write('package.json', JSON.stringify({ private: true, workspaces: ['packages/*'], scripts: { release: 'node scripts/release.js' } }));
  write('packages/tools/package.json', JSON.stringify({ name: 'tools', private: true }));
  write('packages/electron-app/package.json', JSON.stringify({ name: 'electron-app', private: true, main: 'main.js' }));
  write('packages/exported/package.json', JSON.stringify({ private: true, exports: './index.js' }));
  write('packages/cli/package.json', JSON.stringify({ private: true, bin: 'cli.js' }));
  write('packages/web/package.json', JSON.stringify({ private: true, browser: 'web.js' }));
  write('packages/lib/package.json', JSON.stringify({ name: 'lib', scripts: { bench: 'node bench.js' } }));
  write('packages/lib/.github/notes.js');
  // A private package on its own, without a workspace: an application, which its users run.
  write('app/.git/HEAD', '', alone);
  write('app/package.json', JSON.stringify({ private: true, scripts: { start: 'node server.js' } }), alone);
  write('pnpm-app/.git/HEAD', '', alone);
  write('pnpm-app/package.json', JSON.stringify({ private: true }), alone);
  write('pnpm-app/pnpm-workspace.yaml', 'packages:\n  - tools\n', alone);
  write('pnpm-app/tools/package.json', JSON.stringify({ private: true }), alone);

  const development = (file: string) => {
    const base = /^(?:app|pnpm-app)\//.test(file) ? alone : root;
    return analyzeCode('export const x = 1;', 'esm', {}, path.join(base, file), base).fileModel.development;
  };

  it.each<[string, string | undefined, string]>([
    ['scripts/release.js', 'script', 'a script of a private root without entry points'],
    ['scripts/utils/args.js', 'script', 'a module of that root, imported by its scripts'],
    ['packages/tools/src/gen.js', 'script', 'a private package of a workspace with no main, exports, bin or browser'],
    ['.github/actions/label/index.js', 'script', "a file of the repository's .github folder"],
    ['packages/lib/bench.js', 'script', 'a script only its package scripts run'],
    ['packages/lib/test/a.test.js', 'test', 'a test'],
    ['packages/tools/fixtures/child.js', 'test', 'a fixture'],
    ['packages/electron-app/main.js', undefined, 'a private package with a main'],
    ['packages/exported/index.js', undefined, 'a private package with exports'],
    ['packages/cli/cli.js', undefined, 'a private package with a bin'],
    ['packages/web/web.js', undefined, 'a private package with a browser field'],
    ['packages/lib/index.js', undefined, 'a package that is not private'],
    ['packages/lib/.github/notes.js', undefined, "a .github folder that is not the repository's"],
    ['app/src/routes.js', undefined, 'a private package that is no workspace root and in none'],
    ['pnpm-app/src/index.js', 'script', 'the root of a pnpm workspace'],
    ['pnpm-app/tools/gen.js', 'script', 'a private package of a pnpm workspace'],
  ])('%s is %s: %s', (file, kind) => {
    expect(development(file)).toBe(kind);
  });

  // A published package that lists its `files`: what the list leaves out, nothing installs.
  write(
    'packages/listed/package.json',
    JSON.stringify({
      name: 'listed',
      files: ['lib', '!lib/internal', 'dist/**/*.js', './cli/', 'types/*', '*.cjs'],
      main: 'lib/index.js',
      bin: { listed: 'bin/listed.js' },
      exports: { '.': { import: './esm/index.mjs', require: './lib/index.js' }, './features/*': './features/*.js' },
      browser: './web/browser.js',
    }),
  );
  write('packages/unlisted/package.json', JSON.stringify({ name: 'unlisted', main: 'index.js' }));
  write('packages/private-listed/package.json', JSON.stringify({ name: 'private-listed', private: true, files: ['lib'], main: 'lib/index.js' }));
  write('packages/unread-list/package.json', JSON.stringify({ name: 'unread-list', files: ['lib/[ab].js'] }));
  write('packages/empty-list/package.json', JSON.stringify({ name: 'empty-list', files: [], main: 'index.js' }));

  // A file that names the files below, as a package's entry names the scripts it starts: that the
  // files list decides is what these cases test, not whether anything runs them.
  write('packages/paths.js', ['listed/lib/util.js', 'listed/dist/a/b.js', 'listed/cli/run.js', 'listed/types/a/b.js', 'listed/config/setup.cjs', 'listed/README.js', 'unlisted/scripts/release.js', 'private-listed/scripts/release.js', 'unread-list/scripts/release.js'].map((file) => `'./${file}'`).join('\n'));

  /** The development kind of a file that exports nothing: a script, not a module another file imports. */
  const script = (file: string, code = `console.log('run');`) => analyzeCode(code, 'esm', {}, path.join(root, file), root).fileModel.development;

  it.each<[string, string | undefined, string]>([
    ['packages/listed/scripts/release.js', 'script', 'a file the files list leaves out'],
    ['packages/listed/lib/internal/gen.js', 'script', 'a file of a folder a `!` entry excludes'],
    ['packages/listed/dist/a/b.ts', 'script', 'a file a glob of the list does not match'],
    ['packages/listed/tools/gen.js', 'script', 'a folder an entry without `/` does not name'],
    ['packages/empty-list/scripts/gen.js', 'script', 'an empty files list: only what npm always packs'],
    ['packages/listed/lib/util.js', undefined, 'a file of a folder the list names'],
    ['packages/listed/dist/a/b.js', undefined, 'a file a glob of the list matches'],
    ['packages/listed/cli/run.js', undefined, 'a folder named with a leading ./ and a trailing /'],
    ['packages/listed/types/a/b.js', undefined, 'a folder/* entry: its contents at any depth'],
    ['packages/listed/config/setup.cjs', undefined, 'an entry without / matches at any depth'],
    ['packages/listed/bin/listed.js', undefined, 'the bin, which npm always packs'],
    ['packages/listed/esm/index.mjs', undefined, 'an exports target of any condition'],
    ['packages/listed/features/x/y.js', undefined, 'a file an exports pattern names'],
    ['packages/listed/web/browser.js', undefined, 'the browser field'],
    ['packages/listed/src/listed.ts', undefined, 'the source of the bin of that name, compiled into what ships'],
    ['packages/listed/README.js', undefined, 'a README, which npm always packs'],
    ['packages/listed/test/a.test.js', 'test', 'a test stays a test'],
    ['packages/empty-list/index.js', undefined, 'the main of an empty files list'],
    ['packages/unlisted/scripts/release.js', undefined, 'a package without files: .npmignore decides, shipped as before'],
    ['packages/private-listed/scripts/release.js', undefined, 'a private package publishes nothing: its files list says nothing'],
    ['packages/unread-list/scripts/release.js', undefined, 'a list with an entry not read (a character class): unknown, shipped'],
  ])('%s is %s: %s', (file, kind) => {
    expect(script(file)).toBe(kind);
  });

  it('leaves a module the list leaves out shipped: its importers may be compiled or bundled into what ships', () => {
    expect(script('packages/listed/src/spawn.ts', 'export function run() {}')).toBeUndefined();
    expect(script('packages/listed/src/spawn.cjs', 'module.exports = () => {};')).toBeUndefined();
  });

  it('knows no script that is not on disk: no package.json or repository can be read for it', () => {
    expect(fileModel('export const x = 1;', '.github/actions/label/index.js').development).toBeUndefined();
    expect(fileModel('export const x = 1;', 'test/a.test.js').development).toBe('test');
  });
});

// A module that exports nothing, that no script or `bin` starts, that is no entry point and that no
// other file names runs on no user's machine: only a person runs it, as a maintainer's script.
describe('scripts nothing runs for users', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'process-guard-unrun-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (file: string, text = '') => writeUnder(root, file, text);
  write('lib/package.json', JSON.stringify({ name: 'lib', version: '1.0.0', main: 'dist/index.js', bin: { tool: 'dist/tool.js' }, scripts: { postinstall: 'node scripts/setup.js' } }));
  write('lib/src/index.ts', "export const worker = path.join(__dirname, 'worker.js');\n");
  write('lib/public/index.html', '<script src="renderer.js"></script>\n');
  write('plain/package.json', JSON.stringify({ name: 'plain', version: '1.0.0' }));
  write('action/package.json', JSON.stringify({ name: 'action', private: true }));
  write('action/action.yml', "runs:\n  using: node20\n  main: dist/run.js\n");
  write('mono/package.json', JSON.stringify({ private: true, workspaces: ['packages/*'] }));
  write('mono/packages/a/package.json', JSON.stringify({ name: 'a', version: '1.0.0', main: 'index.js' }));
  write('mono/packages/b/package.json', JSON.stringify({ name: 'b', version: '1.0.0', main: 'index.js' }));
  write('mono/packages/b/index.js', "module.exports = () => fork(require.resolve('a/bin/serve.js'));\n");

  const kind = (file: string, code = `console.log('run');`) => analyzeCode(code, 'esm', {}, path.join(root, file), root).fileModel.development;

  it.each<[string, string | undefined, string]>([
    ['lib/scripts/release.js', 'script', 'a published package: no script, entry point or file names it'],
    ['plain/tools/cleanup.mjs', 'script', 'a package without main: its index.js is the entry, not this'],
    ['lib/src/worker.js', undefined, 'a file another module names (a worker it starts)'],
    ['lib/src/index.js', undefined, 'the source of the main'],
    ['lib/src/tool.ts', undefined, 'the source of a bin'],
    ['lib/scripts/setup.js', undefined, 'what a script run on users\' machines starts'],
    ['lib/public/renderer.js', undefined, "a page's script"],
    ['plain/index.js', undefined, "the package's index.js, which require() loads without a main"],
    ['action/src/run.js', undefined, "a GitHub Action's file (its action.yml starts what it builds)"],
    ['mono/packages/a/bin/serve.js', undefined, 'a file another package of the workspace names'],
  ])('%s is %s: %s', (file, expected) => {
    expect(kind(file)).toBe(expected);
  });

  it('keeps a module that exports something: an importer outside the package may load it', () => {
    expect(kind('lib/scripts/release.js', 'export const release = () => {};')).toBeUndefined();
  });
});
