/**
 * The start-context table (docs/ARCHITECTURE.md, "Start contexts"): data only. Which checks tell a
 * parent from the child each self-spawn mechanism starts, what each check reads on either side,
 * and the guard the rules advise for each mechanism.
 */

/**
 * The start contexts a guard can tell apart:
 * - `main-thread`: `isMainThread` (false in worker threads only);
 * - `cluster-primary`: `cluster.isPrimary` (false in cluster workers only);
 * - `ipc-child`: `process.send` is defined (fork and cluster children);
 * - `entry-module`: `require.main === module`, `import.meta.main`, the argv[1] idiom (true in
 *   worker threads too);
 * - `marker`: a test of `process.argv`, `process.env` or a `workerData` member that the parent can
 *   set for the child.
 */
export type ContextKind = 'main-thread' | 'cluster-primary' | 'ipc-child' | 'entry-module' | 'marker';

/** Every context kind: the facts that count as a start-context guard are exactly these. */
export const CONTEXT_KINDS: ReadonlySet<string> = new Set<ContextKind>(['main-thread', 'cluster-primary', 'ipc-child', 'entry-module', 'marker']);

export type EntryCheck = 'require.main' | 'import.meta.main' | 'argv[1]' | 'module.parent';

/**
 * A member of a Node.js module whose value tells the start context apart, and the context it
 * proves: `kind` has the value `truthy` where the member is truthy (or defined), and the opposite
 * where it is falsy (or undefined).
 */
export interface ContextSource {
  readonly module: string;
  readonly path: readonly string[];
  readonly kind: ContextKind;
  readonly truthy: boolean;
}

/** Members read as flags: `if (isMainThread)`, `cluster.isWorker ? … : …`. */
export const FLAG_SOURCES: readonly ContextSource[] = [
  { module: 'worker_threads', path: ['isMainThread'], kind: 'main-thread', truthy: true },
  { module: 'cluster', path: ['isPrimary'], kind: 'cluster-primary', truthy: true },
  { module: 'cluster', path: ['isMaster'], kind: 'cluster-primary', truthy: true },
  { module: 'cluster', path: ['isWorker'], kind: 'cluster-primary', truthy: false },
];

/** Members whose presence tells: `process.send !== undefined`, `typeof process.send === 'function'`, `if (parentPort)`. */
export const PRESENCE_SOURCES: readonly ContextSource[] = [
  { module: 'process', path: ['send'], kind: 'ipc-child', truthy: true },
  { module: 'process', path: ['connected'], kind: 'ipc-child', truthy: true },
  { module: 'process', path: ['channel'], kind: 'ipc-child', truthy: true },
  { module: 'worker_threads', path: ['parentPort'], kind: 'main-thread', truthy: false },
  { module: 'worker_threads', path: ['workerData'], kind: 'main-thread', truthy: false },
];

/**
 * A command-line parser whose results are read from an object its parse call fills (commander's
 * `program.parse(process.argv)`, then `program.opts()`): after the parse, with no argument (it
 * reads `process.argv`) or with the command line, those results are the command line. A parser
 * that returns its result (`minimist(process.argv.slice(2))`) needs no entry: a call given the
 * command line is read as one.
 */
export interface CommandLineParser {
  readonly module: string;
  /** The module's members that are such an object; `constructed`: the instance the member constructs. */
  readonly objects: readonly { readonly path: readonly string[]; readonly constructed?: true }[];
  /** The methods that parse the command line into the object. */
  readonly parse: readonly string[];
  /** The members that read what the parse filled in (called or read). */
  readonly results: readonly string[];
  /** The methods that return the object itself, so a parse may end a chain of them. */
  readonly chained: readonly string[];
}

/** commander (v7 and later): the exported `program`, or a `new Command()`. */
export const COMMAND_LINE_PARSERS: readonly CommandLineParser[] = [
  {
    module: 'commander',
    objects: [{ path: ['program'] }, { path: ['Command'], constructed: true }],
    parse: ['parse', 'parseAsync'],
    results: ['opts', 'optsWithGlobals', 'args', 'processedArgs'],
    chained: [
      'name', 'description', 'summary', 'version', 'usage', 'alias', 'option', 'requiredOption', 'addOption', 'argument',
      'arguments', 'addArgument', 'action', 'hook', 'helpOption', 'addHelpText', 'allowUnknownOption', 'allowExcessArguments',
      'showHelpAfterError', 'showSuggestionAfterError', 'exitOverride', 'configureOutput', 'configureHelp', 'passThroughOptions',
      'enablePositionalOptions', 'storeOptionsAsProperties', 'combineFlagAndOptionalValue', 'addCommand',
    ],
  },
];

/** How a module starts a copy of itself. */
export type SelfSpawnMechanism = 'fork' | 'thread' | 'cluster';

/** The checks whose value is fixed in each process (a marker is whatever the parent sets). */
export type ContextCheck = Exclude<ContextKind, 'marker'>;

/** What each check reads in a process started as `node file`: the parent a guard means to select. */
export const PARENT_READS: Readonly<Record<ContextCheck, boolean>> = {
  'main-thread': true,
  'cluster-primary': true,
  'entry-module': true,
  'ipc-child': false,
};

/** What each check reads in the child each mechanism starts (verified on Node.js 20). */
export const CHILD_READS: Readonly<Record<SelfSpawnMechanism, Readonly<Record<ContextCheck, boolean>>>> = {
  thread: { 'main-thread': false, 'cluster-primary': true, 'entry-module': true, 'ipc-child': false },
  fork: { 'main-thread': true, 'cluster-primary': true, 'entry-module': true, 'ipc-child': true },
  cluster: { 'main-thread': true, 'cluster-primary': false, 'entry-module': true, 'ipc-child': true },
};

/** The guard advised for each mechanism, as the end of a message (an argv/env marker for `fork()` is on the doc page). */
export const GUARD_ADVICE: Readonly<Record<SelfSpawnMechanism, string>> = {
  thread: 'guard it with `isMainThread`',
  fork: 'guard it with `process.send === undefined`',
  cluster: 'guard it with `cluster.isPrimary`',
};
