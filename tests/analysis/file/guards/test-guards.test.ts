import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import type { Fact } from '../../../../src/analysis/file/guards/facts.js';
import { isTestSkipCall, testCallbackFacts } from '../../../../src/analysis/file/guards/test-guards.js';
import { allNodes, analyzeCode } from '../../../support/analyze-code.js';
import type { Language } from '../../../support/languages.js';

/**
 * The condition the test call holding the snippet's `() => body()` callback runs it under, as
 * `condition text = assumed value` (`; ` between several); undefined when it runs unconditionally.
 */
function runsUnder(code: string, language: Language = 'esm'): string | undefined {
  const analysis = analyzeCode(code, language);
  const callback = allNodes(analysis).find((node) => node.type === 'ArrowFunctionExpression' && analysis.sourceCode.getText(node) === '() => body()');
  if (!callback?.parent) throw new Error('no callback');
  const asked: string[] = [];
  const facts = testCallbackFacts(analysis.sourceCode, callback, callback.parent, (test, assumed) => {
    asked.push(`${analysis.sourceCode.getText(test)} = ${assumed}`);
    return [{ kind: 'caught', test } satisfies Fact];
  });
  expect(facts).toHaveLength(asked.length);
  return asked.length > 0 ? asked.join('; ') : undefined;
}

const VITEST = `import { it, test, describe } from 'vitest';\n`;

describe('conditional tests', () => {
  it.each<[string, string, string | undefined, Language?]>([
    ['it.skipIf()', `${VITEST}it.skipIf(isWindows)('x', () => body());`, 'isWindows = false'],
    ['it.runIf()', `${VITEST}it.runIf(isLinux)('x', () => body());`, 'isLinux = true'],
    ['describe.skipIf()', `${VITEST}describe.skipIf(isWindows)('x', () => body());`, 'isWindows = false'],
    ['test.concurrent.skipIf()', `${VITEST}test.concurrent.skipIf(isWindows)('x', () => body());`, 'isWindows = false'],
    ['a skipping conditional', `${VITEST}(isWindows ? it.skip : it)('x', () => body());`, 'isWindows = false'],
    ['a conditional skipping when false', `${VITEST}(isPosix ? it : it.skip)('x', () => body());`, 'isPosix = true'],
    ['a todo', `${VITEST}(isWindows ? test.todo : test)('x', () => body());`, 'isWindows = false'],
    ['a constant holding the choice', `${VITEST}const itPosix = isWindows ? it.skip : it;\nitPosix('x', () => body());`, 'isWindows = false'],
    ['the runner global', `it.skipIf(isWindows)('x', () => body());`, 'isWindows = false'],
    ['node:test', `import { it } from 'node:test';\n(isWindows ? it.skip : it)('x', () => body());`, 'isWindows = false'],
    ['node:test default import', `import test from 'node:test';\n(isWindows ? test.skip : test)('x', () => body());`, 'isWindows = false'],
    ['TypeScript', `${VITEST}it.skipIf(isWindows as boolean)('x', () => body());`, 'isWindows as boolean = false', 'ts'],
    ['a Jest or mocha global skipped form', `(isWindows ? xit : it)('x', () => body());`, 'isWindows = false'],
    ['xtest of @jest/globals', `import { test, xtest } from '@jest/globals';\n(isLinux ? test : xtest)('x', () => body());`, 'isLinux = true'],
    ['a Jest global ternary', `(process.platform === 'win32' ? test.skip : test)('x', () => body());`, "process.platform === 'win32' = false"],
    ['a local xit', `function xit(name, fn) {}\n(isWindows ? xit : it)('x', () => body());`, undefined],
    ['a plain test', `${VITEST}it('x', () => body());`, undefined],
    ['a local function called it', `function it(name, fn) {}\nit.skipIf(isWindows)('x', () => body());`, undefined],
    ['an it from another module', `import { it } from './helpers.js';\nit.skipIf(isWindows)('x', () => body());`, undefined],
    ['both branches skip', `${VITEST}(isWindows ? it.skip : it.todo)('x', () => body());`, undefined],
    ['both branches run', `${VITEST}(isWindows ? it : it.only)('x', () => body());`, undefined],
    ['a spread condition', `${VITEST}it.skipIf(...conditions)('x', () => body());`, undefined],
    ['skipIf of another object', `${VITEST}suiteHelpers.skipIf(isWindows)('x', () => body());`, undefined],
    // A test function rebound to its skip variant under a condition, before the test is declared.
    ['ava rebound under an if', `let test = require('ava').default;\nif (isWindows) { test = test.skip; }\ntest('x', () => body());`, 'isWindows = false', 'cjs'],
    ['ava default import rebound', `import ava from 'ava';\nlet test = ava;\nif (isWindows) test = ava.skip;\ntest('x', () => body());`, 'isWindows = false'],
    ['a required ava test', `const test = require('ava');\n(isWindows ? test.skip : test)('x', () => body());`, 'isWindows = false', 'cjs'],
    ['a rebound ternary', `let test = require('ava');\ntest = isWindows ? test.skip : test;\ntest('x', () => body());`, 'isWindows = false', 'cjs'],
    ['a rebound global', `if (isWindows) describe = describe.skip;\ndescribe('x', () => body());`, 'isWindows = false', 'cjs'],
    ['two rebinds', `${VITEST}let run = it;\nif (isWindows) run = it.skip;\nif (isCI) run = run.todo;\nrun('x', () => body());`, 'isWindows = false; isCI = false'],
    ['an imported it rebound', `${VITEST}let posixIt = it;\nif (isWindows) posixIt = it.skip;\nposixIt('x', () => body());`, 'isWindows = false'],
    // Silent twins: no rebinding is proven to be the only one.
    ['a rebind after the test', `let test = require('ava');\ntest('x', () => body());\nif (isWindows) test = test.skip;`, undefined, 'cjs'],
    ['a rebind to something else', `let test = require('ava');\nif (isWindows) test = wrap(test);\ntest('x', () => body());`, undefined, 'cjs'],
    ['an unconditional skip', `let test = require('ava');\ntest = test.skip;\ntest('x', () => body());`, undefined, 'cjs'],
    ['a rebind with an else', `let test = require('ava');\nif (isWindows) test = test.skip; else test = test.only;\ntest('x', () => body());`, undefined, 'cjs'],
    ['a rebound non-test', `let run = require('./runner');\nif (isWindows) run = run.skip;\nrun('x', () => body());`, undefined, 'cjs'],
    ['a rebind inside a function', `let test = require('ava');\nfunction f() { if (isWindows) test = test.skip; }\ntest('x', () => body());`, undefined, 'cjs'],
    // A test's `skip` option: node:test, tap and tape, also on a subtest of the callback's test object.
    ['node:test skip option', `import { test } from 'node:test';\ntest('x', { skip: isWindows }, () => body());`, 'isWindows = false'],
    ['tap skip option', `const t = require('tap');\nt.test('x', { skip: isWindows }, () => body());`, 'isWindows = false', 'cjs'],
    ['tap named test', `import { test } from 'tap';\ntest('x', { skip: isWindows }, () => body());`, 'isWindows = false'],
    ['tap subtest', `const t = require('tap');\nt.test('group', (t) => {\n  t.test('x', { skip: isWindows }, () => body());\n});`, 'isWindows = false', 'cjs'],
    ['tape skip option', `const test = require('tape');\ntest('x', { skip: isWindows }, () => body());`, 'isWindows = false', 'cjs'],
    ['node:test subtest', `import test from 'node:test';\ntest('group', async (t) => {\n  await t.test('x', { skip: isWindows }, () => body());\n});`, 'isWindows = false'],
    ['a skip option of a function of the file', `const t = { test(name, options, fn) { fn(); } };\nt.test('x', { skip: isWindows }, () => body());`, undefined, 'cjs'],
    ['a skip option of a mocha it', `it('x', { skip: isWindows }, () => body());`, undefined, 'cjs'],
    ['a parameter of a function that is no test', `const t = require('tap');\nrun((t) => {\n  t.test('x', { skip: isWindows }, () => body());\n});`, undefined, 'cjs'],
  ])('%s', (_name, code, expected, language) => {
    expect(runsUnder(code, language)).toBe(expected);
  });

  it('asks nothing of a node that is not an argument of the call', () => {
    const analysis = analyzeCode(`${VITEST}it.skipIf(isWindows)('x', () => body());`);
    const call = allNodes(analysis).find((node): node is TSESTree.CallExpression => node.type === 'CallExpression' && node.arguments.length === 2);
    expect(testCallbackFacts(analysis.sourceCode, call!.callee, call!, () => [{ kind: 'caught', test: call! }])).toEqual([]);
  });
});

describe('skip calls that end a test', () => {
  function skips(code: string): boolean {
    const analysis = analyzeCode(code);
    const call = allNodes(analysis).find(
      (node) => node.type === 'CallExpression' && /\.skip\([^)]*\)$/.test(analysis.sourceCode.getText(node)),
    );
    if (!call) throw new Error('no skip call');
    return isTestSkipCall(analysis.sourceCode, call);
  }

  it.each<[string, string, boolean]>([
    ['mocha this.skip() in a test', `it('x', function () { if (isWindows) this.skip(); });`, true],
    ['mocha this.skip() in a hook', `before(function () { if (isWindows) this.skip(); });`, true],
    ['vitest ctx.skip()', `${VITEST}it('x', (ctx) => { if (isWindows) ctx.skip(); });`, true],
    ['node:test t.skip() only marks the test', `import { it } from 'node:test';\nit('x', (t) => { if (isWindows) t.skip(); });`, false],
    ["ava's t has no skip()", `import test from 'ava';\ntest('x', (t) => { if (isWindows) t.skip(); });`, false],
    ['this.skip() in an arrow, where this is not the test', `it('x', () => { if (isWindows) this.skip(); });`, false],
    ['a skip() with arguments is not taken for one', `${VITEST}it('x', (ctx) => { ctx.skip('later'); });`, false],
    ['skip() of another object', `${VITEST}it('x', (ctx) => { runner.skip(); });`, false],
    ['a callback of another function', `run(function () { this.skip(); });`, false],
    ['the second parameter', `${VITEST}it('x', (a, ctx) => { ctx.skip(); });`, false],
  ])('%s', (_name, code, expected) => {
    expect(skips(code)).toBe(expected);
  });
});
