import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { argumentFlows, type FileAnalysis } from '../../../src/analysis/index.js';
import { analyzeCode, allNodes } from '../../support/analyze-code.js';

/** The flows into the first argument of every `sink(…)` call: `argument text [path] via n name`. */
function flows(analysis: FileAnalysis): string[] {
  const sinks = allNodes(analysis)
    .filter((node): node is TSESTree.CallExpression => node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'sink')
    .flatMap((call) => (call.arguments[0] ? [{ argument: call.arguments[0] }] : []));
  return argumentFlows(analysis, sinks)
    .flows
    .map(({ argument, path, via, name }) => `${analysis.sourceCode.getText(argument)} [${path.join('.')}] via ${via.length} ${name}`)
    .sort();
}

describe('argument flow', () => {
  it('carries a parameter back to the calls that supply it, through wrappers of wrappers', () => {
    const analysis = analyzeCode(`const stop = (signal) => sink(signal);
function forward(signal) { return stop(signal); }
stop('SIGUSR1');
forward('SIGHUP');
function relay(signal) { forward(signal); }`);
    expect(flows(analysis)).toEqual(["'SIGHUP' [] via 2 forward", "'SIGUSR1' [] via 1 stop"]);
  });

  it('places the value inside the argument, and skips spreads before it', () => {
    const analysis = analyzeCode(`function post(task) { sink(task.data); }
post({ data: 1 });
post(...tasks);`, 'cjs');
    expect(flows(analysis)).toEqual(['{ data: 1 } [data] via 1 post']);
  });

  it('follows methods of the same class called on this, and methods of an object literal', () => {
    const analysis = analyzeCode(`class Pool {
  #tell(message: unknown) { sink(message); }
  static note(message: unknown) { sink(message); }
  run() { this.#tell('run'); setTimeout(() => this.#tell('later')); }
  static start() { this.note('start'); }
  stop() { this.note('not the static one'); }
}
const tools = { emit(message: unknown) { sink(message); } };
tools.emit('emit');`, 'ts');
    expect(flows(analysis)).toEqual(["'emit' [] via 1 tools.emit", "'later' [] via 1 this.#tell", "'run' [] via 1 this.#tell", "'start' [] via 1 this.note"]);
  });

  it('follows prototype methods of an ES5 constructor function called on this, unless the constructor writes them', () => {
    const analysis = analyzeCode(`function Pool() { this.size = 1; }
Pool.prototype.tell = function (message) { sink(message); };
Pool.prototype.run = function () { this.tell('run'); };
function Queue() { this.tell = function () {}; }
Queue.prototype.tell = function (message) { sink(message); };
Queue.prototype.run = function () { this.tell('not known'); };`);
    expect(flows(analysis)).toEqual(["'run' [] via 1 this.tell"]);
  });

  it('is unknown for a method the class writes on this, a reassigned parameter and a function it cannot name', () => {
    const analysis = analyzeCode(`class Pool {
  constructor() { this.tell = () => {}; }
  tell(message) { sink(message); }
  run() { this.tell('run'); }
}
function trimmed(message) { message = message.trim(); sink(message); }
trimmed(' x ');
[1, 2].forEach((value) => sink(value));`);
    expect(flows(analysis)).toEqual([]);
  });

  it('ends a recursive chain and one past the bound on intermediate calls', () => {
    const lines = [`function w0(value) { if (value) w0(value); sink(value); }`];
    for (let index = 1; index <= 12; index += 1) lines.push(`function w${index}(value) { return w${index - 1}(value); }`);
    lines.push(`w0('direct');`, `w7('seven');`, `w12('twelve');`);
    expect(flows(analyzeCode(lines.join('\n')))).toEqual(["'direct' [] via 1 w0", "'seven' [] via 8 w7"]);
  });
});
