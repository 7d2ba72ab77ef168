/**
 * Transfer lists of structured-clone messages (`port.postMessage(value, [buffer])`): the list as
 * the call writes it, and reads of a transferred buffer after the post. A transferred `ArrayBuffer`
 * is detached on the sending side: it, and every view over it, reads as empty from then on.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { BIGINT_TYPED_ARRAYS, NUMBER_TYPED_ARRAYS } from '../catalog/vocabulary.js';
import { isFunction, memberName, skipTransparent } from '../syntax/ast.js';
import { constantInitializer, isGlobalIdentifier, resolveVariable, writeCount } from '../syntax/scope.js';
import type { FileAnalysis } from '../contract/file-analysis.js';
import { isAssertionCall } from '../file/guards/assertions.js';
import { isRef } from '../file/references.js';

type Node = TSESTree.Node;

/** The elements of a `postMessage()` call's transfer list when it writes them all: [] for none, undefined when unknown. */
export function transferListOf(call: TSESTree.CallExpression): readonly Node[] | undefined {
  const list = call.arguments[1];
  if (!list) return [];
  // Only a literal at the call: a list held in a variable may be pushed to.
  const value = skipTransparent(list);
  if (value.type !== 'ArrayExpression') return undefined;
  const elements: Node[] = [];
  for (const element of value.elements) {
    if (!element || element.type === 'SpreadElement') return undefined;
    elements.push(element);
  }
  return elements;
}

export interface DetachedRead {
  /** The read of the binding after the post. */
  readonly read: TSESTree.Identifier;
  /** The transfer list element that detached it (`buffer`, `view.buffer`). */
  readonly element: Node;
}

const TYPED_ARRAYS: ReadonlySet<string> = new Set([...NUMBER_TYPED_ARRAYS, ...BIGINT_TYPED_ARRAYS]);

/**
 * Reads, in the statements after a `postMessage()` statement in the same block, of a binding
 * the call's transfer list detached: `const ab = new ArrayBuffer(8)` listed as `ab`, or
 * `const view = new Uint8Array(8)` listed as `view.buffer`. The binding is written once, never
 * passed to `markAsUntransferable()`, and a read inside a nested function is left alone (it may run
 * earlier). One read per binding: the first.
 */
export function detachedReads(analysis: FileAnalysis, call: TSESTree.CallExpression): DetachedRead[] {
  const statement = call.parent;
  const block = statement?.parent;
  if (statement?.type !== 'ExpressionStatement' || !block || !('body' in block) || !Array.isArray(block.body)) return [];
  const found: DetachedRead[] = [];
  for (const element of transferListOf(call) ?? []) {
    const variable = ownedBuffer(analysis, element);
    if (!variable) continue;
    const read = variable.references
      .filter((reference) => reference.isRead())
      .map((reference) => reference.identifier)
      .filter((identifier) => identifier.range[0] > statement.range[1] && identifier.range[1] <= block.range[1])
      .filter((identifier) => !insideFunctionBelow(identifier, block) && !checksDetachment(analysis, identifier))
      .sort((a, b) => a.range[0] - b.range[0])[0];
    if (read?.type === 'Identifier') found.push({ read, element });
  }
  return found;
}

/**
 * The variable a transfer list element detaches when it is an `ArrayBuffer` the file made, or the
 * `.buffer` of a typed array made with its own memory (a length or an array literal). A Buffer's
 * `.buffer` is left alone: a pooled one is copied, not moved.
 */
function ownedBuffer(analysis: FileAnalysis, elementIn: Node): TSESLint.Scope.Variable | undefined {
  const { sourceCode } = analysis;
  const element = skipTransparent(elementIn);
  const viewed = element.type === 'MemberExpression' && memberName(element) === 'buffer';
  const binding = viewed ? skipTransparent(element.object) : element;
  if (binding.type !== 'Identifier') return undefined;
  const variable = resolveVariable(sourceCode, binding);
  const init = constantInitializer(sourceCode, binding);
  if (!variable || !init || writeCount(variable) !== 1 || init.type !== 'NewExpression') return undefined;
  const made = (name: string) => isGlobalIdentifier(sourceCode, init.callee, name);
  if (viewed) {
    const [size] = init.arguments;
    const ownMemory = size === undefined || (size.type === 'Literal' && typeof size.value === 'number') || size.type === 'ArrayExpression';
    if (![...TYPED_ARRAYS].some(made) || !ownMemory) return undefined;
  } else if (!made('ArrayBuffer')) {
    return undefined;
  }
  const marked = variable.references.some((reference) => {
    const parent = reference.identifier.parent;
    return parent?.type === 'CallExpression' && isRef(analysis.references.refOf(parent.callee), 'worker_threads', 'markAsUntransferable');
  });
  return marked ? undefined : variable;
}

/**
 * Whether a read only checks that the buffer was moved: `ab.detached`, or its `byteLength` (also
 * `view.buffer.byteLength`) compared with 0 or passed to one of node:assert's functions. A detached
 * buffer answers those as documented; its data is not read.
 */
function checksDetachment(analysis: FileAnalysis, read: Node): boolean {
  let member = read.parent;
  if (member?.type === 'MemberExpression' && member.object === read && memberName(member) === 'buffer') member = member.parent;
  if (member?.type !== 'MemberExpression' || !member.parent) return false;
  const name = memberName(member);
  if (name === 'detached') return true;
  if (name !== 'byteLength') return false;
  const user = member.parent;
  if (user.type === 'BinaryExpression') {
    const other = user.left === member ? user.right : user.left;
    return COMPARISONS.has(user.operator) && other.type === 'Literal' && other.value === 0;
  }
  return user.type === 'CallExpression' && user.arguments.includes(member) && isAssertionCall(analysis.sourceCode, user);
}

const COMPARISONS: ReadonlySet<string> = new Set(['===', '!==', '==', '!=', '>', '<']);

/** Whether a function between `node` and `block` holds it. */
function insideFunctionBelow(node: Node, block: Node): boolean {
  for (let current = node.parent; current && current !== block; current = current.parent) {
    if (isFunction(current)) return true;
  }
  return false;
}
