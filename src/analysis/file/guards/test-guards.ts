/**
 * Test-framework guards: a test that only runs on some platforms proves that platform inside its
 * body, like an `if` would. The forms: `it.skipIf(cond)(…)`, `it.runIf(cond)(…)` (and `test.`,
 * `describe.`), `(cond ? it.skip : it)(…)`, a constant holding either (`const itPosix = isWindows ?
 * it.skip : it`), and `this.skip()` / `ctx.skip()` in a test or hook body, which ends it like a
 * `return` (`if (cond) return` needs nothing here: it is an early exit).
 * `it`, `test` and the hooks are resolved through scope: imported from a test framework, or the
 * runner's global when nothing in the file declares the name.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { isFunction, memberName, skipTransparent } from '../../syntax/ast.js';
import type { Fact } from './facts.js';
import { constantInitializer, resolveVariable } from '../../syntax/scope.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;
export type ConditionFacts = (test: Node, assumed: boolean) => Fact[];

const TEST_MODULES = new Set(['vitest', 'node:test', '@jest/globals', 'mocha', 'bun:test']);
const TEST_FUNCTIONS = new Set(['it', 'test', 'describe', 'suite', 'context', 'specify']);
const HOOKS = new Set(['before', 'after', 'beforeEach', 'afterEach', 'beforeAll', 'afterAll']);
/** Members that turn a test into one that does not run. */
const SKIPPED = new Set(['skip', 'todo']);

/** Where a test function comes from: a framework module, or `global` for the runner's global. */
type Framework = string;

/**
 * The facts that hold inside `child` when it is a callback of a conditional test call `parent`:
 * `it.skipIf(isWindows)('…', () => child)` proves "not Windows" in the callback.
 */
export function testCallbackFacts(sourceCode: SourceCode, child: Node, parent: Node, conditionFacts: ConditionFacts): Fact[] {
  if (parent.type !== 'CallExpression' || !parent.arguments.some((argument) => argument === child)) return [];
  const runs = runCondition(sourceCode, parent.callee);
  return runs ? conditionFacts(runs.test, runs.assumed) : [];
}

/** The condition under which a test callee runs its callbacks, and whether it must be truthy. */
function runCondition(sourceCode: SourceCode, calleeIn: Node): { test: Node; assumed: boolean } | undefined {
  let callee = skipTransparent(calleeIn);
  if (callee.type === 'Identifier' && !frameworkOf(sourceCode, callee)) {
    const init = constantInitializer(sourceCode, callee);
    if (init) callee = skipTransparent(init);
  }
  if (callee.type === 'CallExpression' && callee.callee.type === 'MemberExpression') {
    const method = memberName(callee.callee);
    const [condition] = callee.arguments;
    if ((method === 'skipIf' || method === 'runIf') && condition && condition.type !== 'SpreadElement' && testRoot(sourceCode, callee.callee.object)) {
      return { test: condition, assumed: method === 'runIf' };
    }
  }
  if (callee.type === 'ConditionalExpression') {
    const skipsWhenTrue = isSkippedTest(sourceCode, callee.consequent);
    const skipsWhenFalse = isSkippedTest(sourceCode, callee.alternate);
    const other = skipsWhenTrue ? callee.alternate : callee.consequent;
    if (skipsWhenTrue !== skipsWhenFalse && testRoot(sourceCode, other)) return { test: callee.test, assumed: skipsWhenFalse };
  }
  return undefined;
}

/** `it.skip`, `test.todo`, `describe.skip`. */
function isSkippedTest(sourceCode: SourceCode, nodeIn: Node): boolean {
  const node = skipTransparent(nodeIn);
  if (node.type !== 'MemberExpression') return false;
  const name = memberName(node);
  return name !== undefined && SKIPPED.has(name) && testRoot(sourceCode, node.object) !== undefined;
}

/** The framework of a test function or a modifier of one (`it`, `it.only`, `test.concurrent`). */
function testRoot(sourceCode: SourceCode, nodeIn: Node, names = TEST_FUNCTIONS): Framework | undefined {
  let node = skipTransparent(nodeIn);
  while (node.type === 'MemberExpression') node = skipTransparent(node.object);
  return node.type === 'Identifier' ? frameworkOf(sourceCode, node, names) : undefined;
}

function frameworkOf(sourceCode: SourceCode, identifier: TSESTree.Identifier, names = TEST_FUNCTIONS): Framework | undefined {
  const variable = resolveVariable(sourceCode, identifier);
  if (!variable || variable.defs.length === 0) return names.has(identifier.name) ? 'global' : undefined;
  const [definition] = variable.defs;
  if (variable.defs.length !== 1 || definition?.type !== 'ImportBinding') return undefined;
  const declaration = definition.parent;
  const specifier = definition.node;
  if (declaration.type !== 'ImportDeclaration' || !TEST_MODULES.has(declaration.source.value)) return undefined;
  let imported: string | undefined;
  if (specifier.type === 'ImportSpecifier') imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
  // `import test from 'node:test'`
  else if (specifier.type === 'ImportDefaultSpecifier' && declaration.source.value === 'node:test') imported = 'test';
  return imported !== undefined && names.has(imported) ? declaration.source.value : undefined;
}

const CALLBACK_OWNERS = new Set([...TEST_FUNCTIONS, ...HOOKS]);

/**
 * `this.skip()` (mocha) or `ctx.skip()` (vitest's test context) in a test or hook callback: it
 * throws to end the test, so code after `if (cond) this.skip();` runs only when `cond` is false.
 * node:test's `t.skip()` only marks the test and returns: it is not an exit.
 */
export function isTestSkipCall(sourceCode: SourceCode, expression: Node): boolean {
  const call = skipTransparent(expression);
  if (call.type !== 'CallExpression' || call.arguments.length > 0 || call.callee.type !== 'MemberExpression') return false;
  if (memberName(call.callee) !== 'skip') return false;
  const receiver = skipTransparent(call.callee.object);
  let callback: Node | undefined;
  if (receiver.type === 'ThisExpression') {
    callback = call.parent;
    while (callback && !(isFunction(callback) && callback.type !== 'ArrowFunctionExpression')) callback = callback.parent;
  } else if (receiver.type === 'Identifier') {
    const definition = resolveVariable(sourceCode, receiver)?.defs[0];
    if (definition?.type === 'Parameter' && definition.node.params[0] === definition.name) callback = definition.node;
  }
  const owner = callback?.parent;
  if (owner?.type !== 'CallExpression' || !owner.arguments.some((argument) => argument === callback)) return false;
  const framework = testRoot(sourceCode, owner.callee.type === 'CallExpression' ? owner.callee.callee : owner.callee, CALLBACK_OWNERS);
  return framework !== undefined && framework !== 'node:test';
}
