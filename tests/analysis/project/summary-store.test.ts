import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { inspectModule, knownSummary, moduleSummary, resetModuleSummaries, startsAnything, type ModuleSummary } from '../../../src/analysis/project/summary-store.js';
import { tempProject, type TempProject } from '../../integration/support.js';
import { lintEnvironment } from '../../support/lint-environment.js';

let project: TempProject;
const file = (name: string) => path.join(project.dir, name);

beforeAll(() => {
  project = tempProject(
    {
      'package.json': JSON.stringify({ name: 'app', type: 'module' }),
      'starter.js': `import { spawn } from 'node:child_process';\nexport function start() { spawn('ls'); }\nexport function quiet() {}\n`,
      'plain.js': `export function add(a, b) { return a + b; }\n`,
      'barrel.js': `export * from './starter.js';\nexport { start as begin } from './starter.js';\n`,
      'uses-starter.js': `import { start } from './starter.js';\nexport function go() { start(); }\n`,
      'broken.js': `import { spawn } from 'node:child_process';\nexport function start( {\n`,
      'cycle-a.js': `import { spawn } from 'node:child_process';\nimport { b } from './cycle-b.js';\nexport function a() { b(); }\n`,
      'cycle-b.js': `import { a } from './cycle-a.js';\nexport function b() { a(); }\n`,
    },
    [],
  );
});

afterAll(() => {
  project.remove();
});

const exported = (summary: ModuleSummary) => [...summary.exports.keys()];

describe('module summaries', () => {
  it('records the exports that start something', () => {
    const summary = moduleSummary(file('starter.js'), lintEnvironment());
    expect(exported(summary)).toEqual(['start']);
    expect(summary.exports.get('start')?.called).toBeDefined();
    expect(startsAnything(summary)).toBe(true);
  });

  it('records re-exports as written', () => {
    const summary = moduleSummary(file('barrel.js'), lintEnvironment());
    expect(summary.starExports).toEqual(['./starter.js']);
    expect(summary.reexports.get('begin')).toEqual({ specifier: './starter.js', name: 'start' });
    expect(startsAnything(summary)).toBe(true);
  });

  it('follows an imported start into the exports that call it', () => {
    expect(exported(moduleSummary(file('uses-starter.js'), lintEnvironment()))).toEqual(['go']);
  });

  it.each<[string, string]>([
    ['a module that starts nothing', 'plain.js'],
    ['a module that does not parse', 'broken.js'],
    ['a module that does not exist', 'missing.js'],
  ])('is empty for %s', (_name, name) => {
    const summary = moduleSummary(file(name), lintEnvironment());
    expect(startsAnything(summary)).toBe(false);
  });

  it('ends in an import cycle without throwing', () => {
    expect(() => moduleSummary(file('cycle-a.js'), lintEnvironment())).not.toThrow();
  });

  it('answers the same when asked again', () => {
    const environment = lintEnvironment();
    expect(exported(moduleSummary(file('starter.js'), environment))).toEqual(exported(moduleSummary(file('starter.js'), environment)));
  });
});

describe('summaries whatever was asked before', () => {
  const CHAIN = 300;
  let graph: TempProject;
  const at = (name: string) => path.join(graph.dir, name);

  beforeAll(() => {
    const files: Record<string, string> = {
      'package.json': JSON.stringify({ name: 'graph', type: 'module' }),
      // A ring of three: a start in r0 reaches every module of the ring, whichever is asked first.
      'r0.js': `import { spawn } from 'node:child_process';\nimport { f1 } from './r1.js';\nexport function f0() { spawn('ls'); }\nexport function g0() { f1(); }\n`,
      'r1.js': `import { f2 } from './r2.js';\nexport function f1() { f2(); }\n`,
      'r2.js': `import { f0 } from './r0.js';\nexport function f2() { f0(); }\n`,
      // A module importing itself.
      'self.js': `import { spawn } from 'node:child_process';\nimport * as self from './self.js';\nexport function s() { spawn('ls'); }\nexport function t() { self.s(); }\n`,
      // A chain longer than any nesting: each calls the next; the last one spawns.
      'side.js': `import { spawn } from 'node:child_process';\nexport const NAME = 'side';\n`,
      [`c${CHAIN - 1}.js`]: `import { spawn } from 'node:child_process';\nexport function f() { spawn('ls'); }\n`,
    };
    for (let index = 0; index < CHAIN - 1; index += 1) {
      files[`c${index}.js`] = `import { NAME } from './side.js';\nimport { f as next } from './c${index + 1}.js';\nexport function f() { next(NAME); }\n`;
    }
    graph = tempProject(files, []);
  });

  afterAll(() => {
    graph.remove();
  });

  /** The exports that start, module by module, with cold caches and `first` asked first. */
  function startingExports(names: readonly string[], first: string): string[][] {
    resetModuleSummaries();
    const environment = lintEnvironment();
    moduleSummary(at(first), environment);
    return names.map((name) => exported(moduleSummary(at(name), environment)));
  }

  it('summarises an import cycle the same whichever module is asked first', () => {
    const ring = ['r0.js', 'r1.js', 'r2.js', 'self.js'];
    const answers = ring.map((first) => startingExports(ring, first));
    expect(answers[0]).toEqual([['f0', 'g0'], ['f1'], ['f2'], ['s', 't']]);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
  });

  it('summarises a chain longer than any nesting the same whichever module is asked first', () => {
    const chain = Array.from({ length: CHAIN }, (_, index) => `c${index}.js`);
    const answers = ['c0.js', 'c150.js', 'c290.js', `c${CHAIN - 1}.js`].map((first) => startingExports(chain, first));
    // Within MAX_PARSED modules parsed (side.js is one of them), a call of the next module starts; beyond, unknown.
    const starting = (answers[0] ?? []).flatMap((names, index) => (names.length > 0 ? [index] : []));
    expect(starting).toEqual(Array.from({ length: 7 }, (_, index) => CHAIN - 7 + index));
    for (const answer of answers) expect(answer).toEqual(answers[0]);
  });
});

describe('summaries known without parsing', () => {
  it('knows a module whose text reaches no starter module starts nothing', () => {
    const summary = knownSummary(file('plain.js'), lintEnvironment());
    expect(summary && startsAnything(summary)).toBe(false);
  });

  it('knows a missing module starts nothing', () => {
    const summary = knownSummary(file('missing.js'), lintEnvironment());
    expect(summary && startsAnything(summary)).toBe(false);
  });

  it('does not claim to know a module that names a starter module before it is summarised', () => {
    const summary = knownSummary(file('uses-starter.js'), lintEnvironment());
    // Unknown, or the summary already computed: never an empty answer for a module that starts.
    expect(summary === undefined || startsAnything(summary)).toBe(true);
  });
});

describe('inspecting a module', () => {
  it('parses the module like the linted file and answers the question', () => {
    const count = inspectModule(file('plain.js'), `export const a = 1;\nexport const b = 2;\n`, lintEnvironment(), (context) => context.sourceCode.ast.body.length, -1);
    expect(count).toBe(2);
  });

  it('is unknown for a module that does not parse', () => {
    expect(inspectModule(file('broken.js'), 'export function (', lintEnvironment(), () => 'parsed', 'unknown')).toBe('unknown');
  });

  it('is unknown when the question throws', () => {
    const ask = () => {
      throw new Error('no');
    };
    expect(inspectModule(file('plain.js'), 'export const a = 1;', lintEnvironment(), ask, 'unknown')).toBe('unknown');
  });
});
