/**
 * Which of the project's own source files an import specifier names, as Node and TypeScript find
 * it: relative specifiers (extension probing, a `.js` specifier naming its `.ts` source, `index`
 * files), the package's `imports` (`#lib/run`), and workspace packages, which package managers link
 * into `node_modules` as symlinks to their sources (`exports`, then `main`, then `index`), or, where
 * nothing is installed, the workspace's package of that name; build output missing from the tree is
 * the source its package's tsconfig compiles to it. A package
 * installed from the registry is not the project's code and stays unresolved, as does anything
 * that cannot be found: the caller treats it as unknown (`resolveInstalledPackage` finds an installed
 * package's entry for the dependency checks, under the conditions Node loads it with). Every answer is kept while the folders
 * and package.json files it was found through are unchanged (fs-cache.ts).
 */
import { isBuiltin } from 'node:module';
import path from 'node:path';

import { DerivedCache, type FolderListing, isFile as isFileOnDisk, listFolder, realPath } from './fs-cache.js';
import { buildOutputSource } from './build-output.js';
import { manifestOf, nearestManifest } from './package-manifest.js';
import { workspacePackageFolder } from './workspace-packages.js';
import { isRecord } from '../../util/records.js';

const EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.jsx', '.tsx'];
const TYPESCRIPT_FOR = new Map([
  ['.js', ['.ts', '.tsx']],
  ['.mjs', ['.mts']],
  ['.cjs', ['.cts']],
]);
/** The conditions active in `exports` and `imports`, taken in each map's key order, but `source` first. */
const SOURCE_CONDITION = 'source';
const CONDITIONS: ReadonlySet<string> = new Set([SOURCE_CONDITION, 'development', 'import', 'require', 'node', 'default']);
/** The conditions Node itself loads an installed package under, by how the importing file loads it. */
const INSTALLED_CONDITIONS: Readonly<Record<LoadKind, ReadonlySet<string>>> = {
  import: new Set(['node', 'import', 'default']),
  require: new Set(['node', 'require', 'default']),
};

/** How a file loads a module: `import`/`import()` or `require()`. */
export type LoadKind = 'import' | 'require';

/** An installed package as an importer reaches it: its name, real folder, the entry loaded, and the `node_modules` it was found in. */
export interface InstalledPackage {
  readonly name: string;
  readonly folder: string;
  readonly entry: string;
  readonly link: string;
}

/** Folder and specifier → the file, or null: resolution walks folders, so each answer is kept. */
const resolved = new DerivedCache<string | null>();

/** The source file `specifier`, imported from `fromFile`, names; undefined when not the project's. */
export function resolveModule(fromFile: string, specifier: string): string | undefined {
  if (isBuiltin(specifier) || path.isAbsolute(specifier) || specifier === '.' || specifier === '..') return undefined;
  const file = resolved.get(`${path.dirname(fromFile)}\0${specifier}`, () => {
    const found = resolveUncached(fromFile, specifier);
    // A module inside an installed package is that package's code, even when a sibling imports it.
    return found === undefined || isInstalledFile(found) ? null : found;
  });
  return file ?? undefined;
}

/** Whether a file is inside an installed package (a `node_modules` folder): never the project's own code. */
export function isInstalledFile(file: string): boolean {
  return file.includes(`${path.sep}node_modules${path.sep}`);
}

function resolveUncached(fromFile: string, specifier: string): string | undefined {
  if (specifier.startsWith('./') || specifier.startsWith('../')) return resolveRelative(path.dirname(fromFile), specifier);
  if (specifier.startsWith('#')) return resolveImportsField(fromFile, specifier);
  return specifier.startsWith('.') ? undefined : resolveWorkspacePackage(fromFile, specifier);
}

/** TypeScript's `paths` of the program a file is linted with, and the folder they are relative to. */
export interface PathAliases {
  readonly paths: Readonly<Record<string, readonly string[]>>;
  readonly base: string;
}

/** The project file a TypeScript path alias (`@/lib/run`, `~utils`) names, as the compiler maps it. */
export function resolvePathAlias(specifier: string, aliases: PathAliases): string | undefined {
  let best: { prefix: string; targets: readonly string[]; match: string } | undefined;
  for (const [pattern, targets] of Object.entries(aliases.paths)) {
    const star = pattern.indexOf('*');
    const [prefix, suffix] = star === -1 ? [pattern, ''] : [pattern.slice(0, star), pattern.slice(star + 1)];
    const matches = star === -1 ? specifier === pattern : specifier.startsWith(prefix) && specifier.endsWith(suffix);
    // The longest prefix wins, as in the compiler.
    if (matches && (!best || prefix.length > best.prefix.length)) {
      best = { prefix, targets, match: star === -1 ? '' : specifier.slice(prefix.length, specifier.length - suffix.length) };
    }
  }
  for (const target of best?.targets ?? []) {
    const file = resolveRelative(aliases.base, `./${target.replace('*', best?.match ?? '')}`);
    if (file !== undefined && !isInstalledFile(file)) return file;
  }
  return undefined;
}

/**
 * The file a relative specifier names, as Node and TypeScript find it. Every candidate is looked up
 * in a cached listing of its folder: two listings at most, and the `index` files are looked for only
 * when the parent's listing holds a folder (or a link) of that name, so a missing path costs no
 * failing `stat`.
 */
export function resolveRelative(folder: string, specifier: string): string | undefined {
  const base = path.resolve(folder, specifier);
  const extension = path.extname(base);
  const parent = listFolder(path.dirname(base));
  const name = path.basename(base);
  // `./run.js` names `run.js` or, in TypeScript, `run.ts`: those first, then Node's extension probing.
  const siblings = [name, ...(TYPESCRIPT_FOR.get(extension) ?? []).map((typescript) => name.slice(0, -extension.length) + typescript), ...EXTENSIONS.map((candidate) => name + candidate)];
  // Only source files are modules to summarise: `require('./package.json')` is data.
  const sibling = siblings.find((candidate) => EXTENSIONS.includes(path.extname(candidate)) && isListedFile(parent, path.dirname(base), candidate));
  if (sibling !== undefined) return path.join(path.dirname(base), sibling);
  if (!parent.folders.has(name) && !parent.links.has(name)) return undefined;
  const inside = listFolder(base);
  const index = EXTENSIONS.map((candidate) => `index${candidate}`).find((candidate) => isListedFile(inside, base, candidate));
  return index === undefined ? undefined : path.join(base, index);
}

/** Whether a listing holds a file of that name (a symlink to a file counts, checked on disk). */
function isListedFile(listing: FolderListing, folder: string, name: string): boolean {
  return listing.files.has(name) || (listing.links.has(name) && isFileOnDisk(path.join(folder, name)));
}

/** `#lib/run` through the nearest package.json `imports`. */
function resolveImportsField(fromFile: string, specifier: string): string | undefined {
  const manifest = nearestManifest(fromFile);
  const target = manifest && mappedTarget(manifest.imports, specifier);
  return target === undefined || !manifest ? undefined : resolveRelative(manifest.folder, target);
}

/**
 * A package reached through `node_modules` whose real location is not inside a `node_modules`
 * folder: a workspace package linked by npm, pnpm or yarn; where nothing is installed under its
 * name, the workspace's package of that name (workspace-packages.ts). A build output missing from
 * the tree is the source its tsconfig compiles to it (build-output.ts).
 */
function resolveWorkspacePackage(fromFile: string, specifier: string): string | undefined {
  const parts = packageParts(specifier);
  if (!parts) return undefined;
  const found = installedFolder(path.dirname(fromFile), parts.name);
  const folder = found ? found.real : workspacePackageFolder(fromFile, parts.name);
  if (folder === undefined || isInstalledFile(`${folder}${path.sep}`)) return undefined;
  const target = packageTarget(folder, parts.subpath, CONDITIONS);
  if (target === undefined) return undefined;
  const file = resolveRelative(folder, target);
  const source = file === undefined ? buildOutputSource(folder, target) : undefined;
  return file ?? (source === undefined ? undefined : resolveRelative(folder, source));
}

/**
 * The installed package a bare specifier names from `fromFile`, with the entry Node loads for it under
 * the conditions of `kind` (`exports`, then `main`, then `index`); undefined when it is not found.
 * Unlike `resolveModule`, the package's code is the point: it is read as installed. A workspace
 * package (a link that leads out of `node_modules`) is not installed code: undefined.
 */
export function resolveInstalledPackage(fromFile: string, specifier: string, kind: LoadKind): InstalledPackage | undefined {
  if (isBuiltin(specifier)) return undefined;
  const parts = packageParts(specifier);
  const found = parts && installedFolder(path.dirname(fromFile), parts.name);
  // A workspace package linked into node_modules is the project's own code, which the rules lint.
  if (found && !isInstalledFile(`${found.real}${path.sep}`)) return undefined;
  const entry = parts && found && resolvePackageEntry(found.real, parts.subpath, INSTALLED_CONDITIONS[kind]);
  return parts && found && entry !== undefined ? { name: parts.name, folder: found.real, entry, link: found.link } : undefined;
}

/** A bare specifier's package name and subpath (`@a/b/c` → `@a/b`, `./c`); undefined for one that steps out of the package. */
function packageParts(specifier: string): { name: string; subpath: string } | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('#') || path.isAbsolute(specifier)) return undefined;
  const parts = specifier.split('/');
  const nameLength = specifier.startsWith('@') ? 2 : 1;
  if (parts.length < nameLength || parts.slice(0, nameLength).some((part) => part === '')) return undefined;
  const subpath = parts.length > nameLength ? `./${parts.slice(nameLength).join('/')}` : '.';
  // A subpath that steps out of the package (`pkg/../other`) is not the package's code.
  if (subpath !== '.' && hasInvalidSegment(subpath.slice(2))) return undefined;
  return { name: parts.slice(0, nameLength).join('/'), subpath };
}

/** Where Node finds package `name` from `folder`, walking up: the link in `node_modules`, and where it leads. */
function installedFolder(start: string, name: string): { link: string; real: string } | undefined {
  for (let folder = start; ; folder = path.dirname(folder)) {
    const candidate = path.join(folder, 'node_modules', name);
    // Most folders have no such package: a cached listing answers that without a failing syscall.
    const real = listFolder(path.dirname(candidate)).names.has(path.basename(candidate)) ? realPath(candidate) : undefined;
    if (real !== undefined) return { link: candidate, real };
    if (path.dirname(folder) === folder) return undefined;
  }
}

function resolvePackageEntry(folder: string, subpath: string, conditions: ReadonlySet<string>): string | undefined {
  const target = packageTarget(folder, subpath, conditions);
  return target === undefined ? undefined : resolveRelative(folder, target);
}

/** The path in the package folder a subpath of it names: through `exports`, else as written, `main` or `index` for the package itself. */
function packageTarget(folder: string, subpath: string, conditions: ReadonlySet<string>): string | undefined {
  const manifest = manifestOf(folder);
  if (manifest?.exports !== undefined) return mappedTarget(exportsMap(manifest.exports), subpath, conditions);
  if (subpath !== '.') return subpath;
  return manifest?.main ?? './index';
}

/** `"exports": "./x.js"` and condition-only objects are the map of `.`. */
function exportsMap(exports: unknown): unknown {
  if (typeof exports === 'string' || Array.isArray(exports)) return { '.': exports };
  if (isRecord(exports) && !Object.keys(exports).some((key) => key.startsWith('.'))) return { '.': exports };
  return exports;
}

/**
 * The target an `exports`/`imports` map gives a key, as Node finds it: the exact key, else the most
 * specific `*` pattern (the longest part before `*`, then the longest key); undefined where Node
 * would fail, including a key that maps to `null`.
 */
function mappedTarget(map: unknown, key: string, conditions: ReadonlySet<string> = CONDITIONS): string | undefined {
  if (!isRecord(map)) return undefined;
  let target: string | typeof STOP | undefined;
  if (Object.hasOwn(map, key) && !key.includes('*')) target = conditionalTarget(map[key], undefined, 0, conditions);
  else {
    let best: { pattern: string; match: string } | undefined;
    for (const pattern of Object.keys(map)) {
      const star = pattern.indexOf('*');
      if (star === -1 || pattern.lastIndexOf('*') !== star) continue;
      const [prefix, suffix] = [pattern.slice(0, star), pattern.slice(star + 1)];
      if (key.startsWith(prefix) && key.endsWith(suffix) && key.length >= prefix.length + suffix.length && (!best || morePrecise(pattern, best.pattern))) {
        best = { pattern, match: key.slice(prefix.length, key.length - suffix.length) };
      }
    }
    // Node rejects a substitution with `.`, `..`, empty or `node_modules` segments.
    if (best) target = hasInvalidSegment(best.match) ? STOP : conditionalTarget(map[best.pattern], best.match, 0, conditions);
  }
  return target === STOP ? undefined : target;
}

/** Node's PATTERN_KEY_COMPARE: a longer part before `*` wins, then a longer key. */
function morePrecise(pattern: string, than: string): boolean {
  const [base, baseThan] = [pattern.indexOf('*'), than.indexOf('*')];
  return base !== baseThan ? base > baseThan : pattern.length > than.length;
}

/**
 * Where the lookup ends without a file: an invalid target, a `null` (excluded) target, or conditions
 * nested past reason. Unlike undefined (no condition matched), it ends the walk of the conditions.
 */
const STOP = Symbol('stop');
/** Conditions nest a level or two in real manifests; deeper is followed no further. */
const MAX_CONDITION_DEPTH = 32;

function conditionalTarget(value: unknown, match: string | undefined, depth: number, conditions: ReadonlySet<string>): string | typeof STOP | undefined {
  if (depth > MAX_CONDITION_DEPTH || value === null) return STOP;
  if (typeof value === 'string') {
    // Node resolves only `./` targets inside the package (a bare one names another package).
    if (!value.startsWith('./') || hasInvalidSegment(value.slice(2))) return STOP;
    return match === undefined ? value : value.replaceAll('*', match);
  }
  if (Array.isArray(value)) {
    for (const entry of value) {
      // A `null` entry is skipped, as in Node; an invalid one makes the lookup unknown.
      const target = entry === null ? undefined : conditionalTarget(entry, match, depth + 1, conditions);
      if (target !== undefined) return target;
    }
    return undefined;
  }
  if (!isRecord(value)) return undefined;
  // The workspace's sources first (on purpose: `dist/` may be unbuilt), then the map's own key order.
  for (const condition of [SOURCE_CONDITION, ...Object.keys(value)]) {
    if (!conditions.has(condition) || !Object.hasOwn(value, condition)) continue;
    const target = conditionalTarget(value[condition], match, depth + 1, conditions);
    if (target !== undefined) return target;
  }
  return undefined;
}

/**
 * Whether a `/`- or `\\`-separated path has a segment Node refuses in targets: empty, `.`, `..` or
 * `node_modules`, also percent-encoded (`%2e%2e`).
 */
function hasInvalidSegment(subpath: string): boolean {
  return subpath.split(/[\\/]/).some((raw) => {
    const segment = raw.replaceAll(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))).toLowerCase();
    return segment === '' || segment === '.' || segment === '..' || segment === 'node_modules';
  });
}
