/**
 * Words the layers share about a start, so that the project layer can record them without asking
 * the questions that compute them.
 */

/** How a process channel encodes messages (`serialization` option of fork/spawn/cluster). */
export type Serialization = 'json' | 'advanced' | 'unknown';

/** Whether a start runs its command through a shell: surely, perhaps, or not. */
export type ShellMode = 'yes' | 'maybe' | 'no';
