import { describe, expect, it } from 'vitest';

import { refKey } from '../../../src/analysis/file/references.js';
import { analyzeCode, nodeByText } from '../../support/analyze-code.js';

/** What the reference index labels the receiver of `target.kill()` as. */
function labelOf(code: string, language: 'esm' | 'cjs' | 'ts' = 'esm'): string | undefined {
  const analysis = analyzeCode(code, language);
  const node = nodeByText(analysis, 'target.kill()', 'CallExpression');
  if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression') return undefined;
  const ref = analysis.references.refOf(node.callee.object);
  return ref && refKey(ref);
}

const PROVEN_HELPER = `var _createClass = (function () { function defineProperties(target, props) { for (var i = 0; i < props.length; i++) { var descriptor = props[i]; Object.defineProperty(target, descriptor.key, descriptor); } } return function (Constructor, protoProps) { if (protoProps) defineProperties(Constructor.prototype, protoProps); return Constructor; }; })();`;

/** A class as Babel compiles it, whose `reset` method writes `reset` to the field. */
function compiledClass(helper: string, reset: string): string {
  return `${helper}\nvar fork = require('child_process').fork;\nvar W = (function () {\n  function W() { this.target = fork('w'); }\n  _createClass(W, [{ key: 'reset', value: function reset() { this.target = ${reset}; } }, { key: 'stop', value: function stop() { var target = this.target; target.kill(); } }]);\n  return W;\n})();`;
}

describe('receivers known by how they were made', () => {
  it.each<[string, string, string | undefined, ('esm' | 'cjs' | 'ts')?]>([
    ['a let assigned once later', `import { fork } from 'node:child_process'; let target; target = fork('a'); target.kill();`, 'child_process:fork.()'],
    ['a let assigned the same start twice', `import { fork } from 'node:child_process'; let target = fork('a'); if (x) target = fork('b'); target.kill();`, 'child_process:fork.()'],
    ['a let assigned two kinds of start', `import { fork, spawn } from 'node:child_process'; let target = fork('a'); if (x) target = spawn('b'); target.kill();`, undefined],
    ['a let also emptied', `import { fork } from 'node:child_process'; let target = null; target = fork('a'); target = undefined; target.kill();`, 'child_process:fork.()'],
    ['a let also assigned something else', `import { fork } from 'node:child_process'; let target = fork('a'); target = other; target.kill();`, undefined],
    ['a let written by a compound assignment', `import { fork } from 'node:child_process'; let target = fork('a'); target ||= fork('b'); target = fork('c'); target.kill();`, undefined],
    ['an element of a list literal', `import { fork } from 'node:child_process'; const list = [fork('a')]; for (const target of list) target.kill();`, 'child_process:fork.()'],
    ['an element pushed', `const { Worker } = require('node:worker_threads'); const list = []; list.push(new Worker('w.js')); list.forEach((target) => { target.kill(); });`, 'worker_threads:Worker.new', 'cjs'],
    ['a list emptied and removed from', `import { fork } from 'node:child_process'; const list = [fork('a')]; list.pop(); list.length = 0; for (const target of list) target.kill();`, 'child_process:fork.()'],
    ['a list with an element set by index', `import { fork } from 'node:child_process'; const list = [fork('a')]; list[1] = other; for (const target of list) target.kill();`, undefined],
    ['a list passed on', `import { fork } from 'node:child_process'; const list = [fork('a')]; keep(list); for (const target of list) target.kill();`, undefined],
    ['a loop variable reassigned', `import { fork } from 'node:child_process'; const list = [fork('a')]; list.forEach((target) => { target = other; target.kill(); });`, undefined],
    ['a let list never reassigned', `import { fork } from 'node:child_process'; let list = [fork('a')]; for (const target of list) target.kill();`, 'child_process:fork.()'],
    ['a let list reassigned', `import { fork } from 'node:child_process'; let list = [fork('a')]; list = other; for (const target of list) target.kill();`, undefined],
    ['a var list filled by index, an element kept', `var fork = require('child_process').fork; var list = []; for (var i = 0; i < n; i++) { list[i] = list[i] || fork('w'); list[i].on('exit', f); } while (list.length) { var target = list.shift(); target.kill(); }`, 'child_process:fork.()', 'cjs'],
    ['a list filled by index and popped', `import { fork } from 'node:child_process'; const list = []; list[0] = fork('w'); const target = list.pop(); target.kill();`, 'child_process:fork.()'],
    ['a list filled by index, also given an unknown value', `var fork = require('child_process').fork; var list = []; for (var i = 0; i < n; i++) { list[i] = list[i] || fork('w'); } list[n] = other; var target = list.shift(); target.kill();`, undefined, 'cjs'],
    ['a list whose fallback is another list', `var fork = require('child_process').fork; var list = []; list[0] = others[0] || fork('w'); var target = list[0]; target.kill();`, undefined, 'cjs'],
    ['a list passed to a function that only reads it', `import { fork } from 'node:child_process'; const list = []; list[0] = fork('w'); function send(all) { all[all.length - 1].send(1); } send(list); const target = list.shift(); target.kill();`, 'child_process:fork.()'],
    ['a list passed to a function that adds to it', `import { fork } from 'node:child_process'; const list = []; list[0] = fork('w'); function add(all) { all.push(other); } add(list); const target = list.shift(); target.kill();`, undefined],
    ['a typed list filled by index', `import { fork, type ChildProcess } from 'node:child_process'; const list: ChildProcess[] = []; list[0] = list[0] || fork('w'); const target = list.shift()!; target.kill();`, 'child_process:fork.()', 'ts'],
    ['a parameter of a function called with starts', `import { fork } from 'node:child_process'; const stop = (target) => { target.kill(); }; stop(fork('a'));`, 'child_process:fork.()'],
    ['a parameter of a function that escapes', `import { fork } from 'node:child_process'; function stop(target) { target.kill(); } stop(fork('a')); export { stop };`, undefined],
    ['a parameter given the module function itself', `import { fork } from 'node:child_process'; function stop(target) { target.kill(); } stop(fork);`, undefined],
    ['a parameter of parentPort', `import { parentPort } from 'node:worker_threads'; function stop(target) { target.kill(); } stop(parentPort);`, 'worker_threads:parentPort'],
    ['a field written with starts only', `import { fork } from 'node:child_process'; class A { a() { this.target = fork('a'); } b() { const target = this.target; target.kill(); } }`, 'child_process:fork.()'],
    ['a field declared empty', `import { fork } from 'node:child_process'; class A { target = null; a() { this.target = fork('a'); } b() { const target = this.target; target.kill(); } }`, 'child_process:fork.()'],
    ['a field declared with another value', `import { fork } from 'node:child_process'; class A { target = other(); a() { this.target = fork('a'); } b() { const target = this.target; target.kill(); } }`, undefined],
    ['a field also deleted', `import { fork } from 'node:child_process'; class A { a() { this.target = fork('a'); } b() { const target = this.target; delete this.target; target.kill(); } }`, undefined],
    ['a field of a constructor function read in a prototype method', `var fork = require('child_process').fork; function W() { this.target = fork('w'); } W.prototype.stop = function () { var target = this.target; target.kill(); };`, 'child_process:fork.()', 'cjs'],
    ['a field of a prototype object method written through an alias', `var fork = require('child_process').fork; function W() { var self = this; self.target = fork('w'); } W.prototype = { stop: function () { var target = this.target; target.kill(); } };`, 'child_process:fork.()', 'cjs'],
    ['a field a prototype method writes with something else', `var fork = require('child_process').fork; function W() { this.target = fork('w'); } W.prototype.reset = function () { this.target = other; }; W.prototype.stop = function () { var target = this.target; target.kill(); };`, undefined, 'cjs'],
    ['a field a method writes through its own alias', `var fork = require('child_process').fork; function W() { this.target = fork('w'); } W.prototype.reset = function () { var self = this; self.target = other; }; W.prototype.stop = function () { var target = this.target; target.kill(); };`, undefined, 'cjs'],
    ['a field of a plain function', `var fork = require('child_process').fork; function setup() { this.target = fork('w'); var target = this.target; target.kill(); } setup.call(o);`, undefined, 'cjs'],
    ['a field of a compiled class', `import { fork } from 'node:child_process'; var W = /** @class */ (function () { function W() { this.target = fork('w'); } W.prototype.stop = function () { var target = this.target; target.kill(); }; return W; }());`, 'child_process:fork.()', 'ts'],
    ['a field of a compiled class with a proven helper', compiledClass(PROVEN_HELPER, 'null'), 'child_process:fork.()', 'cjs'],
    ['a field of a compiled class, a method writing something else', compiledClass(PROVEN_HELPER, 'other'), undefined, 'cjs'],
    ['a field of a compiled class with an imported helper', compiledClass(`var _createClass = require('@babel/runtime/helpers/createClass');`, 'null'), undefined, 'cjs'],
    ['a field of a compiled class with a helper defining elsewhere', compiledClass(PROVEN_HELPER.replace('Constructor.prototype', 'Constructor'), 'null'), undefined, 'cjs'],
  ])('%s', (_name, code, expected, language) => {
    expect(labelOf(code, language)).toBe(expected);
  });

  it('lists a list or a function once, however many children are put into it', () => {
    const pushes = Array.from({ length: 3000 }, (_, index) => `list.push(fork('w${index}.js')); stop(fork('s${index}.js'));`).join('\n');
    const code = `import { fork } from 'node:child_process';\nconst list = [];\nfunction stop(child) { child.kill(); }\n${pushes}\nfor (const target of list) target.kill();`;
    const started = performance.now();
    expect(labelOf(code)).toBe('child_process:fork.()');
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('lists the fields of a constructor function and a list filled by index once, however many methods and writes', () => {
    const methods = Array.from({ length: 2000 }, (_, index) => `W.prototype.m${index} = function () { this.target = fork('m${index}.js'); list[${index}] = list[${index}] || fork('l${index}.js'); };`).join('\n');
    const code = `var fork = require('child_process').fork;\nvar list = [];\nfunction W() { this.target = fork('w.js'); }\n${methods}\nW.prototype.stop = function () { var target = this.target; target.kill(); list.shift().kill(); };`;
    const started = performance.now();
    expect(labelOf(code, 'cjs')).toBe('child_process:fork.()');
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
