/**
 * Words the layers share about a start, so that the project layer can record them without asking
 * the questions that compute them.
 */

/**
 * How a channel encodes messages: a process channel's `serialization` option of fork/spawn/cluster
 * (`json`, `advanced`, or `unknown` when the file does not show it), or the structured clone of
 * `postMessage()` on a worker thread, a message port, a broadcast channel or a Web Worker.
 */
export type Serialization = 'json' | 'advanced' | 'structured-clone' | 'unknown';

/**
 * Who is at the other end:
 * - `child`: a process started with `fork()` or `spawn()` with an `'ipc'` stdio entry;
 * - `cluster-worker`: a worker from `cluster.fork()`;
 * - `parent`: `process.send()`, run in a child talking to the process that started it;
 * - `pool`: a pool task sent to a pool whose workers are child processes;
 * - `thread`: `postMessage()` to or from a thread (structured clone).
 */
export type ChannelKind = 'child' | 'cluster-worker' | 'parent' | 'pool' | 'thread';

/** Whether a start runs its command through a shell: surely, perhaps, or not. */
export type ShellMode = 'yes' | 'maybe' | 'no';

/** The global typed-array constructors whose elements are numbers. */
export const NUMBER_TYPED_ARRAYS: readonly string[] = [
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
];

/** The global typed-array constructors whose elements are BigInts. */
export const BIGINT_TYPED_ARRAYS: readonly string[] = ['BigInt64Array', 'BigUint64Array'];

/**
 * The files task runners load after changing the working directory to the file's folder: gulp's
 * gulpfile (gulp-cli prints "Working directory changed to …") and Grunt's Gruntfile.
 */
export const TASK_RUNNER_FILE = /^(?:gulpfile(?:\.babel)?|gruntfile)\.(?:[cm]?[jt]s|coffee)$/i;
