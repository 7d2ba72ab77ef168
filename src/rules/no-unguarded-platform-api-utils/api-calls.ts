/**
 * Calls of platform-only APIs: POSIX credential methods of `process`, macOS-only `lchmod`, process
 * group kills and signals `kill` cannot send on every platform.
 */
import type { TSESTree } from '@typescript-eslint/utils';

import { reachedThrough, whereIs } from '../shared/describe.js';
import { optionalCallFix } from './optional-call.js';
import { onlyOn, type Report } from './reports.js';
import { derivedSignals } from './signal-sources.js';
import { argumentAt, type Fact, type FileAnalysis, followConstant, isCaughtHere, isRejectionHandled, MACOS_FS_MEMBERS, type ModuleRef, type Platform, platformsAt, type PlatformString, POSIX_PROCESS_MEMBERS, killCalls, listenedSignals, refKey, resolveVariable, signalFlows, skipTransparent, stringsByPlatform, WINDOWS_DELIVERED_SIGNALS, WINDOWS_KILL_SIGNALS, WINDOWS_ONLY_SIGNALS } from '../../analysis/index.js';

type Node = TSESTree.Node;

/** A presence test of any of them proves the POSIX credential API: Node defines them together. */
const POSIX_PROCESS_KEYS: ReadonlySet<string> = new Set([...POSIX_PROCESS_MEMBERS].map((name) => `process:${name}`));
/** `fs.lchmod`/`lchmodSync` exist only on macOS, so testing either proves macOS. */
const MACOS_FS_KEYS: ReadonlySet<string> = new Set([...MACOS_FS_MEMBERS].map((name) => `fs:${name}`));
/** `fs.promises.lchmod` exists everywhere and rejects off macOS: testing it proves nothing. */
const MACOS_PROMISE_KEYS: ReadonlySet<string> = new Set(['fs:promises.lchmod', 'fs/promises:lchmod']);
const MACOS: readonly Platform[] = ['darwin'];

export function apiCallReports(analysis: FileAnalysis, isTypeScript: boolean): Report[] {
  const reports: Report[] = [];
  for (const { node, callee } of analysis.references.invocations) {
    if (node.type !== 'CallExpression') continue;
    const key = refKey(callee);
    if (POSIX_PROCESS_KEYS.has(key)) reports.push(...credentialReports(analysis, node, callee, isTypeScript));
    else if (MACOS_FS_KEYS.has(key) || MACOS_PROMISE_KEYS.has(key)) reports.push(...lchmodReports(analysis, node, key));
  }
  for (const { call, name, pid, signal } of killCalls(analysis)) reports.push(...killReports(analysis, call, name, pid, signal));
  return [...reports, ...wrappedSignalReports(analysis)];
}

/**
 * The signals local functions pass on to a `kill`: `const stop = (sig) => child.kill(sig)` then
 * `stop('SIGUSR1')`, reported at the argument, where the conditions, `try` blocks and signal
 * listeners around the call, the calls between and the `kill` all count.
 */
function wrappedSignalReports(analysis: FileAnalysis): Report[] {
  const reports: Report[] = [];
  for (const { sink, argument, path, via, name } of signalFlows(analysis).flows) {
    const [outer] = via;
    const chain = [...via, sink.kill.call];
    if (!outer || path.length > 0 || chain.some((node) => isCaughtHere(analysis, node))) continue;
    const along = platformsAt(analysis, sink.kill.call, via);
    const listened = chain.flatMap((node) => listenedSignals(analysis, node));
    const problem = signalProblem(within(signalNames(analysis, argument, outer), along), listened);
    if (problem) reports.push({ node: argument, messageId: problem.messageId, data: { signal: problem.signal, name: reachedThrough(sink.kill.name, sink.kill.call, name) } });
  }
  return reports;
}

/**
 * The signals calls pass to an imported function that kills with them, as its module records
 * them (`project/summary-store.ts`): with the platforms and listeners around the `kill` there.
 */
export function importedSignalReports(analysis: FileAnalysis, filename: string): Report[] {
  const suspect = (argument: Node) => analysis.values.strings(argument).some(({ value }) => /^SIG/.test(value) && !WINDOWS_KILL_SIGNALS.has(value));
  const passesSuspectSignal = (call: TSESTree.CallExpression) => call.arguments.some((argument) => argument.type !== 'SpreadElement' && suspect(argument));
  const reports: Report[] = [];
  for (const { call, name, signals } of analysis.imports.signalCalls(passesSuspectSignal)) {
    if (isCaughtHere(analysis, call)) continue;
    for (const signal of signals) {
      const argument = argumentAt(call, signal.index);
      if (!argument || argument.type === 'SpreadElement') continue;
      const problem = signalProblem(within(signalNames(analysis, argument, call), signal.platforms), [...listenedSignals(analysis, call), ...signal.listened]);
      const through = `${signal.name} at ${whereIs(signal.point, filename)} through ${name}()`;
      if (problem) reports.push({ node: argument, messageId: problem.messageId, data: { signal: problem.signal, name: through } });
    }
  }
  return reports;
}

/** The signals, each on the platforms where `along` also holds. */
function within(signals: readonly PlatformString[], along: ReadonlySet<Platform>): PlatformString[] {
  return signals.map(({ value, platforms }) => ({ value, platforms: new Set([...platforms].filter((platform) => along.has(platform))) }));
}

function credentialReports(analysis: FileAnalysis, call: TSESTree.CallExpression, callee: ModuleRef, isTypeScript: boolean): Report[] {
  // A named import is reported at the import: it fails at link time, before this call could.
  if (isNamedImportBinding(analysis, call.callee) || call.optional) return [];
  const facts = analysis.guards.factsAt(call);
  if (provesAny(facts, POSIX_PROCESS_KEYS) || !platformsAt(analysis, call).has('win32') || isCaughtHere(analysis, call)) return [];
  const fix = optionalCallFix(analysis, call, isTypeScript);
  return [
    {
      node: call,
      messageId: 'posixCall',
      data: { name: callee.path[0] ?? '' },
      ...(fix ? { suggestion: { messageId: 'useOptionalCall', fix } } : {}),
    },
  ];
}

function lchmodReports(analysis: FileAnalysis, call: TSESTree.CallExpression, key: string): Report[] {
  if (provesAny(analysis.guards.factsAt(call), MACOS_FS_KEYS) || onlyOn(platformsAt(analysis, call), MACOS)) return [];
  const promised = MACOS_PROMISE_KEYS.has(key);
  if (promised ? isRejectionHandled(analysis, call) : call.optional || isCaughtHere(analysis, call)) return [];
  const name = promised ? 'fs.promises.lchmod()' : `fs.${key.slice('fs:'.length)}()`;
  return [{ node: call, messageId: 'macosOnly', data: { name } }];
}

function killReports(
  analysis: FileAnalysis,
  call: TSESTree.CallExpression,
  name: string,
  pid: Node | undefined,
  signal: Node | undefined,
): Report[] {
  if (isCaughtHere(analysis, call)) return [];
  const listened = listenedSignals(analysis, call);
  // A listener of a signal Windows never delivers never runs there; one of a Windows-only signal, only there.
  const neverOnWindows = listened.some((event) => !WINDOWS_DELIVERED_SIGNALS.has(event));
  const reports: Report[] = [];
  if (pid && !neverOnWindows && isNegative(analysis, pid) && platformsAt(analysis, call).has('win32')) {
    reports.push({ node: pid, messageId: 'processGroupKill' });
  }
  const problem = signal && signal.type !== 'SpreadElement' ? signalProblem(signalNames(analysis, signal, call), listened) : undefined;
  if (signal && problem) reports.push({ node: signal, messageId: problem.messageId, data: { signal: problem.signal, name } });
  return reports;
}

/**
 * The first signal `kill` cannot send where it can occur: one Windows cannot send, or a
 * Windows-only one off Windows. Listeners of the signals in `listened` run only where those arrive.
 */
function signalProblem(signals: readonly PlatformString[], listened: readonly string[]): { messageId: 'posixSignal' | 'windowsSignal'; signal: string } | undefined {
  const neverOnWindows = listened.some((event) => !WINDOWS_DELIVERED_SIGNALS.has(event));
  const onlyOnWindows = listened.some((event) => WINDOWS_ONLY_SIGNALS.has(event));
  for (const { value, platforms } of signals) {
    if (WINDOWS_KILL_SIGNALS.has(value)) continue;
    if (WINDOWS_ONLY_SIGNALS.has(value)) {
      if (onlyOn(platforms, ['win32']) || onlyOnWindows) continue;
      return { messageId: 'windowsSignal', signal: value };
    }
    if (/^SIG[A-Z0-9]+$/.test(value) && platforms.has('win32') && !neverOnWindows) return { messageId: 'posixSignal', signal: value };
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
