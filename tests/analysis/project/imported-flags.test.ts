// Platform flags one import away (imported-flags.ts): what the guard analysis proves at a call under
// a flag or predicate another module of the project exports, and its reported twins.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { possiblePlatforms } from '../../../src/analysis/file/guards/facts.js';
import { analyzeCode, nodeByText } from '../../support/analyze-code.js';

const NOT_WINDOWS = ['aix', 'android', 'cygwin', 'darwin', 'freebsd', 'haiku', 'linux', 'netbsd', 'openbsd', 'sunos'];
const ALL = [...NOT_WINDOWS, 'win32'].sort();
/** A CommonJS package whose config.js exports its platform predicates by name (`module.exports = { isWindows, … }`). */
const importer = path.resolve(import.meta.dirname, '../../fixtures/platform-flags/cjs/install.js');

function platforms(code: string): string[] {
  const analysis = analyzeCode(code, 'cjs', {}, importer);
  return [...possiblePlatforms(analysis.guards.factsAt(nodeByText(analysis, 'target()', 'CallExpression')))].sort();
}

describe('predicates exported by the name of a constant or a declaration', () => {
  it.each<[string, string, string[]]>([
    [
      'an arrow constant through a destructured require, in a conjunction',
      `const { meteorPath, isWindows, rootPath } = require('./config');\nif (!isWindows() && isSudo()) target();`,
      NOT_WINDOWS,
    ],
    ['a function declaration', `const { isLinux } = require('./config');\nif (isLinux()) target();`, ['linux']],
    ['through the module object', `const config = require('./config');\nif (config.isWindows()) {} else target();`, NOT_WINDOWS],
    ['an os.type() test', `const { usesOsType } = require('./config');\nif (!usesOsType()) target();`, NOT_WINDOWS],
    ['a test of a local constant', `const { isUnixoid } = require('./config');\nif (isUnixoid()) target();`, ['darwin', 'linux']],
    ['a test of a local never written again', `const { isUnixoidLet } = require('./config');\nif (isUnixoidLet()) target();`, ['darwin', 'linux']],
    // Reported twins: the Windows side, a disjunction with another test, a predicate about something else.
    ['the Windows branch', `const { isWindows } = require('./config');\nif (isWindows()) target();`, ['win32']],
    ['a disjunction that lets Windows in', `const { isMac, isWindows } = require('./config');\nif (isMac() || isWindows()) target();`, ['darwin', 'win32']],
    ['a predicate that is no platform test', `const { isRoot } = require('./config');\nif (!isRoot()) target();`, ALL],
    ['a value that is no predicate', `const { rootPath } = require('./config');\nif (rootPath) target();`, ALL],
    ['a local written again', `const { reassigned } = require('./config');\nif (reassigned()) target();`, ALL],
    ['a local a closure writes', `const { reassignedLater } = require('./config');\nif (reassignedLater()) target();`, ALL],
    // A function that maps the platform to names of its own, compared with one of them.
    ["a function's name for the platform", `const { getPlatform } = require('./config');\nif (getPlatform() !== 'windows') target();`, NOT_WINDOWS],
    ['a constant holding its answer', `const config = require('./config');\nconst platform = config.getPlatform();\nif (platform === 'osx') target();`, ['darwin']],
    ['a name it never answers', `const { getPlatform } = require('./config');\nif (getPlatform() === 'mac') target();`, []],
    ["a platform's match()", `const { matchesWin } = require('./config');\nif (!matchesWin) target();`, NOT_WINDOWS],
    // A name the module computes from the platform: replace(), a table's entry.
    ['a name computed with replace()', `const { osName } = require('./config');\nif (osName === 'mac') target();`, ['darwin']],
    ['a member computed with replace()', `const config = require('./config');\nif (config.osName !== 'windows') target();`, NOT_WINDOWS],
    ["a table's entry", `const { display } = require('./config');\nif (display === 'macOS') target();`, ['darwin']],
    // Reported twins: its Windows name, and a function that reads a parameter it is not given.
    ["the function's Windows name", `const { getPlatform } = require('./config');\nif (getPlatform() === 'windows') target();`, ['win32']],
    ['a function with a parameter', `const { family } = require('./config');\nif (family() !== 'windows') target();`, ALL],
  ])('%s', (_name, code, expected) => {
    expect(platforms(code)).toEqual(expected);
  });
});

// A monorepo whose packages import each other's flags by package name, with no node_modules and no
// build output: `@studio/core/lib/common/os` is src/common/os.ts by the package's tsconfig.
const workspace = (file: string) => path.resolve(import.meta.dirname, '../../fixtures/workspace-flags/packages', file);

function workspacePlatforms(code: string, language: 'ts' | 'cjs', file: string): string[] {
  const analysis = analyzeCode(code, language, {}, workspace(file));
  return [...possiblePlatforms(analysis.guards.factsAt(nodeByText(analysis, 'target()', 'CallExpression')))].sort();
}

describe('flags of a workspace package imported by its name', () => {
  const TERMINAL = 'terminal/src/node/server.ts';
  it.each<[string, string, 'ts' | 'cjs', string, string[]]>([
    ['a subpath into build output its tsconfig maps to src', `import { isWindowsNode } from '@studio/core/lib/common/os';\nif (isWindowsNode) {} else target();`, 'ts', TERMINAL, NOT_WINDOWS],
    ['the package main, through export * twice', `import { isWindowsNode } from '@studio/core';\nif (!isWindowsNode) target();`, 'ts', TERMINAL, NOT_WINDOWS],
    ['required from CommonJS', `const { isWindowsNode } = require('@studio/core');\nif (!isWindowsNode) target();`, 'cjs', 'process/src/node/process.js', NOT_WINDOWS],
    ['renamed through export { … } from, outDir with include: ["src"]', `import { isMacOS } from '@studio/util';\nif (isMacOS) target();`, 'ts', TERMINAL, ['darwin']],
    // Reported twins: a flag that reads navigator first, a flag that is no platform test, a subpath
    // that maps to no source, build output without a tsconfig that maps it, a path outside outDir.
    ['a browser-or-Node flag (false everywhere in Node 21+)', `import { isWindows } from '@studio/core/lib/common/os';\nif (isWindows) {} else target();`, 'ts', TERMINAL, ALL],
    ['a browser-or-Node flag through the barrel', `import { isOSX, isWindows } from '@studio/core';\nif (isOSX) target(); else if (!isWindows) {}`, 'ts', TERMINAL, ALL],
    ['an unrelated package flag that is no platform test', `import { isWindows } from '@studio/util';\nif (!isWindows) target();`, 'ts', TERMINAL, ALL],
    ['a subpath that maps to no source', `import { isWindowsNode } from '@studio/core/lib/common/missing';\nif (!isWindowsNode) target();`, 'ts', TERMINAL, ALL],
    ['a path outside the outDir', `import { isWindowsNode } from '@studio/core/dist/common/os';\nif (!isWindowsNode) target();`, 'ts', TERMINAL, ALL],
    ['build output no tsconfig maps', `import { isWindows } from '@studio/plain';\nif (!isWindows) target();`, 'ts', TERMINAL, ALL],
  ])('%s', (_name, code, language, file, expected) => {
    expect(workspacePlatforms(code, language, file)).toEqual(expected);
  });
});

// An installed package's own modules import each other's flags too: linting installed code (the
// corpus, a vendored package) reads `require('../utils')` inside it as before.
describe('flags of a module inside an installed package', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'process-guard-installed-flags-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const lib = path.join(root, 'node_modules', 'watcher', 'lib');
  mkdirSync(path.join(lib, 'monitor'), { recursive: true });
  writeFileSync(path.join(root, 'node_modules', 'watcher', 'package.json'), JSON.stringify({ name: 'watcher', version: '1.0.0', main: 'lib/index.js' }));
  writeFileSync(path.join(lib, 'utils.js'), "var utils = (module.exports = { isWindows: process.platform === 'win32', other: 1 });\n");
  const run = path.join(lib, 'monitor', 'run.js');
  // The package's main loads the module the tests lint their own text as.
  writeFileSync(path.join(lib, 'index.js'), "require('./monitor/run');\n");

  it.each<[string, string, string[]]>([
    ['the branch its flag leaves off Windows', `const utils = require('../utils');\nif (utils.isWindows) {} else target();`, NOT_WINDOWS],
    // Reported twin: the value is no platform test.
    ['a value that is no flag', `const utils = require('../utils');\nif (utils.other) {} else target();`, ALL],
  ])('%s', (_name, code, expected) => {
    // Linted from the package's folder, as a vendored package is (ESLint ignores node_modules below the folder it runs from).
    const analysis = analyzeCode(code, 'cjs', {}, run, path.dirname(lib));
    expect([...possiblePlatforms(analysis.guards.factsAt(nodeByText(analysis, 'target()', 'CallExpression')))].sort()).toEqual(expected);
  });
});
