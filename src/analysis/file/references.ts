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
import { isStringLike, memberKey, memberName, nodeAtIndex, skipTransparent, stringValue, walk } from '../syntax/ast.js';
import { globalReferences, isGlobalIdentifier, resolveVariable } from '../syntax/scope.js';
import { escapeRegExp } from '../../util/regexp.js';
import { ClassModel, type ClassShape } from './classes.js';
import { collectionOf, fieldValues, instanceMembers, instanceShapeOf, parameterArguments, writtenValues } from './receivers.js';
import { receiverType, type ReceiverType, typeServices } from './typed.js';
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
  /** Every call or `new` that may have made it, when there are several (`let child; child = a ? fork(x) : …`). */
  readonly origins?: readonly Invocation['node'][];
  /** The function as `util.promisify` returns it: a call returns a promise instead of taking a callback. */
  readonly promisified?: true;
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
  if (origin) return { module: ref.module, path: [...ref.path, segment], origin };
  return { module: ref.module, path: [...ref.path, segment], origin: ref.origin, ...(ref.origins ? { origins: ref.origins } : {}) };
}

function promisifiedRef(ref: ModuleRef): ModuleRef {
  return { ...ref, promisified: true };
}

/**
 * One value for several sources that are all the same member path (`fork()` results, `Worker`
 * instances), keeping every call that made them; undefined when they differ or one is unknown.
 */
function sameKind(refs: readonly (ModuleRef | undefined)[]): ModuleRef | undefined {
  const [first] = refs;
  if (!first || refs.some((ref) => !ref || refKey(ref) !== refKey(first))) return undefined;
  const origins = [...new Set(refs.flatMap((ref) => ref?.origins ?? (ref?.origin ? [ref.origin] : [])))];
  if (origins.length <= 1) return first;
  return { module: first.module, path: first.path, origins };
}

/** A value a receiver can be: a call result or instance (`fork()`, `new Worker()`), or `parentPort`. */
function isMadeValue(ref: ModuleRef): boolean {
  return ref.path.includes(CALL_RESULT) || ref.path.includes(INSTANCE) || isRef(ref, 'worker_threads', 'parentPort');
}

/** The outermost expression holding the same value as `node`: through `x as T`, `x!`. */
function outermost(node: Node): Node {
  let current = node;
  while (current.parent && TRANSPARENT_PARENTS.has(current.parent.type)) current = current.parent;
  return current;
}

/** What a receiver whose type is a channel of @types/node is labelled as (typed linting only). */
const TYPED_RECEIVERS: Readonly<Record<ReceiverType, ModuleRef>> = {
  ChildProcess: { module: 'child_process', path: ['ChildProcess', INSTANCE] },
  Worker: { module: 'worker_threads', path: ['Worker', INSTANCE] },
  MessagePort: { module: 'worker_threads', path: ['MessagePort', INSTANCE] },
  BroadcastChannel: { module: 'worker_threads', path: ['BroadcastChannel', INSTANCE] },
};
/** The methods a typed receiver is looked up for: signals and messages. */
const RECEIVER_METHODS = ['kill', 'send', 'postMessage'];

/** `null`, `undefined` or `void 0`: a value with no method, so no call on the receiver reaches it. */
function isEmptyValue(sourceCode: Readonly<TSESLint.SourceCode>, node: Node): boolean {
  const value = skipTransparent(node);
  if (value.type === 'Literal') return value.value === null && !('regex' in value && value.regex) && !('bigint' in value && value.bigint);
  if (value.type === 'UnaryExpression') return value.operator === 'void' && value.argument.type === 'Literal';
  return isGlobalIdentifier(sourceCode, value, 'undefined');
}

/** How many rounds the index spends on receivers whose sources are labelled by other receivers. */
const MAX_RECEIVER_ROUNDS = 8;

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
function mentionsTrackedValue(text: string, trackedModules: ReadonlySet<string>, typed: boolean): boolean {
  if ([...TRACKED_GLOBALS, ...WEB_WORKER_MENTIONS].some((name) => text.includes(name))) return true;
  if (typed && RECEIVER_METHODS.some((name) => text.includes(`.${name}`))) return true;
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
  const typed = typeServices(sourceCode) !== undefined;
  if (!mentionsTrackedValue(sourceCode.text, trackedModules, typed)) return EMPTY_INDEX;
  const labels = new Map<Node, ModuleRef>();
  const bindings = new Map<Variable, ModuleRef>();
  const invocations: Invocation[] = [];
  const loads: ModuleLoad[] = [];
  /** Receivers waiting for every source of their value to be labelled, by a key of the receiver. */
  const waiting = new Map<string, { sources: readonly Node[]; bind: (ref: ModuleRef) => void }>();
  const settled = new Set<string>();
  /** The `this.<name>` members of each class body with a bound member, from one walk of it. */
  const thisMembersByClass = new Map<TSESTree.ClassBody, ReadonlyMap<string, readonly TSESTree.MemberExpression[]>>();
  /**
   * The class model, for fields of constructor functions and compiled classes: made once the
   * modules' members are labelled (it needs node:util's `inherits`), the writes met before then kept.
   */
  let classes: ClassModel | undefined;
  let modulesLabelled = false;
  const earlyInstanceWrites: [TSESTree.MemberExpression, string][] = [];
  const instanceMembersByShape = new Map<ClassShape, ReadonlyMap<string, readonly TSESTree.MemberExpression[]>>();

  /**
   * Labels a receiver once every source of its value is labelled with the same member path: the
   * sources are listed once, and looked at again after each round of labelling.
   */
  function awaitSources(key: string, sources: () => readonly Node[] | undefined, bind: (ref: ModuleRef) => void): void {
    if (settled.has(key)) return;
    settled.add(key);
    const listed = sources();
    if (listed && listed.length > 0) waiting.set(key, { sources: listed, bind });
  }

  /** Labels the receivers whose sources are all labelled, until a round labels none. */
  function settleReceivers(): void {
    for (let round = 0; round < MAX_RECEIVER_ROUNDS && waiting.size > 0; round += 1) {
      let progress = false;
      for (const [key, receiver] of [...waiting]) {
        // `this.child = null` empties it: where a method of it can be called, it holds one of the others.
        const refs = receiver.sources.filter((source) => !isEmptyValue(sourceCode, source)).map((source) => labels.get(source));
        if (refs.some((ref) => ref === undefined)) continue;
        waiting.delete(key);
        const ref = sameKind(refs);
        if (!ref) continue;
        receiver.bind(ref);
        progress = true;
      }
      if (!progress) return;
    }
  }

  function trackVariable(variable: Variable | undefined, ref: ModuleRef): void {
    if (!variable || bindings.has(variable)) return;
    // A variable written more than once may hold something else at a given read, unless every
    // write is the same kind of start: `let child; if (a) child = fork(x); else child = fork(y)`.
    const writes = variable.references.filter((reference) => reference.isWrite());
    if (writes.length > 1 && !writes.slice(1).every(isFallbackWrite)) {
      const name = variable.defs[0]?.name;
      if (name) awaitSources(`variable:${name.range[0]}`, () => writtenValues(variable), (merged) => bindVariable(variable, merged));
      return;
    }
    bindVariable(variable, ref);
  }

  /** A variable that holds one element or argument: only when nothing else writes it. */
  function trackHolder(variable: Variable, ref: ModuleRef): void {
    const name = variable.defs[0]?.name;
    if (variable.references.every((reference) => !reference.isWrite() || reference.identifier === name)) trackVariable(variable, ref);
  }

  function bindVariable(variable: Variable, ref: ModuleRef): void {
    if (bindings.has(variable)) return;
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
        bindThisMember(pattern);
        return;
      default:
        return;
    }
  }

  /**
   * `this.child = fork(...)`: every `this.child` read in the same class is that value, when every
   * write of the field in the class is the same kind of start; `self.child = …` through an alias
   * of the instance, and `children[i] = …`, an element of a list.
   */
  function bindThisMember(target: TSESTree.MemberExpression): void {
    const name = memberName(target);
    const object = skipTransparent(target.object);
    if (target.computed && object.type === 'Identifier') {
      // `children[i] = fork(…)`
      awaitCollection(object);
      return;
    }
    if (name === undefined || (object.type !== 'ThisExpression' && object.type !== 'Identifier')) return;
    const classBody = object.type === 'ThisExpression' ? enclosingClassBody(target) : undefined;
    if (!classBody) {
      if (modulesLabelled) bindInstanceMember(target, name);
      else earlyInstanceWrites.push([target, name]);
      return;
    }
    let members = thisMembersByClass.get(classBody);
    if (!members) thisMembersByClass.set(classBody, (members = thisMembersOf(classBody, sourceCode.visitorKeys)));
    const fields = members.get(name) ?? [];
    // `child = null;` or `child = spawn(…);` declared in the class body writes the field too.
    const declared = classBody.body.flatMap((element) =>
      element.type === 'PropertyDefinition' && !element.static && element.value && memberKey(element) === name ? [element.value] : [],
    );
    awaitSources(`field:${classBody.range[0]}:${name}`, () => {
      const written = fieldValues(fields);
      return written && [...declared, ...written];
    }, (merged) => {
      for (const member of fields) if (!isAssignmentTarget(member)) track(member, merged);
    });
  }

  /** `this.child = fork()` in a constructor function, a compiled class or a method of one: the same field in all of them. */
  function bindInstanceMember(target: TSESTree.MemberExpression, name: string): void {
    classes ??= new ClassModel(sourceCode, (callee) => isRef(labels.get(callee), 'util', 'inherits'));
    const shape = instanceShapeOf(sourceCode, classes, skipTransparent(target.object));
    if (!shape) return;
    let members = instanceMembersByShape.get(shape);
    if (!members) instanceMembersByShape.set(shape, (members = instanceMembers(sourceCode, classes, shape)));
    const fields = members.get(name) ?? [];
    awaitSources(`instance-field:${shape.node.range[0]}:${name}`, () => fieldValues(fields), (merged) => {
      for (const member of fields) if (!isAssignmentTarget(member)) track(member, merged);
    });
  }

  /** `children.push(fork())`, `const children = [fork()]`: the elements of an array of children. */
  function awaitCollection(holder: Node): void {
    if (holder.type !== 'Identifier') return;
    const variable = resolveVariable(sourceCode, holder);
    const name = variable?.defs[0]?.name;
    if (!variable || !name) return;
    // Listed once per array, however many elements are pushed into it.
    let collection: ReturnType<typeof collectionOf>;
    awaitSources(`collection:${name.range[0]}`, () => (collection = collectionOf(sourceCode, variable))?.elements, (merged) => {
      if (!isMadeValue(merged) || !collection) return;
      for (const read of collection.reads) track(read, merged);
      for (const bound of collection.bindings) trackHolder(bound, merged);
    });
  }

  /** `stop(child)` of a local `function stop(c) { c.kill() }`: the parameter, when every call passes the same kind. */
  function awaitParameter(call: TSESTree.CallExpression, index: number): void {
    if (call.callee.type !== 'Identifier') return;
    const callee = resolveVariable(sourceCode, call.callee);
    const name = callee?.defs[0]?.name;
    if (!callee || !name) return;
    // Listed once per function and parameter, however many calls pass a channel.
    let flow: ReturnType<typeof parameterArguments>;
    awaitSources(`parameter:${name.range[0]}:${index}`, () => (flow = parameterArguments(sourceCode, call, index))?.values, (merged) => {
      if (isMadeValue(merged) && flow) trackHolder(flow.parameter, merged);
    });
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
        } else if (parent.arguments[0] === node && isRef(labels.get(parent.callee), 'util', 'promisify')) {
          track(parent, promisifiedRef(ref));
        } else if (parent.arguments[0] === node && isInteropHelperCall(sourceCode, parent)) {
          track(parent, ref);
        } else if (isMadeValue(ref)) {
          followArgument(parent, node);
        }
        return;
      case 'ArrayExpression': {
        // `const children = [fork(a), fork(b)]`
        const declarator = outermost(parent).parent;
        if (isMadeValue(ref) && declarator?.type === 'VariableDeclarator' && declarator.init === outermost(parent)) awaitCollection(declarator.id);
        return;
      }
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
      case 'LogicalExpression': {
        // `children[i] = children[i] || fork(…)`
        const assignment = outermost(parent).parent;
        if (parent.right === node && isMadeValue(ref) && assignment?.type === 'AssignmentExpression' && assignment.right === outermost(parent)) {
          const target = assignment.left;
          if (target.type === 'MemberExpression' && target.computed && target.object.type === 'Identifier') awaitCollection(target.object);
        }
        return;
      }
      case 'SequenceExpression':
        // `(0, child_process_1.fork)(…)`: how TypeScript and Babel emit calls of imported functions.
        if (parent.expressions.at(-1) === node) track(parent, ref);
        return;
      default:
        return;
    }
  }

  /** A child or channel passed to `children.push(…)` or to a local function. */
  function followArgument(call: TSESTree.CallExpression, argument: Node): void {
    const index = call.arguments.indexOf(argument as TSESTree.CallExpressionArgument);
    const callee = skipTransparent(call.callee);
    if (callee.type === 'MemberExpression') {
      const method = memberName(callee);
      if (method === 'push' || method === 'unshift') awaitCollection(callee.object);
    } else if (callee.type === 'Identifier') {
      awaitParameter(call, index);
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
      if (promisified) track(call, promisifiedRef(promisified));
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
  if (typed) {
    for (const receiver of methodReceivers(sourceCode, RECEIVER_METHODS)) {
      const type = labels.has(receiver) ? undefined : receiverType(sourceCode, receiver);
      if (type) track(receiver, TYPED_RECEIVERS[type]);
    }
  }
  modulesLabelled = true;
  for (const [target, name] of earlyInstanceWrites) bindInstanceMember(target, name);
  settleReceivers();

  return {
    refOf: (node) => labels.get(node),
    bindingOf: (variable) => bindings.get(variable),
    invocations,
    loads,
    isEmpty: labels.size === 0,
  };
}

/**
 * The objects of the calls `x.<method>(…)` of the file, for each of `methods`: found by searching
 * the text, each occurrence looked up as the node at its position (as `dynamicImports` does).
 */
function methodReceivers(sourceCode: Readonly<TSESLint.SourceCode>, methods: readonly string[]): Node[] {
  const found: Node[] = [];
  const { text } = sourceCode;
  for (const method of methods) {
    for (let index = text.indexOf(method); index !== -1; index = text.indexOf(method, index + 1)) {
      // `.kill(`: a member name right after the dot, a call opening after it; then a token, then the node.
      if (text[index - 1] !== '.' || !mayOpenCall(text, index + method.length)) continue;
      if (sourceCode.getTokenByRangeStart(index)?.value !== method) continue;
      const node = nodeAtIndex(sourceCode.ast, sourceCode.visitorKeys, index);
      const member = node?.parent;
      if (node?.type !== 'Identifier' || node.range[0] !== index || node.name !== method) continue;
      if (member?.type !== 'MemberExpression' || member.property !== node || member.computed) continue;
      if (member.parent.type === 'CallExpression' && member.parent.callee === member) found.push(member.object);
    }
  }
  return found;
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
 * The `import(x)` expressions of a file: each `import` followed by `(` is looked up as the node at
 * its position, so that a file costs nothing without one. The keywords are found by searching the
 * text (`indexOf`, far cheaper than a regular expression or a walk over the tokens); one not followed
 * by `(` (or a comment) is no call. Where the file has tokens, an `import(` inside a string or comment
 * is no token start and costs no tree search; a module the project layer parsed has none
 * (module-parse.ts), and the node found decides alone.
 */
export function dynamicImports(sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.ImportExpression[] {
  const found: TSESTree.ImportExpression[] = [];
  const { text } = sourceCode;
  const tokens = sourceCode.ast.tokens.length > 0;
  for (let index = text.indexOf('import'); index !== -1; index = text.indexOf('import', index + 1)) {
    // What follows tells most apart without a token: `import x from`, `import {`, `imports`, `import '…'`.
    if (!mayOpenCall(text, index + 'import'.length)) continue;
    if (tokens) {
      const token = sourceCode.getTokenByRangeStart(index);
      if (token?.value !== 'import' || sourceCode.getTokenAfter(token)?.value !== '(') continue;
    }
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
