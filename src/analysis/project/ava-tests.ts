/**
 * The files AVA collects. A package script that runs `ava` without naming files (`"test": "xo &&
 * ava"`) runs, from the package folder, every file matching AVA's documented default patterns (its
 * `files` option): `test.*`, `src/test.*`, `source/test.*`, `**\/test-*.*`, `**\/*.spec.*`,
 * `**\/*.test.*`, `**\/test/**\/*.*`, `**\/tests/**\/*.*` and `**\/__tests__/**\/*.*`, with the
 * extensions of its `extensions` option (`js`, `cjs` and `mjs` unless the package's `ava` key names
 * others), leaving out files whose name starts with `_`. A package whose `ava` key names `files`, or
 * that has an `ava.config.*` file (which may), collects nothing here: its selection is not read.
 */
import * as path from 'node:path';

import { compileGlob, type GlobMatcher } from '../../util/glob.js';
import { isFile } from './fs-cache.js';
import { scriptCommands, type PackageManifest } from './package-manifest.js';

const DEFAULT_EXTENSIONS = ['js', 'cjs', 'mjs'];
const DEFAULT_PATTERNS = ['test', '{src,source}/test', '**/test-*', '**/*.spec', '**/*.test', '**/test/**/*', '**/tests/**/*', '**/__tests__/**/*'];
const CONFIG_FILES = ['ava.config.js', 'ava.config.cjs', 'ava.config.mjs'];
/** The default patterns compiled once per list of extensions, not once per file asked about. */
const compiled = new Map<string, readonly GlobMatcher[]>();

/** Whether AVA, started by a script of `manifest` with its defaults, collects `file` as a test. */
export function isAvaTest(file: string, manifest: PackageManifest | undefined): boolean {
  if (!manifest || path.basename(file).startsWith('_') || ![...manifest.scripts.values()].some(runsDefaultTests)) return false;
  const extensions = avaExtensions(manifest.ava);
  if (!extensions || CONFIG_FILES.some((name) => isFile(path.join(manifest.folder, name)))) return false;
  const relative = path.relative(manifest.folder, file).split(path.sep);
  if (relative[0] === '..' || relative.includes('node_modules')) return false;
  const written = relative.join('/');
  return defaultGlobs(extensions).some((glob) => glob.test(written));
}

function defaultGlobs(extensions: readonly string[]): readonly GlobMatcher[] {
  const key = extensions.join(',');
  let globs = compiled.get(key);
  if (!globs) {
    globs = DEFAULT_PATTERNS.map((pattern) => compileGlob(`${pattern}.{${key}}`));
    compiled.set(key, globs);
  }
  return globs;
}

/** The extensions AVA reads test files with; undefined when its configuration names the files itself. */
function avaExtensions(config: unknown): readonly string[] | undefined {
  if (config === undefined) return DEFAULT_EXTENSIONS;
  if (typeof config !== 'object' || config === null || 'files' in config) return undefined;
  const { extensions } = config as { extensions?: unknown };
  if (extensions === undefined) return DEFAULT_EXTENSIONS;
  const names = Array.isArray(extensions) ? extensions : typeof extensions === 'object' && extensions !== null ? Object.keys(extensions) : [];
  return names.every((name) => typeof name === 'string' && /^[\w.]+$/.test(name)) && names.length > 0 ? (names as string[]) : undefined;
}

/** Whether a script runs `ava` with options only (no file, no pattern), after any `VAR=value` or wrapper. */
function runsDefaultTests(script: string): boolean {
  return scriptCommands(script).some(([program, ...words]) => (program === 'ava' || program === 'node_modules/.bin/ava') && words.every((word) => word.startsWith('-')));
}
