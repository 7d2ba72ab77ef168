import { describe, expect, it } from 'vitest';

import { analyzeCode, nodeByText } from '../../support/analyze-code.js';

/** When `target()` runs, with the text of the `via` call when there is one. */
function when(code: string): string {
  const analysis = analyzeCode(code);
  const execution = analysis.execution.executionOf(nodeByText(analysis, 'target()', 'CallExpression'));
  if (execution.when === 'later' || !execution.via) return execution.when;
  return `${execution.when} via ${analysis.sourceCode.getText(execution.via)}`;
}

describe('execution time', () => {
  it.each([
    ['top level', `target();`, 'module-load'],
    ['top-level await', `await target();`, 'module-load'],
    ['export default', `export default target();`, 'module-load'],
    ['block', `{ if (a) { for (;;) target(); } }`, 'module-load'],
    ['IIFE', `(() => { target(); })();`, 'module-load'],
    ['function IIFE', `(function () { target(); }());`, 'module-load'],
    ['call IIFE', `(function () { target(); }).call(this);`, 'module-load'],
    ['forEach', `[1].forEach(() => target());`, 'module-load'],
    ['map', `list.map(function () { return target(); });`, 'module-load'],
    ['Array.from', `Array.from(list, () => target());`, 'module-load'],
    ['Promise executor', `new Promise(() => target());`, 'module-load'],
    ['static block', `class A { static { target(); } }`, 'module-load'],
    ['static field', `class A { static x = target(); }`, 'module-load'],
    ['function called at top level', `function f() { target(); }\nf();`, 'module-load via f()'],
    ['const function called at top level', `const f = () => target();\nawait f();`, 'module-load via f()'],
    ['function called only later', `function f() { target(); }\nsetTimeout(f);`, 'later'],
    ['function called from a function', `function f() { target(); }\nfunction g() { f(); }\ng();`, 'later'],
    ['recursive function', `function f() { target(); f(); }`, 'later'],
    ['then callback', `p.then(() => target());`, 'later'],
    ['event handler', `process.on('exit', () => target());`, 'later'],
    ['exported function', `export function f() { target(); }`, 'later'],
    ['method', `class A { m() { target(); } }`, 'later'],
    ['constructor', `class A { constructor() { target(); } }`, 'construction'],
    ['instance field', `class A { x = target(); }`, 'construction'],
    ['this.m() from constructor', `class A { constructor() { this.m(); } m() { target(); } }`, 'construction via this.m()'],
    ['this.#m() from constructor', `class A { constructor() { this.#m(); } #m() { target(); } }`, 'construction via this.#m()'],
    ['arrow field from constructor', `class A { constructor() { this.m(); } m = () => { target(); }; }`, 'construction via this.m()'],
    ['chain of this.m() calls from constructor', `class A { constructor() { this.a(); } a() { this.b(); } b() { this.c(); } c() { target(); } }`, 'construction via this.a()'],
    ['chain through a recursive method', `class A { constructor() { this.a(); } a() { this.a(); this.b(); } b() { target(); } }`, 'construction via this.a()'],
    ['chain through an async method before its await', `class A { constructor() { this.a(); } async a() { this.b(); await x; } b() { target(); } }`, 'construction via this.a()'],
    ['chain through an arrow run at once', `class A { constructor() { this.a(); } a() { [1].forEach(() => this.b()); } b() { target(); } }`, 'construction via this.a()'],
    ['chain of an ES5 constructor function', `function A() { this.x = 1; this.a(); }\nA.prototype.a = function () { this.b(); };\nA.prototype.b = function () { target(); };`, 'construction via this.a()'],
    ['chain after an await', `class A { constructor() { this.a(); } async a() { await x; this.b(); } b() { target(); } }`, 'later'],
    ['chain through a timer', `class A { constructor() { this.a(); } a() { setTimeout(() => this.b(), 0); } b() { target(); } }`, 'later'],
    ['chain through a function callback, whose this is another', `class A { constructor() { this.a(); } a() { [1].forEach(function () { this.b(); }); } b() { target(); } }`, 'later'],
    ['method called in a constructor callback', `class A { constructor() { setTimeout(() => this.m()); } m() { target(); } }`, 'later'],
    ['static method', `class A { constructor() { A.m(); } static m() { target(); } }`, 'later'],
    ['nested function in constructor', `class A { constructor() { this.f = () => target(); } }`, 'later'],
  ])('%s', (_name, code, expected) => {
    expect(when(code)).toBe(expected);
  });

  it('follows eight this.m() calls from the constructor, and no more', () => {
    const chain = (count: number) => {
      const methods = Array.from({ length: count }, (_, index) => `m${index}() { ${index === count - 1 ? 'target();' : `this.m${index + 1}();`} }`);
      return `class A { constructor() { this.m0(); } ${methods.join(' ')} }`;
    };
    expect(when(chain(8))).toBe('construction via this.m0()');
    expect(when(chain(9))).toBe('later');
  });

  it('finds the top-level instantiation of a class', () => {
    const analysis = analyzeCode(`class A { constructor() { target(); } }\nexport const a = new A();\nclass B {}\nfunction make() { return new B(); }`);
    const [a, b] = analysis.sourceCode.ast.body.filter((node) => node.type === 'ClassDeclaration');
    expect(analysis.sourceCode.getText(analysis.execution.instantiationAtLoad(a!))).toBe('new A()');
    expect(analysis.execution.instantiationAtLoad(b!)).toBeUndefined();
  });
});
