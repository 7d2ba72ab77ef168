/**
 * Whether the code handles the failure of a start (its program missing, a non-zero exit): a start
 * that throws inside a `try` with a `catch` of its own function, one whose promise rejects with the
 * rejection handled, either at a call of a wrapper the failure leaves through, or at every call of
 * the function it leaves when the file declares that function and does not export it. Such a start is a
 * probe: its author expects it to fail somewhere and chose the fallback. A start that tells by an
 * event, a callback or a returned `{ error }` is never handled here: a `try` does not see it.
 */
import type { TSESTree } from '@typescript-eslint/utils';

import type { StartFailure } from '../catalog/starters.js';
import { enclosingFunction, isExportedFunction } from '../syntax/ast.js';
import { bindingReads } from '../syntax/scope.js';
import type { StarterSite } from '../file/starters.js';
import type { FileAnalysis } from '../contract/file-analysis.js';
import { isCaughtHere, isRejectionHandled, promiseChainEnd } from './platform.js';

type Node = TSESTree.Node;

/** How the call `site` tells that its start failed, when a `try` or a promise handler can see it. */
export function failureOf(site: StarterSite): StartFailure | undefined {
  const { failure } = site.spec;
  if (failure === 'callback') return site.callee.promisified ? 'rejects' : undefined;
  return failure;
}

/** Whether the code handles a failure raised at `node` right there. */
export function isHandledAt(analysis: FileAnalysis, node: Node, failure: StartFailure): boolean {
  return failure === 'throws' ? isCaughtHere(analysis, node) : isRejectionHandled(analysis, node);
}

/**
 * What becomes of the failure of the start `site` reached through `calls` (the wrapper calls,
 * outermost first): `handled` at one of them or at the start, or how it leaves the function of the
 * outermost (thrown from a plain function, rejected from an async one or as the promise it
 * returns); undefined when nothing shows where it goes.
 */
export function startFailureThrough(analysis: FileAnalysis, site: StarterSite, calls: readonly Node[] = []): StartFailure | 'handled' | undefined {
  const chain = [...calls, site.node];
  let failure: StartFailure | 'handled' | undefined = failureOf(site);
  for (let index = chain.length - 1; index >= 0 && failure !== undefined && failure !== 'handled'; index -= 1) {
    const node = chain[index];
    if (node) failure = isHandledAt(analysis, node, failure) ? 'handled' : leaving(node, failure);
  }
  if (failure === undefined || failure === 'handled') return failure;
  // Left through a local function: handled when every call of it handles the failure.
  const callers = localCalls(analysis, enclosingFunction(chain[0] ?? site.node));
  return callers && callers.length > 0 && callers.every((call) => isHandledAt(analysis, call, failure)) ? 'handled' : failure;
}

/**
 * The calls of a function the file declares and does not export, when every read of its name is a
 * call of it; undefined otherwise (its callers are not all known).
 */
function localCalls(analysis: FileAnalysis, fn: Node | undefined): Node[] | undefined {
  if (!fn || isExportedFunction(fn)) return undefined;
  const reads = bindingReads(analysis.sourceCode, fn);
  if (!reads) return undefined;
  const calls: Node[] = [];
  for (const read of reads) {
    if (read.parent.type !== 'CallExpression' || read.parent.callee !== read) return undefined;
    calls.push(read.parent);
  }
  return calls;
}

/** How an unhandled failure at `node` reaches the calls of its function. */
function leaving(node: Node, failure: StartFailure): StartFailure | undefined {
  const fn = enclosingFunction(node);
  if (!fn) return undefined;
  if (failure === 'throws') return fn.async ? 'rejects' : 'throws';
  // A promise reaches the caller when the function returns it (or its `.then` chain), or awaits it and is async.
  const end = promiseChainEnd(node);
  if (end === undefined || end === 'handled') return undefined;
  if (end.parent?.type === 'ReturnStatement' || fn.body === end) return 'rejects';
  return end.parent?.type === 'AwaitExpression' && fn.async ? 'rejects' : undefined;
}
