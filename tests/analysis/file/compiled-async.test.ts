import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { analyzeCode } from '../../support/analyze-code.js';
import { walk } from '../../../src/analysis/syntax/ast.js';

const AWAITER = `var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
  return new (P || (P = Promise))(function (resolve, reject) {
    function step(result) { result.done ? resolve(result.value) : P.resolve(result.value).then(function (v) { step(generator.next(v)); }, reject); }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
`;
const GENERATOR = `var __generator = (this && this.__generator) || function (thisArg, body) {
  var state = { label: 0 };
  return { next: function (sent) { state.sent = sent; var op = body.call(thisArg, state); state.label++; return { value: op[1], done: op[0] === 2 }; } };
};
`;

/** When `target()` runs, in a method the constructor of a constructor function calls. */
function when(helpers: string, method: string): string {
  const analysis = analyzeCode(`${helpers}function Server() {\n  this.proc = null;\n  this.start();\n}\nServer.prototype.start = ${method};\nnew Server();`, 'cjs');
  let call: TSESTree.Node | undefined;
  walk(analysis.sourceCode.ast, analysis.sourceCode.visitorKeys, (node) => {
    if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'target') call = node;
    return !call;
  });
  return analysis.execution.executionOf(call!).when;
}

describe('compiled async functions', () => {
  it.each([
    ['generator function before its first yield', AWAITER, `function () { return __awaiter(this, void 0, void 0, function* () { target(); yield later(); }); }`, 'construction'],
    ['generator function after its first yield', AWAITER, `function () { return __awaiter(this, void 0, void 0, function* () { yield later(); target(); }); }`, 'later'],
    ['in the yield operand', AWAITER, `function () { return __awaiter(this, void 0, void 0, function* () { yield target(); }); }`, 'construction'],
    [
      'state machine before its first yield',
      AWAITER + GENERATOR,
      `function () { return __awaiter(this, void 0, void 0, function () { return __generator(this, function (_a) { switch (_a.label) { case 0: target(); return [4, later()]; case 1: return [2]; } }); }); }`,
      'construction',
    ],
    [
      'state machine after its first yield',
      AWAITER + GENERATOR,
      `function () { return __awaiter(this, void 0, void 0, function () { return __generator(this, function (_a) { switch (_a.label) { case 0: return [4, later()]; case 1: target(); return [2]; } }); }); }`,
      'later',
    ],
    [
      'state machine without yields',
      AWAITER + GENERATOR,
      `function () { return __awaiter(this, void 0, void 0, function () { return __generator(this, function (_a) { target(); return [2]; }); }); }`,
      'construction',
    ],
  ])('%s', (_name, helpers, method, expected) => {
    expect(when(helpers, method)).toBe(expected);
  });

  it.each([
    ['helpers the file does not define', '', `function () { return __awaiter(this, void 0, void 0, function* () { target(); }); }`],
    [
      'a helper named like the compiler\'s that defers its callback',
      `var __awaiter = function (thisArg, _arguments, P, generator) { setTimeout(function () { generator.apply(thisArg, _arguments); }); };\n`,
      `function () { return __awaiter(this, void 0, void 0, function* () { target(); }); }`,
    ],
    ['a promise of its own', AWAITER, `function () { return __awaiter(this, void 0, Lazy, function* () { target(); }); }`],
    [
      'a state machine of a plain generator, run on its first next()',
      GENERATOR,
      `function () { var g = function () { return __generator(this, function (_a) { target(); return [2]; }); }; this.g = g(); }`,
    ],
    ['a helper reassigned', `${AWAITER}__awaiter = other;\n`, `function () { return __awaiter(this, void 0, void 0, function* () { target(); }); }`],
  ])('not proven: %s', (_name, helpers, method) => {
    expect(when(helpers, method)).toBe('later');
  });
});
