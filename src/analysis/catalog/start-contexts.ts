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
