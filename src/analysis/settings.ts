/**
 * `settings['process-guard']`: how users extend the catalog. Read once per settings object.
 *
 * ```js
 * settings: {
 *   'process-guard': {
 *     starters: [{ module: '@acme/jobs', path: 'startWorker', mechanism: 'thread', target: { role: 'script', argument: 0 } }],
 *     platformGuards: { isWindows: 'win32', isMac: 'darwin' },
 *     platformOnlyModules: { 'windows-registry': 'win32' },
 *     entryPoints: ['tools/**'],
 *     testFiles: ['e2e/**'],
 *   },
 * }
 * ```
 */
import {
  BUILTIN_STARTERS,
  PLATFORM_ONLY_PACKAGES,
  PLATFORMS,
  stripNodePrefix,
  SUPPORT_MODULES,
  type Mechanism,
  type Platform,
  type StarterSpec,
  type TargetRole,
} from './catalog.js';
import { globToRegExp } from '../util/glob.js';

export const SETTINGS_KEY = 'process-guard';

export interface ResolvedSettings {
  /** Starter specs by `module:path` key. */
  readonly starters: ReadonlyMap<string, readonly StarterSpec[]>;
  readonly platformGuards: ReadonlyMap<string, readonly Platform[]>;
  readonly platformOnlyModules: ReadonlyMap<string, readonly Platform[]>;
  /** Every module id the reference index follows. */
  readonly trackedModules: ReadonlySet<string>;
  /** Globs (relative to the package folder) of more files that are run, not imported. */
  readonly entryPoints: readonly RegExp[];
  /** Globs of more test files. */
  readonly testFiles: readonly RegExp[];
}

const MECHANISMS: readonly Mechanism[] = ['process', 'fork', 'thread', 'cluster'];
const ROLES: readonly TargetRole[] = ['command', 'shell-command', 'script'];
const resolvedBySettings = new WeakMap<object, ResolvedSettings>();
let defaultSettings: ResolvedSettings | undefined;

export function resolveSettings(settings: Readonly<Record<string, unknown>> | undefined): ResolvedSettings {
  const raw = settings?.[SETTINGS_KEY];
  if (raw === undefined || raw === null) return (defaultSettings ??= buildSettings({}));
  if (typeof raw !== 'object' || Array.isArray(raw)) fail('', 'must be an object');
  const cached = resolvedBySettings.get(raw);
  if (cached) return cached;
  const resolved = buildSettings(raw as Record<string, unknown>);
  resolvedBySettings.set(raw, resolved);
  return resolved;
}

function buildSettings(raw: Record<string, unknown>): ResolvedSettings {
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
  for (const name of platformOnlyModules.keys()) trackedModules.add(name);
  const entryPoints = readGlobs(raw, 'entryPoints');
  const testFiles = readGlobs(raw, 'testFiles');
  return { starters, platformGuards, platformOnlyModules, trackedModules, entryPoints, testFiles };
}

function readGlobs(raw: Record<string, unknown>, key: string): RegExp[] {
  return readArray(raw, key).map((glob, index) => {
    if (typeof glob !== 'string' || glob === '') fail(`${key}[${index}]`, 'must be a non-empty glob string');
    return globToRegExp(glob);
  });
}

function readStarter(entry: unknown, index: number): StarterSpec {
  const where = `starters[${index}]`;
  if (typeof entry !== 'object' || entry === null) fail(where, 'must be an object');
  const value = entry as Record<string, unknown>;
  if (typeof value.module !== 'string' || value.module === '') fail(`${where}.module`, 'must be a module name');
  const path = typeof value.path === 'string' ? value.path.split('.').filter(Boolean) : value.path ?? [];
  if (!Array.isArray(path) || !path.every((segment) => typeof segment === 'string')) {
    fail(`${where}.path`, "must be a member path such as 'startWorker' or 'pool.start'");
  }
  const invocation = value.invocation ?? 'call-or-construct';
  if (invocation !== 'call' && invocation !== 'construct' && invocation !== 'call-or-construct') {
    fail(`${where}.invocation`, "must be 'call', 'construct' or 'call-or-construct'");
  }
  const mechanism = value.mechanism ?? 'process';
  if (!MECHANISMS.includes(mechanism as Mechanism)) fail(`${where}.mechanism`, `must be one of ${MECHANISMS.join(', ')}`);
  const module = stripNodePrefix(value.module);
  const spec: StarterSpec = {
    module,
    path,
    invocation,
    mechanism: mechanism as Mechanism,
    name: typeof value.name === 'string' ? value.name : `${[module, ...path].join('.')}()`,
    starts: 'always',
    optionsFrom: 1,
  };
  if (value.target === undefined) return spec;
  const target = value.target as Record<string, unknown>;
  if (typeof target !== 'object' || target === null || !ROLES.includes(target.role as TargetRole)) {
    fail(`${where}.target.role`, `must be one of ${ROLES.join(', ')}`);
  }
  if (target.argument !== undefined && (typeof target.argument !== 'number' || target.argument < 0)) {
    fail(`${where}.target.argument`, 'must be an argument index');
  }
  if (target.option !== undefined && typeof target.option !== 'string') fail(`${where}.target.option`, 'must be an option name');
  return {
    ...spec,
    target: {
      role: target.role as TargetRole,
      ...(typeof target.argument === 'number' ? { argument: target.argument } : {}),
      ...(typeof target.option === 'string' ? { option: target.option } : {}),
    },
  };
}

function readArray(raw: Record<string, unknown>, key: string): unknown[] {
  const value = raw[key];
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(key, 'must be an array');
  return value;
}

function readPlatformMap(raw: Record<string, unknown>, key: string): Map<string, readonly Platform[]> {
  const value = raw[key];
  const result = new Map<string, readonly Platform[]>();
  if (value === undefined) return result;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(key, 'must be an object of name → platform(s)');
  for (const [name, platforms] of Object.entries(value)) {
    const list: unknown[] = Array.isArray(platforms) ? platforms : [platforms];
    if (!list.every((platform) => PLATFORMS.includes(platform as Platform))) {
      fail(`${key}.${name}`, `must be a process.platform value or a list of them (${PLATFORMS.join(', ')})`);
    }
    result.set(name, list as Platform[]);
  }
  return result;
}

function fail(where: string, problem: string): never {
  throw new TypeError(`settings['${SETTINGS_KEY}']${where ? `.${where}` : ''} ${problem}.`);
}
