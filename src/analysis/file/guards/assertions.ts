/**
 * node:assert, as the guards read it: `assert(ok)`, `assert.ok(ok)` and `assert.strict(ok)` throw
 * unless `ok` is truthy, so the statements after one may assume `ok` (propagation.ts), and
 * `assert.throws(fn)` expects `fn` to throw (test-guards.ts). Only node:assert's functions, resolved
 * through scope: `console.assert` logs and goes on, and a local `assert` may do anything.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { memberName, skipTransparent } from '../../syntax/ast.js';
import { requiredModule, resolveVariable } from '../../syntax/scope.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

const ASSERT_MODULES = new Set(['assert', 'node:assert', 'assert/strict', 'node:assert/strict']);
/** The functions of node:assert that throw unless their first argument is truthy. */
const TRUTHY_ASSERTIONS = new Set(['ok', 'strict']);

/** The condition an `assert(ok)`, `assert.ok(ok)` or `assert.strict(ok)` call of node:assert requires; undefined for any other expression. */
export function assertedCondition(sourceCode: SourceCode, expression: Node): Node | undefined {
  const call = skipTransparent(expression);
  if (call.type !== 'CallExpression') return undefined;
  const [first] = call.arguments;
  if (!first || first.type === 'SpreadElement') return undefined;
  const callee = skipTransparent(call.callee);
  let asserts: boolean;
  if (callee.type === 'Identifier') {
    const name = assertBinding(sourceCode, callee);
    asserts = name === 'default' || TRUTHY_ASSERTIONS.has(name ?? '');
  } else if (callee.type === 'MemberExpression') {
    asserts = TRUTHY_ASSERTIONS.has(memberName(callee) ?? '') && isAssertObject(sourceCode, callee.object);
  } else {
    // `require('node:assert')(ok)`
    asserts = ASSERT_MODULES.has(requiredModule(sourceCode, callee) ?? '');
  }
  return asserts ? first : undefined;
}

/** Whether a call is one of node:assert's: `assert.strictEqual(…)`, `equal(…)` imported from it, `assert(…)`. */
export function isAssertionCall(sourceCode: SourceCode, call: TSESTree.CallExpression): boolean {
  const callee = skipTransparent(call.callee);
  if (callee.type === 'Identifier') return assertBinding(sourceCode, callee) !== undefined;
  if (callee.type === 'MemberExpression') return isAssertObject(sourceCode, callee.object);
  return ASSERT_MODULES.has(requiredModule(sourceCode, callee) ?? '');
}

/** Whether a node is node:assert or its `strict` object: `assert`, `assert.strict`, `require('assert')`, `import * as assert`. */
export function isAssertObject(sourceCode: SourceCode, objectIn: Node): boolean {
  let object = skipTransparent(objectIn);
  if (object.type === 'MemberExpression' && memberName(object) === 'strict') object = skipTransparent(object.object);
  if (object.type !== 'Identifier') return ASSERT_MODULES.has(requiredModule(sourceCode, object) ?? '');
  const name = assertBinding(sourceCode, object);
  return name === 'default' || name === '*' || name === 'strict';
}

/** What an identifier is bound to from node:assert: an imported or destructured name, `default`, or `*`. */
export function assertBinding(sourceCode: SourceCode, identifier: TSESTree.Identifier): string | undefined {
  const variable = resolveVariable(sourceCode, identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type === 'ImportBinding' && definition.parent.type === 'ImportDeclaration') {
    if (!ASSERT_MODULES.has(definition.parent.source.value)) return undefined;
    const specifier = definition.node;
    if (specifier.type === 'ImportSpecifier') return specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
    return specifier.type === 'ImportDefaultSpecifier' ? 'default' : '*';
  }
  if (definition?.type !== 'Variable' || !definition.node.init) return undefined;
  const source = requiredModule(sourceCode, definition.node.init);
  if (source === undefined || !ASSERT_MODULES.has(source)) return undefined;
  const { id } = definition.node;
  if (id.type === 'Identifier') return 'default';
  if (id.type !== 'ObjectPattern') return undefined;
  const property = id.properties.find((candidate) => candidate.type === 'Property' && candidate.value === definition.name);
  return property?.type === 'Property' && !property.computed && property.key.type === 'Identifier' ? property.key.name : undefined;
}
