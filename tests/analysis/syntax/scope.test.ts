import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import {
  bindingReads,
  constantInitializer,
  globalReferences,
  initializerAtRead,
  isGlobalIdentifier,
  lookupName,
  parameterDefault,
  resolveVariable,
  sourceInitializer,
} from '../../../src/analysis/syntax/scope.js';
import { allNodes, analyzeCode } from '../../support/analyze-code.js';
import type { Language } from '../../support/languages.js';

/** The analysis of `code` and its last identifier named `name` (the read, after the declarations). */
function lastIdentifier(code: string, name: string, language: Language = 'esm') {
  const analysis = analyzeCode(code, language);
  const identifier = allNodes(analysis)
    .filter((node): node is TSESTree.Identifier => node.type === 'Identifier' && node.name === name)
    .at(-1);
  if (!identifier) throw new Error(`no identifier ${name}`);
  return { analysis, identifier };
}

function text(analysis: ReturnType<typeof analyzeCode>, node: TSESTree.Node | undefined): string | undefined {
  return node && analysis.sourceCode.getText(node);
}

describe('variables', () => {
  it('resolves an identifier through the scopes, the nearest first', () => {
    const { analysis, identifier } = lastIdentifier(`const x = 1;\nfunction f(x) { return x; }`, 'x');
    expect(resolveVariable(analysis.sourceCode, identifier)?.defs[0]?.type).toBe('Parameter');
  });

  it('finds no variable for an undeclared name', () => {
    const { analysis, identifier } = lastIdentifier(`use(x);`, 'x');
    expect(resolveVariable(analysis.sourceCode, identifier)).toBeUndefined();
  });

  it('looks a name up where it would be written', () => {
    const { analysis, identifier } = lastIdentifier(`const spawn = 1;\nfunction f() { return other; }`, 'other');
    expect(lookupName(analysis.sourceCode, identifier, 'spawn')?.defs[0]?.type).toBe('Variable');
    expect(lookupName(analysis.sourceCode, identifier, 'missing')).toBeUndefined();
  });
});

describe('constant initializers', () => {
  it.each<[string, string, string | undefined, Language?]>([
    ['a const', `const x = 'a';\nuse(x);`, `'a'`],
    ['a let never reassigned', `let x = 'a';\nuse(x);`, `'a'`],
    ['a var never reassigned', `var x = 'a';\nuse(x);`, `'a'`, 'cjs'],
    ['a TypeScript const', `const x: string = 'a';\nuse(x);`, `'a'`, 'ts'],
    ['a let reassigned', `let x = 'a';\nx = 'b';\nuse(x);`, undefined],
    ['a let updated', `let x = 1;\nx++;\nuse(x);`, undefined],
    ['a declaration without initializer', `let x;\nx = 'a';\nuse(x);`, undefined],
    ['a var declared twice', `var x = 'a';\nvar x = 'b';\nuse(x);`, undefined, 'cjs'],
    ['a parameter', `function f(x) { use(x); }`, undefined],
    ['a destructured binding', `const { x } = options;\nuse(x);`, undefined],
    ['an undeclared name', `use(x);`, undefined],
  ])('%s', (_name, code, expected, language) => {
    const { analysis, identifier } = lastIdentifier(code, 'x', language);
    expect(text(analysis, constantInitializer(analysis.sourceCode, identifier))).toBe(expected);
  });

  it.each<[string, string, string | undefined]>([
    ['an array pattern', `const [, , x] = process.argv;\nuse(x);`, 'process.argv'],
    ['an object pattern', `const { x } = options;\nuse(x);`, 'options'],
    ['a plain declaration', `const x = 1;\nuse(x);`, '1'],
    ['a reassigned pattern binding', `let { x } = options;\nx = 2;\nuse(x);`, undefined],
  ])('the source of %s', (_name, code, expected) => {
    const { analysis, identifier } = lastIdentifier(code, 'x');
    expect(text(analysis, sourceInitializer(analysis.sourceCode, identifier))).toBe(expected);
  });
});

describe('initializers at a read', () => {
  /** The analysis of `code` and its identifier `x` that `use(x)` reads. */
  function readOfX(code: string, language: Language = 'esm') {
    const analysis = analyzeCode(code, language);
    const identifier = allNodes(analysis).find(
      (node): node is TSESTree.Identifier =>
        node.type === 'Identifier' && node.name === 'x' && node.parent?.type === 'CallExpression' && node.parent.callee.type === 'Identifier' && node.parent.callee.name === 'use',
    );
    if (!identifier) throw new Error('no use(x)');
    return { analysis, identifier };
  }

  it.each<[string, string, string | undefined, Language?]>([
    ['a const', `const x = 'a';\nuse(x);`, `'a'`],
    ['a let written only after the read', `let x = 'a';\nuse(x);\nx = 'b';`, `'a'`],
    ['a let written later in a switch on it', `let x = 'a';\nswitch (use(x)) { case 'a': x = 'b'; }`, `'a'`],
    ['a var written after the read', `var x = 'a';\nuse(x);\nx = 'b';`, `'a'`, 'cjs'],
    ['a loop holding the declaration, the read and the write', `while (more()) { let x = 'a'; use(x); x = 'b'; }`, `'a'`],
    ['a let written before the read', `let x = 'a';\nx = 'b';\nuse(x);`, undefined],
    ['a write in a branch before the read', `let x = 'a';\nif (c) x = 'b';\nuse(x);`, undefined],
    ['a loop around the read that leaves the declaration out', `let x = 'a';\nwhile (more()) { use(x); x = 'b'; }`, undefined],
    ['the update of a for loop, written before its body', `for (let x = 0; x < 3; x++) use(x);`, undefined],
    ['a write in a function, which may run first', `let x = 'a';\nuse(x);\nfunction reset() { x = 'b'; }`, undefined],
    ['a read in a function, which may run later', `let x = 'a';\nconst later = () => use(x);\nx = 'b';`, undefined],
    ['a var declared in a block the read is not in', `if (c) { var x = 'a'; }\nuse(x);\nx = 'b';`, undefined, 'cjs'],
    ['a var read before its declaration', `use(x);\nvar x = 'a';\nx = 'b';`, undefined, 'cjs'],
    ['a direct eval in its scope', `let x = 'a';\neval(code);\nuse(x);\nx = 'b';`, undefined],
    ['a declaration without initializer', `let x;\nx = 'a';\nuse(x);`, undefined],
  ])('%s', (_name, code, expected, language) => {
    const { analysis, identifier } = readOfX(code, language);
    expect(text(analysis, initializerAtRead(analysis.sourceCode, identifier))).toBe(expected);
  });
});

describe('parameter defaults', () => {
  it.each<[string, string, string | undefined]>([
    ['a default', `function f(x = process.platform === 'win32') { use(x); }`, `process.platform === 'win32'`],
    ['an arrow default', `const f = (pid, x = 1) => use(x);`, '1'],
    ['a destructured default', `function f({ x = 'a' }) { use(x); }`, `'a'`],
    ['a reassigned parameter', `function f(x = 1) { x = 2; use(x); }`, undefined],
    ['a parameter without default', `function f(x) { use(x); }`, undefined],
    ['a variable', `const x = 1;\nuse(x);`, undefined],
  ])('%s', (_name, code, expected) => {
    const { analysis, identifier } = lastIdentifier(code, 'x');
    expect(text(analysis, parameterDefault(analysis.sourceCode, identifier))).toBe(expected);
  });
});

describe('globals', () => {
  it.each<[string, string, boolean, Language?]>([
    ['an undeclared name', `use(Map);`, true],
    ['a shadowing class', `class Map {}\nuse(Map);`, false],
    ['a shadowing parameter', `function f(Map) { use(Map); }`, false],
    ['a shadowing import', `import { Map } from 'immutable';\nuse(Map);`, false],
    ['a TypeScript file', `use(Map);`, true, 'ts'],
  ])('%s', (_name, code, expected, language) => {
    const { analysis, identifier } = lastIdentifier(code, 'Map', language);
    expect(isGlobalIdentifier(analysis.sourceCode, identifier, 'Map')).toBe(expected);
  });

  it('is not the global of another name', () => {
    const { analysis, identifier } = lastIdentifier(`use(Map);`, 'Map');
    expect(isGlobalIdentifier(analysis.sourceCode, identifier, 'Set')).toBe(false);
  });

  it('lists the references of each global asked for, shadowed ones left out', () => {
    const analysis = analyzeCode(`process.exit();\nfunction f(process) { process.kill(); }\nBuffer.from(process.argv);`, 'cjs');
    const found = globalReferences(analysis.sourceCode, ['process', 'Buffer', 'require']);
    expect([...found].map(([name, identifiers]) => [name, identifiers.map((identifier) => identifier.loc.start.line)])).toEqual([
      ['process', [1, 3]],
      ['Buffer', [3]],
      ['require', []],
    ]);
  });
});

describe('binding reads', () => {
  function reads(code: string, language: Language = 'esm'): number[] | undefined {
    const analysis = analyzeCode(code, language);
    const target = allNodes(analysis).find(
      (node) => node.type === 'FunctionDeclaration' || node.type === 'ClassDeclaration' || node.type === 'ArrowFunctionExpression',
    );
    if (!target) throw new Error('no function');
    return bindingReads(analysis.sourceCode, target)?.map((identifier) => identifier.loc.start.line);
  }

  it.each<[string, string, number[] | undefined]>([
    ['a function declaration', `function run() {}\nrun();\nexport { run };`, [2, 3]],
    ['a class declaration', `class Pool {}\nnew Pool();`, [2]],
    ['a const arrow', `const run = () => {};\nrun();`, [2]],
    ['a function never read', `function run() {}`, []],
    ['a name assigned again', `let run = () => {};\nrun = other;\nrun();`, undefined],
    ['an anonymous value', `use(() => {});`, undefined],
  ])('%s', (_name, code, expected) => {
    expect(reads(code)).toEqual(expected);
  });

  it('leaves out type queries, which read the type and not the value', () => {
    expect(reads(`const run = () => 1;\ntype R = ReturnType<typeof run>;\nlet r: typeof run.length;\nrun();`, 'ts')).toEqual([4]);
  });
});
