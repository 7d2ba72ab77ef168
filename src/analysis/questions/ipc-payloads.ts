/**
 * Message shapes: what a value sent over process IPC (`child.send()`, `process.send()`, a pool in
 * child-process mode) or through `postMessage()` (structured clone) turns into on the other side. Values are followed through object and array
 * literals, spreads of literals, conditionals and variables assigned once; constructors and
 * functions are resolved through scope (a local class named `Map` is not the global). Some values
 * are known by where they come from: a `catch` parameter or a promise rejection parameter is an
 * Error, `arguments` an arguments object; and, with type information, by their declared type.
 *
 * Behaviour verified on Node.js 20 (the serialization table on docs/rules/consistent-start-context.md): under the default `'json'`
 * serialization Map/Set/RegExp/Error arrive as `{}`, Date as a string, typed arrays as plain
 * objects and BigInt throws; under `'advanced'` those survive, but SharedArrayBuffer and functions
 * throw, and a MessagePort arrives as `{}` either way. The structured clone of `postMessage()` keeps
 * Map, Set, Date, RegExp, BigInt, typed arrays, shared memory and the standard Error types, throws
 * `DataCloneError` on functions and symbols, and turns an instance of a class into a plain object
 * (an Error subclass into a plain Error): its prototype, and with it its methods, stay behind.
 * JSON calls a `toJSON` the file installs on a prototype (`Error.prototype.toJSON = …`): what it
 * does to a value of that prototype is not judged; a structured clone ignores it.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { BIGINT_TYPED_ARRAYS, NUMBER_TYPED_ARRAYS, type Serialization } from '../catalog/vocabulary.js';

import { memberName, propertyValue, skipTransparent } from '../syntax/ast.js';
import type { FileAnalysis } from '../contract/file-analysis.js';
import { typedKind } from './ipc-payload-types.js';
import { typeTestedAt } from './type-tests.js';
import { reachedElsewhere } from '../file/object-writes.js';
import { localClass, toJsonHooks, type ToJsonHooks } from '../file/prototype-hooks.js';
import { INSTANCE, isRef, type ReferenceIndex } from '../file/references.js';
import { constantInitializer, isGlobalIdentifier, resolveVariable, writeCount } from '../syntax/scope.js';

type Node = TSESTree.Node;

export type { Serialization };

/**
 * Why a value does not cross:
 * - `thread-only`: shared memory and message ports, which only threads can share;
 * - `function`: code, which no serialization carries;
 * - `symbol`: symbols, which no serialization carries either;
 * - `bigint`: BigInt values, which JSON cannot encode (the send throws);
 * - `json-lossy`: objects JSON flattens silently (Map, Set, Date, typed arrays…);
 * - `prototype`: instances of the file's own classes, which a structured clone turns into plain objects;
 * - `uncloneable`: weak collections and promises, which no serialization but JSON (as `{}`) carries;
 * - `untransferred`: a MessagePort in a structured-clone message but not in its transfer list.
 */
export type CrossingKind = 'thread-only' | 'function' | 'symbol' | 'bigint' | 'json-lossy' | 'prototype' | 'uncloneable' | 'untransferred';

export interface CrossingProblem {
  /** Where to report: the value itself, or the expression in the message that leads to it. */
  readonly node: Node;
  readonly kind: CrossingKind;
  /** What the value is, for messages: `SharedArrayBuffer`, `Set`, `function`… */
  readonly type: string;
  /** What happens to it on the way, under the channel's serialization. */
  readonly outcome: string;
  /** For a value whose declared object type has such a field: the field's name. */
  readonly field?: string;
}

/** What happens to a kind of value under each serialization; an absent entry means it survives. */
interface Behaviour {
  readonly kind: CrossingKind;
  readonly json?: string;
  readonly advanced?: string;
  readonly 'structured-clone'?: string;
}

const NOT_CLONED = 'makes the send throw "could not be cloned"';
const DATA_CLONE_ERROR = 'makes `postMessage()` throw `DataCloneError`';
const BIGINT_THROWS = 'makes the send throw "Do not know how to serialize a BigInt"';

const SHARED_MEMORY: Behaviour = {
  kind: 'thread-only',
  json: 'arrives as `{}` and shares no memory',
  advanced: NOT_CLONED,
};
const MESSAGE_PORT: Behaviour = { kind: 'thread-only', json: 'arrives as `{}`', advanced: 'arrives as `{}`' };
const UNLISTED_PORT: Behaviour = {
  kind: 'untransferred',
  'structured-clone': 'makes `postMessage()` throw "Object that needs transfer was found in message but not listed in transferList"',
};
const DROPPED = 'is dropped (the key disappears, an array slot becomes `null`)';
const FUNCTION: Behaviour = { kind: 'function', json: DROPPED, advanced: NOT_CLONED, 'structured-clone': DATA_CLONE_ERROR };
const SYMBOL: Behaviour = { kind: 'symbol', json: DROPPED, advanced: NOT_CLONED, 'structured-clone': DATA_CLONE_ERROR };
/** An instance of a class of the file; process IPC is not judged here (JSON keeps its own fields). */
const CLASS_INSTANCE: Behaviour = { kind: 'prototype', 'structured-clone': 'arrives as a plain object, without its class and methods' };
const ERROR_SUBCLASS: Behaviour = { kind: 'prototype', 'structured-clone': 'arrives as a plain `Error`, without its class and own fields' };
const BIGINT: Behaviour = { kind: 'bigint', json: BIGINT_THROWS };
const UNCLONEABLE: Behaviour = { kind: 'uncloneable', json: 'arrives as `{}`', advanced: NOT_CLONED, 'structured-clone': DATA_CLONE_ERROR };
/** A `URL`: JSON sends its `href` (its `toJSON`); the other two keep none of its (internal) fields. */
const URL_OBJECT: Behaviour = { kind: 'prototype', advanced: 'arrives as `{}`', 'structured-clone': 'arrives as `{}`' };
const EMPTIED: Behaviour = { kind: 'json-lossy', json: 'arrives as `{}`' };
const TYPED_ARRAY: Behaviour = { kind: 'json-lossy', json: 'arrives as a plain object with index keys' };
const ERROR_TYPES = ['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError', 'AggregateError'];

/** Global constructors whose instances do not cross process IPC intact, with what happens. */
const CONSTRUCTED: ReadonlyMap<string, Behaviour> = new Map([
  ['SharedArrayBuffer', SHARED_MEMORY],
  ['Map', EMPTIED],
  ['Set', EMPTIED],
  ['RegExp', EMPTIED],
  ['ArrayBuffer', EMPTIED],
  ['DataView', EMPTIED],
  ['Date', { kind: 'json-lossy', json: 'arrives as a string' }],
  ...ERROR_TYPES.map((name): [string, Behaviour] => [name, EMPTIED]),
  ...NUMBER_TYPED_ARRAYS.map((name): [string, Behaviour] => [name, TYPED_ARRAY]),
  ...BIGINT_TYPED_ARRAYS.map((name): [string, Behaviour] => [name, BIGINT]),
  ...['WeakMap', 'WeakSet', 'WeakRef', 'Promise'].map((name): [string, Behaviour] => [name, UNCLONEABLE]),
  ['URL', URL_OBJECT],
]);

/** Global functions whose call result does not cross intact (`Error('x')` is an Error too). */
const CALLED: ReadonlyMap<string, Behaviour> = new Map([
  ['BigInt', BIGINT],
  ['Symbol', SYMBOL],
  ['RegExp', EMPTIED],
  ...ERROR_TYPES.map((name): [string, Behaviour] => [name, EMPTIED]),
]);

/** Static methods of the global `Buffer` that return a Buffer. */
const BUFFER_FACTORIES: ReadonlySet<string> = new Set(['from', 'alloc', 'allocUnsafe', 'allocUnsafeSlow', 'concat']);
const BUFFER: Behaviour = { kind: 'json-lossy', json: 'arrives as `{ type: "Buffer", data: [...] }`' };
const ARGUMENTS: Behaviour = { kind: 'json-lossy', json: 'arrives as a plain object with index keys, not an array' };
const UNDEFINED_SLOT: Behaviour = { kind: 'json-lossy', json: 'arrives as `null`' };
/** What a declared type proves, by the name `typedKind` gives it. */
const TYPED: ReadonlyMap<string, Behaviour> = new Map([...CONSTRUCTED, ['BigInt', BIGINT], ['Symbol', SYMBOL], ['function', FUNCTION]]);
/** Superclasses followed from a class to its root: a local class, then the standard Error types. */
const MAX_SUPERCLASSES = 8;

const MAX_DEPTH = 8;
/** Nodes looked at per message: a generated 100,000-element literal is judged by its first ones. */
const MAX_VISITS = 2000;

/**
 * The parts of `value` that do not arrive intact over a channel with the given serialization.
 * With `unknown` serialization only what breaks under both is reported.
 */
export function crossingProblems(
  analysis: FileAnalysis,
  value: Node,
  serialization: Serialization,
  /** For a structured clone: the transfer list's elements when the call shows them all ([] for none). */
  transferList?: readonly Node[],
): CrossingProblem[] {
  const { sourceCode, references } = analysis;
  const problems: CrossingProblem[] = [];
  const reported = new Set<string>();
  const visited = new Set<Node>();
  const inMessage = (node: Node): boolean => node.range[0] >= value.range[0] && node.range[1] <= value.range[1];

  /**
   * `exact`: the value is of that very type (`new Error()`), not only known to be one (a caught
   * error, a declared type), which may be an instance of a subclass with a hook of its own.
   */
  const report = (anchor: Node, type: string, behaviour: Behaviour, exact: boolean, field?: string): void => {
    const hooked = behaviour.json !== undefined && serialization !== 'advanced' && serialization !== 'structured-clone' && jsonHooked(toJsonHooks(sourceCode), type, exact);
    const outcome = outcomeUnder(hooked ? { ...behaviour, json: undefined } : behaviour, serialization);
    const key = `${anchor.range[0]}:${anchor.range[1]}:${type}`;
    if (outcome === undefined || reported.has(key)) return;
    reported.add(key);
    problems.push({ node: anchor, kind: behaviour.kind, type, outcome, ...(field === undefined ? {} : { field }) });
  };

  const visit = (nodeIn: Node, anchorIn: Node, depth: number): void => {
    const node = skipTransparent(nodeIn);
    if (depth > MAX_DEPTH || visited.has(node) || visited.size >= MAX_VISITS) return;
    visited.add(node);
    // Report where the message is written; a value reached through a variable is reported at
    // the variable's use in the message.
    const anchor = inMessage(node) ? node : anchorIn;
    const port = messagePortOf(sourceCode, references, node);
    if (port) {
      const unlisted = serialization === 'structured-clone' && transferList !== undefined && !transferList.some((element) => mayBePort(sourceCode, references, element));
      report(anchor, 'MessagePort', unlisted ? UNLISTED_PORT : MESSAGE_PORT, true);
      return;
    }
    switch (node.type) {
      case 'ObjectExpression':
        visitObject(node, anchor, depth);
        return;
      case 'ArrayExpression':
        for (const element of node.elements) {
          if (visited.size >= MAX_VISITS) return;
          // A hole or `undefined` in a slot: JSON writes `null` there.
          if (!element || isGlobalIdentifier(sourceCode, element, 'undefined')) report(element && inMessage(element) ? element : anchor, 'undefined', UNDEFINED_SLOT, true);
          else if (element.type === 'SpreadElement') visitSpread(element, anchor, depth);
          else visit(element, anchor, depth + 1);
        }
        return;
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
      case 'ClassExpression':
        report(anchor, 'function', FUNCTION, true);
        return;
      case 'Literal':
        if ('bigint' in node && node.bigint !== undefined && node.bigint !== null) report(anchor, 'BigInt', BIGINT, true);
        else if ('regex' in node && node.regex) report(anchor, 'RegExp', EMPTIED, true);
        return;
      case 'NewExpression': {
        const name = globalCallee(sourceCode, node.callee);
        const behaviour = name === undefined ? undefined : CONSTRUCTED.get(name);
        const instance = behaviour ? undefined : classInstance(sourceCode, node.callee);
        if (name !== undefined && behaviour) report(anchor, name, behaviour, true);
        else if (instance) report(anchor, instance.type, instance.behaviour, true);
        else reportTyped(node, anchor);
        return;
      }
      case 'CallExpression': {
        const called = calledBehaviour(sourceCode, node) ?? asyncCall(sourceCode, node);
        if (called) report(anchor, called.type, called.behaviour, true);
        else reportTyped(node, anchor);
        return;
      }
      case 'ConditionalExpression':
        visit(node.consequent, anchor, depth + 1);
        visit(node.alternate, anchor, depth + 1);
        return;
      case 'LogicalExpression':
        visit(node.left, anchor, depth + 1);
        visit(node.right, anchor, depth + 1);
        return;
      case 'SequenceExpression': {
        const last = node.expressions.at(-1);
        if (last) visit(last, anchor, depth + 1);
        return;
      }
      case 'Identifier': {
        if (isFunctionBinding(sourceCode, node)) {
          report(anchor, 'function', FUNCTION, true);
          return;
        }
        const origin = originBehaviour(sourceCode, references, node);
        if (origin) {
          report(anchor, origin.type, origin.behaviour, false);
          return;
        }
        const held = heldValue(sourceCode, references, node);
        if (held) visit(held, anchor, depth + 1);
        else reportTyped(node, anchor);
        return;
      }
      case 'MemberExpression': {
        const held = memberValue(sourceCode, references, node);
        if (held) visit(held, anchor, depth + 1);
        else reportTyped(node, anchor);
        return;
      }
      default:
        reportTyped(node, anchor);
        return;
    }
  };

  /** A value the file does not show, judged by its declared type when type information exists. */
  const reportTyped = (node: Node, anchor: Node): void => {
    const typed = typedKind(sourceCode, node);
    const behaviour = typed && (typed.instance ? CLASS_INSTANCE : TYPED.get(typed.type));
    if (!typed || !behaviour) return;
    report(anchor, typed.type, behaviour, false, typed.field);
  };

  const visitObject = (object: TSESTree.ObjectExpression, anchor: Node, depth: number): void => {
    // An object with its own `toJSON` decides for itself what JSON sends (a structured clone ignores it).
    if (serialization !== 'structured-clone' && propertyValue(object, 'toJSON')) return;
    for (const property of object.properties) {
      if (property.type === 'SpreadElement') visitSpread(property, anchor, depth);
      else if (property.method) report(inMessage(property) ? property.key : anchor, 'function', FUNCTION, true);
      else if (property.kind === 'init') visit(property.value, anchor, depth + 1);
    }
  };

  /** `{ ...x }` and `[...x]` copy what is inside `x`, not `x` itself: only literals are followed. */
  const visitSpread = (spread: TSESTree.SpreadElement, anchor: Node, depth: number): void => {
    const inner = followValue(sourceCode, references, spread.argument);
    if (inner?.type === 'ObjectExpression' || inner?.type === 'ArrayExpression') {
      visit(inner, inMessage(spread.argument) ? spread.argument : anchor, depth + 1);
    }
  };

  visit(value, value, 0);
  return problems;
}

/**
 * `new C()` of a class the file declares (`class C {}`, `const C = class {}`): what a structured
 * clone makes of the instance. Undefined for anything else, and for a class whose chain of
 * superclasses leaves the file other than at a standard Error type.
 */
function classInstance(sourceCode: Readonly<TSESLint.SourceCode>, callee: Node): { type: string; behaviour: Behaviour } | undefined {
  const name = skipTransparent(callee);
  if (name.type !== 'Identifier') return undefined;
  let current: Node = name;
  for (let depth = 0; depth < MAX_SUPERCLASSES; depth += 1) {
    const declared = current.type === 'Identifier' ? localClass(sourceCode, current) : undefined;
    if (!declared) {
      const root = current.type === 'Identifier' && ERROR_TYPES.some((error) => isGlobalIdentifier(sourceCode, current, error));
      return root && depth > 0 ? { type: name.name, behaviour: ERROR_SUBCLASS } : undefined;
    }
    if (!declared.superClass) return { type: name.name, behaviour: CLASS_INSTANCE };
    current = skipTransparent(declared.superClass);
  }
  return undefined;
}

/**
 * Whether a `toJSON` the file installs reaches a value of `type` when JSON serializes it: one on
 * its own prototype or one it inherits (`Error`'s for every error type, `Object`'s for all); for
 * a value not known exactly, also one of a subclass (of the file, or one it cannot resolve).
 */
function jsonHooked(hooks: ToJsonHooks, type: string, exact: boolean): boolean {
  const { globals, roots } = hooks;
  const own = type === 'function' ? 'Function' : type;
  const isError = ERROR_TYPES.includes(type);
  if (type === 'Symbol' || type === 'undefined') return false;
  if (globals.has('Object') || globals.has(own) || (isError && globals.has('Error'))) return true;
  if (exact) return false;
  if (roots.has(undefined) || roots.has(own)) return true;
  return isError && ERROR_TYPES.some((error) => globals.has(error) || roots.has(error));
}

/** What a value turns into under `serialization`, or undefined when it arrives intact (or may). */
function outcomeUnder(behaviour: Behaviour, serialization: Serialization): string | undefined {
  if (serialization !== 'unknown') return behaviour[serialization];
  if (behaviour.json === undefined || behaviour.advanced === undefined) return undefined;
  if (behaviour.json === behaviour.advanced) return behaviour.json;
  return `${behaviour.json} under JSON serialization, and ${behaviour.advanced} under 'advanced'`;
}

/** The name of a global constructor or function being called (`Map`, `globalThis.Map` is not followed). */
function globalCallee(sourceCode: Readonly<TSESLint.SourceCode>, callee: Node): string | undefined {
  const inner = skipTransparent(callee);
  return inner.type === 'Identifier' && isGlobalIdentifier(sourceCode, inner, inner.name) ? inner.name : undefined;
}

function calledBehaviour(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
): { type: string; behaviour: Behaviour } | undefined {
  const name = globalCallee(sourceCode, call.callee);
  const behaviour = name === undefined ? undefined : CALLED.get(name);
  if (name !== undefined && behaviour) return { type: name, behaviour };
  const callee = skipTransparent(call.callee);
  if (
    callee.type === 'MemberExpression' &&
    isGlobalIdentifier(sourceCode, skipTransparent(callee.object), 'Buffer') &&
    BUFFER_FACTORIES.has(memberName(callee) ?? '')
  ) {
    return { type: 'Buffer', behaviour: BUFFER };
  }
  return undefined;
}

/** A call of the file's own `async` function (declared, or a `const` arrow or function): a Promise. */
function asyncCall(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression): { type: string; behaviour: Behaviour } | undefined {
  const callee = skipTransparent(call.callee);
  if (callee.type !== 'Identifier') return undefined;
  const variable = resolveVariable(sourceCode, callee);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const fn = definition?.type === 'FunctionName' ? definition.node : constantInitializer(sourceCode, callee);
  const isAsync = (fn?.type === 'FunctionDeclaration' || fn?.type === 'FunctionExpression' || fn?.type === 'ArrowFunctionExpression') && fn.async;
  return isAsync && variable && writeCount(variable) <= 1 ? { type: 'Promise', behaviour: UNCLONEABLE } : undefined;
}

/**
 * Whether a transfer list element may be a MessagePort: anything but a new object
 * (`new ArrayBuffer(8)`), a literal, or a view's `.buffer`.
 */
function mayBePort(sourceCode: Readonly<TSESLint.SourceCode>, references: ReferenceIndex, element: Node): boolean {
  const value = followValue(sourceCode, references, element);
  if (!value) return true;
  // A new object is not the port already in the message.
  if (value.type === 'Literal' || value.type === 'NewExpression') return false;
  return !(value.type === 'MemberExpression' && memberName(value) === 'buffer');
}

/**
 * Whether a node is a MessagePort: `port1`/`port2` of a `MessageChannel`, global or from
 * worker_threads, read as a member or destructured.
 */
function messagePortOf(sourceCode: Readonly<TSESLint.SourceCode>, references: ReferenceIndex, node: Node): boolean {
  const ref = references.refOf(node);
  if (isRef(ref, 'worker_threads', 'MessageChannel', INSTANCE, 'port1') || isRef(ref, 'worker_threads', 'MessageChannel', INSTANCE, 'port2')) {
    return true;
  }
  const access = memberAccess(sourceCode, node);
  if (!access || (access.name !== 'port1' && access.name !== 'port2')) return false;
  const channel = followValue(sourceCode, references, access.object);
  return channel?.type === 'NewExpression' && globalCallee(sourceCode, channel.callee) === 'MessageChannel';
}

/** `a.b` and the `b` of `const { b } = a`: the object and the member name. */
function memberAccess(sourceCode: Readonly<TSESLint.SourceCode>, node: Node): { object: Node; name: string } | undefined {
  if (node.type === 'MemberExpression') {
    const name = memberName(node);
    return name === undefined ? undefined : { object: node.object, name };
  }
  if (node.type === 'Identifier') return destructuredFrom(sourceCode, node);
  return undefined;
}

/** `const { port1 } = channel` or `const { seen: s } = state`, never reassigned. */
function destructuredFrom(
  sourceCode: Readonly<TSESLint.SourceCode>,
  identifier: TSESTree.Identifier,
): { object: Node; name: string } | undefined {
  const variable = resolveVariable(sourceCode, identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || definition?.type !== 'Variable') return undefined;
  const { id, init } = definition.node;
  if (id.type !== 'ObjectPattern' || !init) return undefined;
  if (writeCount(variable) !== 1) return undefined;
  for (const property of id.properties) {
    if (property.type !== 'Property' || property.computed) continue;
    const target = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
    if (target !== definition.name || property.key.type !== 'Identifier') continue;
    return { object: init, name: property.key.name };
  }
  return undefined;
}

/** The expression a variable holds, when it is assigned once and its members never written. */
function heldValue(sourceCode: Readonly<TSESLint.SourceCode>, references: ReferenceIndex, identifier: TSESTree.Identifier): Node | undefined {
  const access = destructuredFrom(sourceCode, identifier);
  if (access) return memberOf(sourceCode, references, access.object, access.name);
  const init = constantInitializer(sourceCode, identifier);
  const variable = init && resolveVariable(sourceCode, identifier);
  if (!init || !variable) return undefined;
  // `msg.seen = [...msg.seen]` elsewhere: the literal no longer tells what is sent.
  if (variable.references.some((reference) => writesMember(reference.identifier))) return undefined;
  // A literal handed to code the file does not show (`configure(msg)`, `Object.assign(msg, extra)`,
  // `const same = msg`) may be filled in there. Other values keep their kind (a Map stays a Map);
  // a use inside the initializer itself reads the variable before it holds anything.
  const literal = skipTransparent(init);
  if (literal.type !== 'ObjectExpression' && literal.type !== 'ArrayExpression') return init;
  const allowed = (use: Node): boolean => use === identifier || (use.range[0] >= init.range[0] && use.range[1] <= init.range[1]);
  return reachedElsewhere(sourceCode, variable, references, allowed) ? undefined : init;
}

/** `a.b` where `a` holds an object or array literal: the expression written for `b`. */
function memberValue(sourceCode: Readonly<TSESLint.SourceCode>, references: ReferenceIndex, member: TSESTree.MemberExpression): Node | undefined {
  const name = memberName(member);
  return name === undefined ? undefined : memberOf(sourceCode, references, member.object, name);
}

function memberOf(sourceCode: Readonly<TSESLint.SourceCode>, references: ReferenceIndex, objectNode: Node, name: string): Node | undefined {
  const object = followValue(sourceCode, references, objectNode);
  if (object?.type === 'ObjectExpression') return propertyValue(object, name);
  if (object?.type === 'ArrayExpression' && /^\d+$/.test(name)) {
    const element = object.elements[Number(name)];
    return element && element.type !== 'SpreadElement' ? element : undefined;
  }
  return undefined;
}

/** Follows identifiers to the expression they hold (unwrapping `as`, `!`, `satisfies`). */
function followValue(sourceCode: Readonly<TSESLint.SourceCode>, references: ReferenceIndex, node: Node): Node | undefined {
  let current = skipTransparent(node);
  for (let depth = 0; depth < MAX_DEPTH && current.type === 'Identifier'; depth += 1) {
    const held = heldValue(sourceCode, references, current);
    if (!held) return current;
    current = skipTransparent(held);
  }
  return current;
}

function writesMember(identifier: Node): boolean {
  let member: Node = identifier;
  while (member.parent?.type === 'MemberExpression' && member.parent.object === member) member = member.parent;
  if (member === identifier) return false;
  const parent = member.parent;
  if (!parent) return false;
  if (parent.type === 'AssignmentExpression' && parent.left === member) return true;
  if (parent.type === 'UpdateExpression') return true;
  return parent.type === 'UnaryExpression' && parent.operator === 'delete';
}

/**
 * What an identifier is known to be from where it comes from: the parameter of a `catch` clause
 * or of a promise rejection handler (`.catch(err => …)`, `.then(ok, err => …)`) is an Error,
 * `arguments` an arguments object. A parameter assigned again may hold anything, and an Error whose
 * members are written (`err.toJSON = …`) or that is handed to code the file does not show
 * (`Object.defineProperty(err, 'message', { enumerable: true })`, `serializable(err)`) may no
 * longer serialize as an Error does.
 */
function originBehaviour(
  sourceCode: Readonly<TSESLint.SourceCode>,
  references: ReferenceIndex,
  identifier: TSESTree.Identifier,
): { type: string; behaviour: Behaviour } | undefined {
  const variable = resolveVariable(sourceCode, identifier);
  if (!variable) return undefined;
  if (identifier.name === 'arguments' && variable.defs.length === 0 && variable.scope.type === 'function') {
    return { type: 'arguments', behaviour: ARGUMENTS };
  }
  const [definition] = variable.defs;
  if (variable.defs.length !== 1 || !definition || variable.references.some((reference) => reference.isWrite())) return undefined;
  const isError =
    (definition.type === 'CatchClause' && definition.node.param === definition.name) ||
    (definition.type === 'Parameter' && isRejectionHandler(definition.node) && definition.node.params[0] === definition.name);
  // `if (!(err instanceof Error)) send(err)`: the value sent there is not an Error.
  if (!isError || typeTestedAt(sourceCode, references, identifier, variable) === 'other') return undefined;
  const changed =
    variable.references.some((reference) => writesMember(reference.identifier)) ||
    reachedElsewhere(sourceCode, variable, references, (use) => use === identifier);
  return changed ? undefined : { type: 'Error', behaviour: EMPTIED };
}

/** `p.catch(fn)` or `p.then(ok, fn)`: `fn` receives the rejection reason. */
function isRejectionHandler(fn: Node): boolean {
  const call = fn.parent;
  if (call?.type !== 'CallExpression' || call.callee.type !== 'MemberExpression') return false;
  const method = memberName(call.callee);
  return (method === 'catch' && call.arguments[0] === fn) || (method === 'then' && call.arguments[1] === fn);
}

/** An identifier bound to a function or class declaration. */
function isFunctionBinding(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier): boolean {
  const definition = resolveVariable(sourceCode, identifier)?.defs[0];
  return definition?.type === 'FunctionName' || definition?.type === 'ClassName';
}
