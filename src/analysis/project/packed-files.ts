/**
 * Whether a published package's tarball leaves a file out, for a package that lists its `files`:
 * `npm pack` then packs what the list includes, package.json, a README, LICENSE, LICENCE or
 * COPYING at the package's root, and the `main` and `bin` files (npm's documentation of `files`).
 * The list is read as npm reads it: an entry takes a folder's contents, a glob (`**`, `*`, `?`,
 * `{a,b}`: util/glob.ts) what it matches, a leading `./` or `/` anchors it at the package folder,
 * an entry with no other `/` matches a name at any depth, `folder/*` is the folder's whole
 * contents, a `!` entry excludes what it matches, a later entry overrides an earlier one, and case
 * does not matter.
 *
 * Left out is claimed only where npm's reading leaves the file out. Where that reading depends on
 * the disk (npm stats an entry to tell a folder from a pattern) or on how npm walks folders, the
 * file is taken as packed; a list that is not an array of strings, or holds an entry with syntax
 * not read here (`[a-z]`, `+(…)`, `\`), packs every file. A private package publishes nothing:
 * its list says nothing.
 */
import * as path from 'node:path';

import { compileGlob } from '../../util/glob.js';
import { exportPatterns, publishedFiles, startedPaths, type PackageManifest } from './package-manifest.js';

interface Entry {
  /** Whether the entry packs what it matches (a `!` entry leaves it out). */
  readonly packs: boolean;
  /** Whether it matches a package-relative, lowercased path. */
  readonly matches: (relative: string) => boolean;
}

interface EntryPoints {
  /** The files `main`, `bin`, `exports` and `browser` name (publishedFiles, `bin`), and the patterns of `exports`. */
  readonly files: ReadonlySet<string>;
  readonly patterns: readonly RegExp[];
  /** The entry points' names without folder and extension, lowercased: a build keeps its source's name. */
  readonly names: ReadonlySet<string>;
}

/** Manifest → its `files` list, read once (null: no list, or one not read). */
const listsByManifest = new WeakMap<PackageManifest, readonly Entry[] | null>();
/** Manifest → its entry points, read once. */
const entryPointsByManifest = new WeakMap<PackageManifest, EntryPoints>();

/** What npm packs at the package's root whatever the list says. */
const ALWAYS_PACKED = /^(?:package\.json|(?:readme|license|licence|copying)(?:\.[^/]*)?)$/i;

/** Syntax of an entry not read here: character classes, extglobs, escapes, a `!` inside it. */
const UNREAD_SYNTAX = /[[\]()\\!]/;

/**
 * Whether the `files` list of the published package leaves `file` out and no entry point names it:
 * not `main`, a `bin`, an `exports` target of any condition or pattern, nor a file `browser` names,
 * and not a file with the name of one of them (`src/cli.ts` compiled into the `bin` `dist/cli.js`).
 */
export function isLeftOutOfPackage(file: string, manifest: PackageManifest): boolean {
  const list = packList(manifest);
  if (!list) return false;
  const relative = packageRelative(file, manifest);
  if (relative === undefined || ALWAYS_PACKED.test(relative)) return false;
  const lower = relative.toLowerCase();
  let packed = false;
  for (const entry of list) if (entry.packs !== packed && entry.matches(lower)) packed = entry.packs;
  return !packed && !isEntryPoint(file, manifest);
}

/**
 * Whether `file` is, or may be built into, an entry point of its package: `main` (`index.js`
 * without `main` or `exports`), a `bin`, an `exports` target of any condition or pattern, or a file
 * `browser` names, or a file with the name of one of them (`src/cli.ts` compiled into the `bin`
 * `dist/cli.js`).
 */
export function isEntryPoint(file: string, manifest: PackageManifest): boolean {
  const relative = packageRelative(file, manifest);
  if (relative === undefined) return false;
  return isNamedEntryPoint(file, manifest) || entryPointsOf(manifest).patterns.some((pattern) => pattern.test(relative));
}

/**
 * Whether `file` is, or may be built into, an entry point its package names without a pattern:
 * one an importer loads by the package's name alone (`main`, an exact `exports` target), without
 * writing the file's own name. An `exports` pattern's target is loaded by a subpath that names it.
 */
export function isNamedEntryPoint(file: string, manifest: PackageManifest): boolean {
  if (packageRelative(file, manifest) === undefined) return false;
  const entryPoints = entryPointsOf(manifest);
  return entryPoints.names.has(nameOf(file)) || startedPaths(file).some((named) => entryPoints.files.has(named));
}

/** The path from the package's folder, with `/` separators; undefined outside it. */
function packageRelative(file: string, manifest: PackageManifest): string | undefined {
  const relative = path.relative(manifest.folder, file).split(path.sep).join('/');
  return relative.startsWith('../') || path.isAbsolute(relative) ? undefined : relative;
}

function entryPointsOf(manifest: PackageManifest): EntryPoints {
  let entryPoints = entryPointsByManifest.get(manifest);
  if (!entryPoints) {
    const files = new Set([...manifest.binFiles, ...publishedFiles(manifest)]);
    const names = new Set([...files].map(nameOf));
    // Without `main` or `exports`, `require()` of the package loads its `index.js`, as written (no build names it).
    if (manifest.main === undefined && manifest.exports === undefined) files.add(path.join(manifest.folder, 'index'));
    entryPoints = { files, patterns: exportPatterns(manifest), names };
    entryPointsByManifest.set(manifest, entryPoints);
  }
  return entryPoints;
}

function packList(manifest: PackageManifest): readonly Entry[] | undefined {
  let list = listsByManifest.get(manifest);
  if (list === undefined) {
    list = readList(manifest);
    listsByManifest.set(manifest, list);
  }
  return list ?? undefined;
}

function readList(manifest: PackageManifest): readonly Entry[] | null {
  const { files } = manifest;
  if (!manifest.known || manifest.private || !Array.isArray(files)) return null;
  const entries: Entry[] = [];
  for (const written of files as unknown[]) {
    const entry = typeof written === 'string' ? readEntry(written) : undefined;
    if (!entry) return null;
    entries.push(entry);
  }
  return entries;
}

function readEntry(written: string): Entry | undefined {
  const bangs = /^!*/.exec(written)?.[0].length ?? 0;
  // An even number of `!` cancel out, as npm's ignore rules read them.
  const packs = bangs % 2 === 0;
  let pattern = written.slice(bangs).toLowerCase();
  if (UNREAD_SYNTAX.test(pattern)) return undefined;
  if (pattern.endsWith('/*')) pattern += '*';
  const anchored = /^\.?\//.test(pattern);
  pattern = pattern.replace(/^(?:\.?\/)+/, '').replace(/\/+$/, '');
  if (pattern === '' || pattern === '.') return { packs, matches: () => true };
  const glob = compileGlob(pattern);
  // A `!` entry leaves a folder's contents out only when it names the folder as written: npm tells
  // a folder from a pattern by a stat, and a pattern's match alone leaves out only what it matches.
  const folders = packs || !/[*?{]/.test(pattern);
  const anyDepth = !anchored && !pattern.includes('/');
  return { packs, matches: (relative) => tested(relative, anyDepth, folders).some((candidate) => glob.test(candidate)) };
}

/**
 * What an entry is tested on: the path and, with `folders`, the folders above it (a folder takes
 * its contents); for an entry without `/`, the names along the path instead.
 */
function tested(relative: string, anyDepth: boolean, folders: boolean): string[] {
  const names = relative.split('/');
  if (anyDepth) return folders ? names : names.slice(-1);
  return folders ? names.map((_, index) => names.slice(0, index + 1).join('/')) : [relative];
}

function nameOf(file: string): string {
  return path.basename(file, path.extname(file)).toLowerCase();
}
