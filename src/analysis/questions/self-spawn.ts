/**
 * Self-spawns: starters whose child runs this very module again (`fork(__filename)`,
 * `new Worker(new URL(import.meta.url))`, `cluster.fork()` without `setupPrimary({ exec })`), and
 * the checks by which such a module tells its own worker apart.
 */
import type { TSESTree } from '@typescript-eslint/utils';

import type { SelfSpawnMechanism } from '../catalog/start-contexts.js';

import { isFunction, optionsArgument, propertyValue, skipTransparent, walk, type FunctionNode } from '../syntax/ast.js';
import type { FileAnalysis, StarterSite } from '../contract/file-analysis.js';
import { contextFacts } from '../file/guards/facts.js';
import { isRef } from '../file/references.js';
import { namesOwnFileFromFolder, type SelfPathContext } from '../file/self-paths.js';
import { selfReference, type SelfReference } from '../file/values.js';
import { bindingReads } from '../syntax/scope.js';

export type { SelfSpawnMechanism };

export interface SelfSpawn {
  readonly site: StarterSite;
  readonly mechanism: SelfSpawnMechanism;
  /**
   * How the path names this module (`'own folder'`: a path built from the module's folder and its
   * own file name); `cluster.fork()` has none (it reruns the entry script).
   */
  readonly reference?: SelfReference | 'own folder';
}

const selfSpawnCache = new WeakMap<FileAnalysis, readonly SelfSpawn[]>();

export function selfSpawns(analysis: FileAnalysis): readonly SelfSpawn[] {
  const cached = selfSpawnCache.get(analysis);
  if (cached) return cached;
  const result: SelfSpawn[] = [];
  const clusterRunsOtherScript = setsClusterScript(analysis);
  for (const site of analysis.starters) {
    if (site.mechanism === 'cluster') {
      if (!clusterRunsOtherScript) result.push({ site, mechanism: 'cluster' });
      continue;
    }
    if ((site.mechanism !== 'fork' && site.mechanism !== 'thread') || !site.target) continue;
    if (site.mechanism === 'thread' && site.spec.target?.argument === undefined) continue;
    const reference = selfReference(analysis.sourceCode, analysis.references, site.target);
    if (reference) result.push({ site, mechanism: site.mechanism, reference });
    else if (namesOwnFileFromFolder(selfPathContext(analysis), site.target)) {
      result.push({ site, mechanism: site.mechanism, reference: 'own folder' });
    }
  }
  selfSpawnCache.set(analysis, result);
  return result;
}

function selfPathContext(analysis: FileAnalysis): SelfPathContext {
  const { sourceCode, references, values } = analysis;
  return { sourceCode, references, values, filename: analysis.fileModel.filename };
}

/** `cluster.setupPrimary({ exec })` / `setupMaster` naming a script other than this module. */
function setsClusterScript(analysis: FileAnalysis): boolean {
  return analysis.references.invocations.some((invocation) => {
    if (!isRef(invocation.callee, 'cluster', 'setupPrimary') && !isRef(invocation.callee, 'cluster', 'setupMaster')) {
      return false;
    }
    const node = invocation.node as TSESTree.CallExpression;
    const options = optionsArgument(node.arguments, 0);
    const exec = options && propertyValue(options, 'exec');
    if (exec === undefined) return false;
    return !selfReference(analysis.sourceCode, analysis.references, exec) && !namesOwnFileFromFolder(selfPathContext(analysis), exec);
  });
}

/**
 * A start in `fn`'s own body, outside any start-context check, that runs the entry script again:
 * `cluster.fork()` with no other script set, `fork(process.argv[1])`, `fork(require.main.filename)`.
 * A module whose load calls `fn` is run again by the child, which calls `fn` again.
 */
export function entryRestartIn(analysis: FileAnalysis, fn: FunctionNode): SelfSpawn | undefined {
  return selfSpawns(analysis).find(
    (spawn) =>
      (spawn.mechanism === 'cluster' || spawn.reference === 'process.argv[1]' || spawn.reference === 'require.main.filename') &&
      spawn.site.startsNow &&
      nearestFunction(spawn.site.node) === fn &&
      contextFacts(analysis.guards.factsAt(spawn.site.node)).length === 0,
  );
}

function nearestFunction(node: TSESTree.Node): TSESTree.Node | undefined {
  let current = node.parent;
  while (current && !isFunction(current)) current = current.parent;
  return current;
}

export function isSelfSpawnSite(analysis: FileAnalysis, site: StarterSite): boolean {
  return selfSpawns(analysis).some((spawn) => spawn.site === site);
}

/**
 * A condition of a module that starts itself as a worker thread, deciding "I am my own worker"
 * from `isMainThread`, `parentPort` or `threadId` alone: true in any worker thread that loads the
 * module (a user's worker, a test runner's), not only in the one it started.
 */
export interface SharedThreadCheck {
  /** The check as written, with its negations (`!isMainThread`). */
  readonly check: TSESTree.Node;
  /** Whether the check, when truthy, selects the main thread (`isMainThread`, `!parentPort`). */
  readonly selectsMain: boolean;
}

const threadCheckCache = new WeakMap<FileAnalysis, readonly SharedThreadCheck[]>();

/**
 * The `if`/`?:` conditions of a module that starts itself as a worker thread which tell threads
 * apart by the main-thread row alone. A condition is not one when it, a condition around it or a
 * later `else if` of its chain reads `workerData` or an argv/env marker: the parent's marker.
 */
export function sharedThreadChecks(analysis: FileAnalysis): readonly SharedThreadCheck[] {
  const cached = threadCheckCache.get(analysis);
  if (cached) return cached;
  const result: SharedThreadCheck[] = [];
  // An entry point is started, never imported: only the workers it starts load it in a thread.
  if (analysis.fileModel.entryPoint === undefined && selfSpawns(analysis).some((spawn) => spawn.mechanism === 'thread')) {
    const marked = new Map<TSESTree.Node, boolean>();
    const isMarked = (test: TSESTree.Node): boolean => {
      let known = marked.get(test);
      if (known === undefined) {
        known = readsMarker(analysis, test);
        marked.set(test, known);
      }
      return known;
    };
    walk(analysis.sourceCode.ast, analysis.sourceCode.visitorKeys, (node) => {
      if (node.type !== 'IfStatement' && node.type !== 'ConditionalExpression') return;
      if (buildsTextOnly(node)) return;
      const fact = analysis.guards.conditionFacts(node.test, true).find((candidate) => candidate.kind === 'main-thread');
      if (!fact || fact.kind !== 'main-thread' || isMarked(node.test)) return;
      if (enclosingTests(node).some(isMarked) || elseIfTests(node).some(isMarked)) return;
      // Inside a function every call of which another thread check governs: that check decides.
      if (calledOnlyUnderCheck(analysis, node)) return;
      const check = withNegations(fact.test);
      const selectsMain = analysis.guards
        .conditionFacts(check, true)
        .some((candidate) => candidate.kind === 'main-thread' && candidate.value);
      result.push({ check, selectsMain });
    });
  }
  threadCheckCache.set(analysis, result);
  return result;
}

/**
 * `` `works (${isMainThread ? 'main' : 'worker'})` ``: a choice between two constants that only
 * becomes part of a string runs no code in either thread.
 */
function buildsTextOnly(node: TSESTree.IfStatement | TSESTree.ConditionalExpression): boolean {
  if (node.type !== 'ConditionalExpression' || !isConstant(node.consequent) || !isConstant(node.alternate)) return false;
  const parent = node.parent;
  return parent?.type === 'TemplateLiteral' || (parent?.type === 'BinaryExpression' && parent.operator === '+');
}

function isConstant(node: TSESTree.Node): boolean {
  return node.type === 'Literal' || (node.type === 'TemplateLiteral' && node.expressions.length === 0);
}

/** Whether a condition reads `workerData` (any member) or tests an argv/env marker. */
function readsMarker(analysis: FileAnalysis, test: TSESTree.Node): boolean {
  if (analysis.guards.conditionFacts(test, true).some((fact) => fact.kind === 'marker')) return true;
  let found = false;
  walk(test, analysis.sourceCode.visitorKeys, (node) => {
    const ref = analysis.references.refOf(skipTransparent(node));
    if (ref?.module === 'worker_threads' && ref.path[0] === 'workerData') found = true;
    return !found;
  });
  return found;
}

/**
 * Whether `node` is in a local function that is only ever called, and every call sits in a branch of
 * a thread check (`if (!isMainThread) workerThread()`): which thread runs the function is decided
 * there, and that check is the one reported (or is marked). A function also exported, passed or
 * called elsewhere is not.
 */
function calledOnlyUnderCheck(analysis: FileAnalysis, node: TSESTree.Node): boolean {
  let fn: TSESTree.Node | undefined = node.parent;
  while (fn && !isFunction(fn)) fn = fn.parent;
  const reads = fn && bindingReads(analysis.sourceCode, fn);
  if (!reads || reads.length === 0) return false;
  const checksThread = (test: TSESTree.Node) => analysis.guards.conditionFacts(test, true).some((fact) => fact.kind === 'main-thread');
  return reads.every((read) => read.parent?.type === 'CallExpression' && read.parent.callee === read && enclosingTests(read.parent).some(checksThread));
}

/** The tests of the `if`s and `?:`s whose branches hold `node`. */
function enclosingTests(node: TSESTree.Node): TSESTree.Node[] {
  const tests: TSESTree.Node[] = [];
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if ((parent.type === 'IfStatement' || parent.type === 'ConditionalExpression') && parent.test !== child) tests.push(parent.test);
  }
  return tests;
}

/** `if (isMainThread) … else if (workerData?.own) …`: the later tests of the chain. */
function elseIfTests(node: TSESTree.IfStatement | TSESTree.ConditionalExpression): TSESTree.Node[] {
  const tests: TSESTree.Node[] = [];
  for (let next = node.alternate; next && (next.type === 'IfStatement' || next.type === 'ConditionalExpression'); next = next.alternate) {
    tests.push(next.test);
  }
  return tests;
}

/** `isMainThread` as written in `!isMainThread`. */
export function withNegations(test: TSESTree.Node): TSESTree.Node {
  let current = test;
  while (current.parent?.type === 'UnaryExpression' && current.parent.operator === '!') current = current.parent;
  return current;
}
