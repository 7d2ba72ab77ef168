import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { ALL_PLATFORMS, ConditionReader } from '../../../../src/analysis/file/guards/conditions.js';
import type { PlatformFact } from '../../../../src/analysis/file/guards/facts.js';
import { platformValues } from '../../../../src/analysis/file/guards/platform-values.js';
import { analyzeCode } from '../../../support/analyze-code.js';

/** What the first function of `code` returns on each platform, its tests read as the guards read them. */
function valuesOf(code: string): Record<string, string[]> | undefined {
  const analysis = analyzeCode(code);
  const conditions = new ConditionReader(analysis.sourceCode, analysis.references, { platformGuards: new Map() });
  const statement = analysis.sourceCode.ast.body[0];
  const fn = statement?.type === 'FunctionDeclaration' ? statement : undefined;
  if (!fn) throw new Error('no function');
  const values = platformValues(fn as TSESTree.FunctionDeclaration, ALL_PLATFORMS, {
    platformsWhen: (test, holds) => {
      const facts = conditions.conditionFacts(test, holds);
      return facts.length === 1 && facts[0]?.kind === 'platform' ? (facts[0] as PlatformFact).platforms : undefined;
    },
    declares: (declaration) => declaration.kind === 'const',
  });
  return values && Object.fromEntries([...values].map(([value, platforms]) => [value, [...platforms].sort()]));
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
