/**
 * Function summaries: for each local function of a file, whether calling it starts a process or
 * thread, and which of its parameters reach a starter's command, script or options. A call of such
 * a function (a wrapper) can then be checked as the starter it wraps, with the caller's arguments:
 * `function run(cmd, args) { return spawn(cmd, args, { stdio: 'inherit' }) }` makes `run('npm', …)`
 * a `spawn('npm', …)`.
 *
 * Summaries are built once per file by a worklist over the call graph (wrappers of wrappers reach
 * the innermost starter), without recursion that deepens with the program: each function is
 * revisited only when its summary grows, and summaries are capped. They name AST nodes only, so
 * a cross-file model can key them by file and function position.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import type { Mechanism, TargetRole } from '../catalog/starters.js';
import { isFunction, memberKey, memberName, propertyValue, skipTransparent, walk, type FunctionNode } from '../syntax/ast.js';
import type { ClassModel, ClassShape } from './classes.js';
import { CompiledAsync } from './compiled-async.js';
import type { StarterSite } from './starters.js';
import { resolveVariable, writeCount } from '../syntax/scope.js';
import { patternPath } from './values.js';

type Node = TSESTree.Node;

/** What a parameter's value becomes at the starter: its target (by the target's role) or its options. */
export type ParameterUse = TargetRole | 'options';

/** One way a parameter reaches a starter. */
export interface ParameterRole {
  readonly use: ParameterUse;
  /** Where in the parameter the value sits: `[]` the parameter itself, `['0']` its first element. */
  readonly path: readonly string[];
  /** The starter reached (the innermost one, through any number of wrappers). */
  readonly site: StarterSite;
  /** The calls of other local functions between this function and the starter, outermost first. */
  readonly via: readonly TSESTree.CallExpression[];
  /**
   * Arguments the calls in `via` pass, from their own code, where the next function takes the
   * starter's options: `run(cmd, [], { shell: true })` inside a wrapper of `run`.
   */
  readonly fixedOptions: readonly Node[];
}

/** Where a start happens, for messages: a starter of this file or, through an import, of another. */
export interface StartPoint {
  /** The absolute path of the file, or undefined for the file at hand. */
  readonly file: string | undefined;
  readonly line: number;
  /** The starter's name, as messages give it: `spawn()`, `new Worker()`. */
  readonly starter: string;
  readonly mechanism: Mechanism;
  /** A synchronous child process: it has ended when the call returns. */
  readonly synchronous: boolean;
}

/** A call in this file that starts something a summary outside the function knows of (an import). */
export interface StartSeed {
  readonly node: Node;
  readonly point: StartPoint;
}

export interface FunctionSummary {
  readonly node: FunctionNode;
  /** Whether a call runs a starter that starts at once (directly or through local functions). */
  readonly startsWhenCalled: boolean;
  /** One start a call reaches, when it starts. */
  readonly startPoint: StartPoint | undefined;
  /** The parameters (by index) that reach a starter, and how. */
  readonly parameterRoles: ReadonlyMap<number, readonly ParameterRole[]>;
}

/** A call of a local function whose parameters reach a starter. */
export interface WrapperCall {
  readonly call: TSESTree.CallExpression;
  readonly summary: FunctionSummary;
  /** How the callee is named at the call, for messages: `run`, `tools.run`. */
  readonly name: string;
}

export interface FunctionSummaries {
  summaryOf(fn: FunctionNode): FunctionSummary | undefined;
  /** Every call of a summarized function that has parameter roles, in no particular order. */
  readonly wrapperCalls: readonly WrapperCall[];
}

/** Roles kept per parameter, and intermediate calls kept per role: bounds for generated code. */
const MAX_ROLES = 8;
const MAX_VIA = 8;
const MAX_PATH_STEPS = 8;

interface MutableSummary {
  readonly node: FunctionNode;
  startsWhenCalled: boolean;
  startPoint: StartPoint | undefined;
  /** Whether `startPoint` is reached on every call (no condition on the way): the start messages name. */
  startPointSure: boolean;
  readonly parameterRoles: Map<number, ParameterRole[]>;
}

export function buildSummaries(
  sourceCode: Readonly<TSESLint.SourceCode>,
  starters: readonly StarterSite[],
  seeds: readonly StartSeed[] = [],
  /** Starts that run only in one start context (a worker branch): a call does not always make them. */
  isConditional: (node: Node) => boolean = () => false,
  /** The class model: methods of ES5 and compiled classes are called through `this` too. */
  classes?: ClassModel,
): FunctionSummaries {
  const summaries = new Map<FunctionNode, MutableSummary>();
  const queue: FunctionNode[] = [];
  const queued = new Set<FunctionNode>();

  function summaryFor(fn: FunctionNode): MutableSummary {
    let summary = summaries.get(fn);
    if (!summary) {
      summary = { node: fn, startsWhenCalled: false, startPoint: undefined, startPointSure: false, parameterRoles: new Map() };
      summaries.set(fn, summary);
    }
    return summary;
  }

  function changed(fn: FunctionNode): void {
    if (queued.has(fn)) return;
    queued.add(fn);
    queue.push(fn);
  }

  function addRole(fn: FunctionNode, index: number, role: ParameterRole): void {
    const roles = summaryFor(fn).parameterRoles;
    const list = roles.get(index) ?? [];
    const same = list.some((other) => other.site === role.site && other.use === role.use && other.path.join('.') === role.path.join('.'));
    if (same || list.length >= MAX_ROLES) return;
    list.push(role);
    roles.set(index, list);
    changed(fn);
  }

  /** Marks `fn` as starting at `node`; a start reached on every call replaces one behind a condition. */
  function markStarts(fn: FunctionNode, node: Node, point: StartPoint | undefined, pointSure: boolean): void {
    const summary = summaryFor(fn);
    const sure = pointSure && runsOnEveryCall(node, fn);
    if (summary.startsWhenCalled && (summary.startPointSure || !sure)) return;
    summary.startsWhenCalled = true;
    summary.startPoint = point;
    summary.startPointSure = sure;
    changed(fn);
  }

  for (const seed of seeds) {
    const home = isConditional(seed.node) ? undefined : callingFunction(seed.node);
    if (home) markStarts(home, seed.node, seed.point, true);
  }
  for (const site of starters) {
    if (site.startsNow && !isConditional(site.node)) {
      const home = callingFunction(site.node);
      if (home) markStarts(home, site.node, startPointOf(site), true);
    }
    for (const [argument, use] of argumentUses(site)) {
      const source = parameterOf(sourceCode, argument);
      if (source) addRole(source.fn, source.index, { use, path: source.path, site, via: [], fixedOptions: [] });
    }
  }

  // Propagate to callers until nothing grows; each function is revisited only when it changed.
  for (let next = queue.shift(); next; next = queue.shift()) {
    queued.delete(next);
    const summary = summaryFor(next);
    for (const { call, onThis } of callsOf(sourceCode, next, classes)) {
      if (summary.startsWhenCalled && !onThis) {
        const home = callingFunction(call);
        if (home) markStarts(home, call, summary.startPoint, summary.startPointSure);
      }
      for (const [index, roles] of summary.parameterRoles) {
        const argument = argumentAt(call, index);
        const source = argument && parameterOf(sourceCode, argument);
        if (!source) continue;
        for (const role of roles) {
          if (role.via.length >= MAX_VIA) continue;
          addRole(source.fn, source.index, {
            ...role,
            path: [...source.path, ...role.path],
            via: [call, ...role.via],
            fixedOptions: [...fixedOptionsAt(sourceCode, call, summary, role.site), ...role.fixedOptions],
          });
        }
      }
    }
  }

  const wrapperCalls: WrapperCall[] = [];
  for (const summary of summaries.values()) {
    if (summary.parameterRoles.size === 0) continue;
    for (const { call, name } of callsOf(sourceCode, summary.node, classes)) wrapperCalls.push({ call, summary, name });
  }
  return { summaryOf: (fn) => summaries.get(fn), wrapperCalls };
}

/** The start a starter of this file makes. */
export function startPointOf(site: StarterSite): StartPoint {
  return {
    file: undefined,
    line: site.node.loc.start.line,
    starter: site.name,
    mechanism: site.mechanism,
    synchronous: isSynchronousSpec(site.spec),
  };
}

/**
 * `execSync`, `spawnSync`, `execaSync`, `crossSpawn.sync`, execa 5's `execa.sync`…: the child has
 * exited when the call returns.
 */
export function isSynchronousSpec(spec: StarterSite['spec']): boolean {
  return spec.module === 'child_process' ? spec.path[0]?.endsWith('Sync') === true : /(?:^s|S)ync$/.test(spec.path.at(-1) ?? '');
}

/**
 * The expressions of a starter's call that carry its target or options, and what each is; the
 * spreads of an options literal count as options (`{ stdio: 'inherit', ...options }`).
 */
function argumentUses(site: StarterSite): [Node, ParameterUse][] {
  if (site.node.type === 'TaggedTemplateExpression') return [];
  const args = site.node.arguments;
  const uses: [Node, ParameterUse][] = [];
  const target = site.spec.target;
  const targetArgument = target?.argument === undefined ? undefined : args[target.argument];
  if (target && targetArgument) uses.push([targetArgument, target.role]);
  const options = site.options ? args.indexOf(site.options) : -1;
  for (const [index, argument] of args.entries()) {
    if (site.spec.optionsFrom === undefined || index < site.spec.optionsFrom || argument === targetArgument) continue;
    // What follows the options literal is a callback.
    if (options !== -1 && index > options) break;
    // `spawn(cmd, args)`: what follows a program, unless an object literal, is its argument list.
    const argumentList = target?.role === 'command' && index === (target.argument ?? -2) + 1 && argument.type !== 'ObjectExpression';
    if (argumentList) continue;
    uses.push([argument, 'options']);
    if (argument.type !== 'ObjectExpression') continue;
    for (const property of argument.properties) if (property.type === 'SpreadElement') uses.push([property.argument, 'options']);
  }
  return uses;
}

/** What `call` passes from its own code where `callee` takes the options of `site`. */
function fixedOptionsAt(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
  callee: MutableSummary,
  site: StarterSite,
): Node[] {
  const fixed: Node[] = [];
  for (const [index, roles] of callee.parameterRoles) {
    if (!roles.some((role) => role.use === 'options' && role.site === site)) continue;
    const argument = argumentAt(call, index);
    if (argument && !parameterOf(sourceCode, argument)) fixed.push(argument);
  }
  return fixed;
}

/** The argument a call passes at `index`; none after a spread (positions are unknown). */
export function argumentAt(call: TSESTree.CallExpression, index: number): TSESTree.CallExpressionArgument | undefined {
  for (let position = 0; position <= index; position += 1) {
    if (call.arguments[position]?.type === 'SpreadElement') return undefined;
  }
  return call.arguments[index];
}

/**
 * Which parameter of which function `node` reads, and where inside it: `cmd` in
 * `function run(cmd)` is parameter 0; `file` after `const [file, ...args] = command` is element 0
 * of the parameter `command`. Followed through constants and destructuring, a bounded number of steps.
 */
export function parameterOf(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: Node,
): { fn: FunctionNode; index: number; path: string[] } | undefined {
  const suffix: string[] = [];
  let current = skipTransparent(node);
  for (let step = 0; step < MAX_PATH_STEPS; step += 1) {
    if (current.type === 'MemberExpression') {
      const name = memberName(current);
      if (name === undefined) return undefined;
      suffix.unshift(name);
      current = skipTransparent(current.object);
      continue;
    }
    if (current.type !== 'Identifier') return undefined;
    const variable = resolveVariable(sourceCode, current);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || !definition) return undefined;
    // A parameter written at all (a default value, a reassignment) or a variable written again
    // later may hold something else than what the caller passed.
    const init = definition.type === 'Variable' ? definition.node.init : undefined;
    if (variable.references.some((reference) => reference.isWrite() && (!init || reference.writeExpr !== init))) return undefined;
    if (definition.type === 'Parameter' && isFunction(definition.node)) {
      const fn = definition.node;
      for (const [index, param] of fn.params.entries()) {
        const inner = patternPath(param, current.name);
        if (inner) return { fn, index, path: [...inner, ...suffix] };
      }
      return undefined;
    }
    if (definition.type !== 'Variable' || !definition.node.init) return undefined;
    const inner = patternPath(definition.node.id, current.name);
    if (!inner) return undefined;
    suffix.unshift(...inner);
    current = skipTransparent(definition.node.init);
  }
  return undefined;
}

/** Whether `node` runs whenever `fn` does: no branch, loop, `catch` or short circuit between them. */
function runsOnEveryCall(node: Node, fn: FunctionNode): boolean {
  for (let child = node, parent = node.parent; parent && child !== fn; child = parent, parent = parent.parent) {
    switch (parent.type) {
      case 'IfStatement':
      case 'ConditionalExpression':
        if (child !== parent.test) return false;
        break;
      case 'LogicalExpression':
        if (child === parent.right) return false;
        break;
      case 'SwitchCase':
      case 'CatchClause':
      case 'ForStatement':
      case 'ForInStatement':
      case 'ForOfStatement':
      case 'WhileStatement':
      case 'DoWhileStatement':
        return false;
      default:
        if (isFunction(parent) && parent !== fn) return true;
    }
  }
  return true;
}

/**
 * The function whose call runs `node` right away: its enclosing function, or the one around a
 * `new Promise` executor (which runs during the construction).
 */
export function callingFunction(node: Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunction(current)) continue;
    const parent = current.parent;
    if (parent?.type === 'NewExpression' && parent.arguments[0] === current && parent.callee.type === 'Identifier' && parent.callee.name === 'Promise') {
      continue;
    }
    return current;
  }
  return undefined;
}

/** A call of a local function, and how the callee is named there: `run`, `tools.run`, `this.run`. */
export interface LocalCall {
  readonly call: TSESTree.CallExpression;
  readonly name: string;
  /** A method called on `this`: a subclass may override it, so its call is not taken to start anything. */
  readonly onThis: boolean;
}

/**
 * The calls of a local function: through the name it is declared or bound to (`function run`,
 * `const run = () => …`), as a method of a constant object literal (`const tools = { run() {} }`
 * then `tools.run()`), or as a method of its class called on `this` from another of its methods,
 * whatever form the class model (`classes`) knows the class in: an ES5 prototype method
 * (`X.prototype.run = function …`) or a compiled class's.
 */
export function callsOf(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode, classes?: ClassModel): LocalCall[] {
  if (fn.parent?.type === 'MethodDefinition') return classBodyCalls(sourceCode, fn.parent);
  const method = classes?.methodOf(fn);
  if (method && method.shape.kind !== 'class' && method.shape.kind !== 'factory') return shapeCalls(sourceCode, method.shape, method.key);
  const binding = bindingOf(sourceCode, fn);
  if (!binding) return [];
  const calls: LocalCall[] = [];
  for (const reference of binding.variable.references) {
    if (!reference.isRead() || reference.isWrite()) continue;
    let callee: Node = reference.identifier;
    if (binding.method !== undefined) {
      const member = callee.parent;
      if (member?.type !== 'MemberExpression' || member.object !== callee || memberName(member) !== binding.method) continue;
      callee = member;
    }
    const call = callee.parent;
    if (call?.type === 'CallExpression' && call.callee === callee) calls.push({ call, name: sourceCode.getText(callee), onThis: false });
  }
  return calls;
}

/** One class's `this.name(…)` calls by name, and the names written on `this`. */
interface ThisCalls {
  readonly calls: Map<string, LocalCall[]>;
  readonly written: Set<string>;
}

/** Per class body, and per class of another form: the index of its `this` calls. */
const thisCallCache = new WeakMap<TSESTree.ClassBody | ClassShape, ThisCalls>();

/**
 * `this.run(…)` in the methods of `method`'s class (static ones for a static method), and in the
 * arrows and compiled async bodies within them, where `this` is the instance; none when the class writes `this.run` itself.
 */
function classBodyCalls(sourceCode: Readonly<TSESLint.SourceCode>, method: TSESTree.MethodDefinition): LocalCall[] {
  const key = memberKey(method);
  if (key === undefined || method.kind !== 'method') return [];
  const body = method.parent;
  let index = thisCallCache.get(body);
  if (!index) {
    const members = body.body.flatMap((member) => (member.type === 'MethodDefinition' && member.value.body ? [{ fn: member.value, prefix: member.static ? 'static ' : '' }] : []));
    index = indexThisCalls(sourceCode, members);
    thisCallCache.set(body, index);
  }
  const name = (method.static ? 'static ' : '') + key;
  // Overload signatures have no body; two bodies under one name leave the last one in place: unknown.
  const sameName = body.body.filter((member) => member.type === 'MethodDefinition' && member.value.body && member.static === method.static && memberKey(member) === key);
  if (index.written.has(name) || sameName.length !== 1) return [];
  return index.calls.get(name) ?? [];
}

/** `this.run(…)` in the constructor and prototype methods of an ES5 or compiled class; none when `run` has two definitions or is written on `this`. */
function shapeCalls(sourceCode: Readonly<TSESLint.SourceCode>, shape: ClassShape, key: string): LocalCall[] {
  let index = thisCallCache.get(shape);
  if (!index) {
    const functions = [...(shape.constructorFunction ? [shape.constructorFunction] : []), ...[...shape.methods.values()].flat()];
    index = indexThisCalls(sourceCode, functions.map((fn) => ({ fn, prefix: '' })));
    thisCallCache.set(shape, index);
  }
  if (index.written.has(key) || shape.methods.get(key)?.length !== 1) return [];
  return index.calls.get(key) ?? [];
}

/** The `this` calls and writes in `functions`, outside nested functions other than arrows and compiled async bodies (which keep `this`). */
function indexThisCalls(sourceCode: Readonly<TSESLint.SourceCode>, functions: readonly { fn: FunctionNode; prefix: string }[]): ThisCalls {
  const found: ThisCalls = { calls: new Map(), written: new Set() };
  const compiledAsync = new CompiledAsync(sourceCode);
  for (const { fn, prefix } of functions) {
    walk(fn.body, sourceCode.visitorKeys, (node) => {
      if ((node.type === 'FunctionExpression' && !compiledAsync.keepsThis(node)) || node.type === 'FunctionDeclaration' || node.type === 'ClassBody') return false;
      if (node.type !== 'MemberExpression' || node.object.type !== 'ThisExpression') return undefined;
      const name = memberKey(node);
      if (name === undefined) return undefined;
      const parent = node.parent;
      if (parent.type === 'CallExpression' && parent.callee === node) {
        const list = found.calls.get(prefix + name) ?? [];
        list.push({ call: parent, name: sourceCode.getText(node), onThis: true });
        found.calls.set(prefix + name, list);
      } else if (parent.type === 'AssignmentExpression' && parent.left === node) {
        found.written.add(prefix + name);
      }
      return undefined;
    });
  }
  return found;
}

function bindingOf(
  sourceCode: Readonly<TSESLint.SourceCode>,
  fn: FunctionNode,
): { variable: TSESLint.Scope.Variable; method?: string } | undefined {
  let declaring: Node | undefined;
  let method: string | undefined;
  const parent = fn.parent;
  if (fn.type === 'FunctionDeclaration') declaring = fn;
  else if (parent?.type === 'VariableDeclarator' && parent.init === fn) declaring = parent;
  else if (parent?.type === 'Property' && parent.value === fn && parent.parent.type === 'ObjectExpression') {
    // `const tools = { run(cmd) { … } }`
    const object = parent.parent;
    const holder = object.parent;
    const key = parent.computed ? undefined : parent.key.type === 'Identifier' ? parent.key.name : undefined;
    if (key === undefined || holder?.type !== 'VariableDeclarator' || holder.init !== object || propertyValue(object, key) !== fn) return undefined;
    declaring = holder;
    method = key;
  }
  if (!declaring) return undefined;
  const variable = sourceCode.getDeclaredVariables(declaring)[0];
  if (!variable || variable.defs.length !== 1) return undefined;
  if (writeCount(variable) > (fn.type === 'FunctionDeclaration' ? 0 : 1)) return undefined;
  return method === undefined ? { variable } : { variable, method };
}
