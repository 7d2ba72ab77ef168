/**
 * Signals a `kill` argument holds when it is not written at the call: the signal a listener
 * receives (`process.on(sig, (signal) => process.kill(process.pid, signal))`) and the variable of
 * a loop over a signal list (`for (const sig of signals)`, `signals.forEach((sig) => …)`), the
 * shape signal-exit and foreground-child use to re-raise a caught signal.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { type FileAnalysis, followConstant, isFunction, memberName, type PlatformString, resolveVariable, skipTransparent, stringsByPlatform } from '../../analysis/index.js';


type Node = TSESTree.Node;
type Variable = NonNullable<ReturnType<typeof resolveVariable>>;

export const LISTENER_METHODS: ReadonlySet<string> = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);

/**
 * The signals Windows delivers to `process.on()` listeners: a `kill` inside the listener of any
 * other signal never runs there. Of these, `kill` cannot send SIGHUP and SIGWINCH on Windows.
 */
const DELIVERED_ON_WINDOWS: ReadonlySet<string> = new Set(['SIGINT', 'SIGBREAK', 'SIGHUP', 'SIGWINCH']);

/** The signals `identifier` can hold at `call`, or undefined when it is not one of these forms. */
export function derivedSignals(analysis: FileAnalysis, identifier: Node, call: Node): PlatformString[] | undefined {
  if (identifier.type !== 'Identifier') return undefined;
  const variable = resolveVariable(analysis.sourceCode, identifier);
  if (!variable || variable.references.some((reference) => reference.isWrite() && reference.init !== true)) return undefined;
  const definition = variable.defs.length === 1 ? variable.defs[0] : undefined;
  const listener = definition?.type === 'Parameter' ? definition.node : undefined;
  let sources: readonly Node[] | undefined;
  let onlyDelivered = false;
  if (listener && isFunction(listener) && listener.params[0] === definition?.name) {
    const event = listenedEvent(analysis, listener);
    if (event) {
      // The listener receives the signal it is registered for.
      sources = [event];
      onlyDelivered = true;
    } else {
      sources = forEachList(analysis, listener);
    }
  } else if (definition?.type === 'Variable') {
    sources = forOfList(analysis, definition.node);
  }
  if (!sources) return undefined;
  onlyDelivered ||= insideListenerOf(analysis, call, variable);
  return sources
    .flatMap((source) => stringsByPlatform(analysis, source, call))
    .filter((signal) => !onlyDelivered || DELIVERED_ON_WINDOWS.has(signal.value));
}

/** The event argument of `process.on(event, fn)` when `fn` is its listener. */
function listenedEvent(analysis: FileAnalysis, fn: Node): Node | undefined {
  const call = fn.parent;
  if (call?.type !== 'CallExpression' || call.arguments[1] !== fn) return undefined;
  const method = analysis.references.refOf(call.callee);
  const isListen = method?.module === 'process' && method.path.length === 1 && LISTENER_METHODS.has(method.path[0] ?? '');
  const event = call.arguments[0];
  return isListen && event && event.type !== 'SpreadElement' ? event : undefined;
}

/** `[...].forEach((sig) => …)` or `SIGNALS.forEach(…)` over an array literal: its elements. */
function forEachList(analysis: FileAnalysis, fn: Node): Node[] | undefined {
  const call = fn.parent;
  if (call?.type !== 'CallExpression' || call.arguments[0] !== fn) return undefined;
  const callee = skipTransparent(call.callee);
  if (callee.type !== 'MemberExpression' || memberName(callee) !== 'forEach') return undefined;
  return listElements(analysis, callee.object);
}

/** `for (const sig of [...])`: the elements of the list. */
function forOfList(analysis: FileAnalysis, declarator: TSESTree.VariableDeclarator): Node[] | undefined {
  const loop = declarator.parent.parent;
  if (loop?.type !== 'ForOfStatement' || loop.left !== declarator.parent || declarator.id.type !== 'Identifier') return undefined;
  return listElements(analysis, loop.right);
}

function listElements(analysis: FileAnalysis, node: Node): Node[] | undefined {
  const list = followConstant(analysis.sourceCode, node);
  if (list.type !== 'ArrayExpression') return undefined;
  return list.elements.filter((element): element is TSESTree.Expression => element !== null && element.type !== 'SpreadElement');
}

/** Whether `node` runs in a `process.on(sig, …)` listener whose event is `variable`. */
function insideListenerOf(analysis: FileAnalysis, node: Node, variable: Variable): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunction(current)) continue;
    const event = listenedEvent(analysis, current);
    if (event?.type === 'Identifier' && resolveVariable(analysis.sourceCode, event) === variable) return true;
  }
  return false;
}
