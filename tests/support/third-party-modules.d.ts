// Minimal typings of the third-party modules the rule tests import, so suggestion outputs can be
// type-checked without installing those packages.
declare module 'piscina' {
  export default class Piscina {
    constructor(options?: { filename?: string | URL; minThreads?: number; maxThreads?: number });
    run(task: unknown, options?: { transferList?: unknown[] }): Promise<unknown>;
    destroy(): Promise<void>;
  }
  export { Piscina };
}
declare module 'tinypool' {
  export default class Tinypool {
    constructor(options?: { filename?: string | URL; runtime?: 'worker_threads' | 'child_process'; minThreads?: number });
    run(task: unknown, options?: { transferList?: unknown[] }): Promise<unknown>;
    destroy(): Promise<void>;
  }
  export { Tinypool };
}
declare module 'workerpool' {
  export interface Pool {
    exec(method: string | ((...args: unknown[]) => unknown), params?: unknown[], options?: { transfer?: unknown[] }): Promise<unknown>;
    terminate(): Promise<void>;
  }
  export function pool(script?: string, options?: { minWorkers?: number | 'max'; maxWorkers?: number; workerType?: 'auto' | 'thread' | 'process' | 'web' }): Pool;
}
declare module 'execa' {
  export function execa(file: string, args?: readonly string[], options?: Record<string, unknown>): Promise<{ stdout: string }>;
  export function execaSync(file: string, args?: readonly string[], options?: Record<string, unknown>): { stdout: string };
  export function execaNode(file: string, args?: readonly string[], options?: Record<string, unknown>): Promise<{ stdout: string }>;
  export const $: (strings: TemplateStringsArray, ...values: unknown[]) => Promise<{ stdout: string }>;
}
declare module 'cross-spawn' {
  import type { ChildProcess, SpawnOptions } from 'node:child_process';
  function spawn(command: string, args?: readonly string[], options?: SpawnOptions): ChildProcess;
  export = spawn;
}
declare module 'fsevents' {
  export function watch(path: string, handler: (path: string, flags: number, id: string) => void): () => Promise<void>;
}
