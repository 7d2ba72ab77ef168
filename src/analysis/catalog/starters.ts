/**
 * The API catalog: data only. Every process, thread and pool starter the plugin knows, the
 * platform-only APIs, and the modules whose members guards are built from. Module ids are written
 * without the `node:` prefix; references.ts strips it before looking anything up.
 */

/**
 * How a starter runs code:
 * - `process`: an arbitrary program (spawn, exec, execa…);
 * - `fork`: a Node.js module in a child process with an IPC channel (fork, execaNode);
 * - `thread`: a worker thread (Worker, pools in thread mode);
 * - `cluster`: a cluster worker process running the primary's entry script.
 */
export type Mechanism = 'process' | 'fork' | 'thread' | 'cluster';

/** Where a starter takes the program or script it runs. */
export type TargetRole =
  /** A program looked up on PATH (spawn, execFile, execa, cross-spawn). */
  | 'command'
  /** A command line run by a shell (exec, execSync, zx and execa's `$`). */
  | 'shell-command'
  /** A Node.js module path or URL (fork, Worker, execaNode, pool scripts). */
  | 'script';

export interface StarterTarget {
  role: TargetRole;
  /** Index of the argument holding the target; absent when it lives in an option. */
  argument?: number;
  /** Name of the option (in the options object) holding the target, e.g. pool `filename`. */
  option?: string;
}

/** When a call or construction actually starts something. */
export type Eagerness =
  | 'always'
  /** Only when this numeric option is present and not 0 (workerpool `minWorkers`). */
  | { whenOption: string }
  /** Unless the options written at the call set this numeric option to 0, last (Piscina's and Tinypool's `minThreads`). */
  | { unlessZero: string };

export interface StarterSpec {
  /** Module id, without `node:`. */
  module: string;
  /** Member path from the module object (what `require()` returns); `[]` is the module itself. */
  path: readonly string[];
  /** `call` also covers tagged templates (execa's and zx's `$`). */
  invocation: 'call' | 'construct' | 'call-or-construct';
  mechanism: Mechanism;
  /** Display name used in messages. */
  name: string;
  target?: StarterTarget;
  /** Index from which the options object is looked for (the first object literal at or after it; what follows is a callback). */
  optionsFrom?: number;
  /** The option that holds child_process's options, when the library nests them (tinyexec's `nodeOptions`). */
  processOptions?: string;
  starts: Eagerness;
  /** Pools: the option that switches them to child processes, and the value that does. */
  processMode?: { option: string; value: string };
  /**
   * How a `command` or `shell-command` target is run on Windows:
   * - `direct` (the default): as given, `.cmd` shims are not looked up (child_process), and a
   *   command line goes to cmd.exe;
   * - `shim-aware`: the library finds and runs `.cmd` shims itself (cross-spawn, execa…);
   * - `posix-shell`: under bash even on Windows (zx), where POSIX programs exist.
   */
  windows?: 'direct' | 'shim-aware' | 'posix-shell';
  /**
   * A plain call with options (or nothing) returns the starter configured, starting nothing:
   * `$({ cwd })`, `$(options)` (execa, zx); only its template, `$({ cwd })\`cmd\``, starts. A call
   * whose one argument is not written as a string may be such a call: no start.
   */
  configuredByOptionsCall?: true;
  /**
   * How the call tells that the start failed (the program is missing, it exits non-zero):
   * - `throws`: synchronously (execSync, execFileSync, the sync starters of execa and tinyexec);
   * - `rejects`: the promise it returns rejects;
   * - `returns`: in the result it returns, by the `failureResult` fields (spawnSync);
   * - `resolves`: in the result its promise resolves with;
   * - `callback`: the error goes to its callback, or, promisified with `util.promisify`, the
   *   promise rejects (exec, execFile).
   * Absent: an `'error'` event (spawn, cross-spawn).
   */
  failure?: StartFailure | 'callback';
  /**
   * The fields of the result that tell the failure, when the call returns it (`returns`), or when
   * `option` literally set in the options object makes it return or resolve with the result
   * instead of throwing or rejecting (execa's `reject: false`).
   */
  failureResult?: FailureResult;
}

/** The fields of a start's result that tell its failure, and the option that makes the result tell it. */
export interface FailureResult {
  readonly fields: readonly string[];
  readonly option?: { readonly name: string; readonly value: boolean };
}

/** How a failure shows where code can handle it: thrown, rejected, or in the result returned or resolved with. */
export type StartFailure = 'throws' | 'rejects' | 'returns' | 'resolves';

/** Node's documentation: spawnSync (and cross-spawn's `sync`, which is spawnSync) returns `{ error, status }`, never throws. */
const SPAWN_SYNC_RESULT: FailureResult = { fields: ['error', 'status'] };

/**
 * execa, every major: with `reject: false` a failed start resolves (or, sync, returns) with the
 * result, which tells it by `failed`; its exit code is `exitCode` from execa 2 on, `code` in execa 1.
 */
const EXECA_RESULT: FailureResult = { fields: ['failed', 'exitCode'], option: { name: 'reject', value: false } };
const LEGACY_EXECA_RESULT: FailureResult = { fields: ['failed', 'exitCode', 'code'], option: { name: 'reject', value: false } };

/** Node's documentation: the `*Sync` functions but spawnSync throw; spawnSync returns the error; exec and execFile call back with it. */
const CHILD_PROCESS_FAILURES: ReadonlyMap<string, StarterSpec['failure']> = new Map([
  ['execSync', 'throws'],
  ['execFileSync', 'throws'],
  ['spawnSync', 'returns'],
  ['exec', 'callback'],
  ['execFile', 'callback'],
]);

/** A `child_process` function: the command or script first, the options object after it. */
function childProcessStarter(name: string, role: TargetRole, mechanism: Mechanism = 'process'): StarterSpec {
  const failure = CHILD_PROCESS_FAILURES.get(name);
  return {
    module: 'child_process',
    path: [name],
    invocation: 'call',
    mechanism,
    name: `${name}()`,
    target: { role, argument: 0 },
    optionsFrom: 1,
    starts: 'always',
    ...(failure ? { failure } : {}),
    ...(failure === 'returns' ? { failureResult: SPAWN_SYNC_RESULT } : {}),
  };
}

const CHILD_PROCESS_STARTERS: StarterSpec[] = [
  ...['spawn', 'spawnSync', 'execFile', 'execFileSync'].map((name) => childProcessStarter(name, 'command')),
  ...['exec', 'execSync'].map((name) => childProcessStarter(name, 'shell-command')),
  childProcessStarter('fork', 'script', 'fork'),
];

const THREAD_AND_CLUSTER_STARTERS: StarterSpec[] = [
  {
    module: 'worker_threads',
    path: ['Worker'],
    invocation: 'construct',
    mechanism: 'thread',
    name: 'new Worker()',
    target: { role: 'script', argument: 0 },
    optionsFrom: 1,
    starts: 'always',
  },
  {
    module: 'cluster',
    path: ['fork'],
    invocation: 'call',
    mechanism: 'cluster',
    name: 'cluster.fork()',
    starts: 'always',
  },
];

/**
 * The pseudo-module of Web Workers: the globals `Worker` and `SharedWorker` (browsers, Deno, Bun,
 * bundled code), and a bundler's worker import (Vite's `import W from './w.js?worker'`), whose
 * default export is a class that starts the worker: path `?worker` or `?sharedworker`.
 */
export const WEB_WORKER_MODULE = '#web';
export const WEB_WORKER_GLOBALS: readonly string[] = ['Worker', 'SharedWorker'];

const WEB_WORKER_STARTERS: StarterSpec[] = WEB_WORKER_GLOBALS.flatMap((global): StarterSpec[] => [
  {
    module: WEB_WORKER_MODULE,
    path: [global],
    invocation: 'construct',
    mechanism: 'thread',
    name: `new ${global}()`,
    target: { role: 'script', argument: 0 },
    optionsFrom: 1,
    starts: 'always',
  },
  {
    module: WEB_WORKER_MODULE,
    path: [`?${global.toLowerCase()}`],
    invocation: 'construct',
    mechanism: 'thread',
    name: `new ${global}()`,
    starts: 'always',
  },
]);

/**
 * A pool class that starts its threads in the constructor, exported as the module itself and under
 * its name (`import Piscina from 'piscina'`, `const { Piscina } = require('piscina')`). Its
 * constructor starts `minThreads` threads (`_ensureMinimumWorkers()` in piscina 4 and tinypool 1),
 * half the CPUs by default: none with `minThreads: 0`.
 */
function eagerPool(module: string, className: string, processMode?: StarterSpec['processMode']): StarterSpec[] {
  return [[], [className]].map((path) => ({
    module,
    path,
    invocation: 'construct',
    mechanism: 'thread',
    name: `new ${className}()`,
    target: { role: 'script', option: 'filename' },
    optionsFrom: 0,
    starts: { unlessZero: 'minThreads' },
    ...(processMode ? { processMode } : {}),
  }));
}

const LIBRARY_STARTERS: StarterSpec[] = [
  ...(['execa', 'execaSync', 'execaCommand', 'execaCommandSync'] as const).map(
    (name): StarterSpec => ({
      module: 'execa',
      path: [name],
      invocation: 'call',
      mechanism: 'process',
      name: `${name}()`,
      target: { role: name.startsWith('execaCommand') ? 'shell-command' : 'command', argument: 0 },
      optionsFrom: 1,
      starts: 'always',
      // execa runs commands through cross-spawn; execaCommand splits the line at spaces, no shell.
      windows: 'shim-aware',
      failure: syncThrows(name),
      failureResult: EXECA_RESULT,
    }),
  ),
  {
    module: 'execa',
    path: ['execaNode'],
    invocation: 'call',
    mechanism: 'fork',
    name: 'execaNode()',
    target: { role: 'script', argument: 0 },
    optionsFrom: 1,
    starts: 'always',
  },
  ...['execa', 'zx'].map(
    (module): StarterSpec => ({
      module,
      path: ['$'],
      invocation: 'call',
      mechanism: 'process',
      name: '$``',
      target: { role: 'shell-command' },
      starts: 'always',
      // execa's `$` splits the template into a file and arguments (no shell) and uses cross-spawn;
      // zx runs the line with bash, which it requires on Windows too.
      windows: module === 'execa' ? 'shim-aware' : 'posix-shell',
      configuredByOptionsCall: true,
      failure: 'rejects',
    }),
  ),
  ...legacyExecaStarters(),
  ...[[], ['spawn'], ['sync']].map(
    (path): StarterSpec => ({
      module: 'cross-spawn',
      path,
      invocation: 'call',
      mechanism: 'process',
      name: path.length === 0 ? 'crossSpawn()' : `crossSpawn.${path[0]}()`,
      target: { role: 'command', argument: 0 },
      optionsFrom: 1,
      starts: 'always',
      windows: 'shim-aware',
      ...(path[0] === 'sync' ? { failure: 'returns', failureResult: SPAWN_SYNC_RESULT } : {}),
    }),
  ),
  ...commandLibraryStarters(),
  ...eagerPool('piscina', 'Piscina'),
  ...eagerPool('tinypool', 'Tinypool', { option: 'runtime', value: 'child_process' }),
  {
    module: 'workerpool',
    path: ['pool'],
    invocation: 'call',
    mechanism: 'thread',
    name: 'workerpool.pool()',
    target: { role: 'script', argument: 0 },
    optionsFrom: 0,
    starts: { whenOption: 'minWorkers' },
    processMode: { option: 'workerType', value: 'process' },
  },
  // pino 10 (lib/tools.js): `pino({ transport })` calls `transport()` itself, which starts a
  // thread-stream worker; without the option no thread is started.
  ...[[], ['pino']].map(
    (path): StarterSpec => ({
      module: 'pino',
      path,
      invocation: 'call',
      mechanism: 'thread',
      name: 'pino()',
      optionsFrom: 0,
      starts: { whenOption: 'transport' },
    }),
  ),
  {
    module: 'pino',
    path: ['transport'],
    invocation: 'call',
    mechanism: 'thread',
    name: 'pino.transport()',
    starts: 'always',
  },
  {
    module: 'thread-stream',
    path: [],
    invocation: 'construct',
    mechanism: 'thread',
    name: 'new ThreadStream()',
    target: { role: 'script', option: 'filename' },
    optionsFrom: 0,
    starts: 'always',
  },
  {
    module: 'synckit',
    path: ['createSyncFn'],
    invocation: 'call',
    mechanism: 'thread',
    name: 'createSyncFn()',
    target: { role: 'script', argument: 0 },
    starts: 'always',
  },
];

/**
 * execa 1 to 5, CommonJS (`module.exports = execa`; read from the 1.0.0, 2.1.0, 3.4.0, 4.1.0 and
 * 5.1.1 tarballs): the module is `execa(file, args, options)`, with `sync`; 2 to 5 add `command` and
 * `commandSync` (the line split at spaces, no shell) and `node(scriptPath, args, options)`, which
 * runs `process.execPath` with an `ipc` entry in its stdio; 1 has `shell` and `shellSync` (`cmd.exe
 * /s /c` on Windows, `/bin/sh -c` elsewhere). Everything but the shell lines goes through
 * cross-spawn. All start in the call; the sync ones return once the child has exited, and throw
 * when it failed, where the others reject.
 */
function legacyExecaStarters(): StarterSpec[] {
  return [
    { ...commandStarter('execa', [], 'execa()', 'shim-aware', 1), failure: 'rejects', failureResult: LEGACY_EXECA_RESULT },
    { ...commandStarter('execa', ['sync'], 'execa.sync()', 'shim-aware', 1), failure: 'throws', failureResult: LEGACY_EXECA_RESULT },
    ...['command', 'commandSync', 'shell', 'shellSync'].map(
      (name): StarterSpec => ({
        ...shellCommandStarter('execa', [name], `execa.${name}()`, name.startsWith('shell') ? 'direct' : 'shim-aware'),
        failure: syncThrows(name),
        failureResult: LEGACY_EXECA_RESULT,
      }),
    ),
    {
      module: 'execa',
      path: ['node'],
      invocation: 'call',
      mechanism: 'fork',
      name: 'execa.node()',
      target: { role: 'script', argument: 0 },
      optionsFrom: 1,
      starts: 'always',
    },
  ];
}

/** A `(commandLine, options)` function of a process library, exported under `path`. */
function shellCommandStarter(module: string, path: readonly string[], name: string, windows: StarterSpec['windows']): StarterSpec {
  return { ...commandStarter(module, path, name, windows, 1), target: { role: 'shell-command', argument: 0 } };
}

/** A `(command, args, options)` function of a process library, exported under `path`. */
function commandStarter(module: string, path: readonly string[], name: string, windows: StarterSpec['windows'], optionsFrom = 2): StarterSpec {
  return {
    module,
    path,
    invocation: 'call',
    mechanism: 'process',
    name,
    target: { role: 'command', argument: 0 },
    optionsFrom,
    starts: 'always',
    windows,
  };
}

/** A library's `…Sync` form throws when the start fails; its other forms return a promise that rejects. */
function syncThrows(name: string): StartFailure {
  return name.endsWith('Sync') ? 'throws' : 'rejects';
}

/** A starter whose promise rejects when the start fails (the program is missing, it exits non-zero). */
function rejecting(spec: StarterSpec): StarterSpec {
  return { ...spec, failure: 'rejects' };
}

/** Process libraries, as their published sources start processes (read from the npm tarballs). */
function commandLibraryStarters(): StarterSpec[] {
  return [
    // tinyexec 1.4 (`x`, `exec` = `x`, `xSync`, `execSync`): `normalizeSpawnCommand` looks the command
    // up on PATH with PATHEXT and runs `.cmd` files and `node_modules/.bin` shims through cmd.exe,
    // cross-spawn's way; it spawns in `x()` itself (`proc.spawn()`), not on `await`.
    // `xSync` throws the spawn error; awaiting `x()` rethrows it.
    // Its own options (`timeout`, `throwOnError`) take child_process's under `nodeOptions`.
    ...['x', 'exec', 'xSync', 'execSync'].map((name): StarterSpec => ({
      ...commandStarter('tinyexec', [name], `${name}()`, 'shim-aware'),
      failure: syncThrows(name),
      processOptions: 'nodeOptions',
    })),
    // nano-spawn 2 (default export): on Windows `shouldForceShell` turns on `shell: true` for any
    // file that is not `.exe`/`.com` and escapes the arguments for cmd.exe.
    rejecting(commandStarter('nano-spawn', [], 'spawn()', 'shim-aware', 1)),
    // @npmcli/promise-spawn 9 (the module is the function): without `shell` it calls
    // child_process.spawn(cmd, args, opts) as given, so shims fail as with spawn(); with `shell` it
    // builds the cmd.exe line itself.
    rejecting(commandStarter('@npmcli/promise-spawn', [], 'promiseSpawn()', 'direct')),
    // spawn-please 2 and 3 (the module is the function): `spawn` there is cross-spawn.
    rejecting(commandStarter('spawn-please', [], 'spawnPlease()', 'shim-aware', 3)),
    // shelljs 0.8 `exec(command, [options], [callback])`: child_process.exec or execFileSync of
    // node running execSync, so the whole line goes to the platform's shell (cmd.exe on Windows).
    shellCommandStarter('shelljs', ['exec'], 'shell.exec()', 'direct'),
    // node-pty 1.1 (`spawn`, and its deprecated aliases `fork` and `createTerminal`): a process on a
    // pseudo-terminal, started in the call. On Windows the native `get_shell_path` looks the file up
    // on PATH by its exact name, without PATHEXT, so `npm` finds no `npm.cmd`; there is no shell option.
    ...['spawn', 'fork', 'createTerminal'].map((name) => commandStarter('node-pty', [name], `pty.${name}()`, 'direct')),
    ...wrapperStarters(),
  ];
}

/**
 * Thin promise and shell wrappers of child_process. Chosen among the well-known wrappers the
 * catalog lacked (spawn-command, @expo/spawn-async, child-process-promise, promisify-child-process,
 * cross-spawn-promise) by their users, as npm shows no dependents count: spawn-command is what
 * concurrently 8 runs every command with, @expo/spawn-async what the Expo CLI runs its tools with,
 * and child-process-promise and promisify-child-process are the long-standing promise forms of
 * child_process itself; cross-spawn-promise, unchanged since 0.10.2, is left out.
 */
function wrapperStarters(): StarterSpec[] {
  return [
    // spawn-command 0.0.2 and 1.0 (the module is the function): `spawn('cmd.exe', ['/s', '/c', line])`
    // on Windows, `/bin/sh -c` elsewhere.
    shellCommandStarter('spawn-command', [], 'spawnCommand()', 'direct'),
    // @expo/spawn-async 1.8 (the module is the function): cross-spawn, returning a promise that
    // carries the child.
    rejecting(commandStarter('@expo/spawn-async', [], 'spawnAsync()', 'shim-aware')),
    // child-process-promise 2.2: `spawn` is cross-spawn; `exec`, `execFile` and `fork` are
    // child_process's own, called with the arguments as given.
    rejecting(commandStarter('child-process-promise', ['spawn'], 'spawn()', 'shim-aware', 1)),
    // promisify-child-process 5: child_process's `spawn`, `fork`, `exec` and `execFile` as given.
    rejecting(commandStarter('promisify-child-process', ['spawn'], 'spawn()', 'direct', 1)),
    ...['child-process-promise', 'promisify-child-process'].flatMap((module): StarterSpec[] => [
      rejecting(commandStarter(module, ['execFile'], 'execFile()', 'direct', 1)),
      rejecting(shellCommandStarter(module, ['exec'], 'exec()', 'direct')),
      { module, path: ['fork'], invocation: 'call', mechanism: 'fork', name: 'fork()', target: { role: 'script', argument: 0 }, optionsFrom: 1, starts: 'always' },
    ]),
  ];
}

export const BUILTIN_STARTERS: readonly StarterSpec[] = [
  ...CHILD_PROCESS_STARTERS,
  ...THREAD_AND_CLUSTER_STARTERS,
  ...WEB_WORKER_STARTERS,
  ...LIBRARY_STARTERS,
];
