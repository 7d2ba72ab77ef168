// @ts-check
/**
 * Generated source files whose size is a parameter, for the stress test (tests/stress.test.ts) and
 * the growth measurement of `npm run bench`: each stresses a way the analysis could grow faster
 * than the file (rescans of earlier statements, recursion once per function or method).
 */

/**
 * `f0()` at top level, `f0` calls `f1`, …, and the last one starts a process.
 * @param {number} count
 */
export function callChain(count) {
  const lines = ["import { spawn } from 'node:child_process';"];
  for (let i = 0; i < count - 1; i++) lines.push(`function f${i}() { f${i + 1}(); }`);
  lines.push(`function f${count - 1}() { spawn('x', []); }`, 'f0();');
  return lines.join('\n');
}

/**
 * A class whose constructor calls `this.m0()`, `m0` calls `this.m1()`, …, and the last method forks;
 * the constructor forks too, so the constructor rule reads what every method of the chain touches.
 * @param {number} count
 */
export function methodChain(count) {
  const lines = ["import { fork } from 'node:child_process';", 'class A {', '  constructor() { this.m0(); this.worker = fork(this.script); }'];
  for (let i = 0; i < count - 1; i++) lines.push(`  m${i}() { this.m${i + 1}(); }`);
  lines.push(`  m${count - 1}() { this.child = fork('./w.js'); }`, '}', 'export const a = new A();');
  return lines.join('\n');
}

/**
 * `count` top-level statements: platform guards, process starts and POSIX-only calls, in turn,
 * with an early exit near the start so that every later statement has a guard fact to collect.
 * @param {number} count
 */
export function guardedStatements(count) {
  // a module with an export, so that its top-level starters are import-time hazards, not an entry point's
  const lines = ["import { spawn, execFile } from 'node:child_process';", 'export const loaded = true;', "if (process.platform === 'aix') process.exit(1);"];
  for (let i = 0; lines.length < count + 2; i++) {
    switch (i % 4) {
      case 0:
        lines.push(`if (process.platform === 'win32') { spawn('cmd.exe', ['/c', 'echo ${i}']); }`);
        break;
      case 1:
        lines.push(`const uid${i} = process.platform !== 'win32' ? process.getuid() : 0;`);
        break;
      case 2:
        lines.push(`execFile('node', ['-e', '${i}']);`);
        break;
      default:
        lines.push(`process.getuid();`);
    }
  }
  return lines.join('\n');
}

const HEADER = [
  "import { spawn, fork, exec, execFileSync } from 'node:child_process';",
  "import { Worker, isMainThread, parentPort } from 'node:worker_threads';",
  "import { fileURLToPath } from 'node:url';",
  "import fs from 'node:fs';",
  'export const loaded = true;',
];

/**
 * Every statement shape the rules read, taken from their valid and invalid cases, as the lines of
 * its `i`-th copy: a spawn wrapper and its call, a class that starts in a method its constructor
 * calls, a platform `if` with a call inside, a platform API behind an early exit of a function, an
 * IPC send, a guarded worker, a self-fork behind the IPC check, a shell-less spawn of a `.cmd` tool,
 * a dispatch table, a platform-only start, an early exit, a child sent a function, a shell string,
 * a start on a message, a self-fork behind the entry check, a POSIX-only signal.
 * @type {Record<string, (i: number) => string[]>}
 */
export const STATEMENT_SHAPES = {
  wrapper: (i) => [`function run${i}(args) { return spawn('git', args); }`, `run${i}(['status', '${i}']);`],
  'class start': (i) => [`class Service${i} { constructor() { this.start(); } start() { this.child = fork('./worker${i}.js'); } }`, `export const service${i} = new Service${i}();`],
  'platform if': (i) => [`function owner${i}() { return process.getuid(); }`, `if (process.platform !== 'win32') { owner${i}(); }`],
  'early exit': (i) => [`function mode${i}(file) { if (process.platform === 'win32') return; fs.chmodSync(file, 0o755); }`, `mode${i}('x${i}');`],
  'ipc send': (i) => [`if (process.send) process.send({ n: ${i}, at: new Date(), run: () => ${i} });`],
  'guarded worker': (i) => [`if (isMainThread) { new Worker(new URL(import.meta.url), { workerData: ${i} }); } else { parentPort.postMessage(${i}); }`],
  'self-fork': (i) => [`if (process.send === undefined) fork(fileURLToPath(import.meta.url), ['${i}']);`],
  'cmd tool': (i) => [`execFileSync('npm', ['run', 'build${i}']);`],
  'dispatch table': (i) => [
    `class Table${i} { run(row) { if (process.platform === 'win32' && row.windows === false) return; this[row.cmd](); } chmod${i}() { fs.chmodSync('a', 0o700); } }`,
    `new Table${i}().run({ cmd: 'chmod${i}', windows: false });`,
  ],
  'platform start': (i) => [`if (process.platform === 'darwin') { spawn('open', ['${i}.html']); }`],
  exit: (i) => [`if (process.platform === 'aix') { console.error('unsupported ${i}'); process.exit(1); }`],
  'child payload': (i) => [`const child${i} = fork('./w${i}.js');`, `child${i}.send({ n: ${i}, done: () => ${i} });`],
  'shell string': (i) => [`exec('ls -la dir${i} | grep x', { cwd: 'dir${i}' });`],
  'start on message': (i) => [`process.on('message', (m${i}) => { if (m${i} === 'go') spawn('x${i}', []); });`],
  'entry check': (i) => [`if (process.argv[1] === fileURLToPath(import.meta.url)) { fork('./child${i}.js'); }`],
  signal: (i) => [`process.kill(${i}, 'SIGUSR1');`],
  assertion: (i) => [
    `function posixOnly${i}() { if (process.platform === 'win32') throw new Error('${i}'); }`,
    `export function list${i}() { posixOnly${i}(); posixOnly${Math.max(i - 1, 0)}(); return execFileSync('ps', ['-p', '${i}']); }`,
  ],
};

/**
 * `count` top-level statements of the given shapes (every shape by default), in turn.
 * @param {number} count
 * @param {string[]} [shapes]  names of STATEMENT_SHAPES
 */
export function mixedStatements(count, shapes = Object.keys(STATEMENT_SHAPES)) {
  const lines = [...HEADER];
  for (let i = 0; lines.length < count + HEADER.length; i++) lines.push(...(STATEMENT_SHAPES[shapes[i % shapes.length] ?? 'exit']?.(i) ?? []));
  return lines.join('\n');
}
