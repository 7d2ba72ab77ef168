import path from 'node:path';

import rule from '../../src/rules/no-unguarded-platform-api.js';
import { cjs, cts, esm, ts } from '../support/languages.js';
import { runRuleTests } from '../support/rule-tester.js';
import { typed } from '../support/typed.js';

const OPTIONAL_CALL = 'useOptionalCall' as const;

runRuleTests('no-unguarded-platform-api', rule, {
  valid: [
    // Compiled to CommonJS (.cts), a named import of a POSIX-only member is a property read: only its calls can fail, and this one is guarded.
    cts(`import { geteuid, platform } from 'node:process';
export const elevated = (): boolean => platform !== 'linux' || (geteuid !== undefined && geteuid() === 0);`),
    // A flag the module sets once on its exports (TypeScript's CommonJS output), read later by its functions.
    cjs(`"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.find = exports.IS_WINDOWS = void 0;
exports.IS_WINDOWS = process.platform === 'win32';
function isUnixExecutable(stats) {
  return (stats.mode & 8) > 0 && stats.gid === process.getgid();
}
exports.find = (stats) => (exports.IS_WINDOWS ? true : isUnixExecutable(stats));`),
    // The same in a bundle, whose module wrapper receives \`exports\`.
    cjs(`var modules = {
  87: function (module, exports) {
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.IS_WINDOWS = process.platform === 'win32';
    exports.owner = (stats) => { if (!exports.IS_WINDOWS) return stats.uid === process.getuid(); return true; };
  },
};
module.exports = modules;`),
    // A field a method also sets to something else: not known to be the child.
    cjs(`var fork = require('child_process').fork;
function Pool() { this.child = fork('./worker.js'); }
Pool.prototype.use = function (other) { this.child = other; };
Pool.prototype.terminate = function () { this.child.kill('SIGHUP'); };`),
    // A compiled class helper from a module: not known to define the methods on the prototype.
    cjs(`var _createClass = require('@babel/runtime/helpers/createClass');
var fork = require('child_process').fork;
var Pool = (function () {
  function Pool() { this.child = fork('./worker.js'); }
  _createClass(Pool, [{ key: 'terminate', value: function terminate() { this.child.kill('SIGHUP'); } }]);
  return Pool;
})();`),
    ts(`import { fork } from 'node:child_process';
export var Pool = /** @class */ (function () {
  function Pool(this: any) { this.child = fork('./worker.js'); }
  Pool.prototype.use = function (this: any, other: unknown) { this.child = other; };
  Pool.prototype.terminate = function (this: any) { this.child.kill('SIGHUP'); };
  return Pool;
}());`),
    // A list also given an unknown value.
    cjs(`var fork = require('child_process').fork;
module.exports = function (n, extra) {
  var workers = [];
  for (var i = 0; i < n; i++) workers[i] = workers[i] || fork(__dirname + '/worker.js');
  workers[n] = extra;
  return function stop() { while (workers.length) workers.shift().kill('SIGHUP'); };
};`),
    // --- POSIX credential calls under a platform guard --------------------------------------
    esm(`import os from 'node:os';
if (os.platform() === 'linux') process.setuid(0);`),
    cjs(`if (process.platform !== 'win32') process.setuid(1000);`),
    cjs(`const os = require('node:os');
if (os.type() !== 'Windows_NT') process.setgid(1000);`),
    esm(`import { platform } from 'node:os';
const isWindows = platform() === 'win32';
if (!isWindows) console.log(process.getgid());`),
    cjs(`const uid = process.platform === 'win32' ? null : process.getuid();`),
    cjs(`/^win/.test(process.platform) || process.getuid();`),
    cjs(`if (['linux', 'darwin'].includes(process.platform)) process.setgroups([]);`),
    // A target platform the analysis cannot identify: the branch is that platform's code.
    esm(`export function describeBuild(target) {
  if (target.os !== 'win32') return { owner: process.getuid(), group: process.getgid() };
  return { owner: 0, group: 0 };
}`),
    // A file whose path names a POSIX platform.
    cjs(`exports.ownerOf = () => process.getuid();`, { filename: path.resolve(import.meta.dirname, '../fixtures/file-model/cjs-package/lib/unix/owner.cjs') }),
    // Early exits.
    cjs(`function dropPrivileges() {
  if (process.platform === 'win32') return;
  process.setgid(1000);
  process.setuid(1000);
}`),
    esm(`import { type } from 'node:os';
if (type() === 'Windows_NT') throw new Error('POSIX only');
process.initgroups('app', 1000);`),
    cjs(`if (process.platform === 'win32') process.exit(1);
process.seteuid(1000);`),
    // switch on the platform, including a `default` after the excluded cases.
    cjs(`switch (process.platform) {
  case 'win32':
    break;
  default:
    process.setuid(1000);
}`),
    cjs(`switch (process.platform) {
  case 'linux':
  case 'darwin':
    console.log(process.getuid());
    break;
  default:
    console.log('no uid');
}`),
    // Optional calls and presence tests of the API.
    cjs(`console.log(process.getuid?.());`),
    esm(`import process from 'node:process';
if (process.getuid?.() === 0) console.log('root');`),
    cjs(`if (process.getuid && process.getuid() === 0) console.log('root');`),
    cjs(`const uid = process.getuid ? process.getuid() : -1;`),
    cjs(`if (typeof process.getuid === 'function') console.log(process.getuid());`),
    // comb 0.2.11's fix: a presence test through hasOwnProperty, held in a constant.
    cjs(`var hasGetGid = process.hasOwnProperty('getgid');
module.exports = () => ({ gid: hasGetGid ? process.getgid() : null });`),
    cjs(`const gid = Object.hasOwn(process, 'getgid') ? process.getgid() : null;`),
    cjs(`const gid = Object.prototype.hasOwnProperty.call(process, 'getgid') && process.getgid();`),
    cjs(`if ('getuid' in process) console.log(process.getuid());`),
    cjs(`if (!process.setuid) return;
process.setuid(1000);`),
    // Node defines the credential methods together: testing one proves the others.
    cjs(`if (process.getuid && process.setuid) {
  process.setgid(1000);
  process.setuid(1000);
}`),
    cjs(`const { getuid } = process;
if (getuid) console.log(getuid());`),
    // try/catch around the call.
    cjs(`try {
  process.setuid(1000);
} catch (error) {
  console.error('cannot drop privileges', error);
}`),
    // A project's own platform flag, declared in settings.
    esm(
      `import { isWindows } from './env.js';
if (!isWindows) process.setuid(1000);`,
      { settings: { 'process-guard': { platformGuards: { isWindows: 'win32' } } } },
    ),
    ts(`if (process.getuid) {
  const uid: number = process.getuid();
  console.log(uid);
}`),
    ts(`process.platform === 'win32' || process.setuid!(0);`),
    ts(`import * as os from 'node:os';
switch (os.platform()) {
  case 'win32':
    break;
  default:
    process.setuid!(1000);
}`),
    esm(`process.platform !== 'win32' && process.kill(-pid, 'SIGKILL');`),
    // Not calls, or not the process object.
    cjs(`const hasCredentials = typeof process.getuid === 'function';`),
    cjs(`function run(process) {
  return process.getuid();
}`),
    esm(`import { cwd, platform } from 'node:process';
console.log(cwd(), platform);`),
    ts(`import type { getuid } from 'node:process';
let read: typeof getuid;`),
    // --- lchmod (macOS only) ------------------------------------------------------------------
    esm(`import fs from 'node:fs';
if (process.platform === 'darwin') fs.lchmodSync('link', 0o644);`),
    // isaacs/chmodr
    cjs(`const fs = require('fs');
const LCHMOD = fs.lchmod ? 'lchmod' : 'chmod';
fs[LCHMOD]('link', 0o644, () => {});`),
    cjs(`const fs = require('fs');
if (fs.lchmod) fs.lchmod('link', 0o644, () => {});`),
    cjs(`require('fs').lchmod?.('link', 0o644, () => {});`),
    // The import alone does not fail: the binding is undefined off macOS.
    esm(`import { lchmod } from 'node:fs';
if (lchmod) lchmod('link', 0o644, () => {});`),
    esm(`import fs from 'node:fs';
import os from 'node:os';
if (os.platform() === 'darwin') await fs.promises.lchmod('link', 0o644);`),
    esm(`import fs from 'node:fs';
if (typeof fs.lchmodSync === 'function') await fs.promises.lchmod('link', 0o644);`),
    esm(`import { lchmod } from 'node:fs/promises';
await lchmod('link', 0o644).catch(() => {});`),
    esm(`import * as fsp from 'node:fs/promises';
try {
  await fsp.lchmod('link', 0o644);
} catch {}`),
    cjs(`const fs = require('fs');
try {
  fs.lchmodSync('link', 0o644);
} catch {}`),
    // --- kill through local functions: the signal each call passes --------------------------------
    esm(`import { spawn } from 'node:child_process';
const child = spawn('node', ['server.js']);
const stop = (signal) => child.kill(signal);
stop('SIGTERM');`),
    // The wrapper guards the platform itself.
    cjs(`function signalAll(pid, signal) {
  if (process.platform === 'win32') return;
  process.kill(pid, signal);
}
signalAll(pid, 'SIGUSR2');`),
    // The call is guarded, or caught.
    ts(`const reload = (pid: number, signal: string) => process.kill(pid, signal);
if (process.platform !== 'win32') reload(pid, 'SIGHUP');
try {
  reload(pid, 'SIGUSR1');
} catch {}`),
    // An unknown argument, and a parameter the file never calls with a value.
    cts(`function forward(pid: number, signal: NodeJS.Signals) { process.kill(pid, signal); }
forward(pid, options.signal);
export function relay(pid: number, signal: NodeJS.Signals) { forward(pid, signal); }`),
    // A method of the class, and a method of an object literal.
    esm(`import { fork } from 'node:child_process';
const child = fork('./worker.js');
class Pool {
  #send(signal) { child.kill(signal); }
  stop() { this.#send('SIGKILL'); }
}
const tools = { halt(pid, signal) { process.kill(pid, signal); } };
tools.halt(pid, 'SIGINT');`),
    // --- kill ---------------------------------------------------------------------------------
    cjs(`process.kill(pid, 'SIGTERM');
process.kill(pid, 'SIGKILL');
process.kill(pid, 'SIGINT');
process.kill(pid, 0);
process.kill(pid);`),
    esm(`import { spawn } from 'node:child_process';
const child = spawn('node', ['server.js']);
child.kill();
child.kill('SIGINT');`),
    // tree-kill
    esm(`import { spawn } from 'node:child_process';
export function killTree(child) {
  if (process.platform === 'win32') {
    spawn('taskkill', ['/pid', String(child.pid), '/T', '/F']);
  } else {
    process.kill(-child.pid, 'SIGKILL');
  }
}`),
    // A class field that holds a function is read by name, as a method is: every call is guarded.
    ts(`const SUPPORTS_SUSPEND = process.platform !== 'win32';
export class App {
  handleSuspend = (): void => {
    process.kill(process.pid, 'SIGSTOP');
  };
}
export function onKey(app: App, ctrl: boolean): void {
  if (ctrl && SUPPORTS_SUSPEND) app.handleSuspend();
}`),
    // signal-exit style platform lists.
    cjs(`if (process.platform !== 'win32') {
  process.kill(process.pid, 'SIGHUP');
}`),
    cjs(`const isWindows = process.platform === 'win32';
process.kill(pid, isWindows ? 'SIGBREAK' : 'SIGHUP');`),
    cjs(`if (process.platform === 'win32') process.kill(pid, 'SIGBREAK');`),
    // kentcdodds/cross-env: a SIGBREAK listener only ever runs on Windows.
    esm(`import { spawn } from 'node:child_process';
const proc = spawn(command, args, { stdio: 'inherit' });
process.on('SIGBREAK', () => proc.kill('SIGBREAK'));`),
    cjs(`try {
  process.kill(pid, 'SIGUSR2');
} catch {}`),
    esm(`import os from 'node:os';
process.kill(pid, os.constants.signals.SIGTERM);`),
    // Listening is not sending: a POSIX signal listener never fires on Windows, it does not throw.
    cjs(`process.on('SIGHUP', () => process.exit(0));`),
    cjs(`function kill(pid, signal) {}
kill(1, 'SIGHUP');`),
    // Computed group kills and re-raised signals under a platform guard.
    esm(`import { spawn } from 'node:child_process';
const child = spawn('node', ['server.js'], { detached: true });
export function stop(signal) {
  if (process.platform !== 'win32') process.kill(-child.pid, signal);
  else child.kill();
}`),
    cjs(`const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
if (process.platform !== 'win32') {
  for (const sig of signals) process.on(sig, () => process.kill(process.pid, sig));
}`),
    // Re-raising what Windows can send, or what never reaches a listener there.
    cjs(`for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, () => { cleanup(); process.kill(process.pid, sig); });
}`),
    cjs(`['SIGQUIT', 'SIGUSR2', 'SIGTERM'].forEach((sig) => {
  process.once(sig, () => process.kill(process.pid, sig));
});`),
    cjs(`process.once('SIGINT', (signal) => { cleanup(); process.kill(process.pid, signal); });`),
    // A signal that is passed in: unknown.
    esm(`export function forward(child, signal) { child.kill(signal); }`),
    // --- platform-only packages ---------------------------------------------------------------
    // paulmillr/chokidar lib/fsevents-handler.js
    cjs(`let fsevents;
try {
  fsevents = require('fsevents');
} catch (error) {
  if (process.env.CHOKIDAR_PRINT_FSEVENTS_REQUIRE_ERROR) console.error(error);
}`),
    esm(`const fsevents = await import('fsevents').catch(() => undefined);`),
    esm(`import('fsevents').then((fsevents) => fsevents.watch, () => undefined);`),
    esm(`import('fsevents').then((fsevents) => fsevents.watch).catch(() => {});`),
    esm(`let watch;
try {
  ({ watch } = await import('fsevents'));
} catch {
  // Optional dependency, only supported on Darwin
}`),
    cjs(`if (process.platform === 'darwin') {
  const fsevents = require('fsevents');
  fsevents.watch('.', () => {});
}`),
    esm(`import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
let fsevents;
try {
  fsevents = require('fsevents');
} catch {}`),
    ts(`import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
let fsevents: unknown;
try {
  fsevents = require('fsevents');
} catch {
  fsevents = undefined;
}`),
    ts(`const fsevents = await import('fsevents').catch(() => undefined);`),
    cts(`if (process.platform === 'darwin') {
  const fsevents = require('fsevents');
}`),
    cjs(`const path = require.resolve('fsevents');`),
    ts(`import type { watch } from 'fsevents';
let handler: typeof watch;`),
    cjs(`if (process.platform === 'win32') require('windows-registry');`, {
      settings: { 'process-guard': { platformOnlyModules: { 'windows-registry': 'win32' } } },
    }),
    // Not platform-only.
    esm(`import chokidar from 'chokidar';
const os = await import('node:os');`),
  ],
  invalid: [
    {
      // Reported twin: one call of the field is not guarded.
      ...ts(`const SUPPORTS_SUSPEND = process.platform !== 'win32';
export class App {
  handleSuspend = (): void => {
    process.kill(process.pid, 'SIGSTOP');
  };
}
export function onKey(app: App, ctrl: boolean): void {
  if (ctrl && SUPPORTS_SUSPEND) app.handleSuspend();
  if (!ctrl) app.handleSuspend();
}`),
      errors: [{ messageId: 'posixSignal', line: 4 }],
    },
    {
      // Reported twins: the flag written twice, inside a function, or the exports passed on.
      ...cjs(`exports.IS_WINDOWS = process.platform === 'win32';
if (process.env.FAKE) exports.IS_WINDOWS = true;
exports.owner = (stats) => (exports.IS_WINDOWS ? true : stats.uid === process.getuid());`),
      errors: [{ messageId: 'posixCall', line: 3, suggestions: [{ messageId: OPTIONAL_CALL, output: `exports.IS_WINDOWS = process.platform === 'win32';
if (process.env.FAKE) exports.IS_WINDOWS = true;
exports.owner = (stats) => (exports.IS_WINDOWS ? true : stats.uid === process.getuid?.());` }] }],
    },
    {
      ...cjs(`function init() { exports.IS_WINDOWS = process.platform === 'win32'; }
init();
exports.owner = (stats) => (exports.IS_WINDOWS ? true : stats.uid === process.getuid());`),
      errors: [{ messageId: 'posixCall', line: 3, suggestions: [{ messageId: OPTIONAL_CALL, output: `function init() { exports.IS_WINDOWS = process.platform === 'win32'; }
init();
exports.owner = (stats) => (exports.IS_WINDOWS ? true : stats.uid === process.getuid?.());` }] }],
    },
    {
      ...cjs(`exports.IS_WINDOWS = process.platform === 'win32';
require('./patch')(exports);
exports.owner = (stats) => (exports.IS_WINDOWS ? true : stats.uid === process.getuid());`),
      errors: [{ messageId: 'posixCall', line: 3, suggestions: [{ messageId: OPTIONAL_CALL, output: `exports.IS_WINDOWS = process.platform === 'win32';
require('./patch')(exports);
exports.owner = (stats) => (exports.IS_WINDOWS ? true : stats.uid === process.getuid?.());` }] }],
    },
    // --- named imports of POSIX-only process members --------------------------------------------
    {
      // Compiled to CommonJS, the import links on Windows; the unguarded call is what throws there.
      ...cts(`import { geteuid } from 'node:process';
export const elevated = (): boolean => geteuid() === 0;`),
      errors: [
        {
          messageId: 'posixCall',
          line: 2,
          suggestions: [{ messageId: OPTIONAL_CALL, output: `import { geteuid } from 'node:process';
export const elevated = (): boolean => geteuid?.() === 0;` }],
        },
      ],
    },
    {
      ...esm(`import { getuid } from 'node:process';
console.log(getuid());`),
      errors: [
        {
          messageId: 'posixImport',
          data: { name: 'getuid' },
          line: 1,
          column: 10,
          suggestions: [
            {
              messageId: 'useProcessGlobal',
              data: { name: 'getuid' },
              output: `console.log(process.getuid?.());`,
            },
          ],
        },
      ],
    },
    {
      // The Node.js docs' own example.
      ...esm(`import { getgroups, initgroups, setgid } from 'node:process';
console.log(getgroups());
initgroups('nodeuser', 1000);
setgid(1000);`),
      errors: [
        {
          messageId: 'posixImport',
          data: { name: 'getgroups' },
          line: 1,
          column: 10,
          suggestions: [
            {
              messageId: 'useProcessGlobal',
              data: { name: 'getgroups' },
              output: `import { initgroups, setgid } from 'node:process';
console.log(process.getgroups?.());
initgroups('nodeuser', 1000);
setgid(1000);`,
            },
          ],
        },
        {
          messageId: 'posixImport',
          data: { name: 'initgroups' },
          line: 1,
          column: 21,
          suggestions: [
            {
              messageId: 'useProcessGlobal',
              data: { name: 'initgroups' },
              output: `import { getgroups, setgid } from 'node:process';
console.log(getgroups());
process.initgroups?.('nodeuser', 1000);
setgid(1000);`,
            },
          ],
        },
        {
          messageId: 'posixImport',
          data: { name: 'setgid' },
          line: 1,
          column: 33,
          suggestions: [
            {
              messageId: 'useProcessGlobal',
              data: { name: 'setgid' },
              output: `import { getgroups, initgroups } from 'node:process';
console.log(getgroups());
initgroups('nodeuser', 1000);
process.setgid?.(1000);`,
            },
          ],
        },
      ],
    },
    {
      ...esm(`import process, { getuid as uid } from 'process';
if (uid() === 0) console.log('root', process.pid);`),
      errors: [
        {
          messageId: 'posixImport',
          line: 1,
          column: 19,
          suggestions: [
            {
              messageId: 'useProcessGlobal',
              data: { name: 'getuid' },
              output: `import process from 'process';
if (process.getuid?.() === 0) console.log('root', process.pid);`,
            },
          ],
        },
      ],
    },
    {
      ...esm(`import { cwd, geteuid } from 'node:process';
export const info = { cwd: cwd(), geteuid };`),
      errors: [
        {
          messageId: 'posixImport',
          line: 1,
          column: 15,
          suggestions: [
            {
              messageId: 'useProcessGlobal',
              data: { name: 'geteuid' },
              output: `import { cwd } from 'node:process';
export const info = { cwd: cwd(), geteuid: process.geteuid };`,
            },
          ],
        },
      ],
    },
    {
      // A guard cannot help: the import fails before the module runs.
      ...esm(`import { setuid } from 'node:process';
if (process.platform !== 'win32') setuid(1000);`),
      errors: [
        {
          messageId: 'posixImport',
          line: 1,
          column: 10,
          suggestions: [
            {
              messageId: 'useProcessGlobal',
              data: { name: 'setuid' },
              output: `if (process.platform !== 'win32') process.setuid?.(1000);`,
            },
          ],
        },
      ],
    },
    {
      ...ts(`import { getuid } from 'node:process';
if (getuid() === 0) console.log('root');`),
      errors: [
        {
          messageId: 'posixImport',
          line: 1,
          column: 10,
          suggestions: [
            {
              messageId: 'useProcessGlobal',
              data: { name: 'getuid' },
              output: `if (process.getuid?.() === 0) console.log('root');`,
            },
          ],
        },
      ],
    },
    {
      // In one statement the first call throws on Windows before the second runs: one report, at the first.
      ...cjs(`exports.stat = (cb) => cb(null, { mode: 0o644, uid: process.getuid(), gid: process.getgid() });
exports.owner = (flag) => [flag ? process.getuid() : 0, process.getgid()];
exports.handler = (op, cb) => { if (op === 'getattr') return cb(0, { uid: process.getuid(), gid: process.getgid() }); };`),
      errors: [
        { messageId: 'posixCall', line: 1, column: 53, suggestions: [{ messageId: OPTIONAL_CALL, output: `exports.stat = (cb) => cb(null, { mode: 0o644, uid: process.getuid?.(), gid: process.getgid() });
exports.owner = (flag) => [flag ? process.getuid() : 0, process.getgid()];
exports.handler = (op, cb) => { if (op === 'getattr') return cb(0, { uid: process.getuid(), gid: process.getgid() }); };` }] },
        // A call that may not run (a branch of a conditional) leaves the next one reported.
        { messageId: 'posixCall', line: 2, column: 35, suggestions: [{ messageId: OPTIONAL_CALL, output: `exports.stat = (cb) => cb(null, { mode: 0o644, uid: process.getuid(), gid: process.getgid() });
exports.owner = (flag) => [flag ? process.getuid?.() : 0, process.getgid()];
exports.handler = (op, cb) => { if (op === 'getattr') return cb(0, { uid: process.getuid(), gid: process.getgid() }); };` }] },
        { messageId: 'posixCall', line: 2, column: 57, suggestions: [{ messageId: OPTIONAL_CALL, output: `exports.stat = (cb) => cb(null, { mode: 0o644, uid: process.getuid(), gid: process.getgid() });
exports.owner = (flag) => [flag ? process.getuid() : 0, process.getgid?.()];
exports.handler = (op, cb) => { if (op === 'getattr') return cb(0, { uid: process.getuid(), gid: process.getgid() }); };` }] },
        // The argument of a \`return\` runs whenever the return does.
        { messageId: 'posixCall', line: 3, column: 75, suggestions: [{ messageId: OPTIONAL_CALL, output: `exports.stat = (cb) => cb(null, { mode: 0o644, uid: process.getuid(), gid: process.getgid() });
exports.owner = (flag) => [flag ? process.getuid() : 0, process.getgid()];
exports.handler = (op, cb) => { if (op === 'getattr') return cb(0, { uid: process.getuid?.(), gid: process.getgid() }); };` }] },
      ],
    },
    {
      // A presence test of a member every platform has proves nothing.
      ...cjs(`const gid = Object.hasOwn(process, 'argv') ? process.getgid() : null;`),
      errors: [{ messageId: 'posixCall', line: 1, column: 46, suggestions: [{ messageId: 'useOptionalCall', output: "const gid = Object.hasOwn(process, 'argv') ? process.getgid?.() : null;" }] }],
    },
    {
      // `number | undefined` would not fit the annotation: no suggestion.
      ...ts(`import { getuid } from 'node:process';
const uid: number = getuid();`),
      errors: [{ messageId: 'posixImport', line: 1, column: 10, suggestions: [] }],
    },
    {
      ...esm(`import { getuid } from 'node:process';
export { getuid };`),
      errors: [{ messageId: 'posixImport', line: 1, column: 10, suggestions: [] }],
    },
    {
      ...esm(`export { getegid, cwd } from 'node:process';`),
      errors: [{ messageId: 'posixImport', data: { name: 'getegid' }, line: 1, column: 10, suggestions: [] }],
    },
    // --- credential calls ---------------------------------------------------------------------
    {
      ...cjs(`const { setuid } = process; setuid(1000);`),
      errors: [
        {
          messageId: 'posixCall',
          data: { name: 'setuid' },
          line: 1,
          column: 29,
          suggestions: [{ messageId: OPTIONAL_CALL, output: `const { setuid } = process; setuid?.(1000);` }],
        },
      ],
    },
    {
      ...esm(`console.log(process.getuid());`),
      errors: [
        {
          messageId: 'posixCall',
          data: { name: 'getuid' },
          line: 1,
          column: 13,
          suggestions: [{ messageId: OPTIONAL_CALL, output: `console.log(process.getuid?.());` }],
        },
      ],
    },
    {
      ...cjs(`const proc = process;
proc.setgid(100);`),
      errors: [
        {
          messageId: 'posixCall',
          data: { name: 'setgid' },
          line: 2,
          column: 1,
          suggestions: [{ messageId: OPTIONAL_CALL, output: `const proc = process;
proc.setgid?.(100);` }],
        },
      ],
    },
    {
      ...esm(`import * as proc from 'node:process';
proc.seteuid(1);`),
      errors: [
        {
          messageId: 'posixCall',
          data: { name: 'seteuid' },
          line: 2,
          column: 1,
          suggestions: [{ messageId: OPTIONAL_CALL, output: `import * as proc from 'node:process';
proc.seteuid?.(1);` }],
        },
      ],
    },
    {
      ...cjs(`const { setegid: setEffectiveGroup } = require('node:process');
(setEffectiveGroup)(1);`),
      errors: [
        {
          messageId: 'posixCall',
          data: { name: 'setegid' },
          line: 2,
          column: 1,
          suggestions: [{ messageId: OPTIONAL_CALL, output: `const { setegid: setEffectiveGroup } = require('node:process');
(setEffectiveGroup)?.(1);` }],
        },
      ],
    },
    {
      // mimshins/figma-backup#3
      ...cjs(`function isRoot() {
  return process.getuid() === 0;
}`),
      errors: [
        {
          messageId: 'posixCall',
          line: 2,
          column: 10,
          suggestions: [{ messageId: OPTIONAL_CALL, output: `function isRoot() {
  return process.getuid?.() === 0;
}` }],
        },
      ],
    },
    {
      // A guard for another platform leaves Windows possible.
      ...cjs(`if (process.platform !== 'darwin') process.setgroups([]);`),
      errors: [
        {
          messageId: 'posixCall',
          line: 1,
          column: 36,
          suggestions: [{ messageId: OPTIONAL_CALL, output: `if (process.platform !== 'darwin') process.setgroups?.([]);` }],
        },
      ],
    },
    {
      // The callback runs after the try block is left.
      ...cjs(`try {
  setTimeout(() => process.setuid(1000), 0);
} catch {}`),
      errors: [
        {
          messageId: 'posixCall',
          line: 2,
          column: 20,
          suggestions: [{ messageId: OPTIONAL_CALL, output: `try {
  setTimeout(() => process.setuid?.(1000), 0);
} catch {}` }],
        },
      ],
    },
    {
      ...ts(`process.setuid(1000);`),
      errors: [
        {
          messageId: 'posixCall',
          line: 1,
          column: 1,
          suggestions: [{ messageId: OPTIONAL_CALL, output: `process.setuid?.(1000);` }],
        },
      ],
    },
    {
      // `number | undefined` would not fit the annotation: no suggestion in TypeScript.
      ...ts(`const uid: number = process.getuid();`),
      errors: [{ messageId: 'posixCall', line: 1, column: 21, suggestions: [] }],
    },
    {
      ...cts(`const { getgid } = require('process');
if (getgid() === 0) console.log('root group');`),
      errors: [
        {
          messageId: 'posixCall',
          line: 2,
          column: 5,
          suggestions: [{ messageId: OPTIONAL_CALL, output: `const { getgid } = require('process');
if (getgid?.() === 0) console.log('root group');` }],
        },
      ],
    },
    // --- lchmod -------------------------------------------------------------------------------
    {
      ...cjs(`const fs = require('fs');
fs.lchmod('link', 0o644, (error) => {});`),
      errors: [{ messageId: 'macosOnly', data: { name: 'fs.lchmod()' }, line: 2, column: 1 }],
    },
    {
      ...esm(`import { lchmodSync } from 'node:fs';
lchmodSync('link', 0o644);`),
      errors: [{ messageId: 'macosOnly', data: { name: 'fs.lchmodSync()' }, line: 2, column: 1 }],
    },
    {
      ...esm(`import fs from 'node:fs';
await fs.promises.lchmod('link', 0o644);`),
      errors: [{ messageId: 'macosOnly', data: { name: 'fs.promises.lchmod()' }, line: 2, column: 7 }],
    },
    {
      // A Linux file is not a macOS file: lchmod is still missing there.
      ...esm(`import { lchmodSync } from 'node:fs';
lchmodSync('link', 0o644);
export const linked = true;`, { filename: path.resolve(import.meta.dirname, '../fixtures/file-model/cjs-package/src/linux-perms.mjs') }),
      errors: [{ messageId: 'macosOnly', data: { name: 'fs.lchmodSync()' }, line: 2, column: 1 }],
    },
    {
      // fs.promises.lchmod exists everywhere (it rejects off macOS): testing it proves nothing.
      ...esm(`import { lchmod } from 'node:fs/promises';
if (lchmod) await lchmod('link', 0o644);`),
      errors: [{ messageId: 'macosOnly', data: { name: 'fs.promises.lchmod()' }, line: 2, column: 19 }],
    },
    {
      ...ts(`import * as fs from 'node:fs';
if (process.platform !== 'win32') fs.lchmodSync('link', 0o644);`),
      errors: [{ messageId: 'macosOnly', line: 2, column: 35 }],
    },
    {
      // Not awaited: the rejection escapes the try.
      ...esm(`import { promises } from 'node:fs';
try {
  promises.lchmod('link', 0o644);
} catch {}`),
      errors: [{ messageId: 'macosOnly', line: 3, column: 3 }],
    },
    // --- kill through local functions: reported where the signal is passed ------------------------
    {
      ...esm(`import { spawn } from 'node:child_process';
const child = spawn('node', ['server.js']);
const stop = (signal) => child.kill(signal);
stop('SIGUSR2');`),
      errors: [{ messageId: 'posixSignal', data: { signal: 'SIGUSR2', name: 'subprocess.kill() at line 3 through stop()' }, line: 4, column: 6 }],
    },
    {
      // Wrappers of wrappers, and a call on a platform the wrapper does not rule out.
      ...cjs(`function signalAll(pid, signal) {
  process.kill(pid, signal);
}
const reload = (pid) => signalAll(pid, 'SIGHUP');
function forward(pid, signal) { return signalAll(pid, signal); }
if (process.platform !== 'linux') forward(pid, 'SIGQUIT');`),
      errors: [
        { messageId: 'posixSignal', data: { signal: 'SIGHUP', name: 'process.kill() at line 2 through signalAll()' }, line: 4, column: 40 },
        { messageId: 'posixSignal', data: { signal: 'SIGQUIT', name: 'process.kill() at line 2 through forward()' }, line: 6, column: 48 },
      ],
    },
    {
      // A method of the same class, and a method of an object literal.
      ...ts(`import { fork } from 'node:child_process';
const child = fork('./worker.js');
class Pool {
  private send(signal: NodeJS.Signals): void { child.kill(signal); }
  reload(): void { this.send('SIGHUP'); }
}
const tools = { halt(pid: number, signal: string) { process.kill(pid, signal); } };
tools.halt(pid, 'SIGBREAK');`),
      errors: [
        { messageId: 'posixSignal', data: { signal: 'SIGHUP', name: 'subprocess.kill() at line 4 through this.send()' }, line: 5, column: 30 },
        { messageId: 'windowsSignal', data: { signal: 'SIGBREAK', name: 'process.kill() at line 7 through tools.halt()' }, line: 8, column: 17 },
      ],
    },
    {
      ...cts(`const signal = (pid: number, name: string) => process.kill(pid, name);
const RELOAD = 'SIGUSR1';
signal(process.pid, RELOAD);`),
      errors: [{ messageId: 'posixSignal', data: { signal: 'SIGUSR1', name: 'process.kill() at line 1 through signal()' }, line: 3, column: 21 }],
    },
    // --- kill ---------------------------------------------------------------------------------
    {
      ...esm(`import { spawn } from 'node:child_process';
const child = spawn('node', ['server.js'], { detached: true });
process.kill(-child.pid, 'SIGTERM');`),
      errors: [{ messageId: 'processGroupKill', line: 3, column: 14 }],
    },
    {
      ...cjs(`function stop(child) {
  const group = -child.pid;
  process.kill(group);
}`),
      errors: [{ messageId: 'processGroupKill', line: 3, column: 16 }],
    },
    {
      ...cjs(`process.kill(process.pid, 'SIGUSR1');`),
      errors: [{ messageId: 'posixSignal', data: { signal: 'SIGUSR1', name: 'process.kill()' }, line: 1, column: 27 }],
    },
    {
      // remy/nodemon#414
      ...esm(`import { spawn } from 'node:child_process';
const child = spawn('node', ['server.js']);
export const restart = () => child.kill('SIGUSR2');`),
      errors: [{ messageId: 'posixSignal', data: { signal: 'SIGUSR2', name: 'subprocess.kill()' }, line: 3, column: 41 }],
    },
    {
      ...cjs(`const { fork } = require('node:child_process');
fork('./worker.js').kill('SIGHUP');`),
      errors: [{ messageId: 'posixSignal', data: { signal: 'SIGHUP', name: 'subprocess.kill()' }, line: 2, column: 26 }],
    },
    {
      ...ts(`import cluster from 'node:cluster';
const worker = cluster.fork();
worker.process.kill('SIGQUIT');`),
      errors: [{ messageId: 'posixSignal', data: { signal: 'SIGQUIT', name: 'subprocess.kill()' }, line: 3, column: 21 }],
    },
    {
      ...cjs(`const RELOAD = 'SIGHUP';
process.kill(pid, RELOAD);`),
      errors: [{ messageId: 'posixSignal', data: { signal: 'SIGHUP', name: 'process.kill()' }, line: 2, column: 19 }],
    },
    {
      ...cjs(`process.kill(pid, graceful ? 'SIGTERM' : 'SIGQUIT');`),
      errors: [{ messageId: 'posixSignal', data: { signal: 'SIGQUIT', name: 'process.kill()' }, line: 1, column: 19 }],
    },
    {
      ...esm(`import { constants } from 'node:os';
process.kill(pid, constants.signals.SIGWINCH);`),
      errors: [{ messageId: 'posixSignal', data: { signal: 'SIGWINCH', name: 'process.kill()' }, line: 2, column: 19 }],
    },
    {
      ...cjs(`process.kill(pid, 'SIGBREAK');`),
      errors: [{ messageId: 'windowsSignal', data: { signal: 'SIGBREAK', name: 'process.kill()' }, line: 1, column: 19 }],
    },
    {
      // Forwarding SIGHUP: on Windows the listener fires when the console closes, and kill throws.
      ...esm(`import { spawn } from 'node:child_process';
const proc = spawn(command, args, { stdio: 'inherit' });
process.on('SIGHUP', () => proc.kill('SIGHUP'));`),
      errors: [{ messageId: 'posixSignal', data: { signal: 'SIGHUP', name: 'subprocess.kill()' }, line: 3, column: 38 }],
    },
    {
      // A pid from a pid file, negated to reach the whole group.
      ...cjs(`const pid = fs.readFileSync('app.pid', 'utf8');
process.kill(-(parseInt(pid, 10)), 'SIGKILL');`),
      errors: [{ messageId: 'processGroupKill', line: 2, column: 14 }],
    },
    {
      ...esm(`import { spawn } from 'node:child_process';
export function stopAll(child, signal) {
  process.kill(-child.pid, signal);
}`),
      errors: [{ messageId: 'processGroupKill', line: 3, column: 16 }],
    },
    {
      // A supervisor restarting its worker with SIGHUP.
      ...ts(`import { fork, type ChildProcess } from 'node:child_process';
export class Supervisor {
  private child?: ChildProcess;
  start(): void {
    this.child = fork('./worker.js');
  }
  reload(): void {
    this.child?.kill('SIGHUP');
  }
}`),
      errors: [{ messageId: 'posixSignal', data: { signal: 'SIGHUP', name: 'subprocess.kill()' }, line: 8, column: 22 }],
    },
    {
      // An ES5 constructor function's child, stopped in a prototype method.
      ...cjs(`var fork = require('child_process').fork;
function Pool() { this.child = fork('./worker.js'); }
Pool.prototype.terminate = function () { this.child.kill('SIGHUP'); };
module.exports = Pool;`),
      errors: [{ messageId: 'posixSignal', data: { signal: 'SIGHUP', name: 'subprocess.kill()' }, line: 3, column: 58 }],
    },
    {
      // A compiled class whose helper's own code defines its methods on the prototype.
      ...cjs(`var _createClass = (function () { function defineProperties(target, props) { for (var i = 0; i < props.length; i++) { var descriptor = props[i]; Object.defineProperty(target, descriptor.key, descriptor); } } return function (Constructor, protoProps) { if (protoProps) defineProperties(Constructor.prototype, protoProps); return Constructor; }; })();
var fork = require('child_process').fork;
var Pool = (function () {
  function Pool() { this.child = fork('./worker.js'); }
  _createClass(Pool, [{ key: 'terminate', value: function terminate() { this.child.kill('SIGHUP'); } }]);
  return Pool;
})();
module.exports = Pool;`),
      errors: [{ messageId: 'posixSignal', data: { signal: 'SIGHUP', name: 'subprocess.kill()' }, line: 5, column: 89 }],
    },
    {
      // A TypeScript-compiled class.
      ...ts(`import { fork } from 'node:child_process';
export var Pool = /** @class */ (function () {
  function Pool(this: any) { this.child = fork('./worker.js'); }
  Pool.prototype.terminate = function (this: any) { this.child.kill('SIGHUP'); };
  return Pool;
}());`),
      errors: [{ messageId: 'posixSignal', data: { signal: 'SIGHUP', name: 'subprocess.kill()' }, line: 4, column: 69 }],
    },
    {
      // Workers kept in a list filled by index, stopped one by one.
      ...cjs(`var fork = require('child_process').fork;
module.exports = function (n) {
  var workers = [];
  for (var i = 0; i < n; i++) workers[i] = workers[i] || fork(__dirname + '/worker.js');
  return function stop() { while (workers.length) workers.shift().kill('SIGHUP'); };
};`),
      errors: [{ messageId: 'posixSignal', data: { signal: 'SIGHUP', name: 'subprocess.kill()' }, line: 5, column: 72 }],
    },
    {
      // Re-raising every caught signal of a list after cleanup: SIGHUP fires on Windows, kill throws ENOSYS.
      ...cjs(`const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
signals.forEach((sig) => {
  process.once(sig, function onSignal() {
    cleanup();
    process.kill(process.pid, sig);
  });
});`),
      errors: [{ messageId: 'posixSignal', data: { signal: 'SIGHUP', name: 'process.kill()' }, line: 5, column: 31 }],
    },
    {
      ...esm(`for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => process.kill(process.pid, sig));
}`),
      errors: [{ messageId: 'posixSignal', data: { signal: 'SIGHUP', name: 'process.kill()' }, line: 2, column: 51 }],
    },
    {
      // The listener's argument is the signal it caught.
      ...cjs(`process.once('SIGHUP', (signal) => {
  flushLogs();
  process.kill(process.pid, signal);
});`),
      errors: [{ messageId: 'posixSignal', data: { signal: 'SIGHUP', name: 'process.kill()' }, line: 3, column: 29 }],
    },
    {
      ...cjs(`process.kill(-pid, 'SIGHUP');`),
      errors: [
        { messageId: 'processGroupKill', line: 1, column: 14 },
        { messageId: 'posixSignal', line: 1, column: 20 },
      ],
    },
    // --- platform-only packages ---------------------------------------------------------------
    {
      ...esm(`import fsevents from 'fsevents';`),
      errors: [{ messageId: 'platformPackageImport', data: { module: 'fsevents', platforms: 'macOS' }, line: 1, column: 1 }],
    },
    {
      ...esm(`if (process.platform === 'darwin') {
  console.log('watching');
}
import 'fsevents';`),
      errors: [{ messageId: 'platformPackageImport', line: 4, column: 1 }],
    },
    {
      ...ts(`import fsevents = require('fsevents');`),
      errors: [{ messageId: 'platformPackageImport', line: 1, column: 1 }],
    },
    {
      ...cjs(`const fsevents = require('fsevents');`),
      errors: [{ messageId: 'platformPackageLoad', data: { module: 'fsevents', platforms: 'macOS' }, line: 1, column: 18 }],
    },
    {
      ...esm(`const { watch } = await import('fsevents');`),
      errors: [{ messageId: 'platformPackageLoad', line: 1, column: 25 }],
    },
    {
      ...esm(`export const load = () => import('fsevents').then((fsevents) => fsevents.watch);`),
      errors: [{ messageId: 'platformPackageLoad', line: 1, column: 27 }],
    },
    {
      // Not installed on Linux either.
      ...cjs(`if (process.platform !== 'win32') require('fsevents');`),
      errors: [{ messageId: 'platformPackageLoad', line: 1, column: 35 }],
    },
    {
      ...cjs(`try {
  require('fsevents');
} finally {
  console.log('done');
}`),
      errors: [{ messageId: 'platformPackageLoad', line: 2, column: 3 }],
    },
    {
      // Not awaited: the rejection escapes the try.
      ...esm(`try {
  import('fsevents');
} catch {}`),
      errors: [{ messageId: 'platformPackageLoad', line: 2, column: 3 }],
    },
    {
      ...esm(`import registry from 'node:windows-registry';`, {
        settings: { 'process-guard': { platformOnlyModules: { 'windows-registry': ['win32'] } } },
      }),
      errors: [{ messageId: 'platformPackageImport', data: { module: 'windows-registry', platforms: 'Windows' }, line: 1, column: 1 }],
    },
    {
      ...cts(`const usb = require('macos-usb');`, {
        settings: { 'process-guard': { platformOnlyModules: { 'macos-usb': ['darwin', 'linux'] } } },
      }),
      errors: [{ messageId: 'platformPackageLoad', data: { module: 'macos-usb', platforms: 'macOS and Linux' }, line: 1, column: 13 }],
    },
  ],
});

// Test-framework platform guards: the test body runs only where the framework lets it.
runRuleTests('no-unguarded-platform-api (test-framework guards)', rule, {
  valid: [
    // Jest's and mocha's skipped forms, as runner globals.
    cjs(`(process.platform === 'win32' ? xit : it)('uid', () => console.log(process.getuid()));`),
    esm(`import { it } from 'vitest';
const isWindows = process.platform === 'win32';
it.skipIf(isWindows)('keeps the uid', () => {
  console.log(process.getuid());
});`),
    esm(`import { test, describe } from 'vitest';
describe.runIf(process.platform === 'linux')('linux', () => {
  test('uid', () => console.log(process.getuid()));
});
test.runIf(process.platform !== 'win32')('gid', () => console.log(process.getgid()));`),
    esm(`import { it } from '@jest/globals';
const isWindows = process.platform === 'win32';
(isWindows ? it.skip : it)('uid', () => console.log(process.getuid()));`),
    esm(`import { test } from 'node:test';
const itPosix = process.platform === 'win32' ? test.skip : test;
itPosix('uid', () => console.log(process.getuid()));`),
    // Mocha and vitest globals, not shadowed in the file.
    cjs(`const isWindows = process.platform === 'win32';
describe('credentials', function () {
  before(function () {
    if (isWindows) this.skip();
    process.setuid(1000);
  });
  it('reads the uid', function () {
    if (isWindows) this.skip();
    console.log(process.getuid());
  });
});`),
    esm(`import { it } from 'vitest';
it('uid', (ctx) => {
  if (process.platform === 'win32') ctx.skip();
  console.log(process.getuid());
});`),
    esm(`import { it } from 'node:test';
it('uid', () => {
  if (process.platform === 'win32') return;
  console.log(process.getuid());
});`),
    // Playwright Test: a conditional skip in a test body ends the test when its condition holds.
    cjs(`const { test } = require('@playwright/test');
test('sigint', async () => {
  test.skip(process.platform === 'win32', 'no signals');
  process.kill(process.pid, 'SIGUSR1');
});`),
    esm(`import { test } from '@playwright/test';
test('uid', async () => {
  test.fixme(process.platform === 'win32');
  console.log(process.getuid());
});`),
    // A group's skip over the fixtures (\`platform\` is the host's) skips every test of the group.
    esm(`import { test } from '@playwright/test';
test.describe('signals', () => {
  test.skip(({ platform }) => platform === 'win32');
  test('hup', async () => { process.kill(process.pid, 'SIGHUP'); });
  test.describe('nested', () => {
    test('uid', () => console.log(process.getuid()));
  });
});`),
    // A project wrapper made with extend, and a test whose origin is another module of the project.
    esm(`import { test as base } from '@playwright/test';
const test = base.extend({ server: async ({}, use) => use(1) });
test('uid', async ({ server }) => {
  test.skip(process.platform === 'win32', 'POSIX');
  console.log(process.getuid(), server);
});`),
    esm(`import { test as it } from './fixtures';
it('uid', async () => {
  it.skip(process.platform === 'win32');
  console.log(process.getuid());
});`),
    // node:test's skip option, and bun's test.if.
    esm(`import { test } from 'node:test';
test('uid', { skip: process.platform === 'win32' }, () => console.log(process.getuid()));`),
    // tap's and tape's skip option, also on a subtest.
    cjs(`const t = require('tap');
const winNoSig = process.platform === 'win32' && 'no signals on Windows';
t.test('signals', (t) => {
  t.test('SIGHUP', { skip: winNoSig }, (t) => {
    const child = require('child_process').spawn(process.execPath, ['x.js']);
    child.kill('SIGHUP');
    t.end();
  });
  t.end();
});`),
    esm(`import test from 'tape';
test('uid', { skip: process.platform === 'win32' }, (t) => { t.ok(process.getuid()); t.end(); });`),
    esm(`import { describe, it } from 'bun:test';
describe.if(process.platform !== 'win32')('posix', () => {
  it('uid', () => console.log(process.getuid()));
});`),
  ],
  invalid: [
    {
      // A skip option that holds elsewhere proves nothing about Windows.
      ...esm(`import test from 'tape';
test('uid', { skip: process.platform === 'linux' }, (t) => { t.ok(process.getuid()); t.end(); });`),
      errors: [{ messageId: 'posixCall', data: { name: 'getuid' }, line: 2, column: 67, suggestions: [{ messageId: OPTIONAL_CALL, output: `import test from 'tape';
test('uid', { skip: process.platform === 'linux' }, (t) => { t.ok(process.getuid?.()); t.end(); });` }] }],
    },
    {
      // A Playwright skip on the wrong platform proves nothing about POSIX.
      ...esm(`import { test } from '@playwright/test';
test('uid', async () => {
  test.skip(process.platform === 'linux');
  console.log(process.getuid());
});`),
      errors: [{ messageId: 'posixCall', data: { name: 'getuid' }, line: 4, column: 15, suggestions: [{ messageId: OPTIONAL_CALL, output: `import { test } from '@playwright/test';
test('uid', async () => {
  test.skip(process.platform === 'linux');
  console.log(process.getuid?.());
});` }] }],
    },
    {
      // test.skip(title, body) declares a skipped test; the code after it runs.
      ...esm(`import { test } from '@playwright/test';
test.describe('group', () => {
  test.skip('later', async () => {});
  test('uid', () => console.log(process.getuid()));
});`),
      errors: [{ messageId: 'posixCall', data: { name: 'getuid' }, line: 4, column: 33, suggestions: [{ messageId: OPTIONAL_CALL, output: `import { test } from '@playwright/test';
test.describe('group', () => {
  test.skip('later', async () => {});
  test('uid', () => console.log(process.getuid?.()));
});` }] }],
    },
    {
      // A group's skip holds in its tests, not in code that runs while the group is collected.
      ...esm(`import { test } from '@playwright/test';
test.describe('group', () => {
  test.skip(({ platform }) => platform === 'win32');
  console.log(process.getuid());
});`),
      errors: [{ messageId: 'posixCall', data: { name: 'getuid' }, line: 4, column: 15, suggestions: [{ messageId: OPTIONAL_CALL, output: `import { test } from '@playwright/test';
test.describe('group', () => {
  test.skip(({ platform }) => platform === 'win32');
  console.log(process.getuid?.());
});` }] }],
    },
    {
      // A skip method of a value that is not a test function is not a test skip.
      ...esm(`import { test } from '@playwright/test';
const reader = { skip() {} };
test('uid', async () => {
  reader.skip(process.platform === 'win32');
  console.log(process.getuid());
});`),
      errors: [{ messageId: 'posixCall', data: { name: 'getuid' }, line: 5, column: 15, suggestions: [{ messageId: OPTIONAL_CALL, output: `import { test } from '@playwright/test';
const reader = { skip() {} };
test('uid', async () => {
  reader.skip(process.platform === 'win32');
  console.log(process.getuid?.());
});` }] }],
    },
    {
      // node:test's todo option still runs the test.
      ...esm(`import { test } from 'node:test';
test('uid', { todo: process.platform === 'win32' }, () => console.log(process.getuid()));`),
      errors: [{ messageId: 'posixCall', data: { name: 'getuid' }, line: 2, column: 71, suggestions: [{ messageId: OPTIONAL_CALL, output: `import { test } from 'node:test';
test('uid', { todo: process.platform === 'win32' }, () => console.log(process.getuid?.()));` }] }],
    },
    {
      // xit on the other platforms: the test runs on Windows.
      ...cjs(`(process.platform === 'win32' ? it : xit)('uid', () => console.log(process.getuid()));`),
      errors: [
        {
          messageId: 'posixCall',
          data: { name: 'getuid' },
          line: 1,
          column: 68,
          suggestions: [{ messageId: OPTIONAL_CALL, output: `(process.platform === 'win32' ? it : xit)('uid', () => console.log(process.getuid?.()));` }],
        },
      ],
    },
    {
      // runIf on the wrong platform proves nothing about POSIX.
      ...esm(`import { it } from 'vitest';
it.runIf(process.platform === 'win32')('uid', () => console.log(process.getuid()));`),
      errors: [
        {
          messageId: 'posixCall',
          data: { name: 'getuid' },
          line: 2,
          column: 65,
          suggestions: [{ messageId: OPTIONAL_CALL, output: `import { it } from 'vitest';
it.runIf(process.platform === 'win32')('uid', () => console.log(process.getuid?.()));` }],
        },
      ],
    },
    {
      // A local function named it is not a test framework.
      ...esm(`const it = { skipIf: () => (name, fn) => fn() };
it.skipIf(process.platform === 'win32')('uid', () => console.log(process.getuid()));`),
      errors: [
        {
          messageId: 'posixCall',
          data: { name: 'getuid' },
          line: 2,
          column: 66,
          suggestions: [{ messageId: OPTIONAL_CALL, output: `const it = { skipIf: () => (name, fn) => fn() };
it.skipIf(process.platform === 'win32')('uid', () => console.log(process.getuid?.()));` }],
        },
      ],
    },
    {
      // node:test's t.skip() marks the test skipped but does not stop it.
      ...esm(`import { it } from 'node:test';
it('uid', (t) => {
  if (process.platform === 'win32') t.skip();
  console.log(process.getuid());
});`),
      errors: [
        {
          messageId: 'posixCall',
          data: { name: 'getuid' },
          line: 4,
          column: 15,
          suggestions: [{ messageId: OPTIONAL_CALL, output: `import { it } from 'node:test';
it('uid', (t) => {
  if (process.platform === 'win32') t.skip();
  console.log(process.getuid?.());
});` }],
        },
      ],
    },
    {
      // this.skip() outside a test callback is an ordinary method.
      ...esm(`class Job {
  skip() {}
  run() {
    if (process.platform === 'win32') this.skip();
    console.log(process.getuid());
  }
}
new Job().run();`),
      errors: [
        {
          messageId: 'posixCall',
          data: { name: 'getuid' },
          line: 5,
          column: 17,
          suggestions: [{ messageId: OPTIONAL_CALL, output: `class Job {
  skip() {}
  run() {
    if (process.platform === 'win32') this.skip();
    console.log(process.getuid?.());
  }
}
new Job().run();` }],
        },
      ],
    },
  ],
});

// Platform flags that are more than a platform test: a test guarded by runtime checks, a parameter
// defaulting to a platform test, and such flags imported from the project's own modules.
const flagFixture = (file: string) => path.resolve(import.meta.dirname, '../fixtures/platform-flags', file);

runRuleTests('no-unguarded-platform-api (platform flags)', rule, {
  valid: [
    // A keyboard handler that suspends the process off Windows; the flag also detects Deno.
    esm(`const isNode = typeof process < 'u' && typeof process.stdout < 'u' && !process.versions?.deno;
const isDeno = typeof process < 'u' && process.versions?.deno !== undefined;
const isWindows = (isNode || isDeno) && process.platform === 'win32';
export function onKey(key) {
  if (!isWindows && key && key.ctrl && key.name === 'z') {
    process.kill(process.ppid, 'SIGTSTP');
    process.kill(process.pid, 'SIGTSTP');
  }
}`),
    esm(`const IS_WIN = typeof Deno === 'undefined' && process.platform === 'win32';
export const uid = () => (IS_WIN ? -1 : process.getuid());`),
    // The same flag from a sibling module.
    esm(
      `import { isWindows } from './utils/env.js';
export function onKey(key) {
  if (!isWindows && key.ctrl && key.name === 'z') process.kill(process.ppid, 'SIGTSTP');
}`,
      { filename: flagFixture('src/stdin.js') },
    ),
    // A parameter that defaults to the platform test; callers pass it only to pretend a platform.
    esm(`const killWindowsTree = async (pid) => {};
const killProcessGroup = async (pid) => {
  process.kill(-pid, 'SIGKILL');
};
export const killTree = async (pid, isWin32 = process.platform === 'win32') => {
  try {
    if (isWin32) {
      await killWindowsTree(pid);
    } else {
      await killProcessGroup(pid);
    }
  } catch {}
};`),
    cjs(`module.exports = function stop(child, { windows = process.platform === 'win32' } = {}) {
  if (!windows) process.kill(-child.pid, 'SIGTERM');
};`),
    // A flag that also tests the program's input is read as its platform test: Windows passes
    // `!isWindowsCI` only when CI is unset, which the file does not show, so Windows is not proven.
    esm(`const isWindowsCI = process.env.CI === 'true' && process.platform === 'win32';
if (!isWindowsCI) process.kill(process.ppid, 'SIGTSTP');`),
    esm(
      `import { isWindowsCI } from './utils/env.js';
if (!isWindowsCI) process.kill(process.ppid, 'SIGTSTP');`,
      { filename: flagFixture('src/stdin.js') },
    ),
  ],
  invalid: [
    {
      // Reported: the platform test itself lets Windows through, whatever CI says.
      ...esm(`const isWindowsCI = process.env.CI === 'true' || process.platform === 'win32';
if (isWindowsCI) process.kill(process.ppid, 'SIGTSTP');`),
      errors: [{ messageId: 'posixSignal', line: 2 }],
    },
    {
      ...esm(
        `import { isWindows } from './utils/env.js';
if (isWindows || process.env.CI) process.kill(process.ppid, 'SIGTSTP');
export const suspended = true;`,
        { filename: flagFixture('src/stdin.js') },
      ),
      errors: [{ messageId: 'posixSignal', line: 2 }],
    },
    {
      // A default that is not a platform test, and a platform default that the function overrides.
      ...esm(`export function stop(pid, force = false, isWin32 = process.platform === 'win32') {
  if (!force) process.kill(-pid, 'SIGKILL');
  if (pid === 0) isWin32 = true;
  if (!isWin32) process.kill(-pid, 'SIGTERM');
}`),
      errors: [
        { messageId: 'processGroupKill', line: 2 },
        { messageId: 'processGroupKill', line: 4 },
      ],
    },
    {
      // A helper with one caller under the flag and one without.
      ...esm(`const killGroup = (pid) => process.kill(-pid, 'SIGKILL');
export function killTree(pid, isWin32 = process.platform === 'win32') {
  if (!isWin32) killGroup(pid);
}
export const killAll = (pids) => pids.forEach(killGroup);`),
      errors: [{ messageId: 'processGroupKill', line: 1 }],
    },
  ],
});

// A method is used where its file names it: by a member, or by a string a dispatch reads.
runRuleTests('no-unguarded-platform-api (callers of a method)', rule, {
  valid: [
    // Subcommands dispatched through a table whose `windows: false` rows are dropped on Windows.
    cjs(`class Doctor {
  static get subcommands() {
    return [
      { title: 'Cache contents', cmd: 'checkCache' },
      { title: 'Perms check on cached files', cmd: 'checkCachePermission', windows: false },
      { title: 'Perms check on global bin folder', cmd: 'checkGlobalBinPermission', windows: false },
    ];
  }
  async exec() {
    for (const { cmd } of this.actions()) await this[cmd]();
  }
  actions() {
    return this.constructor.subcommands.filter((subcmd) => !(process.platform === 'win32' && subcmd.windows === false));
  }
  async checkCache() {}
  async checkCachePermission() {
    return this.checkFilesPermission(this.cacheDir, true);
  }
  async checkGlobalBinPermission() {
    return this.checkFilesPermission(this.globalBin, false);
  }
  async checkFilesPermission(root, shouldOwn) {
    const uid = process.getuid();
    const gid = process.getgid();
    return shouldOwn ? [root, uid, gid] : [root];
  }
}
module.exports = Doctor;`),
    // A public method that its class calls only off Windows.
    ts(`export class Supervisor {
  private pid = 0;
  stop(): void {
    if (process.platform !== 'win32') this.killGroup('SIGTERM');
  }
  killGroup(signal: NodeJS.Signals): void {
    process.kill(-this.pid, signal);
  }
}`),
  ],
  invalid: [
    {
      // The column is never read: nothing drops the row on Windows.
      ...cjs(`class Doctor {
  static subcommands = [{ cmd: 'checkOwner', windows: false }];
  async exec() {
    for (const { cmd } of Doctor.subcommands) await this[cmd]();
  }
  checkOwner() {
    return process.getuid();
  }
}
module.exports = Doctor;`),
      errors: [
        {
          messageId: 'posixCall',
          line: 7,
          suggestions: [
            {
              messageId: 'useOptionalCall',
              data: { name: 'getuid' },
              output: `class Doctor {
  static subcommands = [{ cmd: 'checkOwner', windows: false }];
  async exec() {
    for (const { cmd } of Doctor.subcommands) await this[cmd]();
  }
  checkOwner() {
    return process.getuid?.();
  }
}
module.exports = Doctor;`,
            },
          ],
        },
      ],
    },
    {
      // One use of the method's name outside the guard.
      ...ts(`export class Supervisor {
  private pid = 0;
  stop(): void {
    if (process.platform !== 'win32') this.killGroup('SIGTERM');
  }
  restart(): void {
    this.killGroup('SIGHUP');
  }
  killGroup(signal: NodeJS.Signals): void {
    process.kill(-this.pid, signal);
  }
}`),
      // The signal the unguarded call passes reaches the kill too.
      errors: [
        { messageId: 'posixSignal', data: { signal: 'SIGHUP', name: 'process.kill() at line 10 through this.killGroup()' }, line: 7, column: 20 },
        { messageId: 'processGroupKill', line: 10 },
      ],
    },
    {
      // Nothing in the file calls the method: its callers are not known.
      ...ts(`export class Supervisor {
  private pid = 0;
  killGroup(signal: NodeJS.Signals): void {
    process.kill(-this.pid, signal);
  }
}`),
      errors: [{ messageId: 'processGroupKill', line: 4 }],
    },
  ],
});

// A fixture runs where the tests that name it run it.
const runnersFixture = (file: string) => path.resolve(import.meta.dirname, '../fixtures/fixture-runners/test/integration/fixtures', file);
const abortSuite = `describe('signals', function () {
  it('aborts', function () {
    process.kill(process.pid, 'SIGABRT');
  });
});`;

runRuleTests('no-unguarded-platform-api (fixtures)', rule, {
  valid: [
    // Named only inside `if (os.platform() !== 'win32')` of the spec that runs it.
    cjs(abortSuite, { filename: runnersFixture('abort.fixture.js') }),
  ],
  invalid: [
    // Named by a test that runs on every platform.
    { ...cjs(abortSuite, { filename: runnersFixture('failure.fixture.js') }), errors: [{ messageId: 'posixSignal', line: 3 }] },
    // Named by no file: who runs it is not known.
    { ...cjs(abortSuite, { filename: runnersFixture('unnamed.fixture.js') }), errors: [{ messageId: 'posixSignal', line: 3 }] },
    // The same file with the project model off.
    {
      ...cjs(abortSuite, { filename: runnersFixture('abort.fixture.js'), settings: { 'process-guard': { crossFile: false } } }),
      errors: [{ messageId: 'posixSignal', line: 3 }],
    },
  ],
});

// APIs from Node's documentation notes (docs/platform-coverage.md): each reported form and its guarded twin.
runRuleTests('no-unguarded-platform-api (documented platform and environment notes)', rule, {
  valid: [
    // os.userInfo() in try/catch, at load and in a constructor.
    esm(`import os from 'node:os';
let user;
try {
  user = os.userInfo().username;
} catch {
  user = 'unknown';
}
export { user };`),
    cjs(`const { userInfo } = require('node:os');
class Session {
  constructor() {
    try { this.user = userInfo().username; } catch { this.user = process.env.USER; }
  }
}
module.exports = Session;`),
    // Called later, by whoever calls the function: its caller decides.
    esm(`import os from 'node:os';
export function currentUser() {
  return os.userInfo().username;
}`),
    // process.execve off Windows, or caught.
    esm(`if (process.platform !== 'win32') process.execve(process.execPath, [process.execPath, 'server.js']);`),
    cjs(`try {
  process.execve('/bin/sh', ['sh', '-c', 'exec node app.js']);
} catch (error) {
  console.error(error);
}`),
    // Re-raising a caught signal Windows can send.
    cjs(`process.on('SIGINT', () => process.kill(process.pid, 'SIGINT'));`),
    cjs(`function onSignal(signal) {
  cleanup();
  process.kill(process.pid, signal);
}
process.once('SIGINT', onSignal);
process.once('SIGTERM', onSignal);`),
    // A listener of a signal Windows never delivers never runs there.
    cjs(`process.once('SIGUSR2', () => { cleanup(); process.kill(process.pid, 'SIGUSR2'); });`),
    esm(`import { spawn } from 'node:child_process';
const child = spawn('node', ['server.js']);
process.on('SIGTERM', () => child.kill('SIGHUP'));`),
    // A named listener also used for something else: its signal is unknown.
    cjs(`const onSignal = (signal) => process.kill(process.pid, signal);
process.once('SIGHUP', onSignal);
module.exports = onSignal;`),
  ],
  invalid: [
    {
      ...esm(`import os from 'node:os';
export const user = os.userInfo().username;`),
      errors: [
        {
          messageId: 'environmentThrow',
          data: { name: 'os.userInfo()', condition: 'the user has no name or home directory', when: 'this runs while the module loads' },
          line: 2,
          column: 21,
        },
      ],
    },
    {
      // A presence test is no guard: userInfo exists everywhere and throws.
      ...cjs(`const os = require('node:os');
class Session {
  constructor() {
    if (os.userInfo) this.home = os.userInfo().homedir;
  }
}
module.exports = Session;`),
      errors: [{ messageId: 'environmentThrow', data: { name: 'os.userInfo()', condition: 'the user has no name or home directory', when: 'this runs in a constructor' }, line: 4, column: 34 }],
    },
    {
      ...esm(`import { userInfo } from 'node:os';
const { username } = userInfo();
console.log(username);`),
      errors: [{ messageId: 'environmentThrow', line: 2, column: 22 }],
    },
    {
      ...esm(`if (typeof process.execve === 'function') process.execve(process.execPath, [process.execPath, 'server.js']);`),
      errors: [{ messageId: 'platformThrow', data: { name: 'process.execve()', platforms: 'Windows' }, line: 1, column: 43 }],
    },
    {
      // A named listener re-raising a signal Windows delivers and cannot send.
      ...cjs(`function onSignal(signal) {
  cleanup();
  process.kill(process.pid, signal);
}
process.once('SIGINT', onSignal);
process.once('SIGHUP', onSignal);`),
      errors: [{ messageId: 'posixSignal', data: { signal: 'SIGHUP', name: 'process.kill()' }, line: 3, column: 29 }],
    },
    {
      ...cjs(`process.on('SIGHUP', () => process.kill(process.pid, 'SIGHUP'));`),
      errors: [{ messageId: 'posixSignal', data: { signal: 'SIGHUP', name: 'process.kill()' }, line: 1, column: 54 }],
    },
    {
      ...esm(`import { spawn } from 'node:child_process';
const child = spawn('node', ['server.js']);
process.on('SIGINT', () => child.kill('SIGQUIT'));`),
      errors: [{ messageId: 'posixSignal', data: { signal: 'SIGQUIT', name: 'subprocess.kill()' }, line: 3, column: 39 }],
    },
  ],
});

// A development file runs where its project runs it: on Windows as far as known only when the CI tests Windows.
const developmentFile = (file: string) => path.resolve(import.meta.dirname, '../fixtures/development-files', file);
const ownerTest = `import { test } from 'node:test';
test('owner', () => {
  console.log(process.getuid());
});`;
const ownerError = {
  messageId: 'posixCall',
  data: { name: 'getuid' },
  line: 3,
  suggestions: [{ messageId: OPTIONAL_CALL, output: ownerTest.replace('getuid()', 'getuid?.()') }],
} as const;

runRuleTests('no-unguarded-platform-api (development files)', rule, {
  valid: [
    esm(ownerTest, { filename: developmentFile('linux-ci/test/clean.test.js') }),
    esm(ownerTest, { filename: developmentFile('no-workflows/scripts/release.js') }),
    esm(ownerTest, { filename: developmentFile('files-list/scripts/release.js') }),
  ],
  invalid: [
    { ...esm(ownerTest, { filename: developmentFile('windows-matrix/test/clean.test.js') }), errors: [ownerError] },
    { ...esm(ownerTest, { filename: developmentFile('linux-ci/lib/util.js') }), errors: [ownerError] },
    { ...esm(ownerTest, { filename: developmentFile('files-list/lib/util.js') }), errors: [ownerError] },
    { ...esm(ownerTest, { filename: developmentFile('linux-ci/test/clean.test.js'), settings: { 'process-guard': { ciWorkflows: false } } }), errors: [ownerError] },
  ],
});

runRuleTests('no-unguarded-platform-api (receivers known by how they were made)', rule, {
  valid: [
    // A signal drawn from a union that Windows can send.
    ts(`import { fork } from 'node:child_process';
const child = fork('./a.js');
export function stop(signal: 'SIGTERM' | 'SIGKILL'): void {
  child.kill(signal);
}`),
    // A receiver of a type named like a child process but not declared by Node.js, or no type information.
    typed(`interface ChildProcess { kill(signal: string): void }
export function stop(child: ChildProcess): void {
  child.kill('SIGHUP');
}`),
    ts(`import type { ChildProcess } from 'node:child_process';
export function stop(child: ChildProcess): void {
  child.kill('SIGHUP');
}`),
    // One write is not a start: the variable may hold something else.
    esm(`import { fork } from 'node:child_process';
let child;
if (process.env.A) child = fork('./a.js');
else child = connect();
child.kill('SIGHUP');`),
    // The field is also written with something else.
    ts(`import { spawn, type ChildProcess } from 'node:child_process';
export class Server {
  child: ChildProcess | undefined;
  start() { this.child = spawn('node', ['server.js']); }
  adopt(child: ChildProcess) { this.child = child; }
  stop() { this.child?.kill('SIGHUP'); }
}`),
    // Something else is pushed into the list, or the list escapes.
    cjs(`const { fork } = require('node:child_process');
const children = [];
children.push(fork('./a.js'), makeFake());
children.forEach((c) => c.kill('SIGHUP'));`),
    cjs(`const { fork } = require('node:child_process');
const children = [fork('./a.js')];
register(children);
for (const c of children) c.kill('SIGHUP');`),
    // Guarded.
    esm(`import { fork } from 'node:child_process';
const children = [fork('./a.js'), fork('./b.js')];
if (process.platform !== 'win32') children.forEach((c) => c.kill('SIGHUP'));`),
    // A parameter called with something that is not a child.
    esm(`import { fork } from 'node:child_process';
function stop(child) { child.kill('SIGHUP'); }
stop(fork('./a.js'));
stop(other);`),
  ],
  invalid: [
    {
      // A signal drawn from a union, one member of which Windows cannot send.
      ...ts(`import { fork } from 'node:child_process';
type Stop = 'SIGTERM' | 'SIGHUP';
const child = fork('./a.js');
export function stop(signal: Stop): void {
  child.kill(signal);
}`),
      errors: [{ messageId: 'posixSignal', data: { signal: 'SIGHUP', name: 'subprocess.kill()' }, line: 5, column: 14 }],
    },
    {
      // With type information, the declared type of the receiver.
      ...typed(`import type { ChildProcess } from 'node:child_process';
export function stop(child: ChildProcess | undefined): void {
  child?.kill('SIGHUP');
}`),
      errors: [{ messageId: 'posixSignal', data: { signal: 'SIGHUP', name: 'subprocess.kill()' }, line: 3, column: 15 }],
    },
    {
      // Every write is a fork: whichever runs, it is a child process.
      ...esm(`import { fork } from 'node:child_process';
let child;
if (process.env.A) child = fork('./a.js');
else child = fork('./b.js');
child.kill('SIGHUP');`),
      errors: [{ messageId: 'posixSignal', data: { signal: 'SIGHUP', name: 'subprocess.kill()' }, line: 5, column: 12 }],
    },
    {
      ...ts(`import { spawn, type ChildProcess } from 'node:child_process';
export class Server {
  child?: ChildProcess;
  start() { this.child = spawn('node', ['server.js']); }
  restart() { this.child = spawn('node', ['server.js', '--again']); }
  stop() { this.child?.kill('SIGHUP'); }
}`),
      errors: [{ messageId: 'posixSignal', data: { signal: 'SIGHUP', name: 'subprocess.kill()' }, line: 6, column: 29 }],
    },
    {
      // Emptied between runs: where kill() can be called, the field holds a child.
      ...esm(`import { spawn } from 'node:child_process';
export class Server {
  child = null;
  start() { this.child = spawn('node', ['server.js']); }
  stop() { this.child?.kill('SIGHUP'); this.child = null; }
}`),
      errors: [{ messageId: 'posixSignal', data: { signal: 'SIGHUP', name: 'subprocess.kill()' }, line: 5, column: 29 }],
    },
    {
      ...cjs(`const { fork } = require('node:child_process');
const children = [];
for (const file of files) children.push(fork(file));
process.on('SIGINT', () => children.forEach((c) => c.kill('SIGHUP')));`),
      errors: [{ messageId: 'posixSignal', data: { signal: 'SIGHUP', name: 'subprocess.kill()' }, line: 4, column: 59 }],
    },
    {
      ...cts(`import cp = require('node:child_process');
const children = [cp.fork('./a.js'), cp.fork('./b.js')];
for (const c of children) c.kill('SIGUSR2');
children[0].kill('SIGHUP');`),
      errors: [
        { messageId: 'posixSignal', data: { signal: 'SIGUSR2', name: 'subprocess.kill()' }, line: 3, column: 34 },
        { messageId: 'posixSignal', data: { signal: 'SIGHUP', name: 'subprocess.kill()' }, line: 4, column: 18 },
      ],
    },
    {
      // A local function only ever called with children.
      ...esm(`import { fork } from 'node:child_process';
function stop(child) { child.kill('SIGHUP'); }
stop(fork('./a.js'));
stop(fork('./b.js'));`),
      errors: [{ messageId: 'posixSignal', data: { signal: 'SIGHUP', name: 'subprocess.kill()' }, line: 2, column: 35 }],
    },
  ],
});
