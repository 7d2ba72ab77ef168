/**
 * Whether the code tests the failure a start tells in its result (spawnSync's `{ error, status }`,
 * execa's `{ failed, exitCode }` with `reject: false`): a condition reads one of the fields that tell
 * it, on the result itself, on the variable it is assigned to, or through a name destructured from
 * it; and the error a callback-style start (`exec(cmd, (error) => …)`) hands its callback, when the
 * callback only tests it. Reading other fields (`stdout`) or passing a field on (`process.exit(status)`)
 * tests nothing, and an `if` that throws on the failure passes it on.
 * Each read is looked at once, through the scope manager.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { isFunction, memberName, outerValue, walk } from '../syntax/ast.js';
import { resolveVariable } from '../syntax/scope.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

const COMPARISONS: ReadonlySet<string> = new Set(['==', '!=', '===', '!==', '<', '<=', '>', '>=']);

/**
 * Whether the result of the call at `node` has one of `fields` tested: the value there, or with
 * `resolves` what its promise resolves with (awaited, or the parameter of a `.then` callback).
 */
export function isResultTested(sourceCode: SourceCode, node: Node, resolves: boolean, fields: readonly string[]): boolean {
  const value = outerValue(node);
  if (!resolves) return isValueTested(sourceCode, value, fields);
  const { parent } = value;
  if (parent?.type === 'AwaitExpression') return isValueTested(sourceCode, outerValue(parent), fields);
  if (parent?.type !== 'MemberExpression' || parent.object !== value || memberName(parent) !== 'then') return false;
  const call = parent.parent;
  const [onResult] = call.type === 'CallExpression' && call.callee === parent ? call.arguments : [];
  const [param] = onResult && isFunction(onResult) ? onResult.params : [];
  return param !== undefined && isPatternTested(sourceCode, param, fields);
}

/**
 * Whether the callback written as the start's last argument tests its error and does nothing else
 * with it: every read of its first parameter is a condition (`if (!error) …`, `done(!error)`) whose
 * `if` neither throws nor calls a parameter of a function around it (`reject(…)`, `callback(…)`).
 * Passed on, logged or never read, the failure is not handled there.
 */
export function isCallbackErrorTested(sourceCode: SourceCode, call: Node): boolean {
  if (call.type !== 'CallExpression') return false;
  const callback = call.arguments.at(-1);
  const [error] = callback && isFunction(callback) ? callback.params : [];
  if (error?.type !== 'Identifier') return false;
  const reads = readsOf(sourceCode, error);
  return reads.length > 0 && reads.every((read) => isCondition(read) && !rethrows(read) && !callsParameterOnIt(sourceCode, read));
}

/** Whether a branch of the `if` whose test holds `node` calls a parameter with arguments: the failure handed to a caller. */
function callsParameterOnIt(sourceCode: SourceCode, node: Node): boolean {
  const statement = testedStatement(node);
  if (!statement) return false;
  let found = false;
  for (const branch of [statement.consequent, statement.alternate]) {
    if (!branch || found) continue;
    walk(branch, sourceCode.visitorKeys, (inner) => {
      if (found || isFunction(inner)) return false;
      if (inner.type !== 'CallExpression' || inner.arguments.length === 0 || inner.callee.type !== 'Identifier') return true;
      found = resolveVariable(sourceCode, inner.callee)?.defs.some((definition) => definition.type === 'Parameter') === true;
      return !found;
    });
  }
  return found;
}

/** Whether a field of the result `value` is tested: read on it, or on the binding it is assigned to. */
function isValueTested(sourceCode: SourceCode, value: Node, fields: readonly string[]): boolean {
  const { parent } = value;
  if (parent?.type === 'MemberExpression' && parent.object === value) return isFieldTested(parent, fields);
  if (parent?.type === 'VariableDeclarator' && parent.init === value) return isPatternTested(sourceCode, parent.id, fields);
  if (parent?.type === 'AssignmentExpression' && parent.right === value && parent.operator === '=') return isPatternTested(sourceCode, parent.left, fields);
  return false;
}

/** Whether the result a pattern binds has a field tested: `r` and then `r.error`, or `{ error }` and then `error`. */
function isPatternTested(sourceCode: SourceCode, pattern: Node, fields: readonly string[]): boolean {
  const target = pattern.type === 'AssignmentPattern' ? pattern.left : pattern;
  if (target.type === 'Identifier') return readsOf(sourceCode, target).some((read) => read.parent.type === 'MemberExpression' && read.parent.object === read && isFieldTested(read.parent, fields));
  if (target.type !== 'ObjectPattern') return false;
  return target.properties.some((property) => {
    if (property.type !== 'Property' || property.computed || property.key.type !== 'Identifier' || !fields.includes(property.key.name)) return false;
    const bound = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
    return bound.type === 'Identifier' && readsOf(sourceCode, bound).some((read) => isCondition(read) && !rethrows(read));
  });
}

function isFieldTested(member: TSESTree.MemberExpression, fields: readonly string[]): boolean {
  const name = memberName(member);
  return name !== undefined && fields.includes(name) && isCondition(member) && !rethrows(member);
}

/** The reads of the variable `identifier` names. */
function readsOf(sourceCode: SourceCode, identifier: TSESTree.Identifier): TSESTree.Identifier[] {
  const variable = resolveVariable(sourceCode, identifier);
  return (variable?.references ?? []).filter((reference) => reference.isRead()).map((reference) => reference.identifier).filter((read): read is TSESTree.Identifier => read.type === 'Identifier');
}

/**
 * Whether the `if` whose test holds `node` throws in a branch (`if (error) throw error;`, a block that
 * logs and throws): the failure is passed on as a throw, not handled. Either branch counts, since
 * which one the failure takes is not read.
 */
function rethrows(node: Node): boolean {
  const statement = testedStatement(node);
  return statement !== undefined && [statement.consequent, statement.alternate].some((branch) => branch !== null && branch !== undefined && throwsAtTop(branch));
}

/** The `if` whose test is built around `node`. */
function testedStatement(node: Node): TSESTree.IfStatement | undefined {
  let current: Node = node;
  while (current.parent && isTestPart(current.parent)) current = current.parent;
  const statement = current.parent;
  return statement?.type === 'IfStatement' && statement.test === current ? statement : undefined;
}

/** The expressions a test is built of around a read: member reads, `!`, comparisons, `&&`, `||`, `??`. */
function isTestPart(node: Node): boolean {
  return node.type === 'MemberExpression' || node.type === 'UnaryExpression' || node.type === 'BinaryExpression' || node.type === 'LogicalExpression' || node.type === 'ChainExpression' || node.type === 'TSNonNullExpression';
}

/** A `throw` as the branch, or as a statement of the block that is the branch. */
function throwsAtTop(branch: TSESTree.Statement): boolean {
  return branch.type === 'ThrowStatement' || (branch.type === 'BlockStatement' && branch.body.some((statement) => statement.type === 'ThrowStatement'));
}

/** Whether the value at `node` decides something: a test, negated, compared, or an operand of `&&`, `||`, `??`. */
function isCondition(node: Node): boolean {
  const value = outerValue(node);
  const { parent } = value;
  switch (parent?.type) {
    case 'UnaryExpression':
      return parent.operator === '!';
    case 'BinaryExpression':
      return COMPARISONS.has(parent.operator);
    case 'LogicalExpression':
      return true;
    case 'IfStatement':
    case 'ConditionalExpression':
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'ForStatement':
      return parent.test === value;
    case 'SwitchStatement':
      return parent.discriminant === value;
    default:
      return false;
  }
}
