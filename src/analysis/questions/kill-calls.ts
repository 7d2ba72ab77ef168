/**
 * Signals sent with `kill`: the `process.kill(pid, signal)` and `subprocess.kill(signal)` calls of
 * a file (a child process of `child_process`, cross-spawn or a cluster worker), the signals of the
 * `process.on(signal, …)` listeners code runs in, and the parameters of the file's functions that
 * reach a `kill` as its signal (`const stop = (sig) => child.kill(sig)`), for the calls here that
 * pass them and for importers.
 */
import type { TSESTree } from '@typescript-eslint/utils';

import type { FileAnalysis } from '../contract/file-analysis.js';
import { argumentFlows, type ArgumentFlows } from '../file/argument-flow.js';
import { isRef, refKey } from '../file/references.js';
import { isFunction, stringValue } from '../syntax/ast.js';

type Node = TSESTree.Node;

/** Values that are a `ChildProcess`, whose `kill(signal)` fails like `process.kill` does. */
const CHILD_PROCESS_KEYS: ReadonlySet<string> = new Set([
  'child_process:spawn.()',
  'child_process:exec.()',
  'child_process:execFile.()',
  'child_process:fork.()',
  'child_process:ChildProcess.new',
  'cross-spawn:()',
  'cross-spawn:spawn.()',
  'cluster:fork.()',
  'cluster:fork.().process',
]);

export const LISTENER_METHODS: ReadonlySet<string> = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);

export interface KillCall {
  readonly call: TSESTree.CallExpression;
  /** As messages name it: `process.kill()`, `subprocess.kill()`. */
  readonly name: string;
  readonly pid: TSESTree.CallExpressionArgument | undefined;
  readonly signal: TSESTree.CallExpressionArgument | undefined;
}

/** A `kill` whose signal is an expression the file shows: the sink of the argument flow. */
export interface KillSink {
  readonly argument: Node;
  readonly kill: KillCall;
}

const killCache = new WeakMap<FileAnalysis, readonly KillCall[]>();
const flowCache = new WeakMap<FileAnalysis, ArgumentFlows<KillSink>>();

/** The file's `process.kill()` and `subprocess.kill()` calls. */
export function killCalls(analysis: FileAnalysis): readonly KillCall[] {
  let calls = killCache.get(analysis);
  if (!calls) {
    const found: KillCall[] = [];
    for (const { node, callee } of analysis.references.invocations) {
      if (node.type !== 'CallExpression' || callee.path.at(-1) !== 'kill') continue;
      if (isRef(callee, 'process', 'kill')) found.push({ call: node, name: 'process.kill()', pid: node.arguments[0], signal: node.arguments[1] });
      else if (CHILD_PROCESS_KEYS.has(refKey({ module: callee.module, path: callee.path.slice(0, -1) }))) {
        found.push({ call: node, name: 'subprocess.kill()', pid: undefined, signal: node.arguments[0] });
      }
    }
    calls = found;
    killCache.set(analysis, calls);
  }
  return calls;
}

/** The parameters of the file's functions that reach a `kill` as its signal, and the calls that pass them. */
export function signalFlows(analysis: FileAnalysis): ArgumentFlows<KillSink> {
  let flows = flowCache.get(analysis);
  if (!flows) {
    const sinks = killCalls(analysis).flatMap((kill) => (kill.signal && kill.signal.type !== 'SpreadElement' ? [{ argument: kill.signal, kill }] : []));
    flows = argumentFlows(analysis, sinks);
    flowCache.set(analysis, flows);
  }
  return flows;
}

/**
 * The signals of the `process.on(signal, …)` listeners `node` runs in, where written as strings:
 * cross-env's `process.on('SIGBREAK', () => child.kill('SIGBREAK'))` runs only on Windows, and
 * `process.on('SIGUSR2', () => process.kill(process.pid, 'SIGUSR2'))` never does.
 */
export function listenedSignals(analysis: FileAnalysis, node: Node): string[] {
  const signals: string[] = [];
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunction(current) || current.parent?.type !== 'CallExpression') continue;
    const [event, listener] = current.parent.arguments;
    const method = analysis.references.refOf(current.parent.callee);
    const signal = event && stringValue(event);
    if (listener === current && method?.module === 'process' && method.path.length === 1 && LISTENER_METHODS.has(method.path[0] ?? '')) {
      if (signal !== undefined && signal.startsWith('SIG')) signals.push(signal);
    }
  }
  return signals;
}
