import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import {
  assignedValue,
  isExportedFunction,
  constructorOf,
  hasSpread,
  isFunction,
  isImportMeta,
  isImportMetaMember,
  isStringLike,
  literalRegExp,
  memberKey,
  memberName,
  nodeAtIndex,
  optionsArgument,
  propertyValue,
  skipTransparent,
  stringValue,
  walk,
} from '../../../src/analysis/syntax/ast.js';
import { allNodes, analyzeCode, nodeByText } from '../../support/analyze-code.js';
import type { Language } from '../../support/languages.js';

/** The node of `text` in `code` (the whole snippet is one expression statement unless `type` says). */
function node(code: string, text: string, type?: string, language: Language = 'esm'): TSESTree.Node {
  const analysis = analyzeCode(code, language);
  return nodeByText(analysis, text, type);
}

describe('string values', () => {
  it.each<[string, string | undefined]>([
    [`'a'`, 'a'],
    ['`a`', 'a'],
    ['`a${b}`', undefined],
    ['1', undefined],
    ['null', undefined],
    ['x', undefined],
  ])('%s', (text, expected) => {
    expect(stringValue(node(`(${text});`, text))).toBe(expected);
  });

  it('tells string literals from other literals', () => {
    expect(isStringLike(node(`('a');`, `'a'`))).toBe(true);
    expect(isStringLike(node(`(1);`, '1'))).toBe(false);
    expect(isStringLike(node('(`a`);', '`a`'))).toBe(false);
  });
});

describe('assigned values', () => {
  it('is the value at the end of a chain of assignments', () => {
    const analysis = analyzeCode('exports.a = exports.b = void 0;', 'cjs');
    const chain = nodeByText(analysis, 'exports.a = exports.b = void 0', 'AssignmentExpression');
    expect(analysis.sourceCode.getText(assignedValue(chain))).toBe('void 0');
  });
});

describe('regular expression literals', () => {
  it('builds the RegExp of a regex literal and nothing else', () => {
    expect(literalRegExp(node('(/^win/i);', '/^win/i'))?.test('WIN32')).toBe(true);
    expect(literalRegExp(node(`('^win');`, `'^win'`))).toBeUndefined();
  });
});

describe('member names', () => {
  it.each<[string, string | undefined]>([
    ['a.b', 'b'],
    [`a['b']`, 'b'],
    ['a[`b`]', 'b'],
    ['a[0]', '0'],
    ['a[b]', undefined],
    ['a[`${b}`]', undefined],
  ])('%s', (text, expected) => {
    expect(memberName(node(`${text};`, text, 'MemberExpression') as TSESTree.MemberExpression)).toBe(expected);
  });

  it.each<[string, string, string | undefined]>([
    ['class A { #p = 1; m() { this.#p; } }', 'this.#p', '#p'],
    ['class A { m() { this.proc; } }', 'this.proc', 'proc'],
    ['class A { m() { this[key]; } }', 'this[key]', undefined],
  ])('member keys: %s', (code, text, expected) => {
    expect(memberKey(node(code, text, 'MemberExpression') as TSESTree.MemberExpression)).toBe(expected);
  });

  it.each<[string, string | undefined]>([
    ['proc = 1;', 'proc'],
    ['#proc = 1;', '#proc'],
    ["'quoted' = 1;", 'quoted'],
    ['1 = 1;', '1'],
    ['[key] = 1;', undefined],
  ])('class field keys: %s', (member, expected) => {
    const analysis = analyzeCode(`class A { ${member} }`);
    const field = (analysis.sourceCode.ast.body[0] as TSESTree.ClassDeclaration).body.body[0] as TSESTree.PropertyDefinition;
    expect(memberKey(field)).toBe(expected);
  });
});

describe('transparent wrappers', () => {
  it.each<[string, string, Language]>([
    ['x!;', 'x!', 'ts'],
    ['x as T;', 'x as T', 'ts'],
    ['x satisfies T;', 'x satisfies T', 'ts'],
    ['(x as unknown as T)!;', '(x as unknown as T)!', 'ts'],
  ])('%s', (code, text, language) => {
    const inner = skipTransparent(node(code, text, undefined, language));
    expect(inner.type).toBe('Identifier');
  });

  it('unwraps an optional chain to its member', () => {
    expect(skipTransparent(node('a?.b;', 'a?.b', 'ChainExpression')).type).toBe('MemberExpression');
  });

  it('leaves other nodes as they are', () => {
    const call = node('f(x);', 'f(x)');
    expect(skipTransparent(call)).toBe(call);
  });
});

describe('functions and import.meta', () => {
  it.each<[string, string, boolean]>([
    ['function f() {}', 'function f() {}', true],
    ['(function () {});', 'function () {}', true],
    ['(() => 1);', '() => 1', true],
    ['class A {}', 'class A {}', false],
  ])('%s', (code, text, expected) => {
    const analysis = analyzeCode(code);
    const found = allNodes(analysis).find((candidate) => candidate.type !== 'Program' && candidate.type !== 'ExpressionStatement' && analysis.sourceCode.getText(candidate) === text);
    expect(found && isFunction(found)).toBe(expected);
  });

  it('recognises import.meta', () => {
    expect(isImportMeta(node('import.meta.url;', 'import.meta'))).toBe(true);
    expect(isImportMeta(node('function f() { new.target; }', 'new.target'))).toBe(false);
  });

  it.each<[string, string, boolean, Language?]>([
    ['import.meta.url', 'url', true],
    ['import.meta.url', 'dirname', false],
    [`import.meta['url']`, 'url', true],
    ['import.meta.url!', 'url', true, 'ts'],
    ['meta.url', 'url', false],
  ])('%s is import.meta.%s: %s', (text, name, expected, language = 'esm') => {
    expect(isImportMetaMember(node(`${text};`, text, undefined, language), name)).toBe(expected);
  });
});

describe('options objects', () => {
  function options(code: string, from: number): string | undefined {
    const analysis = analyzeCode(code);
    const call = (analysis.sourceCode.ast.body[0] as TSESTree.ExpressionStatement).expression as TSESTree.CallExpression;
    const found = optionsArgument(call.arguments, from);
    return found && analysis.sourceCode.getText(found);
  }

  it.each<[string, number, string | undefined]>([
    [`f('a', { x: 1 });`, 1, '{ x: 1 }'],
    [`f('a', { x: 1 }, { y: 2 });`, 1, '{ x: 1 }'],
    [`f({ x: 1 }, 'a');`, 1, undefined],
    [`f({ x: 1 });`, 0, '{ x: 1 }'],
    [`f('a', options);`, 1, undefined],
    [`f('a', ...rest);`, 1, undefined],
  ])('%s from %i', (code, from, expected) => {
    expect(options(code, from)).toBe(expected);
  });

  function object(text: string): TSESTree.ObjectExpression {
    return node(`(${text});`, text, 'ObjectExpression') as TSESTree.ObjectExpression;
  }

  it.each<[string, string, string | undefined]>([
    ['{ a: 1 }', 'a', '1'],
    [`{ 'a': 1 }`, 'a', '1'],
    [`{ ['a']: 1 }`, 'a', '1'],
    ['{ a: 1, a: 2 }', 'a', '2'],
    ['{ [a]: 1 }', 'a', undefined],
    ['{ ...a }', 'a', undefined],
    ['{ b: 1 }', 'a', undefined],
  ])('property %s . %s', (text, name, expected) => {
    const analysis = analyzeCode(`(${text});`);
    const value = propertyValue(nodeByText(analysis, text, 'ObjectExpression') as TSESTree.ObjectExpression, name);
    expect(value && analysis.sourceCode.getText(value)).toBe(expected);
  });

  it('tells spreads', () => {
    expect(hasSpread(object('{ a: 1, ...b }'))).toBe(true);
    expect(hasSpread(object('{ a: 1 }'))).toBe(false);
  });
});

describe('walk', () => {
  it('visits in source order and skips children when asked', () => {
    const analysis = analyzeCode('f(a, g(b)); h(c);');
    const names: string[] = [];
    walk(analysis.sourceCode.ast, analysis.sourceCode.visitorKeys, (visited) => {
      if (visited.type === 'Identifier') names.push(visited.name);
      return !(visited.type === 'CallExpression' && visited.callee.type === 'Identifier' && visited.callee.name === 'g');
    });
    expect(names).toEqual(['f', 'a', 'h', 'c']);
  });

  it('does not deepen the call stack with the tree', () => {
    // A chain deeper than any call stack holds, built by hand: parsers give up long before.
    let root: { type: string; child?: unknown } = { type: 'Leaf' };
    for (let depth = 0; depth < 100_000; depth += 1) root = { type: 'Link', child: root };
    let count = 0;
    walk(root as unknown as TSESTree.Node, { Link: ['child'] }, () => {
      count += 1;
    });
    expect(count).toBe(100_001);
  });
});

describe('constructors', () => {
  it('finds the implementation, not an overload', () => {
    const analysis = analyzeCode(`class A { constructor(a: string); constructor(a: unknown) { start(); } }`, 'ts');
    const found = constructorOf(analysis.sourceCode.ast.body[0] as TSESTree.ClassDeclaration);
    expect(found && analysis.sourceCode.getText(found)).toBe('constructor(a: unknown) { start(); }');
  });

  it('finds none in a class without one', () => {
    const analysis = analyzeCode('class A { run() {} }');
    expect(constructorOf(analysis.sourceCode.ast.body[0] as TSESTree.ClassDeclaration)).toBeUndefined();
  });
});

describe('the node at an index', () => {
  it.each<[string, string, Language]>([
    ['JavaScript with holes, templates and import.meta', "const a = [1, , [2, , 3]];\nnew Worker(new URL('./w.js', import.meta.url));\nlabel: for (const x of `a${b}c${d}`) { await import(x); }\n", 'esm'],
    ['TypeScript with types and decorators', 'import wt = require("node:worker_threads");\n@sealed class A<T> { m(x: T): Array<T | null> { return [x, null]; } }\n', 'ts'],
  ])('finds what getNodeByRangeIndex finds in %s', (_name, code, language) => {
    const { sourceCode } = analyzeCode(code, language);
    for (let index = 0; index <= code.length; index += 1) {
      expect(nodeAtIndex(sourceCode.ast, sourceCode.visitorKeys, index), `at ${index}`).toBe(sourceCode.getNodeByRangeIndex(index) ?? undefined);
    }
  });
});

describe('exported functions', () => {
  it.each<[string, string, boolean]>([
    ['a declaration', 'export function f() {}', true],
    ['a default export', 'export default function f() {}', true],
    ['an arrow in an exported const', 'export const f = () => 1;', true],
    ['a local function', 'function f() {}', false],
    ['a local arrow', 'const f = () => 1;', false],
  ])('%s: %s', (_name, code, expected) => {
    const analysis = analyzeCode(code);
    const fn = allNodes(analysis).find((node) => node.type === 'FunctionDeclaration' || node.type === 'ArrowFunctionExpression');
    expect(isExportedFunction(fn as TSESTree.Node)).toBe(expected);
  });
});
