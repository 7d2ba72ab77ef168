import rule from '../../src/rules/no-top-level-spawn.js';
import { cjs, esm, ts } from '../support/languages.js';
import { runRuleTests } from '../support/rule-tester.js';

const atImport = (line: number, column: number, name: string, what = 'a child process') => ({
  messageId: 'atImport' as const,
  line,
  column,
  data: { name, what },
  suggestions: [],
});

runRuleTests('no-top-level-spawn', rule, {
  valid: [
    // Only runs when called.
    esm(`import { execFileSync } from 'node:child_process';
export const root = () => execFileSync('git', ['rev-parse', '--show-toplevel']).toString();`),
    esm(`import { spawn } from 'node:child_process';
export function start() { return spawn('ls'); }`),
    cjs(`const cp = require('child_process');
module.exports = { run() { return cp.exec('ls'); } };`),
    // A local function called spawn is never a process.
    esm(`function spawn(cmd) { return cmd; }
spawn('ls');`),
    esm(`import { spawn } from './my-spawn.js';
spawn('ls');`),
    cjs(`const { fork } = require('./fork');
fork('x');`),
    esm(`const Worker = class {};
new Worker('x');`),
    // Shadowed inside a function.
    esm(`import { spawn } from 'node:child_process';
function f(spawn) { spawn('x'); }
f(() => {});`),
    // Executable entry points.
    esm(`#!/usr/bin/env node
import { spawnSync } from 'node:child_process';
spawnSync('git', ['status']);`),
    // Entry guards.
    cjs(`const { execSync } = require('child_process');
if (require.main === module) execSync('make');`),
    cjs(`const { execSync } = require('child_process');
if (module === require.main) { execSync('make'); }`),
    esm(`import { spawn } from 'node:child_process';
if (import.meta.main) spawn('ls');`),
    esm(`import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
if (process.argv[1] === fileURLToPath(import.meta.url)) spawn('ls');`),
    esm(`import { Worker, isMainThread } from 'node:worker_threads';
if (isMainThread) { new Worker(new URL('./w.js', import.meta.url)); }`),
    esm(`import cluster from 'node:cluster';
import { spawn } from 'node:child_process';
if (cluster.isPrimary) spawn('ls');`),
    cjs(`const { spawn } = require('child_process');
if (process.argv[2] === 'serve') spawn('ls');`),
    cjs(`const { spawn } = require('child_process');
if (require.main !== module) return;
spawn('ls');`),
    cjs(`const { spawn } = require('child_process');
const isMain = require.main === module;
isMain && spawn('ls');`),
    esm(`import cluster from 'node:cluster';
import { spawn } from 'node:child_process';
if (!cluster.isPrimary) {} else spawn('x');`),
    // Async callbacks run later.
    esm(`import { spawn } from 'node:child_process';
process.on('SIGUSR2', () => spawn('ls'));
setTimeout(() => spawn('ls'), 10);`),
    // A local function that nobody calls at load.
    esm(`import { spawn } from 'node:child_process';
function start() { return spawn('ls'); }
export { start };`),
    // Lazy pools are not started by their constructor.
    esm(`import workerpool from 'workerpool';
export const pool = workerpool.pool('./worker.js');`),
    esm(`import workerpool from 'workerpool';
export const pool = workerpool.pool('./worker.js', { maxWorkers: 2, minWorkers: 0 });`),
    // Self-spawns are no-unguarded-self-spawn's.
    cjs(`const { fork } = require('child_process');
fork(__filename);`),
    // Synchronous spawns allowed by option.
    {
      ...esm(`import { execSync } from 'node:child_process';
export const version = execSync('git describe').toString();`),
      options: [{ allowSync: true }],
    },
    // Methods and constructors of classes never instantiated at load.
    esm(`import { Worker } from 'node:worker_threads';
export class Pool { constructor() { this.w = new Worker('./w.js'); } }`),
    // Type-only imports.
    ts(`import type { spawn } from 'node:child_process';
declare const run: typeof spawn;
run('ls');`),
    // process.env branches are configuration, not entry points, but inside functions are fine.
    esm(`import { spawn } from 'node:child_process';
export default function main() { if (process.env.CI) spawn('ls'); }`),
  ],
  invalid: [
    {
      // A fallback for Node.js versions without spawnSync hid the import-time probe.
      ...cjs(`var spawnSync = require('child_process').spawnSync;
if (!spawnSync) {
  spawnSync = function () { return { status: 1, stdout: '' }; };
}
var libcVersion = spawnSync('getconf', ['GNU_LIBC_VERSION'], { encoding: 'utf8' }).stdout;
module.exports = { libcVersion: libcVersion };`),
      errors: [atImport(5, 19, 'spawnSync()')],
    },
    {
      ...esm(`import { execFileSync } from 'node:child_process';
export const gitRoot = execFileSync('git', ['rev-parse', '--show-toplevel']).toString();`),
      errors: [atImport(2, 24, 'execFileSync()')],
    },
    {
      ...esm(`import * as cp from 'child_process';
cp.spawn('ls');`),
      errors: [atImport(2, 1, 'spawn()')],
    },
    {
      ...esm(`import { spawn as run } from 'node:child_process';
run('ls');`),
      errors: [atImport(2, 1, 'spawn()')],
    },
    {
      ...esm(`import cp from 'node:child_process';
cp.exec('ls');`),
      errors: [atImport(2, 1, 'exec()')],
    },
    {
      ...cjs(`const { exec: run } = require('node:child_process');
run('ls');`),
      errors: [atImport(2, 1, 'exec()')],
    },
    {
      ...cjs(`const cp = require('child_process');
const { spawnSync } = cp;
spawnSync('ls');`),
      errors: [atImport(3, 1, 'spawnSync()')],
    },
    {
      ...cjs(`require('child_process').execSync('ls');`),
      errors: [atImport(1, 1, 'execSync()')],
    },
    {
      ...cjs(`const util = require('node:util');
const { exec } = require('node:child_process');
const execAsync = util.promisify(exec);
execAsync('ls');`),
      errors: [atImport(4, 1, 'exec()')],
    },
    {
      ...esm(`import { promisify } from 'node:util';
import { execFile } from 'node:child_process';
await promisify(execFile)('git', ['status']);`),
      errors: [atImport(3, 7, 'execFile()')],
    },
    {
      ...cjs(`const cp = process.getBuiltinModule('node:child_process');
cp.spawn('ls');`),
      errors: [atImport(2, 1, 'spawn()')],
    },
    {
      ...esm(`import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { fork } = require('child_process');
fork('./child.js');`),
      errors: [atImport(4, 1, 'fork()', 'a Node.js child process')],
    },
    {
      ...ts(`import cp = require('child_process');
cp.spawn('ls');`),
      errors: [atImport(2, 1, 'spawn()')],
    },
    {
      // `require` is not a declared global in a TypeScript module.
      ...ts(`const { spawn } = require('child_process');
spawn('ls');`),
      errors: [atImport(2, 1, 'spawn()')],
    },
    {
      ...esm(`import { Worker } from 'node:worker_threads';
export default new Worker(new URL('./w.js', import.meta.url));`),
      errors: [atImport(2, 16, 'new Worker()', 'a worker thread')],
    },
    {
      ...esm(`import { spawn } from 'node:child_process';
(() => { spawn('ls'); })();`),
      errors: [atImport(2, 10, 'spawn()')],
    },
    {
      ...esm(`import { spawn } from 'node:child_process';
(function () { spawn('ls'); }).call(this);`),
      errors: [atImport(2, 16, 'spawn()')],
    },
    {
      ...esm(`import { spawn } from 'node:child_process';
['a', 'b'].forEach((name) => spawn(name));
Array.from(['c'], (name) => spawn(name));`),
      errors: [atImport(2, 30, 'spawn()'), atImport(3, 29, 'spawn()')],
    },
    {
      ...esm(`import { spawn } from 'node:child_process';
new Promise((resolve) => spawn('ls').on('exit', resolve));`),
      errors: [atImport(2, 26, 'spawn()')],
    },
    {
      ...esm(`import { Worker } from 'node:worker_threads';
class Pool {
  static worker = new Worker('./w.js');
  static { new Worker('./w.js'); }
}`),
      errors: [atImport(3, 19, 'new Worker()', 'a worker thread'), atImport(4, 12, 'new Worker()', 'a worker thread')],
    },
    {
      // Conditions that are not entry guards do not excuse it.
      ...esm(`import { spawn } from 'node:child_process';
if (process.env.NODE_ENV !== 'test') spawn('ls');
if (process.platform === 'linux') spawn('ls');`),
      errors: [atImport(2, 38, 'spawn()'), atImport(3, 35, 'spawn()')],
    },
    {
      ...esm(`import { spawn } from 'node:child_process';
function start() {
  return spawn('ls');
}
start();`),
      errors: [
        {
          messageId: 'atImportVia',
          line: 3,
          column: 10,
          data: { name: 'spawn()', what: 'a child process', via: 'start()', line: '5' },
        },
      ],
    },
    {
      ...esm(`import { spawn } from 'node:child_process';
class Service {
  constructor() { this.child = spawn('ls'); }
}
export const service = new Service();`),
      errors: [
        {
          messageId: 'atImportConstructed',
          line: 3,
          column: 32,
          data: { name: 'spawn()', what: 'a child process', className: 'Service', line: '5' },
        },
      ],
    },
    {
      ...esm(`import { execa, $ } from 'execa';
await execa('npm', ['test']);
await $\`ls\`;`),
      errors: [atImport(2, 7, 'execa()'), atImport(3, 7, '$``')],
    },
    {
      ...esm(`import crossSpawn from 'cross-spawn';
crossSpawn.sync('npm', ['ci']);`),
      errors: [atImport(2, 1, 'crossSpawn.sync()')],
    },
    {
      ...esm(`import Tinypool from 'tinypool';
import workerpool from 'workerpool';
export const pool = new Tinypool({ filename: new URL('./w.js', import.meta.url).href });
export const eager = workerpool.pool('./w.js', { minWorkers: 2 });`),
      errors: [atImport(3, 21, 'new Tinypool()', 'a worker thread'), atImport(4, 22, 'workerpool.pool()', 'a worker thread')],
    },
  ],
});

// Suggestions: the lazy accessor.
runRuleTests('no-top-level-spawn (lazy accessor)', rule, {
  valid: [],
  invalid: [
    {
      ...esm(`import Piscina from 'piscina';
const pool = new Piscina({ filename: new URL('./w.js', import.meta.url).href });
export function resize(image) {
  return pool.run(image);
}`),
      errors: [
        {
          messageId: 'atImport',
          line: 2,
          column: 14,
          data: { name: 'new Piscina()', what: 'a worker thread' },
          suggestions: [
            {
              messageId: 'useLazyAccessor',
              data: { name: 'pool', getter: 'getPool' },
              output: `import Piscina from 'piscina';
let pool;
function getPool() {
  return (pool ??= new Piscina({ filename: new URL('./w.js', import.meta.url).href }));
}
export function resize(image) {
  return getPool().run(image);
}`,
            },
          ],
        },
      ],
    },
    {
      ...ts(`import Piscina from 'piscina';
const pool = new Piscina({ filename: new URL('./w.js', import.meta.url).href });
export function resize(image: Buffer) {
  return pool.run(image);
}
export const shutdown = () => pool.destroy();`),
      errors: [
        {
          messageId: 'atImport',
          line: 2,
          column: 14,
          data: { name: 'new Piscina()', what: 'a worker thread' },
          suggestions: [
            {
              messageId: 'useLazyAccessor',
              data: { name: 'pool', getter: 'getPool' },
              output: `import Piscina from 'piscina';
let pool: InstanceType<typeof Piscina> | undefined;
function getPool() {
  return (pool ??= new Piscina({ filename: new URL('./w.js', import.meta.url).href }));
}
export function resize(image: Buffer) {
  return getPool().run(image);
}
export const shutdown = () => getPool().destroy();`,
            },
          ],
        },
      ],
    },
    {
      ...ts(`import { execFileSync } from 'node:child_process';
const gitRoot = execFileSync('git', ['rev-parse', '--show-toplevel']).toString().trim();
export function rootPath(file: string) {
  return \`\${gitRoot}/\${file}\`;
}`),
      errors: [
        {
          messageId: 'atImport',
          line: 2,
          column: 17,
          data: { name: 'execFileSync()', what: 'a child process' },
          suggestions: [
            {
              messageId: 'useLazyAccessor',
              data: { name: 'gitRoot', getter: 'getGitRoot' },
              output: `import { execFileSync } from 'node:child_process';
function createGitRoot() {
  return execFileSync('git', ['rev-parse', '--show-toplevel']).toString().trim();
}
let gitRoot: ReturnType<typeof createGitRoot> | undefined;
function getGitRoot() {
  return (gitRoot ??= createGitRoot());
}
export function rootPath(file: string) {
  return \`\${getGitRoot()}/\${file}\`;
}`,
            },
          ],
        },
      ],
    },
    {
      ...ts(`import { spawn, type ChildProcess } from 'node:child_process';
const server: ChildProcess = spawn('node', ['server.js']);
export const stop = () => ({ server }.server.kill());`),
      errors: [
        {
          messageId: 'atImport',
          line: 2,
          column: 30,
          data: { name: 'spawn()', what: 'a child process' },
          suggestions: [
            {
              messageId: 'useLazyAccessor',
              data: { name: 'server', getter: 'getServer' },
              output: `import { spawn, type ChildProcess } from 'node:child_process';
let server: ChildProcess | undefined;
function getServer() {
  return (server ??= spawn('node', ['server.js']));
}
export const stop = () => ({ server: getServer() }.server.kill());`,
            },
          ],
        },
      ],
    },
    {
      // Used at load: no suggestion.
      ...esm(`import { spawn } from 'node:child_process';
const child = spawn('ls');
child.on('exit', () => {});`),
      errors: [atImport(2, 15, 'spawn()')],
    },
    {
      // Exported: importers read it, so it cannot become lazy here.
      ...esm(`import { spawn } from 'node:child_process';
export const child = spawn('ls');`),
      errors: [atImport(2, 22, 'spawn()')],
    },
    {
      // The getter name is taken.
      ...esm(`import { spawn } from 'node:child_process';
const child = spawn('ls');
function getChild() { return child; }
export { getChild };`),
      errors: [atImport(2, 15, 'spawn()')],
    },
  ],
});
