import rule from '../../src/rules/no-unguarded-self-spawn.js';
import { cjs, esm, ts } from '../support/languages.js';
import { runRuleTests } from '../support/rule-tester.js';

const FORK_ADVICE = 'guard it with `process.send === undefined`';
const THREAD_ADVICE = 'guard it with `isMainThread`';
const CLUSTER_ADVICE = 'guard it with `cluster.isPrimary`';

runRuleTests('no-unguarded-self-spawn', rule, {
  valid: [
    // The Node.js docs pattern.
    cjs(`const { Worker, isMainThread, parentPort } = require('worker_threads');
if (isMainThread) {
  new Worker(__filename);
} else {
  parentPort.postMessage('hi');
}`),
    esm(`import { Worker, isMainThread } from 'node:worker_threads';
if (!isMainThread) throw new Error('worker');
new Worker(new URL(import.meta.url));`),
    cjs(`const { fork } = require('child_process');
if (process.send === undefined) fork(__filename);`),
    cjs(`const { fork } = require('child_process');
if (!process.send) { fork(__filename); }`),
    cjs(`const { fork } = require('child_process');
if (typeof process.send !== 'function') fork(__filename);`),
    cjs(`const { fork } = require('child_process');
if (!process.env.CHILD) fork(__filename, [], { env: { CHILD: '1' } });`),
    cjs(`const { fork } = require('child_process');
if (process.argv[2] !== 'child') fork(__filename, ['child']);`),
    cjs(`const { fork } = require('child_process');
process.argv.includes('--child') || fork(__filename, ['--child']);`),
    // The parent's marker read through a parser of the command line.
    cjs(`const { fork } = require('child_process');
const minimist = require('minimist');
const args = minimist(process.argv.slice(2));
if (!args.child) fork(__filename, ['--child']);`),
    esm(`import cluster from 'node:cluster';
if (cluster.isPrimary) cluster.fork();`),
    esm(`import cluster from 'node:cluster';
if (cluster.isWorker) { /* serve */ } else { cluster.fork(); }`),
    cjs(`const cluster = require('cluster');
if (cluster.isMaster) for (let i = 0; i < 4; i++) cluster.fork();`),
    // A wrong guard is still a guard: consistent-start-context reports it.
    cjs(`const { fork } = require('child_process');
const { isMainThread } = require('worker_threads');
if (isMainThread) fork(__filename);`),
    // Guarded through an alias.
    esm(`import { Worker, isMainThread } from 'node:worker_threads';
const isParent = isMainThread;
if (isParent) new Worker(new URL(import.meta.url));`),
    // Another script, not this module.
    cjs(`const { fork } = require('child_process');
fork(require.resolve('./child'));`),
    esm(`import { Worker } from 'node:worker_threads';
new Worker(new URL('./worker.js', import.meta.url));`),
    // cluster.fork() that runs another script.
    esm(`import cluster from 'node:cluster';
cluster.setupPrimary({ exec: new URL('./worker.js', import.meta.url).pathname });
cluster.fork();`),
    // Only runs when called.
    cjs(`const { fork } = require('child_process');
exports.start = () => fork(__filename);`),
    // A local fork.
    cjs(`function fork(file) { return file; }
fork(__filename);`),
    // A path from the module's own folder that names another file, the parent folder, or no extension.
    cjs(`const path = require('path');
const { fork } = require('child_process');
fork(path.join(__dirname, 'other.cjs'));`, { filename: 'lib/self.cjs' }),
    cjs(`const path = require('path');
const { fork } = require('child_process');
fork(path.join(__dirname, '..', 'self.cjs'));`, { filename: 'lib/self.cjs' }),
    cjs(`const path = require('path');
const { Worker } = require('worker_threads');
new Worker(path.join(__dirname, 'self'));`, { filename: 'lib/self.cjs' }),
    cjs(`const path = require('path');
const { fork } = require('child_process');
fork(path.join(process.cwd(), 'self.cjs'));`, { filename: 'self.cjs' }),
    cjs(`const path = require('path');
const { fork } = require('child_process');
fork(path.join(__dirname, process.env.SELF ? 'self.cjs' : 'other.cjs'));`, { filename: 'lib/self.cjs' }),
    cjs(`const path = require('path');
const { fork } = require('child_process');
fork(path.join(__dirname, '<input>'));`, { filename: '<input>' }),
    // Guarded.
    cjs(`const path = require('path');
const { fork } = require('child_process');
if (process.send === undefined) fork(path.join(__dirname, 'self.cjs'));`, { filename: 'lib/self.cjs' }),
    esm(`import { Worker } from 'node:worker_threads';
new Worker(new URL('./other.mjs', import.meta.url));`, { filename: 'src/self.mjs' }),
    esm(`import { Worker, isMainThread } from 'node:worker_threads';
if (isMainThread) new Worker(new URL('./self.mjs', import.meta.url));`, { filename: 'src/self.mjs' }),
    ts(`import path from 'node:path';
import { Worker, isMainThread } from 'node:worker_threads';
if (isMainThread) new Worker(path.join(__dirname, 'self.js'));`, { filename: 'src/self.ts' }),
    ts(`import path from 'node:path';
import { Worker } from 'node:worker_threads';
new Worker(path.join(__dirname, 'worker.js'));`, { filename: 'src/self.ts' }),
    // An entry check on the canonical script path is an entry check: consistent-start-context
    // reports it as the wrong guard for fork(), which it is.
    cjs(`const { fork } = require('child_process');
const { realpathSync } = require('fs');
if (realpathSync(process.argv[1]) === __filename) fork(__filename);`),
  ],
  invalid: [
    {
      ...cjs(`const { fork } = require('child_process');
fork(__filename);`),
      errors: [
        {
          messageId: 'unguarded',
          line: 2,
          column: 1,
          data: { name: 'fork()', advice: FORK_ADVICE },
          suggestions: [
            {
              messageId: 'wrapInGuard',
              data: { guard: 'process.send === undefined' },
              output: `const { fork } = require('child_process');
if (process.send === undefined) {
  fork(__filename);
}`,
            },
          ],
        },
      ],
    },
    {
      ...cjs(`const cp = require('node:child_process');
const self = __filename;
cp.fork(self, ['--worker']);`),
      errors: [
        {
          messageId: 'unguarded',
          line: 3,
          column: 1,
          data: { name: 'cp.fork()', advice: FORK_ADVICE },
          suggestions: [
            {
              messageId: 'wrapInGuard',
              data: { guard: 'process.send === undefined' },
              output: `const cp = require('node:child_process');
const self = __filename;
if (process.send === undefined) {
  cp.fork(self, ['--worker']);
}`,
            },
          ],
        },
      ],
    },
    {
      ...esm(`import { Worker } from 'node:worker_threads';
new Worker(new URL(import.meta.url));`),
      errors: [
        {
          messageId: 'unguarded',
          line: 2,
          column: 1,
          data: { name: 'new Worker()', advice: THREAD_ADVICE },
          suggestions: [
            {
              messageId: 'wrapInGuard',
              data: { guard: 'isMainThread' },
              output: `import { Worker, isMainThread } from 'node:worker_threads';
if (isMainThread) {
  new Worker(new URL(import.meta.url));
}`,
            },
          ],
        },
      ],
    },
    {
      ...esm(`import * as threads from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
new threads.Worker(fileURLToPath(import.meta.url), { workerData: 1 });`),
      errors: [
        {
          messageId: 'unguarded',
          line: 3,
          column: 1,
          data: { name: 'new threads.Worker()', advice: THREAD_ADVICE },
          suggestions: [
            {
              messageId: 'wrapInGuard',
              data: { guard: 'threads.isMainThread' },
              output: `import * as threads from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
if (threads.isMainThread) {
  new threads.Worker(fileURLToPath(import.meta.url), { workerData: 1 });
}`,
            },
          ],
        },
      ],
    },
    {
      ...cjs(`const { Worker } = require('worker_threads');
new Worker(__filename);`),
      errors: [
        {
          messageId: 'unguarded',
          line: 2,
          column: 1,
          data: { name: 'new Worker()', advice: THREAD_ADVICE },
          suggestions: [
            {
              messageId: 'wrapInGuard',
              data: { guard: 'isMainThread' },
              output: `const { Worker, isMainThread } = require('worker_threads');
if (isMainThread) {
  new Worker(__filename);
}`,
            },
          ],
        },
      ],
    },
    {
      ...esm(`import { Worker } from 'worker_threads';
const worker = new Worker(import.meta.filename);`),
      // A declaration cannot be wrapped without hiding `worker`: no suggestion.
      errors: [{ messageId: 'unguarded', line: 2, column: 16, data: { name: 'new Worker()', advice: THREAD_ADVICE }, suggestions: [] }],
    },
    {
      ...esm(`import cluster from 'node:cluster';
for (let i = 0; i < 4; i += 1) {
  cluster.fork();
}`),
      errors: [
        {
          messageId: 'unguarded',
          line: 3,
          column: 3,
          data: { name: 'cluster.fork()', advice: CLUSTER_ADVICE },
          suggestions: [
            {
              messageId: 'wrapInGuard',
              data: { guard: 'cluster.isPrimary' },
              output: `import cluster from 'node:cluster';
for (let i = 0; i < 4; i += 1) {
  if (cluster.isPrimary) {
    cluster.fork();
  }
}`,
            },
          ],
        },
      ],
    },
    {
      ...esm(`import { fork } from 'node:cluster';
fork();`),
      errors: [
        {
          messageId: 'unguarded',
          line: 2,
          column: 1,
          data: { name: 'fork()', advice: CLUSTER_ADVICE },
          suggestions: [
            {
              messageId: 'wrapInGuard',
              data: { guard: 'isPrimary' },
              output: `import { fork, isPrimary } from 'node:cluster';
if (isPrimary) {
  fork();
}`,
            },
          ],
        },
      ],
    },
    {
      // Started by a local function that runs at load.
      ...esm(`import cluster from 'node:cluster';
function start() {
  cluster.fork();
}
start();`),
      errors: [
        {
          messageId: 'unguardedVia',
          line: 3,
          column: 3,
          data: { name: 'cluster.fork()', advice: CLUSTER_ADVICE, via: 'start()', line: '5' },
          suggestions: [
            {
              messageId: 'wrapInGuard',
              data: { guard: 'cluster.isPrimary' },
              output: `import cluster from 'node:cluster';
function start() {
  cluster.fork();
}
if (cluster.isPrimary) {
  start();
}`,
            },
          ],
        },
      ],
    },
    {
      // A guard on an unrelated condition is no guard.
      ...cjs(`const { fork } = require('child_process');
if (process.platform !== 'win32') fork(__filename);`),
      errors: [{ messageId: 'unguarded', line: 2, column: 35, data: { name: 'fork()', advice: FORK_ADVICE }, suggestions: [] }],
    },
    {
      ...ts(`import { Worker } from 'node:worker_threads';
new Worker(new URL(import.meta.url), { workerData: { depth: 1 } });`),
      errors: [
        {
          messageId: 'unguarded',
          line: 2,
          column: 1,
          data: { name: 'new Worker()', advice: THREAD_ADVICE },
          suggestions: [
            {
              messageId: 'wrapInGuard',
              data: { guard: 'isMainThread' },
              output: `import { Worker, isMainThread } from 'node:worker_threads';
if (isMainThread) {
  new Worker(new URL(import.meta.url), { workerData: { depth: 1 } });
}`,
            },
          ],
        },
      ],
    },
    {
      // No existing worker_threads binding in an ES module: the import is added.
      ...ts(`import { execaNode } from 'execa';
import { Worker as W } from './local.js';
import cluster from 'node:cluster';
cluster.fork();
execaNode(import.meta.filename);
export { W };`),
      errors: [
        {
          messageId: 'unguarded',
          line: 4,
          column: 1,
          data: { name: 'cluster.fork()', advice: CLUSTER_ADVICE },
          suggestions: [
            {
              messageId: 'wrapInGuard',
              data: { guard: 'cluster.isPrimary' },
              output: `import { execaNode } from 'execa';
import { Worker as W } from './local.js';
import cluster from 'node:cluster';
if (cluster.isPrimary) {
  cluster.fork();
}
execaNode(import.meta.filename);
export { W };`,
            },
          ],
        },
        {
          messageId: 'unguarded',
          line: 5,
          column: 1,
          data: { name: 'execaNode()', advice: FORK_ADVICE },
          suggestions: [
            {
              messageId: 'wrapInGuard',
              data: { guard: 'process.send === undefined' },
              output: `import { execaNode } from 'execa';
import { Worker as W } from './local.js';
import cluster from 'node:cluster';
cluster.fork();
if (process.send === undefined) {
  execaNode(import.meta.filename);
}
export { W };`,
            },
          ],
        },
      ],
    },
    {
      ...esm(`import { Worker as Thread } from 'node:worker_threads';
import { cpus } from 'node:os';
cpus().forEach(() => new Thread(new URL('', import.meta.url)));`),
      errors: [
        {
          messageId: 'unguarded',
          line: 3,
          column: 22,
          data: { name: 'new Thread()', advice: THREAD_ADVICE },
          suggestions: [
            {
              messageId: 'wrapInGuard',
              data: { guard: 'isMainThread' },
              output: `import { Worker as Thread, isMainThread } from 'node:worker_threads';
import { cpus } from 'node:os';
if (isMainThread) {
  cpus().forEach(() => new Thread(new URL('', import.meta.url)));
}`,
            },
          ],
        },
      ],
    },

    // Paths built from the module's own folder and its own file name.
    {
      ...cjs(`const path = require('path');
const { fork } = require('child_process');
fork(path.join(__dirname, 'self.cjs'));`, { filename: 'lib/self.cjs' }),
      errors: [
        {
          messageId: 'unguarded',
          line: 3,
          column: 1,
          data: { name: 'fork()', advice: FORK_ADVICE },
          suggestions: [
            {
              messageId: 'wrapInGuard',
              data: { guard: 'process.send === undefined' },
              output: `const path = require('path');
const { fork } = require('child_process');
if (process.send === undefined) {
  fork(path.join(__dirname, 'self.cjs'));
}`,
            },
          ],
        },
      ],
    },
    {
      ...cjs(`const { resolve } = require('node:path');
const { Worker } = require('node:worker_threads');
new Worker(resolve(__dirname, './self.cjs'));`, { filename: 'lib/self.cjs' }),
      errors: [
        {
          messageId: 'unguarded',
          line: 3,
          column: 1,
          data: { name: 'new Worker()', advice: THREAD_ADVICE },
          suggestions: [
            {
              messageId: 'wrapInGuard',
              data: { guard: 'isMainThread' },
              output: `const { resolve } = require('node:path');
const { Worker, isMainThread } = require('node:worker_threads');
if (isMainThread) {
  new Worker(resolve(__dirname, './self.cjs'));
}`,
            },
          ],
        },
      ],
    },
    {
      ...esm(`import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fork } from 'node:child_process';
const here = dirname(fileURLToPath(import.meta.url));
fork(join(here, 'self.mjs'));`, { filename: 'src/self.mjs' }),
      errors: [
        {
          messageId: 'unguarded',
          line: 5,
          column: 1,
          data: { name: 'fork()', advice: FORK_ADVICE },
          suggestions: [
            {
              messageId: 'wrapInGuard',
              data: { guard: 'process.send === undefined' },
              output: `import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fork } from 'node:child_process';
const here = dirname(fileURLToPath(import.meta.url));
if (process.send === undefined) {
  fork(join(here, 'self.mjs'));
}`,
            },
          ],
        },
      ],
    },
    {
      ...esm(`import { Worker } from 'node:worker_threads';
new Worker(new URL('./self.mjs', import.meta.url));`, { filename: 'src/self.mjs' }),
      errors: [
        {
          messageId: 'unguarded',
          line: 2,
          column: 1,
          data: { name: 'new Worker()', advice: THREAD_ADVICE },
          suggestions: [
            {
              messageId: 'wrapInGuard',
              data: { guard: 'isMainThread' },
              output: `import { Worker, isMainThread } from 'node:worker_threads';
if (isMainThread) {
  new Worker(new URL('./self.mjs', import.meta.url));
}`,
            },
          ],
        },
      ],
    },
    {
      ...esm(`import { fileURLToPath } from 'node:url';
import { fork } from 'node:child_process';
fork(fileURLToPath(new URL('self.mjs', import.meta.url)));`, { filename: 'src/self.mjs' }),
      errors: [
        {
          messageId: 'unguarded',
          line: 3,
          column: 1,
          data: { name: 'fork()', advice: FORK_ADVICE },
          suggestions: [
            {
              messageId: 'wrapInGuard',
              data: { guard: 'process.send === undefined' },
              output: `import { fileURLToPath } from 'node:url';
import { fork } from 'node:child_process';
if (process.send === undefined) {
  fork(fileURLToPath(new URL('self.mjs', import.meta.url)));
}`,
            },
          ],
        },
      ],
    },
    {
      ...esm(`import path from 'node:path';
import { fork } from 'node:child_process';
fork(path.resolve(import.meta.dirname, 'self.mjs'));`, { filename: 'src/self.mjs' }),
      errors: [
        {
          messageId: 'unguarded',
          line: 3,
          column: 1,
          data: { name: 'fork()', advice: FORK_ADVICE },
          suggestions: [
            {
              messageId: 'wrapInGuard',
              data: { guard: 'process.send === undefined' },
              output: `import path from 'node:path';
import { fork } from 'node:child_process';
if (process.send === undefined) {
  fork(path.resolve(import.meta.dirname, 'self.mjs'));
}`,
            },
          ],
        },
      ],
    },
    {
      ...ts(`import path from 'node:path';
import { Worker } from 'node:worker_threads';
new Worker(path.join(__dirname, 'self.js'));`, { filename: 'src/self.ts' }),
      errors: [
        {
          messageId: 'unguarded',
          line: 3,
          column: 1,
          data: { name: 'new Worker()', advice: THREAD_ADVICE },
          suggestions: [
            {
              messageId: 'wrapInGuard',
              data: { guard: 'isMainThread' },
              output: `import path from 'node:path';
import { Worker, isMainThread } from 'node:worker_threads';
if (isMainThread) {
  new Worker(path.join(__dirname, 'self.js'));
}`,
            },
          ],
        },
      ],
    },
    {
      ...ts(`import path from 'node:path';
import { fork } from 'node:child_process';
const script = path.join(__dirname, '..', 'src', 'self.ts');
fork(script);`, { filename: 'src/self.ts' }),
      errors: [
        {
          messageId: 'unguarded',
          line: 4,
          column: 1,
          data: { name: 'fork()', advice: FORK_ADVICE },
          suggestions: [
            {
              messageId: 'wrapInGuard',
              data: { guard: 'process.send === undefined' },
              output: `import path from 'node:path';
import { fork } from 'node:child_process';
const script = path.join(__dirname, '..', 'src', 'self.ts');
if (process.send === undefined) {
  fork(script);
}`,
            },
          ],
        },
      ],
    },
  ],
});
