import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { childChannelOf, processMessages } from '../../../src/analysis/questions/ipc-channels.js';
import { crossingProblems } from '../../../src/analysis/questions/ipc-payloads.js';
import type { Serialization } from '../../../src/analysis/catalog/vocabulary.js';
import { analyzeCode, nodeByText } from '../../support/analyze-code.js';
import type { Language } from '../../support/languages.js';

/** Each message as `channel/serialization: payload text`. */
function messages(code: string, language: Language = 'esm'): string[] {
  const analysis = analyzeCode(code, language);
  return processMessages(analysis).map(
    (message) => `${message.channel}/${message.serialization}: ${message.payload ? analysis.sourceCode.getText(message.payload) : '-'}`,
  );
}

const ESM = `import { fork, spawn } from 'node:child_process';\n`;
const CJS = `const { fork, spawn } = require('node:child_process');\n`;

describe('process messages', () => {
  it.each<[string, string, string[], Language?]>([
    ['a fork() child', `${ESM}const child = fork('w.js'); child.send(data);`, ['child/json: data']],
    ['a fork() child in CommonJS', `${CJS}const child = fork('w.js'); child.send(data);`, ['child/json: data'], 'cjs'],
    ['a fork() child in TypeScript', `${ESM}const child = fork('w.js'); child.send(data as unknown);`, ['child/json: data as unknown'], 'ts'],
    ['advanced serialization', `${ESM}fork('w.js', [], { serialization: 'advanced' }).send(data);`, ['child/advanced: data']],
    ['serialization from a constant', `${ESM}const mode = 'advanced'; fork('w.js', { serialization: mode }).send(1);`, ['child/advanced: 1']],
    ['an argv array before options', `${ESM}fork('w.js', process.argv.slice(2)).send(1);`, ['child/json: 1']],
    ['options the file does not show', `${ESM}fork('w.js', [], options).send(1);`, ['child/unknown: 1']],
    ['a spread in the options', `${ESM}fork('w.js', [], { ...options }).send(1);`, ['child/unknown: 1']],
    ['spread arguments', `${ESM}fork('w.js', ...rest).send(1);`, ['child/unknown: 1']],
    ['a serialization that is not a constant', `${ESM}fork('w.js', { serialization: mode }).send(1);`, ['child/unknown: 1']],
    ['spawn() with an ipc stdio entry', `${ESM}spawn('node', ['w.js'], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] }).send(1);`, ['child/json: 1']],
    ['spawn() without ipc', `${ESM}spawn('node', ['w.js'], { stdio: 'inherit' }).send(1);`, []],
    ['spawn() with unknown options', `${ESM}spawn('node', ['w.js'], options).send(1);`, []],
    ['process.send() in a child', `process.send({ ok: true });`, ['parent/json: { ok: true }']],
    ['a cluster worker', `import cluster from 'node:cluster';\ncluster.fork().send(1);`, ['cluster-worker/json: 1']],
    [
      'a cluster worker after setupPrimary()',
      `import cluster from 'node:cluster';\ncluster.setupPrimary({ serialization: 'advanced' });\ncluster.fork().send(1);`,
      ['cluster-worker/advanced: 1'],
    ],
    [
      'a cluster worker after disagreeing setups',
      `import cluster from 'node:cluster';\ncluster.setupPrimary({ serialization: 'advanced' });\ncluster.setupPrimary({ serialization: 'json' });\ncluster.fork().send(1);`,
      ['cluster-worker/unknown: 1'],
    ],
    ['a send() without a message', `${ESM}fork('w.js').send();`, ['child/json: -']],
    ['a local function called fork', `function fork() { return { send() {} }; }\nfork('w.js').send(1);`, []],
    ['a shadowed process', `function f(process) { process.send(1); }`, []],
    ['a literal computed send', `${ESM}fork('w.js')['send'](1);`, ['child/json: 1']],
    ['a computed member the file cannot name', `${ESM}fork('w.js')[method](1);`, []],
    ['another method of the child', `${ESM}fork('w.js').kill();`, []],
  ])('%s', (_name, code, expected, language) => {
    expect(messages(code, language)).toEqual(expected);
  });

  it('keeps an array second argument as a transfer list the channel cannot honour', () => {
    const analysis = analyzeCode(`${ESM}const list = [port]; fork('w.js').send(data, list); fork('w.js').send(data, socket);`);
    expect(processMessages(analysis).map((message) => message.transfer && analysis.sourceCode.getText(message.transfer))).toEqual([
      'list',
      undefined,
    ]);
  });

  it('answers the same list when asked twice', () => {
    const analysis = analyzeCode(`${ESM}fork('w.js').send(1);`);
    expect(processMessages(analysis)).toBe(processMessages(analysis));
  });
});

describe('process pools', () => {
  it.each<[string, string, string[]]>([
    [
      'a tinypool in child-process mode',
      `import Tinypool from 'tinypool';\nconst pool = new Tinypool({ runtime: 'child_process' });\npool.run(task);`,
      ['pool/json: task'],
    ],
    [
      'a tinypool with advanced serialization',
      `import Tinypool from 'tinypool';\nconst pool = new Tinypool({ runtime: 'child_process', serialization: 'advanced' });\npool.run(task);`,
      ['pool/advanced: task'],
    ],
    ['a tinypool of worker threads', `import Tinypool from 'tinypool';\nconst pool = new Tinypool({});\npool.run(task);`, []],
    [
      'a workerpool in process mode',
      `import workerpool from 'workerpool';\nconst pool = workerpool.pool('w.js', { workerType: 'process' });\npool.exec('method', [task]);`,
      ['pool/json: [task]'],
    ],
  ])('%s', (_name, code, expected) => {
    expect(messages(code)).toEqual(expected);
  });

  it('keeps the transfer property of a pool task', () => {
    const analysis = analyzeCode(
      `import Tinypool from 'tinypool';\nconst pool = new Tinypool({ runtime: 'child_process' });\npool.run(task, { transferList: [port] });`,
    );
    const [message] = processMessages(analysis);
    expect(message?.transfer && analysis.sourceCode.getText(message.transfer)).toBe('transferList: [port]');
    expect(message?.pool?.module).toBe('tinypool');
  });
});

describe('the channel of a started child', () => {
  function channel(code: string, callText: string): Serialization | undefined {
    const analysis = analyzeCode(`${ESM}${code}`);
    return childChannelOf(analysis, nodeByText(analysis, callText, 'CallExpression') as TSESTree.CallExpression);
  }

  it.each<[string, string, Serialization | undefined]>([
    [`fork('w.js');`, `fork('w.js')`, 'json'],
    [`fork('w.js', { serialization: 'advanced' });`, `fork('w.js', { serialization: 'advanced' })`, 'advanced'],
    [`fork('w.js', opts);`, `fork('w.js', opts)`, 'unknown'],
    [`spawn('node', [], { stdio: ['ipc'] });`, `spawn('node', [], { stdio: ['ipc'] })`, 'json'],
    [`spawn('node', []);`, `spawn('node', [])`, undefined],
    [`other('w.js');`, `other('w.js')`, undefined],
  ])('%s', (code, callText, expected) => {
    expect(channel(code, callText)).toBe(expected);
  });
});

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
