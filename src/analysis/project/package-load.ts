/**
 * What loading an installed package does: the process, worker or pool its load starts, the
 * platform-only module it loads, or the call that throws on some platforms or environments, found in
 * its entry (as Node resolves it for the importing file) and the modules that entry loads while it
 * loads, then in the entries of the dependencies those load. What runs at load in one module is
 * asked of the module's own analysis (`ModuleLoadFacts`, computed above this layer and passed in), so
 * guards in the package count as they do in the project's code.
 *
 * Per package, the answer is kept by its identity on disk (package-cache.ts) and in process
 * (fs-cache.ts). Bounded: MAX_FILES modules and MAX_BYTES of text per package, modules over
 * MAX_MODULE_BYTES unread, MAX_PACKAGE_DEPTH packages deep and MAX_PACKAGES packages per question.
 * What cannot be read, parsed or reached within the bounds is unknown and does nothing.
 */
import { createHash } from 'node:crypto';
import { isBuiltin } from 'node:module';
import path from 'node:path';

import { SETTINGS_KEY } from '../catalog/settings.js';
import { PACKAGE_VERSION } from '../../util/package-info.js';
import { DerivedCache, readText } from './fs-cache.js';
import { resolveInstalledPackage, resolveRelative, type InstalledPackage, type LoadKind } from './module-resolution.js';
import { packageIdentity, readCached, writeCached } from './package-cache.js';
import { eslintEspree } from './module-parse.js';
import { manifestOf } from './package-manifest.js';
import { EMPTY_SUMMARY, inspectModule, type AnalysisContext, type LintEnvironment } from './summary-store.js';

/** `start`: a process, worker or pool; `os-module`: a platform-only module; `platform-call`: an API that throws somewhere. */
export type HazardKind = 'start' | 'os-module' | 'platform-call';

/** Something one module does while it loads, at a line of it. */
export interface LoadHazard {
  readonly kind: HazardKind;
  readonly what: string;
  readonly line: number;
}

/** A module one module loads while it loads. */
export interface ModuleLoad {
  readonly specifier: string;
  readonly kind: LoadKind;
}

/** What one module does while it loads, and what it loads meanwhile: asked of its analysis. */
export interface ModuleLoadFacts {
  readonly hazards: readonly LoadHazard[];
  readonly loads: readonly ModuleLoad[];
}

export type LoadFactsOf = (context: AnalysisContext) => ModuleLoadFacts;

/** A hazard in a module of a package, `file` relative to the package's folder (`/`-separated). */
export interface PackageHazard extends LoadHazard {
  readonly file: string;
}

/** What one package's own modules do while its entry loads, and the packages they load meanwhile. */
interface PackageLoad {
  readonly hazards: readonly PackageHazard[];
  readonly dependencies: readonly (ModuleLoad & { readonly file: string })[];
}

/** A hazard found by loading a package: in it, or in a dependency it loads (`path`: `name@version` from the imported package to that one). */
export interface DependencyHazard extends PackageHazard {
  readonly packageName: string;
  readonly version: string | undefined;
  readonly folder: string;
  readonly path: readonly string[];
}

/** How a file reads installed packages: its settings and the per-module question (the parser is ESLint's espree). */
export interface DependencyReader {
  readonly settings: Readonly<Record<string, unknown>> | undefined;
  readonly factsOf: LoadFactsOf;
}

const MAX_FILES = 64;
const MAX_BYTES = 4 * 1024 * 1024;
const MAX_MODULE_BYTES = 512 * 1024;
const MAX_PACKAGE_DEPTH = 4;
const MAX_PACKAGES = 64;
const NOTHING: ModuleLoadFacts = { hazards: [], loads: [] };

/** Settings key, kind and entry → the package's own load. */
const packageLoads = new DerivedCache<PackageLoad>();
/** Settings key, kind and entry → the first hazard of the package's load, dependencies included. */
const treeHazards = new DerivedCache<DependencyHazard | null>();
const settingsKeys = new WeakMap<object, string>();
const NO_SETTINGS = {};
let unwritable = 0;

/** What loading `specifier` from `fromFile` does, first found: undefined when it is not an installed package or nothing is proven. */
export function dependencyHazard(fromFile: string, specifier: string, kind: LoadKind, reader: DependencyReader): DependencyHazard | undefined {
  const installed = resolveInstalledPackage(fromFile, specifier, kind);
  return installed && packageHazard(installed, kind, reader);
}

/** An installed package as an audit lists it: what its own modules do while its entry loads, dependencies aside. */
export interface InstalledLoad {
  readonly name: string;
  readonly version: string | undefined;
  readonly folder: string;
  readonly hazards: readonly PackageHazard[];
}

/** The installed package `specifier` names from `fromFile` and its own load; undefined when it is not installed. */
export function installedLoad(fromFile: string, specifier: string, kind: LoadKind, reader: DependencyReader): InstalledLoad | undefined {
  const installed = resolveInstalledPackage(fromFile, specifier, kind);
  if (!installed) return undefined;
  return { name: installed.name, version: manifestOf(installed.folder)?.version, folder: installed.folder, hazards: packageLoad(installed, kind, reader).hazards };
}

/** What loading an installed package does, first found, dependencies included. */
function packageHazard(installed: InstalledPackage, kind: LoadKind, reader: DependencyReader): DependencyHazard | undefined {
  const key = `${settingsKey(reader)}\0${kind}\0${installed.entry}`;
  return treeHazards.get(key, () => hazardOfTree(installed, kind, reader, 0, new Set([key]))) ?? undefined;
}

function hazardOfTree(installed: InstalledPackage, kind: LoadKind, reader: DependencyReader, depth: number, seen: Set<string>): DependencyHazard | null {
  const own = packageLoad(installed, kind, reader);
  const version = manifestOf(installed.folder)?.version;
  const label = `${installed.name}@${version ?? '?'}`;
  const [first] = own.hazards;
  if (first) return { ...first, packageName: installed.name, version, folder: installed.folder, path: [label] };
  if (depth >= MAX_PACKAGE_DEPTH) return null;
  for (const dependency of own.dependencies) {
    const found = resolveInstalledPackage(path.join(installed.folder, dependency.file), dependency.specifier, dependency.kind);
    const key = found && `${settingsKey(reader)}\0${dependency.kind}\0${found.entry}`;
    if (!found || key === undefined || seen.has(key) || seen.size >= MAX_PACKAGES) continue;
    seen.add(key);
    const hazard = hazardOfTree(found, dependency.kind, reader, depth + 1, seen);
    if (hazard) return { ...hazard, path: [label, ...hazard.path] };
  }
  return null;
}

/** A package's own load, from the process, then from the disk by identity, else computed and kept. */
function packageLoad(installed: InstalledPackage, kind: LoadKind, reader: DependencyReader): PackageLoad {
  const key = settingsKey(reader);
  return packageLoads.get(`${key}\0${kind}\0${installed.entry}`, () => {
    const identity = packageIdentity(installed.folder);
    const entryKey = `${kind}\0${relative(installed.folder, installed.entry)}\0${key}`;
    const cached = identity && readCached(installed.folder, identity, entryKey, isPackageLoad);
    if (cached) return cached;
    const computed = computeLoad(installed, reader);
    if (identity) writeCached(installed.folder, identity, entryKey, computed);
    return computed;
  });
}

/** The package's modules reached from its entry while it loads, breadth first, within the bounds. */
function computeLoad(installed: InstalledPackage, reader: DependencyReader): PackageLoad {
  const environment: LintEnvironment = { languageOptions: { parser: eslintEspree(), ecmaVersion: 'latest' }, settings: reader.settings, starterModules: new Set(), summarize: () => EMPTY_SUMMARY };
  const hazards: PackageHazard[] = [];
  const dependencies = new Map<string, ModuleLoad & { file: string }>();
  const queue = [installed.entry];
  const queued = new Set(queue);
  let bytes = 0;
  for (let index = 0; index < queue.length && index < MAX_FILES; index += 1) {
    const file = queue[index] ?? installed.entry;
    const text = readText(file, MAX_MODULE_BYTES);
    if (text === undefined) continue;
    bytes += text.length;
    if (bytes > MAX_BYTES) break;
    const facts = inspectModule(file, text, environment, reader.factsOf, NOTHING);
    const where = relative(installed.folder, file);
    for (const hazard of facts.hazards) hazards.push({ kind: hazard.kind, what: hazard.what, line: hazard.line, file: where });
    for (const load of facts.loads) {
      if (isBuiltin(load.specifier) || load.specifier.startsWith('#')) continue;
      if (!load.specifier.startsWith('.')) {
        if (!dependencies.has(load.specifier)) dependencies.set(load.specifier, { ...load, file: where });
        continue;
      }
      const target = resolveRelative(path.dirname(file), load.specifier);
      if (target === undefined || queued.has(target) || relative(installed.folder, target).startsWith('../')) continue;
      queued.add(target);
      queue.push(target);
    }
  }
  return { hazards, dependencies: [...dependencies.values()] };
}

/** A stable key of what decides a package's answer: the plugin's version and its settings. */
function settingsKey(reader: DependencyReader): string {
  const settings = reader.settings ?? NO_SETTINGS;
  let key = settingsKeys.get(settings);
  if (key === undefined) {
    let own: string;
    try {
      own = JSON.stringify((settings as Record<string, unknown>)[SETTINGS_KEY] ?? null);
    } catch {
      // Settings JSON cannot write (a cycle) stand for themselves alone.
      own = `#${(unwritable += 1)}`;
    }
    key = createHash('sha256').update(`${PACKAGE_VERSION}\0${own}`).digest('hex').slice(0, 16);
    settingsKeys.set(settings, key);
  }
  return key;
}

function relative(folder: string, file: string): string {
  return path.relative(folder, file).split(path.sep).join('/');
}

const HAZARD_KINDS: ReadonlySet<unknown> = new Set<HazardKind>(['start', 'os-module', 'platform-call']);

/** Whether a value read back from the disk has the shape of a package's load. */
function isPackageLoad(value: unknown): value is PackageLoad {
  if (!isRecord(value)) return false;
  const { hazards, dependencies } = value;
  return (
    Array.isArray(hazards) &&
    Array.isArray(dependencies) &&
    hazards.every((hazard: unknown) => isRecord(hazard) && HAZARD_KINDS.has(hazard.kind) && typeof hazard.what === 'string' && typeof hazard.line === 'number' && typeof hazard.file === 'string') &&
    dependencies.every((dependency: unknown) => isRecord(dependency) && typeof dependency.specifier === 'string' && (dependency.kind === 'import' || dependency.kind === 'require') && typeof dependency.file === 'string')
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
