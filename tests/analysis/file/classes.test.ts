import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import type { Language } from '../../support/languages.js';
import { analyzeCode } from '../../support/analyze-code.js';
import { walk } from '../../../src/analysis/syntax/ast.js';

/** Each construct the class model knows in `code`: its kind, name and instance methods. */
function shapes(code: string, language: Language = 'cjs'): string[] {
  const analysis = analyzeCode(code, language);
  const found: string[] = [];
  walk(analysis.sourceCode.ast, analysis.sourceCode.visitorKeys, (node) => {
    if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression' || node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression') {
      const shape = analysis.classes.shapeOf(node);
      if (shape) found.push(`${shape.kind} ${nameOf(node)} [${[...shape.methods.keys()].join(', ')}]`);
    }
    return true;
  });
  return found;
}

function nameOf(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression): string {
  if (node.id) return node.id.name;
  return node.parent?.type === 'VariableDeclarator' && node.parent.id.type === 'Identifier' ? node.parent.id.name : '(anonymous)';
}

describe('class model', () => {
  it.each([
    ['class declaration', `class A { constructor() {} run() {} get x() { return 1; } static make() {} }`, ['class A [run]']],
    ['class expression with a private method and a function field', `const B = class { #go() {} handler = () => {}; };`, ['class B [#go, handler]']],
    ['factory returning a class expression', `function make() { return class C {}; }`, ['factory C []']],
    ['factory returning a declared class', `const make = () => { class D {} return D; };`, ['factory D []']],
    ['arrow factory', `const make = () => class {};`, ['factory (anonymous) []']],
    ['constructor function with new', `function P() { this.x = 1; }\nnew P();`, ['function P []']],
    ['prototype method', `function P() { this.x = 1; }\nP.prototype.run = function () {};`, ['function P [run]']],
    ['prototype object', `var P = function () { this.x = 1; };\nP.prototype = { run: function () {}, stop() {}, n: 1 };`, ['function P [run, stop]']],
    ['setPrototypeOf', `function P() { this.x = 1; }\nObject.setPrototypeOf(P.prototype, Base.prototype);`, ['function P []']],
    ['util.inherits', `const util = require('node:util');\nfunction P() { this.x = 1; }\nutil.inherits(P, Base);`, ['function P []']],
    ['inherits destructured', `const { inherits } = require('util');\nfunction P() { this.x = 1; }\ninherits(P, Base);`, ['function P []']],
    ['alias of this', `function P() { var self = this; self.x = 1; }\nP.prototype.run = function () {};`, ['function P [run]']],
    [
      'compiled class',
      `var S = (function (_super) {\n  f(S, _super);\n  function S() {\n    var _this = _super.call(this) || this;\n    _this.x = 1;\n    return _this;\n  }\n  S.prototype.run = function () {};\n  return S;\n}(Base));`,
      ['compiled S [run]'],
    ],
    [
      'compiled class whose constructor only calls a method',
      `var S = (function (_super) {\n  function S() {\n    var _this = _super.call(this) || this;\n    _this.run();\n    return _this;\n  }\n  return S;\n}(Base));`,
      ['compiled S []'],
    ],
  ])('%s', (_name, code, expected) => {
    expect(shapes(code)).toEqual(expected);
  });

  const defineProperties = `function defineProperties(target, props) { for (var i = 0; i < props.length; i++) { var descriptor = props[i]; descriptor.enumerable = false; Object.defineProperty(target, descriptor.key, descriptor); } }`;
  const compiled = (helper: string) =>
    `${helper}\nvar W = (function () {\n  function W() { this.x = 1; }\n  _createClass(W, [{ key: 'run', value: function run() {} }, { key: 'size', get: function () { return 1; } }]);\n  return W;\n})();`;

  it.each([
    ['a helper in a closure', `var _createClass = (function () { ${defineProperties} return function (Constructor, protoProps, staticProps) { if (protoProps) defineProperties(Constructor.prototype, protoProps); if (staticProps) defineProperties(Constructor, staticProps); return Constructor; }; })();`],
    ['a declared helper', `${defineProperties}\nfunction _createClass(Constructor, protoProps) { if (protoProps) defineProperties(Constructor.prototype, protoProps); return Constructor; }`],
  ])('methods a compiled class helper proven by its code defines on the prototype: %s', (_name, helper) => {
    expect(shapes(compiled(helper))).toEqual(['compiled W [run, size]']);
  });

  it.each([
    ['a helper from a module', `var _createClass = require('@babel/runtime/helpers/createClass');`],
    ['a helper defining on the constructor itself', `${defineProperties}\nfunction _createClass(Constructor, protoProps) { defineProperties(Constructor, protoProps); return Constructor; }`],
    ['a helper whose definer uses another key', `function defineProperties(target, props) { for (var i = 0; i < props.length; i++) { var descriptor = props[i]; Object.defineProperty(target, 'k', descriptor); } }\nfunction _createClass(Constructor, protoProps) { defineProperties(Constructor.prototype, protoProps); return Constructor; }`],
  ])('no methods from an unproven helper: %s', (_name, helper) => {
    expect(shapes(compiled(helper))).toEqual(['compiled W []']);
  });

  it.each([
    ['a function nobody constructs', `function setup() { this.x = 1; }\nsetup.call(o);`],
    ['an exported function constructed elsewhere, maybe', `module.exports = function P() { this.x = 1; };`],
    ['a prototype member without this members', `function P() {}\nP.prototype.run = function () {};`],
    ['a function reassigned', `let P = function () { this.x = 1; };\nP = other;\nnew P();`],
    ['inherits of another module', `const { inherits } = require('./mine');\nfunction P() { this.x = 1; }\ninherits(P, Base);`],
    ['a local named like setPrototypeOf', `const Object = { setPrototypeOf() {} };\nfunction P() { this.x = 1; }\nObject.setPrototypeOf(P.prototype, B);`],
    ['an alias reassigned', `function P() { var self = this; self = o; self.x = 1; }\nP.prototype.run = function () {};`],
    ['a module function that holds this, returned by an IIFE but never using it as an instance', `var api = (function () {\n  function api() { start(); }\n  return api;\n}());`],
    ['an alias in a plain function', `function f() { var self = this; self.run(); }\nf.call(o);`],
  ])('not a constructor: %s', (_name, code) => {
    expect(shapes(code)).toEqual([]);
  });

  it('reads TypeScript the same', () => {
    expect(shapes(`export function P(this: { x: number }) { this.x = 1; }\nP.prototype.run = function () {};\nexport const make = () => class Q { y = 1; };`, 'ts')).toEqual([
      'function P [run]',
      'factory Q []',
    ]);
  });
});

describe('construction time through the class model', () => {
  /** When `target()` runs. */
  function when(code: string, language: Language = 'cjs'): string {
    const analysis = analyzeCode(code, language);
    let call: TSESTree.Node | undefined;
    walk(analysis.sourceCode.ast, analysis.sourceCode.visitorKeys, (node) => {
      if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'target') call = node;
      return !call;
    });
    const execution = analysis.execution.executionOf(call!);
    if (execution.when !== 'construction') return execution.when;
    return execution.via ? `construction via ${analysis.sourceCode.getText(execution.via)}` : 'construction';
  }

  it.each([
    ['constructor function', `function P() { this.x = target(); }\nnew P();`, 'construction'],
    ['prototype method the constructor calls', `function P() { this.x = 1; this.run(); }\nP.prototype.run = function () { target(); };`, 'construction via this.run()'],
    ['through self', `function P() { var self = this; self.x = 1; self.run(); }\nP.prototype.run = function () { target(); };`, 'construction via self.run()'],
    [
      'compiled method through _this',
      `var S = (function (_super) {\n  function S() {\n    var _this = _super.call(this) || this;\n    _this.x = 1;\n    _this.run();\n    return _this;\n  }\n  S.prototype.run = function () { target(); };\n  return S;\n}(Base));`,
      'construction via _this.run()',
    ],
    ['class method through an alias', `class A { constructor() { const self = this; self.run(); } run() { target(); } }`, 'construction via self.run()'],
    ['prototype method nobody calls in the constructor', `function P() { this.x = 1; }\nP.prototype.run = function () { target(); };`, 'later'],
    ['method called from a callback', `function P() { var self = this; self.x = 1; setTimeout(function () { self.run(); }); }\nP.prototype.run = function () { target(); };`, 'later'],
    ['a compiled async method: inside the helper callback', `function P() { this.x = 1; this.run(); }\nP.prototype.run = function () { return helper(this, function () { target(); }); };`, 'later'],
    ['a function that is no constructor', `function setup() { this.x = target(); }\nmodule.exports = setup;`, 'later'],
  ])('%s', (_name, code, expected) => {
    expect(when(code)).toBe(expected);
  });
});
