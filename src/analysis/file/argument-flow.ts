/**
 * Argument flow: a value a check reads at a call of its own (the signal of `child.kill(sig)`, the
 * message of `child.send(msg)`) that is a parameter of a local function is carried back through
 * the calls of that function, and of the functions calling it with their own parameters, to the
 * calls that supply it: `const stop = (sig) => child.kill(sig)` makes `stop('SIGUSR1')` the call
 * that sends SIGUSR1. The starters' own targets and options follow the same calls in the function
 * summaries (`local-functions.ts`); this is the same walk for values that are not a start's.
 *
 * One worklist per question over the file's local functions (`callsOf`): a function is revisited
 * only when what reaches it grows, roles per parameter and calls per chain are capped, so the work
 * is linear in the file and no recursion deepens with the program. A chain longer than the cap, a
 * spread before the argument, a parameter reassigned or a function called from where the file does
 * not show is unknown, and yields nothing.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import type { FunctionNode } from '../syntax/ast.js';
import type { ClassModel } from './classes.js';
import type { StepCounter } from './guards/steps.js';
import { argumentAt, callsOf, parameterOf } from './local-functions.js';

type Node = TSESTree.Node;

/** A value a check reads: the expression at the check's own call. */
export interface FlowSink {
  readonly argument: Node;
}

/** A value that reaches a sink from the argument of a call of a local function. */
export interface FlowedArgument<T extends FlowSink> {
  readonly sink: T;
  /** The expression that supplies the value, at the call that is not itself inside a wrapper's parameter. */
  readonly argument: Node;
  /** Where in the argument the value sits: `[]` the argument itself, `['signal']` its `signal` member. */
  readonly path: readonly string[];
  /** The calls from the one supplying the value to the sink's function, outermost first. */
  readonly via: readonly TSESTree.CallExpression[];
  /** How the outermost callee is named, for messages: `stop`, `this.stop`, `tools.stop`. */
  readonly name: string;
}

/** A sink a parameter of a function reaches, for the function's callers (here or in other modules). */
export interface ParameterSink<T extends FlowSink> {
  readonly sink: T;
  /** Where in the parameter the value sits. */
  readonly path: readonly string[];
  /** The calls from the function to the sink's function, outermost first. */
  readonly via: readonly TSESTree.CallExpression[];
}

export interface ArgumentFlows<T extends FlowSink> {
  /** The arguments of this file's calls that supply a sink's value. */
  readonly flows: readonly FlowedArgument<T>[];
  /** The sinks each parameter (by index) of `fn` reaches. */
  sinksOf(fn: FunctionNode): ReadonlyMap<number, readonly ParameterSink<T>[]>;
}

type Role<T extends FlowSink> = ParameterSink<T>;

/** Sinks kept per parameter, and calls kept per chain: bounds for generated code. */
const MAX_ROLES = 8;
const MAX_VIA = 8;

/**
 * The parameters that carry the sinks' values, and the arguments that supply them; `counter` counts
 * the work. The class model is read only once a sink reaches a parameter: most files have none.
 */
export function argumentFlows<T extends FlowSink>(
  analysis: { readonly sourceCode: Readonly<TSESLint.SourceCode>; readonly classes?: ClassModel },
  sinks: readonly T[],
  counter: StepCounter = { steps: 0 },
): ArgumentFlows<T> {
  const { sourceCode } = analysis;
  const roles = new Map<FunctionNode, Map<number, Role<T>[]>>();
  const queue: FunctionNode[] = [];
  const queued = new Set<FunctionNode>();

  function addRole(fn: FunctionNode, index: number, role: Role<T>): void {
    counter.steps += 1;
    let byIndex = roles.get(fn);
    if (!byIndex) roles.set(fn, (byIndex = new Map()));
    const list = byIndex.get(index) ?? [];
    const key = role.path.join('.');
    if (list.length >= MAX_ROLES || list.some((other) => other.sink === role.sink && other.path.join('.') === key)) return;
    list.push(role);
    byIndex.set(index, list);
    if (queued.has(fn)) return;
    queued.add(fn);
    queue.push(fn);
  }

  for (const sink of sinks) {
    const source = parameterOf(sourceCode, sink.argument);
    if (source) addRole(source.fn, source.index, { sink, path: source.path, via: [] });
  }
  // Carry each role to the callers that pass a parameter of their own; the others supply the value.
  for (let next = queue.shift(); next; next = queue.shift()) {
    queued.delete(next);
    for (const { call } of callsOf(sourceCode, next, analysis.classes)) {
      for (const [index, list] of roles.get(next) ?? []) {
        const argument = argumentAt(call, index);
        const source = argument && argument.type !== 'SpreadElement' ? parameterOf(sourceCode, argument) : undefined;
        if (!source) continue;
        for (const role of list) {
          if (role.via.length >= MAX_VIA) continue;
          addRole(source.fn, source.index, { sink: role.sink, path: [...source.path, ...role.path], via: [call, ...role.via] });
        }
      }
    }
  }

  const flows: FlowedArgument<T>[] = [];
  for (const [fn, byIndex] of roles) {
    for (const { call, name } of callsOf(sourceCode, fn, analysis.classes)) {
      for (const [index, list] of byIndex) {
        counter.steps += 1;
        const argument = argumentAt(call, index);
        if (!argument || argument.type === 'SpreadElement' || parameterOf(sourceCode, argument)) continue;
        for (const role of list) flows.push({ sink: role.sink, argument, path: role.path, via: [call, ...role.via], name });
      }
    }
  }
  return { flows, sinksOf: (fn) => roles.get(fn) ?? new Map() };
}
