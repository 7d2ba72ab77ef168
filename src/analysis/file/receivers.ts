/**
 * Where a receiver's value can come from when it is not one expression: every write of a variable
 * (`let child; … child = fork()`), every write of a class field (`this.child = spawn(…)`, across the
 * constructor and methods of a class of any form the class model knows), every
 * element put into an array of children, and every argument a local function is called with. The
 * reference index labels the receiver only when all of them are starts of the same kind; these
 * helpers list them, or answer undefined when one is written or used in a way the file does not
 * show in full (unknown stays unknown).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { isFunction, memberName, skipTransparent, walk, type FunctionNode } from '../syntax/ast.js';
import { localFunction, resolveVariable, writeCount } from '../syntax/scope.js';
import type { ClassModel, ClassShape } from './classes.js';

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

/**
 * The class of the class model whose instance `object` is, in a constructor function, a compiled
 * class or their methods: `this` of the constructor or a method, or a local holding it there
 * (`var _this = this`). ES2015 classes are left to their class body.
 */
export function instanceShapeOf(sourceCode: Readonly<TSESLint.SourceCode>, classes: ClassModel, object: Node): ClassShape | undefined {
  let fn: Node | undefined;
  if (object.type === 'ThisExpression') {
    fn = object.parent;
    while (fn && (!isFunction(fn) || fn.type === 'ArrowFunctionExpression')) fn = fn.parent;
  } else if (object.type === 'Identifier') {
    const variable = resolveVariable(sourceCode, object);
    fn = variable?.scope.block;
    if (!variable || !fn || !isFunction(fn) || !instanceAliases(sourceCode, classes, fn).has(variable)) return undefined;
  }
  if (!fn || !isFunction(fn)) return undefined;
  const shape = classes.constructedBy(fn) ?? classes.methodOf(fn)?.shape;
  return shape?.kind === 'function' || shape?.kind === 'compiled' ? shape : undefined;
}

const aliasesByFunction = new WeakMap<FunctionNode, Set<Variable>>();

/** The locals of `fn` that hold its `this`: the constructor's aliases, and `var self = this`. */
function instanceAliases(sourceCode: Readonly<TSESLint.SourceCode>, classes: ClassModel, fn: FunctionNode): ReadonlySet<Variable> {
  const known = aliasesByFunction.get(fn);
  if (known) return known;
  const aliases = new Set(classes.constructedBy(fn)?.aliases ?? []);
  aliasesByFunction.set(fn, aliases);
  for (const variable of sourceCode.getScope(fn.body).variables) {
    const definition = variable.defs.length === 1 ? variable.defs[0] : undefined;
    const init = definition?.type === 'Variable' ? definition.node.init : undefined;
    if (init && skipTransparent(init).type === 'ThisExpression' && writeCount(variable) <= 1) aliases.add(variable);
  }
  return aliases;
}

/**
 * The members of the instance by name in the constructor and methods of a class known by
 * `instanceShapeOf`: `this.<name>` (not inside a nested non-arrow function, whose `this` is
 * another) and `alias.<name>` through a local holding the instance.
 */
export function instanceMembers(sourceCode: Readonly<TSESLint.SourceCode>, classes: ClassModel, shape: ClassShape): Map<string, TSESTree.MemberExpression[]> {
  const found = new Map<string, TSESTree.MemberExpression[]>();
  const add = (member: TSESTree.MemberExpression) => {
    const name = memberName(member);
    if (name === undefined) return;
    const list = found.get(name);
    if (list) list.push(member);
    else found.set(name, [member]);
  };
  const functions = new Set([shape.constructorFunction, ...[...shape.methods.values()].flat()]);
  for (const fn of functions) {
    if (!fn || fn.type === 'ArrowFunctionExpression') continue;
    walk(fn.body, sourceCode.visitorKeys, (node) => {
      if ((isFunction(node) && node.type !== 'ArrowFunctionExpression') || node.type === 'ClassBody') return false;
      if (node.type === 'MemberExpression' && node.object.type === 'ThisExpression') add(node);
      return true;
    });
    for (const alias of instanceAliases(sourceCode, classes, fn)) {
      for (const reference of alias.references) {
        const member = reference.identifier.parent;
        if (member?.type === 'MemberExpression' && member.object === reference.identifier) add(member);
      }
    }
  }
  return found;
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
  /** Every value put into the array: its literal's elements, the arguments of `push`/`unshift`, `children[i] = value`. */
  readonly elements: readonly Node[];
  /** Expressions that are one element: `children[i]`, `children.shift()`, `children.pop()`. */
  readonly reads: readonly Node[];
  /** Variables that hold one element: `for (const c of children)`, `children.forEach((c) => …)`. */
  readonly bindings: readonly Variable[];
}

/**
 * The array a variable holds, when it is never reassigned and its uses are all seen: iterated,
 * indexed, added to with `push`/`unshift` or `children[i] = value` (`children[i] || fork()` adds
 * the start: the other side is already an element), removed from, read by the methods that keep it
 * (`forEach`, `map`, …), and passed to a local function that only reads it. A use of another kind
 * (passed on elsewhere, a `splice` that inserts) is unknown.
 */
export function collectionOf(sourceCode: Readonly<TSESLint.SourceCode>, variable: Variable): Collection | undefined {
  const definition = variable.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Variable' || definition.node.id.type !== 'Identifier') return undefined;
  const init = definition.node.init && skipTransparent(definition.node.init);
  if (init?.type !== 'ArrayExpression') return undefined;
  const collection: Collection = { elements: [], reads: [], bindings: [] };
  for (const element of init.elements) {
    if (!element || element.type === 'SpreadElement') return undefined;
    (collection.elements as Node[]).push(element);
  }
  return collectUses(sourceCode, variable, collection, true) ? collection : undefined;
}

/** Sorts the uses of an array's variable into `collection`; false for a use it cannot follow. */
function collectUses(sourceCode: Readonly<TSESLint.SourceCode>, variable: Variable, collection: Collection, passable: boolean): boolean {
  const elements = collection.elements as Node[];
  const reads = collection.reads as Node[];
  const bindings = collection.bindings as Variable[];
  for (const reference of variable.references) {
    if (reference.init === true) continue;
    if (reference.isWrite()) return false;
    let use: Node = reference.identifier;
    while (use.parent && skipTransparent(use.parent) === use) use = use.parent;
    const parent = use.parent;
    if (parent?.type === 'ForOfStatement' && parent.right === use) {
      const declaration = parent.left;
      if (declaration.type !== 'VariableDeclaration' || declaration.declarations[0]?.id.type !== 'Identifier') return false;
      bindings.push(...sourceCode.getDeclaredVariables(declaration));
      continue;
    }
    if (passable && parent?.type === 'CallExpression' && parent.callee !== use) {
      if (!onlyReads(sourceCode, parent, parent.arguments.indexOf(use as TSESTree.CallExpressionArgument))) return false;
      continue;
    }
    if (parent?.type !== 'MemberExpression' || parent.object !== use) return false;
    const name = memberName(parent);
    const call = parent.parent.type === 'CallExpression' && parent.parent.callee === parent ? parent.parent : undefined;
    if (parent.computed && (name === undefined || /^\d+$/.test(name))) {
      const assignment = parent.parent.type === 'AssignmentExpression' && parent.parent.left === parent ? parent.parent : undefined;
      if (assignment?.operator === '=') elements.push(addedValue(sourceCode, variable, assignment.right));
      else if (isPlainRead(parent)) reads.push(parent);
      else return false;
    } else if (name === 'length' && !call) {
      // `children.length = 0` empties it; any other write of the length is unknown.
      const emptied = parent.parent.type === 'AssignmentExpression' && parent.parent.right.type === 'Literal' && parent.parent.right.value === 0;
      if (!isPlainRead(parent) && !emptied) return false;
    } else if (call && name !== undefined && ADDING_METHODS.has(name)) {
      if (call.arguments.some((argument) => argument.type === 'SpreadElement')) return false;
      elements.push(...call.arguments);
    } else if (call && name !== undefined && KEEPING_METHODS.has(name)) {
      if (name === 'splice' && call.arguments.length > 2) return false;
      if (name === 'pop' || name === 'shift') reads.push(call);
      const [callback] = call.arguments;
      const element = ELEMENT_CALLBACKS.has(name) && callback && isFunction(callback) ? callback.params[0] : undefined;
      if (element?.type === 'Identifier') {
        const bound = resolveVariable(sourceCode, element);
        if (bound) bindings.push(bound);
      }
    } else {
      return false;
    }
  }
  return true;
}

/** The value `children[i] = value` adds: of `children[i] || start`, the start, the other side being an element already. */
function addedValue(sourceCode: Readonly<TSESLint.SourceCode>, variable: Variable, value: Node): Node {
  const inner = skipTransparent(value);
  if (inner.type !== 'LogicalExpression' || inner.operator === '&&') return value;
  const left = skipTransparent(inner.left);
  const object = left.type === 'MemberExpression' && left.computed ? skipTransparent(left.object) : undefined;
  return object?.type === 'Identifier' && resolveVariable(sourceCode, object) === variable ? inner.right : value;
}

/** Per parameter: whether the function only reads the array it is given there. */
const readingParameters = new WeakMap<Variable, boolean>();

/** Whether the local function `call` calls only reads (indexes, iterates) the array it is given at `index`, without passing it on. */
function onlyReads(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression, index: number): boolean {
  const parameter = parameterOf(sourceCode, call, index);
  if (!parameter) return false;
  let reads = readingParameters.get(parameter);
  if (reads === undefined) {
    const uses: Collection = { elements: [], reads: [], bindings: [] };
    reads = collectUses(sourceCode, parameter, uses, false) && uses.elements.length === 0;
    readingParameters.set(parameter, reads);
  }
  return reads;
}

/** The parameter at `index` of the local function a call calls by name, when it is declared once as a plain name. */
function parameterOf(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression, index: number): Variable | undefined {
  const fn = call.callee.type === 'Identifier' ? localFunction(sourceCode, call.callee)?.fn : undefined;
  const param = fn?.params[index];
  if (index < 0 || param?.type !== 'Identifier' || fn!.params.slice(0, index).some((earlier) => earlier.type === 'RestElement')) return undefined;
  if (call.arguments.slice(0, index + 1).some((earlier) => earlier.type === 'SpreadElement')) return undefined;
  return resolveVariable(sourceCode, param);
}

/**
 * The arguments every call of a local function passes to its parameter at `index`, when the
 * function is declared once and only ever called by name with that argument written out; undefined
 * when it escapes (passed on, exported, stored) or a call leaves the parameter unknown.
 */
export function parameterArguments(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression, index: number): { parameter: Variable; values: Node[] } | undefined {
  const local = call.callee.type === 'Identifier' ? localFunction(sourceCode, call.callee) : undefined;
  if (!local) return undefined;
  const { variable, fn } = local;
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
