import { createRequire } from 'node:module';
import path from 'node:path';

import type { TSESTree } from '@typescript-eslint/utils';
import type * as Espree from 'espree';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

import { parseModule } from '../../../src/analysis/project/module-parse.js';
import { dynamicImports } from '../../../src/analysis/file/references.js';
import { stringValue } from '../../../src/analysis/syntax/ast.js';

// ESLint's own espree, as ESLint hands it to rules (its CommonJS build).
const require = createRequire(import.meta.url);
const espree = createRequire(require.resolve('eslint'))('espree') as typeof Espree;
const file = path.resolve('/project/src/run.ts');
const typescript = { parser: tseslint.parser, ecmaVersion: 2026, parserOptions: {} };
const javascript = { parser: espree, ecmaVersion: 2026, parserOptions: {} };

/** The first node of a type, depth first. */
function find(node: TSESTree.Node, type: string): TSESTree.Node | undefined {
  const stack: TSESTree.Node[] = [node];
  for (let current = stack.pop(); current; current = stack.pop()) {
    if (current.type === type) return current;
    for (const [key, value] of Object.entries(current)) {
      if (key === 'parent') continue;
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && typeof (child as { type?: unknown }).type === 'string') stack.push(child as TSESTree.Node);
      }
    }
  }
  return undefined;
}

describe('parseModule', () => {
  it('parses TypeScript with its scopes and parent pointers, without tokens', () => {
    const text = "import { spawn } from 'node:child_process';\nexport function run(cmd: string): void {\n  spawn(cmd, [], {});\n}\n";
    const sourceCode = parseModule(text, file, 'module', typescript);
    expect(sourceCode).toBeDefined();
    const call = find(sourceCode!.ast, 'CallExpression') as TSESTree.CallExpression;
    expect(call.parent?.type).toBe('ExpressionStatement');
    const scope = sourceCode!.getScope(call);
    expect(scope.type).toBe('function');
    const callee = call.callee as TSESTree.Identifier;
    const reference = scope.references.find((candidate) => candidate.identifier === callee);
    expect(reference?.resolved?.defs[0]?.type).toBe('ImportBinding');
    expect(sourceCode!.ast.tokens).toEqual([]);
    expect(sourceCode!.ast.sourceType).toBe('module');
  });

  it('parses JavaScript with espree and eslint-scope, CommonJS with its module scope, and a `#!` line', () => {
    const text = "#!/usr/bin/env node\nconst { fork } = require('child_process');\nfork(__filename);\n";
    const sourceCode = parseModule(text, '/project/bin/cli.js', 'commonjs', javascript);
    expect(sourceCode?.text).toBe(text);
    const call = find(sourceCode!.ast, 'CallExpression') as TSESTree.CallExpression;
    const fork = call.callee as TSESTree.Identifier;
    const scope = sourceCode!.getScope(call);
    expect(scope.type).toBe('function');
    expect(scope.references.find((reference) => reference.identifier === fork)?.resolved?.name).toBe('fork');
  });

  it("gives a module whose `import()` calls are found without tokens, an `import(` in a string or comment left out", () => {
    const text = "export async function load() {\n  const m = await import('./helpers.ts');\n  return m;\n}\n// import('./commented')\nconst s = \"import('./quoted')\";\n";
    const sourceCode = parseModule(text, file, 'module', typescript);
    expect(dynamicImports(sourceCode!).map((expression) => stringValue(expression.source))).toEqual(['./helpers.ts']);
  });

  it('throws on a syntax error, so the caller can try the other module system', () => {
    expect(() => parseModule('export const a = ;', file, 'module', typescript)).toThrow();
    expect(() => parseModule("import x from 'x';", '/project/a.js', 'commonjs', javascript)).toThrow();
  });

  it('leaves a parser it cannot drive to the caller', () => {
    const wrapped = { parse: (text: string, options: Record<string, unknown>) => espree.parse(text, options as Espree.Options) };
    expect(parseModule('const a = 1;', '/project/a.js', 'module', { ...javascript, parser: wrapped })).toBeUndefined();
    expect(parseModule('const a = 1;', '/project/a.js', 'module', { ...javascript, parser: undefined })).toBeUndefined();
  });
});
