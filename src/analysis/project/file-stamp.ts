/**
 * When a module file last changed, for the caches of what other modules hold (summaries, text facts,
 * imported flags), which are kept for the process and checked against it.
 *
 * One lint asks about the same imported modules for every file that imports them: thousands of
 * `stat` calls in a repository, which cost more than the questions. A stamp is trusted for a moment
 * instead: long enough for a command-line run to stat each module a few times, short enough that an
 * editor sees a saved change in the next lint.
 */
import { statSync } from 'node:fs';

export interface FileStamp {
  readonly mtimeMs: number;
  readonly size: number;
}

/** How long a stamp is trusted, in milliseconds. */
export const STAMP_LIFETIME_MS = 1000;

const stamps = new Map<string, { stamp: FileStamp | undefined; takenAt: number }>();

/** Whether a look at the file system taken at `takenAt` is still trusted at `now` (a clock set back is not). */
export function isFresh(takenAt: number, now: number): boolean {
  return now - takenAt < STAMP_LIFETIME_MS && now >= takenAt;
}

/** The file's modification time and size, or undefined when it cannot be read. */
export function fileStamp(file: string, now: number = Date.now()): FileStamp | undefined {
  const known = stamps.get(file);
  if (known && isFresh(known.takenAt, now)) return known.stamp;
  let stamp: FileStamp | undefined;
  try {
    const { mtimeMs, size } = statSync(file);
    stamp = { mtimeMs, size };
  } catch {
    stamp = undefined;
  }
  stamps.set(file, { stamp, takenAt: now });
  return stamp;
}

/** Forgets every stamp (a fresh start for measurements and tests). */
export function forgetFileStamps(): void {
  stamps.clear();
}
