import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { assertedCondition, isAssertionCall } from '../../../../src/analysis/file/guards/assertions.js';
import { analyzeCode, nodeByText } from '../../../support/analyze-code.js';

/** The call `target` names in `code`, with the file's source code. */
function callIn(code: string, target: string) {
  const analysis = analyzeCode(code);
  return { sourceCode: analysis.sourceCode, call: nodeByText(analysis, target, 'CallExpression') as TSESTree.CallExpression };
}

describe('node:assert', () => {
  it.each([
    ["import assert from 'node:assert';\nassert(ok);", 'assert(ok)'],
    ["import { ok } from 'assert';\nok(ok2);", 'ok(ok2)'],
    ["const assert = require('assert/strict');\nassert.ok(ok);", 'assert.ok(ok)'],
    ["import { strict } from 'node:assert';\nstrict(ok);", 'strict(ok)'],
    ["import * as assert from 'node:assert';\nassert.strict.ok(ok);", 'assert.strict.ok(ok)'],
    ["require('node:assert')(ok);", "require('node:assert')(ok)"],
  ])('%s requires its first argument', (code, target) => {
    const { sourceCode, call } = callIn(code, target);
    expect(assertedCondition(sourceCode, call)).toBe(call.arguments[0]);
    expect(isAssertionCall(sourceCode, call)).toBe(true);
  });

  it.each([
    ['console.assert(ok);', 'console.assert(ok)'],
    ['function assert(value) {}\nassert(ok);', 'assert(ok)'],
    ["import assert from 'node:assert';\nassert.equal(ok, true);", 'assert.equal(ok, true)'],
    ["import assert from 'node:assert';\nassert(...checks);", 'assert(...checks)'],
  ])('%s requires nothing of its first argument', (code, target) => {
    const { sourceCode, call } = callIn(code, target);
    expect(assertedCondition(sourceCode, call)).toBeUndefined();
  });

  it('tells node:assert functions from other calls', () => {
    const assertion = callIn("import assert from 'node:assert';\nassert.strictEqual(a.byteLength, 0);", 'assert.strictEqual(a.byteLength, 0)');
    expect(isAssertionCall(assertion.sourceCode, assertion.call)).toBe(true);
    const log = callIn('console.log(a.byteLength);', 'console.log(a.byteLength)');
    expect(isAssertionCall(log.sourceCode, log.call)).toBe(false);
  });
});
