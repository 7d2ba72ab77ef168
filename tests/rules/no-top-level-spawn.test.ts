import * as path from 'node:path';

import rule from '../../src/rules/no-top-level-spawn.js';
import { cjs, esm, languageOptionsFor, ts } from '../support/languages.js';
import { runRuleTests } from '../support/rule-tester.js';

// A file whose ESLint configuration declares the browser's worker globals.
const browserGlobals = { languageOptions: { ...languageOptionsFor('esm'), globals: { Worker: 'readonly' as const, SharedWorker: 'readonly' as const } } };

const atImport = (line: number, column: number, name: string, what = 'a child process') => ({
  messageId: 'atImport' as const,
  line,
  column,
  data: { name, what },
  suggestions: [],
});

// Modules that export something: a file with no exports is an entry point, which the rule leaves alone.
const esmLib = (code: string) => esm(`${code}\nexport const ready = true;`);
const cjsLib = (code: string) => cjs(`${code}\nmodule.exports.ready = true;`);
const tsLib = (code: string) => ts(`${code}\nexport const ready = true;`);

// Files of a package whose package.json names bin/cli.js and runs tools/scripts/build.js, scripts/release.ts…
const fixture = (file: string) => path.resolve(import.meta.dirname, '../fixtures/file-model', file);
const inPackage = (file: string) => fixture(`cjs-package/${file}`);
// Files of a workspace root with a shipped package (main, bin) and a private workspace package without entry points.
const developmentFile = (file: string) => path.resolve(import.meta.dirname, '../fixtures/development-files/linux-ci', file);
const startsAtLoad = `import { execSync } from 'node:child_process';
execSync('npm run build', { stdio: 'inherit' });
export const built = true;`;

runRuleTests('no-top-level-spawn (file model)', rule, {
  valid: [
    // Piscina and Tinypool start `minThreads` threads when they are made: none with `minThreads: 0`.
    esm(`import Piscina from 'piscina';
import { Tinypool } from 'tinypool';
export const pool = new Piscina({ filename: new URL('./w.js', import.meta.url).href, minThreads: 0 });
export const lazy = new Tinypool({ filename: './w.js', minThreads: 0, maxThreads: 4 });
export const later = new Tinypool({ ...defaults, minThreads: 0 });`),
    // An ES5 constructor function constructed only by a function nobody calls at load.
    cjs(`const { spawn } = require('child_process');
function Player() {
  this.proc = spawn('mpv');
}
Player.prototype.stop = function () { this.proc.kill(); };
exports.create = function () { return new Player(); };`),
    // Started, never imported: named by package.json bin, run by its scripts.
    esm(startsAtLoad, { filename: inPackage('bin/cli.js') }),
    esm(startsAtLoad, { filename: inPackage('tools/scripts/build.js') }),
    ts(startsAtLoad, { filename: inPackage('scripts/release.ts') }),
    ts(startsAtLoad, { filename: inPackage('tools/generate.ts') }),
    ts(startsAtLoad, { filename: inPackage('tools/other.ts') }),
    ts(startsAtLoad, { filename: inPackage('e2e/run.ts') }),
    // Run by the enclosing package's scripts, below a folder with a package.json of its own.
    esm(startsAtLoad, { filename: inPackage('nested/scripts/changes.js') }),
    ts(startsAtLoad, { filename: inPackage('docs/build.ts') }),
    ts(startsAtLoad, { filename: inPackage('scripts/bun.ts') }),
    esm(startsAtLoad, { filename: inPackage('examples/run.js'), settings: { 'process-guard': { entryPoints: ['examples/*.js'] } } }),
    // No exports at all: a release script that ends in `await main()`, a CommonJS runner.
    esm(`import { execFileSync } from 'node:child_process';
async function main() {
  execFileSync('git', ['tag', 'v1.0.0']);
}
await main();`, { filename: inPackage('.github/scripts/release.mjs') }),
    cjs(`const { spawnSync } = require('child_process');
const result = spawnSync('node', ['--test'], { stdio: 'inherit' });
process.exitCode = result.status;`),
    ts(`import { spawn } from 'node:child_process';
spawn('vite', ['build'], { stdio: 'inherit' });
export {};`),
    // Types are erased: a script that exports only them exports nothing at run time.
    ts(`import { spawn } from 'node:child_process';
export interface BuildOptions { watch: boolean }
spawn('vite', ['build'], { stdio: 'inherit' });`),
    // Loaded by a test runner: top-level setup is deliberate.
    esm(startsAtLoad, { filename: inPackage('src/cli.test.js') }),
    esm(startsAtLoad, { filename: inPackage('src/cli.spec.mjs') }),
    esm(startsAtLoad, { filename: inPackage('src/__tests__/cli.js') }),
    esm(startsAtLoad, { filename: inPackage('test/helpers/server.js') }),
    esm(startsAtLoad, { filename: inPackage('tests/setup.js') }),
    esm(startsAtLoad, { filename: inPackage('e2e/setup.js'), settings: { 'process-guard': { testFiles: ['e2e/**'] } } }),
    // A module of a development package (private workspace package, no entry point): only the project's scripts import it.
    esm(startsAtLoad, { filename: developmentFile('packages/app/tools/release-args.js') }),
    // A module of an application's workspace root that no file below the root loads: a program the
    // project starts (the root's main), which no importer pays for.
    esm(startsAtLoad, { filename: developmentFile('lib/util.js') }),
    cjs(`const { execSync } = require('child_process');
module.exports = execSync('git rev-parse HEAD').toString();`, { filename: developmentFile('packages/app/tools/head.cjs') }),
    // A bare test.js that Jest collects; a globalSetup file named in a vitest configuration.
    esm(startsAtLoad, { filename: fixture('jest-package/src-test/test.js') }),
    ts(startsAtLoad, { filename: fixture('setup-package/e2e/validate-environment.ts') }),
    // A start inside the exported setup function runs when the runner calls it, not at import.
    tsLib(`import { spawn } from 'node:child_process';
export async function setup() { spawn('node', ['server.js']); }`),
    // A mock factory runs when the mocked module is imported, not at the test file's load.
    tsLib(`import { vi } from 'vitest';
import { execSync } from 'node:child_process';
vi.mock('./git.js', () => ({ head: execSync('git rev-parse HEAD').toString() }));`),
    // Branches on values derived from process.argv: the argv entry guard.
    esmLib(`import { spawn } from 'node:child_process';
const [, , mode] = process.argv;
if (mode === 'serve') spawn('vite');`),
    esmLib(`import { execSync } from 'node:child_process';
const tsVersion = process.argv[2];
if (tsVersion) execSync(\`npm i typescript@\${tsVersion}\`);`),
    esmLib(`import { spawnSync } from 'node:child_process';
const args = process.argv.slice(2);
if (args.includes('--build')) spawnSync('tsc');`),
    esmLib(`import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
const { values } = parseArgs({ options: { watch: { type: 'boolean' } } });
if (values.watch) spawn('tsc', ['--watch']);`),
    cjsLib(`const { spawn } = require('child_process');
const util = require('util');
const { positionals } = util.parseArgs({ allowPositionals: true });
const [command] = positionals;
switch (command) {
  case 'dev':
    spawn('vite');
    break;
}`),
    // A call given the command line parses it: minimist, mri, yargs-parser, arg.
    esmLib(`import { spawn } from 'node:child_process';
import minimist from 'minimist';
const args = minimist(process.argv.slice(2));
if (args.watch) spawn('tsc', ['--watch']);`),
    cjsLib(`const { spawn } = require('child_process');
const yargsParser = require('yargs-parser');
const { hideBin } = require('yargs/helpers');
const argv = yargsParser(hideBin(process.argv));
if (argv._[0] === 'dev') spawn('vite');`),
    tsLib(`import { spawn } from 'node:child_process';
import arg from 'arg';
const args = arg({ '--watch': Boolean }, { argv: process.argv.slice(2) });
if (args['--watch']) spawn('tsc', ['--watch']);`),
    // commander fills its program at parse: its options afterwards are the command line.
    esmLib(`import { spawn } from 'node:child_process';
import { program } from 'commander';
program.option('--watch').parse(process.argv);
const options = program.opts();
if (options.watch) spawn('tsc', ['--watch']);`),
    cjsLib(`const { spawn } = require('child_process');
const { Command } = require('commander');
const program = new Command();
program.parse();
if (program.args[0] === 'dev') spawn('vite');`),
  ],
  invalid: [
    // An ES5 constructor function constructed at load, as for a class.
    {
      ...cjs(`const { spawn } = require('child_process');
function Player() {
  this.proc = spawn('mpv');
}
Player.prototype.stop = function () { this.proc.kill(); };
module.exports = new Player();`),
      errors: [{ messageId: 'atImportConstructed', line: 6, column: 18, data: { name: 'spawn()', what: 'a child process', className: 'Player', line: '3' } }],
    },
    // A module with exports that starts something at load: every importer pays.
    { ...esm(startsAtLoad, { filename: inPackage('src/build.js') }), errors: [atImport(2, 1, 'execSync()')] },
    // An enum is a value: the module exports it.
    {
      ...ts(`import { spawn } from 'node:child_process';
export enum Mode { watch }
spawn('vite', ['build'], { stdio: 'inherit' });`),
      errors: [atImport(3, 1, 'spawn()')],
    },
    // Reported twins of the parsed command line: a fixed list, commander never parsed, or parsed after the branch.
    {
      ...esmLib(`import { spawn } from 'node:child_process';
import minimist from 'minimist';
const args = minimist(['--watch']);
if (args.watch) spawn('tsc', ['--watch']);`),
      errors: [atImport(4, 17, 'spawn()')],
    },
    {
      ...esmLib(`import { spawn } from 'node:child_process';
import { program } from 'commander';
if (program.opts().watch) spawn('tsc', ['--watch']);
program.parse();`),
      errors: [atImport(3, 27, 'spawn()')],
    },
    // A file the package does not run, in a folder the defaults do not name.
    { ...esm(startsAtLoad, { filename: inPackage('tools/scripts/other.js') }), errors: [atImport(2, 1, 'execSync()')] },
    // Beside them, a module of a published package and a fixture (tests keep their rule) still report:
    // anyone may import them. (In the private workspace root of development-files/linux-ci, a module
    // that no file below the root loads is a program the project starts.)
    { ...esm(startsAtLoad, { filename: inPackage('lib/util.js') }), errors: [atImport(2, 1, 'execSync()')] },
    { ...esm(startsAtLoad, { filename: inPackage('fixtures/child.js') }), errors: [atImport(2, 1, 'execSync()')] },
    // Next to a runner configuration that does not name it; a name Jest's testMatch does not take.
    { ...ts(startsAtLoad, { filename: fixture('setup-package/e2e/other.ts') }), errors: [atImport(2, 1, 'execSync()')] },
    { ...esm(startsAtLoad, { filename: fixture('jest-package/src/testing.js') }), errors: [atImport(2, 1, 'execSync()')] },
    {
      // A local array is not process.argv.
      ...esmLib(`import { spawn } from 'node:child_process';
const argv = ['node', 'x', 'serve'];
const [, , mode] = argv;
if (mode === 'serve') spawn('vite');`),
      errors: [atImport(4, 23, 'spawn()')],
    },
    {
      ...cjs(`const { execSync } = require('child_process');
const version = execSync('git describe').toString();
module.exports = { version };`, { filename: inPackage('lib/version.cjs') }),
      errors: [atImport(2, 17, 'execSync()')],
    },
  ],
});

runRuleTests('no-top-level-spawn', rule, {
  valid: [
    // `$({ … })` returns a configured `$` and starts nothing (zx, execa).
    esm(`import { $ } from 'zx';
export const quiet = $({ verbose: false });`),
    // …and so may `$(options)` with the options in a name: only a string written alone is a command.
    esm(`import { $ as configure } from 'execa';
const defaults = { preferLocal: true };
export const $ = configure(defaults);`),
    // --- Web Workers ------------------------------------------------------------------------------
    // Nothing says the file runs where a global Worker exists (Node.js has none): unknown.
    esmLib(`export const worker = new Worker('./w.js');`),
    ts(`export const worker = new Worker('./w.js');\nexport const ready = true;`),
    // A class of the file, or an imported one, named Worker is not the global.
    esmLib(`class Worker { constructor(url) { this.url = new URL(url, import.meta.url); } }
export const worker = new Worker('./w.js');`),
    esmLib(`import { Worker } from './pool.js';
export const worker = new Worker(new URL('./w.js', import.meta.url));`),
    // Started when a function is called; a `?worker&url` import is a URL string, not a class.
    esmLib(`import MyWorker from './w.js?worker';
import workerUrl from './w.js?worker&url';
export const start = () => new MyWorker();
export const url = workerUrl;`),
    esm(`export function start() { return new SharedWorker('/shared.js'); }`, browserGlobals),
    // The same libraries, started only when a function is called.
    cjs(`const execa = require('execa');
const spawnCommand = require('spawn-command');
const pty = require('node-pty');
module.exports.test = () => execa('npm', ['test']);
module.exports.build = () => execa.commandSync('npm run build');
module.exports.start = () => spawnCommand('npm start');
module.exports.shell = () => pty.spawn('bash', [], {});`),
    esm(`import spawnAsync from '@expo/spawn-async';
import { exec } from 'child-process-promise';
import { fork } from 'promisify-child-process';
export async function run() {
  await spawnAsync('git', ['pull']);
  await exec('make');
  return fork('./child.js');
}`),
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
    // The same check on paths made absolute, behind a conditional that stands for `&&`.
    esm(`import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
export const list = () => spawn('ls');
const direct = process.argv[1] ? resolve(process.argv[1]) === resolve(fileURLToPath(import.meta.url)) : false;
if (direct) list();`),
    // The same check written on URLs, the launcher's script turned into one by hand or by pathToFileURL.
    esm(`import { spawn } from 'node:child_process';
export const list = () => spawn('ls');
if (import.meta.url === \`file://\${process.argv[1]}\`) list();`),
    esm(`import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
export const list = () => spawn('ls');
if (import.meta.url === pathToFileURL(process.argv[1]).href) list();`),
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
    // pino starts a transport worker only when a transport is configured.
    esm(`import pino from 'pino';
const logger = pino({ level: 'info' });
logger.info('ready');`),
  ],
  invalid: [
    {
      // Reported twin: a conditional with no boolean branch proves nothing of the entry check in it.
      ...esm(`import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
export const list = () => spawn('ls');
const direct = process.argv[1] ? resolve(process.argv[1]) === resolve(fileURLToPath(import.meta.url)) : process.env.RUN;
if (direct) list();`),
      errors: [{ messageId: 'atImportVia' }],
    },
    {
      // Reported twin: the URL of another file than the launcher's script says nothing of how this one runs.
      ...esm(`import { spawn } from 'node:child_process';
const other = '/srv/app/main.js';
export const list = () => spawn('ls');
if (import.meta.url === \`file://\${other}\`) list();`),
      errors: [{ messageId: 'atImportVia' }],
    },
    {
      // zx's type tests: `$({ … })` only configures `$`; its template is the one start, reported once.
      ...esm(`import { $ } from 'zx';
export const output = await $({ sync: false })\`date\`;`),
      errors: [atImport(2, 29, '$``')],
    },
    {
      // paperclipai/paperclip#12987's shape: a logger with a transport made at import.
      ...cjsLib(`const pino = require('pino');
const logger = pino({ transport: { target: 'pino-pretty' } });
module.exports = logger;`),
      errors: [atImport(2, 16, 'pino()', 'a worker thread')],
    },
    {
      // A fallback for Node.js versions without spawnSync hid the import-time probe.
      ...cjsLib(`var spawnSync = require('child_process').spawnSync;
if (!spawnSync) {
  spawnSync = function () { return { status: 1, stdout: '' }; };
}
var libcVersion = spawnSync('getconf', ['GNU_LIBC_VERSION'], { encoding: 'utf8' }).stdout;
exports.libcVersion = libcVersion;`),
      errors: [atImport(5, 19, 'spawnSync()')],
    },
    {
      ...esm(`import { execFileSync } from 'node:child_process';
export const gitRoot = execFileSync('git', ['rev-parse', '--show-toplevel']).toString();`),
      errors: [atImport(2, 24, 'execFileSync()')],
    },
    {
      ...esmLib(`import * as cp from 'child_process';
cp.spawn('ls');`),
      errors: [atImport(2, 1, 'cp.spawn()')],
    },
    {
      ...esmLib(`import { spawn as run } from 'node:child_process';
run('ls');`),
      errors: [atImport(2, 1, 'run()')],
    },
    {
      ...esmLib(`import cp from 'node:child_process';
cp.exec('ls');`),
      errors: [atImport(2, 1, 'cp.exec()')],
    },
    {
      ...cjsLib(`const { exec: run } = require('node:child_process');
run('ls');`),
      errors: [atImport(2, 1, 'run()')],
    },
    {
      ...cjsLib(`const cp = require('child_process');
const { spawnSync } = cp;
spawnSync('ls');`),
      errors: [atImport(3, 1, 'spawnSync()')],
    },
    {
      ...cjsLib(`require('child_process').execSync('ls');`),
      errors: [atImport(1, 1, 'execSync()')],
    },
    {
      ...cjsLib(`const util = require('node:util');
const { exec } = require('node:child_process');
const execAsync = util.promisify(exec);
execAsync('ls');`),
      errors: [atImport(4, 1, 'execAsync()')],
    },
    {
      ...esmLib(`import { promisify } from 'node:util';
import { execFile } from 'node:child_process';
await promisify(execFile)('git', ['status']);`),
      errors: [atImport(3, 7, 'execFile()')],
    },
    {
      ...cjsLib(`const cp = process.getBuiltinModule('node:child_process');
cp.spawn('ls');`),
      errors: [atImport(2, 1, 'cp.spawn()')],
    },
    {
      ...esmLib(`import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { fork } = require('child_process');
fork('./child.js');`),
      errors: [atImport(4, 1, 'fork()', 'a Node.js child process')],
    },
    {
      ...tsLib(`import cp = require('child_process');
cp.spawn('ls');`),
      errors: [atImport(2, 1, 'cp.spawn()')],
    },
    {
      // `require` is not a declared global in a TypeScript module.
      ...tsLib(`const { spawn } = require('child_process');
spawn('ls');`),
      errors: [atImport(2, 1, 'spawn()')],
    },
    {
      ...esm(`import { Worker } from 'node:worker_threads';
export default new Worker(new URL('./w.js', import.meta.url));`),
      errors: [atImport(2, 16, 'new Worker()', 'a worker thread')],
    },
    {
      ...esmLib(`import { spawn } from 'node:child_process';
(() => { spawn('ls'); })();`),
      errors: [atImport(2, 10, 'spawn()')],
    },
    {
      ...esmLib(`import { spawn } from 'node:child_process';
(function () { spawn('ls'); }).call(this);`),
      errors: [atImport(2, 16, 'spawn()')],
    },
    {
      ...esmLib(`import { spawn } from 'node:child_process';
['a', 'b'].forEach((name) => spawn(name));
Array.from(['c'], (name) => spawn(name));`),
      errors: [atImport(2, 30, 'spawn()'), atImport(3, 29, 'spawn()')],
    },
    {
      ...esmLib(`import { spawn } from 'node:child_process';
new Promise((resolve) => spawn('ls').on('exit', resolve));`),
      errors: [atImport(2, 26, 'spawn()')],
    },
    {
      ...esmLib(`import { Worker } from 'node:worker_threads';
class Pool {
  static worker = new Worker('./w.js');
  static { new Worker('./w.js'); }
}`),
      errors: [atImport(3, 19, 'new Worker()', 'a worker thread'), atImport(4, 12, 'new Worker()', 'a worker thread')],
    },
    {
      // Conditions that are not entry guards do not excuse it.
      ...esmLib(`import { spawn } from 'node:child_process';
if (process.env.NODE_ENV !== 'test') spawn('ls');
if (process.platform === 'linux') spawn('ls');`),
      errors: [atImport(2, 38, 'spawn()'), atImport(3, 35, 'spawn()')],
    },
    {
      ...esmLib(`import { spawn } from 'node:child_process';
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
          line: 5,
          column: 24,
          data: { name: 'spawn()', what: 'a child process', className: 'Service', line: '3' },
        },
      ],
    },
    // Each construction at load is reported where it is written, the line a user would silence or change.
    {
      ...esm(`import { Worker } from 'node:worker_threads';
class Pool {
  constructor() {
    this.worker = new Worker(new URL('./w.js', import.meta.url));
  }
}
export const pool = new Pool();
export const second = new Pool();
export function later() { return new Pool(); }`),
      errors: [
        { messageId: 'atImportConstructed', line: 7, column: 21, data: { name: 'new Worker()', what: 'a worker thread', className: 'Pool', line: '4' } },
        { messageId: 'atImportConstructed', line: 8, column: 23, data: { name: 'new Worker()', what: 'a worker thread', className: 'Pool', line: '4' } },
      ],
    },
    // Through a method the constructor calls.
    {
      ...esm(`import { fork } from 'node:child_process';
class Service {
  constructor() { this.start(); }
  start() { this.child = fork('./child.js'); }
}
export const service = new Service();`),
      errors: [{ messageId: 'atImportConstructed', line: 6, column: 24, data: { name: 'fork()', what: 'a Node.js child process', className: 'Service', line: '4' } }],
    },
    {
      ...esmLib(`import { execa, $ } from 'execa';
await execa('npm', ['test']);
await $\`ls\`;`),
      errors: [atImport(2, 7, 'execa()'), atImport(3, 7, '$``')],
    },
    {
      // A Web Worker started at load, as a bundler sees it: built on the module's URL.
      ...esmLib(`export const worker = new Worker(new URL('./w.js', import.meta.url), { type: 'module' });`),
      errors: [atImport(1, 23, 'new Worker()', 'a worker thread')],
    },
    {
      // Vite's worker imports, wrapped at load (comlink's `wrap(new W())`).
      ...esmLib(`import { wrap } from 'comlink';
import ResizeWorker from './resize.js?worker';
import Shared from './state.js?sharedworker&inline';
export const api = wrap(new ResizeWorker());
export const state = new Shared();`),
      errors: [atImport(4, 25, 'new ResizeWorker()', 'a worker thread'), atImport(5, 22, 'new Shared()', 'a worker thread')],
    },
    {
      // The ESLint configuration declares the browser's globals.
      ...esm(`export const shared = new SharedWorker('/shared.js');\nexport const ready = true;`, browserGlobals),
      errors: [atImport(1, 23, 'new SharedWorker()', 'a worker thread')],
    },
    {
      // execa 5 and older: the module itself, its sync, command and node functions.
      ...cjsLib(`const execa = require('execa');
execa('npm', ['test']);
execa.sync('git', ['fetch']);
execa.command('npm run build');
execa.node('./worker.js');`),
      errors: [
        atImport(2, 1, 'execa()'),
        atImport(3, 1, 'execa.sync()'),
        atImport(4, 1, 'execa.command()'),
        atImport(5, 1, 'execa.node()', 'a Node.js child process'),
      ],
    },
    {
      ...esmLib(`import * as pty from 'node-pty';
import spawnCommand from 'spawn-command';
import spawnAsync from '@expo/spawn-async';
import { exec } from 'child-process-promise';
import { fork } from 'promisify-child-process';
export const shell = pty.spawn('bash', [], {});
spawnCommand('npm start');
await spawnAsync('git', ['pull']);
await exec('make');
fork('./child.js');`),
      errors: [
        atImport(6, 22, 'pty.spawn()'),
        atImport(7, 1, 'spawnCommand()'),
        atImport(8, 7, 'spawnAsync()'),
        atImport(9, 7, 'exec()'),
        atImport(10, 1, 'fork()', 'a Node.js child process'),
      ],
    },
    {
      ...esmLib(`import crossSpawn from 'cross-spawn';
crossSpawn.sync('npm', ['ci']);`),
      errors: [atImport(2, 1, 'crossSpawn.sync()')],
    },
    // Named as the call writes it, not by the library's default export.
    {
      ...esmLib(`import { spawn } from 'cross-spawn';
spawn('npm', ['ci']);`),
      errors: [atImport(2, 1, 'spawn()')],
    },
    {
      ...esm(`import Tinypool from 'tinypool';
import workerpool from 'workerpool';
export const pool = new Tinypool({ filename: new URL('./w.js', import.meta.url).href });
export const eager = workerpool.pool('./w.js', { minWorkers: 2 });`),
      errors: [atImport(3, 21, 'new Tinypool()', 'a worker thread'), atImport(4, 22, 'workerpool.pool()', 'a worker thread')],
    },
    {
      // Reported twins of `minThreads: 0`: a count above it, and options the rule cannot see into (the default starts threads).
      ...esm(`import Piscina from 'piscina';
import Tinypool from 'tinypool';
export const one = new Piscina({ filename: new URL('./w.js', import.meta.url).href, minThreads: 1 });
export const some = (options) => new Tinypool(options);
export const other = new Tinypool({ minThreads: 0, ...defaults });
export const tuned = new Tinypool(defaults);`),
      errors: [atImport(3, 20, 'new Piscina()', 'a worker thread'), atImport(5, 22, 'new Tinypool()', 'a worker thread'), atImport(6, 22, 'new Tinypool()', 'a worker thread')],
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
      ...esmLib(`import { spawn } from 'node:child_process';
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
