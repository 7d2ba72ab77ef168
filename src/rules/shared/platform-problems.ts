/**
 * Words for the platform problems of the analysis (`platformProblems`): what fails where, without
 * the advice. no-unguarded-platform-api adds its advice after a `: `; no-hazardous-dependency says
 * what an installed package does at load with the same words.
 */
import type { Platform, PlatformProblem, PlatformProblemKind } from '../../analysis/index.js';
import { whereIs } from './describe.js';

export const PLATFORM_PROBLEMS: Record<PlatformProblemKind, string> = {
  posixImport: '`{{name}}` is POSIX-only and this import fails on Windows',
  posixCall: '`process.{{name}}()` throws on Windows',
  macosOnly: '`{{name}}` works only on macOS',
  processGroupKill: 'A negative pid throws ESRCH on Windows',
  posixSignal: '{{name}} throws ENOSYS for `{{signal}}` on Windows',
  windowsSignal: '{{name}} throws for `{{signal}}` off Windows',
  platformThrow: '`{{name}}` throws on {{platforms}}',
  environmentThrow: '`{{name}}` throws when {{condition}}, and {{when}}',
  platformPackageImport: '`{{module}}` installs only on {{platforms}}',
  platformPackageLoad: '`{{module}}` installs only on {{platforms}}',
};

const WHEN = { 'module-load': 'this runs while the module loads', construction: 'this runs in a constructor' } as const;

const PLATFORM_NAMES: Partial<Record<Platform, string>> = { darwin: 'macOS', win32: 'Windows', linux: 'Linux' };

/** The message data of a problem found in `filename`. */
export function platformProblemData(problem: PlatformProblem, filename: string): Record<string, string> {
  const { name, signal, module, platforms, condition, when, reached } = problem;
  const data: Record<string, string> = {};
  if (name !== undefined) data.name = reached ? `${name} at ${whereIs(reached, filename)} through ${reached.through}()` : name;
  if (signal !== undefined) data.signal = signal;
  if (module !== undefined) data.module = module;
  if (platforms) data.platforms = describePlatforms(platforms);
  if (condition !== undefined) data.condition = condition;
  if (when) data.when = WHEN[when];
  return data;
}

/** `macOS`, `Linux and macOS`: platform names for messages. */
function describePlatforms(platforms: readonly Platform[]): string {
  const names = platforms.map((platform) => PLATFORM_NAMES[platform] ?? platform);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
