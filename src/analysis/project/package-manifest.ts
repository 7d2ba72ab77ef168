/**
 * The nearest package.json of a file: its folder, its module `type`, and the files it starts (its
 * `bin` entries and the scripts its `scripts` run with node, tsx, ts-node, bun or vite-node), and
 * the configuration files its scripts pass to tools (`webpack --config x.js`), and the platforms its
 * `"os"` field installs it on.
 * Kept while the package.json files it was read from are unchanged (fs-cache.ts); a package.json
 * that cannot be read or parsed, is too large, or is not a regular file is a package whose contents
 * are unknown, never an exception.
 */
import * as path from 'node:path';

import { PLATFORMS, type Platform } from '../catalog/platform-apis.js';
import { BARE_CONFIG_DEFAULTS, SHORT_CONFIG_FLAG_COMMANDS } from '../catalog/tool-configs.js';
import { DerivedCache, listFolder, readText, stat } from './fs-cache.js';
import { isNodeAction } from './github-actions.js';
import { escapeRegExp } from '../../util/regexp.js';
import { shellWords } from '../../util/shell-words.js';

export interface PackageManifest {
  /** The folder holding the package.json. */
  readonly folder: string;
  /** `"type"`, when the package.json says `module` or `commonjs`; undefined when absent or unknown. */
  readonly type: 'module' | 'commonjs' | undefined;
  /** Whether the package.json could be read and parsed. */
  readonly known: boolean;
  /** Absolute paths of the files `bin` names and `scripts` run (as written: maybe without extension). */
  readonly startedFiles: ReadonlySet<string>;
  /** The files `bin` names, the same way. */
  readonly binFiles: ReadonlySet<string>;
  /** `"scripts"`: name → command. */
  readonly scripts: ReadonlyMap<string, string>;
  /** The files `scripts` run, the same way → the names of the scripts that run each. */
  readonly scriptsRunning: ReadonlyMap<string, readonly string[]>;
  /** The configuration files `scripts` pass to tools (scriptConfigs), the same way → the tools. */
  readonly toolConfigs: ReadonlyMap<string, readonly string[]>;
  /** The names of its `dependencies`, `devDependencies`, `peerDependencies` and `optionalDependencies`. */
  readonly dependencies: ReadonlySet<string>;
  /** `"jest"`, Jest's configuration, as written. */
  readonly jest?: unknown;
  /** `"ava"`, AVA's configuration, as written. */
  readonly ava?: unknown;
  /** `"name"`, `"main"`, `"exports"` and `"imports"` as written, for module resolution. */
  readonly name?: string;
  readonly version?: string;
  /** The `_integrity` an npm (v6) install writes into an installed package's package.json. */
  readonly integrity?: string;
  readonly main?: string;
  readonly exports?: unknown;
  readonly imports?: unknown;
  /** `"private": true` (any truthy value, as npm reads it: it refuses to publish the package): never published. */
  readonly private?: boolean;
  /** `"engines": { "vscode": … }`: a VS Code extension, which VS Code loads through its `main` and no package imports. */
  readonly vscodeExtension?: boolean;
  /** `"browser"` as written: the file (or file map) a bundler gives a browser. */
  readonly browser?: unknown;
  /** `"files"` as written: what `npm pack` puts in the tarball (packed-files.ts). */
  readonly files?: unknown;
  /** Whether it is a workspace root: it declares `"workspaces"`, or a `pnpm-workspace.yaml` is beside it. */
  readonly workspaceRoot?: boolean;
  /** `"workspaces"` as a list of folder patterns (`["packages/*"]`, or `{ "packages": [...] }` as yarn writes it). */
  readonly workspaces?: readonly string[];
  /** The platforms `"os"` lets npm, pnpm and yarn install the package on, when it leaves one out (declaredPlatforms). */
  readonly os?: ReadonlySet<Platform>;
}

// A VS Code extension's manifest declares its commands, settings and menus: over 1 MB in large extensions.
const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;

/** Folder → the nearest manifest from that folder up (null: none up to the root). */
const nearestByFolder = new DerivedCache<PackageManifest | null>();

/** The package.json of a package folder itself (not of a folder above it), read once. */
export function manifestOf(folder: string): PackageManifest | undefined {
  const manifest = nearestManifest(path.join(folder, 'package.json'));
  return manifest?.folder === folder ? manifest : undefined;
}

/** The package.json of the folders above a package: the workspace or repository root that holds it. */
export function enclosingManifest(manifest: PackageManifest): PackageManifest | undefined {
  const parent = path.dirname(manifest.folder);
  return parent === manifest.folder ? undefined : nearestManifest(path.join(parent, 'package.json'));
}

/** The package.json nearest to an absolute filename, walking up its folders. */
export function nearestManifest(filename: string): PackageManifest | undefined {
  return nearestFrom(path.dirname(filename)) ?? undefined;
}

function nearestFrom(folder: string): PackageManifest | null {
  return nearestByFolder.get(folder, () => {
    const manifest = readManifest(folder);
    const parent = path.dirname(folder);
    return manifest ?? (parent === folder ? null : nearestFrom(parent));
  });
}

function readManifest(folder: string): PackageManifest | undefined {
  const file = path.join(folder, 'package.json');
  // No package.json here: keep walking up. Anything else that cannot be read: a package, contents unknown.
  if (stat(file) === undefined) return undefined;
  const text = readText(file, MAX_MANIFEST_BYTES);
  if (text === undefined) return unknownManifest(folder);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return unknownManifest(folder);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return unknownManifest(folder);
  const { type, bin, scripts, name, version, _integrity: integrity, main, exports, imports, jest, ava, private: unpublished, browser, files, workspaces, engines, os } = json as Record<string, unknown>;
  const bins = new Set(binFiles(bin).map((file) => path.resolve(folder, file)));
  const startedFiles = new Set(bins);
  const commands = new Map<string, string>();
  const scriptsRunning = new Map<string, string[]>();
  const toolConfigs = new Map<string, string[]>();
  if (typeof scripts === 'object' && scripts !== null) {
    for (const [name, script] of Object.entries(scripts)) {
      if (typeof script !== 'string') continue;
      commands.set(name, script);
      for (const file of scriptFiles(script)) {
        // `node .` runs the package folder: Node loads its `main`, or its index.js without one.
        const named = path.resolve(folder, file);
        const started = named === folder ? path.resolve(folder, typeof main === 'string' ? main : 'index.js') : named;
        startedFiles.add(started);
        scriptsRunning.set(started, [...(scriptsRunning.get(started) ?? []), name]);
      }
      for (const { tool, file } of scriptConfigs(script)) {
        const config = path.resolve(folder, file);
        toolConfigs.set(config, [...(toolConfigs.get(config) ?? []), tool]);
      }
    }
  }
  const patterns = workspacePatterns(workspaces);
  const platforms = declaredPlatforms(os);
  return {
    folder,
    type: type === 'module' || type === 'commonjs' ? type : undefined,
    known: true,
    startedFiles,
    binFiles: bins,
    scripts: commands,
    scriptsRunning,
    toolConfigs,
    dependencies: dependencyNames(json as Record<string, unknown>),
    jest,
    ava,
    ...(typeof name === 'string' ? { name } : {}),
    ...(typeof version === 'string' ? { version } : {}),
    ...(typeof integrity === 'string' ? { integrity } : {}),
    ...(typeof main === 'string' ? { main } : {}),
    exports,
    imports,
    ...(unpublished ? { private: true } : {}),
    ...(typeof engines === 'object' && engines !== null && typeof (engines as Record<string, unknown>)['vscode'] === 'string' ? { vscodeExtension: true } : {}),
    browser,
    files,
    ...(patterns ? { workspaces: patterns } : {}),
    ...(platforms ? { os: platforms } : {}),
    ...(workspaces !== undefined || stat(path.join(folder, 'pnpm-workspace.yaml')) !== undefined ? { workspaceRoot: true } : {}),
  };
}

/**
 * The platforms an `"os"` list installs on, as npm documents it: the names listed, or, when every
 * entry is a `!name` that blocks one, all but those. Undefined when it leaves out no platform, or
 * is not a list of strings.
 */
export function declaredPlatforms(os: unknown): ReadonlySet<Platform> | undefined {
  if (!Array.isArray(os) || !os.every((entry) => typeof entry === 'string')) return undefined;
  const blocked = new Set(os.filter((entry: string) => entry.startsWith('!')).map((entry: string) => entry.slice(1)));
  const allowed = os.filter((entry: string) => !entry.startsWith('!'));
  const platforms = PLATFORMS.filter((platform) => (allowed.length === 0 || allowed.includes(platform)) && !blocked.has(platform));
  return platforms.length < PLATFORMS.length ? new Set(platforms) : undefined;
}

function workspacePatterns(workspaces: unknown): string[] | undefined {
  const list = typeof workspaces === 'object' && workspaces !== null && !Array.isArray(workspaces) ? (workspaces as Record<string, unknown>)['packages'] : workspaces;
  return Array.isArray(list) && list.every((pattern) => typeof pattern === 'string') ? list : undefined;
}

/**
 * Whether the package is an application: nothing outside the project imports it, because it is never
 * published (`private`), is a VS Code extension, whose host loads its `main`, or is a GitHub Action
 * run with Node, whose runner starts the files its `action.yml` names. Its classes are constructed
 * by its own code only.
 */
export function isApplicationPackage(manifest: PackageManifest): boolean {
  return manifest.known && (manifest.private === true || manifest.vscodeExtension === true || isNodeAction(manifest.folder));
}

/**
 * Whether nothing of the package is installed by anyone: it is private, has no `main`, `exports`,
 * `bin` or `browser`, and is a workspace root or a package of one (a package of maintainer tools).
 * A private package with an entry point (an Electron app's `main`) is still run by its users, and
 * so is a private package on its own, which is how an application looks.
 */
export function isDevelopmentPackage(manifest: PackageManifest): boolean {
  const unpublished = manifest.known && manifest.private === true && manifest.main === undefined && manifest.exports === undefined;
  return unpublished && manifest.binFiles.size === 0 && manifest.browser === undefined && workspaceRootOf(manifest) !== undefined;
}

/** The workspace root a package is, or is a package of: the nearest manifest from it up that is one. */
export function workspaceRootOf(manifest: PackageManifest): PackageManifest | undefined {
  let current: PackageManifest | undefined = manifest;
  for (let hops = 0; current && hops < MAX_WORKSPACE_DEPTH; hops += 1, current = enclosingManifest(current)) if (current.workspaceRoot) return current;
  return undefined;
}

/** Packages looked at from a package up for its workspace root: workspaces are rarely nested deeper. */
const MAX_WORKSPACE_DEPTH = 4;
/** The nearest folder from `folder` up that holds `.git`; undefined outside a repository. */
export function repositoryRoot(folder: string): string | undefined {
  for (let current = folder; ; current = path.dirname(current)) {
    if (listFolder(current).names.has('.git')) return current;
    if (path.dirname(current) === current) return undefined;
  }
}

function unknownManifest(folder: string): PackageManifest {
  return { folder, type: undefined, known: false, startedFiles: new Set(), binFiles: new Set(), scripts: new Map(), scriptsRunning: new Map(), toolConfigs: new Map(), dependencies: new Set() };
}

const DEPENDENCY_KEYS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

function dependencyNames(json: Record<string, unknown>): Set<string> {
  const names = new Set<string>();
  for (const key of DEPENDENCY_KEYS) {
    const listed = json[key];
    if (typeof listed === 'object' && listed !== null && !Array.isArray(listed)) for (const name of Object.keys(listed)) names.add(name);
  }
  return names;
}

/** Packages looked at from the nearest one up: a workspace is rarely nested deeper. */
const MAX_ENCLOSING_PACKAGES = 4;

/**
 * The nearest package.json, or one of the packages that hold it (a workspace root running
 * `node scripts/x.js` where `scripts/` has a package.json of its own), whose `names` (paths from
 * startedPaths) include the file.
 */
export function namingPackage(
  nearest: PackageManifest | undefined,
  filename: string,
  names: (manifest: PackageManifest) => { has(path: string): boolean },
): PackageManifest | undefined {
  let manifest = nearest;
  for (let hops = 0; manifest && hops < MAX_ENCLOSING_PACKAGES; hops += 1, manifest = enclosingManifest(manifest)) {
    const named = names(manifest);
    if (startedPaths(filename).some((started) => named.has(started))) return manifest;
  }
  return undefined;
}

/** The paths a package.json may name a file by: its own, and without its extension (`node scripts/build` runs `scripts/build.js`). */
export function startedPaths(file: string): string[] {
  const extension = path.extname(file);
  return extension === '' ? [file] : [file, file.slice(0, -extension.length)];
}

/**
 * The files a package gives its importers, as absolute paths without a pattern: `main` (also as a
 * folder's `index`), the targets of `exports` (of any condition) without a `*`, and the files
 * `browser` names (its own, or the keys and values of its map).
 */
export function publishedFiles(manifest: PackageManifest): ReadonlySet<string> {
  const files = new Set<string>();
  const add = (target: string) => {
    const file = path.resolve(manifest.folder, target);
    files.add(file);
    // Named as written or without its extension, as startedPaths names a file.
    files.add(file.slice(0, file.length - path.extname(file).length));
  };
  if (manifest.main !== undefined) {
    add(manifest.main);
    add(path.join(manifest.main, 'index.js'));
  }
  for (const target of exportTargets(manifest)) if (!target.includes('*')) add(target);
  for (const named of browserFiles(manifest.browser)) add(named);
  return files;
}

/**
 * The targets of `exports` holding a `*` (`"./features/*": "./src/features/*.js"`), as patterns of
 * package-relative paths (without `./`) whose `*` matches any text, `/` included.
 */
export function exportPatterns(manifest: PackageManifest): RegExp[] {
  return exportTargets(manifest)
    .filter((target) => target.includes('*'))
    .map((target) => new RegExp(`^${target.replace(/^\.\//, '').split('*').map(escapeRegExp).join('.*')}$`));
}

/** The string targets of `exports`, of every subpath and condition, walked no deeper than its nesting allows. */
function exportTargets(manifest: PackageManifest): string[] {
  const found: string[] = [];
  const targets: { value: unknown; depth: number }[] = [{ value: manifest.exports, depth: 0 }];
  for (let next = targets.pop(); next; next = targets.pop()) {
    const { value, depth } = next;
    if (typeof value === 'string') found.push(value);
    else if (typeof value === 'object' && value !== null && depth < MAX_EXPORTS_DEPTH) {
      for (const inner of Object.values(value)) targets.push({ value: inner, depth: depth + 1 });
    }
  }
  return found;
}

/** Levels of `exports` read: subpaths, conditions, nested conditions and arrays. */
const MAX_EXPORTS_DEPTH = 6;

/** `"browser": "web.js"`, or the paths of its map: `{ "./node.js": "./web.js", "fs": false }`. */
function browserFiles(browser: unknown): string[] {
  if (typeof browser === 'string') return [browser];
  if (typeof browser !== 'object' || browser === null) return [];
  return Object.entries(browser).flatMap(([from, to]) => (typeof to === 'string' ? [from, to] : [from]));
}

/** `"bin": "cli.js"` or `"bin": { "name": "cli.js" }`. */
function binFiles(bin: unknown): string[] {
  if (typeof bin === 'string') return [bin];
  if (typeof bin !== 'object' || bin === null) return [];
  return Object.values(bin).filter((file): file is string => typeof file === 'string');
}

/** Runtimes whose first argument that is not an option is the file they run. */
const RUNNERS = new Set(['node', 'tsx', 'ts-node', 'ts-node-esm', 'bun', 'vite-node']);
/** Options of those runtimes that take the next word as their value (`node --import tsx x.ts`). */
const OPTIONS_WITH_VALUE = new Set([
  '-r',
  '--require',
  '--import',
  '--loader',
  '--experimental-loader',
  '-C',
  '--conditions',
  '--env-file',
  '--input-type',
  '--title',
  '--tsconfig',
  '-P',
  '--project',
  '-O',
  '--compiler-options',
]);
/** Options after which no file is run: the code comes from the command line. */
const EVAL_OPTIONS = new Set(['-e', '--eval', '-p', '--print']);
/** Words before the command: `cross-env A=b node x`, `npx tsx x`. */
const PREFIXES = new Set(['cross-env', 'cross-env-shell', 'npx', 'env']);

/**
 * The commands of a package.json script: each of `a && b`, `a; b`, `a || b`, `a | b`, as its words
 * from the command's name on, after environment assignments, `cross-env` and `npx`. `appended` are
 * the words a package manager adds to the script's command line (`npm run x -- a`, `yarn x a`):
 * they end its last command, each one word as npm quotes it.
 */
export function scriptCommands(script: string, appended: readonly string[] = []): string[][] {
  const commands: string[][] = [];
  const parts = script.split(/&&|\|\||[;|&]/);
  parts.forEach((command, at) => {
    const words = shellWords(command).filter(Boolean);
    if (at === parts.length - 1) words.push(...appended);
    let index = 0;
    while (index < words.length && (PREFIXES.has(words[index] ?? '') || /^\w+=/.test(words[index] ?? ''))) index += 1;
    if (index < words.length) commands.push(words.slice(index));
  });
  return commands;
}

/** The files a package.json script runs: those of its commands that are one of the runtimes in RUNNERS. */
export function scriptFiles(script: string): string[] {
  const files: string[] = [];
  for (const words of scriptCommands(script)) {
    const index = runFileIndex(words);
    if (index !== undefined) files.push(words[index] ?? '');
  }
  return files;
}

/** Where the file a runtime's command runs is among its words; undefined for another command, or code from the command line. */
function runFileIndex(words: readonly string[]): number | undefined {
  if (!RUNNERS.has(words[0] ?? '')) return undefined;
  // `bun run x.ts` runs the file like `bun x.ts`.
  let index = words[0] === 'bun' && words[1] === 'run' ? 1 : 0;
  for (index += 1; index < words.length; index += 1) {
    const word = words[index] ?? '';
    if (EVAL_OPTIONS.has(word)) return undefined;
    if (OPTIONS_WITH_VALUE.has(word)) index += 1;
    else if (!word.startsWith('-')) return index;
  }
  return undefined;
}

/** A configuration file a script passes to a tool, and the tool (the command's name). */
export interface ScriptConfig {
  readonly tool: string;
  readonly file: string;
}

/**
 * The tool whose own executable a runtime runs from node_modules (`node node_modules/jest/bin/jest.js`:
 * jest; `node node_modules/.bin/webpack`: webpack), whose arguments follow the file.
 */
function installedTool(file: string): string | undefined {
  const match = /(?:^|[/\\])node_modules[/\\](?:\.bin[/\\]([^/\\]+)$|(@[^/\\]+[/\\][^/\\]+|[^@./\\][^/\\]*)[/\\])/.exec(file);
  return match?.[1] ?? match?.[2]?.replace('\\', '/');
}

/**
 * The configuration files a package.json script passes to tools, read as the tools' argument
 * parsers (yargs, minimist, cac) read a value: `--config <file>`, `--config=<file>`, and for the
 * commands that document `-c` as `--config` (SHORT_CONFIG_FLAG_COMMANDS) `-c <file>` and
 * `-c=<file>`; without a value, the defaults BARE_CONFIG_DEFAULTS names. A runtime's arguments
 * (`node build.js --config x`) belong to the script it runs: not read, unless that script is a
 * tool's executable in node_modules.
 */
export function scriptConfigs(script: string): ScriptConfig[] {
  const configs: ScriptConfig[] = [];
  for (const words of scriptCommands(script)) {
    const runIndex = runFileIndex(words);
    const tool = RUNNERS.has(words[0] ?? '') ? installedTool(words[runIndex ?? words.length] ?? '') : words[0];
    if (tool === undefined) continue;
    const args = words.slice((runIndex ?? 0) + 1);
    const flags = SHORT_CONFIG_FLAG_COMMANDS.has(tool) ? ['--config', '-c'] : ['--config'];
    for (const [index, word] of args.entries()) {
      const flag = flags.find((name) => word === name || word.startsWith(`${name}=`));
      if (flag === undefined) continue;
      const next = args[index + 1];
      if (word !== flag) configs.push({ tool, file: word.slice(flag.length + 1) });
      else if (next !== undefined && !next.startsWith('-')) configs.push({ tool, file: next });
      else for (const file of BARE_CONFIG_DEFAULTS.get(tool) ?? []) configs.push({ tool, file });
    }
  }
  return configs.filter((config) => config.file !== '');
}
