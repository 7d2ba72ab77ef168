import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { ALL_PLATFORMS, ConditionReader } from '../../../../src/analysis/file/guards/conditions.js';
import type { PlatformFact } from '../../../../src/analysis/file/guards/facts.js';
import { refusalAnswers, type RefusalReader } from '../../../../src/analysis/file/guards/platform-refusals.js';
import { readsParameter } from '../../../../src/analysis/syntax/scope.js';
import { analyzeCode } from '../../../support/analyze-code.js';

/** The first function's answer on each platform, as truthiness → platforms (sorted); undefined when it is no refusal. */
function answersOf(code: string): Record<string, string[]> | undefined {
  const analysis = analyzeCode(code);
  const conditions = new ConditionReader(analysis.sourceCode, analysis.references, { platformGuards: new Map() });
  const statement = analysis.sourceCode.ast.body[0];
  if (statement?.type !== 'FunctionDeclaration') throw new Error('no function');
  const reader: RefusalReader = {
    platformsWhen: (test, holds) => {
      const facts = conditions.conditionFacts(test, holds);
      return facts.length === 1 && facts[0]?.kind === 'platform' ? (facts[0] as PlatformFact).platforms : undefined;
    },
    readsParameter: (test, fn) => readsParameter(analysis.sourceCode, test, fn),
  };
  const answers = refusalAnswers(statement as TSESTree.FunctionDeclaration, ALL_PLATFORMS, reader);
  if (!answers) return undefined;
  const byAnswer: Record<string, string[]> = {};
  for (const [platform, answer] of answers) (byAnswer[answer] ??= []).push(platform);
  for (const platforms of Object.values(byAnswer)) platforms.sort();
  return byAnswer;
}

const ALL_BUT_LINUX = ['aix', 'android', 'cygwin', 'darwin', 'freebsd', 'haiku', 'netbsd', 'openbsd', 'sunos', 'win32'];

describe('platform refusals', () => {
  it('answer nothing where no test holds, and what the branch returns elsewhere', () => {
    expect(answersOf(`function checkLinux(t) {
  if (process.platform === 'win32') return fail(t('windows'));
  if (process.platform !== 'linux') { return { error: 'unsupported' }; }
  return null;
}`)).toEqual({ unknown: ['win32'], truthy: ALL_BUT_LINUX.filter((platform) => platform !== 'win32'), falsy: ['linux'] });
  });

  it('read an else-if chain and a function that ends without a return', () => {
    expect(answersOf(`function unsupported() {
  if (process.platform === 'win32') return 'Windows is not supported';
  else if (process.platform === 'darwin') return new Error('macOS');
}`)).toEqual({ truthy: ['darwin', 'win32'], falsy: ['aix', 'android', 'cygwin', 'freebsd', 'haiku', 'linux', 'netbsd', 'openbsd', 'sunos'] });
  });

  it.each([
    ['a last return of a value', `function f() { if (process.platform === 'win32') return 'no'; return 'yes'; }`],
    ['a test that is no platform test', `function f() { if (process.env.CI) return 'no'; return null; }`],
    ['a test of a parameter', `function f(platform = process.platform) { if (platform === 'win32') return 'no'; return null; }`],
    ['a branch that does more than return', `function f() { if (process.platform === 'win32') { log(); return 'no'; } return null; }`],
    ['another statement', `function f() { warn(); if (process.platform === 'win32') return 'no'; return null; }`],
    ['an async function', `async function f() { if (process.platform === 'win32') return 'no'; return null; }`],
    ['no branch at all', `function f() { return null; }`],
  ])('are not read from %s', (_name, code) => {
    expect(answersOf(code)).toBeUndefined();
  });
});
