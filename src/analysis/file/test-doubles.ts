/**
 * The modules a file replaces with test doubles, wholly or in part: a start reached through them
 * may run the double, so it proves nothing. The forms:
 * - the runners' module mocks for the whole module graph: `vi.mock('m')` / `jest.mock('m')` at the
 *   top level (`vi` from vitest, `jest` from @jest/globals, or the runner's global), without a
 *   factory (an automock or the test's manual mock) or with one that takes nothing of the real
 *   module (no parameter, no `importActual`/`requireActual`/`importOriginal`); testdouble's
 *   `td.replace('m')` / `td.replaceEsm('m')`;
 * - a member of the module's object replaced anywhere in the file (the analysis does not follow
 *   when a test's double is in place): `td.replace(cp, 'spawn')`, sinon's `stub`/`replace` (also
 *   on a sandbox from `sinon.createSandbox()`), the runners' `spyOn` (a spy that may be given an
 *   implementation at any later point), `Object.defineProperty(cp, …)`, `cp.spawn = …`. `cp` is a
 *   whole-module binding: a default or namespace import, or `require('m')`. sinon's `spy` calls
 *   through and replaces nothing.
 * Libraries are resolved through the scope manager. Specifiers as written, without `node:`.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { isFunction, memberName, skipTransparent, stringValue, walk } from '../syntax/ast.js';
import { isGlobalIdentifier, requiredModule, resolveVariable, writeCount } from '../syntax/scope.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

/** The test runners' module mocks, and the calls in a mock factory that reach the real module. */
const MOCKERS = new Map([
  ['vi', 'vitest'],
  ['jest', '@jest/globals'],
]);
const REAL_MODULE_CALLS = new Set(['importActual', 'requireActual', 'importOriginal']);
/** The methods of each double library that put a double in a member's place. */
const MEMBER_REPLACERS = new Map([
  ['testdouble', new Set(['replace'])],
  ['sinon', new Set(['stub', 'replace', 'replaceGetter', 'replaceSetter'])],
]);
const MODULE_REPLACERS = new Set(['replace', 'replaceEsm']);
const SANDBOX_FACTORIES = new Set(['createSandbox', 'create']);

/** The modules the file replaces with doubles, specifiers without `node:`. */
export function mockedModules(sourceCode: SourceCode): ReadonlySet<string> {
  const mocked = new Set<string>();
  const add = (specifier: string): void => void mocked.add(specifier.replace(/^node:/, ''));
  for (const statement of sourceCode.ast.body) {
    const mock = statement.type === 'ExpressionStatement' ? runnerMock(sourceCode, statement.expression) : undefined;
    if (mock !== undefined) add(mock);
    for (const { variable, specifier } of moduleBindings(sourceCode, statement)) {
      for (const reference of variable.references) {
        if (!reference.isRead() || reference.identifier.type !== 'Identifier') continue;
        if (specifier === 'testdouble') {
          const replaced = replacedModule(reference.identifier);
          if (replaced !== undefined) add(replaced);
        } else if (isMemberReplaced(sourceCode, reference.identifier)) add(specifier);
      }
    }
  }
  return mocked;
}

/** `vi.mock('m')` / `jest.mock('m', factory)` that replaces the real module: 'm'. */
function runnerMock(sourceCode: SourceCode, expression: Node): string | undefined {
  const call = skipTransparent(expression);
  if (call.type !== 'CallExpression' || call.callee.type !== 'MemberExpression' || memberName(call.callee) !== 'mock') return undefined;
  const [specifier, factory, ...rest] = call.arguments;
  const name = specifier && stringValue(specifier);
  if (name === undefined || rest.length > 0 || !isMocker(sourceCode, call.callee.object)) return undefined;
  if (factory && !(isFunction(factory) && factory.params.length === 0 && !reachesRealModule(sourceCode, factory))) return undefined;
  return name;
}

function isMocker(sourceCode: SourceCode, nodeIn: Node): boolean {
  const node = skipTransparent(nodeIn);
  const module = node.type === 'Identifier' ? MOCKERS.get(node.name) : undefined;
  if (!module || node.type !== 'Identifier') return false;
  const variable = resolveVariable(sourceCode, node);
  if (!variable || variable.defs.length === 0) return true;
  const definition = variable.defs.length === 1 ? variable.defs[0] : undefined;
  return definition?.type === 'ImportBinding' && definition.parent.type === 'ImportDeclaration' && definition.parent.source.value === module;
}

function reachesRealModule(sourceCode: SourceCode, factory: Node): boolean {
  let reaches = false;
  walk(factory, sourceCode.visitorKeys, (node) => {
    if (node.type === 'MemberExpression' && REAL_MODULE_CALLS.has(memberName(node) ?? '')) reaches = true;
    if (node.type === 'Identifier' && REAL_MODULE_CALLS.has(node.name)) reaches = true;
    return !reaches;
  });
  return reaches;
}

interface ModuleBinding {
  readonly variable: TSESLint.Scope.Variable;
  readonly specifier: string;
}

/** The whole-module bindings a top-level statement declares: default and namespace imports, `const x = require('m')`. */
function moduleBindings(sourceCode: SourceCode, statement: Node): ModuleBinding[] {
  const found: ModuleBinding[] = [];
  if (statement.type === 'ImportDeclaration' && statement.importKind !== 'type') {
    for (const specifier of statement.specifiers) {
      if (specifier.type === 'ImportSpecifier') continue;
      const [variable] = sourceCode.getDeclaredVariables(specifier);
      if (variable) found.push({ variable, specifier: statement.source.value });
    }
  } else if (statement.type === 'VariableDeclaration') {
    for (const declarator of statement.declarations) {
      const specifier = declarator.init && declarator.id.type === 'Identifier' ? requiredModule(sourceCode, declarator.init) : undefined;
      const [variable] = specifier === undefined ? [] : sourceCode.getDeclaredVariables(declarator);
      if (variable && specifier !== undefined && writeCount(variable) <= 1) found.push({ variable, specifier });
    }
  }
  return found;
}

/** `td.replace('m')` / `td.replaceEsm('m')` read through testdouble's binding: 'm'. */
function replacedModule(library: TSESTree.Identifier): string | undefined {
  const member = library.parent;
  if (member.type !== 'MemberExpression' || member.object !== library || !MODULE_REPLACERS.has(memberName(member) ?? '')) return undefined;
  const call = member.parent;
  const [argument] = call.type === 'CallExpression' && call.callee === member ? call.arguments : [];
  return argument ? stringValue(argument) : undefined;
}

/** Whether a read of a module's object puts a double in one of its members' place. */
function isMemberReplaced(sourceCode: SourceCode, object: TSESTree.Identifier): boolean {
  const parent = object.parent;
  // `cp.spawn = fake`
  if (parent.type === 'MemberExpression' && parent.object === object) {
    return parent.parent.type === 'AssignmentExpression' && parent.parent.left === parent;
  }
  if (parent.type !== 'CallExpression' || parent.arguments[0] !== object || parent.callee.type !== 'MemberExpression') return false;
  const method = memberName(parent.callee) ?? '';
  const library = skipTransparent(parent.callee.object);
  if (method === 'spyOn') return isMocker(sourceCode, library);
  if (method === 'defineProperty' || method === 'defineProperties') return isGlobalIdentifier(sourceCode, library, 'Object');
  const module = doubleLibrary(sourceCode, library);
  return module !== undefined && MEMBER_REPLACERS.get(module)?.has(method) === true;
}

/** The double library an expression is: its import or `require()`, or a sinon sandbox made from it. */
function doubleLibrary(sourceCode: SourceCode, node: Node, depth = 0): string | undefined {
  if (node.type !== 'Identifier' || depth > 1) return undefined;
  const variable = resolveVariable(sourceCode, node);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || !definition) return undefined;
  if (definition.type === 'ImportBinding') {
    const declaration = definition.parent;
    const whole = definition.node.type !== 'ImportSpecifier';
    return whole && declaration.type === 'ImportDeclaration' && MEMBER_REPLACERS.has(declaration.source.value) ? declaration.source.value : undefined;
  }
  if (definition.type !== 'Variable' || !definition.node.init || writeCount(variable) > 1 || definition.node.id !== definition.name) return undefined;
  const init = skipTransparent(definition.node.init);
  const required = requiredModule(sourceCode, init);
  if (required !== undefined) return MEMBER_REPLACERS.has(required) ? required : undefined;
  // `sinon.createSandbox()`, `sinon.sandbox.create()`
  if (init.type !== 'CallExpression' || init.callee.type !== 'MemberExpression' || !SANDBOX_FACTORIES.has(memberName(init.callee) ?? '')) return undefined;
  const factory = skipTransparent(init.callee.object);
  const owner = factory.type === 'MemberExpression' && memberName(factory) === 'sandbox' ? skipTransparent(factory.object) : factory;
  return doubleLibrary(sourceCode, owner, depth + 1) === 'sinon' ? 'sinon' : undefined;
}
