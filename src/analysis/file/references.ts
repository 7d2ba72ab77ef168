/**
 * Reference resolution: which expressions of a file evaluate to members of the tracked modules.
 *
 * The index follows values forward from where modules enter the file (static imports, `require`,
 * `createRequire`, `process.getBuiltinModule`, `import x = require()`, the `process` global) through
 * member accesses, destructuring, aliases, calls and `new`, resolving every identifier through
 * ESLint's scope manager. A local function named `spawn` is never labelled: only values that really
 * come from a tracked module are.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { stripNodePrefix } from '../catalog/platform-apis.js';
import { WEB_WORKER_GLOBALS, WEB_WORKER_MODULE } from '../catalog/starters.js';
import { isStringLike, memberName, nodeAtIndex, stringValue, walk } from '../syntax/ast.js';
import { globalReferences, resolveVariable } from '../syntax/scope.js';
import { escapeRegExp } from '../../util/regexp.js';
import { runsWhereWebWorkersExist, workerImportPath } from './web-workers.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

/** Path segment for the result of calling a value. */
export const CALL_RESULT = '()';
/** Path segment for the instance made by `new`. */
export const INSTANCE = 'new';
/** Pseudo-modules for the CommonJS globals. */
export const REQUIRE_MODULE = '#require';
export const GLOBALS_MODULE = '#global';

/** What an expression evaluates to: a member path from a tracked module's object. */
export interface ModuleRef {
  /** Module id without `node:`; `#require` for `require`, `#global` for `module`/`__filename`… */
  readonly module: string;
  /** Member names from the module object; `()` marks a call result, `new` an instance. */
  readonly path: readonly string[];
  /** The call or `new` whose result (or a member of it) this is. */
  readonly origin?: Invocation['node'];
}

/** A call, `new` or tagged template whose callee is a tracked value. */
export interface Invocation {
  readonly node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.TaggedTemplateExpression;
  readonly callee: ModuleRef;
  readonly kind: 'call' | 'construct';
}

/** A module brought into the file, and the node that brings it. */
export interface ModuleLoad {
  readonly module: string;
  readonly node:
    | TSESTree.ImportDeclaration
    | TSESTree.TSImportEqualsDeclaration
    | TSESTree.CallExpression
    | TSESTree.ImportExpression;
  /**
   * `import` (static, linked before the module runs), `require` (a call at run time) or
   * `dynamic-import` (`import(x)`: a promise that rejects when the module cannot be loaded).
   */
  readonly style: 'import' | 'require' | 'dynamic-import';
}

/** The label set of one file. Built once; read by every rule through the analysis cache. */
export interface ReferenceIndex {
  /** What a node evaluates to, when it is a tracked value. */
  refOf(node: Node): ModuleRef | undefined;
  /** Every invocation of a tracked value, in source order of discovery. */
  readonly invocations: readonly Invocation[];
  /** Every load of a tracked module. */
  readonly loads: readonly ModuleLoad[];
  /** Local variables bound to a tracked value, e.g. `isMainThread` from a named import. */
  bindingOf(variable: Variable): ModuleRef | undefined;
  /** Whether nothing in the file comes from a tracked module (rules may stop at once). */
  readonly isEmpty: boolean;
}

export function refKey(ref: Pick<ModuleRef, 'module' | 'path'>): string {
  return `${ref.module}:${ref.path.join('.')}`;
}

export function isRef(ref: ModuleRef | undefined, module: string, ...path: string[]): boolean {
  return (
    ref !== undefined &&
    ref.module === module &&
    ref.path.length === path.length &&
    ref.path.every((segment, index) => segment === path[index])
  );
}

function child(ref: ModuleRef, segment: string, origin?: ModuleRef['origin']): ModuleRef {
  // `require('x').default` and `import x from 'x'` name the module object itself (CJS interop).
  if (segment === 'default' && ref.path.length === 0) return ref;
  return { module: ref.module, path: [...ref.path, segment], origin: origin ?? ref.origin };
}

function isRequireFunction(ref: ModuleRef): boolean {
  return (
    isRef(ref, REQUIRE_MODULE) ||
    isRef(ref, 'module', 'createRequire', CALL_RESULT) ||
    isRef(ref, 'process', 'getBuiltinModule')
  );
}

/** Wrappers that do not change the value: `x!`, `x as T`, `x satisfies T`, `<T>x`, `a?.b`. */
const TRANSPARENT_PARENTS = new Set<string>([
  'ChainExpression',
  'TSNonNullExpression',
  'TSAsExpression',
  'TSSatisfiesExpression',
  'TSTypeAssertion',
  'TSInstantiationExpression',
]);

const EMPTY_INDEX: ReferenceIndex = {
  refOf: () => undefined,
  bindingOf: () => undefined,
  invocations: [],
  loads: [],
  isEmpty: true,
};

const mentionPatterns = new WeakMap<ReadonlySet<string>, RegExp>();

/** The globals the index follows, and what each is. */
const GLOBAL_REFS: ReadonlyMap<string, ModuleRef> = new Map([
  ['require', { module: REQUIRE_MODULE, path: [] }],
  ['process', { module: 'process', path: [] }],
  ['module', { module: GLOBALS_MODULE, path: ['module'] }],
  ['__filename', { module: GLOBALS_MODULE, path: ['__filename'] }],
  ['__dirname', { module: GLOBALS_MODULE, path: ['__dirname'] }],
]);
const TRACKED_GLOBALS = [...GLOBAL_REFS.keys()];
/** Text every Web Worker global and worker import (`?worker`, `?sharedworker`) contains. */
const WEB_WORKER_MENTIONS = ['Worker', '?worker', '?sharedworker'];

/**
 * Whether the text can reference a tracked value at all: every module enters through a string
 * literal naming it (an import, `require`, `getBuiltinModule`) or through a tracked global.
 * Searching the text is far cheaper than the scope walk it saves (most ES modules use neither).
 */
function mentionsTrackedValue(text: string, trackedModules: ReadonlySet<string>): boolean {
  if ([...TRACKED_GLOBALS, ...WEB_WORKER_MENTIONS].some((name) => text.includes(name))) return true;
  let pattern = mentionPatterns.get(trackedModules);
  if (!pattern) {
    const names = [...trackedModules].map(escapeRegExp);
    pattern = new RegExp(`['"\`](?:node:)?(?:${names.join('|')})['"\`]`);
    mentionPatterns.set(trackedModules, pattern);
  }
  return pattern.test(text);
}

export function buildReferenceIndex(
  sourceCode: Readonly<TSESLint.SourceCode>,
  trackedModules: ReadonlySet<string>,
): ReferenceIndex {
  if (!mentionsTrackedValue(sourceCode.text, trackedModules)) return EMPTY_INDEX;
  const labels = new Map<Node, ModuleRef>();
  const bindings = new Map<Variable, ModuleRef>();
  const invocations: Invocation[] = [];
  const loads: ModuleLoad[] = [];
  const boundThisMembers = new Set<string>();
  /** The `this.<name>` members of each class body with a bound member, from one walk of it. */
  const thisMembersByClass = new Map<TSESTree.ClassBody, ReadonlyMap<string, readonly TSESTree.MemberExpression[]>>();

  function trackVariable(variable: Variable | undefined, ref: ModuleRef): void {
    if (!variable || bindings.has(variable)) return;
    // A variable written more than once may hold something else at a given read.
    const writes = variable.references.filter((reference) => reference.isWrite());
    if (writes.length > 1 && !writes.slice(1).every(isFallbackWrite)) return;
    bindings.set(variable, ref);
    for (const reference of variable.references) {
      if (!reference.isRead() || reference.isWrite()) continue;
      if ('isValueReference' in reference && reference.isValueReference === false) continue;
      track(reference.identifier, ref);
    }
  }

  function bindPattern(pattern: Node, ref: ModuleRef): void {
    switch (pattern.type) {
      case 'Identifier':
        trackVariable(resolveVariable(sourceCode, pattern), ref);
        return;
      case 'AssignmentPattern':
        bindPattern(pattern.left, ref);
        return;
      case 'ObjectPattern':
        for (const property of pattern.properties) {
          if (property.type !== 'Property') continue;
          const name = property.computed ? stringValue(property.key) : keyName(property.key);
          if (name !== undefined) bindPattern(property.value, child(ref, name));
        }
        return;
      case 'MemberExpression':
        bindThisMember(pattern, ref);
        return;
      default:
        return;
    }
  }

  /** `this.child = fork(...)`: every `this.child` read in the same class is that value. */
  function bindThisMember(target: TSESTree.MemberExpression, ref: ModuleRef): void {
    const name = memberName(target);
    if (target.object.type !== 'ThisExpression' || name === undefined) return;
    const classBody = enclosingClassBody(target);
    if (!classBody) return;
    const key = `${classBody.range[0]}:${name}`;
    if (boundThisMembers.has(key)) return;
    boundThisMembers.add(key);
    let members = thisMembersByClass.get(classBody);
    if (!members) thisMembersByClass.set(classBody, (members = thisMembersOf(classBody, sourceCode.visitorKeys)));
    for (const member of members.get(name) ?? []) {
      if (member === target || isAssignmentTarget(member)) continue;
      track(member, ref);
    }
  }

  /**
   * Labels `node` and everything its value flows to. The flow is followed with an explicit stack, in
   * the order a recursive walk would take (each label's successors in turn, depth first), so a long
   * chain of aliases never deepens the call stack: while a label is being followed, `track` only
   * collects its successors.
   */
  let stack: [Node, ModuleRef][] | undefined;
  function track(node: Node, ref: ModuleRef): void {
    if (stack) {
      stack.push([node, ref]);
      return;
    }
    stack = [[node, ref]];
    for (let item = stack.pop(); item; item = stack.pop()) {
      // The successors land on top of the stack; reversed there, the first is followed first.
      const start = stack.length;
      follow(item[0], item[1]);
      reverseFrom(stack, start);
    }
    stack = undefined;
  }

  function follow(node: Node, ref: ModuleRef): void {
    if (labels.has(node)) return;
    labels.set(node, ref);
    const parent = node.parent;
    if (!parent) return;
    if (TRANSPARENT_PARENTS.has(parent.type)) {
      track(parent, ref);
      return;
    }
    switch (parent.type) {
      case 'MemberExpression': {
        if (parent.object !== node) return;
        const name = memberName(parent);
        if (name !== undefined) track(parent, child(ref, name));
        return;
      }
      case 'CallExpression':
        if (parent.callee === node) {
          invocations.push({ node: parent, callee: ref, kind: 'call' });
          trackCallResult(parent, ref);
        } else if (parent.arguments[0] === node) {
          const callee = labels.get(parent.callee);
          if ((callee && isRef(callee, 'util', 'promisify')) || isInteropHelperCall(sourceCode, parent)) track(parent, ref);
        }
        return;
      case 'NewExpression':
        if (parent.callee === node) {
          invocations.push({ node: parent, callee: ref, kind: 'construct' });
          track(parent, child(ref, INSTANCE, parent));
        }
        return;
      case 'TaggedTemplateExpression':
        if (parent.tag === node) invocations.push({ node: parent, callee: ref, kind: 'call' });
        return;
      case 'VariableDeclarator':
        if (parent.init === node) bindPattern(parent.id, ref);
        return;
      case 'AssignmentExpression':
        if (parent.right === node && parent.operator === '=') bindPattern(parent.left, ref);
        return;
      case 'Property':
        // `const options = { spawn: require('child_process').spawn }`, later `options.spawn(…)`.
        if (parent.value === node && !parent.computed) trackPropertyReads(parent);
        return;
      case 'SequenceExpression':
        // `(0, child_process_1.fork)(…)`: how TypeScript and Babel emit calls of imported functions.
        if (parent.expressions.at(-1) === node) track(parent, ref);
        return;
      default:
        return;
    }
  }

  /** The reads `holder.key` of a constant object literal's property `key` are its value. */
  function trackPropertyReads(property: TSESTree.Property): void {
    const object = property.parent;
    const declarator = object.parent;
    const key = keyName(property.key);
    if (object.type !== 'ObjectExpression' || declarator?.type !== 'VariableDeclarator' || declarator.init !== object) return;
    if (declarator.id.type !== 'Identifier' || key === undefined) return;
    const variable = sourceCode.getDeclaredVariables(declarator)[0];
    if (!variable || variable.references.some((reference) => reference.isWrite() && reference.writeExpr !== object)) return;
    const value = labels.get(property.value);
    if (!value) return;
    const reads: TSESTree.MemberExpression[] = [];
    for (const reference of variable.references) {
      const member = reference.identifier.parent;
      if (member?.type !== 'MemberExpression' || member.object !== reference.identifier || memberName(member) !== key) continue;
      // `options.spawn = mySpawn` replaces the starter: no read is known to be it any more.
      if (isAssignmentTarget(member)) return;
      reads.push(member);
    }
    for (const member of reads) track(member, value);
  }

  function trackCallResult(call: TSESTree.CallExpression, callee: ModuleRef): void {
    if (isRequireFunction(callee)) {
      const id = call.arguments[0] && stringValue(call.arguments[0]);
      if (id === undefined) return;
      const module = stripNodePrefix(id);
      if (!trackedModules.has(module)) return;
      loads.push({ module, node: call, style: 'require' });
      track(call, { module, path: [] });
      return;
    }
    if (isRef(callee, 'util', 'promisify')) {
      const promisified = call.arguments[0] && labels.get(call.arguments[0]);
      if (promisified) track(call, promisified);
      return;
    }
    // `$(options)` returns another `$` (execa, zx).
    if (callee.path.at(-1) === '$') {
      track(call, callee);
      return;
    }
    track(call, child(callee, CALL_RESULT, call));
  }

  /** The default export of a worker import is the class that starts the worker. */
  function trackWorkerImport(statement: TSESTree.ImportDeclaration, workerPath: string): void {
    for (const specifier of statement.specifiers) {
      const isDefault =
        specifier.type === 'ImportDefaultSpecifier' ||
        (specifier.type === 'ImportSpecifier' && specifier.importKind !== 'type' && keyName(specifier.imported) === 'default');
      if (isDefault) trackVariable(sourceCode.getDeclaredVariables(specifier)[0], { module: WEB_WORKER_MODULE, path: [workerPath] });
    }
  }

  /**
   * Compiled CommonJS (Babel's lazy interop, also inside bundles) loads modules through functions
   * such as `function _childProcess() { const data = require('child_process'); …; return data; }`:
   * a call of such a function is the module.
   */
  function trackLazyRequires(): void {
    for (const load of [...loads]) {
      if (load.style !== 'require' || load.node.type !== 'CallExpression') continue;
      const fn = enclosingFunctionDeclaration(load.node);
      const last = fn?.body.body.at(-1);
      const returned = last?.type === 'ReturnStatement' && last.argument ? labels.get(last.argument) : undefined;
      if (!fn || !returned || returned.path.length > 0) continue;
      for (const reference of sourceCode.getDeclaredVariables(fn)[0]?.references ?? []) {
        const call = reference.identifier.parent;
        if (reference.isRead() && call?.type === 'CallExpression' && call.callee === reference.identifier) track(call, returned);
      }
    }
  }

  let importsWorker = false;
  for (const statement of sourceCode.ast.body) {
    if (statement.type === 'ImportDeclaration') {
      if (statement.importKind === 'type') continue;
      const workerPath = workerImportPath(statement.source.value);
      if (workerPath !== undefined) {
        importsWorker = true;
        trackWorkerImport(statement, workerPath);
        continue;
      }
      const module = stripNodePrefix(statement.source.value);
      if (!trackedModules.has(module)) continue;
      loads.push({ module, node: statement, style: 'import' });
      for (const specifier of statement.specifiers) {
        const ref = importedRef(module, specifier);
        if (!ref) continue;
        trackVariable(sourceCode.getDeclaredVariables(specifier)[0], ref);
      }
    } else if (
      statement.type === 'TSImportEqualsDeclaration' &&
      statement.importKind !== 'type' &&
      statement.moduleReference.type === 'TSExternalModuleReference' &&
      isStringLike(statement.moduleReference.expression)
    ) {
      const module = stripNodePrefix(statement.moduleReference.expression.value);
      if (!trackedModules.has(module)) continue;
      loads.push({ module, node: statement, style: 'require' });
      trackVariable(sourceCode.getDeclaredVariables(statement)[0], { module, path: [] });
    }
  }
  for (const expression of dynamicImports(sourceCode)) {
    const id = stringValue(expression.source);
    const module = id === undefined ? undefined : stripNodePrefix(id);
    if (module === undefined || !trackedModules.has(module)) continue;
    loads.push({ module, node: expression, style: 'dynamic-import' });
    // `await import(x)` is the module namespace; a bare `import(x)` is only a promise of it.
    if (expression.parent.type === 'AwaitExpression') track(expression.parent, { module, path: [] });
  }
  const globals = globalReferences(sourceCode, TRACKED_GLOBALS);
  for (const [name, ref] of GLOBAL_REFS) for (const identifier of globals.get(name) ?? []) track(identifier, ref);
  if (runsWhereWebWorkersExist(sourceCode, importsWorker)) {
    const webGlobals = globalReferences(sourceCode, WEB_WORKER_GLOBALS);
    for (const name of WEB_WORKER_GLOBALS) {
      for (const identifier of webGlobals.get(name) ?? []) track(identifier, { module: WEB_WORKER_MODULE, path: [name] });
    }
  }
  trackLazyRequires();

  return {
    refOf: (node) => labels.get(node),
    bindingOf: (variable) => bindings.get(variable),
    invocations,
    loads,
    isEmpty: labels.size === 0,
  };
}

/** Reverses `items[start…]` in place. */
function reverseFrom<T>(items: T[], start: number): void {
  for (let low = start, high = items.length - 1; low < high; low += 1, high -= 1) {
    const item = items[low] as T;
    items[low] = items[high] as T;
    items[high] = item;
  }
}

/** The longest helper source judged an interop helper: they are one or two lines. */
const MAX_INTEROP_HELPER_LENGTH = 600;

/**
 * `__importDefault(require('piscina'))`, `__importStar(…)`, `_interopRequireDefault(…)`, esbuild's
 * `__toESM(…)`: the helpers TypeScript, Babel and bundlers emit around `require` give back the module
 * itself or an object whose `default` (and members) are the module's. Told by their shape, a short
 * local function that reads its argument's `__esModule` flag, not by their names.
 */
function isInteropHelperCall(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression): boolean {
  if (call.callee.type !== 'Identifier') return false;
  const definition = resolveVariable(sourceCode, call.callee)?.defs[0];
  let fn: Node | undefined | null = definition?.node;
  if (fn?.type === 'VariableDeclarator') fn = fn.init;
  // `var __importDefault = (this && this.__importDefault) || function (mod) { … }`
  if (fn?.type === 'LogicalExpression') fn = fn.right;
  if (fn?.type !== 'FunctionDeclaration' && fn?.type !== 'FunctionExpression' && fn?.type !== 'ArrowFunctionExpression') return false;
  const [parameter] = fn.params;
  if (parameter?.type !== 'Identifier' || fn.range[1] - fn.range[0] > MAX_INTEROP_HELPER_LENGTH) return false;
  return sourceCode.getText(fn).includes(`${parameter.name}.__esModule`);
}

/**
 * A write that only fills the variable in when it is empty, so that where it has a value it is
 * still the first one: `if (!spawnSync) spawnSync = …` (detect-libc 1.0.3), `x = x || …`,
 * `x ||= …`, `x ??= …`, and `x == null` / `typeof x !== 'function'` tests.
 */
function isFallbackWrite(reference: TSESLint.Scope.Reference): boolean {
  const target = reference.identifier;
  const assignment = target.parent;
  if (assignment?.type !== 'AssignmentExpression' || assignment.left !== target || target.type !== 'Identifier') return false;
  if (assignment.operator === '||=' || assignment.operator === '??=') return true;
  if (assignment.operator !== '=') return false;
  const reads = (node: Node): boolean => node.type === 'Identifier' && node.name === target.name && reference.resolved !== null && reference.resolved.references.some((other) => other.identifier === node);
  const { right } = assignment;
  if (right.type === 'LogicalExpression' && right.operator !== '&&' && reads(right.left)) return true;
  let statement: Node | undefined = assignment.parent;
  if (statement?.type !== 'ExpressionStatement') return false;
  if (statement.parent.type === 'BlockStatement' && statement.parent.body.length === 1) statement = statement.parent;
  const test = statement.parent?.type === 'IfStatement' && statement.parent.consequent === statement ? statement.parent.test : undefined;
  return test !== undefined && isEmptinessTest(test, reads);
}

/** `!x`, `x == null`, `x === undefined`, `typeof x !== 'function'`: true when `x` holds nothing usable. */
function isEmptinessTest(test: Node, reads: (node: Node) => boolean): boolean {
  if (test.type === 'UnaryExpression' && test.operator === '!') return reads(test.argument);
  if (test.type !== 'BinaryExpression') return false;
  const { left, right, operator } = test;
  if (operator === '==' || operator === '===') {
    const empty = (node: Node): boolean => (node.type === 'Literal' && node.value === null) || (node.type === 'Identifier' && node.name === 'undefined');
    return (reads(left) && empty(right)) || (empty(left) && reads(right));
  }
  if (operator === '!==' || operator === '!=') {
    const typeOf = left.type === 'UnaryExpression' && left.operator === 'typeof' ? left.argument : undefined;
    return typeOf !== undefined && reads(typeOf) && stringValue(right) === 'function';
  }
  return false;
}

/**
 * The `import(x)` expressions of a file: each `import` keyword token followed by `(` is looked up
 * as the node at its position, so that a file costs nothing without one. The keywords are found by
 * searching the text (`indexOf`, far cheaper than a regular expression or a walk over the tokens);
 * one not followed by `(` (or a comment) is no call, and an `import(` inside a string or comment is no
 * token start, so neither costs a tree search.
 */
function dynamicImports(sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.ImportExpression[] {
  const found: TSESTree.ImportExpression[] = [];
  const { text } = sourceCode;
  for (let index = text.indexOf('import'); index !== -1; index = text.indexOf('import', index + 1)) {
    // What follows tells most apart without a token: `import x from`, `import {`, `imports`, `import '…'`.
    if (!mayOpenCall(text, index + 'import'.length)) continue;
    const token = sourceCode.getTokenByRangeStart(index);
    if (token?.value !== 'import' || sourceCode.getTokenAfter(token)?.value !== '(') continue;
    const node = nodeAtIndex(sourceCode.ast, sourceCode.visitorKeys, index);
    if (node?.type === 'ImportExpression' && node.range[0] === index) found.push(node);
  }
  return found;
}

/** Whether the first character after blanks at `from` can begin `(` or a comment before it. */
function mayOpenCall(text: string, from: number): boolean {
  for (let index = from; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    // space, tab, line feed, vertical tab, form feed, carriage return
    if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) continue;
    // `(`, `/` of a comment, or any other blank (no-break space, line separator): the token decides
    return code === 0x28 || code === 0x2f || code > 0x7f;
  }
  return false;
}

function enclosingFunctionDeclaration(node: Node): TSESTree.FunctionDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'FunctionDeclaration') return current;
    if (current.type === 'FunctionExpression' || current.type === 'ArrowFunctionExpression') return undefined;
  }
  return undefined;
}

function importedRef(
  module: string,
  specifier: TSESTree.ImportClause,
): ModuleRef | undefined {
  switch (specifier.type) {
    case 'ImportDefaultSpecifier':
    case 'ImportNamespaceSpecifier':
      return { module, path: [] };
    case 'ImportSpecifier': {
      if (specifier.importKind === 'type') return undefined;
      const name = keyName(specifier.imported);
      if (name === undefined) return undefined;
      return name === 'default' ? { module, path: [] } : { module, path: [name] };
    }
    default:
      return undefined;
  }
}

function keyName(key: Node): string | undefined {
  if (key.type === 'Identifier') return key.name;
  return stringValue(key);
}

function enclosingClassBody(node: Node): TSESTree.ClassBody | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'ClassBody') return current;
    // `this` inside a plain function is not the instance.
    if (current.type === 'FunctionDeclaration') return undefined;
    if (current.type === 'FunctionExpression' && current.parent?.type !== 'MethodDefinition') {
      return undefined;
    }
  }
  return undefined;
}

function isAssignmentTarget(node: Node): boolean {
  return node.parent?.type === 'AssignmentExpression' && node.parent.left === node;
}

/** The `this.<name>` member expressions of a class body by name, not descending into nested classes. */
function thisMembersOf(
  classBody: TSESTree.ClassBody,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
): Map<string, TSESTree.MemberExpression[]> {
  const found = new Map<string, TSESTree.MemberExpression[]>();
  for (const element of classBody.body) {
    walk(element, visitorKeys, (node) => {
      if (node.type === 'ClassBody') return false;
      if (node.type !== 'MemberExpression' || node.object.type !== 'ThisExpression') return true;
      const name = memberName(node);
      if (name === undefined) return true;
      const list = found.get(name);
      if (list) list.push(node);
      else found.set(name, [node]);
      return true;
    });
  }
  return found;
}
