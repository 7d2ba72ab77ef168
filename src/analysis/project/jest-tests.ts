/**
 * The files Jest collects as tests. A package whose tests Jest runs (the nearest package.json that
 * declares a test runner declares Jest: a `jest` dependency, a `"jest"` key or a `jest.config.*`
 * file) loads as a test every file its `testMatch` or `testRegex` matches under its `roots`,
 * outside `testPathIgnorePatterns`: by default `**\/__tests__/**\/*.[jt]s?(x)` and
 * `**\/?(*.)+(spec|test).[jt]s?(x)`, so a bare `test.js` is one.
 *
 * Read only when the configuration is literal: the `"jest"` key or `jest.config.json`. A
 * `jest.config.js`/`.ts`/`.mjs`/`.cjs` (code), a `preset`, `projects` or `rootDir`, or a pattern
 * this module cannot read makes the answer unknown, and unknown collects nothing (the file is
 * judged as before). Cached per package folder.
 */
import * as path from 'node:path';

import { compileGlob, type GlobMatcher } from '../../util/glob.js';
import { DerivedCache, listFolder, readText } from './fs-cache.js';
import { enclosingManifest, type PackageManifest } from './package-manifest.js';

/** Matches a file by its path from the package folder and its absolute path (`/` separators). */
type TestMatcher = (relative: string, absolute: string) => boolean;

const RUNNERS = new Set(['jest', 'vitest', 'mocha', 'ava', 'tap', 'jasmine', '@playwright/test', 'uvu']);
const RUNNER_CONFIG = /^(?:jest|vitest|vite|ava|playwright)\.config\.[cm]?[jt]s$|^jest\.config\.json$|^\.mocharc\./;
const JEST_CODE_CONFIG = /^jest\.config\.[cm]?[jt]s$/;
const JEST_JSON_CONFIG = 'jest.config.json';
const MAX_CONFIG_BYTES = 512 * 1024;
/** Packages looked at from the nearest one up (as file-model.ts does for package scripts). */
const MAX_ENCLOSING_PACKAGES = 4;

/** The defaults of `testMatch`, as Jest documents them. */
const DEFAULT_MATCH: TestMatcher = (relative) => {
  const segments = relative.split('/');
  const name = segments.pop() ?? '';
  if (segments.includes('node_modules')) return false;
  return (segments.includes('__tests__') && /\.[jt]sx?$/.test(name)) || /^(?:[^/]*\.)?(?:spec|test)+\.[jt]sx?$/.test(name);
};
const DEFAULT_PATTERNS = new Set(['**/__tests__/**/*.[jt]s?(x)', '**/?(*.)+(spec|test).[jt]s?(x)']);
/** Options that change which files Jest collects in a way not read here. */
const UNREAD_OPTIONS = ['preset', 'projects', 'rootDir', 'testPathPattern', 'modulePathIgnorePatterns'];

/** Package folder → the matcher of the package Jest runs from there; null when none or unknown. */
const matchers = new DerivedCache<{ folder: string; matches: TestMatcher } | null>();

/** Whether Jest, run in the package that declares it, collects `file` as a test. */
export function isJestTest(file: string, nearest: PackageManifest | undefined): boolean {
  const runner = nearest ? jestOf(nearest) : undefined;
  if (!runner) return false;
  const relative = path.relative(runner.folder, file).split(path.sep).join('/');
  return !relative.startsWith('../') && runner.matches(relative, file.split(path.sep).join('/'));
}

function jestOf(nearest: PackageManifest): { folder: string; matches: TestMatcher } | undefined {
  return (
    matchers.get(nearest.folder, () => {
      let manifest: PackageManifest | undefined = nearest;
      for (let hops = 0; manifest && hops < MAX_ENCLOSING_PACKAGES; hops += 1, manifest = enclosingManifest(manifest)) {
        const declared = declaredRunner(manifest);
        if (declared === 'other') return null;
        if (declared === 'jest') {
          const matches = jestMatcher(manifest);
          return matches ? { folder: manifest.folder, matches } : null;
        }
      }
      return null;
    }) ?? undefined
  );
}

/** Which runner a package.json declares, if any: Jest, another one, or none (look further up). */
function declaredRunner(manifest: PackageManifest): 'jest' | 'other' | undefined {
  const configs = [...listFolder(manifest.folder).names].filter((name) => RUNNER_CONFIG.test(name));
  if (manifest.dependencies.has('jest') || manifest.jest !== undefined || configs.some((name) => name.startsWith('jest.'))) return 'jest';
  if (!manifest.known || configs.length > 0 || [...RUNNERS].some((name) => manifest.dependencies.has(name))) return 'other';
  return undefined;
}

/** The package's literal configuration read into a matcher; undefined when not literal or not read. */
function jestMatcher(manifest: PackageManifest): TestMatcher | undefined {
  const names = [...listFolder(manifest.folder).names];
  if (names.some((name) => JEST_CODE_CONFIG.test(name))) return undefined;
  let config = manifest.jest;
  if (names.includes(JEST_JSON_CONFIG)) {
    if (config !== undefined) return undefined;
    try {
      config = JSON.parse(readText(path.join(manifest.folder, JEST_JSON_CONFIG), MAX_CONFIG_BYTES) ?? '');
    } catch {
      return undefined;
    }
  }
  config ??= {};
  if (typeof config !== 'object' || config === null || Array.isArray(config)) return undefined;
  return configMatcher(config as Record<string, unknown>);
}

function configMatcher(config: Record<string, unknown>): TestMatcher | undefined {
  if (UNREAD_OPTIONS.some((option) => config[option] !== undefined)) return undefined;
  const { testMatch, testRegex, roots, testPathIgnorePatterns } = config;
  if (testMatch !== undefined && testRegex !== undefined) return undefined;
  const selects = testRegex !== undefined ? regexMatcher(testRegex) : testMatch !== undefined ? globMatcher(testMatch) : DEFAULT_MATCH;
  const under = roots === undefined ? [] : stringList(roots)?.map((root) => root.replace(/^<rootDir>\/?/, '').replace(/\/+$/, ''));
  const ignored = testPathIgnorePatterns === undefined ? /\/node_modules\// : regexOf(testPathIgnorePatterns);
  if (!selects || !under || under.some((root) => root.includes('<') || root.startsWith('/')) || !ignored) return undefined;
  return (relative, absolute) =>
    (under.length === 0 || under.some((root) => root === '' || relative.startsWith(`${root}/`))) && !ignored.test(absolute) && selects(relative, absolute);
}

/** `testMatch` globs: Jest's defaults, or plain globs (`**`, `*`, `?`, `{a,b}`) from the package folder. */
function globMatcher(written: unknown): TestMatcher | undefined {
  const patterns = stringList(written);
  if (!patterns) return undefined;
  const globs: GlobMatcher[] = [];
  let defaults = false;
  for (const pattern of patterns) {
    if (DEFAULT_PATTERNS.has(pattern)) defaults = true;
    else if (/[()[\]!]/.test(pattern.replace(/^<rootDir>/, ''))) return undefined;
    else globs.push(compileGlob(pattern.replace(/^<rootDir>\/?/, '')));
  }
  return (relative, absolute) => (defaults && DEFAULT_MATCH(relative, absolute)) || globs.some((glob) => glob.test(relative));
}

/** `testRegex`, tested on the absolute path as Jest does. */
function regexMatcher(written: unknown): TestMatcher | undefined {
  const regex = regexOf(written);
  return regex && ((_relative, absolute) => regex.test(absolute));
}

/** One pattern or a list of them, as one regular expression; undefined when one does not compile. */
function regexOf(written: unknown): RegExp | undefined {
  const sources = typeof written === 'string' ? [written] : stringList(written);
  // `<rootDir>` is replaced by Jest before the pattern is compiled: not read here.
  if (!sources || sources.some((source) => source.includes('<rootDir>'))) return undefined;
  if (sources.length === 0) return /(?!)/;
  try {
    return new RegExp(sources.map((source) => `(?:${source})`).join('|'));
  } catch {
    return undefined;
  }
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
}
