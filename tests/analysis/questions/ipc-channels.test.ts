import { describe, expect, it } from 'vitest';

import { processMessages } from '../../../src/analysis/questions/ipc-channels.js';
import { crossingProblems } from '../../../src/analysis/questions/ipc-payloads.js';
import { analyzeCode } from '../../support/analyze-code.js';
import type { Language } from '../../support/languages.js';

/** The structured-clone messages of a file: the receiver's text and what breaks in each. */
function cloneMessages(code: string, language: Language = 'esm') {
  const analysis = analyzeCode(code, language);
  return processMessages(analysis)
    .filter((message) => message.channel === 'thread')
    .map((message) => ({
      receiver: analysis.sourceCode.getText(message.call.callee),
      problems: message.payload ? crossingProblems(analysis, message.payload, message.serialization).map((problem) => `${problem.kind}:${problem.type}`) : [],
    }));
}

describe('postMessage channels', () => {
  it.each<[string, string, string, Language?]>([
    ['a worker_threads Worker', `import { Worker } from 'node:worker_threads'; const w = new Worker('./w.js'); w.postMessage(1);`, 'w.postMessage'],
    ['parentPort', `const { parentPort } = require('worker_threads'); parentPort.postMessage(1);`, 'parentPort.postMessage', 'cjs'],
    ['an optional parentPort', `import { parentPort } from 'node:worker_threads'; parentPort?.postMessage(1);`, 'parentPort?.postMessage'],
    ['a port of a worker_threads MessageChannel', `import { MessageChannel } from 'node:worker_threads'; const c = new MessageChannel(); c.port2.postMessage(1);`, 'c.port2.postMessage'],
    ['a worker_threads BroadcastChannel', `import { BroadcastChannel } from 'node:worker_threads'; new BroadcastChannel('b').postMessage(1);`, "new BroadcastChannel('b').postMessage"],
    ['a Web Worker', `const w = new Worker('./w.js'); w.postMessage(1);`, 'w.postMessage'],
    ['a destructured global MessageChannel port', `const { port1 } = new MessageChannel(); port1.postMessage(1);`, 'port1.postMessage'],
    ['a worker in a field', `import { Worker } from 'node:worker_threads';
class P { constructor() { this.w = new Worker('./w.js'); } send(x) { this.w.postMessage(x); } }`, 'this.w.postMessage'],
  ])('%s is a structured-clone channel', (_name, code, receiver, language) => {
    expect(cloneMessages(code, language).map((message) => message.receiver)).toEqual([receiver]);
  });

  it.each<[string, string]>([
    ['a parameter', `export function send(port, x) { port.postMessage(x); }`],
    ['window', `window.postMessage({}, '*');`],
    ['a local class named Worker', `class Worker { postMessage() {} } new Worker().postMessage(1);`],
    ['a reassigned variable', `let w = new Worker('./w.js'); w = other; w.postMessage(1);`],
  ])('%s is not provably a channel', (_name, code) => {
    expect(cloneMessages(code)).toEqual([]);
  });
});

describe('what a structured clone breaks', () => {
  const sent = (value: string, prelude = '') =>
    cloneMessages(`import { Worker } from 'node:worker_threads';
${prelude}
new Worker('./w.js').postMessage(${value});`)[0]?.problems;

  it('reports functions, methods and symbols', () => {
    expect(sent('{ a: () => 1, b() {}, c: Symbol("c") }')).toEqual(['function:function', 'function:function', 'symbol:Symbol']);
  });

  it('reports instances of classes the file declares, and Error subclasses as plain Errors', () => {
    expect(sent('[new A(), new B(), new E()]', 'class A {} const B = class extends A {}; class E extends TypeError {}')).toEqual([
      'prototype:A',
      'prototype:B',
      'prototype:E',
    ]);
  });

  it('keeps what the clone keeps', () => {
    expect(sent('{ m: new Map(), s: new Set(), d: new Date(), r: /x/, n: 1n, t: new Float64Array(2), e: new Error("x"), u: [undefined], j: { toJSON() { return 1; } } }')).toEqual([
      'function:function',
    ]);
  });

  it('does not judge a class from another module', () => {
    expect(sent('new Imported()', "import { Imported } from './imported.js';")).toEqual([]);
  });
});
