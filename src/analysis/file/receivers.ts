/**
 * Where a receiver's value can come from when it is not one expression: every write of a variable
 * (`let child; … child = fork()`), every write of a class field (`this.child = spawn(…)`), every
 * element put into an array of children, and every argument a local function is called with. The
 * reference index labels the receiver only when all of them are starts of the same kind; these
 * helpers list them, or answer undefined when one is written or used in a way the file does not
 * show in full (unknown stays unknown).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { isFunction, memberName, skipTransparent } from '../syntax/ast.js';
import { resolveVariable } from '../syntax/scope.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

/** Every value written to a variable: its initializer and each `x = value`; undefined for another kind of write. */
export function writtenValues(variable: Variable): Node[] | undefined {
  const values: Node[] = [];
  for (const reference of variable.references) {
    if (!reference.isWrite()) continue;
    const parent = reference.identifier.parent;
    if (parent?.type === 'VariableDeclarator' && parent.id === reference.identifier && parent.init) values.push(parent.init);
    else if (parent?.type === 'AssignmentExpression' && parent.operator === '=' && parent.left === reference.identifier) values.push(parent.right);
    else return undefined;
  }
  return values;
}

/**
 * The values stored in a class field, given every `this.<name>` member of the class body: the
 * right side of each `this.<name> = value`; undefined when one is written another way (`+=`,
 * `delete`, `++`, a destructuring target).
 */
export function fieldValues(members: readonly TSESTree.MemberExpression[]): Node[] | undefined {
  const values: Node[] = [];
  for (const member of members) {
    const parent = member.parent;
    if (parent.type === 'AssignmentExpression' && parent.left === member) {
      if (parent.operator !== '=') return undefined;
      values.push(parent.right);
    } else if (!isPlainRead(member)) {
      return undefined;
    }
  }
  return values;
}

/** A read that does not write: not an update, `delete`, an assignment or a destructuring target. */
function isPlainRead(node: Node): boolean {
  const parent = node.parent;
  switch (parent?.type) {
    case 'UpdateExpression':
    case 'ArrayPattern':
    case 'RestElement':
      return false;
    case 'UnaryExpression':
      return parent.operator !== 'delete';
    case 'AssignmentPattern':
      return parent.right === node;
    case 'Property':
      return parent.parent.type !== 'ObjectPattern';
    case 'ForOfStatement':
    case 'ForInStatement':
    case 'AssignmentExpression':
      return parent.left !== node;
    default:
      return true;
  }
}

/** Methods of an array of children that add nothing and let no element escape unseen. */
const KEEPING_METHODS: ReadonlySet<string> = new Set(['forEach', 'map', 'filter', 'some', 'every', 'includes', 'indexOf', 'pop', 'shift', 'splice']);
/** Methods whose callback's first parameter is each element. */
const ELEMENT_CALLBACKS: ReadonlySet<string> = new Set(['forEach', 'map', 'filter', 'some', 'every']);
/** Methods that add their arguments as elements. */
const ADDING_METHODS: ReadonlySet<string> = new Set(['push', 'unshift']);

/** An array of children: what is put into it, and where an element of it is read. */
export interface Collection {
  /** Every value put into the array: its literal's elements and the arguments of `push`/`unshift`. */
  readonly elements: readonly Node[];
  /** Expressions that are one element: `children[i]`. */
  readonly reads: readonly Node[];
  /** Variables that hold one element: `for (const c of children)`, `children.forEach((c) => …)`. */
  readonly bindings: readonly Variable[];
}

/**
 * The array a `const` holds, when its uses are all seen: iterated, indexed, added to with
 * `push`/`unshift`, removed from, and read by the methods that keep it (`forEach`, `map`, …). A use
 * of another kind (passed to a function, `children[i] = x`, a `splice` that inserts) is unknown.
 */
export function collectionOf(sourceCode: Readonly<TSESLint.SourceCode>, variable: Variable): Collection | undefined {
  const definition = variable.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Variable' || definition.parent.kind !== 'const' || definition.node.id.type !== 'Identifier') return undefined;
  const init = definition.node.init && skipTransparent(definition.node.init);
  if (init?.type !== 'ArrayExpression') return undefined;
  const elements: Node[] = [];
  for (const element of init.elements) {
    if (!element || element.type === 'SpreadElement') return undefined;
    elements.push(element);
  }
  const reads: Node[] = [];
  const bindings: Variable[] = [];
  for (const reference of variable.references) {
    if (reference.init === true) continue;
    let use: Node = reference.identifier;
    while (use.parent && skipTransparent(use.parent) === use) use = use.parent;
    const parent = use.parent;
    if (parent?.type === 'ForOfStatement' && parent.right === use) {
      const declaration = parent.left;
      if (declaration.type !== 'VariableDeclaration' || declaration.declarations[0]?.id.type !== 'Identifier') return undefined;
      bindings.push(...sourceCode.getDeclaredVariables(declaration));
      continue;
    }
    if (parent?.type !== 'MemberExpression' || parent.object !== use) return undefined;
    const name = memberName(parent);
    const call = parent.parent.type === 'CallExpression' && parent.parent.callee === parent ? parent.parent : undefined;
    if (parent.computed && (name === undefined || /^\d+$/.test(name))) {
      if (!isPlainRead(parent)) return undefined;
      reads.push(parent);
    } else if (name === 'length' && !call) {
      // `children.length = 0` empties it; any other write of the length is unknown.
      const emptied = parent.parent.type === 'AssignmentExpression' && parent.parent.right.type === 'Literal' && parent.parent.right.value === 0;
      if (!isPlainRead(parent) && !emptied) return undefined;
    } else if (call && name !== undefined && ADDING_METHODS.has(name)) {
      if (call.arguments.some((argument) => argument.type === 'SpreadElement')) return undefined;
      elements.push(...call.arguments);
    } else if (call && name !== undefined && KEEPING_METHODS.has(name)) {
      if (name === 'splice' && call.arguments.length > 2) return undefined;
      const [callback] = call.arguments;
      const element = ELEMENT_CALLBACKS.has(name) && callback && isFunction(callback) ? callback.params[0] : undefined;
      if (element?.type === 'Identifier') {
        const bound = resolveVariable(sourceCode, element);
        if (bound) bindings.push(bound);
      }
    } else {
      return undefined;
    }
  }
  return { elements, reads, bindings };
}

/**
 * The arguments every call of a local function passes to its parameter at `index`, when the
 * function is declared once and only ever called by name with that argument written out; undefined
 * when it escapes (passed on, exported, stored) or a call leaves the parameter unknown.
 */
export function parameterArguments(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression, index: number): { parameter: Variable; values: Node[] } | undefined {
  if (call.callee.type !== 'Identifier') return undefined;
  const variable = resolveVariable(sourceCode, call.callee);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  let fn: Node | null | undefined = definition?.node;
  if (definition?.type === 'Variable') fn = definition.parent.kind === 'const' ? definition.node.init : undefined;
  else if (definition?.type !== 'FunctionName') fn = undefined;
  if (!variable || !fn || !isFunction(fn)) return undefined;
  const param = fn.params[index];
  if (param?.type !== 'Identifier' || fn.params.slice(0, index).some((earlier) => earlier.type === 'RestElement')) return undefined;
  const values: Node[] = [];
  for (const reference of variable.references) {
    if (reference.init === true) continue;
    const use = reference.identifier.parent;
    if (use?.type !== 'CallExpression' || use.callee !== reference.identifier) return undefined;
    const argument = use.arguments[index];
    if (!argument || use.arguments.slice(0, index + 1).some((earlier) => earlier.type === 'SpreadElement')) return undefined;
    values.push(argument);
  }
  const parameter = resolveVariable(sourceCode, param);
  return parameter && values.length > 0 ? { parameter, values } : undefined;
}
