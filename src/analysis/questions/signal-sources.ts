/**
 * Signals a `kill` argument holds when it is not written at the call: the signal a listener
 * receives (`process.on(sig, (signal) => process.kill(process.pid, signal))`, also a listener
 * declared apart and passed by name, `process.once('SIGHUP', onSignal)`) and the variable of
 * a loop over a signal list (`for (const sig of signals)`, `signals.forEach((sig) => …)`), the
 * shape signal-exit and foreground-child use to re-raise a caught signal.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { WINDOWS_DELIVERED_SIGNALS } from '../catalog/platform-apis.js';
import { isFunction, memberName, skipTransparent } from '../syntax/ast.js';
import { resolveVariable } from '../syntax/scope.js';
import { followConstant } from '../file/values.js';
import type { FileAnalysis } from '../contract/file-analysis.js';
import { LISTENER_METHODS } from './kill-calls.js';
import { type PlatformString, stringsByPlatform } from './platform.js';


type Node = TSESTree.Node;
type Variable = NonNullable<ReturnType<typeof resolveVariable>>;


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
    const events = listenedEvents(analysis, listener);
    if (events) {
      // The listener receives the signal it is registered for.
      sources = events;
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
    .filter((signal) => !onlyDelivered || WINDOWS_DELIVERED_SIGNALS.has(signal.value));
}

/**
 * The events `fn` listens to: the one of the `process.on(event, fn)` it is written in, or, for a
 * function declared apart, those of every `process.on(event, name)` that passes it, when the file
 * uses its name for nothing else.
 */
function listenedEvents(analysis: FileAnalysis, fn: Node): Node[] | undefined {
  const event = listenedEvent(analysis, fn);
  if (event) return [event];
  const declaration = fn.type === 'FunctionDeclaration' ? fn : fn.parent?.type === 'VariableDeclarator' && fn.parent.init === fn ? fn.parent : undefined;
  // A function declaration declares its parameters too: its own name is the `FunctionName`.
  const variables = declaration ? analysis.sourceCode.getDeclaredVariables(declaration) : [];
  const named = variables.filter((candidate) => candidate.defs.some((definition) => definition.type === 'FunctionName' || definition.type === 'Variable'));
  const variable = named.length === 1 ? named[0] : undefined;
  const uses = variable?.references.filter((reference) => reference.init !== true) ?? [];
  const events = uses.map((reference) => listenedEvent(analysis, reference.identifier));
  if (uses.length === 0 || events.some((listened) => listened === undefined)) return undefined;
  return events.filter((listened): listened is Node => listened !== undefined);
}

/** The event argument of `process.on(event, fn)` when `fn` (a function or its name) is its listener. */
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
