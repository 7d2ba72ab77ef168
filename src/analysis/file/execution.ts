/**
 * Execution time: when a node runs relative to the module's import and to object construction.
 *
 * - `module-load`: while the module is being evaluated (top level, IIFEs, synchronous callbacks of
 *   top-level calls, `new Promise` executors, static blocks and static fields of classes evaluated at
 *   load), or in a local function that top-level code calls (`via` is that call: one level);
 * - `construction`: in a constructor of any form the class model knows (file/classes.ts), an
 *   instance field initializer, or a method the constructor reaches through `this.method()` calls
 *   (or an alias of `this`, `self.method()`), a chain of up to eight, each before the first
 *   `await` or `yield` of the method making it (`via` is the constructor's own call);
 *   An async function the constructor runs reaches its first `await` and returns: what comes after
 *   runs later. At load the import still starts it, so there the `await` changes nothing;
 * - `later`: anything else (function bodies nobody calls at load, callbacks, methods).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { isFunction, memberKey, memberName, skipTransparent, walk, type FunctionNode } from '../syntax/ast.js';
import { bindingReads, isGlobalIdentifier } from '../syntax/scope.js';
import type { ClassModel, ClassNode, ClassShape, ConstructedNode } from './classes.js';
import { CompiledAsync } from './compiled-async.js';

type Node = TSESTree.Node;

export type Execution =
  | { readonly when: 'module-load'; readonly via?: TSESTree.CallExpression }
  | {
      readonly when: 'construction';
      /** The class or constructor function being constructed. */
      readonly classNode: ConstructedNode;
      /** `this.method()` in the constructor that leads here, through any methods between. */
      readonly via?: TSESTree.CallExpression;
      /** The method `via` calls. */
      readonly method?: string;
    }
  | { readonly when: 'later' };

const LATER: Execution = { when: 'later' };

/** `this.m()` calls followed from the constructor through the methods it runs. */
const MAX_METHOD_HOPS = 8;

/** How the constructor reaches a method: its own call that starts the chain, and the method that call names. */
interface ConstructionReach {
  readonly via: TSESTree.CallExpression;
  readonly method: string;
}
const AT_LOAD: Execution = { when: 'module-load' };

/** Array and iterator methods that call their callback before returning. */
const SYNC_CALLBACK_METHODS: ReadonlySet<string> = new Set([
  'forEach',
  'map',
  'filter',
  'reduce',
  'reduceRight',
  'some',
  'every',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'flatMap',
  'sort',
  'toSorted',
]);

export class ExecutionModel {
  private readonly functionCache = new Map<FunctionNode, Execution>();
  /** Executions without following calls of local functions (see `execution`). */
  private readonly directFunctionCache = new Map<FunctionNode, Execution>();
  private readonly instantiationCache = new Map<ConstructedNode, readonly TSESTree.NewExpression[]>();
  /**
   * Where each async function suspends, outside its nested functions: the range evaluated before the
   * suspension (an `await` and its operand, a `for await` up to its iterable).
   */
  private readonly awaitCache = new Map<FunctionNode, (readonly [number, number])[]>();
  private readonly compiledAsync: CompiledAsync;
  private readonly reachCache = new Map<ClassShape, ReadonlyMap<string, ConstructionReach>>();

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly classes: () => ClassModel,
  ) {
    this.compiledAsync = new CompiledAsync(sourceCode);
  }

  /** When `node` runs. */
  executionOf(node: Node): Execution {
    return this.execution(node, true);
  }

  /**
   * With `followCalls`, a local function also runs at load when top-level code calls it (`via`);
   * without, only where it is written (IIFEs, callbacks, constructors). The call-chain walk asks the
   * second, so it stays one level deep however long a chain of local functions is.
   */
  private execution(node: Node, followCalls: boolean): Execution {
    let current: Node = node;
    for (let parent = node.parent; parent; current = parent, parent = parent.parent) {
      if (isFunction(parent)) {
        const execution = this.functionExecution(parent, followCalls);
        // The constructor returns at the first `await` of an async function it runs.
        return execution.when === 'construction' && this.afterAwait(parent, node) ? LATER : execution;
      }
      if (parent.type === 'PropertyDefinition' && current === parent.value) {
        const classNode = parent.parent.parent;
        return parent.static ? this.directExecution(classNode) : { when: 'construction', classNode };
      }
      if (parent.type === 'StaticBlock') return this.directExecution(parent.parent.parent);
    }
    return AT_LOAD;
  }

  /**
   * Whether `node` in the async function `fn` (or one compiled to a helper's callback, with `yield`s) can run only after an `await` of `fn` (one before it,
   * or one inside it: `spawn(await command())`). In the operand of an `await` (`await start()`) it
   * runs before that one.
   */
  private afterAwait(fn: FunctionNode, node: Node): boolean {
    let awaits = this.awaitCache.get(fn);
    if (!awaits) {
      const found: (readonly [number, number])[] = [];
      const helperCall = fn.async ? undefined : this.immediateInvocation(fn);
      if (helperCall?.type === 'CallExpression' && this.compiledAsync.runsNow(helperCall, fn)) {
        // A compiled async function suspends at its yields.
        found.push(...this.compiledAsync.suspensions(fn, helperCall));
      } else if (fn.async) {
        walk(fn.body, this.sourceCode.visitorKeys, (inner) => {
          if (isFunction(inner) || inner.type === 'ClassBody') return false;
          if (inner.type === 'AwaitExpression') found.push(inner.range);
          if (inner.type === 'ForOfStatement' && inner.await) found.push([inner.range[0], inner.right.range[1]]);
          return true;
        });
      }
      awaits = found;
      this.awaitCache.set(fn, awaits);
    }
    return awaits.some(([start, end]) => node.range[1] > start && !(node.range[0] > start && node.range[1] <= end));
  }

  /**
   * The `new C()` evaluated at module load (directly, not through a local function) that constructs
   * this local class, if any: the first of `instantiationsAtLoad`.
   */
  instantiationAtLoad(classNode: ConstructedNode): TSESTree.NewExpression | undefined {
    return this.instantiationsAtLoad(classNode)[0];
  }

  /** Every `new C()` evaluated at module load (directly) that constructs this local class, in source order. */
  instantiationsAtLoad(classNode: ConstructedNode): readonly TSESTree.NewExpression[] {
    const cached = this.instantiationCache.get(classNode);
    if (cached) return cached;
    // Set before the walk: a construction reached while computing its own answer sees none.
    this.instantiationCache.set(classNode, []);
    const found: TSESTree.NewExpression[] = [];
    for (const identifier of this.callableReferences(classNode)) {
      const parent = identifier.parent;
      if (parent?.type === 'NewExpression' && parent.callee === identifier && this.runsDirectlyAtLoad(parent)) found.push(parent);
    }
    found.sort((a, b) => a.range[0] - b.range[0]);
    this.instantiationCache.set(classNode, found);
    return found;
  }

  /** Execution of a node without following calls of local functions (the one level already used). */
  private directExecution(node: Node): Execution {
    return this.execution(node, false);
  }

  private runsDirectlyAtLoad(node: Node): boolean {
    return this.directExecution(node).when === 'module-load';
  }

  private functionExecution(fn: FunctionNode, followCalls: boolean): Execution {
    const cache = followCalls ? this.functionCache : this.directFunctionCache;
    const cached = cache.get(fn);
    if (cached) return cached;
    // Recursion (a function reached from itself) ends as `later`.
    cache.set(fn, LATER);
    const execution = this.computeFunctionExecution(fn, followCalls);
    cache.set(fn, execution);
    return execution;
  }

  private computeFunctionExecution(fn: FunctionNode, followCalls: boolean): Execution {
    const parent = fn.parent;
    if (!parent) return LATER;

    const invokedBy = this.immediateInvocation(fn);
    if (invokedBy) return this.execution(invokedBy, followCalls);

    const classes = this.classes();
    const constructed = classes.constructedBy(fn);
    if (constructed) return { when: 'construction', classNode: constructed.node };
    const method = classes.methodOf(fn);
    if (method) return this.calledFromConstructor(method.shape, method.key);
    // Other class members (accessors, static members) run when something else calls them.
    if ((parent.type === 'MethodDefinition' || parent.type === 'PropertyDefinition') && parent.value === fn) return LATER;
    return followCalls ? this.calledAtLoad(fn) : LATER;
  }

  /** The call that runs `fn` right where it is written: an IIFE, a sync callback, a Promise executor. */
  private immediateInvocation(fn: FunctionNode): TSESTree.CallExpression | TSESTree.NewExpression | undefined {
    let wrapper: Node = fn;
    while (wrapper.parent && skipTransparent(wrapper.parent) === fn) wrapper = wrapper.parent;
    const parent = wrapper.parent;
    if (!parent) return undefined;
    if (parent.type === 'CallExpression' && parent.callee === wrapper) return parent;
    // `(function () {}).call(this)`
    if (
      parent.type === 'MemberExpression' &&
      parent.object === wrapper &&
      ['call', 'apply'].includes(memberName(parent) ?? '') &&
      parent.parent.type === 'CallExpression' &&
      parent.parent.callee === parent
    ) {
      return parent.parent;
    }
    if (parent.type === 'NewExpression' && parent.arguments[0] === wrapper && isGlobalIdentifier(this.sourceCode, parent.callee, 'Promise')) {
      return parent;
    }
    if (parent.type === 'CallExpression' && parent.arguments.includes(wrapper as TSESTree.CallExpressionArgument)) {
      if (this.compiledAsync.runsNow(parent, fn)) return parent;
      const callee = skipTransparent(parent.callee);
      if (callee.type !== 'MemberExpression') return undefined;
      const method = memberName(callee);
      if (method !== undefined && SYNC_CALLBACK_METHODS.has(method)) return parent;
      // `Array.from(items, fn)`
      if (method === 'from' && parent.arguments[1] === wrapper && isGlobalIdentifier(this.sourceCode, callee.object, 'Array')) {
        return parent;
      }
    }
    return undefined;
  }

  /** A method runs during construction when the constructor reaches it through `this.key()` calls (see `constructionReach`). */
  private calledFromConstructor(shape: ClassShape, key: string): Execution {
    const reach = this.constructionReach(shape).get(key);
    return reach ? { when: 'construction', classNode: shape.node, ...reach } : LATER;
  }

  /**
   * The methods the constructor runs before it returns, by key, with the constructor's call that
   * leads to each: its own `this.key()` (or `self.key()`) calls, then those of the methods they
   * run, up to `MAX_METHOD_HOPS` calls deep. A worklist over the class's functions, each scanned
   * once; a call counts when it runs as its function does (in its body or a callback run at once,
   * such as a compiled async body) and before that function's first `await` or `yield`.
   */
  private constructionReach(shape: ClassShape): ReadonlyMap<string, ConstructionReach> {
    const cached = this.reachCache.get(shape);
    if (cached) return cached;
    const reached = new Map<string, ConstructionReach>();
    this.reachCache.set(shape, reached);
    // The constructor with a body: TypeScript's overload signatures come before it.
    const constructor = shape.constructorFunction;
    if (constructor?.body?.type !== 'BlockStatement') return reached;
    let frontier: { fn: FunctionNode; origin?: ConstructionReach }[] = [{ fn: constructor }];
    for (let hop = 0; hop < MAX_METHOD_HOPS && frontier.length > 0; hop += 1) {
      const next: typeof frontier = [];
      for (const { fn, origin } of frontier) {
        for (const { call, key } of this.instanceCalls(shape, fn)) {
          if (reached.has(key)) continue;
          const reach = origin ?? { via: call, method: key.replace(/^#/, '') };
          reached.set(key, reach);
          for (const method of shape.methods.get(key) ?? []) next.push({ fn: method, origin: reach });
        }
      }
      frontier = next;
    }
    return reached;
  }

  /** `this.key()` (or `self.key()`) calls that run while `fn` runs, before its first suspension, in source order. */
  private instanceCalls(shape: ClassShape, fn: FunctionNode): { call: TSESTree.CallExpression; key: string }[] {
    const found: { call: TSESTree.CallExpression; key: string }[] = [];
    walk(fn.body, this.sourceCode.visitorKeys, (node) => {
      // Nested classes are separate.
      if (node.type === 'ClassBody') return false;
      if (node.type !== 'CallExpression') return true;
      const callee = skipTransparent(node.callee);
      const key = callee.type === 'MemberExpression' ? memberKey(callee) : undefined;
      if (key !== undefined && callee.type === 'MemberExpression' && this.classes().isInstance(shape, callee.object) && this.runsWithin(node, fn, callee.object)) {
        found.push({ call: node, key });
      }
      return true;
    });
    return found;
  }

  /**
   * Whether `node` runs while `fn` runs, before `fn` (or a function between) suspends: every
   * function between is run at once where it is written, and keeps `fn`'s `this` when `instance`
   * is `this` (an arrow, or a compiled async body a proven helper runs with it).
   */
  private runsWithin(node: Node, fn: FunctionNode, instance: Node): boolean {
    const readsThis = skipTransparent(instance).type === 'ThisExpression';
    for (let parent = node.parent; parent; parent = parent.parent) {
      if (!isFunction(parent)) continue;
      if (this.afterAwait(parent, node)) return false;
      if (parent === fn) return true;
      if (!this.immediateInvocation(parent)) return false;
      if (readsThis && parent.type !== 'ArrowFunctionExpression' && !this.compiledAsync.keepsThis(parent)) return false;
    }
    return false;
  }

  /** A local function runs at load when top-level code calls it (one level of calls). */
  private calledAtLoad(fn: FunctionNode): Execution {
    for (const identifier of this.callableReferences(fn)) {
      const parent = identifier.parent;
      if (parent?.type === 'CallExpression' && parent.callee === identifier && this.runsDirectlyAtLoad(parent)) {
        return { when: 'module-load', via: parent };
      }
    }
    return LATER;
  }
  private callableReferences(node: FunctionNode | ClassNode): TSESTree.Identifier[] {
    return bindingReads(this.sourceCode, node) ?? [];
  }
}
