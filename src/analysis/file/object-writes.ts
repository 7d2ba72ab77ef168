/**
 * What happens to an object after it is created: `const options = { stdio: 'inherit' }` is not the
 * whole story when `options.shell = true`, `delete options.shell`, `Object.assign(options, extra)`
 * or `configure(options)` follows. For one property read at one point, the writes of that property
 * are placed relative to the read: an unconditional write before it in straight-line code replaces
 * the value, a write in a branch, a loop or a `try` adds one, a write after it is ignored. Any use
 * that lets other code reach the object (it is passed to a function, stored, aliased, written
 * through a computed key, or written in another function) makes the property unknown.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isBuiltin } from 'node:module';

import { isFunction, memberName, skipTransparent } from '../syntax/ast.js';
import { isGlobalIdentifier, writableByEval } from '../syntax/scope.js';
import type { ReferenceIndex } from './references.js';

type Node = TSESTree.Node;

/** A value a property can hold at the read; `null` is absent (never set, or deleted). */
export type PropertyValue = Node | null;

/** How the writes after creation change one property at one read. */
export interface PropertyHistory {
  /** The value of the last unconditional write before the read, if any: the literal's is gone. */
  readonly replaced?: PropertyValue;
  /** Values of writes that happen before the read only on some paths. */
  readonly sometimes: readonly PropertyValue[];
}

/**
 * The writes of `property` of the object `variable` holds, as seen from `read` (a reference to the
 * variable). Undefined when the object can be changed in a way the file does not show.
 */
export function propertyHistory(
  sourceCode: Readonly<TSESLint.SourceCode>,
  variable: TSESLint.Scope.Variable,
  references: ReferenceIndex | undefined,
  property: string,
  read: Node,
): PropertyHistory | undefined {
  if (writableByEval(variable)) return undefined;
  const uses = usesOf(sourceCode, variable, references);
  // The read itself may hand the object on (`run(cmd, options)` asks about `options` there).
  if (uses.escapes.some((escape) => escape !== read)) return undefined;
  let replaced: { at: Node; value: PropertyValue } | undefined;
  const sometimes: { at: Node; value: PropertyValue }[] = [];
  for (const use of uses.writes) {
    if (use.name !== property) continue;
    const place = placeOf(use.statement, read);
    if (place === 'unknown') return undefined;
    if (place === 'before' && (!replaced || replaced.at.range[0] < use.statement.range[0])) replaced = { at: use.statement, value: use.value };
    if (place === 'sometimes') sometimes.push({ at: use.statement, value: use.value });
  }
  // A write in a branch before the replacing one is overwritten by it.
  const kept = sometimes.filter((write) => !replaced || write.at.range[0] > replaced.at.range[1]).map((write) => write.value);
  return replaced ? { replaced: replaced.value, sometimes: kept } : { sometimes: kept };
}

/**
 * Whether code the file does not show may change the object `variable` holds: a use that `allowed`
 * does not accept hands it on (passed to a function, stored, aliased, `Object.assign` target, a
 * computed write or a `delete`), or a direct `eval` may write it.
 */
export function reachedElsewhere(
  sourceCode: Readonly<TSESLint.SourceCode>,
  variable: TSESLint.Scope.Variable,
  references: ReferenceIndex | undefined,
  allowed: (use: Node) => boolean,
): boolean {
  return writableByEval(variable) || usesOf(sourceCode, variable, references).escapes.some((escape) => !allowed(escape));
}

type Write = { readonly name: string; readonly value: PropertyValue; readonly statement: Node };
export type Use = 'read' | 'escape' | Write;

/** The writes of an object variable and the references that let other code reach it. */
interface Uses {
  readonly writes: readonly Write[];
  readonly escapes: readonly Node[];
}

/** Asked once per variable, whatever property or read. */
const usesCache = new WeakMap<TSESLint.Scope.Variable, Uses>();

function usesOf(sourceCode: Readonly<TSESLint.SourceCode>, variable: TSESLint.Scope.Variable, references: ReferenceIndex | undefined): Uses {
  const cached = usesCache.get(variable);
  if (cached) return cached;
  const uses = { writes: [] as Write[], escapes: [] as Node[] };
  for (const reference of variable.references) {
    const identifier = reference.identifier as Node;
    const use = reference.init ? 'read' : useOf(identifier, sourceCode, references);
    if (use === 'escape') uses.escapes.push(identifier);
    else if (use !== 'read') uses.writes.push(use);
  }
  usesCache.set(variable, uses);
  return uses;
}

/**
 * What one reference to the object does with it: `identifier`, or any expression that evaluates to
 * the object (`this.options`). A read, a write of one of its properties, or an escape.
 */
export function useOf(identifier: Node, sourceCode: Readonly<TSESLint.SourceCode>, references: ReferenceIndex | undefined): Use {
  let node = identifier;
  while (node.parent && skipTransparent(node.parent) === identifier && node.parent.type !== 'ChainExpression') node = node.parent;
  const parent = node.parent;
  if (!parent) return 'escape';
  switch (parent.type) {
    case 'MemberExpression':
      return parent.object === node ? memberUse(parent) : 'read';
    case 'SpreadElement':
      return parent.parent.type === 'ObjectExpression' ? 'read' : 'escape';
    case 'BinaryExpression':
    case 'TemplateLiteral':
    case 'IfStatement':
      return 'read';
    case 'UnaryExpression':
      return parent.operator === 'delete' ? 'escape' : 'read';
    case 'CallExpression':
    case 'NewExpression':
      return parent.callee !== node && readsOnly(parent, node, sourceCode, references) ? 'read' : 'escape';
    default:
      return 'escape';
  }
}

/** `object.name` used: a read, an assignment, a `delete`, or anything else that may change it. */
function memberUse(member: TSESTree.MemberExpression): Use {
  const parent = member.parent;
  const name = memberName(member);
  const statement = parent.parent;
  if (parent.type === 'AssignmentExpression' && parent.left === member) {
    if (name === undefined || parent.operator !== '=' || statement?.type !== 'ExpressionStatement') return 'escape';
    return { name, value: parent.right, statement };
  }
  if (parent.type === 'UnaryExpression' && parent.operator === 'delete') {
    return name === undefined || statement?.type !== 'ExpressionStatement' ? 'escape' : { name, value: null, statement };
  }
  // `options.reset()` may write `this`; `options.count++` writes; `options.env.PATH = …` writes inside.
  if ((parent.type === 'CallExpression' && parent.callee === member) || parent.type === 'UpdateExpression') return 'escape';
  if (parent.type === 'MemberExpression' && parent.object === member) return memberUse(parent) === 'read' ? 'read' : 'escape';
  if (name === undefined && (parent.type === 'AssignmentExpression' || parent.type === 'ForInStatement' || parent.type === 'ForOfStatement')) {
    return 'escape';
  }
  return 'read';
}

/**
 * Calls that only read their arguments: functions of Node's built-in modules (a start reads its
 * options), `console`, and the sources of `Object.assign(target, ...sources)`.
 */
function readsOnly(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  argument: Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
  references: ReferenceIndex | undefined,
): boolean {
  const callee = skipTransparent(call.callee);
  if (callee.type === 'MemberExpression') {
    if (isGlobalIdentifier(sourceCode, callee.object, 'console')) return true;
    if (isGlobalIdentifier(sourceCode, callee.object, 'Object') && memberName(callee) === 'assign') {
      return call.arguments.indexOf(argument as TSESTree.CallExpressionArgument) > 0;
    }
  }
  const ref = references?.refOf(callee);
  return ref !== undefined && isBuiltin(ref.module);
}

type Place = 'before' | 'sometimes' | 'after' | 'unknown';

/** Where a write statement runs relative to a read of the same object. */
function placeOf(statement: Node, read: Node): Place {
  const writer = functionOf(statement);
  if (writer !== functionOf(read)) return 'unknown';
  const list = statement.parent;
  let inList: Node | undefined;
  for (let node: Node | undefined = read; node && node !== writer; node = node.parent) {
    if (node.parent === list) {
      inList = node;
      break;
    }
  }
  const before = statement.range[1] <= read.range[0];
  if (inList && before) return 'before';
  if (before) return 'sometimes';
  // After the read: it matters only when a loop runs the read again.
  return loopAround(inList ?? commonAncestor(statement, read), writer) ? 'sometimes' : 'after';
}

function functionOf(node: Node): Node | undefined {
  for (let current = node.parent; current; current = current.parent) if (isFunction(current)) return current;
  return undefined;
}

function commonAncestor(first: Node, second: Node): Node {
  const ancestors = new Set<Node>();
  for (let node: Node | undefined = first; node; node = node.parent) ancestors.add(node);
  let node: Node = second;
  while (!ancestors.has(node) && node.parent) node = node.parent;
  return node;
}

const LOOPS: ReadonlySet<string> = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement']);

function loopAround(node: Node, boundary: Node | undefined): boolean {
  for (let current = node.parent; current && current !== boundary; current = current.parent) if (LOOPS.has(current.type)) return true;
  return false;
}
