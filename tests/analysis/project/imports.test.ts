import path from 'node:path';

import type { TSESTree } from '@typescript-eslint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { FileAnalysis } from '../../../src/analysis/contract/file-analysis.js';
import { analyzeCode } from '../../support/analyze-code.js';
import { tempProject, type TempProject } from '../../integration/support.js';

const ENGINE = `import { fork, spawn } from 'node:child_process';
export class Engine {
  constructor() {
    this.child = fork('./worker.js');
  }
}
export function startWorker() {
  return fork('./worker.js', { serialization: 'advanced' });
}
export function run(command, options) {
  return spawn(command, [], options);
}
export function helper() {
  return 1;
}
`;

let project: TempProject;

beforeAll(() => {
  project = tempProject(
    {
      'package.json': JSON.stringify({ name: 'app', type: 'module' }),
      'src/engine.js': ENGINE,
      'src/index.js': `export * from './engine.js';\n`,
      'src/plain.js': `export function start() { return 1; }\n`,
    },
    [],
  );
});

afterAll(() => {
  project.remove();
});

function analyzeInProject(code: string, settings: Record<string, unknown> = {}): FileAnalysis {
  return analyzeCode(code, 'esm', { 'process-guard': settings }, path.join(project.dir, 'src/main.js'), project.dir);
}

type ClassDeclaration = TSESTree.ClassDeclaration;

const text = (analysis: FileAnalysis, node: { range: [number, number] }) => analysis.sourceCode.text.slice(...node.range);

describe('calls of imported functions and classes', () => {
  it('finds the calls and constructions that start something in the imported module', () => {
    const analysis = analyzeInProject(`import { Engine, startWorker, helper } from './engine.js';
new Engine();
startWorker();
helper();
Engine();
`);
    expect(analysis.imports.startCalls().map((call) => `${call.name}: ${text(analysis, call.node)}`)).toEqual([
      'Engine: new Engine()',
      'startWorker: startWorker()',
    ]);
  });

  it('follows a barrel and a namespace import', () => {
    const analysis = analyzeInProject(`import * as engines from './index.js';\nnew engines.Engine();\n`);
    expect(analysis.imports.startCalls().map((call) => call.name)).toEqual(['engines.Engine']);
  });

  it('asks `where` before it reads a summary', () => {
    const analysis = analyzeInProject(`import { Engine } from './engine.js';\nnew Engine();\n`);
    expect(analysis.imports.startCalls(() => false)).toEqual([]);
  });

  it('finds the wrappers whose parameters reach a start', () => {
    const analysis = analyzeInProject(`import { run, helper } from './engine.js';\nrun('ls', { shell: true });\nhelper('ls');\n`);
    const calls = analysis.imports.wrapperCalls(() => true);
    expect(calls.map((call) => call.name)).toEqual(['run']);
    expect(calls[0]?.roles.map((role) => [role.index, role.spec.name])).toEqual(
      expect.arrayContaining([[0, 'spawn()']]),
    );
  });

  it('a module the test runner replaces starts nothing through its wrappers', () => {
    const calls = (code: string) => analyzeInProject(code).imports.wrapperCalls(() => true).map((call) => call.name);
    // The starter's module, or the wrapper's own, replaced for the whole module graph.
    expect(calls(`import { vi } from 'vitest';\nimport { run } from './engine.js';\nvi.mock('node:child_process');\nrun('ls');\n`)).toEqual([]);
    expect(calls(`import { run } from './engine.js';\njest.mock('./engine.js', () => ({ run: jest.fn() }));\nrun('ls');\n`)).toEqual([]);
    // A factory that keeps the real module, a mock of another module, a local `vi`.
    expect(calls(`import { vi } from 'vitest';\nimport { run } from './engine.js';\nvi.mock('node:child_process', async (importOriginal) => ({ ...(await importOriginal()) }));\nrun('ls');\n`)).toEqual(['run']);
    expect(calls(`import { vi } from 'vitest';\nimport { run } from './engine.js';\nvi.mock('node:fs');\nrun('ls');\n`)).toEqual(['run']);
    expect(calls(`const vi = { mock() {} };\nimport { run } from './engine.js';\nvi.mock('node:child_process');\nrun('ls');\n`)).toEqual(['run']);
  });

  it('a member of the starter module a test double replaces starts nothing through its wrappers', () => {
    const calls = (code: string) => analyzeInProject(code).imports.wrapperCalls(() => true).map((call) => call.name);
    const run = `import { run } from './engine.js';\n`;
    // testdouble, sinon (also a sandbox), a runner's spy, an assignment: the call may reach the double.
    expect(calls(`import childProcess from 'child_process';\nimport td from 'testdouble';\n${run}it('x', () => { td.replace(childProcess, 'spawn'); run('ls'); });\n`)).toEqual([]);
    expect(calls(`import * as cp from 'node:child_process';\nimport sinon from 'sinon';\n${run}const sandbox = sinon.createSandbox();\nsandbox.stub(cp, 'spawn');\nrun('ls');\n`)).toEqual([]);
    expect(calls(`import * as cp from 'node:child_process';\nimport { vi } from 'vitest';\n${run}vi.spyOn(cp, 'spawn').mockReturnValue(undefined);\nrun('ls');\n`)).toEqual([]);
    expect(calls(`import cp from 'child_process';\n${run}cp.spawn = () => undefined;\nrun('ls');\n`)).toEqual([]);
    expect(calls(`import td from 'testdouble';\n${run}td.replace('child_process');\nrun('ls');\n`)).toEqual([]);
    // A spy that calls through, another module's member, a double library of the file's own.
    expect(calls(`import * as cp from 'node:child_process';\nimport sinon from 'sinon';\n${run}sinon.spy(cp, 'spawn');\nrun('ls');\n`)).toEqual(['run']);
    expect(calls(`import fs from 'node:fs';\nimport td from 'testdouble';\n${run}td.replace(fs, 'readFileSync');\nrun('ls');\n`)).toEqual(['run']);
    expect(calls(`import cp from 'child_process';\nconst td = { replace() {} };\n${run}td.replace(cp, 'spawn');\nrun('ls');\n`)).toEqual(['run']);
  });

  it('finds the factories whose child is sent a message, with its serialization', () => {
    const analysis = analyzeInProject(`import { startWorker } from './engine.js';\nconst child = startWorker();\nchild.send(1);\n`);
    expect(analysis.imports.childFactoryCalls().map((call) => [text(analysis, call.call), call.serialization])).toEqual([
      ['startWorker()', 'advanced'],
    ]);
  });

  it('knows a class of this file starts through an imported construction in its constructor', () => {
    const analysis = analyzeInProject(`import { Engine, helper } from './engine.js';
class Host { constructor() { this.engine = new Engine(); } }
class Quiet { constructor() { helper(); } }
`);
    const [, host, quiet] = analysis.sourceCode.ast.body as ClassDeclaration[];
    expect(analysis.imports.classStart(host!)).toBeDefined();
    expect(analysis.imports.classStart(quiet!)).toBeUndefined();
  });

  it('knows a class starts through an imported start its constructor reaches through several methods', () => {
    const analysis = analyzeInProject(`import { startWorker } from './engine.js';
class Host { constructor() { this.start(); } start() { this.boot(); } boot() { this.worker = startWorker(); } }
class Later { constructor() { this.start(); } async start() { await this.ready; this.boot(); } boot() { this.worker = startWorker(); } }
`);
    const [, host, later] = analysis.sourceCode.ast.body as ClassDeclaration[];
    expect(analysis.imports.classStart(host!)).toBeDefined();
    expect(analysis.imports.classStart(later!)).toBeUndefined();
  });

  it.each<[string, string]>([
    ['a module that starts nothing', `import { start } from './plain.js';\nstart();\n`],
    ['a module that does not exist', `import { start } from './missing.js';\nstart();\n`],
    ['an installed package', `import { Engine } from 'engine-lib';\nnew Engine();\n`],
    ['a local class shadowing the import', `import { Engine } from './engine.js';\nfunction f(Engine) { return new Engine(); }\nf();\n`],
  ])('is silent for %s', (_name, code) => {
    expect(analyzeInProject(code).imports.startCalls()).toEqual([]);
  });

  it('reads no other module with crossFile off', () => {
    const analysis = analyzeInProject(`import { Engine } from './engine.js';\nnew Engine();\n`, { crossFile: false });
    expect(analysis.imports.startCalls()).toEqual([]);
  });

  it('reads no other module for a file that is not on disk', () => {
    const analysis = analyzeCode(`import { Engine } from './engine.js';\nnew Engine();\n`);
    expect(analysis.imports.startCalls()).toEqual([]);
  });
});
