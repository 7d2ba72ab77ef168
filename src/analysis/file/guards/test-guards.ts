/**
 * Test-framework guards: a test that only runs on some platforms proves that platform inside its
 * body, like an `if` would. The forms: `it.skipIf(cond)(…)`, `it.runIf(cond)(…)` (and `test.`,
 * `describe.`; bun's `test.if(cond)`), `(cond ? it.skip : it)(…)` (also with Jest's and mocha's
 * `xit`/`xtest`/`xdescribe`), a constant holding either
 * (`const itPosix = isWindows ? it.skip : it`), a binding rebound to the skipped form before the
 * test (`let test = require('ava'); if (isWindows) test = test.skip;`, `describe = isWindows ?
 * describe.skip : describe`), the `{ skip: cond }` option of node:test, tap and tape (also on a
 * subtest: `t.test(name, { skip }, fn)` on the test object a callback receives), and
 * `this.skip()` / `ctx.skip()` in a test or hook body, which ends it like a `return`
 * (`if (cond) return` needs nothing here: it is an early exit).
 * Playwright Test's conditional skips: `test.skip(cond, reason)` / `test.fixme(cond)` in a test
 * ends it when `cond` holds (it throws), and in a `test.describe` body or at the top of the file,
 * also as a callback over the fixtures (`test.skip(({ platform }) => platform === 'win32')`, where
 * `platform` is the host's), it skips every test and hook of the group; the code that declares the
 * group still runs.
 * `it`, `test` and the hooks are resolved through scope: imported from a test framework, or the
 * runner's global when nothing in the file declares the name. Playwright's `test` is imported or
 * required from '@playwright/test', a wrapper made from it (`base.extend({…})`), or imported from
 * another module of the project, whose origin the file does not show: its skips are taken as such
 * rather than reported as if the test ran everywhere.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { isFunction, isStringLike, memberName, propertyValue, returnedExpression, skipTransparent } from '../../syntax/ast.js';
import { assertBinding, isAssertObject } from './assertions.js';
import type { Fact } from './facts.js';
import { constantInitializer, globalReferences, requiredModule, resolveVariable, sourceInitializer, writableByEval } from '../../syntax/scope.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;
export type ConditionFacts = (test: Node, assumed: boolean) => Fact[];

const TEST_MODULES = new Set(['vitest', 'node:test', '@jest/globals', 'mocha', 'bun:test', 'ava', 'tap', 'tape']);
/** The frameworks whose default export is their `test` (tap's, the root test object whose `test` makes one). */
const DEFAULT_TESTS = new Set(['node:test', 'ava', 'tap', 'tape']);
/** The frameworks that hand a test's callback a test object making subtests (`t.test(…)`) and take a `skip` option. */
const SUBTEST_FRAMEWORKS = new Set(['node:test', 'tap', 'tape']);
const MAX_SUBTEST_DEPTH = 8;
const TEST_FUNCTIONS = new Set(['it', 'test', 'describe', 'suite', 'context', 'specify']);
const HOOKS = new Set(['before', 'after', 'beforeEach', 'afterEach', 'beforeAll', 'afterAll']);
/** Members that turn a test into one that does not run. */
const SKIPPED = new Set(['skip', 'todo']);
/** Jest's and mocha's skipped tests and groups, globals or imported from '@jest/globals'. */
const SKIPPED_FUNCTIONS = new Set(['xit', 'xtest', 'xdescribe', 'xcontext', 'xspecify']);
/** Playwright Test's modifiers that skip when their condition holds. */
const CONDITIONAL_SKIPS = new Set(['skip', 'fixme']);
const PLAYWRIGHT_MODULES = new Set(['@playwright/test', 'playwright/test']);
const MAX_ALIAS_DEPTH = 4;

/** Where a test function comes from: a framework module, or `global` for the runner's global. */
type Framework = string;

/**
 * The facts that hold inside `child` when it is a callback of a conditional test call `parent`:
 * `it.skipIf(isWindows)('…', () => child)` proves "not Windows" in the callback.
 */
export function testCallbackFacts(sourceCode: SourceCode, child: Node, parent: Node, conditionFacts: ConditionFacts): Fact[] {
  if (parent.type !== 'CallExpression' || !parent.arguments.some((argument) => argument === child)) return [];
  const facts: Fact[] = [];
  for (const runs of runConditions(sourceCode, parent.callee, parent)) facts.push(...conditionFacts(runs.test, runs.assumed));
  const skipOption = isFunction(child) ? testSkipOption(sourceCode, parent) : undefined;
  if (skipOption) facts.push(...conditionFacts(skipOption, false));
  if (isFunction(child)) for (const skipped of groupSkipConditions(sourceCode, parent)) facts.push(...conditionFacts(skipped, false));
  return facts;
}

/**
 * The `skip` option of node:test's, tap's and tape's `test(name, { skip: cond }, fn)`, also of a
 * subtest (`t.test(…)`): the callback runs when `cond` is falsy (node:test's `todo` still runs it).
 */
function testSkipOption(sourceCode: SourceCode, call: TSESTree.CallExpression): Node | undefined {
  const options = call.arguments.find((argument) => argument.type === 'ObjectExpression');
  if (!options || !SUBTEST_FRAMEWORKS.has(testRoot(sourceCode, call.callee) ?? '')) return undefined;
  return propertyValue(options, 'skip');
}

/**
 * The condition of a Playwright skip statement that ends the test it runs in when the condition
 * holds (`test.skip(cond, reason)`, `test.fixme(cond)`): what follows it runs when it is falsy. In a
 * group it skips the group's tests instead (groupSkipConditions).
 */
export function testSkipCondition(sourceCode: SourceCode, statement: Node): Node | undefined {
  if (statement.type !== 'ExpressionStatement' || isGroupBody(sourceCode, statement.parent)) return undefined;
  const skipped = conditionalSkip(sourceCode, statement.expression);
  return skipped && !isFunction(skipped) ? skipped : undefined;
}

const groupSkipCache = new WeakMap<readonly Node[], readonly Node[]>();

/**
 * The conditions of the Playwright skips of the group a test, hook or nested group `call` is
 * declared in (its statement list is a `test.describe` body or the file): its callbacks run only
 * where every one is falsy. A callback over the fixtures is read through its returned expression.
 */
function groupSkipConditions(sourceCode: SourceCode, call: TSESTree.CallExpression): readonly Node[] {
  const statement = call.parent;
  const list = statement.type === 'ExpressionStatement' && statement.expression === call ? statement.parent : undefined;
  if (!list || (list.type !== 'Program' && list.type !== 'BlockStatement') || !isGroupBody(sourceCode, list)) return [];
  if (playwrightRoot(sourceCode, call.callee) === undefined) return [];
  let conditions = groupSkipCache.get(list.body);
  if (!conditions) {
    conditions = [];
    for (const sibling of list.body) {
      const skipped = sibling.type === 'ExpressionStatement' ? conditionalSkip(sourceCode, sibling.expression) : undefined;
      const condition = skipped && isFunction(skipped) ? returnedExpression(skipped) : skipped;
      if (condition) conditions = [...conditions, condition];
    }
    groupSkipCache.set(list.body, conditions);
  }
  return conditions;
}

/** The file, or the body of a callback of `test.describe(…)` (and `.serial`, `.parallel`, `.only`). */
function isGroupBody(sourceCode: SourceCode, list: Node | undefined): boolean {
  if (list?.type === 'Program') return true;
  const callback = list?.type === 'BlockStatement' ? list.parent : undefined;
  const call = callback?.parent;
  if (!callback || !isFunction(callback) || call?.type !== 'CallExpression' || !call.arguments.some((argument) => argument === callback)) return false;
  for (let callee = skipTransparent(call.callee); callee.type === 'MemberExpression'; callee = skipTransparent(callee.object)) {
    if (memberName(callee) === 'describe') return playwrightRoot(sourceCode, callee.object) !== undefined;
  }
  return false;
}

/**
 * `test.skip(cond, reason?)` or `test.fixme(cond)` on a Playwright test: the condition, or the
 * callback over the fixtures. `test.skip(title, body)` declares a skipped test and is none.
 */
function conditionalSkip(sourceCode: SourceCode, expression: Node): Node | undefined {
  const call = skipTransparent(expression);
  if (call.type !== 'CallExpression' || call.callee.type !== 'MemberExpression') return undefined;
  const [condition, reason, ...rest] = call.arguments;
  const method = memberName(call.callee);
  if (method === undefined || !CONDITIONAL_SKIPS.has(method) || !condition || rest.length > 0) return undefined;
  if (condition.type === 'SpreadElement' || condition.type === 'Literal' || (reason && (reason.type === 'SpreadElement' || isFunction(reason)))) return undefined;
  if (condition.type === 'TemplateLiteral' || isStringLike(condition)) return undefined;
  return playwrightTest(sourceCode, call.callee.object) ? condition : undefined;
}

/** The Playwright test a member chain starts from (`test`, `test.describe`, `test.beforeEach`). */
function playwrightRoot(sourceCode: SourceCode, nodeIn: Node): Node | undefined {
  let node = skipTransparent(nodeIn);
  while (node.type === 'MemberExpression') node = skipTransparent(node.object);
  return playwrightTest(sourceCode, node) ? node : undefined;
}

/**
 * Whether `node` is Playwright's `test`: imported or required from '@playwright/test' (or
 * '@playwright/experimental-ct-*'), a wrapper from it (`base.extend({…})`), an alias, or imported
 * from another module of the project (its origin is not visible here).
 */
function playwrightTest(sourceCode: SourceCode, nodeIn: Node, depth = 0): boolean {
  const node = skipTransparent(nodeIn);
  if (depth > MAX_ALIAS_DEPTH) return false;
  if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && memberName(node.callee) === 'extend') {
    return playwrightTest(sourceCode, node.callee.object, depth + 1);
  }
  if (node.type === 'MemberExpression') {
    const source = requiredModule(sourceCode, node.object);
    return source !== undefined && isTestModule(source) && memberName(node) === 'test';
  }
  if (node.type !== 'Identifier') return false;
  const variable = resolveVariable(sourceCode, node);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type === 'ImportBinding' && definition.parent.type === 'ImportDeclaration') {
    return isTestModule(definition.parent.source.value);
  }
  if (definition?.type !== 'Variable') return false;
  const init = sourceInitializer(sourceCode, node);
  if (!init) return false;
  // `const { test } = require('@playwright/test')`
  const source = definition.node.id.type === 'ObjectPattern' ? requiredModule(sourceCode, init) : undefined;
  if (source !== undefined) return isTestModule(source);
  return definition.node.id.type === 'Identifier' && playwrightTest(sourceCode, init, depth + 1);
}

/** A module Playwright's `test` may come from: Playwright's own, or one of the project's. */
function isTestModule(source: string): boolean {
  return PLAYWRIGHT_MODULES.has(source) || source.startsWith('@playwright/experimental-ct-') || source.startsWith('.');
}

/** A condition a test callee runs its callbacks under, and whether it must be truthy. */
interface RunCondition {
  readonly test: Node;
  readonly assumed: boolean;
}

/** The conditions under which the test call `call` runs its callbacks: all must hold. */
function runConditions(sourceCode: SourceCode, calleeIn: Node, call: Node): readonly RunCondition[] {
  const callee = skipTransparent(calleeIn);
  const rebound = callee.type === 'Identifier' ? reboundTest(sourceCode, callee) : undefined;
  if (rebound) return rebound.lastWrite <= call.range[0] ? rebound.conditions : [];
  const runs = runCondition(sourceCode, callee);
  return runs ? [runs] : [];
}

/** A test binding rebound to its skipped form: the conditions its calls run under, and where its last write ends. */
interface ReboundTest {
  readonly conditions: readonly RunCondition[];
  readonly lastWrite: number;
}

/** Per variable, or per global name of a file: a rebound test binding, or null when the binding is not one. */
const reboundCache = new WeakMap<TSESLint.Scope.Variable, ReboundTest | null>();
const globalReboundCache = new WeakMap<Node, Map<string, ReboundTest | null>>();

/**
 * A binding every write of which is the framework's test function or, under a condition, its
 * skipped form: `let test = require('ava').default; if (isWindows) test = test.skip;` or
 * `test = isWindows ? test.skip : test`, also the runner's global (`describe = describe.skip`).
 * Each write is a statement of the binding's own statement list (a write in a function may never
 * run), and the calls after the last write run only where every condition proves it is not
 * skipped. Undefined when the binding is written once, or by anything else.
 */
function reboundTest(sourceCode: SourceCode, identifier: TSESTree.Identifier): ReboundTest | undefined {
  const variable = resolveVariable(sourceCode, identifier);
  const declared = variable !== undefined && variable.defs.length > 0;
  const program = sourceCode.ast;
  let perName = declared ? undefined : globalReboundCache.get(program);
  if (!declared && !perName) globalReboundCache.set(program, (perName = new Map()));
  const cached = declared ? reboundCache.get(variable) : perName?.get(identifier.name);
  if (cached !== undefined) return cached ?? undefined;
  const found = readRebinding(sourceCode, identifier, declared ? variable : undefined) ?? null;
  if (declared) reboundCache.set(variable, found);
  else perName?.set(identifier.name, found);
  return found ?? undefined;
}

function readRebinding(sourceCode: SourceCode, identifier: TSESTree.Identifier, variable: TSESLint.Scope.Variable | undefined): ReboundTest | undefined {
  let writes: TSESTree.Identifier[];
  let list: Node;
  if (variable) {
    const [definition] = variable.defs;
    if (variable.defs.length !== 1 || definition?.type !== 'Variable' || definition.name.parent !== definition.node || writableByEval(variable)) return undefined;
    // The declaration holds the framework's test; every other write rebinds it.
    if (!definition.node.init || !isRunningTest(sourceCode, definition.node.init, identifier.name)) return undefined;
    list = definition.parent.parent;
    writes = variable.references.filter((reference) => reference.isWrite() && reference.identifier !== definition.name).map((reference) => reference.identifier as TSESTree.Identifier);
  } else {
    // The runner's global, not declared in the file: its writes are at the top of the file.
    if (!TEST_FUNCTIONS.has(identifier.name)) return undefined;
    list = sourceCode.ast;
    writes = (globalReferences(sourceCode, [identifier.name]).get(identifier.name) ?? []).filter((reference) => isAssignedTo(reference));
  }
  if (writes.length === 0) return undefined;
  const conditions: RunCondition[] = [];
  let lastWrite = 0;
  for (const write of writes) {
    const condition = rebindCondition(sourceCode, write, list);
    if (!condition) return undefined;
    conditions.push(condition);
    lastWrite = Math.max(lastWrite, write.range[1]);
  }
  return { conditions, lastWrite };
}

function isAssignedTo(identifier: TSESTree.Identifier): boolean {
  return identifier.parent.type === 'AssignmentExpression' && identifier.parent.left === identifier;
}

/**
 * The condition of one rebinding statement of `list`: `if (cond) test = test.skip;` (no `else`),
 * or `test = cond ? test.skip : test`. Undefined for any other write.
 */
function rebindCondition(sourceCode: SourceCode, write: TSESTree.Identifier, list: Node): RunCondition | undefined {
  const assignment = write.parent;
  if (assignment.type !== 'AssignmentExpression' || assignment.operator !== '=' || assignment.left !== write) return undefined;
  const statement = assignment.parent;
  if (statement.type !== 'ExpressionStatement') return undefined;
  const value = skipTransparent(assignment.right);
  if (statement.parent === list) {
    if (value.type !== 'ConditionalExpression') return undefined;
    const skipsWhenTrue = isSkipped(sourceCode, value.consequent, write.name);
    const skipsWhenFalse = isSkipped(sourceCode, value.alternate, write.name);
    const other = skipsWhenTrue ? value.alternate : value.consequent;
    return skipsWhenTrue !== skipsWhenFalse && isRunningTest(sourceCode, other, write.name) ? { test: value.test, assumed: skipsWhenFalse } : undefined;
  }
  const block = statement.parent.type === 'BlockStatement' && statement.parent.body.length === 1 ? statement.parent : statement;
  const branch = block.parent;
  if (branch?.type !== 'IfStatement' || branch.consequent !== block || branch.alternate || branch.parent !== list) return undefined;
  return isSkipped(sourceCode, value, write.name) ? { test: branch.test, assumed: false } : undefined;
}

/** The framework's test itself (not skipped): the rebound name, a framework test, or one required. */
function isRunningTest(sourceCode: SourceCode, nodeIn: Node, self: string): boolean {
  const node = skipTransparent(nodeIn);
  if (node.type === 'Identifier') return node.name === self || frameworkOf(sourceCode, node) !== undefined;
  return requiredTest(sourceCode, node) !== undefined;
}

/** The skipped form of a test: `test.skip`, `it.todo` of the rebound name or a framework test, `xit`. */
function isSkipped(sourceCode: SourceCode, nodeIn: Node, self: string): boolean {
  const node = skipTransparent(nodeIn);
  if (node.type === 'MemberExpression' && SKIPPED.has(memberName(node) ?? '')) return isRunningTest(sourceCode, node.object, self);
  return isSkippedTest(sourceCode, node);
}

/**
 * `require('ava')`, `require('ava').default` (a framework whose default export is its test), or
 * `require('vitest').it`: the framework, when what is required is one of `names`.
 */
function requiredTest(sourceCode: SourceCode, node: Node, names = TEST_FUNCTIONS): Framework | undefined {
  const member = node.type === 'MemberExpression' ? memberName(node) : 'default';
  const source = requiredModule(sourceCode, node.type === 'MemberExpression' ? node.object : node);
  if (source === undefined || member === undefined || !TEST_MODULES.has(source)) return undefined;
  const imported = member === 'default' ? (DEFAULT_TESTS.has(source) ? 'test' : undefined) : member;
  return imported !== undefined && names.has(imported) ? source : undefined;
}

/** The condition under which a test callee runs its callbacks, and whether it must be truthy. */
function runCondition(sourceCode: SourceCode, calleeIn: Node): RunCondition | undefined {
  let callee = skipTransparent(calleeIn);
  if (callee.type === 'Identifier' && !frameworkOf(sourceCode, callee)) {
    const init = constantInitializer(sourceCode, callee);
    if (init) callee = skipTransparent(init);
  }
  if (callee.type === 'CallExpression' && callee.callee.type === 'MemberExpression') {
    const method = memberName(callee.callee);
    const [condition] = callee.arguments;
    const framework = condition && condition.type !== 'SpreadElement' ? testRoot(sourceCode, callee.callee.object) : undefined;
    const runIf = method === 'runIf' || (method === 'if' && framework === 'bun:test');
    if ((method === 'skipIf' || runIf) && condition && condition.type !== 'SpreadElement' && framework) return { test: condition, assumed: runIf };
  }
  if (callee.type === 'ConditionalExpression') {
    const skipsWhenTrue = isSkippedTest(sourceCode, callee.consequent);
    const skipsWhenFalse = isSkippedTest(sourceCode, callee.alternate);
    const other = skipsWhenTrue ? callee.alternate : callee.consequent;
    if (skipsWhenTrue !== skipsWhenFalse && testRoot(sourceCode, other)) return { test: callee.test, assumed: skipsWhenFalse };
  }
  return undefined;
}

/** `it.skip`, `test.todo`, `describe.skip`, `xit`, `xtest`, `xdescribe`. */
function isSkippedTest(sourceCode: SourceCode, nodeIn: Node): boolean {
  const node = skipTransparent(nodeIn);
  if (node.type === 'Identifier') return frameworkOf(sourceCode, node, SKIPPED_FUNCTIONS) !== undefined;
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
  // `const test = require('ava')`
  const init = definition?.type === 'Variable' && definition.node.id === definition.name ? sourceInitializer(sourceCode, identifier) : undefined;
  if (init) return requiredTest(sourceCode, skipTransparent(init), names);
  if (variable.defs.length === 1 && definition?.type === 'Parameter') return subtestFramework(sourceCode, definition);
  if (variable.defs.length !== 1 || definition?.type !== 'ImportBinding') return undefined;
  const declaration = definition.parent;
  const specifier = definition.node;
  if (declaration.type !== 'ImportDeclaration' || !TEST_MODULES.has(declaration.source.value)) return undefined;
  let imported: string | undefined;
  if (specifier.type === 'ImportSpecifier') imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
  // `import test from 'node:test'`, `import test from 'ava'`
  else if (specifier.type === 'ImportDefaultSpecifier' && DEFAULT_TESTS.has(declaration.source.value)) imported = 'test';
  return imported !== undefined && names.has(imported) ? declaration.source.value : undefined;
}

/**
 * The framework whose test hands a parameter to its callback as the test object: `t` of
 * `t.test('x', (t) => …)` under tap's root `t`, or of `test('x', (t) => …)` of node:test, for the
 * frameworks with subtests. Followed up through enclosing subtests, at most MAX_SUBTEST_DEPTH.
 */
function subtestFramework(sourceCode: SourceCode, parameter: TSESLint.Scope.Definition): Framework | undefined {
  let definition = parameter;
  for (let depth = 0; depth < MAX_SUBTEST_DEPTH && definition.type === 'Parameter'; depth += 1) {
    const callback = definition.node;
    const call = callback.parent;
    if (!isFunction(callback) || callback.params[0] !== definition.name || call?.type !== 'CallExpression' || !call.arguments.includes(callback as TSESTree.CallExpressionArgument)) return undefined;
    let root = skipTransparent(call.callee);
    while (root.type === 'MemberExpression') root = skipTransparent(root.object);
    if (root.type !== 'Identifier') return undefined;
    const variable = resolveVariable(sourceCode, root);
    const next = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (next?.type !== 'Parameter') {
      const framework = frameworkOf(sourceCode, root);
      return framework !== undefined && SUBTEST_FRAMEWORKS.has(framework) ? framework : undefined;
    }
    definition = next;
  }
  return undefined;
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
  // node:test's `t.skip()` only marks the test; ava's `t` has no `skip()`.
  return framework !== undefined && framework !== 'node:test' && framework !== 'ava';
}

const THROW_MATCHERS = new Set(['toThrow', 'toThrowError']);
const EXPECT = new Set(['expect']);

/**
 * Whether `node` is the whole of a callback that an assertion expects to throw synchronously:
 * `assert.throws(() => start())` (node:assert, also `assert.strict.throws` and a named `throws`),
 * `expect(() => start()).toThrow()`. In a passing run the call throws instead of starting anything
 * (a runtime's stub that refuses it, or invalid arguments), so it is no start. Only a call that is
 * the callback's whole body: anything before it may be what throws, and then the call never runs.
 */
export function isAssertedToThrow(sourceCode: SourceCode, node: Node): boolean {
  let body: Node = node;
  while (body.parent && skipTransparent(body.parent) === node) body = body.parent;
  let callback = body.parent;
  if ((callback?.type === 'ExpressionStatement' || callback?.type === 'ReturnStatement') && callback.parent?.type === 'BlockStatement') {
    const block = callback.parent;
    callback = block.body.length === 1 ? block.parent : undefined;
  } else if (callback?.type !== 'ArrowFunctionExpression' || callback.body !== body) callback = undefined;
  const call = callback && isFunction(callback) ? callback.parent : undefined;
  if (call?.type !== 'CallExpression' || call.arguments[0] !== callback) return false;
  return isAssertThrows(sourceCode, call.callee) || isExpectToThrow(sourceCode, call);
}

/** `assert.throws`, `assert.strict.throws` or `throws` of node:assert, imported or required. */
function isAssertThrows(sourceCode: SourceCode, calleeIn: Node): boolean {
  const callee = skipTransparent(calleeIn);
  if (callee.type === 'Identifier') return assertBinding(sourceCode, callee) === 'throws';
  return callee.type === 'MemberExpression' && memberName(callee) === 'throws' && isAssertObject(sourceCode, callee.object);
}

/** `expect(fn).toThrow(…)` with a test framework's `expect` (not `.not.toThrow()`). */
function isExpectToThrow(sourceCode: SourceCode, call: TSESTree.CallExpression): boolean {
  const member = call.parent;
  if (member.type !== 'MemberExpression' || member.object !== call || !THROW_MATCHERS.has(memberName(member) ?? '')) return false;
  const callee = skipTransparent(call.callee);
  return member.parent.type === 'CallExpression' && callee.type === 'Identifier' && frameworkOf(sourceCode, callee, EXPECT) !== undefined;
}

