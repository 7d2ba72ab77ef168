import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { refKey } from '../../../src/analysis/file/references.js';
import { analyzeCode, nodeByText } from '../../support/analyze-code.js';
import type { Language } from '../../support/languages.js';

/** The starters the analysis finds, as `module:path` keys. */
function starterKeys(code: string, language: Language = 'esm', settings?: Record<string, unknown>): string[] {
  return analyzeCode(code, language, settings).starters.map((site) => refKey(site.callee));
}

describe('reference resolution', () => {
  it.each<[string, string, Language]>([
    ['named import', `import { spawn } from 'child_process'; spawn('x');`, 'esm'],
    ['node: prefix', `import { spawn } from 'node:child_process'; spawn('x');`, 'esm'],
    ['renamed import', `import { spawn as run } from 'node:child_process'; run('x');`, 'esm'],
    ['namespace import', `import * as cp from 'node:child_process'; cp.spawn('x');`, 'esm'],
    ['default import', `import cp from 'node:child_process'; cp.spawn('x');`, 'esm'],
    ['string-named import', `import { 'spawn' as run } from 'node:child_process'; run('x');`, 'esm'],
    ['require', `const cp = require('child_process'); cp.spawn('x');`, 'cjs'],
    ['destructured require', `const { spawn } = require('node:child_process'); spawn('x');`, 'cjs'],
    ['renamed destructuring', `const { spawn: run } = require('child_process'); run('x');`, 'cjs'],
    ['destructured alias', `const cp = require('child_process'); const { spawn } = cp; spawn('x');`, 'cjs'],
    ['require member', `require('child_process').spawn('x');`, 'cjs'],
    ['computed member', `const cp = require('child_process'); cp['spawn']('x');`, 'cjs'],
    ['optional call', `const cp = require('child_process'); cp.spawn?.('x');`, 'cjs'],
    ['late assignment', `let cp; cp = require('child_process'); cp.spawn('x');`, 'cjs'],
    // detect-libc 1.0.3: a fallback for old Node.js hid its import-time spawnSync('getconf').
    ['a fallback under a falsy test', `var spawn = require('child_process').spawn;
if (!spawn) {
  spawn = function () { return null; };
}
spawn('x');`, 'cjs'],
    ['a fallback under a typeof test', `let spawn = require('child_process').spawn; if (typeof spawn !== 'function') spawn = polyfill; spawn('x');`, 'cjs'],
    ['a fallback with ||', `var spawn = require('child_process').spawn; spawn = spawn || polyfill; spawn('x');`, 'cjs'],
    ['a fallback with ??=', `let spawn = require('child_process').spawn; spawn ??= polyfill; spawn('x');`, 'cjs'],
    ['default interop', `const cp = require('child_process').default; cp.spawn('x');`, 'cjs'],
    ['createRequire', `import { createRequire } from 'node:module'; const req = createRequire(import.meta.url); req('child_process').spawn('x');`, 'esm'],
    ['getBuiltinModule', `process.getBuiltinModule('node:child_process').spawn('x');`, 'esm'],
    ['promisify', `import { promisify } from 'node:util'; import { spawn } from 'node:child_process'; promisify(spawn)('x');`, 'esm'],
    ['import equals', `import cp = require('child_process'); cp.spawn('x');`, 'ts'],
    ['require in TS', `const { spawn } = require('child_process'); spawn('x');`, 'ts'],
    ['non-null and as', `import * as cp from 'child_process'; (cp as typeof cp).spawn!('x');`, 'ts'],
    ['compiled TypeScript call', `const child_process_1 = require("child_process"); (0, child_process_1.spawn)('x');`, 'cjs'],
    [
      "Babel's lazy require",
      `function _childProcess() {
  const data = require('child_process');
  _childProcess = function () { return data; };
  return data;
}
class W { start() { return (0, _childProcess().spawn)('x'); } }`,
      'cjs',
    ],
    [
      "Babel's lazy require inside a bundled module",
      `const modules = { './w.ts'(module, exports) {
  function _cp() { const data = require('node:child_process'); _cp = function () { return data; }; return data; }
  exports.run = () => (0, _cp().spawn)('x');
} };`,
      'cjs',
    ],
    ['a property of a constant object', `const options = { spawn: require('child_process').spawn }; options.spawn('x');`, 'cjs'],
    // @angular-devkit/build-angular 17.0.0-rc.2 created its Piscina pool through this helper.
    [
      "TypeScript's __importDefault helper",
      `var __importDefault = (this && this.__importDefault) || function (mod) { return (mod && mod.__esModule) ? mod : { "default": mod }; };
const child_process_1 = __importDefault(require("child_process"));
child_process_1.default.spawn('x');`,
      'cjs',
    ],
    [
      "Babel's _interopRequireDefault helper",
      `function _interopRequireDefault(e) { return e && e.__esModule ? e : { default: e }; }
var _cp = _interopRequireDefault(require("child_process"));
_cp.default.spawn('x');`,
      'cjs',
    ],
  ])('%s', (_name, code, language) => {
    expect(starterKeys(code, language)).toEqual(['child_process:spawn']);
  });

  it.each<[string, string, Language]>([
    ['a local function', `function spawn() {} spawn('x');`, 'esm'],
    ['a wrapper that is not an interop helper', `function wrap(mod) { return { default: mockOf(mod) }; } wrap(require('child_process')).default.spawn('x');`, 'cjs'],
    ['an import from elsewhere', `import { spawn } from '../spawn.js'; spawn('x');`, 'esm'],
    ['a shadowing parameter', `import { spawn } from 'child_process'; function f(spawn) { spawn('x'); }`, 'esm'],
    ['a shadowed require', `function f(require) { require('child_process').spawn('x'); }`, 'cjs'],
    ['a reassigned variable', `let cp = require('child_process'); cp = other; cp.spawn('x');`, 'cjs'],
    ['a replacement under another test', `let spawn = require('child_process').spawn; if (mocked) spawn = fake; spawn('x');`, 'cjs'],
    ['a replacement when it is set', `let spawn = require('child_process').spawn; if (spawn) spawn = fake; spawn('x');`, 'cjs'],
    ['a replacement with &&', `let spawn = require('child_process').spawn; spawn = spawn && fake; spawn('x');`, 'cjs'],
    ['a dynamic module id', `require(name).spawn('x');`, 'cjs'],
    ['a computed member', `const cp = require('child_process'); cp[method]('x');`, 'cjs'],
    ['a sequence that ends elsewhere', `const cp = require('child_process'); (cp.spawn, other)('x');`, 'cjs'],
    ['a function that returns something else', `function load() { require('child_process'); return other; } load().spawn('x');`, 'cjs'],
    ['a property replaced later', `const o = { spawn: require('child_process').spawn }; o.spawn = mine; o.spawn('x');`, 'cjs'],
    ['a property of a reassigned object', `let o = { spawn: require('child_process').spawn }; o = other; o.spawn('x');`, 'cjs'],
    ['a type-only import', `import type { spawn } from 'child_process'; declare const s: typeof spawn; s('x');`, 'ts'],
  ])('ignores %s', (_name, code, language) => {
    expect(starterKeys(code, language)).toEqual([]);
  });

  it('labels call results, instances and class members', () => {
    const analysis = analyzeCode(
      `import { fork } from 'node:child_process';
import { Worker } from 'node:worker_threads';
const child = fork('./c.js');
child.send(1);
new Worker('./w.js').postMessage(2);
class Host { start() { this.proc = fork('./c.js'); } stop() { this.proc.send(3); } }`,
    );
    const keys = analysis.references.invocations.map((invocation) => refKey(invocation.callee));
    expect(keys).toEqual(
      expect.arrayContaining([
        'child_process:fork',
        'child_process:fork.().send',
        'worker_threads:Worker',
        'worker_threads:Worker.new.postMessage',
        'child_process:fork.().send',
      ]),
    );
    const send = analysis.references.invocations.find((invocation) => analysis.sourceCode.getText(invocation.node) === 'this.proc.send(3)');
    expect(send?.callee.origin && analysis.sourceCode.getText(send.callee.origin)).toBe("fork('./c.js')");
  });

  it('records module loads with their style', () => {
    const esm = analyzeCode(`import os from 'node:os';\nimport 'fsevents';`);
    expect(esm.references.loads.map((load) => [load.module, load.style])).toEqual([
      ['os', 'import'],
      ['fsevents', 'import'],
    ]);
    const cjs = analyzeCode(`const os = require('node:os');\nconst fsevents = require('fsevents');`, 'cjs');
    expect(cjs.references.loads.map((load) => [load.module, load.style])).toEqual([
      ['os', 'require'],
      ['fsevents', 'require'],
    ]);
  });

  it('labels every bound member of a class, not those of a nested class', () => {
    const analysis = analyzeCode(
      `const cp = require('child_process');
class Host {
  constructor() { this.run = cp.spawn; this.cwd = process.cwd(); this.name = 'host'; }
  start() { this.run(this.cwd); return class { go() { this.run('x'); } }; }
}`,
      'cjs',
    );
    expect(analysis.references.invocations.map((invocation) => analysis.sourceCode.getText(invocation.node))).toEqual(
      expect.arrayContaining(['this.run(this.cwd)', 'process.cwd()']),
    );
    const run = nodeByText(analysis, 'this.run(this.cwd)') as TSESTree.CallExpression;
    expect(refKey(analysis.references.refOf(run.callee)!)).toBe('child_process:spawn');
    expect(refKey(analysis.references.refOf(run.arguments[0]!)!)).toBe('process:cwd.()');
    expect(analysis.references.invocations.some((invocation) => analysis.sourceCode.getText(invocation.node) === "this.run('x')")).toBe(false);
  });

  it('finds import() by its keyword: not in comments, strings or member names, also with a comment before the (', () => {
    const analysis = analyzeCode(
      `import { important } from '../imports.js';\n// import('node:os')\nconst text = "import('node:fs')";\nloader.import('node:path');\nconst cp = await import /* lazily */ ('node:child_process');\nimport('node:worker_threads');\nconst c = await import\n  ('node:cluster');\nconst t = await import\u00a0('node:os');`,
    );
    expect(analysis.references.loads.map((load) => [load.module, load.style])).toEqual([
      ['child_process', 'dynamic-import'],
      ['worker_threads', 'dynamic-import'],
      ['cluster', 'dynamic-import'],
      ['os', 'dynamic-import'],
    ]);
    expect(refKey(analysis.references.refOf(nodeByText(analysis, `await import /* lazily */ ('node:child_process')`))!)).toBe('child_process:');
  });

  it('builds the index of a file that names no starter module and no hazardous API only when asked', () => {
    const quiet = analyzeCode(`const path = require('path');\nif (process.platform === 'win32') path.join('a', 'b');`);
    expect(quiet.namesHazard).toBe(false);
    expect(quiet.starters).toEqual([]);
    // Guards and values of an imported call still read it.
    expect(refKey(quiet.references.refOf(nodeByText(quiet, 'process.platform'))!)).toBe('process:platform');
    for (const text of ["require('node:child_process')", 'process.getuid()', "process.kill(pid, 'SIGHUP')", 'process.send(x)', "import('worker_threads')"]) {
      expect(analyzeCode(text).namesHazard).toBe(true);
    }
  });

  it('follows process, require and globals even when they are not declared', () => {
    const analysis = analyzeCode(`if (process.platform === 'win32') {}`, 'ts');
    expect(refKey(analysis.references.refOf(nodeByText(analysis, 'process.platform'))!)).toBe('process:platform');
  });

  it('adds starters from settings', () => {
    const settings = {
      'process-guard': { starters: [{ module: '@acme/jobs', path: 'queue.start', invocation: 'call', mechanism: 'thread' }] },
    };
    expect(starterKeys(`import { queue } from '@acme/jobs'; queue.start();`, 'esm', settings)).toEqual(['@acme/jobs:queue.start']);
  });

  it('rejects malformed settings with a clear message', () => {
    expect(() => analyzeCode('x();', 'esm', { 'process-guard': { starters: [{ path: 'x' }] } })).toThrow(
      "settings['process-guard'].starters[0].module must be a module name.",
    );
    expect(() => analyzeCode('x();', 'esm', { 'process-guard': { platformGuards: { isWin: 'windows' } } })).toThrow(
      /platformGuards\.isWin must be a process\.platform value/,
    );
  });
});
