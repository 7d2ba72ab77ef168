import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { ConditionReader } from '../../../../src/analysis/file/guards/conditions.js';
import { possiblePlatforms, type Fact } from '../../../../src/analysis/file/guards/facts.js';
import { FactPropagation } from '../../../../src/analysis/file/guards/propagation.js';
import type { Platform } from '../../../../src/analysis/catalog/platform-apis.js';
import type { StepCounter } from '../../../../src/analysis/file/guards/steps.js';
import { analyzeCode, nodeByText } from '../../../support/analyze-code.js';

/** A propagation over `code` whose callers prove `callerFacts`, and the node `target()`. */
function setUp(code: string, callerFacts: readonly Fact[] = [], filePlatforms?: ReadonlySet<Platform>) {
  const analysis = analyzeCode(code);
  const conditions = new ConditionReader(analysis.sourceCode, analysis.references, { platformGuards: new Map() });
  const counter: StepCounter = { steps: 0 };
  const asked: TSESTree.Node[] = [];
  const propagation = new FactPropagation(
    analysis.sourceCode,
    analysis.references,
    conditions,
    (fn) => {
      asked.push(fn);
      return callerFacts;
    },
    counter,
    filePlatforms,
  );
  return { analysis, propagation, target: nodeByText(analysis, 'target()', 'CallExpression'), counter, asked };
}

const sorted = (platforms: ReadonlySet<string>) => [...platforms].sort();

describe('propagation', () => {
  it('carries a condition, an early exit and a try block down to a node', () => {
    const { propagation, target } = setUp(
      `import { isMainThread } from 'node:worker_threads';
if (process.platform === 'aix') process.exit(1);
if (isMainThread) { try { target(); } catch {} }`,
    );
    expect(propagation.factsAt(target).map((fact) => fact.kind)).toEqual(['caught', 'main-thread', 'platform']);
  });

  it('combines the platforms of the facts at a node as it derives them', () => {
    const { propagation, target } = setUp(`if (process.platform === 'aix') process.exit(1);
switch (process.platform) { case 'linux': case 'darwin': target(); }`);
    expect(sorted(propagation.platformsAt(target))).toEqual(['darwin', 'linux']);
    expect(sorted(propagation.platformsAt(target))).toEqual(sorted(possiblePlatforms(propagation.factsAt(target))));
  });

  it('adds the facts of the callers at a function body, once', () => {
    const caller: Fact[] = [{ kind: 'platform', platforms: new Set(['linux']), test: {} as TSESTree.Node }];
    const { propagation, target, asked } = setUp(`function f() { target(); target2(); }`, caller);
    expect(sorted(propagation.platformsAt(target))).toEqual(['linux']);
    expect(propagation.isKnown(target)).toBe(true);
    propagation.factsAt(target);
    expect(asked).toHaveLength(1);
  });

  it("takes an assertion of node:assert as an early exit: it throws unless its condition holds", () => {
    for (const code of [
      `import assert from 'node:assert';\nassert(process.platform !== 'win32', 'not on Windows');\ntarget();`,
      `import { ok } from 'assert';\nok(process.platform === 'darwin' || process.platform === 'linux');\ntarget();`,
      `const assert = require('assert');\nfunction f() { assert.ok(process.platform !== 'win32'); target(); }`,
      `import { strict as assert } from 'node:assert';\nassert(process.platform !== 'win32');\ntarget();`,
      `import * as assert from 'node:assert/strict';\nassert.strict.ok(process.platform !== 'win32');\ntarget();`,
    ]) {
      const { propagation, target } = setUp(code);
      expect(sorted(propagation.platformsAt(target)), code).not.toContain('win32');
    }
  });

  it('takes no other call named assert as an early exit', () => {
    for (const code of [
      `console.assert(process.platform !== 'win32');\ntarget();`,
      `function assert(value) { if (!value) console.warn('odd'); }\nassert(process.platform !== 'win32');\ntarget();`,
      `import assert from 'node:assert';\nif (debug) assert(process.platform !== 'win32');\ntarget();`,
      `import assert from 'node:assert';\nassert.equal(process.platform !== 'win32', true);\ntarget();`,
    ]) {
      const { propagation, target } = setUp(code);
      expect(sorted(propagation.platformsAt(target)), code).toContain('win32');
    }
  });

  it('takes a call of a local function that throws unless a platform test holds as an early exit', () => {
    for (const code of [
      `function assertSupported() {
  if (process.platform !== 'darwin' || process.arch !== 'arm64') throw new Error('macOS on Apple silicon only');
}
export function start() { assertSupported(); target(); }`,
      `const assertPosix = (feature) => {
  if (process.platform === 'win32') { throw new Error(feature + ' is not supported on Windows'); }
};
export async function start() { assertPosix('ps'); await target(); }`,
      `async function checkPlatform() {
  const supported = process.platform === 'darwin';
  if (!supported) throw new Error('macOS only');
}
export async function start() { await checkPlatform(); target(); }`,
    ]) {
      const { propagation, target } = setUp(code);
      expect(sorted(propagation.platformsAt(target)), code).not.toContain('win32');
    }
  });

  it('takes a call of a POSIX credential method as proof of POSIX for what follows: it throws on Windows', () => {
    for (const code of [
      `export function attach() {
  if (process.getuid() !== 0) throw new Error('root only');
  install = function () { target(); };
}`,
      `const uid = process.geteuid();\ntarget();`,
      `console.log('running as', process.getgid());\ntarget();`,
      `export function drop() { process.setuid(1000); if (ok) target(); }`,
      `export function f() { if (process.getuid() === 0) { target(); } }`,
    ]) {
      const { propagation, target } = setUp(code);
      expect(sorted(propagation.platformsAt(target)), code).not.toContain('win32');
      expect(sorted(propagation.platformsAt(target)), code).toContain('linux');
    }
  });

  it('takes a call of fs.lchmod as proof of macOS for what follows: it is undefined elsewhere', () => {
    const { propagation, target } = setUp(`import fs from 'node:fs';\nfs.lchmodSync('link', 0o644);\ntarget();`);
    expect(sorted(propagation.platformsAt(target))).toEqual(['darwin']);
  });

  it('takes no call that may not run, or that cannot throw, as proof of POSIX', () => {
    for (const code of [
      // Optional: undefined on Windows, no throw.
      `const uid = process.getuid?.();\ntarget();`,
      // Only on one side of a condition.
      `const root = isPosix && process.getuid() === 0;\ntarget();`,
      `const uid = posix ? process.getuid() : -1;\ntarget();`,
      // In a function made here and called later, or never.
      `const uid = () => process.getuid();\ntarget();`,
      // Before it, and a local function of the same name.
      `target();\nprocess.getuid();`,
      `const process = { getuid: () => 0 };\nprocess.getuid();\ntarget();`,
      // Caught: the statements after the try run on Windows.
      `try { process.getuid(); } catch {}\ntarget();`,
    ]) {
      const { propagation, target } = setUp(code);
      expect(sorted(propagation.platformsAt(target)), code).toContain('win32');
    }
  });

  it('takes no call of a function that may return normally elsewhere as an early exit', () => {
    for (const code of [
      // A \`return\` before the test: the function may complete without it.
      `function assertSupported(force) {
  if (force) return;
  if (process.platform === 'win32') throw new Error('POSIX only');
}
export function start() { assertSupported(); target(); }`,
      // It only warns.
      `function checkPlatform() { if (process.platform === 'win32') console.warn('POSIX only'); }
export function start() { checkPlatform(); target(); }`,
      // An async function's throw rejects its promise: without \`await\` the caller goes on.
      `async function checkPlatform() { if (process.platform === 'win32') throw new Error('POSIX only'); }
export function start() { checkPlatform(); target(); }`,
      // Written again: the call may run another function.
      `let checkPlatform = () => { if (process.platform === 'win32') throw new Error('POSIX only'); };
export function reset() { checkPlatform = () => {}; }
export function start() { checkPlatform(); target(); }`,
      // Called from itself: nothing is proven.
      `function check(n) { if (n > 0) check(n - 1); }
export function start() { check(3); target(); }`,
    ]) {
      const { propagation, target } = setUp(code);
      expect(sorted(propagation.platformsAt(target)), code).toContain('win32');
    }
  });

  it('starts from the platforms of the file', () => {
    const { propagation, target } = setUp(`target();`, [], new Set<Platform>(['darwin']));
    expect(sorted(propagation.platformsAt(target))).toEqual(['darwin']);
  });

  it('costs a step per node and per fact, whatever the earlier exits', () => {
    const exits = Array.from({ length: 200 }, (_, i) => `if (process.argv[${i + 2}] === 'x') process.exit(${i});`);
    const { analysis, propagation, target, counter } = setUp([...exits, 'target();'].join('\n'));
    for (const statement of analysis.sourceCode.ast.body) propagation.factsAt(statement);
    expect(propagation.factsAt(target).filter((fact) => fact.kind === 'marker')).toHaveLength(exits.length);
    // One scan of the list (a step per statement and per exit fact), and a step per node after.
    expect(counter.steps).toBeLessThan(4 * exits.length);
  });
});
