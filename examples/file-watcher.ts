// Watches a folder and rebuilds on change; uses fsevents on macOS when it is installed.
import { fork, type ChildProcess } from 'node:child_process';
import { watch } from 'node:fs';
// fsevents only installs on macOS: this static import fails on Linux and Windows before any code runs
import fsevents from 'fsevents';

export class Rebuilder {
  private readonly builder: ChildProcess;

  constructor(private readonly folder: string) {
    // starts a process in the constructor: creating a Rebuilder (in a test, say) leaves a process running
    this.builder = fork(new URL('./builder.js', import.meta.url));
  }

  watch(): void {
    watch(this.folder, { recursive: true }, () => this.builder.send('rebuild'));
  }
}

// correct: the process starts on first use, not when the object is created
export class LazyRebuilder {
  private builder: ChildProcess | undefined;

  constructor(private readonly folder: string) {}

  watch(): void {
    watch(this.folder, { recursive: true }, () => this.start().send('rebuild'));
  }

  private start(): ChildProcess {
    return (this.builder ??= fork(new URL('./builder.js', import.meta.url)));
  }
}

// correct: load the macOS-only package only on macOS, and survive its absence
export async function nativeWatcher(): Promise<unknown> {
  if (process.platform !== 'darwin') return undefined;
  try {
    return (await import('fsevents')).default;
  } catch {
    return undefined;
  }
}

// correct: getuid does not exist on Windows; the optional call returns undefined there
export const runsAsRoot = process.getuid?.() === 0;
