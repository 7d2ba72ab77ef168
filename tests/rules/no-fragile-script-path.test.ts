import * as path from 'node:path';

import rule from '../../src/rules/no-fragile-script-path.js';
import * as languages from '../support/languages.js';
import { runRuleTests } from '../support/rule-tester.js';

const fixture = (file: string) => path.resolve(import.meta.dirname, '../fixtures/file-model', file);
const taskRunnerFixture = (file: string) => path.resolve(import.meta.dirname, '../fixtures/task-runner', file);

// Snippets live in a package on disk: its folder is the working directory a relative path assumes,
// which the suggestions resolve from. A relative filename is a path inside that package.
function inPackage(make: typeof languages.esm): typeof languages.esm {
  return (code, extra) => {
    const made = make(code, extra);
    return { ...made, filename: path.isAbsolute(made.filename) ? made.filename : fixture(`esm-package/${made.filename}`) };
  };
}
const [esm, cjs, ts, cts] = [languages.esm, languages.cjs, languages.ts, languages.cts].map(inPackage);

// A script (no `import.meta`) whose ESLint configuration declares the browser's worker globals.
const browserScript = { languageOptions: { ...languages.languageOptionsFor('cjs'), globals: { Worker: 'readonly' as const } } };

runRuleTests('no-fragile-script-path', rule, {
  valid: [
    // tinyexec takes child_process's options under `nodeOptions`: its working directory is set there, or may be.
    esm(`import { x } from 'tinyexec';
export async function run(root, spawnOptions) {
  await x('node', ['./test.js'], { nodeOptions: { cwd: root } });
  await x('node', ['./test.js'], { nodeOptions: spawnOptions });
}`),
    // The file changes the working directory itself: which folder the path resolves from is not known.
    cjs(`const { spawn } = require('child_process');
process.chdir(\`\${__dirname}/../..\`);
spawn('node', ['dist/app.js']);`),
    esm(`import { fork } from 'node:child_process';
import process from 'node:process';
export function start() { process.chdir(process.env.APP_ROOT ?? '.'); return fork('./server.js'); }`),
    // Script paths passed to local functions that start them: built from the module, under a cwd
    // the function sets or the call passes, or not known.
    esm(`import { fork } from 'node:child_process';
function start(file, options) { return fork(file, [], options); }
start(new URL('./jobs/a.js', import.meta.url));
start('./jobs/b.js', { cwd: import.meta.dirname });
start(jobPath);`),
    cjs(`const { fork } = require('child_process');
const tools = { run(file) { return fork(file, [], { cwd: __dirname }); } };
tools.run('./jobs/a.js');`),
    ts(`import { Worker } from 'node:worker_threads';
class Pool {
  private spawnWorker(file: string): Worker { return new Worker(file); }
  grow(): Worker { return this.spawnWorker(new URL('./w.js', import.meta.url).pathname); }
}`),
    // Web Workers: built on the module's URL, a root-relative or full URL, a global Worker nothing
    // says exists, a `?worker` import (the bundler resolves it), and execa 5's node() under a cwd.
    esm(`const a = new Worker(new URL('./w.js', import.meta.url), { type: 'module' });
const b = new SharedWorker('/workers/shared.js');
const c = new Worker('https://cdn.example.com/w.js');`),
    esm(`export const worker = new Worker('./w.js');`),
    esm(`import W from './w.js?worker';
export const worker = new W({ name: 'resize' });`),
    cjs(`const execa = require('execa');
execa.node('./child.js', [], { cwd: __dirname });`),
    // Options the rule cannot see into may set cwd: every caller of this helper passes one.
    esm(`import { spawnSync } from 'node:child_process';
export function runCli(args, options) {
  return spawnSync(process.execPath, ['./bin/cli.js', ...args], options);
}`),
    cjs(`const { fork } = require('child_process');
class Runner {
  start() { return fork('./child.js', [], this.forkOptions); }
}
module.exports = Runner;`),
    // Resolved from the module's own location.
    esm(`import { Worker } from 'node:worker_threads';
new Worker(new URL('./workers/resize.js', import.meta.url));`),
    esm(`import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
fork(fileURLToPath(new URL('./child.js', import.meta.url)));`),
    esm(`import { Worker } from 'node:worker_threads';
import path from 'node:path';
new Worker(path.join(import.meta.dirname, 'w.js'));
new Worker(path.resolve(import.meta.dirname, 'workers', 'w.js'));`),
    esm(`import { Worker } from 'node:worker_threads';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
const __dirname = dirname(fileURLToPath(import.meta.url));
new Worker(join(__dirname, 'w.js'));`),
    esm(`import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
new Worker(join(fileURLToPath(new URL('.', import.meta.url)), 'w.js'));`),
    esm(`import { Worker } from 'node:worker_threads';
new Worker(new URL(import.meta.resolve('./w.js')));`),
    esm(`import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
fork(require.resolve('./child.js'));`),
    cjs(`const { fork } = require('child_process');
fork(require.resolve('./child'));`),
    cjs(`const path = require('path');
const { Worker } = require('worker_threads');
new Worker(path.join(__dirname, 'w.js'));
new Worker(path.resolve(__dirname, '../w.js'));
new Worker(__dirname + '/w.js');`),
    cjs(`const { fork } = require('child_process');
const { pathToFileURL } = require('url');
fork(new URL('./child.js', pathToFileURL(__filename)));`),
    // This module's own file (a self-spawn is no-unguarded-self-spawn's business).
    cjs(`const { fork } = require('child_process');
if (process.send === undefined) fork(__filename);`),
    // Absolute paths, URLs and code.
    esm(`import { Worker } from 'node:worker_threads';
new Worker('/opt/app/worker.js');
new Worker('C:\\\\app\\\\worker.js');
new Worker('data:text/javascript,console.log(1)');
new Worker(new URL('data:text/javascript,console.log(1)'));
new Worker('process.exit()', { eval: true });
new Worker(\`require('./x')\`, { eval: true });`),
    // An explicit working directory for the child process.
    cjs(`const { fork, spawn } = require('child_process');
fork('./child.js', [], { cwd: __dirname });
spawn(process.execPath, ['./child.js'], { cwd: root });`),
    cjs(`const { fork } = require('child_process');
const options = { cwd: __dirname, stdio: 'inherit' };
fork('./child.js', options);`),
    cjs(`const { fork } = require('child_process');
fork('./child.js', [], { ...defaults });`),
    esm(`import cluster from 'node:cluster';
cluster.setupPrimary({ exec: './worker.js', cwd: import.meta.dirname });`),
    // An explicit process.cwd() says the working directory is meant.
    cjs(`const path = require('path');
const { fork } = require('child_process');
fork(path.join(process.cwd(), 'scripts/build.js'));`),
    // Values the rule cannot see.
    esm(`import { Worker } from 'node:worker_threads';
export function start(file) { return new Worker(file); }`),
    esm(`import { Worker } from 'node:worker_threads';
import { WORKER_FILE } from './paths.js';
new Worker(WORKER_FILE);`),
    esm(`import { fork } from 'node:child_process';
fork(\`\${root}/child.js\`);
fork(settings.script);`),
    // Constants defined through themselves (a TDZ error at run time) do not loop.
    cjs(`const path = require('path');
const { fork } = require('child_process');
const a = path.resolve(a);
const b = path.join(path.dirname(b), 'w.js');
fork(a);
fork(b);`),
    // The launcher is this module: a `#!` executable, or code under an entry check.
    cjs(`#!/usr/bin/env node
const { spawn } = require('child_process');
spawn(process.execPath, [process.argv[1], '--child'], { stdio: 'inherit' });`),
    // The package.json bin entry is the launched script too.
    cjs(`const { spawn } = require('child_process');
spawn(process.execPath, [process.argv[1], '--child'], { stdio: 'inherit' });
module.exports = {};`, { filename: fixture('cjs-package/bin/cli.js') }),
    // `node .` in a package.json script runs the package's main: the launched script is this file.
    esm(`import { spawnSync } from 'node:child_process';
spawnSync(process.argv[0], [process.argv[1], 'start'], { stdio: 'inherit' });
export {};`, { filename: fixture('main-package/app.js') }),
    cjs(`const { fork } = require('child_process');
if (require.main === module) {
  fork(process.argv[1], ['--child']);
}`),
    esm(`import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
if (process.argv[1] === fileURLToPath(import.meta.url)) fork(process.argv[1], ['--child']);`),
    // A test file that exports nothing, in a package with no runner that loads test files into its
    // own process: its runner may start it as a program (\`node --test\`, tap, \`node test.js\`).
    cjs(`const { spawnSync } = require('node:child_process');
const who = process.argv[2] ?? 'runner';
if (who === 'runner') spawnSync(process.argv0, [process.argv[1], 'child'], { stdio: 'inherit' });`, { filename: fixture('esm-package/test/parallel/test-stdio-pipe.cjs') }),
    // A node command whose first argument is not a script.
    cjs(`const { spawn, execFile } = require('child_process');
spawn(process.execPath, ['--version']);
spawn('node', ['-e', 'console.log(1)']);
execFile(process.execPath, ['-r', 'ts-node/register', './w.ts']);
spawn(process.execPath, args);`),
    // Node's options, also through a constant, and its subcommands: `-e` as fork's module runs
    // the code after it; `node inspect` and `node debug` take the script after them.
    cjs(`const child = require('child_process');
const FLAG = '--no-experimental-strip-types';
child.fork('-e', ['process.send(1)']);
child.spawnSync(process.execPath, [FLAG, '-e', '']);
child.spawn(process.execPath, ['debug']);
child.spawn(process.execPath, ['inspect', require.resolve('./fixtures/break.js')]);`),
    // Commands other than node, and shell command lines.
    cjs(`const { spawn, exec } = require('child_process');
spawn('./bin/tool', ['./input.txt']);
spawn('python', ['./script.py']);
exec('node ./child.js');`),
    // Other arguments than the script.
    cjs(`const { fork } = require('child_process');
fork(require.resolve('./child'), ['./data.json']);`),
    // Pools and cluster given module-relative scripts.
    cjs(`const path = require('path');
const Piscina = require('piscina');
const workerpool = require('workerpool');
const cluster = require('cluster');
new Piscina({ filename: path.resolve(__dirname, 'worker.js') });
workerpool.pool(path.join(__dirname, 'worker.js'));
cluster.setupMaster({ exec: path.join(__dirname, 'worker.js') });`),
    // Not the Node.js API: a local function and an untracked library.
    cjs(`function fork(file) { return file; }
fork('./child.js');`),
    esm(`import { Worker } from 'some-worker-lib';
new Worker('./w.js');`),
    // TypeScript.
    ts(`import { Worker } from 'node:worker_threads';
new Worker(new URL('./w.js', import.meta.url) as URL);`),
    cts(`import path = require('node:path');
import { fork } from 'node:child_process';
fork(path.join(__dirname, 'child.js'));`),
    // The option for command-line tools that mean the working directory.
    {
      ...cjs(`const { fork } = require('child_process');
fork('./scripts/build.js');
fork(require('path').resolve('tasks/lint.js'));`),
      options: [{ allowCwdRelative: true }],
    },
    // A bare `test.js` that `node --test` collects runs from the package folder, where the path is.
    esm(`import { spawn } from 'node:child_process';
spawn('node', ['fixtures/noop.js']);`, { filename: path.resolve(import.meta.dirname, '../fixtures/node-test-package/test.js') }),
    // A test runs from its package's folder, where the package's own entry point is once built (its `bin` here).
    esm(`import { spawnSync } from 'node:child_process';
spawnSync('node', ['cli.js'], { encoding: 'utf8' });`, { filename: fixture('esm-package/test/cli.test.js') }),
    cjs(`const { spawnSync } = require('child_process');
spawnSync('node', ['./bin/cli']);`, { filename: fixture('cjs-package/test/cli.test.js') }),
    // A test runs from its package's folder; a path from there into a package of the workspace that
    // names that package's `bin` or `main` holds once the package is built.
    esm(`import { execFileSync } from 'node:child_process';
execFileSync(process.execPath, ['apps/server/dist/cli.js', '--version'], { encoding: 'utf8' });
execFileSync(process.execPath, ['apps/server/dist/index'], { encoding: 'utf8' });`, { filename: fixture('server-workspace/scripts/server.test.mjs') }),
    // A package script's file runs in the package's folder, where its own `start` script runs `node build`
    // (a build output: not on disk before the build).
    esm(`import { spawn } from 'node:child_process';
spawn(process.execPath, ['build'], { stdio: 'inherit' });`, { filename: fixture('app-scripts-package/scripts/smoke.mjs') }),
    // A fixture runs in the working directory the test that starts it gives, which is not read here.
    esm(`import { spawn } from 'node:child_process';
spawn(process.execPath, ['./server.js'], { detached: true, stdio: 'ignore' });`, { filename: fixture('esm-package/test/__fixtures__/exit-error/project-a/script.js') }),
    // gulp and Grunt load their file after changing the working directory to its folder.
    cjs(`const cp = require('child_process');
exports.lint = () => cp.fork('./lint.js', ['--fix'], { stdio: 'inherit' });`, { filename: fixture('cjs-package/tools/gulpfile.js') }),
    cjs(`const cp = require('child_process');
module.exports = (grunt) => grunt.registerTask('lint', () => cp.fork('lint.js'));`, { filename: fixture('cjs-package/tools/Gruntfile.js') }),
    // There, a dependency that is not installed yet resolves from that folder too.
    cjs(`const cp = require('child_process');
exports.format = () => cp.fork('./node_modules/dprint/bin.js', ['check']);`, { filename: fixture('cjs-package/tools/gulpfile.js') }),
    // So does a module the package loads only from such a file, directly or through another module.
    cjs(`const cp = require('child_process');
module.exports = () => cp.fork('./node_modules/prettier/bin/prettier.cjs', ['--check', '.']);`, { filename: taskRunnerFixture('tasks/format.js') }),
    // The code tested which script launched it: restarting that script is what it means.
    ts(`import { execFileSync } from 'node:child_process';
import path from 'node:path';
export function runCli(args: string[]) {
  if (path.basename(process.argv[1]) === 'cli.mjs') execFileSync(process.execPath, [process.argv[1], ...args]);
}`),
    cjs(`const { spawn } = require('child_process');
exports.rerun = () => /cli[.]js$/.test(process.argv[1]) ? spawn(process.execPath, [process.argv[1], 'run']) : undefined;`),
  ],
  invalid: [
    {
      // Reported twin: a path no script of the package starts and nothing on disk holds.
      ...esm(`import { spawn } from 'node:child_process';
spawn(process.execPath, ['dist'], { stdio: 'inherit' });`, { filename: fixture('app-scripts-package/scripts/smoke.mjs') }),
      errors: [
        {
          messageId: 'cwdRelative',
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
spawn(process.execPath, [fileURLToPath(new URL('../dist', import.meta.url))], { stdio: 'inherit' });`,
            },
          ],
        },
      ],
    },
    {
      // Reported twin: tinyexec's own options hold no working directory, and neither do child_process's under them.
      ...esm(`import { x } from 'tinyexec';
export async function run() {
  await x('node', ['./test.js'], { timeout: 5000, nodeOptions: { stdio: 'inherit' } });
}`),
      errors: [
        {
          messageId: 'cwdRelative',
          line: 3,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `import { x } from 'tinyexec';
import { fileURLToPath } from 'node:url';
export async function run() {
  await x('node', [fileURLToPath(new URL('./test.js', import.meta.url))], { timeout: 5000, nodeOptions: { stdio: 'inherit' } });
}`,
            },
          ],
        },
      ],
    },
    {
      // Reported twins: the script after Node's debugger subcommand, and a constant that is no option.
      ...cjs(`const child = require('child_process');
const SCRIPT = './child.js';
child.spawn(process.execPath, ['inspect', './fixtures/break.js']);
child.spawnSync(process.execPath, [SCRIPT, '-e']);`),
      errors: [
        {
          messageId: 'cwdRelative',
          line: 3,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `const child = require('child_process');
const path = require('node:path');
const SCRIPT = './child.js';
child.spawn(process.execPath, ['inspect', path.join(__dirname, 'fixtures/break.js')]);
child.spawnSync(process.execPath, [SCRIPT, '-e']);`,
            },
          ],
        },
        {
          messageId: 'cwdRelative',
          line: 4,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `const child = require('child_process');
const path = require('node:path');
const SCRIPT = path.join(__dirname, 'child.js');
child.spawn(process.execPath, ['inspect', './fixtures/break.js']);
child.spawnSync(process.execPath, [SCRIPT, '-e']);`,
            },
          ],
        },
      ],
    },
    {
      // Reported twin: a module that a script run by hand loads too, from any folder.
      ...cjs(`const cp = require('child_process');
module.exports = () => cp.fork('./node_modules/prettier/bin/prettier.cjs', ['--check', '.']);`, { filename: taskRunnerFixture('tasks/shared.js') }),
      errors: [{ messageId: 'cwdRelative', line: 2, suggestions: [{ messageId: 'resolveFromModule', output: `const cp = require('child_process');
const path = require('node:path');
module.exports = () => cp.fork(path.join(__dirname, '../node_modules/prettier/bin/prettier.cjs'), ['--check', '.']);` }] }],
    },
    {
      // Reported twin: a file of a workspace package that is not one of that package's entry points.
      ...esm(`import { execFileSync } from 'node:child_process';
execFileSync(process.execPath, ['apps/server/dist/other.js'], { encoding: 'utf8' });`, { filename: fixture('server-workspace/scripts/server.test.mjs') }),
      errors: [
        {
          messageId: 'cwdRelative',
          line: 2,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              data: { replacement: "fileURLToPath(new URL('../apps/server/dist/other.js', import.meta.url))" },
              output: `import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
execFileSync(process.execPath, [fileURLToPath(new URL('../apps/server/dist/other.js', import.meta.url))], { encoding: 'utf8' });`,
            },
          ],
        },
      ],
    },
    {
      // Reported twin: a file of the package that is neither on disk nor one of its entry points.
      ...esm(`import { spawnSync } from 'node:child_process';
spawnSync('node', ['dist/other.js'], { encoding: 'utf8' });`, { filename: fixture('esm-package/test/cli.test.js') }),
      errors: [
        {
          messageId: 'cwdRelative',
          line: 2,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              data: { replacement: "fileURLToPath(new URL('../dist/other.js', import.meta.url))" },
              output: `import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
spawnSync('node', [fileURLToPath(new URL('../dist/other.js', import.meta.url))], { encoding: 'utf8' });`,
            },
          ],
        },
      ],
    },
    {
      // Reported twin: `node --test spec/` does not collect a bare `test.js`, which is then a module like any other.
      ...esm(`import { spawn } from 'node:child_process';
spawn('node', ['fixtures/noop.js']);`, { filename: path.resolve(import.meta.dirname, '../fixtures/node-test-names-package/test.js') }),
      errors: [
        {
          messageId: 'cwdRelative',
          line: 2,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              data: { replacement: "fileURLToPath(new URL('./fixtures/noop.js', import.meta.url))" },
              output: `import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
spawn('node', [fileURLToPath(new URL('./fixtures/noop.js', import.meta.url))]);`,
            },
          ],
        },
      ],
    },
    {
      // Reported twin: a module that no task runner loads runs wherever its importer was started.
      ...cjs(`const cp = require('child_process');
exports.lint = () => cp.fork('./lint.js', ['--fix'], { stdio: 'inherit' });`, { filename: fixture('cjs-package/tools/tasks.js') }),
      errors: [
        {
          messageId: 'cwdRelative',
          line: 2,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              data: { replacement: "path.join(__dirname, '../lint.js')" },
              output: `const cp = require('child_process');
const path = require('node:path');
exports.lint = () => cp.fork(path.join(__dirname, '../lint.js'), ['--fix'], { stdio: 'inherit' });`,
            },
          ],
        },
      ],
    },
    {
      // Reported twin: the test reads something else than the launcher's script.
      ...cjs(`const { execFileSync } = require('child_process');
const path = require('path');
exports.runCli = (args) => {
  if (path.basename(process.execPath) === 'node') execFileSync(process.execPath, [process.argv[1], ...args]);
};`),
      errors: [
        {
          messageId: 'launcherPath',
          line: 4,
          suggestions: [{ messageId: 'useOwnFile', data: { replacement: '__filename' }, output: `const { execFileSync } = require('child_process');
const path = require('path');
exports.runCli = (args) => {
  if (path.basename(process.execPath) === 'node') execFileSync(process.execPath, [__filename, ...args]);
};` }],
        },
      ],
    },
    {
      // A wrapper of fork(): reported where the path is passed, with the start's line.
      ...esm(`import { fork } from 'node:child_process';
function start(file, options) { return fork(file, [], options); }
start('./jobs/a.js', { stdio: 'inherit' });`),
      errors: [
        {
          messageId: 'cwdRelative',
          data: { name: 'fork() at line 2 through start()', path: "'./jobs/a.js'", location: '`import.meta.url`' },
          line: 3,
          column: 7,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `import { fork } from 'node:child_process';
function start(file, options) { return fork(file, [], options); }
start(new URL('./jobs/a.js', import.meta.url), { stdio: 'inherit' });`,
            },
          ],
        },
      ],
    },
    {
      // A method of the class, and a method of an object literal, wrapping a start.
      ...cts(`import { Worker } from 'node:worker_threads';
import { fork } from 'node:child_process';
class Pool {
  private spawnWorker(file: string): Worker { return new Worker(file); }
  grow(): Worker { return this.spawnWorker('worker.js'); }
}
const tools = { run(file: string) { return fork(file); } };
tools.run('../scripts/job.js');`),
      errors: [
        {
          messageId: 'bareWorkerPath',
          data: { path: "'worker.js'", location: '`__dirname`', through: ' through this.spawnWorker() (line 4)' },
          line: 5,
          column: 44,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `import path = require('node:path');
import { Worker } from 'node:worker_threads';
import { fork } from 'node:child_process';
class Pool {
  private spawnWorker(file: string): Worker { return new Worker(file); }
  grow(): Worker { return this.spawnWorker(path.join(__dirname, 'worker.js')); }
}
const tools = { run(file: string) { return fork(file); } };
tools.run('../scripts/job.js');`,
            },
          ],
        },
        {
          messageId: 'cwdRelative',
          data: { name: 'fork() at line 7 through tools.run()', path: "'../scripts/job.js'", location: '`__dirname`' },
          line: 8,
          column: 11,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `import path = require('node:path');
import { Worker } from 'node:worker_threads';
import { fork } from 'node:child_process';
class Pool {
  private spawnWorker(file: string): Worker { return new Worker(file); }
  grow(): Worker { return this.spawnWorker('worker.js'); }
}
const tools = { run(file: string) { return fork(file); } };
tools.run(path.join(__dirname, '../scripts/job.js'));`,
            },
          ],
        },
      ],
    },
    {
      // A Web Worker's relative URL is resolved against the page, not the module.
      ...esm(`const url = new URL('./data.json', import.meta.url);
export const worker = new Worker('./w.js', { type: 'module' });`),
      errors: [
        {
          messageId: 'pageRelative',
          data: { name: 'new Worker()', path: "'./w.js'" },
          line: 2,
          column: 34,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `const url = new URL('./data.json', import.meta.url);
export const worker = new Worker(new URL('./w.js', import.meta.url), { type: 'module' });`,
            },
          ],
        },
      ],
    },
    {
      // A script has no module URL to build on: reported, no suggestion.
      ...cjs(`var worker = new Worker('worker.js');`, browserScript),
      errors: [{ messageId: 'pageRelative', data: { name: 'new Worker()', path: "'worker.js'" }, line: 1, column: 25, suggestions: [] }],
    },
    {
      ...cjs(`const execa = require('execa');
execa.node('./child.js');`),
      errors: [
        {
          messageId: 'cwdRelative',
          data: { name: 'execa.node()', path: "'./child.js'", location: '`__dirname`' },
          line: 2,
          column: 12,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              data: { replacement: "path.join(__dirname, 'child.js')" },
              output: `const execa = require('execa');
const path = require('node:path');
execa.node(path.join(__dirname, 'child.js'));`,
            },
          ],
        },
      ],
    },
    // ---- relative strings, ES modules
    {
      ...esm(`import { Worker } from 'node:worker_threads';
new Worker('./workers/resize.js');`),
      errors: [
        {
          messageId: 'cwdRelative',
          data: { name: 'new Worker()', path: "'./workers/resize.js'", location: '`import.meta.url`' },
          line: 2,
          column: 12,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              data: { replacement: "new URL('./workers/resize.js', import.meta.url)" },
              output: `import { Worker } from 'node:worker_threads';
new Worker(new URL('./workers/resize.js', import.meta.url));`,
            },
          ],
        },
      ],
    },
    {
      ...esm(`import { fork } from 'node:child_process';
fork(\`./jobs/\${name}.js\`);`),
      errors: [
        {
          messageId: 'cwdRelative',
          line: 2,
          column: 6,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `import { fork } from 'node:child_process';
fork(new URL(\`./jobs/\${name}.js\`, import.meta.url));`,
            },
          ],
        },
      ],
    },
    {
      ...esm(`import * as threads from 'node:worker_threads';
export function startResize() {
  return new threads.Worker('../workers/resize.js', { workerData: 1 });
}`),
      errors: [
        {
          messageId: 'cwdRelative',
          line: 3,
          column: 29,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `import * as threads from 'node:worker_threads';
export function startResize() {
  return new threads.Worker(new URL('../workers/resize.js', import.meta.url), { workerData: 1 });
}`,
            },
          ],
        },
      ],
    },
    {
      // A renamed import, and a concatenation.
      ...esm(`import { fork as forkChild } from 'child_process';
forkChild('./jobs/' + name + '.js', { stdio: 'inherit' });`),
      errors: [
        {
          messageId: 'cwdRelative',
          line: 2,
          column: 11,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `import { fork as forkChild } from 'child_process';
forkChild(new URL('./jobs/' + name + '.js', import.meta.url), { stdio: 'inherit' });`,
            },
          ],
        },
      ],
    },
    {
      // A Worker option that is not `eval: true`.
      ...esm(`import { Worker } from 'node:worker_threads';
new Worker('./w.js', { eval: false });`),
      errors: [
        {
          messageId: 'cwdRelative',
          line: 2,
          column: 12,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `import { Worker } from 'node:worker_threads';
new Worker(new URL('./w.js', import.meta.url), { eval: false });`,
            },
          ],
        },
      ],
    },
    // ---- bare names
    {
      ...esm(`import { Worker } from 'node:worker_threads';
new Worker('worker.js');`),
      errors: [
        {
          messageId: 'bareWorkerPath',
          data: { path: "'worker.js'", location: '`import.meta.url`', through: '' },
          line: 2,
          column: 12,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `import { Worker } from 'node:worker_threads';
new Worker(new URL('./worker.js', import.meta.url));`,
            },
          ],
        },
      ],
    },
    {
      ...cjs(`const { Worker } = require('worker_threads');
new Worker(\`worker-\${id}.js\`);`),
      errors: [
        {
          messageId: 'bareWorkerPath',
          line: 2,
          column: 12,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `const { Worker } = require('worker_threads');
const path = require('node:path');
new Worker(path.join(__dirname, \`worker-\${id}.js\`));`,
            },
          ],
        },
      ],
    },
    {
      // A bare name throws for Worker even when the rule is told to allow cwd-relative paths.
      ...esm(`import { Worker } from 'node:worker_threads';
new Worker('w.js');`),
      options: [{ allowCwdRelative: true }],
      errors: [{ messageId: 'bareWorkerPath', line: 2, column: 12, suggestions: [{ messageId: 'resolveFromModule', output: `import { Worker } from 'node:worker_threads';
new Worker(new URL('./w.js', import.meta.url));` }] }],
    },
    {
      // For fork a bare name is resolved against the working directory.
      ...cjs(`const { fork } = require('node:child_process');
fork('child.js');`),
      errors: [
        {
          messageId: 'cwdRelative',
          line: 2,
          column: 6,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `const { fork } = require('node:child_process');
const path = require('node:path');
fork(path.join(__dirname, 'child.js'));`,
            },
          ],
        },
      ],
    },
    {
      // Aliases: a renamed destructuring, a member of require(), process.getBuiltinModule().
      ...cjs(`const { Worker: Thread } = require('node:worker_threads');
const path = require('path');
new Thread('./a.js');
new (require('worker_threads').Worker)('./b.js');
const { fork } = process.getBuiltinModule('node:child_process');
fork(\`./jobs/\${name}.js\`);`),
      errors: [
        {
          messageId: 'cwdRelative',
          line: 3,
          column: 12,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `const { Worker: Thread } = require('node:worker_threads');
const path = require('path');
new Thread(path.join(__dirname, 'a.js'));
new (require('worker_threads').Worker)('./b.js');
const { fork } = process.getBuiltinModule('node:child_process');
fork(\`./jobs/\${name}.js\`);`,
            },
          ],
        },
        {
          messageId: 'cwdRelative',
          line: 4,
          column: 40,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `const { Worker: Thread } = require('node:worker_threads');
const path = require('path');
new Thread('./a.js');
new (require('worker_threads').Worker)(path.join(__dirname, 'b.js'));
const { fork } = process.getBuiltinModule('node:child_process');
fork(\`./jobs/\${name}.js\`);`,
            },
          ],
        },
        {
          messageId: 'cwdRelative',
          line: 6,
          column: 6,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `const { Worker: Thread } = require('node:worker_threads');
const path = require('path');
new Thread('./a.js');
new (require('worker_threads').Worker)('./b.js');
const { fork } = process.getBuiltinModule('node:child_process');
fork(path.join(__dirname, \`jobs/\${name}.js\`));`,
            },
          ],
        },
      ],
    },
    {
      // A `.js` file parsed as a module but written in CommonJS gets the CommonJS form.
      ...esm(`const { fork } = require('node:child_process');
class Jobs {
  start() { return fork('./job.js'); }
}
module.exports = Jobs;`, { filename: fixture('cjs-package/jobs.js') }),
      errors: [
        {
          messageId: 'cwdRelative',
          line: 3,
          column: 25,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `const { fork } = require('node:child_process');
const path = require('node:path');
class Jobs {
  start() { return fork(path.join(__dirname, 'job.js')); }
}
module.exports = Jobs;`,
            },
          ],
        },
      ],
    },
    {
      // An existing namespace import of node:url is reused.
      ...esm(`import * as url from 'node:url';
import workerpool from 'workerpool';
export const pool = () => workerpool.pool('./worker.js');`),
      errors: [
        {
          messageId: 'cwdRelative',
          line: 3,
          column: 43,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `import * as url from 'node:url';
import workerpool from 'workerpool';
export const pool = () => workerpool.pool(url.fileURLToPath(new URL('./worker.js', import.meta.url)));`,
            },
          ],
        },
      ],
    },
    // ---- CommonJS bindings for path.join
    {
      ...cjs(`const { Worker } = require('worker_threads');
new Worker('./w.js');`),
      errors: [
        {
          messageId: 'cwdRelative',
          line: 2,
          column: 12,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              data: { replacement: "path.join(__dirname, 'w.js')" },
              output: `const { Worker } = require('worker_threads');
const path = require('node:path');
new Worker(path.join(__dirname, 'w.js'));`,
            },
          ],
        },
      ],
    },
    {
      ...cjs(`const path = require('path');
const { fork } = require('child_process');
fork('./child.js');
fork('../shared/child.js');`),
      errors: [
        {
          messageId: 'cwdRelative',
          line: 3,
          column: 6,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `const path = require('path');
const { fork } = require('child_process');
fork(path.join(__dirname, 'child.js'));
fork('../shared/child.js');`,
            },
          ],
        },
        {
          messageId: 'cwdRelative',
          line: 4,
          column: 6,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `const path = require('path');
const { fork } = require('child_process');
fork('./child.js');
fork(path.join(__dirname, '../shared/child.js'));`,
            },
          ],
        },
      ],
    },
    {
      ...cjs(`const { join } = require('node:path');
const cp = require('node:child_process');
cp.fork('./child.js');`),
      errors: [
        {
          messageId: 'cwdRelative',
          line: 3,
          column: 9,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `const { join } = require('node:path');
const cp = require('node:child_process');
cp.fork(join(__dirname, 'child.js'));`,
            },
          ],
        },
      ],
    },
    {
      ...cjs(`const { resolve } = require('node:path');
const { fork } = require('child_process');
fork('./child.js');`),
      errors: [
        {
          messageId: 'cwdRelative',
          line: 3,
          column: 6,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `const { resolve, join } = require('node:path');
const { fork } = require('child_process');
fork(join(__dirname, 'child.js'));`,
            },
          ],
        },
      ],
    },
    {
      // The name `path` is taken: an inline require.
      ...cjs(`const { fork } = require('child_process');
const path = process.argv[2];
fork('./child.js', [path]);`),
      errors: [
        {
          messageId: 'cwdRelative',
          line: 3,
          column: 6,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `const { fork } = require('child_process');
const path = process.argv[2];
fork(require('node:path').join(__dirname, 'child.js'), [path]);`,
            },
          ],
        },
      ],
    },
    {
      // A `path` binding out of scope is not reused.
      ...cjs(`const { fork } = require('child_process');
function unrelated() { const path = require('path'); return path; }
fork('./child.js');`),
      errors: [
        {
          messageId: 'cwdRelative',
          line: 3,
          column: 6,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `const { fork } = require('child_process');
const path = require('node:path');
function unrelated() { const path = require('path'); return path; }
fork(path.join(__dirname, 'child.js'));`,
            },
          ],
        },
      ],
    },
    {
      // The binding goes after the directive prologue when the file has no top-level require.
      ...cjs(`'use strict';
module.exports = function start() {
  const { Worker } = require('node:worker_threads');
  return new Worker('./w.js');
};`),
      errors: [
        {
          messageId: 'cwdRelative',
          line: 4,
          column: 21,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `'use strict';
const path = require('node:path');
module.exports = function start() {
  const { Worker } = require('node:worker_threads');
  return new Worker(path.join(__dirname, 'w.js'));
};`,
            },
          ],
        },
      ],
    },
    {
      // A local `__dirname` is not CommonJS's: no suggestion.
      ...cjs(`const { fork } = require('child_process');
function start(__dirname) { return fork('./child.js'); }`),
      errors: [{ messageId: 'cwdRelative', line: 2, column: 41, suggestions: [] }],
    },
    // ---- path.resolve / path.join of relative strings
    {
      ...cjs(`const { fork } = require('node:child_process');
const path = require('node:path');
fork(path.resolve('child.js'));`),
      errors: [
        {
          messageId: 'cwdRelative',
          line: 3,
          column: 6,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              data: { replacement: "path.resolve(__dirname, 'child.js')" },
              output: `const { fork } = require('node:child_process');
const path = require('node:path');
fork(path.resolve(__dirname, 'child.js'));`,
            },
          ],
        },
      ],
    },
    {
      // path.join('./w.js') is 'w.js': a bare name for Worker. The fixed call keeps every reader right.
      ...esm(`import { Worker } from 'node:worker_threads';
import path from 'node:path';
const script = path.join('./workers', 'w.js');
new Worker(script);
console.log(script);`),
      errors: [
        {
          messageId: 'bareWorkerPath',
          line: 4,
          column: 12,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `import { Worker } from 'node:worker_threads';
import path from 'node:path';
const script = path.join(import.meta.dirname, './workers', 'w.js');
new Worker(script);
console.log(script);`,
            },
          ],
        },
      ],
    },
    // ---- pools, cluster, node commands
    {
      ...esm(`import Piscina from 'piscina';
export const pool = new Piscina({ filename: './worker.js' });`),
      errors: [
        {
          messageId: 'cwdRelative',
          data: { name: 'new Piscina()', path: "'./worker.js'", location: '`import.meta.url`' },
          line: 2,
          column: 45,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `import Piscina from 'piscina';
import { fileURLToPath } from 'node:url';
export const pool = new Piscina({ filename: fileURLToPath(new URL('./worker.js', import.meta.url)) });`,
            },
          ],
        },
      ],
    },
    {
      ...cjs(`const { Tinypool } = require('tinypool');
const workerpool = require('workerpool');
new Tinypool({ filename: './worker.js' });
workerpool.pool('./worker.js', { minWorkers: 2 });`),
      errors: [
        {
          messageId: 'cwdRelative',
          line: 3,
          column: 26,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `const { Tinypool } = require('tinypool');
const workerpool = require('workerpool');
const path = require('node:path');
new Tinypool({ filename: path.join(__dirname, 'worker.js') });
workerpool.pool('./worker.js', { minWorkers: 2 });`,
            },
          ],
        },
        {
          messageId: 'cwdRelative',
          line: 4,
          column: 17,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `const { Tinypool } = require('tinypool');
const workerpool = require('workerpool');
const path = require('node:path');
new Tinypool({ filename: './worker.js' });
workerpool.pool(path.join(__dirname, 'worker.js'), { minWorkers: 2 });`,
            },
          ],
        },
      ],
    },
    {
      ...esm(`import cluster from 'node:cluster';
import { fileURLToPath } from 'node:url';
cluster.setupPrimary({ exec: './worker.js' });`),
      errors: [
        {
          messageId: 'cwdRelative',
          data: { name: 'cluster.setupPrimary()', path: "'./worker.js'", location: '`import.meta.url`' },
          line: 3,
          column: 30,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `import cluster from 'node:cluster';
import { fileURLToPath } from 'node:url';
cluster.setupPrimary({ exec: fileURLToPath(new URL('./worker.js', import.meta.url)) });`,
            },
          ],
        },
      ],
    },
    {
      ...cjs(`const cluster = require('node:cluster');
cluster.setupMaster({ exec: 'worker.js', silent: true });`),
      errors: [
        {
          messageId: 'cwdRelative',
          data: { name: 'cluster.setupMaster()', path: "'worker.js'", location: '`__dirname`' },
          line: 2,
          column: 29,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `const cluster = require('node:cluster');
const path = require('node:path');
cluster.setupMaster({ exec: path.join(__dirname, 'worker.js'), silent: true });`,
            },
          ],
        },
      ],
    },
    {
      ...esm(`import { spawn } from 'node:child_process';
spawn(process.execPath, ['./child.js', '--port', '3000']);`),
      errors: [
        {
          messageId: 'cwdRelative',
          data: { name: 'spawn()', path: "'./child.js'", location: '`import.meta.url`' },
          line: 2,
          column: 26,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
spawn(process.execPath, [fileURLToPath(new URL('./child.js', import.meta.url)), '--port', '3000']);`,
            },
          ],
        },
      ],
    },
    {
      ...cjs(`const { execFile, spawnSync } = require('child_process');
const args = [...process.execArgv, './child.js'];
execFile('node', args);
spawnSync(process.argv[0], ['scripts/task.js'], { stdio: 'inherit' });`),
      errors: [
        {
          // Reported at the path, where the argument list is written.
          messageId: 'cwdRelative',
          line: 2,
          column: 36,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `const { execFile, spawnSync } = require('child_process');
const path = require('node:path');
const args = [...process.execArgv, path.join(__dirname, 'child.js')];
execFile('node', args);
spawnSync(process.argv[0], ['scripts/task.js'], { stdio: 'inherit' });`,
            },
          ],
        },
        {
          messageId: 'cwdRelative',
          line: 4,
          column: 29,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `const { execFile, spawnSync } = require('child_process');
const path = require('node:path');
const args = [...process.execArgv, './child.js'];
execFile('node', args);
spawnSync(process.argv[0], [path.join(__dirname, 'scripts/task.js')], { stdio: 'inherit' });`,
            },
          ],
        },
      ],
    },
    {
      ...esm(`import { execaNode } from 'execa';
await execaNode('./child.js');`),
      errors: [
        {
          messageId: 'cwdRelative',
          line: 2,
          column: 17,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `import { execaNode } from 'execa';
import { fileURLToPath } from 'node:url';
await execaNode(fileURLToPath(new URL('./child.js', import.meta.url)));`,
            },
          ],
        },
      ],
    },
    {
      // An options object without `cwd` does not count.
      ...cjs(`const { fork } = require('child_process');
fork('./child.js', [], { stdio: 'inherit', env: { CHILD: '1' } });`),
      errors: [
        {
          messageId: 'cwdRelative',
          line: 2,
          column: 6,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `const { fork } = require('child_process');
const path = require('node:path');
fork(path.join(__dirname, 'child.js'), [], { stdio: 'inherit', env: { CHILD: '1' } });`,
            },
          ],
        },
      ],
    },
    // ---- constants
    {
      ...esm(`import { Worker } from 'node:worker_threads';
const WORKER = './worker.js';
export function start() { return new Worker(WORKER); }`),
      errors: [
        {
          messageId: 'cwdRelative',
          data: { name: 'new Worker()', path: "'./worker.js'", location: '`import.meta.url`' },
          line: 3,
          column: 45,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `import { Worker } from 'node:worker_threads';
const WORKER = new URL('./worker.js', import.meta.url);
export function start() { return new Worker(WORKER); }`,
            },
          ],
        },
      ],
    },
    {
      // Read elsewhere too: the constant is left alone.
      ...cjs(`const { fork } = require('child_process');
const CHILD = './child.js';
console.log('starting', CHILD);
fork(CHILD);`),
      errors: [{ messageId: 'cwdRelative', line: 4, column: 6, suggestions: [] }],
    },
    {
      ...esm(`import { fork } from 'node:child_process';
const CHILD = './child.js';
fork(CHILD);
export { CHILD };`),
      errors: [{ messageId: 'cwdRelative', line: 3, column: 6, suggestions: [] }],
    },
    {
      // Exported: other modules may read it.
      ...esm(`import { fork } from 'node:child_process';
export const CHILD = './child.js';
fork(CHILD);`),
      errors: [{ messageId: 'cwdRelative', line: 3, column: 6, suggestions: [] }],
    },
    // ---- launcher paths
    {
      // Reported twin: Jest loads the test file into its worker, whose \`process.argv[1]\` is Jest's.
      ...cjs(`const { spawnSync } = require('node:child_process');
spawnSync(process.argv0, [process.argv[1], 'child'], { stdio: 'inherit' });`, { filename: path.resolve(import.meta.dirname, '../fixtures/file-model/jest-package/test/stdio.test.cjs') }),
      errors: [{ messageId: 'launcherPath', line: 2, suggestions: [{ messageId: 'useOwnFile', output: `const { spawnSync } = require('node:child_process');
spawnSync(process.argv0, [__filename, 'child'], { stdio: 'inherit' });` }] }],
    },
    {
      // Reported twin of \`node .\`: another module of the package than its main.
      ...esm(`import { spawnSync } from 'node:child_process';
spawnSync(process.argv[0], [process.argv[1], 'start'], { stdio: 'inherit' });
export {};`, { filename: fixture('main-package/lib/restart.js') }),
      errors: [{ messageId: 'launcherPath', line: 2, suggestions: [{ messageId: 'useOwnFile', output: `import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
spawnSync(process.argv[0], [fileURLToPath(import.meta.url), 'start'], { stdio: 'inherit' });
export {};` }] }],
    },
    {
      ...esm(`import { fork } from 'node:child_process';
fork(process.argv[1], ['child']);`),
      errors: [
        {
          messageId: 'launcherPath',
          data: { name: 'fork()', path: 'process.argv[1]', location: '`import.meta.url`', through: '' },
          line: 2,
          column: 6,
          suggestions: [
            {
              messageId: 'useOwnFile',
              data: { replacement: 'new URL(import.meta.url)' },
              output: `import { fork } from 'node:child_process';
fork(new URL(import.meta.url), ['child']);`,
            },
          ],
        },
      ],
    },
    {
      ...cjs(`const { fork } = require('node:child_process');
fork(require.main.filename, ['--worker']);`),
      errors: [
        {
          messageId: 'launcherPath',
          line: 2,
          column: 6,
          suggestions: [
            {
              messageId: 'useOwnFile',
              output: `const { fork } = require('node:child_process');
fork(__filename, ['--worker']);`,
            },
          ],
        },
      ],
    },
    {
      ...cjs(`const { Worker } = require('node:worker_threads');
const entry = process.mainModule.filename;
new Worker(entry);`),
      errors: [
        {
          messageId: 'launcherPath',
          line: 3,
          column: 12,
          suggestions: [
            {
              messageId: 'useOwnFile',
              output: `const { Worker } = require('node:worker_threads');
const entry = __filename;
new Worker(entry);`,
            },
          ],
        },
      ],
    },
    {
      // The launcher's script as a `node` argument must stay a string.
      ...esm(`import { spawn } from 'node:child_process';
spawn(process.execPath, [process.argv[1], 'child'], { stdio: 'inherit' });`),
      errors: [
        {
          messageId: 'launcherPath',
          line: 2,
          column: 26,
          suggestions: [
            {
              messageId: 'useOwnFile',
              output: `import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
spawn(process.execPath, [fileURLToPath(import.meta.url), 'child'], { stdio: 'inherit' });`,
            },
          ],
        },
      ],
    },
    {
      // A path beside the launcher: built on the module's folder instead.
      ...cjs(`const path = require('node:path');
const { fork } = require('node:child_process');
fork(path.join(path.dirname(process.argv[1]), 'worker.js'));
fork(require.main.path + '/worker.js');`),
      errors: [
        {
          messageId: 'launcherPath',
          line: 3,
          column: 6,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              data: { replacement: "path.join(__dirname, 'worker.js')" },
              output: `const path = require('node:path');
const { fork } = require('node:child_process');
fork(path.join(__dirname, 'worker.js'));
fork(require.main.path + '/worker.js');`,
            },
          ],
        },
        {
          messageId: 'launcherPath',
          line: 4,
          column: 6,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `const path = require('node:path');
const { fork } = require('node:child_process');
fork(path.join(path.dirname(process.argv[1]), 'worker.js'));
fork(__dirname + '/worker.js');`,
            },
          ],
        },
      ],
    },
    {
      // An executable still breaks with a relative path once it is installed (its launcher path is
      // itself, so that one is not reported).
      ...cjs(`#!/usr/bin/env node
const { fork } = require('child_process');
fork('./child.js');
if (require.main !== module) fork(process.argv[1]);`),
      errors: [
        {
          messageId: 'cwdRelative',
          line: 3,
          column: 6,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `#!/usr/bin/env node
const { fork } = require('child_process');
const path = require('node:path');
fork(path.join(__dirname, 'child.js'));
if (require.main !== module) fork(process.argv[1]);`,
            },
          ],
        },
      ],
    },
    {
      // Where this module is not the entry point, the launcher is someone else.
      ...cjs(`const { fork } = require('child_process');
if (require.main !== module) fork(process.argv[1]);`),
      errors: [
        {
          messageId: 'launcherPath',
          line: 2,
          column: 35,
          suggestions: [
            {
              messageId: 'useOwnFile',
              output: `const { fork } = require('child_process');
if (require.main !== module) fork(__filename);`,
            },
          ],
        },
      ],
    },
    // ---- paths written from the project root
    {
      ...esm(`import { Worker } from 'node:worker_threads';
new Worker('./src/workers/resize.js');`, { filename: 'src/index.mjs' }),
      errors: [
        {
          messageId: 'cwdRelative',
          line: 2,
          column: 12,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `import { Worker } from 'node:worker_threads';
new Worker(new URL('./workers/resize.js', import.meta.url));`,
            },
          ],
        },
      ],
    },
    {
      ...cjs(`const { fork } = require('node:child_process');
fork('lib/jobs/child.js');`, { filename: 'packages/app/lib/jobs/index.cjs' }),
      errors: [
        {
          messageId: 'cwdRelative',
          line: 2,
          column: 6,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `const { fork } = require('node:child_process');
const path = require('node:path');
fork(path.join(__dirname, 'child.js'));`,
            },
          ],
        },
      ],
    },
    {
      // Options written at the call without cwd: the path is resolved from the working directory.
      ...esm(`import { spawnSync } from 'node:child_process';
export function runCli(args) {
  return spawnSync(process.execPath, ['./bin/cli.js', ...args], { stdio: 'inherit' });
}`),
      errors: [
        {
          messageId: 'cwdRelative',
          line: 3,
          column: 39,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
export function runCli(args) {
  return spawnSync(process.execPath, [fileURLToPath(new URL('./bin/cli.js', import.meta.url)), ...args], { stdio: 'inherit' });
}`,
            },
          ],
        },
      ],
    },
    {
      // process.argv.slice(2) is fork's argument list, not options.
      ...cjs(`const { fork } = require('child_process');
fork('./child.js', process.argv.slice(2));`),
      errors: [
        {
          messageId: 'cwdRelative',
          line: 2,
          column: 6,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `const { fork } = require('child_process');
const path = require('node:path');
fork(path.join(__dirname, 'child.js'), process.argv.slice(2));`,
            },
          ],
        },
      ],
    },
    // ---- The module system from the nearest package.json
    {
      // A .ts file in a package without "type": "module" compiles to CommonJS (nodenext): no import.meta.
      ...ts(`import { Worker } from 'node:worker_threads';
const worker = new Worker('./worker.js');
worker.postMessage(1);`, { filename: fixture('cjs-package/src/pool.ts') }),
      errors: [{ messageId: 'cwdRelative', line: 2, column: 27, suggestions: [{ messageId: 'resolveFromModule', output: `import path = require('node:path');
import { Worker } from 'node:worker_threads';
const worker = new Worker(path.join(__dirname, '../worker.js'));
worker.postMessage(1);` }] }],
    },
    {
      ...ts(`import { Worker } from 'node:worker_threads';
const worker = new Worker('./worker.js');
worker.postMessage(1);`, { filename: fixture('esm-package/src/pool.ts') }),
      errors: [{ messageId: 'cwdRelative', line: 2, column: 27, suggestions: [{ messageId: 'resolveFromModule', output: `import { Worker } from 'node:worker_threads';
const worker = new Worker(new URL('../worker.js', import.meta.url));
worker.postMessage(1);` }] }],
    },
    {
      // A .js file with import syntax in a package without a type: Node detects it as an ES module.
      ...esm(`import { fork } from 'node:child_process';
fork('./child.js');`, { filename: fixture('cjs-package/src/run.js') }),
      errors: [{ messageId: 'cwdRelative', line: 2, column: 6, suggestions: [{ messageId: 'resolveFromModule', output: `import { fork } from 'node:child_process';
fork(new URL('../child.js', import.meta.url));` }] }],
    },
    {
      // A .js file in a "type": "module" package is an ES module, even without import/export syntax.
      ...esm(`const { fork } = await import('node:child_process');
fork('./child.js');`, { filename: fixture('esm-package/src/run.js') }),
      errors: [{ messageId: 'cwdRelative', line: 2, column: 6, suggestions: [{ messageId: 'resolveFromModule', output: `const { fork } = await import('node:child_process');
fork(new URL('../child.js', import.meta.url));` }] }],
    },
    // ---- The working directory the path assumed: the package folder, seen from the module's folder
    {
      ...esm(`import { Worker } from 'node:worker_threads';
export const worker = new Worker('./dist/w.js');`, { filename: fixture('esm-package/src/index.js') }),
      errors: [{ messageId: 'cwdRelative', line: 2, column: 34, suggestions: [{ messageId: 'resolveFromModule', output: `import { Worker } from 'node:worker_threads';
export const worker = new Worker(new URL('../dist/w.js', import.meta.url));` }] }],
    },
    {
      ...cjs(`const { fork } = require('node:child_process');
const path = require('node:path');
module.exports = () => [fork('dist/w.js'), fork(path.resolve('dist/v.js'))];`, { filename: fixture('cjs-package/src/lib/start.cjs') }),
      errors: [
        { messageId: 'cwdRelative', line: 3, column: 30, suggestions: [{ messageId: 'resolveFromModule', output: `const { fork } = require('node:child_process');
const path = require('node:path');
module.exports = () => [fork(path.join(__dirname, '../../dist/w.js')), fork(path.resolve('dist/v.js'))];` }] },
        { messageId: 'cwdRelative', line: 3, column: 49, suggestions: [{ messageId: 'resolveFromModule', output: `const { fork } = require('node:child_process');
const path = require('node:path');
module.exports = () => [fork('dist/w.js'), fork(path.resolve(__dirname, '../..', 'dist/v.js'))];` }] },
      ],
    },
    {
      // Not on disk: no package folder tells where the path was meant to start, so no suggestion.
      ...languages.esm(`import { Worker } from 'node:worker_threads';
export const worker = new Worker('./dist/w.js');`),
      errors: [{ messageId: 'cwdRelative', line: 2, column: 34, suggestions: [] }],
    },
    // ---- TypeScript
    {
      ...ts(`import { Worker } from 'node:worker_threads';
const worker = new Worker('./worker.js');
worker.postMessage(1);`),
      errors: [
        {
          messageId: 'cwdRelative',
          line: 2,
          column: 27,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `import { Worker } from 'node:worker_threads';
const worker = new Worker(new URL('./worker.js', import.meta.url));
worker.postMessage(1);`,
            },
          ],
        },
      ],
    },
    {
      // An annotated constant keeps its string type.
      ...ts(`import { fork } from 'node:child_process';
const script: string = './child.js';
fork(script);`),
      errors: [
        {
          messageId: 'cwdRelative',
          line: 3,
          column: 6,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
const script: string = fileURLToPath(new URL('./child.js', import.meta.url));
fork(script);`,
            },
          ],
        },
      ],
    },
    {
      // A wrapped constant (`as const`) is not rewritten; a wrapped argument is replaced whole.
      ...ts(`import { Worker } from 'node:worker_threads';
const FILE = './w.js' as const;
new Worker(FILE);
new Worker('./other.js' as string);`),
      errors: [
        { messageId: 'cwdRelative', line: 3, column: 12, suggestions: [] },
        {
          messageId: 'cwdRelative',
          line: 4,
          column: 12,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `import { Worker } from 'node:worker_threads';
const FILE = './w.js' as const;
new Worker(FILE);
new Worker(new URL('./other.js', import.meta.url));`,
            },
          ],
        },
      ],
    },
    {
      ...ts(`import Piscina from 'piscina';
import path from 'node:path';
export class Resizer {
  private readonly pool = new Piscina({ filename: path.resolve('dist/worker.js') });
}`),
      errors: [
        {
          messageId: 'cwdRelative',
          line: 4,
          column: 51,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `import Piscina from 'piscina';
import path from 'node:path';
export class Resizer {
  private readonly pool = new Piscina({ filename: path.resolve(import.meta.dirname, 'dist/worker.js') });
}`,
            },
          ],
        },
      ],
    },
    {
      ...ts(`import { fork } from 'node:child_process';
fork(process.argv[1]!, ['child']);`),
      errors: [
        {
          messageId: 'launcherPath',
          line: 2,
          column: 6,
          suggestions: [
            {
              messageId: 'useOwnFile',
              output: `import { fork } from 'node:child_process';
fork(new URL(import.meta.url), ['child']);`,
            },
          ],
        },
      ],
    },
    {
      // CommonJS TypeScript: an import-equals binding.
      ...cts(`import { fork } from 'node:child_process';
fork('./child.js');`),
      errors: [
        {
          messageId: 'cwdRelative',
          line: 2,
          column: 6,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `import path = require('node:path');
import { fork } from 'node:child_process';
fork(path.join(__dirname, 'child.js'));`,
            },
          ],
        },
      ],
    },
    {
      ...cts(`import cp = require('node:child_process');
cp.fork('./child.js');`),
      errors: [
        {
          messageId: 'cwdRelative',
          line: 2,
          column: 9,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `import cp = require('node:child_process');
import path = require('node:path');
cp.fork(path.join(__dirname, 'child.js'));`,
            },
          ],
        },
      ],
    },
    {
      ...cts(`import nodePath = require('node:path');
import cp = require('node:child_process');
cp.fork('../child.js');`),
      errors: [
        {
          messageId: 'cwdRelative',
          line: 3,
          column: 9,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `import nodePath = require('node:path');
import cp = require('node:child_process');
cp.fork(nodePath.join(__dirname, '../child.js'));`,
            },
          ],
        },
      ],
    },
    {
      // A `.ts` file written in CommonJS style gets the CommonJS form.
      ...ts(`import type { ChildProcess } from 'node:child_process';
const { fork } = require('node:child_process');
export = function start(): ChildProcess { return fork('./child.js'); };`, { filename: fixture('cjs-package/start.ts') }),
      errors: [
        {
          messageId: 'cwdRelative',
          line: 3,
          column: 55,
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `import type { ChildProcess } from 'node:child_process';
const { fork } = require('node:child_process');
import path = require('node:path');
export = function start(): ChildProcess { return fork(path.join(__dirname, 'child.js')); };`,
            },
          ],
        },
      ],
    },
  ],
});

// Test runners start in the package's folder (`npm test`): there a test's cwd-relative path to a
// file of the package holds. The fixture package has bin/runner.js and no bin/missing.js.
const SPEC = `const { execFile, fork } = require('node:child_process');
const path = require('node:path');
describe('runner binary', function () {
  it('does not colour a pipe', function (done) {
    const command = [path.join('bin', 'runner'), '--grep', 'missing-test'];
    execFile(process.execPath, command, function (error) {
      done(error);
    });
    fork('./bin/runner.js');
  });
});`;

const MISSING = `const { fork } = require('node:child_process');
const path = require('node:path');
fork(path.join('bin', 'missing'));
fork(\`./bin/\${process.env.BIN}.js\`);`;

/** SPEC in a module with an export: one a package ships, unless something says otherwise. */
const SHIPPED_SPEC = `${SPEC}\nmodule.exports = {};`;

/** A cwdRelative report at `line` whose suggestion turns `from` into `to` in `code`. */
const cwdRelativeAt = (code: string, line: number, from: string, to: string) => ({
  messageId: 'cwdRelative' as const,
  line,
  suggestions: [{ messageId: 'resolveFromModule' as const, output: code.replace(from, to) }],
});

runRuleTests('no-fragile-script-path (test files)', rule, {
  valid: [
    cjs(SPEC, { filename: fixture('cjs-package/test/integration/color.spec.cjs') }),
    // Jest's default testMatch collects a bare `test.js` in a package that runs Jest.
    cjs(SPEC, { filename: fixture('jest-package/src-test/test.js') }),
  ],
  invalid: [
    {
      // Not a test file but a module the package ships: the working directory is whatever the caller's is.
      ...cjs(SHIPPED_SPEC, { filename: fixture('cjs-package/lib/color.cjs') }),
      errors: [
        cwdRelativeAt(SHIPPED_SPEC, 5, "[path.join('bin'", "[path.join(__dirname, '..', 'bin'"),
        cwdRelativeAt(SHIPPED_SPEC, 9, "fork('./bin/runner.js')", "fork(path.join(__dirname, '../bin/runner.js'))"),
      ],
    },
    {
      // A path that names no file in the package folder, and one whose text is not known.
      ...cjs(MISSING, { filename: fixture('cjs-package/test/bin.test.cjs') }),
      errors: [
        cwdRelativeAt(MISSING, 3, "join('bin'", "join(__dirname, '..', 'bin'"),
        cwdRelativeAt(MISSING, 4, 'fork(`./bin/${process.env.BIN}.js`)', 'fork(path.join(__dirname, `../bin/${process.env.BIN}.js`))'),
      ],
    },
  ],
});

// A file the package's scripts run starts in the folder of that package.json (npm, pnpm and yarn
// run scripts there): a path from that folder to a file of it holds. A bin runs wherever its user is.
runRuleTests('no-fragile-script-path (package scripts)', rule, {
  valid: [
    cjs(SPEC, { filename: fixture('cjs-package/tools/scripts/build.js') }),
    // Run by the enclosing package's script: its folder is the working directory.
    cjs(SPEC, { filename: fixture('cjs-package/nested/scripts/changes.js') }),
    cjs(SPEC, { filename: fixture('jest-package/smoke/test.js') }),
  ],
  invalid: [
    {
      ...cjs(SPEC, { filename: fixture('cjs-package/bin/cli.js') }),
      errors: [
        cwdRelativeAt(SPEC, 5, "[path.join('bin'", "[path.join(__dirname, '..', 'bin'"),
        cwdRelativeAt(SPEC, 9, "fork('./bin/runner.js')", "fork(path.join(__dirname, 'runner.js'))"),
      ],
    },
    {
      // Known working directory, but the path names nothing there.
      ...cjs(MISSING, { filename: fixture('cjs-package/tools/scripts/build.js') }),
      errors: [
        cwdRelativeAt(MISSING, 3, "join('bin'", "join(__dirname, '../..', 'bin'"),
        cwdRelativeAt(MISSING, 4, 'fork(`./bin/${process.env.BIN}.js`)', 'fork(path.join(__dirname, `../../bin/${process.env.BIN}.js`))'),
      ],
    },
  ],
});

// A Worker an assertion expects to throw loads no script.
runRuleTests('no-fragile-script-path (expected throws)', rule, {
  valid: [
    esm(`import assert from 'node:assert';
import { Worker } from 'node:worker_threads';
assert.throws(() => new Worker('test.js'), /ERR_METHOD_NOT_IMPLEMENTED/);`),
  ],
  invalid: [
    {
      ...esm(`import assert from 'node:assert';
import { Worker } from 'node:worker_threads';
assert.doesNotThrow(() => new Worker('test.js'));`),
      errors: [
        {
          messageId: 'bareWorkerPath',
          suggestions: [
            {
              messageId: 'resolveFromModule',
              output: `import assert from 'node:assert';
import { Worker } from 'node:worker_threads';
assert.doesNotThrow(() => new Worker(new URL('./test.js', import.meta.url)));`,
            },
          ],
        },
      ],
    },
  ],
});

// A development script with exports is imported only by the project's other development files,
// which run from the same folders: a path that names a file from its package's folder holds. One
// that names nothing there is still reported.
runRuleTests('no-fragile-script-path (package scripts with exports)', rule, {
  valid: [cjs(SHIPPED_SPEC, { filename: fixture('cjs-package/tools/scripts/build.js') })],
  invalid: [
    {
      ...cjs(`${MISSING}\nmodule.exports = {};`, { filename: fixture('cjs-package/tools/scripts/build.js') }),
      errors: [
        cwdRelativeAt(`${MISSING}\nmodule.exports = {};`, 3, "join('bin'", "join(__dirname, '../..', 'bin'"),
        cwdRelativeAt(`${MISSING}\nmodule.exports = {};`, 4, 'fork(`./bin/${process.env.BIN}.js`)', 'fork(path.join(__dirname, `../../bin/${process.env.BIN}.js`))'),
      ],
    },
  ],
});

// Paths whose base is known after all: a quoted word of a shell command line, a path this file also
// writes or uses relative to the working directory, and a launcher re-run with a marker this file reads.
const QUOTED_TSC = `const execa = require('execa');
const path = require('path');
const args = ['"' + path.resolve(require.resolve('typescript/package.json'), '..', require('typescript/package.json').bin.tsc) + '"', '-b', 'packages'];
execa.sync('node', args, { stdio: 'inherit', shell: true });`;
const WORKER_MAIN = (tested: string) => `import { fork } from 'node:child_process';
import * as os from 'node:os';
declare function runWorkerMessageLoop(): void;
export async function main(): Promise<void> {
  if (process.argv[2] === '${tested}') {
    runWorkerMessageLoop();
    return;
  }
  for (let i = 0; i < 2; i++) {
    const worker = fork(process.mainModule!.filename, ['worker', i.toString(), os.tmpdir()]);
    worker.on('exit', () => undefined);
  }
}`;

runRuleTests('no-fragile-script-path (base known by the file)', rule, {
  valid: [
    // In a shell command line the quotes are the shell's, not the path's: the path is absolute.
    cjs(QUOTED_TSC),
    ts(`import { spawn } from 'node:child_process';
import path from 'node:path';
spawn('node', [\`"\${path.resolve(process.env.HOME ?? '/', 'tool.js')}"\`, '--watch'], { shell: true });`),
    // The file writes the script where it runs it: both relative to the same working directory.
    esm(`import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
const common = { bundle: true, platform: 'node' };
await esbuild.build({ ...common, outfile: 'out.mjs' });
const { status } = spawnSync('node', ['out.mjs']);
process.exitCode = status ?? 1;`),
    cjs(`const esbuild = require('esbuild');
const { spawnSync } = require('child_process');
const SCRIPT = './git-tags-out.js';
esbuild.build({ entryPoints: ['git-tags.ts'], bundle: true, outfile: SCRIPT }).then(() => spawnSync('node', [SCRIPT], { stdio: 'inherit' }));`),
    ts(`import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
writeFileSync('./gen.js', 'console.log(1)');
execFileSync(process.execPath, ['gen.js']);`),
    // The launcher is re-run with a marker this file dispatches on: it routes back into this module.
    ts(WORKER_MAIN('worker')),
    cjs(`const { spawn } = require('child_process');
exports.main = () => {
  if (process.argv.includes('--child')) return child();
  return spawn(process.execPath, [process.argv[1], '--child']);
};
function child() {}`),
    cjs(`const { fork } = require('child_process');
const [, , mode] = process.argv;
switch (mode) {
  case 'serve': break;
  default: fork(require.main.filename, ['serve']);
}`),
    // The launcher is restarted with the rest of its own command line: the program re-runs itself as
    // it was started (after a self-update), so the launcher is what it means.
    esm(`import { spawn } from 'node:child_process';
export function restart() {
  spawn(process.execPath, [process.argv[1], ...process.argv.slice(2)], { detached: true, stdio: 'inherit' }).unref();
  process.exit(0);
}`),
    cjs(`const { spawn } = require('child_process');
exports.restart = () => spawn(process.execPath, [...process.execArgv, process.argv[1], ...process.argv.slice(2)], { stdio: 'inherit' });`),
    cjs(`const { spawn } = require('child_process');
const execa = require('execa');
exports.restart = () => spawn(process.execPath, process.argv.slice(1), { stdio: 'inherit' });
exports.again = () => execa(process.argv[0], process.argv.slice(1));`),
    ts(`import { fork } from 'node:child_process';
export const restart = (): void => void fork(require.main!.filename, process.argv.slice(2));`),
  ],
  invalid: [
    {
      // Reported twin: the quoted path is relative.
      ...cjs(`const execa = require('execa');
const path = require('path');
execa.sync('node', ['"' + path.join('lib', 'tsc.js') + '"'], { shell: true });`),
      errors: [{ messageId: 'cwdRelative', line: 3, suggestions: [{ messageId: 'resolveFromModule', output: `const execa = require('execa');
const path = require('path');
execa.sync('node', ['"' + path.join(__dirname, 'lib', 'tsc.js') + '"'], { shell: true });` }] }],
    },
    {
      // Reported twin: without a shell the quote is part of the file name.
      ...cjs(QUOTED_TSC.replace('shell: true', 'shell: false')),
      errors: [{ messageId: 'cwdRelative', line: 3, suggestions: [{ messageId: 'resolveFromModule', output: QUOTED_TSC.replace('shell: true', 'shell: false').replace(/\[('"'.*'"')/, '[path.join(__dirname, $1)') }] }],
    },
    {
      // Reported twins: the same text only loaded as a module, or only built from the module's folder.
      ...cjs(`const { spawnSync } = require('child_process');
const path = require('path');
require('./out.js');
spawnSync('node', ['out.js']);
console.log(path.join(__dirname, 'gen.mjs'), 'other.js');
spawnSync('node', ['gen.mjs']);
spawnSync('node', ['./other.js']);`),
      errors: [
        { messageId: 'cwdRelative', line: 4, suggestions: [{ messageId: 'resolveFromModule', output: `const { spawnSync } = require('child_process');
const path = require('path');
require('./out.js');
spawnSync('node', [path.join(__dirname, 'out.js')]);
console.log(path.join(__dirname, 'gen.mjs'), 'other.js');
spawnSync('node', ['gen.mjs']);
spawnSync('node', ['./other.js']);` }] },
        { messageId: 'cwdRelative', line: 6, suggestions: [{ messageId: 'resolveFromModule', output: `const { spawnSync } = require('child_process');
const path = require('path');
require('./out.js');
spawnSync('node', ['out.js']);
console.log(path.join(__dirname, 'gen.mjs'), 'other.js');
spawnSync('node', [path.join(__dirname, 'gen.mjs')]);
spawnSync('node', ['./other.js']);` }] },
        { messageId: 'cwdRelative', line: 7, suggestions: [{ messageId: 'resolveFromModule', output: `const { spawnSync } = require('child_process');
const path = require('path');
require('./out.js');
spawnSync('node', ['out.js']);
console.log(path.join(__dirname, 'gen.mjs'), 'other.js');
spawnSync('node', ['gen.mjs']);
spawnSync('node', [path.join(__dirname, 'other.js')]);` }] },
      ],
    },
    {
      // Reported twins: a marker tested against another literal, and one not tested at all.
      ...ts(WORKER_MAIN('child')),
      errors: [{ messageId: 'launcherPath', line: 10, suggestions: [{ messageId: 'useOwnFile', output: WORKER_MAIN('child').replace('process.mainModule!.filename', 'new URL(import.meta.url)') }] }],
    },
    {
      ...cjs(`const { fork } = require('child_process');
exports.start = () => fork(require.main.filename, ['serve']);`),
      errors: [{ messageId: 'launcherPath', line: 2, suggestions: [{ messageId: 'useOwnFile', output: `const { fork } = require('child_process');
exports.start = () => fork(__filename, ['serve']);` }] }],
    },
    {
      // Reported twins: the launcher restarted with the rest of its command line and more, or with part of it.
      ...cjs(`const { spawn } = require('child_process');
exports.restart = () => spawn(process.execPath, [process.argv[1], ...process.argv.slice(2), '--restarted']);
exports.again = () => spawn(process.execPath, [process.argv[1], ...process.argv.slice(3)]);`),
      errors: [
        { messageId: 'launcherPath', line: 2, suggestions: [{ messageId: 'useOwnFile', output: `const { spawn } = require('child_process');
exports.restart = () => spawn(process.execPath, [__filename, ...process.argv.slice(2), '--restarted']);
exports.again = () => spawn(process.execPath, [process.argv[1], ...process.argv.slice(3)]);` }] },
        { messageId: 'launcherPath', line: 3, suggestions: [{ messageId: 'useOwnFile', output: `const { spawn } = require('child_process');
exports.restart = () => spawn(process.execPath, [process.argv[1], ...process.argv.slice(2), '--restarted']);
exports.again = () => spawn(process.execPath, [__filename, ...process.argv.slice(3)]);` }] },
      ],
    },
  ],
});

// A development script that a package script's file starts by a path from the package folder, with
// the working directory unchanged, runs in the package folder too: its package-relative paths hold.
const chained = (file: string) => fixture(`script-chain-package/scripts/${file}`);
const CHAIN_CJS = `const { spawn } = require('child_process');
spawn('node', ['bin/tool.js', 'spec/conf.js'], { stdio: 'inherit' });`;
const CHAIN_ESM = `import { spawn } from 'node:child_process';
spawn('node', ['bin/tool.js', 'spec/conf.js'], { stdio: 'inherit' });`;
const CHAIN_FIX = `const { spawn } = require('child_process');
const path = require('node:path');
spawn('node', [path.join(__dirname, '../bin/tool.js'), 'spec/conf.js'], { stdio: 'inherit' });`;

runRuleTests('no-fragile-script-path (started by a package script)', rule, {
  valid: [
    // `npm test` runs scripts/test.js, which starts these from the package folder.
    languages.cjs(CHAIN_CJS, { filename: chained('error-test.js') }),
    languages.esm(CHAIN_ESM, { filename: chained('error-test.js') }),
    languages.cjs(CHAIN_CJS, { filename: chained('shell-test.js') }),
    languages.ts(`import { spawnSync } from 'node:child_process';
spawnSync(process.execPath, ['bin/tool.js']);`, { filename: chained('error-test.js') }),
    // Started by no package script, it is a maintainer's script, run from the package folder.
    languages.cjs(CHAIN_CJS, { filename: chained('orphan-test.js') }),
  ],
  invalid: [
    {
      // Reported twins: started with another working directory, a maintainer's script whose path
      // names no file from the package folder, and a started one whose path names none.
      ...languages.cjs(CHAIN_CJS, { filename: chained('moved-test.js') }),
      errors: [{ messageId: 'cwdRelative', line: 2, suggestions: [{ messageId: 'resolveFromModule', output: CHAIN_FIX }] }],
    },
    {
      ...languages.cjs(CHAIN_CJS.replace('bin/tool.js', 'bin/missing.js'), { filename: chained('orphan-test.js') }),
      errors: [{ messageId: 'cwdRelative', line: 2, suggestions: [{ messageId: 'resolveFromModule', output: CHAIN_FIX.replace('bin/tool.js', 'bin/missing.js') }] }],
    },
    {
      ...languages.cjs(CHAIN_CJS.replace('bin/tool.js', 'bin/missing.js'), { filename: chained('error-test.js') }),
      errors: [{ messageId: 'cwdRelative', line: 2, suggestions: [{ messageId: 'resolveFromModule', output: CHAIN_FIX.replace('bin/tool.js', 'bin/missing.js') }] }],
    },
    {
      // A module with exports may be imported by code started elsewhere.
      ...languages.cjs(`${CHAIN_CJS}\nmodule.exports = {};`, { filename: chained('error-test.js') }),
      errors: [{ messageId: 'cwdRelative', line: 2, suggestions: [{ messageId: 'resolveFromModule', output: `${CHAIN_FIX}\nmodule.exports = {};` }] }],
    },
  ],
});

// A development file runs where the project's developers and CI run their commands: its package's
// folder, its workspace's root or its repository's. A workspace tool's path from the root holds.
const devWorkspace = (file: string) => fixture(`dev-workspace/packages/${file}`);
const ROOT_START = `import { spawn } from 'node:child_process';

export function smoke() {
  return spawn(process.execPath, ['packages/app/src/server.js'], { stdio: 'inherit' });
}`;
const ROOT_GONE = ROOT_START.replace('server.js', 'gone.js');
/** `code` with its path `from` built from the module's folder as `to`. */
const rootStartFix = (code: string, from: string, to: string) =>
  code.replace("from 'node:child_process';", "from 'node:child_process';\nimport { fileURLToPath } from 'node:url';").replace(`'${from}'`, `fileURLToPath(new URL('${to}', import.meta.url))`);

runRuleTests('no-fragile-script-path (development files)', rule, {
  valid: [languages.esm(ROOT_START, { filename: devWorkspace('tools/smoke.js') })],
  invalid: [
    {
      // Shipped: its users start it from folders of their own.
      ...languages.esm(ROOT_START, { filename: devWorkspace('app/src/start.js') }),
      errors: [{ messageId: 'cwdRelative', line: 4, suggestions: [{ messageId: 'resolveFromModule', output: rootStartFix(ROOT_START, 'packages/app/src/server.js', './server.js') }] }],
    },
    {
      // A development file whose path names nothing from any of those folders.
      ...languages.esm(ROOT_GONE, { filename: devWorkspace('tools/smoke.js') }),
      errors: [{ messageId: 'cwdRelative', line: 4, suggestions: [{ messageId: 'resolveFromModule', output: rootStartFix(ROOT_GONE, 'packages/app/src/gone.js', './packages/app/src/gone.js') }] }],
    },
  ],
});
