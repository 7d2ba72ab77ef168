import path from 'node:path';

import rule from '../../src/rules/no-hazardous-dependency.js';
import { dependencyTrees } from '../support/dependency-tree.js';
import { cjs, esm, ts } from '../support/languages.js';
import { runRuleTests } from '../support/rule-tester.js';

const trees = dependencyTrees('hazardous-dependency');
const npm = (file: string) => ({ filename: path.join(trees.npm, file) });
const USER_INFO = 'fails where `os.userInfo()` throws when the user has no name or home directory, and this runs while the module loads';
const SPAWNER = { package: 'spawner@1.0.0', what: 'starts a child process (`spawnSync()`)', where: 'lib/index.js:2' };

runRuleTests('no-hazardous-dependency', rule, {
  valid: [
    // The fixed twins: the start in a function, the call caught or under a platform guard.
    cjs(`const probe = require('lazy-spawner');`, npm('src/a.cjs')),
    esm(`import { user } from 'user-info-caught';`, npm('src/a.mjs')),
    cjs(`const { uid } = require('posix-owner-guarded');`, npm('src/a.cjs')),
    cjs(`const { watch } = require('watcher-caught');`, npm('src/a.cjs')),
    // Loaded lazily: the load runs when the function is called.
    cjs(`exports.run = () => require('spawner');`, npm('src/a.cjs')),
    esm(`export async function run() { return import('spawner'); }`, npm('src/a.mjs')),
    // `require` of the condition that starts nothing.
    cjs(`const { version } = require('dual-mode');`, npm('src/a.cjs')),
    // Not installed, a builtin, the project's own module: unknown or not a package.
    cjs(`require('not-installed'); require('child_process'); require('./spawner');`, npm('src/a.cjs')),
    // TypeScript drops a type-only import.
    ts(`import type { Found } from 'spawner';\nexport const x: Found | undefined = undefined;`, npm('src/a.ts')),
    // TypeScript drops an import whose names are used only as types.
    ts(`import { Found } from 'spawner';\nexport const x: Found | undefined = undefined;`, npm('src/a.ts')),
    // A local function named require.
    cjs(`function require(name) { return name; }\nrequire('spawner');`, npm('src/a.cjs')),
  ],
  invalid: [
    {
      ...cjs(`const found = require('spawner');\nexports.run = () => found;`, npm('src/a.cjs')),
      errors: [
        {
          messageId: 'hazard',
          data: SPAWNER,
          suggestions: [{ messageId: 'loadLazily', data: { package: 'spawner@1.0.0', getter: 'getFound' }, output: `let found;\nfunction getFound() {\n  return (found ??= require('spawner'));\n}\nexports.run = () => getFound();` }],
        },
      ],
    },
    // A static import: no lazy rewrite is offered (its uses would become asynchronous).
    { ...esm(`import found from 'spawner';`, npm('src/a.mjs')), errors: [{ messageId: 'hazard', data: SPAWNER, suggestions: [] }] },
    { ...ts(`import found from 'spawner';\nexport { found };`, npm('src/a.ts')), errors: [{ messageId: 'hazard', data: SPAWNER }] },
    { ...esm(`export * from 'spawner';`, npm('src/a.mjs')), errors: [{ messageId: 'hazard' }] },
    // JavaScript keeps an import whose name is never used: the package still loads.
    { ...esm(`import found from 'spawner';\nexport const x = 1;`, npm('src/a.mjs')), errors: [{ messageId: 'hazard' }] },
    // A side-effect import in TypeScript is kept.
    { ...ts(`import 'spawner';`, npm('src/a.ts')), errors: [{ messageId: 'hazard' }] },
    { ...esm(`await import('spawner');`, npm('src/a.mjs')), errors: [{ messageId: 'hazard' }] },
    // Through a dependency the package loads.
    {
      ...cjs(`require('wrapper');`, npm('src/a.cjs')),
      errors: [{ messageId: 'hazardVia', data: { package: 'wrapper@1.0.0', dependency: 'spawner@1.0.0', what: SPAWNER.what, where: SPAWNER.where } }],
    },
    // Through a module of the package its entry loads.
    { ...cjs(`require('user-info');`, npm('src/a.cjs')), errors: [{ messageId: 'hazard', data: { package: 'user-info@1.0.0', what: USER_INFO, where: 'parse.js:3' } }] },
    { ...cjs(`require('posix-owner');`, npm('src/a.cjs')), errors: [{ messageId: 'hazard', data: { package: 'posix-owner@1.0.0', what: 'fails where `process.getuid()` throws on Windows', where: 'index.js:1' } }] },
    { ...cjs(`require('watcher');`, npm('src/a.cjs')), errors: [{ messageId: 'hazard', data: { package: 'watcher@1.0.0', what: 'fails where `fsevents` installs only on macOS', where: 'index.js:1' } }] },
    // `import` of the condition that starts at load.
    { ...esm(`import { version } from 'dual-mode';`, npm('src/a.mjs')), errors: [{ messageId: 'hazard', data: { package: 'dual-mode@1.0.0', what: 'starts a child process (`execSync()`)', where: 'esm.mjs:2' } }] },
    // pnpm: the store's symlinks, the dependency found beside the package.
    { ...cjs(`require('wrapper');`, { filename: path.join(trees.pnpm, 'src/a.cjs') }), errors: [{ messageId: 'hazardVia', data: { package: 'wrapper@1.0.0', dependency: 'spawner@1.0.0', what: SPAWNER.what, where: SPAWNER.where } }] },
    // yarn: the nested copy is the one the wrapper loads; the top-level one (2.0.0) starts nothing.
    { ...cjs(`require('wrapper'); require('spawner');`, { filename: path.join(trees.yarn, 'src/a.cjs') }), errors: [{ messageId: 'hazardVia', data: { package: 'wrapper@1.0.0', dependency: 'spawner@1.0.0', what: SPAWNER.what, where: SPAWNER.where } }] },
  ],
});
