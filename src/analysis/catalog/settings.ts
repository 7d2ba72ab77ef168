/**
 * `settings['process-guard']`: how users extend the catalog. Read once per settings object.
 *
 * ```js
 * settings: {
 *   'process-guard': {
 *     starters: [
 *       { module: '@acme/jobs', path: 'startWorker', mechanism: 'thread', target: { role: 'script', argument: 0 } },
 *       { module: '@acme/proc', path: 'run', target: { role: 'command', argument: 0 }, optionsFrom: 2, windows: 'shim-aware' },
 *     ],
 *     platformGuards: { isWindows: 'win32', isMac: 'darwin' },
 *     platformOnlyModules: { 'windows-registry': 'win32' },
 *     entryPoints: ['tools/**'],
 *     testFiles: ['e2e/**'],
 *     platformFileNames: false,
 *     ciWorkflows: false,
 *   },
 * }
 * ```
 *
 * A declared starter takes every field of a catalog StarterSpec that describes the user's code.
 */
import { BUILTIN_STARTERS, type Mechanism, type StarterSpec, type TargetRole, WEB_WORKER_MODULE } from './starters.js';
import { HAZARD_MEMBERS, PLATFORM_ONLY_PACKAGES, PLATFORMS, stripNodePrefix, SUPPORT_MODULES, VALUE_ONLY_MODULES, type Platform } from './platform-apis.js';
import { closestName } from '../../util/closest-name.js';
import { ConfigurationError } from '../../util/configuration-error.js';
import { compileGlob, type GlobMatcher } from '../../util/glob.js';
import { escapeRegExp } from '../../util/regexp.js';

export const SETTINGS_KEY = 'process-guard';

export interface ResolvedSettings {
  /** Starter specs by `module:path` key. */
  readonly starters: ReadonlyMap<string, readonly StarterSpec[]>;
  readonly platformGuards: ReadonlyMap<string, readonly Platform[]>;
  readonly platformOnlyModules: ReadonlyMap<string, readonly Platform[]>;
  /** Every module id the reference index follows. */
  readonly trackedModules: ReadonlySet<string>;
  /**
   * Matches a text that names a starter's module, `worker_threads`, `cluster`, a platform-only
   * package, an API in HAZARD_MEMBERS, a Web Worker global or a `?worker` import: a file without any
   * of these has nothing of its own to report.
   */
  readonly hazardNames: RegExp;
  /** Globs (relative to the package folder) of more files that are run, not imported. */
  readonly entryPoints: readonly GlobMatcher[];
  /** Globs of more test files. */
  readonly testFiles: readonly GlobMatcher[];
  /** Whether other modules of the project are read (platform flags they export); on by default. */
  readonly crossFile: boolean;
  /** Whether a file whose path names a non-Windows platform (`linux-installer.ts`) is that platform's code; on by default. */
  readonly platformFileNames: boolean;
  /**
   * Whether the repository's CI workflows are read: a development file's platforms are unknown unless
   * they run a job on Windows, and a script they run only off Windows, while they test Windows, is
   * that platform's code; on by default.
   */
  readonly ciWorkflows: boolean;
}

const MECHANISMS: readonly Mechanism[] = ['process', 'fork', 'thread', 'cluster'];
const ROLES: readonly TargetRole[] = ['command', 'shell-command', 'script'];
const INVOCATIONS: readonly StarterSpec['invocation'][] = ['call', 'construct', 'call-or-construct'];
/** Every key of `settings['process-guard']`; `entryPoints` and `testFiles` are globs of the file model. */
const SETTING_KEYS = ['starters', 'platformGuards', 'platformOnlyModules', 'entryPoints', 'testFiles', 'crossFile', 'platformFileNames', 'ciWorkflows'];
const WINDOWS_MODES: readonly NonNullable<StarterSpec['windows']>[] = ['direct', 'shim-aware', 'posix-shell'];
const FAILURE_MODES: readonly NonNullable<StarterSpec['failure']>[] = ['throws', 'rejects', 'callback'];
const STARTER_KEYS = ['module', 'path', 'invocation', 'mechanism', 'name', 'target', 'optionsFrom', 'starts', 'processMode', 'windows', 'configuredByOptionsCall', 'failure'];
const TARGET_KEYS = ['role', 'argument', 'option'];
const STARTS_KEYS = ['whenOption'];
const PROCESS_MODE_KEYS = ['option', 'value'];
const ARGUMENT_INDEX = 'must be an argument index (a non-negative integer)';
const resolvedBySettings = new WeakMap<object, ResolvedSettings>();
let defaultSettings: ResolvedSettings | undefined;

/**
 * A mistake in the user's settings. Its stack is its one-line message: the place in the plugin that
 * noticed it is no help to the user, and ESLint's CLI prints the stack of a crash.
 */
export class SettingsError extends ConfigurationError {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
    this.stack = message;
  }
}

export function resolveSettings(settings: Readonly<Record<string, unknown>> | undefined): ResolvedSettings {
  const raw = settings?.[SETTINGS_KEY];
  if (raw === undefined || raw === null) return (defaultSettings ??= buildSettings({}));
  const object = readObject('', raw);
  const cached = resolvedBySettings.get(object);
  if (cached) return cached;
  const resolved = buildSettings(object);
  resolvedBySettings.set(object, resolved);
  return resolved;
}

function buildSettings(raw: Record<string, unknown>): ResolvedSettings {
  checkKeys('', raw, SETTING_KEYS);
  const starters = new Map<string, StarterSpec[]>();
  const add = (spec: StarterSpec): void => {
    const key = `${spec.module}:${spec.path.join('.')}`;
    starters.set(key, [...(starters.get(key) ?? []), spec]);
  };
  BUILTIN_STARTERS.forEach(add);
  readArray(raw, 'starters').forEach((entry, index) => add(readStarter(entry, index)));

  const platformGuards = readPlatformMap(raw, 'platformGuards');
  const platformOnlyModules = new Map<string, readonly Platform[]>(
    [...PLATFORM_ONLY_PACKAGES].map(([name, platform]) => [name, [platform]]),
  );
  for (const [name, platforms] of readPlatformMap(raw, 'platformOnlyModules')) {
    platformOnlyModules.set(stripNodePrefix(name), platforms);
  }

  const trackedModules = new Set<string>(SUPPORT_MODULES);
  for (const specs of starters.values()) for (const spec of specs) trackedModules.add(spec.module);
  // Web Workers enter a file through globals and worker imports, never under a module's name.
  trackedModules.delete(WEB_WORKER_MODULE);
  for (const name of platformOnlyModules.keys()) trackedModules.add(name);
  const entryPoints = readGlobs(raw, 'entryPoints');
  const testFiles = readGlobs(raw, 'testFiles');
  const crossFile = readSwitch(raw, 'crossFile');
  const platformFileNames = readSwitch(raw, 'platformFileNames');
  const ciWorkflows = readSwitch(raw, 'ciWorkflows');
  return {
    starters,
    platformGuards,
    platformOnlyModules,
    trackedModules,
    hazardNames: hazardNamesPattern(trackedModules),
    entryPoints,
    testFiles,
    crossFile,
    platformFileNames,
    ciWorkflows,
  };
}

/** A setting that is on unless it is `false`. */
function readSwitch(raw: Record<string, unknown>, key: string): boolean {
  if (raw[key] !== undefined && typeof raw[key] !== 'boolean') fail(key, 'must be true or false');
  return raw[key] !== false;
}

function readGlobs(raw: Record<string, unknown>, key: string): GlobMatcher[] {
  return readArray(raw, key).map((glob, index) => compileGlob(nonEmptyString(`${key}[${index}]`, glob, 'must be a non-empty glob string')));
}

/** A user's starter, with the catalog's defaults: options from the second argument, always starting, run as given on Windows. */
function readStarter(entry: unknown, index: number): StarterSpec {
  const where = `starters[${index}]`;
  const value = readObject(where, entry);
  checkKeys(where, value, STARTER_KEYS);
  const module = stripNodePrefix(nonEmptyString(`${where}.module`, value.module, 'must be a module name'));
  const path = readPath(`${where}.path`, value.path);
  const optionsFrom = readOptionsFrom(`${where}.optionsFrom`, value.optionsFrom);
  const configured = value.configuredByOptionsCall;
  if (configured !== undefined && typeof configured !== 'boolean') fail(`${where}.configuredByOptionsCall`, 'must be true or false');
  return {
    module,
    path,
    invocation: oneOf(`${where}.invocation`, value.invocation ?? 'call-or-construct', INVOCATIONS),
    mechanism: oneOf(`${where}.mechanism`, value.mechanism ?? 'process', MECHANISMS),
    name: value.name === undefined ? `${[module, ...path].join('.')}()` : nonEmptyString(`${where}.name`, value.name, 'must be a name'),
    starts: readStarts(`${where}.starts`, value.starts),
    ...(optionsFrom === undefined ? {} : { optionsFrom }),
    ...(value.target === undefined ? {} : { target: readTarget(`${where}.target`, value.target) }),
    ...(value.processMode === undefined ? {} : { processMode: readProcessMode(`${where}.processMode`, value.processMode) }),
    ...(value.windows === undefined ? {} : { windows: oneOf(`${where}.windows`, value.windows, WINDOWS_MODES) }),
    ...(configured === true ? { configuredByOptionsCall: true as const } : {}),
    ...(value.failure === undefined ? {} : { failure: oneOf(`${where}.failure`, value.failure, FAILURE_MODES) }),
  };
}

function readTarget(where: string, value: unknown): NonNullable<StarterSpec['target']> {
  const target = readObject(where, value);
  checkKeys(where, target, TARGET_KEYS);
  const role = oneOf(`${where}.role`, target.role, ROLES);
  const { argument, option } = target;
  if (argument !== undefined && !isArgumentIndex(argument)) fail(`${where}.argument`, ARGUMENT_INDEX);
  if (option !== undefined) nonEmptyString(`${where}.option`, option, 'must be an option name');
  return {
    role,
    ...(typeof argument === 'number' ? { argument } : {}),
    ...(typeof option === 'string' ? { option } : {}),
  };
}

/** The first argument the options object may be in; 1 when absent, `null` for a starter that takes none. */
function readOptionsFrom(where: string, value: unknown): number | undefined {
  if (value === undefined) return 1;
  if (value === null) return undefined;
  if (!isArgumentIndex(value)) fail(where, `${ARGUMENT_INDEX}, or null for no options`);
  return value;
}

/** `'always'` (the default) or `{ whenOption: 'minWorkers' }`. */
function readStarts(where: string, value: unknown): StarterSpec['starts'] {
  if (value === undefined || value === 'always') return 'always';
  const expected = "must be 'always' or { whenOption: '<option name>' }";
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(where, expected);
  const starts = value as Record<string, unknown>;
  checkKeys(where, starts, STARTS_KEYS);
  return { whenOption: nonEmptyString(`${where}.whenOption`, starts.whenOption, 'must be an option name') };
}

function readProcessMode(where: string, value: unknown): NonNullable<StarterSpec['processMode']> {
  const mode = readObject(where, value);
  checkKeys(where, mode, PROCESS_MODE_KEYS);
  return {
    option: nonEmptyString(`${where}.option`, mode.option, 'must be an option name'),
    value: nonEmptyString(`${where}.value`, mode.value, 'must be the option value that selects child processes'),
  };
}

function isArgumentIndex(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}

/** `'pool.start'` or `['pool', 'start']`; absent (or `[]`) is the module itself. */
function readPath(where: string, value: unknown): string[] {
  if (value === undefined) return [];
  const path = typeof value === 'string' ? value.split('.') : value;
  if (!Array.isArray(path) || !path.every((segment) => typeof segment === 'string' && segment !== '')) {
    fail(where, "must be a member path such as 'startWorker' or 'pool.start' (leave it out for the module itself)");
  }
  return path as string[];
}

function readArray(raw: Record<string, unknown>, key: string): unknown[] {
  const value = raw[key];
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(key, 'must be an array');
  return value;
}

function readPlatformMap(raw: Record<string, unknown>, key: string): Map<string, readonly Platform[]> {
  const result = new Map<string, readonly Platform[]>();
  if (raw[key] === undefined) return result;
  for (const [name, platforms] of Object.entries(readObject(key, raw[key]))) {
    const where = `${key}${member(name)}`;
    if (name === '') fail(where, 'needs a name');
    const list: unknown[] = Array.isArray(platforms) ? platforms : [platforms];
    const expected = `a process.platform value or a non-empty list of them (${PLATFORMS.join(', ')})`;
    if (list.length === 0) fail(where, `must be ${expected}`);
    for (const platform of list) oneOf(where, platform, PLATFORMS, expected);
    result.set(name, list as Platform[]);
  }
  return result;
}

function readObject(where: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(where, 'must be an object');
  return value as Record<string, unknown>;
}

function nonEmptyString(where: string, value: unknown, problem: string): string {
  if (typeof value !== 'string' || value === '') fail(where, problem);
  return value;
}

function oneOf<T extends string>(where: string, value: unknown, allowed: readonly T[], expected = `one of ${allowed.join(', ')}`): T {
  if (allowed.includes(value as T)) return value as T;
  const closest = typeof value === 'string' ? closestName(value, allowed) : undefined;
  return fail(where, `must be ${expected}${closest ? `; did you mean '${closest}'?` : ''}`);
}

/** An unknown key is a typo that would otherwise be ignored (a guard silently not counting). */
function checkKeys(where: string, value: Record<string, unknown>, known: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const closest = closestName(key, known);
    fail(`${where}${member(key)}`, `is not a setting; ${closest ? `did you mean \`${closest}\`?` : `expected ${known.join(', ')}`}`);
  }
}

/** `.name` for identifier keys, `['name']` for the others (`''`, `windows-registry`). */
function member(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `['${key.replace(/['\\]/g, '\\$&')}']`;
}

function fail(where: string, problem: string): never {
  const path = where === '' || /^[.[]/.test(where) ? where : `.${where}`;
  throw new SettingsError(`settings['${SETTINGS_KEY}']${path} ${problem}${problem.endsWith('?') ? '' : '.'}`);
}

/** See `ResolvedSettings.hazardNames`. */
function hazardNamesPattern(trackedModules: ReadonlySet<string>): RegExp {
  const modules = [...trackedModules].filter((name) => !VALUE_ONLY_MODULES.has(name)).map(escapeRegExp);
  const webWorkers = 'Worker\\b|\\?(?:shared)?worker\\b';
  return new RegExp(`${modules.length > 0 ? `(?:${modules.join('|')})|` : ''}${webWorkers}|\\b(?:${HAZARD_MEMBERS.map(escapeRegExp).join('|')})\\b`);
}
