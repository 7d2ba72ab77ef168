/**
 * Platform reasoning shared by the portability rules: on which platforms a node can run, which
 * strings an argument can take on which platforms, and whether a failure right there is handled.
 */
import type { TSESTree } from '@typescript-eslint/utils';

import { PLATFORMS, type Platform } from '../catalog/platform-apis.js';
import { enclosingFunction, memberName, outerValue } from '../syntax/ast.js';
import { possiblePlatforms, provesProgramRan } from '../file/guards/facts.js';
import type { FileAnalysis } from '../contract/file-analysis.js';
import { isComplete, type PossibleString } from '../file/values.js';
import { dispatchedOffWindows } from './program-dispatch.js';

type Node = TSESTree.Node;

const ALL_PLATFORMS: ReadonlySet<Platform> = new Set(PLATFORMS);

/**
 * The platforms `node` can run on, narrowed further by the conditions around `sources` (the
 * literals a value it uses comes from): `isWindows ? 'npm.cmd' : 'npm'` yields `'npm.cmd'` only on
 * Windows, wherever the call is. The platform never changes while a program runs, so conditions at
 * both places hold together.
 */
export function platformsAt(analysis: FileAnalysis, node: Node, sources: readonly Node[] = []): ReadonlySet<Platform> {
  return withRunners(analysis, platformsAtAll(analysis, [node, ...sources]));
}

/** The platforms on which the conditions at every one of `nodes` hold together. */
function platformsAtAll(analysis: FileAnalysis, nodes: readonly Node[]): ReadonlySet<Platform> {
  return nodes.reduce<ReadonlySet<Platform>>((platforms, at) => intersection(platforms, analysis.guards.platformsAt(at)), ALL_PLATFORMS);
}

function intersection(a: ReadonlySet<Platform>, b: ReadonlySet<Platform>): ReadonlySet<Platform> {
  return new Set([...a].filter((platform) => b.has(platform)));
}

/** A fixture runs only where the files that start it do (fixture-runners.ts). */
function withRunners(analysis: FileAnalysis, platforms: ReadonlySet<Platform>): ReadonlySet<Platform> {
  const runners = analysis.runnerPlatforms;
  return runners ? new Set([...platforms].filter((platform) => runners.has(platform))) : platforms;
}

/** A string an argument can take, and the platforms on which the call can receive it. */
export interface PlatformString {
  readonly value: string;
  readonly platforms: ReadonlySet<Platform>;
}

/** Every string `expression` (an argument of the call `at`) can take in full, with where it can occur. */
export function stringsByPlatform(analysis: FileAnalysis, expression: Node, at: Node): PlatformString[] {
  return valuesByPlatform(analysis, analysis.values.strings(expression).filter(isComplete), [at]);
}

/**
 * Where each possible value can occur, given the nodes it passes through on its way (a call, the
 * wrapper calls that lead to it): the conditions around all of them hold together. `alternatives`
 * are all the values the expression can take (`values` may be a selection of them): a POSIX
 * program picked against its Windows counterpart among them, or against one of `elsewhere` (the
 * commands of the file's other starts) in the other branch, does not occur on Windows
 * (`program-dispatch.ts`).
 */
export function valuesByPlatform(
  analysis: FileAnalysis,
  values: readonly PossibleString[],
  at: readonly Node[],
  alternatives: readonly PossibleString[] = values,
  elsewhere: readonly PossibleString[] = [],
): PlatformString[] {
  const offWindows = dispatchedOffWindows(analysis, values, alternatives, elsewhere);
  return values.map((possible) => {
    let platforms = platformsAtAll(analysis, [...at, ...possible.sources]);
    // A value replaced where a test holds occurs only where it does not.
    const unless = (possible.unless ?? []).flatMap((test) => analysis.guards.conditionFacts(test, false));
    if (unless.length > 0) platforms = intersection(platforms, possiblePlatforms(unless));
    if (offWindows.has(possible)) platforms = new Set([...platforms].filter((platform) => platform !== 'win32'));
    return { value: possible.value, platforms: withRunners(analysis, platforms) };
  });
}

/**
 * Whether, at every one of `nodes`, a probe of `program` (a `spawnSync()` of it by that name,
 * without a shell) is proven to have exited with status 0: the program exists and starts there.
 */
export function programRanAt(analysis: FileAnalysis, nodes: readonly Node[], program: string): boolean {
  return nodes.length > 0 && nodes.every((node) => provesProgramRan(analysis.guards.factsAt(node), program));
}

/**
 * Whether an exception thrown synchronously at `node` is caught: it sits in the block of a `try`
 * with a `catch`, in the same function (a callback created inside a `try` runs after it is left),
 * or in a callback of `.then`, `.catch` or `.finally`, where a throw rejects the promise that call
 * returns, and that rejection is handled (`.finally(() => kill()).catch(noop)`).
 */
export function isCaughtHere(analysis: FileAnalysis, node: Node): boolean {
  const home = enclosingFunction(node);
  if (analysis.guards.factsAt(node).some((fact) => fact.kind === 'caught' && enclosingFunction(fact.test) === home)) return true;
  const reaction = home && promiseReaction(home);
  return reaction !== undefined && isRejectionHandled(analysis, reaction);
}

/** The `.then`/`.catch`/`.finally` call `fn` is a callback of, written as its argument. */
function promiseReaction(fn: Node): TSESTree.CallExpression | undefined {
  const call = outerValue(fn).parent;
  if (call?.type !== 'CallExpression' || call.callee.type !== 'MemberExpression' || !call.arguments.includes(outerValue(fn) as TSESTree.CallExpressionArgument)) return undefined;
  const method = memberName(call.callee);
  return method === 'then' || method === 'catch' || method === 'finally' ? call : undefined;
}

/**
 * Whether the rejection of the promise `promise` evaluates to is handled: a `.catch(f)` or a
 * two-argument `.then(f, g)` somewhere along its `.then`/`.finally` chain, or an `await` of the chain
 * inside a `try` with a `catch`.
 */
export function isRejectionHandled(analysis: FileAnalysis, promise: Node): boolean {
  const end = promiseChainEnd(promise);
  if (end === 'handled') return true;
  const awaited = end?.parent;
  return awaited?.type === 'AwaitExpression' && isCaughtHere(analysis, awaited);
}

/**
 * The last value of the `.then`/`.finally` chain on `promise`, which carries its rejection on;
 * `handled` at a `.catch(f)` or a two-argument `.then(f, g)`; undefined past any other method.
 */
export function promiseChainEnd(promise: Node): Node | 'handled' | undefined {
  let current = outerValue(promise);
  for (;;) {
    const member = current.parent;
    if (member?.type !== 'MemberExpression' || member.object !== current) return current;
    const call = member.parent;
    if (call.type !== 'CallExpression' || call.callee !== member) return current;
    const method = memberName(member);
    if (method === 'catch' || (method === 'then' && call.arguments.length >= 2)) return 'handled';
    if (method !== 'then' && method !== 'finally') return undefined;
    current = outerValue(call);
  }
}

/**
 * A platform API used where no guard proves it works: what the portability rule reports and what
 * the dependency scan counts as failing at load. The values name what is at fault, not the words.
 */
export interface PlatformProblem {
  readonly kind: PlatformProblemKind;
  /** A named import of a POSIX-only member (`ImportSpecifier`), a call, or the argument at fault. */
  readonly node: Node;
  /** The API (`getuid`, `fs.lchmodSync()`, `child.kill()`), as the message names it. */
  readonly name?: string;
  readonly signal?: string;
  /** The platform-only package. */
  readonly module?: string;
  /** Where it works (`platformPackage*`) or where it throws (`platformThrow`). */
  readonly platforms?: readonly Platform[];
  /** When an environment makes it throw (`environmentThrow`), and when that runs. */
  readonly condition?: string;
  readonly when?: 'module-load' | 'construction';
  /** A `kill` reached through a call of `through()`: where the `kill` is (no file: this one). */
  readonly reached?: { readonly file: string | undefined; readonly line: number; readonly through: string };
}

export type PlatformProblemKind =
  | 'posixImport'
  | 'posixCall'
  | 'macosOnly'
  | 'processGroupKill'
  | 'posixSignal'
  | 'windowsSignal'
  | 'platformThrow'
  | 'environmentThrow'
  | 'platformPackageImport'
  | 'platformPackageLoad';

/** Whether code that can run only on `platforms` runs only where the API exists (`allowed`). */
export function onlyOn(platforms: ReadonlySet<Platform>, allowed: readonly Platform[]): boolean {
  return [...platforms].every((platform) => allowed.includes(platform));
}
