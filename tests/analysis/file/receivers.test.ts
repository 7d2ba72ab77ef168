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
    ['a let list', `import { fork } from 'node:child_process'; let list = [fork('a')]; for (const target of list) target.kill();`, undefined],
    ['a parameter of a function called with starts', `import { fork } from 'node:child_process'; const stop = (target) => { target.kill(); }; stop(fork('a'));`, 'child_process:fork.()'],
    ['a parameter of a function that escapes', `import { fork } from 'node:child_process'; function stop(target) { target.kill(); } stop(fork('a')); export { stop };`, undefined],
    ['a parameter given the module function itself', `import { fork } from 'node:child_process'; function stop(target) { target.kill(); } stop(fork);`, undefined],
    ['a parameter of parentPort', `import { parentPort } from 'node:worker_threads'; function stop(target) { target.kill(); } stop(parentPort);`, 'worker_threads:parentPort'],
    ['a field written with starts only', `import { fork } from 'node:child_process'; class A { a() { this.target = fork('a'); } b() { const target = this.target; target.kill(); } }`, 'child_process:fork.()'],
    ['a field declared empty', `import { fork } from 'node:child_process'; class A { target = null; a() { this.target = fork('a'); } b() { const target = this.target; target.kill(); } }`, 'child_process:fork.()'],
    ['a field declared with another value', `import { fork } from 'node:child_process'; class A { target = other(); a() { this.target = fork('a'); } b() { const target = this.target; target.kill(); } }`, undefined],
    ['a field also deleted', `import { fork } from 'node:child_process'; class A { a() { this.target = fork('a'); } b() { const target = this.target; delete this.target; target.kill(); } }`, undefined],
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
});
