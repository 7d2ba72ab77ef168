import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { ALL_PLATFORMS, ConditionReader } from '../../../../src/analysis/file/guards/conditions.js';
import type { PlatformFact } from '../../../../src/analysis/file/guards/facts.js';
import { platformStrings, platformValues, type PlatformStrings, type PlatformValueReader } from '../../../../src/analysis/file/guards/platform-values.js';
import { readOnlyTable } from '../../../../src/analysis/file/value-sets.js';
import { constantInitializer } from '../../../../src/analysis/syntax/scope.js';
import { analyzeCode } from '../../../support/analyze-code.js';

/** Platform strings as answer → the platforms answering it, sorted; undefined where none. */
function byAnswer(values: PlatformStrings | undefined): Record<string, string[]> | undefined {
  if (!values) return undefined;
  const answers: Record<string, string[]> = {};
  for (const [platform, answer] of values) (answers[String(answer)] ??= []).push(platform);
  for (const platforms of Object.values(answers)) platforms.sort();
  return answers;
}

/** A reader of `code`'s tests, names and tables, as the guards read them. */
function readerOf(code: string): { analysis: ReturnType<typeof analyzeCode>; reader: PlatformValueReader } {
  const analysis = analyzeCode(code);
  const conditions = new ConditionReader(analysis.sourceCode, analysis.references, { platformGuards: new Map() });
  const reader: PlatformValueReader = {
    platformsWhen: (test, holds) => {
      const facts = conditions.conditionFacts(test, holds);
      return facts.length === 1 && facts[0]?.kind === 'platform' ? (facts[0] as PlatformFact).platforms : undefined;
    },
    isPlatformSource: (node) => conditions.isPlatformSource(node),
    valueOf: (node) => (node.type === 'Identifier' ? constantInitializer(analysis.sourceCode, node) : undefined),
    tableOf: (node) => readOnlyTable(analysis.sourceCode, node),
    declares: (declaration) => declaration.kind === 'const',
  };
  return { analysis, reader };
}

/** What the first function of `code` returns on each platform. */
function valuesOf(code: string): Record<string, string[]> | undefined {
  const { analysis, reader } = readerOf(code);
  const statement = analysis.sourceCode.ast.body[0];
  const fn = statement?.type === 'FunctionDeclaration' ? statement : undefined;
  if (!fn) throw new Error('no function');
  return byAnswer(platformValues(fn as TSESTree.FunctionDeclaration, ALL_PLATFORMS, reader));
}

/** What the initializer of the last constant of `code` is on each platform. */
function stringsOf(code: string): Record<string, string[]> | undefined {
  const { analysis, reader } = readerOf(code);
  const statement = analysis.sourceCode.ast.body.at(-1);
  const init = statement?.type === 'VariableDeclaration' ? statement.declarations[0]?.init : undefined;
  if (!init) throw new Error('no constant');
  return byAnswer(platformStrings(init, ALL_PLATFORMS, reader));
}

const NOT_WINDOWS_OR_MAC = ['aix', 'android', 'cygwin', 'freebsd', 'haiku', 'linux', 'netbsd', 'openbsd', 'sunos'];

describe('platform values', () => {
  it('reads an else-if chain with a last return, after constants', () => {
    expect(
      valuesOf(`function getPlatform() {
  const platform = process.platform;
  if (platform === 'win32') { return 'windows'; } else if (platform === 'darwin') return 'osx';
  return 'linux';
}`),
    ).toEqual({ windows: ['win32'], osx: ['darwin'], linux: NOT_WINDOWS_OR_MAC });
  });

  it('reads conditionals and a last else', () => {
    expect(valuesOf(`function f() { if (process.platform === 'darwin') return 'mac'; else return process.platform === 'win32' ? 'win' : 'other'; }`)).toEqual({
      mac: ['darwin'],
      win: ['win32'],
      other: NOT_WINDOWS_OR_MAC,
    });
  });

  it.each([
    ['a branch that does more than return', `function f() { if (process.platform === 'win32') { log(); return 'w'; } return 'u'; }`],
    ['a test that is no platform test', `function f() { if (ready) return 'w'; return 'u'; }`],
    ['no last return', `function f() { if (process.platform === 'win32') return 'w'; }`],
    ['a value that is not a string', `function f() { if (process.platform === 'win32') return 1; return 'u'; }`],
    ['another statement', `function f() { let p = process.platform; if (p === 'win32') return 'w'; return 'u'; }`],
    ['an async function', `async function f() { return process.platform === 'win32' ? 'w' : 'u'; }`],
  ])('leaves unknown: %s', (_name, code) => {
    expect(valuesOf(code)).toBeUndefined();
  });
});

const OTHERS = ['aix', 'android', 'cygwin', 'freebsd', 'haiku', 'netbsd', 'openbsd', 'sunos'];

describe('platform strings', () => {
  it('runs replace() on each platform, as JavaScript does', () => {
    expect(stringsOf(`const osName = process.platform.replace('darwin', 'mac').replace('win32', 'windows');`)).toEqual({
      mac: ['darwin'],
      windows: ['win32'],
      linux: ['linux'],
      ...Object.fromEntries(OTHERS.map((platform) => [platform, [platform]])),
    });
    expect(stringsOf(`const family = process.platform.replace(/^(?!win32$).*/, 'unix').toUpperCase();`)).toEqual({
      UNIX: [...OTHERS, 'darwin', 'linux'].sort(),
      WIN32: ['win32'],
    });
  });

  it('reads a table of strings by the platform, undefined where it has no entry', () => {
    expect(stringsOf(`const NAMES = { win32: 'windows', darwin: 'mac' };
const osName = NAMES[process.platform];`)).toEqual({
      windows: ['win32'],
      mac: ['darwin'],
      undefined: [...OTHERS, 'linux'].sort(),
    });
  });

  it('reads a conditional on a platform test', () => {
    expect(stringsOf(`const family = process.platform === 'win32' ? 'windows' : 'unix';`)).toEqual({
      windows: ['win32'],
      unix: [...OTHERS, 'darwin', 'linux'].sort(),
    });
  });

  it.each([
    ['a table written after it is made', `const NAMES = { win32: 'windows' };\nNAMES.linux = 'unix';\nconst osName = NAMES[process.platform];`],
    ['a table passed on', `const NAMES = { win32: 'windows' };\nconfigure(NAMES);\nconst osName = NAMES[process.platform];`],
    ['a table with a spread', `const NAMES = { ...BASE, win32: 'windows' };\nconst osName = NAMES[process.platform];`],
    ['a table entry that is no string', `const NAMES = { win32: 'windows', linux: LINUX };\nconst osName = NAMES[process.platform];`],
    ['a method of undefined', `const NAMES = { win32: 'windows' };\nconst osName = NAMES[process.platform].toUpperCase();`],
    ['a replacement that is not shown', `const osName = process.platform.replace('win32', name);`],
    ['replaceAll() with a regular expression that is not global', `const osName = process.platform.replaceAll(/win/, 'w');`],
    ['a method it does not run', `const osName = process.platform.padEnd(8);`],
    ['a conditional on something else', `const family = ready ? 'windows' : 'unix';`],
    ['a parameter', `function f(platform) { return platform; }\nconst osName = f(process.platform).replace('win32', 'windows');`],
  ])('leaves unknown: %s', (_name, code) => {
    expect(stringsOf(code)).toBeUndefined();
  });
});

