/**
 * Whether the code handles the failure of a start (its program missing, a non-zero exit): a start
 * that throws inside a `try` with a `catch` of its own function, one whose promise rejects with the
 * rejection handled, one that tells it in its result (spawnSync, execa with `reject: false`) with a
 * condition on the fields that tell it, either at a call of a wrapper the failure leaves through,
 * or at every call of the function it leaves when the file declares that function and does not
 * export it. Such a start is a probe: its author expects it to fail somewhere and chose the
 * fallback. A start that tells by a callback is handled where that callback, written at the start,
 * only tests its error (failure-results.ts); by an event, never: a `try` does not see it. `reject: false` counts only written in the options object at the start (after any spread).
 */
import type { TSESTree } from '@typescript-eslint/utils';

import type { StartFailure, StarterSpec } from '../catalog/starters.js';
import { enclosingFunction, isExportedFunction, outerValue, propertyValue } from '../syntax/ast.js';
import { bindingReads } from '../syntax/scope.js';
import type { StarterSite } from '../file/starters.js';
import type { FileAnalysis } from '../contract/file-analysis.js';
import { isCallbackErrorTested, isResultTested } from './failure-results.js';
import { isCaughtHere, isRejectionHandled, promiseChainEnd } from './platform.js';

type Node = TSESTree.Node;

/** The failure a rejection or a throw becomes when an option makes the start tell it in its result. */
const IN_RESULT: Partial<Record<StartFailure, StartFailure>> = { throws: 'returns', rejects: 'resolves' };

/** How the call `site` tells that its start failed, when a `try`, a promise handler or a test of its result can see it. */
export function failureOf(site: StarterSite): StartFailure | undefined {
  const { failure, failureResult } = site.spec;
  if (failure === 'callback') return site.callee.promisified ? 'rejects' : undefined;
  const option = failureResult?.option;
  const inResult = failure && option && site.options && setsLiterally(site.options, option.name, option.value) ? IN_RESULT[failure] : undefined;
  return inResult ?? failure;
}

/** Whether the object literal sets `name` to the literal `value`, with no spread after it that may set it again. */
function setsLiterally(options: TSESTree.ObjectExpression, name: string, value: boolean): boolean {
  const written = propertyValue(options, name);
  if (written?.type !== 'Literal' || written.value !== value) return false;
  const at = options.properties.findIndex((property) => property.type === 'Property' && property.value === written);
  return !options.properties.slice(at + 1).some((property) => property.type === 'SpreadElement');
}

/** Whether the code handles a failure of a start of `spec` raised at `node` right there. */
export function isHandledAt(analysis: FileAnalysis, node: Node, failure: StartFailure, spec: StarterSpec): boolean {
  switch (failure) {
    case 'throws':
      return isCaughtHere(analysis, node);
    case 'rejects':
      return isRejectionHandled(analysis, node);
    default:
      return spec.failureResult !== undefined && isResultTested(analysis.sourceCode, node, failure === 'resolves', spec.failureResult.fields);
  }
}

/**
 * What becomes of the failure of the start `site` reached through `calls` (the wrapper calls,
 * outermost first): `handled` at one of them or at the start, or how it leaves the function of the
 * outermost (thrown from a plain function, rejected from an async one or as the promise it
 * returns); undefined when nothing shows where it goes.
 */
export function startFailureThrough(analysis: FileAnalysis, site: StarterSite, calls: readonly Node[] = []): StartFailure | 'handled' | undefined {
  const chain = [...calls, site.node];
  // `exec(cmd, (error) => { if (!error) … })`: the callback chose the fallback, as a `catch` does.
  if (site.spec.failure === 'callback' && !site.callee.promisified && isCallbackErrorTested(analysis.sourceCode, site.node)) return 'handled';
  let failure: StartFailure | 'handled' | undefined = failureOf(site);
  for (let index = chain.length - 1; index >= 0 && failure !== undefined && failure !== 'handled'; index -= 1) {
    const node = chain[index];
    if (node) failure = isHandledAt(analysis, node, failure, site.spec) ? 'handled' : leaving(node, failure);
  }
  if (failure === undefined || failure === 'handled') return failure;
  // Left through a local function: handled when every call of it handles the failure.
  const callers = localCalls(analysis, enclosingFunction(chain[0] ?? site.node));
  return callers && callers.length > 0 && callers.every((call) => isHandledAt(analysis, call, failure, site.spec)) ? 'handled' : failure;
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
  if (failure === 'returns' || failure === 'resolves') {
    // A result reaches the caller when the function returns it as is (or awaits its promise and returns that).
    const value = outerValue(node);
    const returned = (result: Node) => result.parent?.type === 'ReturnStatement' || fn.body === result;
    if (returned(value)) return fn.async || failure === 'resolves' ? 'resolves' : 'returns';
    return failure === 'resolves' && fn.async && value.parent?.type === 'AwaitExpression' && returned(outerValue(value.parent)) ? 'resolves' : undefined;
  }
  // A promise reaches the caller when the function returns it (or its `.then` chain), or awaits it and is async.
  const end = promiseChainEnd(node);
  if (end === undefined || end === 'handled') return undefined;
  if (end.parent?.type === 'ReturnStatement' || fn.body === end) return 'rejects';
  return end.parent?.type === 'AwaitExpression' && fn.async ? 'rejects' : undefined;
}
