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

/** Whether a start runs its command through a shell: surely, perhaps, or not. */
export type ShellMode = 'yes' | 'maybe' | 'no';
