/**
 * Async functions as compilers emit them for older targets: `__awaiter(this, void 0, void 0, gen)`
 * runs `gen` at once, up to its first `yield`, and `__generator(this, body)` (below ES2015) runs
 * `body` at once, up to its first `return [4, …]` (a `yield`). What comes before that suspension runs
 * while the compiled async function is being called, like the code before an `await`.
 *
 * A helper is proven by its own code, never by its name: a variable initialized once with a function
 * (alone or as the fallback of `a || function …`) that starts its callback synchronously, the
 * awaiter calling `generator.apply(thisArg, …)` in a `new P(…)` executor and the generator helper
 * calling `body.call(thisArg, …)`, both on its own parameters. Anything else stays a callback.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { isFunction, memberName, skipTransparent, walk, type FunctionNode } from '../syntax/ast.js';
import { constantInitializer, resolveVariable } from '../syntax/scope.js';

type Node = TSESTree.Node;

/** `yield` of the state machine `__generator` runs: `return [4, value]`; `yield*` is 5. */
const SUSPENDING_OPS = new Set([4, 5]);

export class CompiledAsync {
  /** Per helper function: which kind of helper it is proven to be, if any. */
  private readonly helpers = new Map<Node, 'awaiter' | 'generator' | null>();

  constructor(private readonly sourceCode: Readonly<TSESLint.SourceCode>) {}

  /** Whether `call` runs `fn`, one of its arguments, before it returns (up to `fn`'s first suspension). */
  runsNow(call: TSESTree.CallExpression, fn: FunctionNode): boolean {
    const kind = this.helperKind(call.callee);
    // The awaiter's promise is the global one (`void 0`): its executor runs at once.
    if (kind === 'awaiter') return call.arguments[3] === fn && !fn.async && isUndefined(call.arguments[2]);
    // A state machine runs on the first `next()`, which the awaiter calls at once on what its function returns.
    if (kind !== 'generator' || call.arguments[1] !== fn) return false;
    const block = call.parent?.type === 'ReturnStatement' ? call.parent.parent : undefined;
    const outer = block?.type === 'BlockStatement' ? block.parent : undefined;
    return outer !== undefined && isFunction(outer) && outer.parent?.type === 'CallExpression' && this.runsNow(outer.parent, outer);
  }

  /** Whether a proven helper runs `fn` with the `this` of the code around it (`__awaiter(this, …, fn)`). */
  keepsThis(fn: FunctionNode): boolean {
    const call = fn.parent;
    return call?.type === 'CallExpression' && call.arguments[0]?.type === 'ThisExpression' && this.runsNow(call, fn);
  }

  /**
   * Where a function a helper runs suspends, outside its nested functions: each `yield` of a
   * generator, each `return [4, …]` of a state machine body.
   */
  suspensions(fn: FunctionNode, call: TSESTree.CallExpression): (readonly [number, number])[] {
    const found: (readonly [number, number])[] = [];
    const stateMachine = this.helperKind(call.callee) === 'generator';
    walk(fn.body, this.sourceCode.visitorKeys, (node) => {
      if (isFunction(node) || node.type === 'ClassBody') return false;
      if (!stateMachine && node.type === 'YieldExpression') found.push(node.range);
      if (stateMachine && node.type === 'ReturnStatement' && isSuspendingOp(node.argument)) found.push(node.range);
      return true;
    });
    return found;
  }

  private helperKind(callee: Node): 'awaiter' | 'generator' | undefined {
    const inner = skipTransparent(callee);
    const init = inner.type === 'Identifier' ? constantInitializer(this.sourceCode, inner) : undefined;
    if (!init) return undefined;
    const value = skipTransparent(init);
    const helper = value.type === 'LogicalExpression' && value.operator === '||' ? skipTransparent(value.right) : value;
    if (helper.type !== 'FunctionExpression') return undefined;
    let kind = this.helpers.get(helper);
    if (kind === undefined) {
      kind = this.prove(helper);
      this.helpers.set(helper, kind);
    }
    return kind ?? undefined;
  }

  /** `generator.apply(thisArg, …)` inside `new P(executor)` (awaiter), or `body.call(thisArg, …)` (generator). */
  private prove(helper: TSESTree.FunctionExpression): 'awaiter' | 'generator' | null {
    const [thisArg, second, , fourth] = helper.params;
    const isParameter = (node: Node | undefined, parameter: Node | undefined) =>
      node?.type === 'Identifier' && parameter?.type === 'Identifier' && resolveVariable(this.sourceCode, node)?.defs[0]?.name === parameter;
    let kind: 'awaiter' | 'generator' | null = null;
    walk(helper.body, this.sourceCode.visitorKeys, (node) => {
      if (kind || node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || !isParameter(node.arguments[0], thisArg)) return !kind;
      const method = memberName(node.callee);
      if (method === 'apply' && helper.params.length === 4 && isParameter(node.callee.object, fourth) && insideExecutor(node, helper)) kind = 'awaiter';
      if (method === 'call' && helper.params.length === 2 && isParameter(node.callee.object, second)) kind = 'generator';
      return !kind;
    });
    return kind;
  }
}

/** The call sits in the executor of a `new …(function (resolve, reject) {…})` the helper returns. */
function insideExecutor(node: Node, helper: TSESTree.FunctionExpression): boolean {
  for (let current = node.parent; current && current !== helper; current = current.parent) {
    const parent = current.parent;
    if (isFunction(current) && parent?.type === 'NewExpression' && parent.arguments[0] === current && parent.parent?.type === 'ReturnStatement') {
      return parent.parent.parent?.parent === helper;
    }
  }
  return false;
}

function isUndefined(node: Node | undefined): boolean {
  return node?.type === 'UnaryExpression' && node.operator === 'void';
}

function isSuspendingOp(argument: Node | null | undefined): boolean {
  const first = argument?.type === 'ArrayExpression' ? argument.elements[0] : undefined;
  return first?.type === 'Literal' && typeof first.value === 'number' && SUSPENDING_OPS.has(first.value);
}
