/**
 * Calls of platform-only APIs where nothing proves the platform or the API: POSIX credential methods
 * of `process`, macOS-only `lchmod`, process group kills and signals `kill` cannot send on every
 * platform, also passed to a local or an imported function that kills with them.
 */
import type { TSESTree } from '@typescript-eslint/utils';

import { MACOS_FS_MEMBERS, type Platform, POSIX_PROCESS_MEMBERS, WINDOWS_DELIVERED_SIGNALS, WINDOWS_KILL_SIGNALS, WINDOWS_ONLY_SIGNALS } from '../catalog/platform-apis.js';
import { isFunction, skipTransparent } from '../syntax/ast.js';
import { resolveVariable } from '../syntax/scope.js';
import { throwingCalls, throwingCallsIn, type ThrowingCall } from '../file/guards/exits.js';
import type { Fact } from '../file/guards/facts.js';
import { argumentAt } from '../file/local-functions.js';
import { refKey, type ModuleRef } from '../file/references.js';
import { followConstant } from '../file/values.js';
import type { FileAnalysis } from '../contract/file-analysis.js';
import { killCalls, listenedSignals, signalFlows } from './kill-calls.js';
import { isCaughtHere, isRejectionHandled, onlyOn, type PlatformProblem, platformsAt, type PlatformString, stringsByPlatform } from './platform.js';
import { derivedSignals } from './signal-sources.js';

type Node = TSESTree.Node;

/** A presence test of any of them proves the POSIX credential API: Node defines them together. */
const POSIX_PROCESS_KEYS: ReadonlySet<string> = new Set([...POSIX_PROCESS_MEMBERS].map((name) => `process:${name}`));
/** `fs.lchmod`/`lchmodSync` exist only on macOS, so testing either proves macOS. */
const MACOS_FS_KEYS: ReadonlySet<string> = new Set([...MACOS_FS_MEMBERS].map((name) => `fs:${name}`));
/** `fs.promises.lchmod` exists everywhere and rejects off macOS: testing it proves nothing. */
const MACOS_PROMISE_KEYS: ReadonlySet<string> = new Set(['fs:promises.lchmod', 'fs/promises:lchmod']);
const MACOS: readonly Platform[] = ['darwin'];

export function platformCallProblems(analysis: FileAnalysis): PlatformProblem[] {
  const reports: PlatformProblem[] = [];
  for (const { node, callee } of analysis.references.invocations) {
    if (node.type !== 'CallExpression') continue;
    const key = refKey(callee);
    if (POSIX_PROCESS_KEYS.has(key)) reports.push(...credentialProblems(analysis, node, callee));
    else if (MACOS_FS_KEYS.has(key) || MACOS_PROMISE_KEYS.has(key)) reports.push(...lchmodProblems(analysis, node, key));
  }
  for (const { call, name, pid, signal } of killCalls(analysis)) reports.push(...killProblems(analysis, call, name, pid, signal));
  return [...reports, ...wrappedSignalProblems(analysis)];
}

/**
 * The signals local functions pass on to a `kill`: `const stop = (sig) => child.kill(sig)` then
 * `stop('SIGUSR1')`, reported at the argument, where the conditions, `try` blocks and signal
 * listeners around the call, the calls between and the `kill` all count.
 */
function wrappedSignalProblems(analysis: FileAnalysis): PlatformProblem[] {
  const reports: PlatformProblem[] = [];
  for (const { sink, argument, path, via, name } of signalFlows(analysis).flows) {
    const [outer] = via;
    const chain = [...via, sink.kill.call];
    if (!outer || path.length > 0 || chain.some((node) => isCaughtHere(analysis, node))) continue;
    const along = platformsAt(analysis, sink.kill.call, via);
    const listened = chain.flatMap((node) => listenedSignals(analysis, node));
    const problem = signalProblem(within(signalNames(analysis, argument, outer), along), listened);
    if (problem) reports.push({ node: argument, kind: problem.kind, signal: problem.signal, name: sink.kill.name, reached: { file: undefined, line: sink.kill.call.loc.start.line, through: name } });
  }
  return reports;
}

/**
 * The signals calls pass to an imported function that kills with them, as its module records
 * them (`project/summary-store.ts`): with the platforms and listeners around the `kill` there.
 */
export function importedSignalProblems(analysis: FileAnalysis): PlatformProblem[] {
  const suspect = (argument: Node) => analysis.values.strings(argument).some(({ value }) => /^SIG/.test(value) && !WINDOWS_KILL_SIGNALS.has(value));
  const passesSuspectSignal = (call: TSESTree.CallExpression) => call.arguments.some((argument) => argument.type !== 'SpreadElement' && suspect(argument));
  const reports: PlatformProblem[] = [];
  for (const { call, name, signals } of analysis.imports.signalCalls(passesSuspectSignal)) {
    if (isCaughtHere(analysis, call)) continue;
    for (const signal of signals) {
      const argument = argumentAt(call, signal.index);
      if (!argument || argument.type === 'SpreadElement') continue;
      const problem = signalProblem(within(signalNames(analysis, argument, call), signal.platforms), [...listenedSignals(analysis, call), ...signal.listened]);
      const reached = { file: signal.point.file, line: signal.point.line, through: name };
      if (problem) reports.push({ node: argument, kind: problem.kind, signal: problem.signal, name: signal.name, reached });
    }
  }
  return reports;
}

/** The signals, each on the platforms where `along` also holds. */
function within(signals: readonly PlatformString[], along: ReadonlySet<Platform>): PlatformString[] {
  return signals.map(({ value, platforms }) => ({ value, platforms: new Set([...platforms].filter((platform) => along.has(platform))) }));
}

function credentialProblems(analysis: FileAnalysis, call: TSESTree.CallExpression, callee: ModuleRef): PlatformProblem[] {
  // A named import is reported at the import: it fails at link time, before this call could (compiled to CommonJS it does not).
  if ((isNamedImportBinding(analysis, call.callee) && analysis.fileModel.moduleSystem !== 'cjs') || call.optional) return [];
  const facts = analysis.guards.factsAt(call);
  if (provesAny(facts, POSIX_PROCESS_KEYS) || !platformsAt(analysis, call).has('win32') || isCaughtHere(analysis, call)) return [];
  if (throwsFirstOnWindows(analysis, call)) return [];
  return [{ node: call, kind: 'posixCall', name: callee.path[0] ?? '' }];
}

/**
 * Whether a call of the same statement that always runs, and throws on Windows, is evaluated before
 * `call` (`{ uid: process.getuid(), gid: process.getgid() }`): on Windows it throws first, so it is
 * the one report.
 */
function throwsFirstOnWindows(analysis: FileAnalysis, call: TSESTree.CallExpression): boolean {
  const calls = callsAlwaysRunWith(analysis, call);
  return calls.some((other) => other.call.range[1] <= call.range[0] && !other.platforms.has('win32'));
}

/** The calls that throw on some platforms and always run with the statement (or the arrow function's expression body) that holds `node`. */
function callsAlwaysRunWith(analysis: FileAnalysis, node: Node): ThrowingCall[] {
  for (let current: Node = node; current.parent; current = current.parent) {
    const { parent } = current;
    if (isFunction(parent)) return current === parent.body && parent.body.type !== 'BlockStatement' ? throwingCallsIn([current], analysis.references) : [];
    if (isStatement(parent)) return throwingCalls(parent, analysis.references);
  }
  return [];
}

function isStatement(node: Node): boolean {
  return node.type.endsWith('Statement') || node.type === 'VariableDeclaration';
}

function lchmodProblems(analysis: FileAnalysis, call: TSESTree.CallExpression, key: string): PlatformProblem[] {
  if (provesAny(analysis.guards.factsAt(call), MACOS_FS_KEYS) || onlyOn(platformsAt(analysis, call), MACOS)) return [];
  const promised = MACOS_PROMISE_KEYS.has(key);
  if (promised ? isRejectionHandled(analysis, call) : call.optional || isCaughtHere(analysis, call)) return [];
  const name = promised ? 'fs.promises.lchmod()' : `fs.${key.slice('fs:'.length)}()`;
  return [{ node: call, kind: 'macosOnly', name }];
}

function killProblems(
  analysis: FileAnalysis,
  call: TSESTree.CallExpression,
  name: string,
  pid: Node | undefined,
  signal: Node | undefined,
): PlatformProblem[] {
  if (isCaughtHere(analysis, call)) return [];
  const listened = listenedSignals(analysis, call);
  // A listener of a signal Windows never delivers never runs there; one of a Windows-only signal, only there.
  const neverOnWindows = listened.some((event) => !WINDOWS_DELIVERED_SIGNALS.has(event));
  const reports: PlatformProblem[] = [];
  if (pid && !neverOnWindows && isNegative(analysis, pid) && platformsAt(analysis, call).has('win32')) {
    reports.push({ node: pid, kind: 'processGroupKill' });
  }
  const problem = signal && signal.type !== 'SpreadElement' ? signalProblem(signalNames(analysis, signal, call), listened) : undefined;
  if (signal && problem) reports.push({ node: signal, kind: problem.kind, signal: problem.signal, name });
  return reports;
}

/**
 * The first signal `kill` cannot send where it can occur: one Windows cannot send, or a
 * Windows-only one off Windows. Listeners of the signals in `listened` run only where those arrive.
 */
function signalProblem(signals: readonly PlatformString[], listened: readonly string[]): { kind: 'posixSignal' | 'windowsSignal'; signal: string } | undefined {
  const neverOnWindows = listened.some((event) => !WINDOWS_DELIVERED_SIGNALS.has(event));
  const onlyOnWindows = listened.some((event) => WINDOWS_ONLY_SIGNALS.has(event));
  for (const { value, platforms } of signals) {
    if (WINDOWS_KILL_SIGNALS.has(value)) continue;
    if (WINDOWS_ONLY_SIGNALS.has(value)) {
      if (onlyOn(platforms, ['win32']) || onlyOnWindows) continue;
      return { kind: 'windowsSignal', signal: value };
    }
    if (/^SIG[A-Z0-9]+$/.test(value) && platforms.has('win32') && !neverOnWindows) return { kind: 'posixSignal', signal: value };
  }
  return undefined;
}

/**
 * The signal names an argument can take: strings, `os.constants.signals.<NAME>`, and the signal
 * a listener receives or a loop over a signal list yields.
 */
function signalNames(analysis: FileAnalysis, signal: Node, call: Node): PlatformString[] {
  const ref = analysis.references.refOf(skipTransparent(signal));
  if (ref?.module === 'os' && ref.path.length === 3 && ref.path[0] === 'constants' && ref.path[1] === 'signals') {
    return [{ value: ref.path[2] ?? '', platforms: platformsAt(analysis, call) }];
  }
  return derivedSignals(analysis, skipTransparent(signal), call) ?? stringsByPlatform(analysis, signal, call);
}

function provesAny(facts: readonly Fact[], keys: ReadonlySet<string>): boolean {
  return facts.some((fact) => fact.kind === 'api' && keys.has(fact.key));
}

/** `-pid`, `-1`, or a constant holding one: a process group on POSIX. */
function isNegative(analysis: FileAnalysis, node: Node): boolean {
  const value = followConstant(analysis.sourceCode, node);
  if (value.type === 'UnaryExpression') return value.operator === '-';
  return value.type === 'Literal' && typeof value.value === 'number' && value.value < 0;
}

function isNamedImportBinding(analysis: FileAnalysis, callee: Node): boolean {
  if (callee.type !== 'Identifier') return false;
  return resolveVariable(analysis.sourceCode, callee)?.defs.some((definition) => definition.type === 'ImportBinding') ?? false;
}
