/**
 * Every read of the disk by the analysis: stamps (stat), texts, folder listings, real paths, and the
 * caches of what is derived from them (manifests, resolutions, workflow jobs, text facts, summaries).
 *
 * One lint asks about the same files for every file that imports them: thousands of `stat` calls,
 * which cost more than the questions. A look at the disk is trusted for LIFETIME_MS instead (a
 * clock set back is not trusted), long enough for a command-line run, short enough that an editor
 * sees a saved change, a new file or an edited package.json in its next lint. After that, a text or
 * a listing is kept while the stamp (kind, modification time, size, inode) of its file or folder is
 * unchanged.
 *
 * A derived value records the stamps of what it read itself and the derived values it used (by
 * reference, not by copying their sources: a summary uses hundreds of resolutions), and is served
 * again only while those stamps hold and those values are still the ones kept. A value cut short
 * by a safety net is marked `notCacheable()`: neither it nor anything computed from it is kept, so
 * that no lint order can turn a partial answer into a fact. Values computed together (`recordReads`,
 * `keep`) are kept under their common reads.
 *
 * Sizes are checked on the stamp before a file is opened; a directory, FIFO, device or socket is
 * never read. Nothing here throws: what cannot be read is missing or unknown.
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';

/** How long a look at the disk is trusted, in milliseconds. */
export const LIFETIME_MS = 1000;

export interface FileStamp {
  /** `other`: a special file (FIFO, device, socket), or one whose stat failed for another reason than absence. */
  readonly kind: 'file' | 'directory' | 'other';
  readonly mtimeMs: number;
  readonly size: number;
  readonly ino: number;
}

/** What a folder holds: every name, its files, its folders, and its symlinks (followed only when asked). */
export interface FolderListing {
  readonly names: ReadonlySet<string>;
  readonly files: ReadonlySet<string>;
  readonly folders: ReadonlySet<string>;
  readonly links: ReadonlySet<string>;
}

const UNKNOWN: FileStamp = { kind: 'other', mtimeMs: -1, size: -1, ino: -1 };
const EMPTY_LISTING: FolderListing = { names: new Set(), files: new Set(), folders: new Set(), links: new Set() };
/** Opening a FIFO for reading waits for a writer: never wait, whatever is found at the path by then. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

const stamps = new Map<string, { stamp: FileStamp | undefined; takenAt: number }>();
const texts = new Map<string, { stamp: FileStamp; text: string }>();
const listings = new Map<string, { stamp: FileStamp; listing: FolderListing }>();
const realPaths = new Map<string, { real: string | undefined; takenAt: number }>();
const derivedCaches = new Set<DerivedCache<unknown>>();

/** Whether a look at the disk taken at `takenAt` is still trusted at `now` (a clock set back is not). */
export function isFresh(takenAt: number, now: number): boolean {
  return now - takenAt < LIFETIME_MS && now >= takenAt;
}

/** The stamp of a path (symlinks followed), or undefined when nothing is there. */
export function stat(file: string): FileStamp | undefined {
  const stamp = currentStamp(file);
  // The first stamp read of a path is the one the value is derived from.
  if (recording && !recording.sources.has(file)) recording.sources.set(file, stamp);
  return stamp;
}

/** Whether a regular file is at the path (a symlink to one counts). */
export function isFile(file: string): boolean {
  return stat(file)?.kind === 'file';
}

/**
 * The UTF-8 text of a regular file of at most `maxBytes`, or undefined: missing, too large, special,
 * or unreadable. The size is read from the stamp before the file is opened.
 */
export function readText(file: string, maxBytes: number): string | undefined {
  const stamp = stat(file);
  if (stamp?.kind !== 'file' || stamp.size > maxBytes) return undefined;
  const cached = texts.get(file);
  if (cached && sameStamp(cached.stamp, stamp)) return cached.text;
  const read = readNow(file, maxBytes);
  if (!read) return undefined;
  if (!sameStamp(read.stamp, stamp)) {
    // Changed since the stamp was taken: what was read is what the answer is derived from.
    stamps.set(file, { stamp: read.stamp, takenAt: Date.now() });
    recording?.sources.set(file, read.stamp);
  }
  texts.set(file, { stamp: read.stamp, text: read.text });
  return read.text;
}

/** What a folder holds; empty when it is missing or cannot be listed. */
export function listFolder(folder: string): FolderListing {
  const stamp = stat(folder);
  if (stamp?.kind !== 'directory') return EMPTY_LISTING;
  const cached = listings.get(folder);
  if (cached && sameStamp(cached.stamp, stamp)) return cached.listing;
  const listing = listNow(folder);
  listings.set(folder, { stamp, listing });
  return listing;
}

/** The real path of a file or folder (symlinks resolved), or undefined when it cannot be found. */
export function realPath(file: string): string | undefined {
  // The stamp of what the path leads to: a link pointed elsewhere leads to another inode.
  stat(file);
  const now = Date.now();
  const known = realPaths.get(file);
  if (known && isFresh(known.takenAt, now)) return known.real;
  let real: string | undefined;
  try {
    real = realpathSync(file);
  } catch {
    real = undefined;
  }
  realPaths.set(file, { real, takenAt: now });
  return real;
}

/** The paths read and the derived values used while a value is computed, and whether it may be kept. */
interface Recording {
  readonly sources: Map<string, FileStamp | undefined>;
  readonly uses: Set<Entry<unknown>>;
  cacheable: boolean;
  /** What the values kept under these reads use (`DerivedCache.keep`): one entry, checked once for all of them. */
  group?: Entry<unknown>;
}

/** A kept value: what it was derived from, when that was last checked, and whether it is still the one kept. */
interface Entry<T> {
  readonly value: T;
  readonly sources: ReadonlyMap<string, FileStamp | undefined>;
  readonly uses: readonly Entry<unknown>[];
  checkedAt: number;
  /** False once the value is replaced or forgotten: whatever used it is derived again. */
  kept: boolean;
}

let recording: Recording | undefined;

/** The value being computed is cut short (a safety net): neither it nor what uses it is kept. */
export function notCacheable(): void {
  if (recording) recording.cacheable = false;
}

/** What a computation read (opaque): handed from `recordReads` to `DerivedCache.keep`. */
export type Reads = object;

/**
 * Runs `compute`, recording the paths it read and the derived values it used; a computation cut
 * short (`notCacheable()`) also cuts short the one it runs within.
 */
export function recordReads<T>(compute: () => T): { value: T; reads: Reads } {
  const outer = recording;
  const own: Recording = { sources: new Map(), uses: new Set(), cacheable: true };
  recording = own;
  let value: T;
  try {
    value = compute();
  } finally {
    recording = outer;
  }
  if (outer && !own.cacheable) outer.cacheable = false;
  return { value, reads: own };
}

/**
 * Values derived from the disk, by key: each is kept with the stamps of every path read to compute
 * it and served while they hold (checked again once per LIFETIME_MS).
 */
export class DerivedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor() {
    derivedCaches.add(this as DerivedCache<unknown>);
  }

  /** The value kept for `key`, computed first when there is none or what it was derived from has changed. */
  get(key: string, compute: () => T): T {
    const entry = this.entries.get(key);
    if (entry && holds(entry)) return served(entry);
    const { value, reads } = recordReads(compute);
    const made = this.store(key, value, reads as Recording);
    // What the outer value read through this one: the entry itself (when not kept, recordReads told it).
    if (made) recording?.uses.add(made as Entry<unknown>);
    return value;
  }

  /**
   * Keeps `value` for `key` as derived from `reads` (see `recordReads`), unless they were cut short:
   * values computed together (the summaries of an import cycle) are kept under the same reads.
   */
  keep(key: string, value: T, reads: Reads): void {
    const own = reads as Recording;
    // Thousands of values of one cycle share one record of its reads, not a copy each.
    own.group ??= { value: undefined, sources: own.sources, uses: [...own.uses], checkedAt: Date.now(), kept: true };
    this.store(key, value, { sources: new Map(), uses: new Set([own.group]), cacheable: own.cacheable });
  }

  private store(key: string, value: T, own: Recording): Entry<T> | undefined {
    const previous = this.entries.get(key);
    if (previous) previous.kept = false;
    if (!own.cacheable) {
      this.entries.delete(key);
      return undefined;
    }
    const made: Entry<T> = { value, sources: own.sources, uses: [...own.uses], checkedAt: Date.now(), kept: true };
    this.entries.set(key, made);
    return made;
  }

  /** The value kept for `key` while what it was derived from is unchanged; undefined otherwise. */
  peek(key: string): T | undefined {
    const entry = this.entries.get(key);
    return entry && holds(entry) ? served(entry) : undefined;
  }

  /** Forgets every value. */
  clear(): void {
    for (const entry of this.entries.values()) entry.kept = false;
    this.entries.clear();
  }
}

/**
 * Whether a kept value still holds: its own reads unchanged and every value it used still kept and
 * holding. Checked once per LIFETIME_MS for each value, so a check costs each value once.
 */
function holds(entry: Entry<unknown>): boolean {
  if (!entry.kept) return false;
  const now = Date.now();
  if (isFresh(entry.checkedAt, now)) return true;
  for (const [file, stamp] of entry.sources) {
    const current = currentStamp(file);
    if (current === undefined ? stamp !== undefined : stamp === undefined || !sameStamp(current, stamp)) return (entry.kept = false);
  }
  // Marked first: a value reached again through the values it used is not checked twice.
  entry.checkedAt = now;
  for (const used of entry.uses) {
    if (!holds(used)) {
      entry.checkedAt = 0;
      return (entry.kept = false);
    }
  }
  return true;
}

/** A kept value, which the value being computed (if any) now uses. */
function served<T>(entry: Entry<T>): T {
  recording?.uses.add(entry as Entry<unknown>);
  return entry.value;
}

/** Forgets everything read and derived: `npm run bench` measures each run with a cold cache, and tests start clean. */
export function reset(): void {
  stamps.clear();
  texts.clear();
  listings.clear();
  realPaths.clear();
  for (const cache of derivedCaches) cache.clear();
}

function currentStamp(file: string): FileStamp | undefined {
  const now = Date.now();
  const known = stamps.get(file);
  if (known && isFresh(known.takenAt, now)) return known.stamp;
  let stamp: FileStamp | undefined;
  try {
    stamp = stampOf(statSync(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    stamp = code === 'ENOENT' || code === 'ENOTDIR' ? undefined : UNKNOWN;
  }
  stamps.set(file, { stamp, takenAt: now });
  return stamp;
}

function stampOf(stats: Stats): FileStamp {
  const kind = stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other';
  return { kind, mtimeMs: stats.mtimeMs, size: stats.size, ino: stats.ino };
}

function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.kind === b.kind && a.mtimeMs === b.mtimeMs && a.size === b.size && a.ino === b.ino;
}

/** Reads at most `maxBytes` from what is at the path now, if it is a regular file: never more, never waiting. */
function readNow(file: string, maxBytes: number): { stamp: FileStamp; text: string } | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, OPEN_FLAGS);
    const stamp = stampOf(fstatSync(fd));
    if (stamp.kind !== 'file' || stamp.size > maxBytes) return undefined;
    // One byte more than allowed: a file that grew since its stamp is too large, not cut.
    const buffer = Buffer.alloc(Math.min(stamp.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const count = readSync(fd, buffer, length, buffer.length - length, null);
      if (count === 0) break;
      length += count;
    }
    return length > maxBytes ? undefined : { stamp, text: buffer.toString('utf8', 0, length) };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) close(fd);
  }
}

function close(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // nothing left to do with it
  }
}

function listNow(folder: string): FolderListing {
  const listing = { names: new Set<string>(), files: new Set<string>(), folders: new Set<string>(), links: new Set<string>() };
  try {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      listing.names.add(entry.name);
      if (entry.isFile()) listing.files.add(entry.name);
      else if (entry.isDirectory()) listing.folders.add(entry.name);
      else if (entry.isSymbolicLink()) listing.links.add(entry.name);
    }
  } catch {
    return EMPTY_LISTING;
  }
  return listing;
}
