import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import rule from '../../src/rules/consistent-start-context.js';
import { ALL_FILES, cjs, cts, esm, languageOptionsFor, ts } from '../support/languages.js';
import { runRuleTests } from '../support/rule-tester.js';
import { typed } from '../support/typed.js';

const FORK_ADVICE = 'guard it with `process.send === undefined`';
const THREAD_ADVICE = 'guard it with `isMainThread`';
const CLUSTER_ADVICE = 'guard it with `cluster.isPrimary`';
const FORKS_AGAIN = 'the child forks again';
const STARTS_WORKER = 'the worker starts another';
const CLUSTER_THROWS = 'the worker calls `cluster.fork()`, which throws there';
const ADVANCED_CHILD = "create the process with `serialization: 'advanced'`";
/** A sharedThreadCheck report whose suggestion marks the worker (`output`). */
const sharedCheck = (line: number, column: number, output: string, marker = 'ownWorker', check?: string) => ({
  messageId: 'sharedThreadCheck' as const,
  line,
  column,
  ...(check === undefined ? {} : { data: { check } }),
  suggestions: [{ messageId: 'addWorkerDataMarker' as const, data: { marker }, output }],
});
/** A lossyJson report of a value a child sends to its parent with `process.send()`. */
const lossyToParent = (line: number, column: number, value: string, outcome: string) => ({
  messageId: 'lossyJson' as const,
  line,
  column,
  data: { value, channel: '`process.send()`', outcome, advanced: "have the parent start this process with `serialization: 'advanced'`" },
});

runRuleTests('consistent-start-context', rule, {
  valid: [
    // A send an assertion expects to throw: in a passing run it throws instead of sending.
    cjs(`const assert = require('node:assert');
const { fork } = require('node:child_process');
const { MessageChannel } = require('node:worker_threads');
const child = fork('./child.js');
assert.throws(() => child.send(Symbol()), { name: 'TypeError' });
const { port1 } = new MessageChannel();
assert.throws(() => port1.postMessage(() => {}), { name: 'DataCloneError' });`),
    // A module that exports nothing is started, never imported: only the workers it starts load it
    // in a thread, so `isMainThread` tells them apart (the invalid cases below export something).
    esm(`import { Worker, isMainThread, workerData } from 'node:worker_threads';
if (isMainThread) {
  for (const config of [{ index: 0 }, { index: 1 }]) new Worker(new URL(import.meta.url), { workerData: config });
} else {
  console.log(workerData.index);
}`),
    // A field a prototype method also sets to another value: not known to be the child.
    cjs(`var fork = require('child_process').fork;
function Indexer() { this.child = fork(require.resolve('./indexer')); }
Indexer.prototype.use = function (port) { this.child = port; };
Indexer.prototype.push = function (ids) { this.child.send({ seen: new Set(ids) }); };
module.exports = Indexer;`),
    // Messages sent through local functions: plain data at every call, or a value the file does not show.
    cjs(`const { fork } = require('child_process');
const child = fork('./child.js');
const post = (message) => child.send(message);
post({ type: 'ready', ids: [1, 2] });
post(options.message);`),
    ts(`import { fork, type ChildProcess } from 'node:child_process';
class Runner {
  private child: ChildProcess = fork('./child.js', { serialization: 'advanced' });
  private tell(message: unknown): void { process.send?.(message); }
  done(): void { this.tell({ type: 'done' }); }
}
export function notify(message: unknown): void { process.send?.(message); }`),
    // ---- (a) the guard of the right row.
    cjs(`const { fork } = require('child_process');
if (process.send === undefined) fork(__filename);`),
    cjs(`const { fork } = require('node:child_process');
if (!process.connected) fork(__filename);`),
    cjs(`const { fork } = require('child_process');
if (typeof process.send !== 'function') fork(__filename);`),
    // An argv/env marker the parent passes to the child.
    cjs(`const { fork } = require('child_process');
if (!process.argv.includes('--child')) fork(__filename, ['--child']);`),
    cjs(`const { fork } = require('child_process');
const { isMainThread } = require('worker_threads');
if (isMainThread && !process.env.INDEXER_CHILD) fork(__filename, [], { env: { INDEXER_CHILD: '1' } });`),
    // One check that the child fails is enough.
    cjs(`const { fork } = require('child_process');
const { isMainThread } = require('worker_threads');
if (isMainThread && process.send === undefined) fork(__filename);`),
    // An entry check that is false in the parent: the child, an entry point, does not fork again.
    cjs(`const { fork } = require('child_process');
if (require.main !== module) fork(__filename);`),
    // The main-thread row, with the marker this module sets for its own worker.
    esm(`import { Worker, isMainThread, workerData } from 'node:worker_threads';
if (isMainThread || workerData?.indexer !== true) new Worker(new URL(import.meta.url), { workerData: { indexer: true } });`),
    cjs(`const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');
if (!isMainThread && workerData && workerData.role === 'indexer') {
  parentPort.postMessage('ready');
} else {
  new Worker(__filename, { workerData: { role: 'indexer' } });
}`),
    cjs(`const { Worker, threadId, workerData } = require('worker_threads');
if (threadId === 0) new Worker(__filename, { workerData: { shard: 1 } });
else if (workerData.shard) run(workerData.shard);`),
    // An argv marker is a marker too.
    cjs(`const { Worker, parentPort } = require('worker_threads');
if (!parentPort || !process.argv.includes('--indexer')) new Worker(__filename, { argv: ['--indexer'] });`),
    // Inside a branch that already checked the marker.
    esm(`import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
if (workerData?.esbuildVersion === '0.19.0') {
  if (!isMainThread) parentPort.on('message', () => {});
}
export const start = () => new Worker(new URL(import.meta.url), { workerData: { esbuildVersion: '0.19.0' } });`),
    // A worker started from another file: the thread check is that file's business.
    esm(`import { Worker, isMainThread, parentPort } from 'node:worker_threads';
if (!isMainThread) parentPort.postMessage('ready');
export const start = () => new Worker(new URL('./worker.js', import.meta.url));`),
    esm(`import { Worker, isMainThread, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
if (process.argv[1] === fileURLToPath(import.meta.url) && (isMainThread || !workerData?.own)) new Worker(new URL(import.meta.url), { workerData: { own: true } });`),
    esm(`import cluster from 'node:cluster';
if (cluster.isPrimary) cluster.fork();`),
    cjs(`const cluster = require('cluster');
if (cluster.isMaster) for (let i = 0; i < 4; i++) cluster.fork();`),
    esm(`import cluster from 'cluster';
if (!cluster.isWorker) cluster.fork();`),
    esm(`import cluster from 'node:cluster';
if (cluster.isWorker) { /* serve */ } else { cluster.fork(); }`),
    // process.send is a function in a cluster worker too.
    cjs(`const cluster = require('cluster');
if (process.send === undefined) cluster.fork();`),
    ts(`import { Worker, isMainThread, workerData } from 'node:worker_threads';
if (isMainThread || workerData?.ownWorker !== true) new Worker(new URL(import.meta.url), { workerData: { ownWorker: true } });`),
    // napi-rs' shape: a thread check that only picks a word for a test title guards no code.
    esm(`import { Worker, isMainThread, workerData } from 'node:worker_threads';
const where = \`fs proxy (\${isMainThread ? 'main' : 'worker'})\`;
if (isMainThread || workerData?.ownWorker !== true) new Worker(new URL(import.meta.url), { workerData: { ownWorker: true, where } });`),
    // No guard at all: no-unguarded-self-spawn reports it.
    cjs(`const { fork } = require('child_process');
fork(__filename);`),
    // A disjunction proves nothing: no-unguarded-self-spawn's case too.
    cjs(`const { fork } = require('child_process');
const { isMainThread } = require('worker_threads');
if (isMainThread || process.env.FORCE) fork(__filename);`),
    // Only runs when called, maybe never in the child.
    cjs(`const { fork } = require('child_process');
const { isMainThread } = require('worker_threads');
exports.start = () => {
  if (isMainThread) fork(__filename);
};`),
    // Not this module.
    cjs(`const { fork } = require('child_process');
const { isMainThread } = require('worker_threads');
if (isMainThread) fork(require.resolve('./indexer'));`),
    esm(`import cluster from 'node:cluster';
import { isMainThread } from 'node:worker_threads';
cluster.setupPrimary({ exec: new URL('./worker.js', import.meta.url).pathname });
if (isMainThread) cluster.fork();`),
    // A local function named fork.
    cjs(`const { isMainThread } = require('worker_threads');
function fork(file) { return file; }
if (isMainThread) fork(__filename);`),

    // ---- (b) what crosses process IPC.
    // Worker threads use structured clone with transfer lists: all of this arrives.
    esm(`import { Worker, MessageChannel } from 'node:worker_threads';
const worker = new Worker(new URL('./worker.js', import.meta.url));
const { port1, port2 } = new MessageChannel();
worker.postMessage({ counter: new SharedArrayBuffer(8), seen: new Set(), port: port1, big: 1n }, [port1]);
port2.postMessage(new Map());`),
    cjs(`const { parentPort } = require('worker_threads');
parentPort.postMessage({ seen: new Set([1]), at: new Date() });`),
    // JSON-shaped messages.
    cjs(`const { fork } = require('child_process');
const child = fork(require.resolve('./indexer'));
const ids = ['a', 'b'];
child.send({ type: 'index', ids: [...ids], at: Date.now(), when: new Date().toISOString(), meta: { retries: 3, tag: \`x\${ids.length}\` } });
child.send([1, 'two', null, true, { nested: [] }]);
child.send('ping');`),
    // Handle passing: a socket or server as second argument.
    cjs(`const { fork } = require('child_process');
const net = require('net');
const child = fork(require.resolve('./worker'));
const server = net.createServer((socket) => child.send('socket', socket));
server.listen(0, () => child.send('server', server));`),
    esm(`import { fork } from 'node:child_process';
const child = fork('./a.js');
child.send({ done: true }, undefined, { keepOpen: true }, () => {});`),
    // 'advanced' serialization keeps Map, Set, Date, BigInt, typed arrays.
    cjs(`const { fork } = require('node:child_process');
const adv = fork(require.resolve('./indexer'), [], { serialization: 'advanced' });
adv.send({ seen: new Set(ids), byId: new Map(), at: new Date(), total: 10n, bytes: new Uint8Array(4), err: new Error('x') });`),
    esm(`import { fork } from 'node:child_process';
const options = { serialization: 'advanced', stdio: 'inherit' };
const child = fork('./a.js', ['--x'], options);
child.send(new Map());`),
    esm(`import cluster from 'node:cluster';
cluster.setupPrimary({ serialization: 'advanced' });
if (cluster.isPrimary) {
  const worker = cluster.fork();
  worker.send({ seen: new Set(), big: 2n });
}`),
    // The file forks itself with 'advanced': its process.send() uses it too.
    cjs(`const { fork } = require('child_process');
if (process.send === undefined) fork(__filename, [], { serialization: 'advanced' });
else process.send({ seen: new Set([1]) });`),
    // Options the file does not show: the serialization is unknown, so lossy values are not reported.
    esm(`import { fork } from 'node:child_process';
export function start(options) {
  const child = fork('./a.js', [], options);
  child.send({ seen: new Set(), big: 1n });
}`),
    esm(`import { fork } from 'node:child_process';
const child = fork('./a.js', argsFor('a'));
child.send(new Map());`),
    // spawn without an 'ipc' stdio entry has no IPC channel.
    esm(`import { spawn } from 'node:child_process';
const child = spawn(process.execPath, ['a.js'], { stdio: 'inherit' });
child.send?.(new Map());`),
    // Lossy values are opt-out.
    esm(`import { fork } from 'node:child_process';
const child = fork('./a.js');
child.send({ seen: new Set(), at: new Date() });`, { options: [{ checkLossyJson: false, workerDataMarker: 'ownWorker' }] as const }),
    // A local class named Map, a spread of a Set into an array, an object with its own toJSON.
    esm(`import { fork } from 'node:child_process';
class Map { constructor() { this.entries = []; } }
const child = fork('./a.js');
const seen = new Set([1, 2]);
child.send({ byId: new Map(), seen: [...seen], list: Array.from(seen) });
child.send({ toJSON() { return { ok: true }; }, cache: new Map() });`),
    // A message changed after it was written: the literal no longer tells what is sent.
    cjs(`const { fork } = require('child_process');
const child = fork('./a.js');
const message = { seen: new Set([1]) };
message.seen = [...message.seen];
child.send(message);`),
    // A function parameter: unknown.
    cjs(`const { fork } = require('child_process');
const child = fork('./a.js');
module.exports = (payload) => child.send(payload);`),
    // A local fork.
    cjs(`function fork() { return { send() {} }; }
fork('./a.js').send(new Map());`),
    // What a caught error says, as plain data: JSON-safe.
    cjs(`process.on('message', async (task) => {
  try {
    process.send({ id: task.id, result: await run(task) });
  } catch (error) {
    process.send({ id: task.id, error: { message: error.message, stack: error.stack } });
  }
});`),
    esm(`import { fork } from 'node:child_process';
const child = fork('./child.js');
load().catch((err) => child.send({ type: 'error', message: String(err) }));
load().then((value) => child.send({ value }));
child.send([1, null, 3]);`),
    // A catch parameter assigned again, and a local variable named like the global.
    esm(`import { fork } from 'node:child_process';
const child = fork('./child.js');
try { load(); } catch (error) { error = { message: 'failed' }; child.send(error); }
function send(undefined) { child.send([undefined]); }`),
    // An arrow function has no arguments of its own; 'advanced' keeps an Error.
    esm(`import { fork } from 'node:child_process';
const child = fork('./child.js', { serialization: 'advanced' });
load().catch((err) => child.send(err));`),
    // An Error whose fields are made enumerable, given a toJSON, or handed to code the file does not
    // show before the send: what JSON makes of it is no longer known.
    cjs(`load().catch((err) => {
  Object.defineProperty(err, 'message', { enumerable: true });
  Object.defineProperty(err, 'stack', { enumerable: true });
  process.send({ type: 'result', error: err });
});`),
    esm(`import { fork } from 'node:child_process';
const child = fork('./child.js');
try { load(); } catch (error) { error.toJSON = () => ({ message: error.message }); child.send(error); }
try { load(); } catch (error) { serializable(error); child.send({ error }); }`),
    // A test of the caught value's type decides what it is where it is sent: not an Error.
    cjs(`module.exports = (command) => command.execute()
  .catch((err) => {
    if (!(err instanceof Error)) {
      return process.send(err);
    }
    process.send({ logs: [err.stack] });
  });
try { run(); } catch (error) { if (error instanceof Error) throw error; process.send({ error }); }
try { run(); } catch (error) { if (typeof error === 'string') process.send({ error }); }
try { run(); } catch (error) { process.send(error instanceof Error ? { message: error.message } : error); }
try { run(); } catch (error) { !(error instanceof Error) && process.send(error); }`),
    // A serializer hook on Error.prototype: JSON sends what its toJSON returns.
    cjs(`if (!('toJSON' in Error.prototype)) {
  Object.defineProperty(Error.prototype, 'toJSON', {
    value() { return { name: this.name, message: this.message, stack: this.stack }; },
    configurable: true,
  });
}
process.on('message', async (task) => {
  try { await run(task); } catch (error) { process.send({ id: task.id, error }); }
});`),
    ts(`import { fork } from 'node:child_process';
(Error.prototype as any).toJSON = function (this: Error) { return { message: this.message }; };
BigInt.prototype.toJSON = function () { return this.toString(); };
const child = fork('./child.js');
load().catch((err: unknown) => child.send({ err, total: 10n, failure: new TypeError('x') }));`),
    // Type information: JSON-shaped types, any and unknown decide nothing.
    typed(`import { fork } from 'node:child_process';
interface Row { id: string; createdAt: string; tags: string[] }
const child = fork('./child.js');
export function push(row: Row, raw: any, data: unknown, rows: Row[]): void {
  child.send(row);
  child.send(raw);
  child.send(data);
  child.send(rows);
  child.send({ at: new Date().toISOString() });
}`),
    typed(`import { fork } from 'node:child_process';
const child = fork('./child.js', [], { serialization: 'advanced' });
export function push(cache: Map<string, number>, total: bigint): void {
  child.send({ cache, total });
}`),
    // Without type information the declared type is not read.
    ts(`import { fork } from 'node:child_process';
const child = fork('./child.js');
export function push(cache: Map<string, number>): void {
  child.send(cache);
}`),

    esm(`import { spawn } from 'node:child_process';
const child = spawn(process.execPath, ['w.js'], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'], serialization: 'advanced' });
child.send({ seen: new Set(), at: new Date() });`),
    // ---- (c) pools.
    // Thread pools: transfer lists and shared memory are their point.
    esm(`import Tinypool from 'tinypool';
const pool = new Tinypool({ filename: new URL('./task.js', import.meta.url).href });
const buffer = new ArrayBuffer(8);
await pool.run({ sab: new SharedArrayBuffer(8), seen: new Set(), buffer }, { transferList: [buffer] });`),
    esm(`import workerpool from 'workerpool';
const pool = workerpool.pool('./task.js', { workerType: 'thread' });
await pool.exec('sum', [new Map(), 1n], { transfer: [buf] });`),
    esm(`import workerpool from 'workerpool';
const pool = workerpool.pool('./task.js');
await pool.exec('sum', [new Map()], { transfer: [buf] });`),
    // Process pools with 'advanced' serialization keep Map and BigInt.
    esm(`import { Tinypool } from 'tinypool';
const pool = new Tinypool({ filename: './task.js', runtime: 'child_process', serialization: 'advanced' });
await pool.run({ seen: new Set(), big: 1n, at: new Date() });`),
    esm(`import workerpool from 'workerpool';
const pool = workerpool.pool('./task.js', { workerType: 'process', forkOpts: { serialization: 'advanced' } });
await pool.exec('sum', [new Map(), 1n]);`),
    // A pool created elsewhere.
    esm(`export async function run(pool, buffer) {
  await pool.run({ buffer }, { transferList: [buffer] });
}`),
    ts(`import Tinypool from 'tinypool';
const pool = new Tinypool({ filename: './task.js', runtime: 'worker_threads' });
export const run = (data: Uint8Array) => pool.run({ data }, { transferList: [data.buffer] });`),
  ],
  invalid: [
    {
      // Reported twin: assert.doesNotThrow expects the send to go through.
      ...cjs(`const assert = require('node:assert');
const { MessageChannel } = require('node:worker_threads');
const { port1 } = new MessageChannel();
assert.doesNotThrow(() => port1.postMessage(() => {}));`),
      errors: [{ messageId: 'functionValue', line: 4 }],
    },
    // ======== Messages sent through local functions: reported where the value is passed.
    {
      ...cjs(`const { fork } = require('child_process');
const child = fork('./child.js');
const post = (message) => child.send(message);
function report(message) { post(message); }
report({ seen: new Set([1]) });`),
      errors: [
        {
          messageId: 'lossyJson',
          line: 5,
          column: 16,
          data: { value: 'A `Set`', channel: '`child.send()` at line 3 through report()', outcome: 'arrives as `{}`', advanced: ADVANCED_CHILD },
        },
      ],
    },
    {
      ...ts(`class Reporter {
  private tell(message: unknown): void { process.send?.(message); }
  fail(error: unknown): void { this.tell({ error, retry: () => 1 }); }
}
const tools = { emit(message: unknown) { process.send?.(message); } };
tools.emit(10n);`),
      errors: [
        { messageId: 'functionValue', line: 3, column: 58, data: { channel: '`process.send()` at line 2 through this.tell()', outcome: 'is dropped (the key disappears, an array slot becomes `null`)' } },
        { messageId: 'bigint', line: 6, column: 12 },
      ],
    },
    // ======== (a) a guard from the wrong row.
    {
      ...cjs(`const { fork } = require('child_process');
const { isMainThread } = require('worker_threads');
if (isMainThread) fork(__filename);`),
      errors: [
        {
          messageId: 'wrongGuard',
          line: 3,
          column: 19,
          data: {
            name: 'fork()',
            guard: '`isMainThread`',
            child: 'a Node.js child process',
            consequence: FORKS_AGAIN,
            advice: FORK_ADVICE,
          },
          suggestions: [
            {
              messageId: 'useGuard',
              data: { guard: 'process.send === undefined', wrong: 'isMainThread' },
              output: `const { fork } = require('child_process');
const { isMainThread } = require('worker_threads');
if (process.send === undefined) fork(__filename);`,
            },
          ],
        },
      ],
    },
    {
      ...esm(`import { fork } from 'node:child_process';
import cluster from 'node:cluster';
if (cluster.isPrimary) {
  fork(new URL(import.meta.url), ['--index']);
}`),
      errors: [
        {
          messageId: 'wrongGuard',
          line: 4,
          column: 3,
          data: {
            name: 'fork()',
            guard: '`cluster.isPrimary`',
            child: 'a Node.js child process',
            consequence: FORKS_AGAIN,
            advice: FORK_ADVICE,
          },
          suggestions: [
            {
              messageId: 'useGuard',
              data: { guard: 'process.send === undefined', wrong: 'cluster.isPrimary' },
              output: `import { fork } from 'node:child_process';
import cluster from 'node:cluster';
if (process.send === undefined) {
  fork(new URL(import.meta.url), ['--index']);
}`,
            },
          ],
        },
      ],
    },
    {
      // rvagg/node-worker-farm#48: the cluster flag used in fork children.
      ...cjs(`const childProcess = require('child_process');
const cluster = require('cluster');
const self = __filename;
if (cluster.isMaster) childProcess.fork(self);`),
      errors: [
        {
          messageId: 'wrongGuard',
          line: 4,
          column: 23,
          suggestions: [
            {
              messageId: 'useGuard',
              data: { guard: 'process.send === undefined', wrong: 'cluster.isMaster' },
              output: `const childProcess = require('child_process');
const cluster = require('cluster');
const self = __filename;
if (process.send === undefined) childProcess.fork(self);`,
            },
          ],
        },
      ],
    },
    {
      // An early exit inside a function called at the top level.
      ...cjs(`const { fork } = require('child_process');
const { isMainThread } = require('worker_threads');
function main() {
  if (!isMainThread) return;
  fork(__filename);
}
main();`),
      errors: [
        {
          messageId: 'wrongGuard',
          line: 5,
          column: 3,
          data: {
            name: 'fork()',
            guard: '`!isMainThread`',
            child: 'a Node.js child process',
            consequence: FORKS_AGAIN,
            advice: FORK_ADVICE,
          },
          suggestions: [
            {
              messageId: 'useGuard',
              data: { guard: 'process.send === undefined', wrong: 'isMainThread' },
              output: `const { fork } = require('child_process');
const { isMainThread } = require('worker_threads');
function main() {
  if (!(process.send === undefined)) return;
  fork(__filename);
}
main();`,
            },
          ],
        },
      ],
    },
    {
      // The same check on the canonical script path.
      ...cjs(`const { fork } = require('child_process');
const { realpathSync } = require('fs');
if (realpathSync(process.argv[1]) === __filename) fork(__filename);`),
      errors: [
        {
          messageId: 'wrongGuard',
          line: 3,
          column: 51,
          data: {
            name: 'fork()',
            guard: '`realpathSync(process.argv[1]) === __filename`',
            child: 'a Node.js child process',
            consequence: FORKS_AGAIN,
            advice: FORK_ADVICE,
          },
          suggestions: [
            {
              messageId: 'useGuard',
              data: { guard: 'realpathSync(process.argv[1]) === __filename && process.send === undefined', wrong: 'realpathSync(process.argv[1]) === __filename' },
              output: `const { fork } = require('child_process');
const { realpathSync } = require('fs');
if (realpathSync(process.argv[1]) === __filename && process.send === undefined) fork(__filename);`,
            },
          ],
        },
      ],
    },
    {
      // An entry check keeps its job; the guard is added to it.
      ...cjs(`const { fork } = require('child_process');
if (require.main === module) fork(__filename);`),
      errors: [
        {
          messageId: 'wrongGuard',
          line: 2,
          column: 30,
          data: {
            name: 'fork()',
            guard: '`require.main === module`',
            child: 'a Node.js child process',
            consequence: FORKS_AGAIN,
            advice: FORK_ADVICE,
          },
          suggestions: [
            {
              messageId: 'useGuard',
              data: { guard: 'require.main === module && process.send === undefined', wrong: 'require.main === module' },
              output: `const { fork } = require('child_process');
if (require.main === module && process.send === undefined) fork(__filename);`,
            },
          ],
        },
      ],
    },
    {
      ...esm(`import { Worker } from 'node:worker_threads';
import cluster from 'node:cluster';
if (cluster.isPrimary) new Worker(new URL(import.meta.url));`),
      errors: [
        {
          messageId: 'wrongGuard',
          line: 3,
          column: 24,
          data: {
            name: 'new Worker()',
            guard: '`cluster.isPrimary`',
            child: 'a worker thread',
            consequence: STARTS_WORKER,
            advice: THREAD_ADVICE,
          },
          suggestions: [
            {
              messageId: 'useGuard',
              data: { guard: 'isMainThread', wrong: 'cluster.isPrimary' },
              output: `import { Worker, isMainThread } from 'node:worker_threads';
import cluster from 'node:cluster';
if (isMainThread) new Worker(new URL(import.meta.url));`,
            },
          ],
        },
      ],
    },
    {
      ...cjs(`const { Worker } = require('node:worker_threads');
if (require.main === module) {
  new Worker(__filename, { workerData: { shard: 1 } });
}`),
      errors: [
        {
          messageId: 'wrongGuard',
          line: 3,
          column: 3,
          suggestions: [
            {
              messageId: 'useGuard',
              data: { guard: 'require.main === module && isMainThread', wrong: 'require.main === module' },
              output: `const { Worker, isMainThread } = require('node:worker_threads');
if (require.main === module && isMainThread) {
  new Worker(__filename, { workerData: { shard: 1 } });
}`,
            },
          ],
        },
      ],
    },
    {
      // The argv[1] idiom is true inside a worker thread too.
      ...esm(`import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  new Worker(new URL(import.meta.url));
}`),
      errors: [
        {
          messageId: 'wrongGuard',
          line: 4,
          column: 3,
          data: {
            name: 'new Worker()',
            guard: '`process.argv[1] === fileURLToPath(import.meta.url)`',
            child: 'a worker thread',
            consequence: STARTS_WORKER,
            advice: THREAD_ADVICE,
          },
          suggestions: [
            {
              messageId: 'useGuard',
              data: {
                guard: 'process.argv[1] === fileURLToPath(import.meta.url) && isMainThread',
                wrong: 'process.argv[1] === fileURLToPath(import.meta.url)',
              },
              output: `import { Worker, isMainThread } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
if (process.argv[1] === fileURLToPath(import.meta.url) && isMainThread) {
  new Worker(new URL(import.meta.url));
}`,
            },
          ],
        },
      ],
    },
    {
      // The idiom through a constant.
      ...esm(`import * as threads from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
const isEntry = process.argv[1] === fileURLToPath(import.meta.url);
if (isEntry) new threads.Worker(fileURLToPath(import.meta.url));`),
      errors: [
        {
          messageId: 'wrongGuard',
          line: 4,
          column: 14,
          suggestions: [
            {
              messageId: 'useGuard',
              data: { guard: 'isEntry && threads.isMainThread', wrong: 'isEntry' },
              output: `import * as threads from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
const isEntry = process.argv[1] === fileURLToPath(import.meta.url);
if (isEntry && threads.isMainThread) new threads.Worker(fileURLToPath(import.meta.url));`,
            },
          ],
        },
      ],
    },
    {
      ...cjs(`const cluster = require('cluster');
const { Worker } = require('worker_threads');
if (!cluster.isWorker) new Worker(__filename);`),
      errors: [
        {
          messageId: 'wrongGuard',
          line: 3,
          column: 24,
          data: {
            name: 'new Worker()',
            guard: '`!cluster.isWorker`',
            child: 'a worker thread',
            consequence: STARTS_WORKER,
            advice: THREAD_ADVICE,
          },
          suggestions: [
            {
              messageId: 'useGuard',
              data: { guard: 'isMainThread', wrong: '!cluster.isWorker' },
              output: `const cluster = require('cluster');
const { Worker, isMainThread } = require('worker_threads');
if (isMainThread) new Worker(__filename);`,
            },
          ],
        },
      ],
    },
    {
      // process.send is undefined in a worker thread too.
      ...esm(`import { Worker, isMainThread as mainThread } from 'node:worker_threads';
if (process.send === undefined) new Worker(new URL(import.meta.url));`),
      errors: [
        {
          messageId: 'wrongGuard',
          line: 2,
          column: 33,
          suggestions: [
            {
              messageId: 'useGuard',
              data: { guard: 'mainThread', wrong: 'process.send === undefined' },
              output: `import { Worker, isMainThread as mainThread } from 'node:worker_threads';
if (mainThread) new Worker(new URL(import.meta.url));`,
            },
          ],
        },
      ],
    },
    {
      ...esm(`import cluster from 'node:cluster';
import { isMainThread } from 'node:worker_threads';
if (isMainThread) {
  for (let i = 0; i < 4; i += 1) cluster.fork();
}`),
      errors: [
        {
          messageId: 'wrongGuard',
          line: 4,
          column: 34,
          data: {
            name: 'cluster.fork()',
            guard: '`isMainThread`',
            child: 'a cluster worker',
            consequence: CLUSTER_THROWS,
            advice: CLUSTER_ADVICE,
          },
          suggestions: [
            {
              messageId: 'useGuard',
              data: { guard: 'cluster.isPrimary', wrong: 'isMainThread' },
              output: `import cluster from 'node:cluster';
import { isMainThread } from 'node:worker_threads';
if (cluster.isPrimary) {
  for (let i = 0; i < 4; i += 1) cluster.fork();
}`,
            },
          ],
        },
      ],
    },
    {
      ...cjs(`const cluster = require('node:cluster');
if (require.main === module) cluster.fork();`),
      errors: [
        {
          messageId: 'wrongGuard',
          line: 2,
          column: 30,
          suggestions: [
            {
              messageId: 'useGuard',
              data: { guard: 'require.main === module && cluster.isPrimary', wrong: 'require.main === module' },
              output: `const cluster = require('node:cluster');
if (require.main === module && cluster.isPrimary) cluster.fork();`,
            },
          ],
        },
      ],
    },
    {
      // Two wrong checks: no single condition to swap.
      ...cjs(`const { fork } = require('child_process');
const { isMainThread } = require('worker_threads');
const cluster = require('cluster');
if (isMainThread && cluster.isPrimary) fork(__filename);`),
      errors: [
        {
          messageId: 'wrongGuard',
          line: 4,
          column: 40,
          data: {
            name: 'fork()',
            guard: '`isMainThread` and `cluster.isPrimary`',
            child: 'a Node.js child process',
            consequence: FORKS_AGAIN,
            advice: FORK_ADVICE,
          },
          suggestions: [],
        },
      ],
    },
    {
      // The same check is right for the worker: swapping it would break that guard.
      ...esm(`import { fork } from 'node:child_process';
import { Worker, isMainThread } from 'node:worker_threads';
if (isMainThread) {
  fork(new URL(import.meta.url));
  new Worker(new URL(import.meta.url));
}
export const started = true;`),
      errors: [
        sharedCheck(3, 5, `import { fork } from 'node:child_process';
import { Worker, isMainThread, workerData } from 'node:worker_threads';
if (isMainThread || workerData?.ownWorker !== true) {
  fork(new URL(import.meta.url));
  new Worker(new URL(import.meta.url), { workerData: { ownWorker: true } });
}
export const started = true;`),
        { messageId: 'wrongGuard', line: 4, column: 3, suggestions: [] },
      ],
    },
    {
      // A check that selects the child and exits: not rewritten.
      ...cjs(`const cluster = require('cluster');
const { Worker } = require('worker_threads');
function main() {
  if (cluster.isWorker) return;
  new Worker(__filename);
}
main();`),
      errors: [
        {
          messageId: 'wrongGuard',
          line: 5,
          column: 3,
          data: {
            name: 'new Worker()',
            guard: '`cluster.isWorker`',
            child: 'a worker thread',
            consequence: STARTS_WORKER,
            advice: THREAD_ADVICE,
          },
          suggestions: [],
        },
      ],
    },
    {
      // The guard is at the call of the local function that forks.
      ...cjs(`const { fork } = require('child_process');
const cluster = require('cluster');
function start() {
  return fork(__filename);
}
if (cluster.isPrimary) start();`),
      errors: [
        {
          messageId: 'wrongGuard',
          line: 4,
          column: 10,
          suggestions: [
            {
              messageId: 'useGuard',
              data: { guard: 'process.send === undefined', wrong: 'cluster.isPrimary' },
              output: `const { fork } = require('child_process');
const cluster = require('cluster');
function start() {
  return fork(__filename);
}
if (process.send === undefined) start();`,
            },
          ],
        },
      ],
    },
    {
      // Construction at load.
      ...cjs(`const { fork } = require('child_process');
const { isMainThread } = require('worker_threads');
class Indexer {
  constructor() {
    if (isMainThread) this.child = fork(__filename);
  }
}
const indexer = new Indexer();`),
      errors: [
        {
          messageId: 'wrongGuard',
          line: 5,
          column: 36,
          suggestions: [
            {
              messageId: 'useGuard',
              data: { guard: 'process.send === undefined', wrong: 'isMainThread' },
              output: `const { fork } = require('child_process');
const { isMainThread } = require('worker_threads');
class Indexer {
  constructor() {
    if (process.send === undefined) this.child = fork(__filename);
  }
}
const indexer = new Indexer();`,
            },
          ],
        },
      ],
    },
    {
      // An alias, a ternary and a short-circuit.
      ...esm(`import * as cp from 'node:child_process';
import * as wt from 'node:worker_threads';
const isMain = wt.isMainThread;
const child = isMain ? cp.fork(import.meta.filename) : undefined;`),
      errors: [
        {
          messageId: 'wrongGuard',
          line: 4,
          column: 24,
          suggestions: [
            {
              messageId: 'useGuard',
              data: { guard: 'process.send === undefined', wrong: 'isMain' },
              output: `import * as cp from 'node:child_process';
import * as wt from 'node:worker_threads';
const isMain = wt.isMainThread;
const child = process.send === undefined ? cp.fork(import.meta.filename) : undefined;`,
            },
          ],
        },
      ],
    },
    {
      ...cjs(`const { fork } = require('child_process');
const { isMainThread } = require('worker_threads');
isMainThread && fork(__filename);`),
      errors: [
        {
          messageId: 'wrongGuard',
          line: 3,
          column: 17,
          suggestions: [
            {
              messageId: 'useGuard',
              data: { guard: 'process.send === undefined', wrong: 'isMainThread' },
              output: `const { fork } = require('child_process');
const { isMainThread } = require('worker_threads');
process.send === undefined && fork(__filename);`,
            },
          ],
        },
      ],
    },
    {
      ...ts(`import { fork } from 'node:child_process';
import { isMainThread } from 'node:worker_threads';
if (isMainThread) {
  fork(__filename);
}`),
      errors: [
        {
          messageId: 'wrongGuard',
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: 'useGuard',
              data: { guard: 'process.send === undefined', wrong: 'isMainThread' },
              output: `import { fork } from 'node:child_process';
import { isMainThread } from 'node:worker_threads';
if (process.send === undefined) {
  fork(__filename);
}`,
            },
          ],
        },
      ],
    },
    {
      ...ts(`import { Worker } from 'node:worker_threads';
import cluster from 'node:cluster';
if (cluster.isPrimary) {
  const worker: Worker = new Worker(new URL(import.meta.url));
  worker.unref();
}`),
      errors: [
        {
          messageId: 'wrongGuard',
          line: 4,
          column: 26,
          suggestions: [
            {
              messageId: 'useGuard',
              data: { guard: 'isMainThread', wrong: 'cluster.isPrimary' },
              output: `import { Worker, isMainThread } from 'node:worker_threads';
import cluster from 'node:cluster';
if (isMainThread) {
  const worker: Worker = new Worker(new URL(import.meta.url));
  worker.unref();
}`,
            },
          ],
        },
      ],
    },
    {
      ...ts(`import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { isMainThread } from 'node:worker_threads';
if (isMainThread as boolean) {
  for (let i = 0; i < availableParallelism(); i += 1) cluster.fork();
}`),
      errors: [
        {
          messageId: 'wrongGuard',
          line: 5,
          column: 55,
          suggestions: [
            {
              messageId: 'useGuard',
              data: { guard: 'cluster.isPrimary', wrong: 'isMainThread' },
              output: `import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { isMainThread } from 'node:worker_threads';
if (cluster.isPrimary as boolean) {
  for (let i = 0; i < availableParallelism(); i += 1) cluster.fork();
}`,
            },
          ],
        },
      ],
    },
    {
      ...cts(`import { Worker } from 'node:worker_threads';
if (require.main === module) new Worker(__filename);`),
      errors: [
        {
          messageId: 'wrongGuard',
          line: 2,
          column: 30,
          suggestions: [
            {
              messageId: 'useGuard',
              data: { guard: 'require.main === module && isMainThread', wrong: 'require.main === module' },
              output: `import { Worker, isMainThread } from 'node:worker_threads';
if (require.main === module && isMainThread) new Worker(__filename);`,
            },
          ],
        },
      ],
    },

    // ======== (a') a self-started worker told apart by the main-thread row alone.
    {
      // A sync API served by its own worker: `!isMainThread` is just as true in a test runner's worker.
      ...esm(`import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
if (!isMainThread) {
  parentPort.on('message', (task) => parentPort.postMessage(run(task)));
}
export function startService() {
  return new Worker(fileURLToPath(import.meta.url));
}`),
      errors: [
        sharedCheck(3, 5, `import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
if (!isMainThread && workerData?.ownWorker === true) {
  parentPort.on('message', (task) => parentPort.postMessage(run(task)));
}
export function startService() {
  return new Worker(fileURLToPath(import.meta.url), { workerData: { ownWorker: true } });
}`, 'ownWorker', '`!isMainThread`'),
      ],
    },
    {
      // The worker_threads example shape: the marker merges into the existing workerData literal.
      ...cjs(`const { Worker, isMainThread, parentPort } = require('worker_threads');
if (isMainThread) {
  module.exports = function transformSync(code) {
    return new Worker(__filename, { workerData: { code }, stdout: true });
  };
} else {
  parentPort.postMessage(transform(require('worker_threads').workerData.code));
}`, { options: [{ checkLossyJson: true, workerDataMarker: 'transformWorker' }] as const }),
      errors: [
        sharedCheck(2, 5, `const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');
if (isMainThread || workerData?.transformWorker !== true) {
  module.exports = function transformSync(code) {
    return new Worker(__filename, { workerData: { transformWorker: true, code }, stdout: true });
  };
} else {
  parentPort.postMessage(transform(require('worker_threads').workerData.code));
}`, 'transformWorker'),
      ],
    },
    {
      // parentPort alone, in TypeScript; an empty options object gets the marker.
      ...ts(`import { Worker, parentPort } from 'node:worker_threads';
if (parentPort) parentPort.on('message', (m: string) => parentPort?.postMessage(m.length));
export const start = (): Worker => new Worker(new URL(import.meta.url), {});`),
      errors: [
        sharedCheck(2, 5, `import { Worker, parentPort, workerData } from 'node:worker_threads';
if (parentPort && workerData?.ownWorker === true) parentPort.on('message', (m: string) => parentPort?.postMessage(m.length));
export const start = (): Worker => new Worker(new URL(import.meta.url), { workerData: { ownWorker: true } });`),
      ],
    },
    {
      // A check inside a function that every call reaches under another check: the outer one decides, and is
      // reported; the inner one is reported too where the function is also called without a check.
      ...esm(`import { Worker, isMainThread, parentPort } from 'node:worker_threads';
function workerThread() {
  if (!parentPort) throw new Error('Missing parentPort');
  parentPort.on('message', (m) => parentPort?.postMessage(m));
}
export function start() { return new Worker(new URL(import.meta.url)); }
if (!isMainThread) {
  workerThread();
}`),
      errors: [
        sharedCheck(7, 5, `import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
function workerThread() {
  if (!parentPort) throw new Error('Missing parentPort');
  parentPort.on('message', (m) => parentPort?.postMessage(m));
}
export function start() { return new Worker(new URL(import.meta.url), { workerData: { ownWorker: true } }); }
if (!isMainThread && workerData?.ownWorker === true) {
  workerThread();
}`),
      ],
    },
    {
      ...esm(`import { Worker, isMainThread, parentPort } from 'node:worker_threads';
function workerThread() {
  if (!parentPort) throw new Error('Missing parentPort');
}
export function start() { return new Worker(new URL(import.meta.url)); }
if (!isMainThread) workerThread();
export const run = () => workerThread();`),
      errors: [
        sharedCheck(3, 7, `import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
function workerThread() {
  if (!parentPort || workerData?.ownWorker !== true) throw new Error('Missing parentPort');
}
export function start() { return new Worker(new URL(import.meta.url), { workerData: { ownWorker: true } }); }
if (!isMainThread) workerThread();
export const run = () => workerThread();`),
        sharedCheck(6, 5, `import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
function workerThread() {
  if (!parentPort) throw new Error('Missing parentPort');
}
export function start() { return new Worker(new URL(import.meta.url), { workerData: { ownWorker: true } }); }
if (!isMainThread && workerData?.ownWorker === true) workerThread();
export const run = () => workerThread();`),
      ],
    },
    {
      // An alias of the check; workerData that is not an object literal: no suggestion.
      ...cjs(`const wt = require('worker_threads');
const isWorker = !wt.isMainThread;
module.exports = isWorker ? null : () => new wt.Worker(__filename, { workerData: 42 });`),
      errors: [{ messageId: 'sharedThreadCheck', line: 3, column: 18, data: { check: '`isWorker`' }, suggestions: [] }],
    },
    {
      // workerpool: a thread check derived from the process row, around a worker started later.
      ...cjs(`const { Worker } = require('worker_threads');
const isMainThread = !process.connected;
if (isMainThread) {
  module.exports.pool = () => new Worker(__filename);
} else {
  require('./serve')();
}`),
      errors: [
        {
          messageId: 'wrongGuard',
          line: 4,
          column: 31,
          data: {
            name: 'new Worker()',
            guard: '`isMainThread`',
            child: 'a worker thread',
            consequence: "the worker takes its parent's branch at load and never runs its own",
            advice: THREAD_ADVICE,
          },
        },
      ],
    },

    // ======== (b) values that cannot cross process IPC.
    {
      // The example of the issue: JSON turns the Set into {}; 'advanced' keeps it but not shared memory.
      ...cjs(`const { fork } = require('node:child_process');
const child = fork(require.resolve('./indexer'));
child.send({ seen: new Set(ids) });
const adv = fork(require.resolve('./indexer'), [], { serialization: 'advanced' });
adv.send({ seen: new Set(ids) });
adv.send({ counter: new SharedArrayBuffer(8) });`),
      errors: [
        {
          messageId: 'lossyJson',
          line: 3,
          column: 20,
          data: { value: 'A `Set`', channel: '`child.send()`', outcome: 'arrives as `{}`', advanced: ADVANCED_CHILD },
        },
        {
          messageId: 'threadOnly',
          line: 6,
          column: 21,
          data: {
            value: 'A `SharedArrayBuffer`',
            channel: '`adv.send()`',
            outcome: 'makes the send throw "could not be cloned"',
          },
        },
      ],
    },
    {
      // nodejs/node#20182: a SharedArrayBuffer over child_process IPC.
      ...esm(`import { fork } from 'node:child_process';
const child = fork(new URL('./child.js', import.meta.url));
const shared = new SharedArrayBuffer(1024);
child.send(shared);
child.send({ view: new Int32Array(shared) });`),
      errors: [
        {
          messageId: 'threadOnly',
          line: 4,
          column: 12,
          data: { value: 'A `SharedArrayBuffer`', channel: '`child.send()`', outcome: 'arrives as `{}` and shares no memory' },
        },
        {
          messageId: 'lossyJson',
          line: 5,
          column: 20,
          data: {
            value: 'An `Int32Array`',
            channel: '`child.send()`',
            outcome: 'arrives as a plain object with index keys',
            advanced: ADVANCED_CHILD,
          },
        },
      ],
    },
    {
      // Message ports: from a global MessageChannel, destructured or as members.
      ...esm(`import { fork } from 'node:child_process';
const child = fork('./child.js', { serialization: 'advanced' });
const { port1, port2: replies } = new MessageChannel();
const channel = new MessageChannel();
child.send({ port: port1 });
child.send([replies, channel.port2]);`),
      errors: [
        {
          messageId: 'threadOnly',
          line: 5,
          column: 20,
          data: { value: 'A `MessagePort`', channel: '`child.send()`', outcome: 'arrives as `{}`' },
        },
        // Two ports in one message: one report, at the message.
        { messageId: 'threadOnly', line: 6, column: 12 },
      ],
    },
    {
      // worker_threads' MessageChannel and a transfer list as second argument.
      ...cjs(`const { fork } = require('child_process');
const { MessageChannel } = require('node:worker_threads');
const child = fork('./child.js');
const { port1, port2 } = new MessageChannel();
child.send({ port: port2 }, [port2]);`),
      errors: [
        { messageId: 'threadOnly', line: 5, column: 20 },
        { messageId: 'transferList', line: 5, column: 29, data: { channel: '`child.send()`' } },
      ],
    },
    {
      // Functions: arrow, method, declaration; dropped under JSON, throwing under 'advanced'.
      ...cjs(`const { fork } = require('child_process');
const child = fork('./child.js');
function onDone() {}
child.send({ id: 1, onDone, retry: () => {}, log() {} });
const adv = fork('./child.js', { serialization: 'advanced' });
adv.send({ transform: function (x) { return x; } });`),
      errors: [
        {
          messageId: 'functionValue',
          line: 4,
          column: 12,
          data: {
            channel: '`child.send()`',
            outcome: 'is dropped (the key disappears, an array slot becomes `null`)',
          },
        },
        {
          messageId: 'functionValue',
          line: 6,
          column: 23,
          data: { channel: '`adv.send()`', outcome: 'makes the send throw "could not be cloned"' },
        },
      ],
    },
    {
      // jestjs/jest#11617: BigInt through process.send() in a child throws.
      ...cjs(`const total = 10n;
process.send({ total, count: BigInt(items.length) });
process.send?.([1n]);`),
      errors: [
        {
          messageId: 'bigint',
          line: 2,
          column: 14,
          data: {
            value: 'A BigInt',
            channel: '`process.send()`',
            outcome: 'makes the send throw "Do not know how to serialize a BigInt"',
            advanced: "have the parent start this process with `serialization: 'advanced'`",
          },
        },
        { messageId: 'bigint', line: 3, column: 17 },
      ],
    },
    {
      // Every JSON-lossy shape, followed through a variable, an array and a spread of a literal.
      ...esm(`import { fork } from 'node:child_process';
const child = fork('./child.js');
const base = { startedAt: new Date() };
const message = { ...base, errors: [new Error('boom'), new TypeError('bad')], pattern: /x/g, bytes: Buffer.from('hi'), raw: new ArrayBuffer(8), byId: new Map() };
child.send(message);`),
      errors: [
        {
          messageId: 'manyValues',
          line: 5,
          column: 12,
          data: {
            values: 'A `Date`, an `Error`, a `TypeError`, a `RegExp` and 3 more',
            channel: '`child.send()`',
            remedy: `send plain data, or ${ADVANCED_CHILD}`,
          },
        },
      ],
    },
    {
      // One report for the message, listing what breaks in it.
      ...esm(`import { fork } from 'node:child_process';
const child = fork('./child.js');
const seen = new Set();
child.send({ seen, when: ready ? new Date() : null, list: [...[new Map()]] });`),
      errors: [
        { messageId: 'manyValues', line: 4, column: 12, data: { values: 'A `Set`, a `Date` and a `Map`', channel: '`child.send()`', remedy: `send plain data, or ${ADVANCED_CHILD}` } },
      ],
    },
    {
      // An ES5 constructor function's child, sent to in a prototype method.
      ...cjs(`var fork = require('child_process').fork;
function Indexer() { this.child = fork(require.resolve('./indexer')); }
Indexer.prototype.push = function (ids) {
  this.child.send({ seen: new Set(ids) });
};
module.exports = Indexer;`),
      errors: [{ messageId: 'lossyJson', line: 4, column: 27 }],
    },
    {
      // `let` assigned once, in another function.
      ...cjs(`const { fork } = require('child_process');
let child;
function start() {
  child = fork(require.resolve('./indexer'));
}
function push(ids) {
  child.send({ seen: new Set(ids) });
}
module.exports = { start, push };`),
      errors: [{ messageId: 'lossyJson', line: 7, column: 22 }],
    },
    {
      // this.child = fork() within a class, in TypeScript.
      ...ts(`import { fork, type ChildProcess } from 'node:child_process';
export class Indexer {
  private child?: ChildProcess;
  start(): void {
    this.child = fork(new URL('./indexer.js', import.meta.url));
  }
  push(ids: readonly string[]): void {
    this.child?.send({ seen: new Set(ids), total: BigInt(ids.length) });
  }
}`),
      errors: [
        { messageId: 'manyValues', line: 8, column: 22, data: { values: 'A `Set` and a BigInt', channel: '`this.child?.send()`', remedy: `send plain data, or ${ADVANCED_CHILD}` } },
      ],
    },
    {
      ...ts(`import { fork } from 'node:child_process';
const child = fork('./child.js', [], { serialization: 'advanced' });
const shared = new SharedArrayBuffer(8) as SharedArrayBuffer;
child.send({ shared, handler: (() => 1) satisfies () => number });`),
      errors: [
        { messageId: 'manyValues', line: 4, column: 12, data: { values: 'A `SharedArrayBuffer` and a function', channel: '`child.send()`', remedy: 'send plain data' } },
      ],
    },
    {
      // spawn with an 'ipc' stdio entry has the same channel.
      ...esm(`import { spawn } from 'node:child_process';
const stdio = ['inherit', 'inherit', 'inherit', 'ipc'];
const child = spawn(process.execPath, ['worker.js'], { stdio });
child.send({ at: new Date() });`),
      errors: [{ messageId: 'lossyJson', line: 4, column: 18 }],
    },
    {
      // nodejs/node#10965: a cluster worker's send() strips a Map.
      ...esm(`import cluster from 'node:cluster';
if (cluster.isPrimary) {
  const worker = cluster.fork();
  worker.send({ routes: new Map([['/', 1]]) });
}`),
      errors: [
        {
          messageId: 'lossyJson',
          line: 4,
          column: 25,
          data: {
            value: 'A `Map`',
            channel: '`worker.send()`',
            outcome: 'arrives as `{}`',
            advanced: "call `cluster.setupPrimary({ serialization: 'advanced' })` before forking",
          },
        },
      ],
    },
    {
      ...cjs(`const cluster = require('cluster');
cluster.setupPrimary({ serialization: 'advanced' });
if (cluster.isPrimary) {
  cluster.fork().send({ routes: new Map(), onRequest: (req) => req });
}`),
      errors: [{ messageId: 'functionValue', line: 4, column: 55 }],
    },
    {
      // Options the file does not show: only what breaks under both serializations.
      ...esm(`import { fork } from 'node:child_process';
export function start(options) {
  const child = fork('./a.js', [], options);
  child.send({ seen: new Set(), counter: new SharedArrayBuffer(4) });
}`),
      errors: [
        {
          messageId: 'threadOnly',
          line: 4,
          column: 42,
          data: {
            value: 'A `SharedArrayBuffer`',
            channel: '`child.send()`',
            outcome:
              "arrives as `{}` and shares no memory under JSON serialization, and makes the send throw \"could not be cloned\" under 'advanced'",
          },
        },
      ],
    },
    {
      // With checkLossyJson off, what throws or cannot cross is still reported.
      ...esm(`import { fork } from 'node:child_process';
const child = fork('./a.js');
child.send({ seen: new Set(), total: 1n, counter: new SharedArrayBuffer(4) });`, { options: [{ checkLossyJson: false, workerDataMarker: 'ownWorker' }] as const }),
      errors: [
        { messageId: 'manyValues', line: 3, column: 12 },
      ],
    },

    {
      // A renamed import; Date and typed arrays in an array.
      ...esm(`import { fork as startChild } from 'child_process';
const indexer = startChild('./indexer.js');
indexer.send([new Date(), new Uint8Array(2), new DataView(new ArrayBuffer(2))]);`),
      errors: [
        { messageId: 'manyValues', line: 3, column: 14, data: { values: 'A `Date`, a `Uint8Array` and a `DataView`', channel: '`indexer.send()`', remedy: `send plain data, or ${ADVANCED_CHILD}` } },
      ],
    },
    {
      // A port of worker_threads' MessageChannel through a namespace import, over process.send() in ESM.
      ...esm(`import * as wt from 'node:worker_threads';
const channel = new wt.MessageChannel();
process.send({ port: channel.port1, cache: new Map() });`),
      errors: [
        { messageId: 'manyValues', line: 3, column: 14, data: { values: 'A `MessagePort` and a `Map`', channel: '`process.send()`', remedy: 'send plain data' } },
      ],
    },
    {
      ...cts(`import cp = require('node:child_process');
const child = cp.fork('./a.js');
child.send({ id: 1, done: (): void => undefined });`),
      errors: [{ messageId: 'functionValue', line: 3, column: 27 }],
    },
    // ---- values known by where they come from.
    {
      // A child reporting a failed task: the caught Error arrives as {}, message and stack lost.
      ...cjs(`process.on('message', async (task) => {
  try {
    process.send({ id: task.id, result: await run(task) });
  } catch (error) {
    process.send({ id: task.id, type: 'error', error });
  }
});`),
      errors: [lossyToParent(5, 48, 'An `Error`', 'arrives as `{}`')],
    },
    {
      // A hook on another method, or only the check for one, changes nothing JSON sends.
      ...cjs(`if (!('toJSON' in Error.prototype)) console.warn('no serializer');
Error.prototype.toString = function () { return this.message; };
process.on('message', async (task) => {
  try { await run(task); } catch (error) { process.send({ id: task.id, error }); }
});`),
      errors: [lossyToParent(4, 72, 'An `Error`', 'arrives as `{}`')],
    },
    {
      // A hook on Error.prototype leaves what it does not reach: the Map is still reported.
      ...esm(`import { fork } from 'node:child_process';
Error.prototype.toJSON = function () { return { message: this.message }; };
const child = fork('./child.js');
child.send({ error: new Error('x'), byId: new Map() });`),
      errors: [{ messageId: 'lossyJson', line: 4, column: 43 }],
    },
    {
      // Reported twins of a type test: it proves an Error, or tests another value, or another type.
      ...cjs(`try { run(); } catch (error) { if (error instanceof Error) process.send({ error }); }
try { run(); } catch (error) { if (!(error instanceof TypeError)) process.send({ error }); }
try { run(); } catch (error) { if (other instanceof Error) return; process.send({ error }); }`),
      errors: [lossyToParent(1, 75, 'An `Error`', 'arrives as `{}`'), lossyToParent(2, 82, 'An `Error`', 'arrives as `{}`'), lossyToParent(3, 83, 'An `Error`', 'arrives as `{}`')],
    },
    {
      // Promise rejections: `.catch(handler)` and the second handler of `.then()`.
      ...esm(`import { fork } from 'node:child_process';
const child = fork('./child.js');
build().catch((err) => child.send(err));
build().then((result) => child.send({ result }), (reason) => child.send({ ok: false, reason }));
build().catch((err) => { console.error(err); child.send({ err }); });`),
      errors: [
        { messageId: 'lossyJson', line: 3, column: 35, data: { value: 'An `Error`', channel: '`child.send()`', outcome: 'arrives as `{}`', advanced: ADVANCED_CHILD } },
        { messageId: 'lossyJson', line: 4, column: 86 },
        // Logged first: `console` only reads it.
        { messageId: 'lossyJson', line: 5, column: 59 },
      ],
    },
    {
      // Forwarding a call's arguments: JSON sends `{ "0": …, "1": … }`, not an array.
      ...cjs(`module.exports.log = function log() {
  process.send({ type: 'log', args: arguments });
};`),
      errors: [lossyToParent(2, 37, 'The `arguments` object', 'arrives as a plain object with index keys, not an array')],
    },
    {
      // An optional slot left undefined (or a hole) arrives as null: the child's default is skipped.
      ...esm(`import { fork } from 'node:child_process';
const child = fork('./child.js');
child.send(['resize', undefined, 80]);
child.send(['resize', , 80]);`),
      errors: [
        {
          messageId: 'lossyJson',
          line: 3,
          column: 23,
          data: { value: '`undefined` in an array slot', channel: '`child.send()`', outcome: 'arrives as `null`', advanced: ADVANCED_CHILD },
        },
        { messageId: 'lossyJson', line: 4, column: 12 },
      ],
    },
    // ---- with type information, the declared type.
    {
      // A database row with a Date column: it arrives as a string, and `row.createdAt.getTime()` throws.
      ...typed(`import { fork } from 'node:child_process';
interface Row { id: string; createdAt: Date }
const child = fork('./child.js');
export function push(row: Row): void {
  child.send(row);
}`),
      errors: [
        {
          messageId: 'lossyJson',
          line: 5,
          column: 14,
          data: { value: 'A `Date` field `createdAt`', channel: '`child.send()`', outcome: 'arrives as a string', advanced: ADVANCED_CHILD },
        },
      ],
    },
    {
      ...typed(`import { fork } from 'node:child_process';
class HttpError extends Error { status = 500; }
const child = fork('./child.js');
export function push(cache: ReadonlyMap<string, number>, total: bigint, failure: HttpError, seen: Set<string> | undefined, done: () => void): void {
  child.send(cache);
  child.send(total);
  child.send(failure);
  child.send({ seen });
  child.send(done);
}`),
      errors: [
        { messageId: 'lossyJson', line: 5, column: 14, data: { value: 'A `Map`', channel: '`child.send()`', outcome: 'arrives as `{}`', advanced: ADVANCED_CHILD } },
        { messageId: 'bigint', line: 6, column: 14 },
        { messageId: 'lossyJson', line: 7, column: 14, data: { value: 'An `Error`', channel: '`child.send()`', outcome: 'arrives as `{}`', advanced: ADVANCED_CHILD } },
        { messageId: 'lossyJson', line: 8, column: 16 },
        { messageId: 'functionValue', line: 9, column: 14 },
      ],
    },

    // ======== (c) pools in child-process mode.
    {
      ...esm(`import Tinypool from 'tinypool';
const pool = new Tinypool({ filename: new URL('./task.js', import.meta.url).href, runtime: 'child_process' });
const buffer = new ArrayBuffer(16);
await pool.run({ buffer, counter: new SharedArrayBuffer(4) }, { transferList: [buffer] });`),
      errors: [
        {
          messageId: 'manyValues',
          line: 4,
          column: 16,
          data: {
            values: 'An `ArrayBuffer` and a `SharedArrayBuffer`',
            channel: '`pool.run()` (the pool runs tasks in child processes)',
            remedy: 'send plain data',
          },
        },
        { messageId: 'poolTransfer', line: 4, column: 65, data: { option: 'transferList' } },
      ],
    },
    {
      // tinypool crashes the parent on a BigInt in child-process mode.
      ...cjs(`const { Tinypool } = require('tinypool');
const pool = new Tinypool({ filename: require.resolve('./task'), runtime: 'child_process', serialization: 'advanced' });
pool.run({ total: 1n, seen: new Set(), counter: new SharedArrayBuffer(4) });`),
      errors: [{ messageId: 'threadOnly', line: 3, column: 49 }],
    },
    {
      ...esm(`import workerpool from 'workerpool';
const pool = workerpool.pool('./task.js', { workerType: 'process', maxWorkers: 2 });
await pool.exec('sum', [new Map(), 1n], { transfer: [buf] });`),
      errors: [
        {
          messageId: 'manyValues',
          line: 3,
          column: 24,
          data: {
            values: 'A `Map` and a BigInt',
            channel: '`pool.exec()` (the pool runs tasks in child processes)',
            remedy: "send plain data, or create the pool with `forkOpts: { serialization: 'advanced' }`",
          },
        },
        { messageId: 'poolTransfer', line: 3, column: 43, data: { option: 'transfer' } },
      ],
    },
    {
      ...esm(`import * as workerpool from 'workerpool';
const pool = workerpool.pool('./task.js', { workerType: 'process', forkOpts: { serialization: 'advanced' } });
await pool.exec('run', [() => 1, new Map()]);`),
      errors: [{ messageId: 'functionValue', line: 3, column: 25 }],
    },
    {
      // A pool kept in a field, in TypeScript.
      ...ts(`import Tinypool from 'tinypool';
export class Renderer {
  private readonly pool = new Tinypool({ filename: './render.js', runtime: 'child_process' });
  private pool2: Tinypool;
  constructor() {
    this.pool2 = new Tinypool({ filename: './render.js', runtime: 'child_process' });
  }
  render(page: Uint8Array): Promise<unknown> {
    return this.pool2.run({ page }, { transferList: [page.buffer] });
  }
  renderMany(pages: Set<string>): Promise<unknown> {
    return this.pool2.run({ pages: new Set(pages) });
  }
}`),
      errors: [
        { messageId: 'poolTransfer', line: 9, column: 39 },
        { messageId: 'lossyJson', line: 12, column: 36 },
      ],
    },
  ],
});

describe('consistent-start-context on a generated message', () => {
  it('reports a 100,000-element array literal once', { timeout: 120_000 }, () => {
    const rows = Array.from({ length: 100_000 }, (_, index) => `{ n: ${index}n, at: new Date() }`).join(',');
    const code = `import { fork } from 'node:child_process';\nconst child = fork('./child.js');\nchild.send([${rows}]);\n`;
    const messages = new Linter().verify(
      code,
      [{ files: ALL_FILES, plugins: { pg: { rules: { rule } } as never }, rules: { 'pg/rule': 'error' }, languageOptions: languageOptionsFor('esm') }],
      'file.mjs',
    );
    expect(messages.map(({ messageId, line, column }) => ({ messageId, line, column }))).toEqual([{ messageId: 'manyValues', line: 3, column: 12 }]);
    expect(messages[0]?.message).toContain('A BigInt and a `Date` in this message');
  });
});

/** A report of a value `postMessage()` cannot clone, or clones without its prototype. */
const cloneError = (messageId: 'functionValue' | 'symbolValue' | 'lostPrototype', line: number, column: number) => ({ messageId, line, column });
const DATA_CLONE_ERROR = 'makes `postMessage()` throw `DataCloneError`';

runRuleTests('consistent-start-context: postMessage (structured clone)', rule, {
  valid: [
    // A wrapper of postMessage() given values a structured clone keeps.
    esm(`import { Worker } from 'node:worker_threads';
const worker = new Worker(new URL('./w.js', import.meta.url));
const post = (message) => worker.postMessage(message);
post({ seen: new Set([1]), at: new Date() });`),
    // Map, Set, Date, RegExp, BigInt, typed arrays, shared memory and Errors survive a structured clone.
    esm(`import { Worker } from 'node:worker_threads';
const worker = new Worker(new URL('./w.js', import.meta.url));
worker.postMessage({ seen: new Set([1]), byId: new Map(), at: new Date(), re: /x/, n: 10n, bytes: new Uint8Array(4), shared: new SharedArrayBuffer(8), error: new Error('x') });`),
    cjs(`const { parentPort } = require('worker_threads');
try { run(); } catch (error) { parentPort.postMessage({ error }); }`),
    // A transfer list is what postMessage() takes as its second argument.
    esm(`import { MessageChannel } from 'node:worker_threads';
const { port1, port2 } = new MessageChannel();
port1.postMessage({ buffer: new ArrayBuffer(8) }, [port2]);`),
    // Not provably a channel: a parameter, a window, an object of the file's own.
    esm(`export function send(target, message) { target.postMessage({ message, done: () => {} }); }`),
    esm(`window.postMessage({ onDone() {} }, '*');`),
    esm(`const bus = { postMessage(message) { return message; } };
bus.postMessage({ callback: () => 1 });`),
    // A local class named Worker is not a Web Worker.
    esm(`class Worker { postMessage(message) { return message; } }
new Worker().postMessage({ callback: () => 1 });`),
    // A class the file does not declare may be anything: unknown stays unknown.
    esm(`import { Point } from './point.js';
import { Worker } from 'node:worker_threads';
new Worker('./w.js').postMessage(new Point(1, 2));`),
    // The same values over process IPC stay judged by JSON: a class instance keeps its own fields.
    cjs(`const { fork } = require('child_process');
class Job { constructor(id) { this.id = id; } }
fork('./child.js').send(new Job(1));`),
  ],
  invalid: [
    {
      // A wrapper of postMessage(), and a wrapper of it, given a function.
      ...cts(`import { parentPort } from 'node:worker_threads';
function post(message: unknown): void { parentPort?.postMessage(message); }
const progress = (message: unknown) => post(message);
progress({ id: 1, onProgress: (value: number) => value });`),
      errors: [{ ...cloneError('functionValue', 4, 31), data: { channel: '`parentPort?.postMessage()` at line 2 through progress()', outcome: DATA_CLONE_ERROR } }],
    },
    {
      // worker_threads Worker held in a variable.
      ...esm(`import { Worker } from 'node:worker_threads';
const worker = new Worker(new URL('./w.js', import.meta.url));
worker.postMessage({ id: 1, onProgress: (value) => console.log(value) });`),
      errors: [{ ...cloneError('functionValue', 3, 41), data: { channel: '`worker.postMessage()`', outcome: DATA_CLONE_ERROR } }],
    },
    {
      // parentPort, a class instance: its methods stay behind.
      ...cjs(`const { parentPort } = require('worker_threads');
class Result { constructor(rows) { this.rows = rows; } count() { return this.rows.length; } }
parentPort.postMessage(new Result([]));`),
      errors: [cloneError('lostPrototype', 3, 24)],
    },
    {
      // A worker kept in a field of a class.
      ...cjs(`const { Worker } = require('node:worker_threads');
class Pool {
  constructor() { this.worker = new Worker('./w.js'); }
  run(task) { this.worker.postMessage({ task, done() {} }); }
}
module.exports = Pool;`),
      errors: [cloneError('functionValue', 4, 47)],
    },
    {
      // A port of a worker_threads MessageChannel; a symbol.
      ...esm(`import { MessageChannel } from 'node:worker_threads';
const channel = new MessageChannel();
channel.port1.postMessage({ kind: Symbol('ready') });`),
      errors: [cloneError('symbolValue', 3, 35)],
    },
    {
      // A worker_threads BroadcastChannel; an Error subclass arrives as a plain Error.
      ...esm(`import { BroadcastChannel } from 'node:worker_threads';
class HttpError extends Error { constructor(status) { super('http'); this.status = status; } }
const bus = new BroadcastChannel('jobs');
bus.postMessage(new HttpError(404));`),
      errors: [
        {
          ...cloneError('lostPrototype', 4, 17),
          data: { value: 'A `HttpError`', channel: '`bus.postMessage()`', outcome: 'arrives as a plain `Error`, without its class and own fields' },
        },
      ],
    },
    {
      // The global BroadcastChannel and MessageChannel (browsers, Deno, Bun, Node.js).
      ...esm(`const bus = new BroadcastChannel('jobs');
bus.postMessage(() => 1);
const { port2 } = new MessageChannel();
port2.postMessage({ run() {} });`),
      errors: [cloneError('functionValue', 2, 17), cloneError('functionValue', 4, 21)],
    },
    {
      // A Web Worker; the message is built in a variable.
      ...esm(`const worker = new Worker(new URL('./decode.js', import.meta.url), { type: 'module' });
const Decoder = class { decode() {} };
const message = { decoder: new Decoder() };
worker.postMessage(message);`),
      errors: [cloneError('lostPrototype', 4, 20)],
    },
  ],
});

runRuleTests('consistent-start-context: transfer lists, weak collections, promises and URLs', rule, {
  valid: [
    // A port in the transfer list moves; a list the call does not write in full may hold it.
    ts(`import { parentPort, MessageChannel } from 'node:worker_threads';
const channel = new MessageChannel();
if (parentPort) parentPort.postMessage({ port: channel.port1 }, [channel.port1]);`),
    esm(`import { Worker, MessageChannel } from 'node:worker_threads';
const { port1 } = new MessageChannel();
const list = [port1];
new Worker('./w.js').postMessage({ port: port1 }, list);`),
    // Read before the post, posted as a copy, a pooled Buffer's memory (copied), marked untransferable.
    esm(`import { MessageChannel } from 'node:worker_threads';
const { port2 } = new MessageChannel();
const ab = new ArrayBuffer(8);
console.log(ab.byteLength);
port2.postMessage(ab, [ab]);`),
    esm(`import { MessageChannel } from 'node:worker_threads';
const { port2 } = new MessageChannel();
const ab = new ArrayBuffer(8);
port2.postMessage(ab);
console.log(ab.byteLength);`),
    cjs(`const { parentPort } = require('worker_threads');
const bytes = Buffer.from('hello');
parentPort.postMessage(bytes, [bytes.buffer]);
console.log(bytes.toString());`),
    // A check that the buffer was moved: its size compared with 0 or asserted, or \`detached\`.
    esm(`import assert from 'node:assert';
import { MessageChannel } from 'node:worker_threads';
const { port2 } = new MessageChannel();
const ab = new ArrayBuffer(8);
port2.postMessage(ab, [ab]);
assert.strictEqual(ab.byteLength, 0);`),
    cjs(`const { parentPort } = require('worker_threads');
const view = new Uint8Array(4);
parentPort.postMessage(view, [view.buffer]);
if (view.buffer.byteLength !== 0) throw new Error('not moved');
console.log(view.buffer.detached);`),
    cjs(`const { parentPort, markAsUntransferable } = require('worker_threads');
const ab = new ArrayBuffer(8);
markAsUntransferable(ab);
parentPort.postMessage(ab, [ab]);
console.log(ab.byteLength);`),
    // Not straight-line after the post: a callback, a post under a condition, a binding written again.
    esm(`import { MessageChannel } from 'node:worker_threads';
const { port2 } = new MessageChannel();
const ab = new ArrayBuffer(8);
port2.postMessage(ab, [ab]);
setTimeout(() => console.log(ab.byteLength));`),
    esm(`import { MessageChannel } from 'node:worker_threads';
const { port2 } = new MessageChannel();
const ab = new ArrayBuffer(8);
if (process.env.MOVE) port2.postMessage(ab, [ab]);
console.log(ab.byteLength);`),
    esm(`import { MessageChannel } from 'node:worker_threads';
const { port2 } = new MessageChannel();
let ab = new ArrayBuffer(8);
port2.postMessage(ab, [ab]);
ab = new ArrayBuffer(8);
console.log(ab.byteLength);`),
    // An awaited promise, a function that is not async, a URL's href, a URL over JSON (its toJSON).
    ts(`import { parentPort } from 'node:worker_threads';
async function load(): Promise<number> { return 1; }
function count(): number { return 1; }
parentPort?.postMessage({ value: await load(), count: count(), url: new URL('https://example.org').href });`),
    cjs(`const { fork } = require('child_process');
fork('./child.js').send({ url: new URL('https://example.org') });`),
    typed(`import { parentPort } from 'node:worker_threads';
declare function load(): Promise<number>;
parentPort?.postMessage({ value: await load() });`),
  ],
  invalid: [
    {
      ...esm(`import { Worker, MessageChannel } from 'node:worker_threads';
const worker = new Worker(new URL('./w.js', import.meta.url));
const { port1 } = new MessageChannel();
worker.postMessage({ port: port1 });`),
      errors: [{ messageId: 'notTransferred', line: 4, column: 28 }],
    },
    {
      ...cjs(`const { parentPort, MessageChannel } = require('worker_threads');
const channel = new MessageChannel();
parentPort.postMessage({ port: channel.port1, data: new ArrayBuffer(8) }, [new ArrayBuffer(8)]);`),
      errors: [{ messageId: 'notTransferred', line: 3, column: 32 }],
    },
    {
      ...ts(`const { port2 } = new MessageChannel();
port2.postMessage({ cache: new WeakMap<object, number>() });`),
      errors: [{ messageId: 'notCloneable', line: 2, column: 28 }],
    },
    {
      ...ts(`import { parentPort } from 'node:worker_threads';
const load = async (): Promise<number> => 1;
if (parentPort) parentPort.postMessage({ value: load() });`),
      errors: [{ messageId: 'notCloneable', line: 3, column: 49 }],
    },
    {
      ...cjs(`const { fork } = require('child_process');
fork('./child.js').send({ pending: new Promise(() => {}) });`),
      errors: [{ messageId: 'notCloneable', line: 2, column: 36 }],
    },
    {
      ...esm(`import { Worker } from 'node:worker_threads';
new Worker('./w.js').postMessage(new URL('https://example.org'));`),
      errors: [{ messageId: 'lostPrototype', line: 2, column: 34 }],
    },
    {
      ...esm(`import { MessageChannel } from 'node:worker_threads';
const { port2 } = new MessageChannel();
const ab = new ArrayBuffer(8);
port2.postMessage(ab, [ab]);
console.log(ab.byteLength);`),
      errors: [{ messageId: 'readAfterTransfer', line: 5, column: 13 }],
    },
    {
      // Reported twin: the data read after the check.
      ...esm(`import assert from 'node:assert';
import { MessageChannel } from 'node:worker_threads';
const { port2 } = new MessageChannel();
const ab = new ArrayBuffer(8);
port2.postMessage(ab, [ab]);
assert.strictEqual(ab.byteLength, 0);
const copy = new Uint8Array(ab);`),
      errors: [{ messageId: 'readAfterTransfer', line: 7, column: 29 }],
    },
    {
      ...ts(`import { Worker } from 'node:worker_threads';
const worker = new Worker('./w.js');
const view = new Uint8Array([1, 2]);
worker.postMessage({ view }, [view.buffer]);
const sum: number = view[0]! + view[1]!;`),
      errors: [{ messageId: 'readAfterTransfer', line: 5, column: 21 }],
    },
    {
      // With type information: a promise from a function the file does not show, sent without `await`.
      ...typed(`import { parentPort } from 'node:worker_threads';
declare function load(): Promise<number>;
parentPort?.postMessage({ value: load() });`),
      errors: [{ messageId: 'notCloneable', line: 3, column: 34 }],
    },
  ],
});

runRuleTests('consistent-start-context: receivers known by how they were made', rule, {
  valid: [
    // With type information: a class instance keeps its own fields over JSON IPC.
    typed(`import { fork } from 'node:child_process';
class Job { constructor(readonly id: string) {} run(): void {} }
const child = fork('./child.js');
export function push(job: Job): void {
  child.send(job);
}`),
    // Without type information the parameter's declared type is not read.
    ts(`import type { MessagePort } from 'node:worker_threads';
export function notify(port: MessagePort): void {
  port.postMessage({ done: () => undefined });
}`),
    // The two children may use different serializations: unknown.
    esm(`import { fork } from 'node:child_process';
let child;
if (process.env.A) child = fork('./a.js', { serialization: 'advanced' });
else child = fork('./b.js');
child.send({ seen: new Set() });`),
    // A parameter also called with a value that is not a channel.
    cjs(`const { Worker } = require('node:worker_threads');
function notify(port) { port.postMessage({ done() {} }); }
notify(new Worker('./w.js'));
notify(logger);`),
    // Something else in the list.
    esm(`import { Worker } from 'node:worker_threads';
const workers = [new Worker('./w.js'), fakeWorker];
workers.forEach((w) => w.postMessage({ done() {} }));`),
  ],
  invalid: [
    {
      // With type information, a port or a child process known by its declared type.
      ...typed(`import type { MessagePort } from 'node:worker_threads';
import type { ChildProcess } from 'node:child_process';
export function notify(port: MessagePort, child: ChildProcess): void {
  port.postMessage({ done: () => undefined });
  child.send({ done: () => undefined });
}`),
      errors: [
        { ...cloneError('functionValue', 4, 28), data: { channel: '`port.postMessage()`', outcome: DATA_CLONE_ERROR } },
        { messageId: 'functionValue', line: 5, column: 22 },
      ],
    },
    {
      // With type information, the declared type of a message: a class instance, a symbol.
      ...typed(`import { Worker } from 'node:worker_threads';
class Job { constructor(readonly id: string) {} run(): void {} }
const worker = new Worker('./w.js');
export function push(job: Job, tag: symbol): void {
  worker.postMessage(job);
  worker.postMessage(tag);
}`),
      errors: [cloneError('lostPrototype', 5, 22), cloneError('symbolValue', 6, 22)],
    },
    {
      ...esm(`import { fork } from 'node:child_process';
let child;
if (process.env.A) child = fork('./a.js');
else child = fork('./b.js');
child.send({ seen: new Set() });`),
      errors: [{ messageId: 'lossyJson', line: 5, column: 20 }],
    },
    {
      ...cjs(`const { Worker } = require('node:worker_threads');
function notify(port) { port.postMessage({ done() {} }); }
notify(new Worker('./a.js'));
notify(new Worker('./b.js'));`),
      errors: [{ ...cloneError('functionValue', 2, 44), data: { channel: '`port.postMessage()`', outcome: DATA_CLONE_ERROR } }],
    },
    {
      ...ts(`import { Worker } from 'node:worker_threads';
const workers: Worker[] = [];
for (let i = 0; i < 4; i += 1) workers.push(new Worker('./w.js'));
for (const w of workers) w.postMessage({ done: () => undefined });`),
      errors: [{ ...cloneError('functionValue', 4, 48), data: { channel: '`w.postMessage()`', outcome: DATA_CLONE_ERROR } }],
    },
    {
      ...cts(`import { fork, type ChildProcess } from 'node:child_process';
class Pool {
  private child?: ChildProcess;
  start(): void { this.child = fork('./child.js'); }
  push(ids: string[]): void { this.child?.send({ seen: new Set(ids) }); }
}
export = Pool;`),
      errors: [{ messageId: 'lossyJson', line: 5, column: 56 }],
    },
  ],
});
