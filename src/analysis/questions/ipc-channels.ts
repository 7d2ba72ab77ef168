/**
 * Message channels: the calls that send a message to another process (`child.send()` of a
 * `fork()`/`spawn(…, { stdio: [..., 'ipc'] })` child, a cluster worker's `send()`, `process.send()`
 * in a child, and the tasks of a tinypool/workerpool running in child-process mode), with the
 * serialization each channel uses as far as the file shows it; and the `postMessage()` calls on a
 * channel proven to be a thread's (a `worker_threads` Worker, `parentPort`, a port of a
 * MessageChannel, a BroadcastChannel, a Web Worker), which send a structured clone.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { hasSpread, memberName, propertyValue, stringValue } from '../syntax/ast.js';
import { globalReferences, resolveVariable } from '../syntax/scope.js';
import type { FileAnalysis, StarterSite } from '../contract/file-analysis.js';
import type { ChannelKind, Serialization } from '../catalog/vocabulary.js';
import { CALL_RESULT, INSTANCE, isRef, type Invocation, type ReferenceIndex } from '../file/references.js';
import { isAssertedToThrow } from '../file/guards/test-guards.js';
import { selfSpawns } from './self-spawn.js';
import { argumentFlows, type ArgumentFlows } from '../file/argument-flow.js';
import { argumentAt } from '../file/local-functions.js';
import { crossingProblems } from './ipc-payloads.js';
import { constantString, followConstant } from '../file/values.js';

type Node = TSESTree.Node;

export type { ChannelKind };

/** A pool library's task call in child-process mode (data). */
export interface ProcessPoolSpec {
  readonly module: string;
  /** The method that sends a task: tinypool `run`, workerpool `exec`. */
  readonly method: string;
  /** Argument index of what is sent to the worker. */
  readonly payload: number;
  /** Argument index of the per-task options, and its postMessage-style transfer list option. */
  readonly taskOptions: number;
  readonly transferOption: string;
  /** Path in the pool's creation options to the child processes' serialization. */
  readonly serializationOption: readonly string[];
}

const PROCESS_POOLS: readonly ProcessPoolSpec[] = [
  {
    module: 'tinypool',
    method: 'run',
    payload: 0,
    taskOptions: 1,
    transferOption: 'transferList',
    serializationOption: ['serialization'],
  },
  {
    module: 'workerpool',
    method: 'exec',
    payload: 1,
    taskOptions: 2,
    transferOption: 'transfer',
    serializationOption: ['forkOpts', 'serialization'],
  },
];

export interface ProcessMessage {
  /** The sending call. */
  readonly call: TSESTree.CallExpression;
  readonly channel: ChannelKind;
  readonly serialization: Serialization;
  /** The message (for pools: the task data). */
  readonly payload: Node | undefined;
  /**
   * A transfer list the channel cannot honour: an array as `send()`'s second argument (where a
   * socket or server handle belongs), or a pool task's transfer option (the property).
   */
  readonly transfer: Node | undefined;
  /** For `pool`: the library's spec. */
  readonly pool?: ProcessPoolSpec;
  /**
   * For a message a function sends with its parameter: the call that passes the value (`payload`
   * is its argument), how its callee is named there (`post`, `this.post`), and the sending call as
   * written where it is (`child.send()`), in this file (`file` undefined) or in an imported module.
   */
  readonly through?: {
    readonly call: TSESTree.CallExpression;
    readonly name: string;
    readonly sender: string;
    readonly point: { readonly file: string | undefined; readonly line: number };
  };
}

const messagesCache = new WeakMap<FileAnalysis, readonly ProcessMessage[]>();

/** Every message this file sends to another process, in source order of discovery. */
export function processMessages(analysis: FileAnalysis): readonly ProcessMessage[] {
  const cached = messagesCache.get(analysis);
  if (cached) return cached;
  const sitesByNode = new Map<Node, StarterSite>(analysis.starters.map((site) => [site.node, site]));
  const result: ProcessMessage[] = [];
  for (const invocation of analysis.references.invocations) {
    if (invocation.node.type !== 'CallExpression') continue;
    const message =
      sendMessage(analysis, invocation, invocation.node) ??
      threadMessage(invocation, invocation.node) ??
      poolTask(analysis, invocation, invocation.node, sitesByNode);
    if (message) result.push(message);
  }
  result.push(...factoryMessages(analysis), ...globalChannelMessages(analysis));
  // A send an assertion expects to throw (`assert.throws(() => port.postMessage(fn))`) throws in a
  // passing run instead of sending.
  const sent = result.filter((message) => !isAssertedToThrow(analysis.sourceCode, message.call));
  messagesCache.set(analysis, sent);
  return sent;
}

/** A message a function sends with one of its parameters. */
export interface MessageSink {
  readonly argument: Node;
  readonly message: ProcessMessage;
}

const flowCache = new WeakMap<FileAnalysis, ArgumentFlows<MessageSink>>();

/** The parameters of the file's functions that are sent as messages, and the calls that pass them. */
export function messageFlows(analysis: FileAnalysis): ArgumentFlows<MessageSink> {
  let flows = flowCache.get(analysis);
  if (!flows) {
    const sinks = processMessages(analysis).flatMap((message) => (message.payload ? [{ argument: message.payload, message }] : []));
    flows = argumentFlows(analysis, sinks);
    flowCache.set(analysis, flows);
  }
  return flows;
}

/**
 * The messages local functions send with a parameter, at each call that passes the value:
 * `const post = (msg) => child.send(msg)` makes `post(new Map())` a message of `child.send()`.
 * A value at a path inside the parameter (`child.send(task.data)`) is not followed.
 */
export function wrappedMessages(analysis: FileAnalysis): ProcessMessage[] {
  const result: ProcessMessage[] = [];
  for (const { sink, argument, path, via, name } of messageFlows(analysis).flows) {
    const [call] = via;
    if (!call || path.length > 0) continue;
    const through = { call, name, sender: `\`${analysis.sourceCode.getText(sink.message.call.callee)}()\``, point: { file: undefined, line: sink.message.call.loc.start.line } };
    result.push({ ...sink.message, payload: argument, transfer: undefined, through });
  }
  return result;
}

/**
 * The messages imported functions send with a parameter, at each call of this file that passes a
 * value that does not cross some channel intact (only those are worth the module's summary).
 */
export function importedMessages(analysis: FileAnalysis): ProcessMessage[] {
  const breaks = (argument: Node) => BREAKING.some((serialization) => crossingProblems(analysis, argument, serialization).length > 0);
  const passesBreakingValue = (call: TSESTree.CallExpression) => call.arguments.some((argument) => argument.type !== 'SpreadElement' && breaks(argument));
  const result: ProcessMessage[] = [];
  for (const { call, name, messages } of analysis.imports.messageCalls(passesBreakingValue)) {
    for (const { index, channel, serialization, sender, point } of messages) {
      const payload = argumentAt(call, index);
      if (payload && payload.type !== 'SpreadElement') result.push({ call, channel, serialization, payload, transfer: undefined, through: { call, name, sender, point } });
    }
  }
  return result;
}

/** Between them, these serializations break every value some channel breaks. */
const BREAKING: readonly Serialization[] = ['json', 'structured-clone'];

/**
 * The serialization of the IPC channel of a child a call starts (`fork()`, or `spawn()` with an
 * `'ipc'` stdio entry); undefined when the call starts no such child.
 */
export function childChannelOf(analysis: FileAnalysis, call: Node): Serialization | undefined {
  if (call.type !== 'CallExpression') return undefined;
  const site = analysis.starters.find((candidate) => candidate.node === call);
  if (site?.spec.module !== 'child_process') return undefined;
  const name = site.spec.path[0];
  if (name !== 'fork' && !(name === 'spawn' && hasIpcChannel(analysis, call))) return undefined;
  return childSerialization(analysis, call);
}

/** `child.send(…)` of a child an imported factory returned: `const child = startChild()`. */
function factoryMessages(analysis: FileAnalysis): ProcessMessage[] {
  const messages: ProcessMessage[] = [];
  for (const { call, serialization } of analysis.imports.childFactoryCalls()) {
    const sends: TSESTree.CallExpression[] = [];
    const parent = call.parent;
    if (parent?.type === 'VariableDeclarator' && parent.init === call && parent.id.type === 'Identifier' && parent.parent.kind === 'const') {
      for (const reference of analysis.sourceCode.getDeclaredVariables(parent)[0]?.references ?? []) {
        const send = methodCallOn(reference.identifier, 'send');
        if (send) sends.push(send);
      }
    } else {
      const send = methodCallOn(call, 'send');
      if (send) sends.push(send);
    }
    for (const send of sends) {
      const [payload, second] = send.arguments;
      const transfer = second && followConstant(analysis.sourceCode, second).type === 'ArrayExpression' ? second : undefined;
      messages.push({ call: send, channel: 'child', serialization, payload, transfer });
    }
  }
  return messages;
}

/** The call of the method `name` made on `node`: `node.send(…)`. */
function methodCallOn(node: Node, name: string): TSESTree.CallExpression | undefined {
  const member = node.parent;
  if (member?.type !== 'MemberExpression' || member.object !== node || member.computed || memberName(member) !== name) return undefined;
  return member.parent?.type === 'CallExpression' && member.parent.callee === member ? member.parent : undefined;
}

function sendMessage(analysis: FileAnalysis, invocation: Invocation, call: TSESTree.CallExpression): ProcessMessage | undefined {
  const { callee } = invocation;
  // Most invocations are `path.join()` and `fs.*()`: one look at the method name sets them aside.
  if (callee.path.at(-1) !== 'send') return undefined;
  const [payload, second] = call.arguments;
  const describe = (channel: ChannelKind, serialization: Serialization): ProcessMessage => ({
    call,
    channel,
    serialization,
    payload,
    transfer: second && followConstant(analysis.sourceCode, second).type === 'ArrayExpression' ? second : undefined,
  });
  if (isRef(callee, 'process', 'send')) return describe('parent', parentSerialization(analysis));
  // A child process known by its declared type only (typed linting): how it was started is not seen.
  if (isRef(callee, 'child_process', 'ChildProcess', INSTANCE, 'send') && !callee.origin) return describe('child', 'unknown');
  // A receiver written in several places (`let child; … child = fork(…)`) may come from any of them.
  const origins = callee.origins ?? (callee.origin ? [callee.origin] : []);
  const calls = origins.filter((origin): origin is TSESTree.CallExpression => origin.type === 'CallExpression');
  if (calls.length === 0 || calls.length !== origins.length) return undefined;
  if (isRef(callee, 'cluster', 'fork', CALL_RESULT, 'send')) return describe('cluster-worker', clusterSerialization(analysis));
  const children = () => combine(calls.map((origin) => childSerialization(analysis, origin)));
  if (isRef(callee, 'child_process', 'fork', CALL_RESULT, 'send')) return describe('child', children());
  if (isRef(callee, 'child_process', 'spawn', CALL_RESULT, 'send') && calls.every((origin) => hasIpcChannel(analysis, origin))) {
    return describe('child', children());
  }
  return undefined;
}

/** The `worker_threads` values whose `postMessage()` sends a structured clone. */
const THREAD_CHANNELS: readonly (readonly string[])[] = [
  ['Worker', INSTANCE],
  ['parentPort'],
  ['MessageChannel', INSTANCE, 'port1'],
  ['MessageChannel', INSTANCE, 'port2'],
  ['BroadcastChannel', INSTANCE],
  // A port known by its declared type (typed linting).
  ['MessagePort', INSTANCE],
];

function threadMessage(invocation: Invocation, call: TSESTree.CallExpression): ProcessMessage | undefined {
  const { callee } = invocation;
  if (callee.path.at(-1) !== 'postMessage') return undefined;
  if (!THREAD_CHANNELS.some((path) => isRef(callee, 'worker_threads', ...path, 'postMessage'))) return undefined;
  return cloneMessage(call);
}

/** A `postMessage(value, transfer?)`: the second argument is a transfer list, as it should be. */
function cloneMessage(call: TSESTree.CallExpression): ProcessMessage {
  return { call, channel: 'thread', serialization: 'structured-clone', payload: call.arguments[0], transfer: undefined };
}

/** The global constructors of structured-clone channels (browsers, Deno, Bun, Node.js). */
const GLOBAL_CHANNELS = ['Worker', 'BroadcastChannel', 'MessageChannel'];

/**
 * `postMessage()` on an instance of a global channel constructor, made where it is used or held in
 * a `const`: `new Worker(url).postMessage(…)`, `const channel = new BroadcastChannel('x')`, and the
 * `port1`/`port2` of a `MessageChannel` (read as a member or destructured).
 */
function globalChannelMessages(analysis: FileAnalysis): ProcessMessage[] {
  const { sourceCode } = analysis;
  if (!sourceCode.text.includes('postMessage')) return [];
  const messages: ProcessMessage[] = [];
  for (const [name, identifiers] of globalReferences(sourceCode, GLOBAL_CHANNELS)) {
    for (const identifier of identifiers) {
      const created = identifier.parent;
      if (created?.type !== 'NewExpression' || created.callee !== identifier) continue;
      const channels = name === 'MessageChannel' ? valueReads(analysis, created).flatMap((read) => portsOf(analysis, read)) : valueReads(analysis, created);
      for (const channel of channels) {
        const call = methodCallOn(channel, 'postMessage');
        if (call) messages.push(cloneMessage(call));
      }
    }
  }
  return messages;
}

/** Where a value is read: the expression itself, or every read of the `const` it initializes. */
function valueReads(analysis: FileAnalysis, value: Node): Node[] {
  const declarator = value.parent;
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== value) return [value];
  if (declarator.parent.kind !== 'const') return [];
  // `const { port1 } = new MessageChannel()`: the pattern is read where the value is.
  if (declarator.id.type === 'ObjectPattern') return [value];
  if (declarator.id.type !== 'Identifier') return [];
  const variable = analysis.sourceCode.getDeclaredVariables(declarator)[0];
  return (variable?.references ?? []).filter((reference) => reference.isRead()).map((reference) => reference.identifier);
}

/** The `port1`/`port2` of a MessageChannel: `channel.port1`, or `const { port1 } = channel`. */
function portsOf(analysis: FileAnalysis, channel: Node): Node[] {
  const parent = channel.parent;
  if (parent?.type === 'MemberExpression' && parent.object === channel) {
    const name = memberName(parent);
    return name === 'port1' || name === 'port2' ? [parent] : [];
  }
  if (parent?.type !== 'VariableDeclarator' || parent.init !== channel || parent.id.type !== 'ObjectPattern' || parent.parent.kind !== 'const') return [];
  const ports: Node[] = [];
  for (const property of parent.id.properties) {
    if (property.type !== 'Property' || property.computed || property.key.type !== 'Identifier') continue;
    if ((property.key.name !== 'port1' && property.key.name !== 'port2') || property.value.type !== 'Identifier') continue;
    const variable = resolveVariable(analysis.sourceCode, property.value);
    for (const reference of variable?.references ?? []) if (reference.isRead()) ports.push(reference.identifier);
  }
  return ports;
}

function poolTask(
  analysis: FileAnalysis,
  invocation: Invocation,
  call: TSESTree.CallExpression,
  sitesByNode: ReadonlyMap<Node, StarterSite>,
): ProcessMessage | undefined {
  const { callee } = invocation;
  const site = callee.origin && sitesByNode.get(callee.origin);
  if (!site || site.mechanism !== 'process' || !site.spec.processMode) return undefined;
  const pool = PROCESS_POOLS.find((candidate) => candidate.module === site.spec.module);
  const created = site.spec.invocation === 'call' ? CALL_RESULT : INSTANCE;
  // `pool.run(...)` itself, not `pool.run.bind(...)(...)` or a member of a result.
  const isTaskCall =
    pool !== undefined &&
    callee.path.length === site.spec.path.length + 2 &&
    callee.path.at(-2) === created &&
    callee.path.at(-1) === pool.method;
  if (!pool || !isTaskCall) return undefined;
  const taskOptions = call.arguments[pool.taskOptions];
  const options = taskOptions && followConstant(analysis.sourceCode, taskOptions);
  return {
    call,
    channel: 'pool',
    serialization: optionSerialization(analysis, site.options, pool.serializationOption),
    payload: call.arguments[pool.payload],
    transfer: options?.type === 'ObjectExpression' ? ownProperty(options, pool.transferOption) : undefined,
    pool,
  };
}

/**
 * The options object of `fork(path, args?, options?)` / `spawn(cmd, args?, options?)`: `visible`
 * is false when an argument may be options the file does not show (a variable, a spread).
 */
function startOptions(
  analysis: FileAnalysis,
  call: TSESTree.CallExpression,
): { object?: TSESTree.ObjectExpression; visible: boolean } {
  const rest = call.arguments.slice(1);
  if (rest.some((argument) => argument.type === 'SpreadElement')) return { visible: false };
  const last = rest.at(-1);
  if (!last) return { visible: true };
  const value = followConstant(analysis.sourceCode, last);
  if (value.type === 'ObjectExpression') return { object: value, visible: true };
  return { visible: isArgumentList(analysis.references, value) };
}

/** An argument that is the child's argv, not options: an array, `process.argv.slice(2)`, `null`. */
function isArgumentList(references: ReferenceIndex, node: Node): boolean {
  if (node.type === 'ArrayExpression') return true;
  if ((node.type === 'Literal' && node.value === null) || (node.type === 'Identifier' && node.name === 'undefined')) return true;
  const ref = references.refOf(node);
  return ref?.module === 'process' && (ref.path[0] === 'argv' || ref.path[0] === 'execArgv');
}

function childSerialization(analysis: FileAnalysis, call: TSESTree.CallExpression): Serialization {
  const options = startOptions(analysis, call);
  if (!options.visible) return 'unknown';
  return optionSerialization(analysis, options.object, ['serialization']);
}

/** The serialization an options object sets at `path`; JSON when it visibly sets none. */
function optionSerialization(
  analysis: FileAnalysis,
  options: TSESTree.ObjectExpression | undefined,
  path: readonly string[],
): Serialization {
  let object = options;
  for (const [index, name] of path.entries()) {
    if (!object) return 'json';
    const value = propertyValue(object, name);
    if (!value) return hasSpread(object) ? 'unknown' : 'json';
    if (index === path.length - 1) return serializationValue(analysis.sourceCode, value);
    const inner = followConstant(analysis.sourceCode, value);
    if (inner.type !== 'ObjectExpression') return 'unknown';
    object = inner;
  }
  return 'json';
}

function serializationValue(sourceCode: Readonly<TSESLint.SourceCode>, node: Node): Serialization {
  const value = constantString(sourceCode, node);
  return value === 'json' || value === 'advanced' ? value : 'unknown';
}

/** `spawn()` with an `'ipc'` entry in a visible `stdio` array: the only spawn that has `send()`. */
function hasIpcChannel(analysis: FileAnalysis, call: TSESTree.CallExpression): boolean {
  const { object } = startOptions(analysis, call);
  const stdio = object && propertyValue(object, 'stdio');
  const entries = stdio && followConstant(analysis.sourceCode, stdio);
  return (
    entries?.type === 'ArrayExpression' &&
    entries.elements.some(
      (element) => element !== null && element.type !== 'SpreadElement' && constantString(analysis.sourceCode, element) === 'ipc',
    )
  );
}

/** What `cluster.setupPrimary()`/`setupMaster()` calls in the file set; JSON when none does. */
function clusterSerialization(analysis: FileAnalysis): Serialization {
  const settings: Serialization[] = [];
  for (const invocation of analysis.references.invocations) {
    if (!isRef(invocation.callee, 'cluster', 'setupPrimary') && !isRef(invocation.callee, 'cluster', 'setupMaster')) continue;
    const argument = invocation.node.type === 'CallExpression' ? invocation.node.arguments[0] : undefined;
    if (!argument) continue;
    const options = followConstant(analysis.sourceCode, argument);
    if (options.type !== 'ObjectExpression') {
      settings.push('unknown');
      continue;
    }
    const value = propertyValue(options, 'serialization');
    if (value) settings.push(serializationValue(analysis.sourceCode, value));
    else if (hasSpread(options)) settings.push('unknown');
  }
  return combine(settings);
}

const parentSerializations = new WeakMap<FileAnalysis, Serialization>();

/**
 * `process.send()` uses whatever the parent chose. The parent is usually another file, which
 * leaves the default (JSON); when this file starts itself with `fork()` or `cluster.fork()`, the
 * serialization it picks there is the one its children use. Asked once per file, not per send.
 */
function parentSerialization(analysis: FileAnalysis): Serialization {
  let cached = parentSerializations.get(analysis);
  if (cached === undefined) {
    cached = ownChildrenSerialization(analysis);
    parentSerializations.set(analysis, cached);
  }
  return cached;
}

/** The serializations this module's self-spawns give their children, combined. */
function ownChildrenSerialization(analysis: FileAnalysis): Serialization {
  const chosen: Serialization[] = [];
  for (const spawn of selfSpawns(analysis)) {
    const node = spawn.site.node;
    if (spawn.mechanism === 'fork' && node.type === 'CallExpression' && isRef(spawn.site.callee, 'child_process', 'fork')) {
      chosen.push(childSerialization(analysis, node));
    } else if (spawn.mechanism === 'cluster') {
      chosen.push(clusterSerialization(analysis));
    }
  }
  return combine(chosen);
}

/** One serialization when every source agrees (JSON when there is none), otherwise unknown. */
function combine(values: readonly Serialization[]): Serialization {
  const [first = 'json', ...rest] = values;
  return rest.every((value) => value === first) ? first : 'unknown';
}

/** The property (not its value) named `name` of an object literal. */
function ownProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  return object.properties.find(
    (property): property is TSESTree.Property =>
      property.type === 'Property' &&
      !property.computed &&
      (property.key.type === 'Identifier' ? property.key.name : stringValue(property.key)) === name,
  );
}
