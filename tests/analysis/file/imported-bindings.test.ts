import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { importedName, requiredSpecifier, type ImportedName } from '../../../src/analysis/file/imported-bindings.js';
import { analyzeCode, nodeByText } from '../../support/analyze-code.js';
import type { Language } from '../../support/languages.js';

const isLocal = (specifier: string) => specifier.startsWith('.');

/** The export the callee of the snippet's last call reads. */
function nameOf(code: string, language: Language = 'esm'): ImportedName | undefined {
  const analysis = analyzeCode(code, language);
  const last = analysis.sourceCode.ast.body.at(-1) as TSESTree.ExpressionStatement;
  const call = last.expression as TSESTree.CallExpression | TSESTree.NewExpression;
  return importedName(analysis.sourceCode, call.callee, isLocal);
}

describe('imported names', () => {
  it.each<[string, string, ImportedName | undefined, Language?]>([
    ['a named import', `import { run } from './run.js';\nrun();`, { specifier: './run.js', name: 'run' }],
    ['a renamed import', `import { run as go } from './run.js';\ngo();`, { specifier: './run.js', name: 'run' }],
    ['a string-named import', `import { 'run' as go } from './run.js';\ngo();`, { specifier: './run.js', name: 'run' }],
    ['a default import', `import run from './run.js';\nrun();`, { specifier: './run.js', name: 'default' }],
    ['a namespace member', `import * as tools from './tools.js';\ntools.run();`, { specifier: './tools.js', name: 'run' }],
    ['a default import member', `import tools from './tools.js';\nnew tools.Pool();`, { specifier: './tools.js', name: 'Pool' }],
    ['a destructured require', `const { run } = require('./run');\nrun();`, { specifier: './run', name: 'run' }, 'cjs'],
    ['a renamed destructured require', `const { run: go } = require('./run');\ngo();`, { specifier: './run', name: 'run' }, 'cjs'],
    ['a required module', `const run = require('./run');\nrun();`, { specifier: './run', name: 'default' }, 'cjs'],
    ['a member of a required module', `var tools = require('./tools');\ntools.run();`, { specifier: './tools', name: 'run' }, 'cjs'],
    ['a TypeScript call', `import { run } from './run.js';\n(run as () => void)();`, { specifier: './run.js', name: 'run' }, 'ts'],
    ['a TypeScript import = require is not followed', `import tools = require('./tools');\ntools.run();`, undefined, 'cts'],
    ['a TypeScript import = require called', `import run = require('./run');\nrun();`, undefined, 'cts'],
    ['a namespace called as a function', `import * as tools from './tools.js';\ntools();`, undefined],
    ['a package import', `import { run } from 'runner';\nrun();`, undefined],
    ['a type-only import', `import type { Run } from './run.js';\nRun();`, undefined, 'ts'],
    ['a type-only specifier', `import { type Run } from './run.js';\nRun();`, undefined, 'ts'],
    ['a required module assigned again', `let run = require('./run');\nrun = other;\nrun();`, undefined, 'cjs'],
    ['a local function', `function run() {}\nrun();`, undefined],
    ['a parameter shadowing the import', `import { run } from './run.js';\nfunction f(run) { return run(); }\nf();`, undefined],
    ['a computed member', `import * as tools from './tools.js';\ntools[name]();`, undefined],
    ['a member of a member', `import * as tools from './tools.js';\ntools.a.run();`, undefined],
    ['a require of a variable', `const run = require(name);\nrun();`, undefined, 'cjs'],
    ['a computed destructured key', `const { [key]: run } = require('./run');\nrun();`, undefined, 'cjs'],
  ])('%s', (_name, code, expected, language) => {
    expect(nameOf(code, language)).toEqual(expected);
  });

  it('follows only the specifiers the caller counts as local', () => {
    const analysis = analyzeCode(`import { run } from 'runner';\nrun();`);
    const call = nodeByText(analysis, 'run()', 'CallExpression') as TSESTree.CallExpression;
    expect(importedName(analysis.sourceCode, call.callee, () => false)).toBeUndefined();
    expect(importedName(analysis.sourceCode, call.callee, () => true)).toEqual({ specifier: 'runner', name: 'run' });
  });
});

describe('require() specifiers', () => {
  it.each<[string, string | undefined, Language?]>([
    [`require('./x')`, './x'],
    ['require(`./x`)', './x'],
    [`require('./x') as Tools`, './x', 'ts'],
    ['require(name)', undefined],
    ['require()', undefined],
    [`load('./x')`, undefined],
    [`module.require('./x')`, undefined],
  ])('%s', (text, expected, language = 'cjs') => {
    const analysis = analyzeCode(`(${text});`, language);
    const statement = analysis.sourceCode.ast.body[0] as TSESTree.ExpressionStatement;
    expect(requiredSpecifier(statement.expression)).toBe(expected);
  });
});
