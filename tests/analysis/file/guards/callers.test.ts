import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { CallerFacts, type NodeFacts } from '../../../../src/analysis/file/guards/callers.js';
import { ConditionReader } from '../../../../src/analysis/file/guards/conditions.js';
import { FactPropagation } from '../../../../src/analysis/file/guards/propagation.js';
import type { StepCounter } from '../../../../src/analysis/file/guards/steps.js';
import { isFunction, type FunctionNode } from '../../../../src/analysis/syntax/ast.js';
import { allNodes, analyzeCode } from '../../../support/analyze-code.js';

/** The caller facts over `code`, wired to a real propagation, and its functions by name. */
function setUp(code: string, language?: 'ts') {
  const analysis = language ? analyzeCode(code, language) : analyzeCode(code);
  const conditions = new ConditionReader(analysis.sourceCode, analysis.references, { platformGuards: new Map() });
  const counter: StepCounter = { steps: 0 };
  const propagation: FactPropagation = new FactPropagation(analysis.sourceCode, analysis.references, conditions, (fn) => callers.platformFacts(fn), counter);
  const reads: TSESTree.Node[] = [];
  const nodes: NodeFacts = {
    platformsAt: (node) => {
      reads.push(node);
      return propagation.platformsAt(node);
    },
    isKnown: (node) => propagation.isKnown(node),
  };
  const callers = new CallerFacts(analysis.sourceCode, nodes, counter, (key) => conditions.isPlatformKey(key));
  const functions = allNodes(analysis).filter((node): node is FunctionNode => isFunction(node));
  const named = (name: string) =>
    functions.find((fn) => (fn.type === 'FunctionDeclaration' && fn.id?.name === name) || (fn.parent?.type === 'MethodDefinition' && analysis.sourceCode.getText(fn.parent.key) === name));
  const platforms = (fn: FunctionNode | undefined) =>
    callers.platformFacts(fn!).flatMap((fact) => (fact.kind === 'platform' ? [...fact.platforms].sort() : []));
  return { callers, functions, named, platforms, reads, counter };
}

describe('caller facts', () => {
  it('a function used only under a platform test runs there', () => {
    const { named, platforms } = setUp(`function posix() {} if (process.platform === 'linux') posix(); else if (process.platform === 'darwin') posix();`);
    expect(platforms(named('posix'))).toEqual(['darwin', 'linux']);
  });

  it('a function chosen by a platform conditional runs on the platforms of its branch', () => {
    const { named, platforms } = setUp(`const isWindows = process.platform === 'win32';
async function moveOnWindows(a, b) {}
async function moveOnUnix(a, b) {}
async function copyOnWindows(a) {}
async function copyOnUnix(a) {}
export async function move(a, b) {
  const moveImpl = isWindows ? moveOnWindows : moveOnUnix;
  await moveImpl(a, b);
  return (isWindows ? copyOnWindows : copyOnUnix)(a);
}`);
    const notWindows = ['aix', 'android', 'cygwin', 'darwin', 'freebsd', 'haiku', 'linux', 'netbsd', 'openbsd', 'sunos'];
    expect(platforms(named('moveOnUnix'))).toEqual(notWindows);
    expect(platforms(named('copyOnUnix'))).toEqual(notWindows);
    expect(platforms(named('moveOnWindows'))).toEqual(['win32']);
  });

  it('a function chosen by a conditional on something else, or also used outside it, proves nothing', () => {
    const { named, platforms } = setUp(`const isWindows = process.platform === 'win32';
function quietMove() {}
function loudMove() {}
function windowsMove() {}
function unixMove() {}
export function move(verbose) {
  (verbose ? loudMove : quietMove)();
  const impl = isWindows ? windowsMove : unixMove;
  impl();
  unixMove();
}`);
    expect(platforms(named('loudMove'))).toEqual([]);
    expect(platforms(named('unixMove'))).toEqual([]);
  });

  it('an unguarded use, an export or a use from itself proves nothing', () => {
    const { named, platforms } = setUp(`function a() {} a(); if (process.platform === 'linux') a();
export function b() {} if (process.platform === 'linux') b();
function c() { c(); }`);
    expect(platforms(named('a'))).toEqual([]);
    expect(platforms(named('b'))).toEqual([]);
    expect(platforms(named('c'))).toEqual([]);
  });

  it('a method runs where its name is mentioned, a table row included', () => {
    const { named, platforms } = setUp(`class T {
  run(row) { if (process.platform === 'win32' && row.windows === false) return; this[row.cmd](); }
  chmod() {}
}
new T().run({ cmd: 'chmod', windows: false });`);
    expect(platforms(named('chmod'))).not.toContain('win32');
    expect(platforms(named('chmod')).length).toBeGreaterThan(0);
  });

  it('a private method runs where its own class reads it', () => {
    const { named, platforms } = setUp(`class A { go() { if (process.platform === 'linux') this.#x(); } #x() {} }
class B { go() { this.#x(); } #x() {} }`);
    expect(platforms(named('#x'))).toEqual(['linux']);
  });

  it('a private method that nothing names runs on no platform: only its class could call it', () => {
    const { named, callers } = setUp(
      `export class Manager {
  private setRegistry() {}
  #clean() {}
  private run() {}
  install() { this.run(); }
  unused() {}
}
export class Dynamic {
  private hook() {}
  fire(name: string) { (this as any)[name](); }
}`,
      'ts',
    );
    const sizes = (name: string) => callers.platformFacts(named(name)!).flatMap((fact) => (fact.kind === 'platform' ? [fact.platforms.size] : []));
    expect(sizes('setRegistry')).toEqual([0]);
    expect(sizes('#clean')).toEqual([0]);
    // Called, public, or in a class that calls members by computed names: not known to be dead.
    expect(sizes('run')).toEqual([]);
    expect(sizes('unused')).toEqual([]);
    expect(sizes('hook')).toEqual([]);
  });

  it('a private static method runs where its class names it', () => {
    const { named, platforms } = setUp(
      `import os from 'node:os';
export class Info {
  static async current() {
    const platform = os.platform();
    if (platform === 'darwin') return Info.unixArch();
    if (platform === 'linux') return Info.unixArch();
    return Info.windowsArch();
  }
  private static unixArch() {}
  private static windowsArch() {}
  static shared() {}
}
if (process.platform === 'linux') Info.shared();`,
      'ts',
    );
    expect(platforms(named('unixArch'))).toEqual(['darwin', 'linux']);
    // After both early returns: neither. A public static method's callers in other modules are not known.
    expect(platforms(named('windowsArch'))).toEqual(['aix', 'android', 'cygwin', 'freebsd', 'haiku', 'netbsd', 'openbsd', 'sunos', 'win32']);
    expect(platforms(named('shared'))).toEqual([]);
  });

  it('the methods of one name read their uses once', () => {
    const classes = Array.from({ length: 50 }, (_, i) => `class S${i} { constructor() { this.start(); } start() {} }`);
    const { functions, callers, reads } = setUp([`if (process.platform !== 'win32') { new S0().start(); }`, ...classes].join('\n'));
    const starts = functions.filter((fn) => fn.parent?.type === 'MethodDefinition' && fn.parent.kind === 'method');
    for (const fn of starts) expect(callers.platformFacts(fn)).toEqual([]);
    // 50 constructors and one guarded call: each use is read once for all 50 methods.
    expect(reads).toHaveLength(51);
  });

  it('indexes the name mentions once', () => {
    const { callers } = setUp(`a.start(); b['start'](); run('start');`);
    expect(callers.mentions()).toBe(callers.mentions());
    expect(callers.mentions().members.get('start')).toHaveLength(2);
    expect(callers.mentions().strings.get('start')).toHaveLength(1);
  });
});
