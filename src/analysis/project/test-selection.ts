/**
 * The test files a package script runs: what the test runners its commands start (catalog/
 * test-runners.ts) select, read from their file arguments as each runner reads them, from the
 * package folder where npm runs the script. A runner that names no file runs its defaults: every
 * test of the package, as far as the analysis knows. So does one whose selection is not written in
 * the script: an expansion (`${VAR}`, `$(…)`, `%VAR%`), a redirection or subshell, glob syntax not
 * read here (`[a-z]`, `!(…)`), a regular expression that does not compile, a `cd` before it. A
 * runner's `--exclude` (`--ignore`, Jest's `--testPathIgnorePatterns`) removes what it matches.
 * mocha joins the `spec` of its configuration to the files on the command line: where one may
 * name files (a `spec` or `extends` key, a configuration written as code), it runs every test.
 *
 * Globs are matched by util/glob.ts, the project's own matcher (also that of the `files` list and
 * the `testFiles` setting): minimatch is installed with ESLint but is no dependency of this package,
 * and the runners' common syntax (`**`, `*`, `?`, `{a,b}`) is what util/glob.ts reads.
 */
import * as path from 'node:path';

import { TEST_RUNNERS, type AddingConfig, type TestPathReading, type TestRunner } from '../catalog/test-runners.js';
import { compileGlob } from '../../util/glob.js';
import { listFolder, readText } from './fs-cache.js';
import { scriptCommands } from './package-manifest.js';

export interface TestSelection {
  /** Whether the runner may run the test file (an absolute path). */
  selects(file: string): boolean;
  /** Whether it may run a test file below `folder` (absolute), which may start a fixture there. */
  reaches(folder: string): boolean;
}

/** Every test of the package: a runner's defaults, or a selection not read here. */
export const EVERY_TEST: TestSelection = { selects: () => true, reaches: () => true };

/** One file argument, tested on a path from the package folder and on the absolute path (`/` separators). */
interface Matcher {
  test(relative: string, absolute: string): boolean;
  reaches(relativeFolder: string): boolean;
}

/** What the shell (or cmd.exe, on Windows) expands or redirects: the runner's arguments are not the words written. */
const UNREAD_WORD = /[$`%()<>]/;
/** Glob syntax util/glob.ts does not read: classes, negations, escapes. */
const UNREAD_GLOB = /[[\]!\\]/;
const MAX_CONFIG_BYTES = 512 * 1024;
/** Folders looked at for a runner's configuration, from the package folder up (to the repository's root). */
const MAX_CONFIG_FOLDERS = 16;

/** A runner's binary as a command word: `mocha`, `node_modules/.bin/jest`, `node_modules/mocha/bin/_mocha.js`. */
const RUNNER_WORD = /^(?:(?:[^\s]*\/)?\.?bin\/)?([\w-]+?)(?:\.[cm]?js|\.cmd)?$/;

/**
 * The selections of the test runners the commands of `script` start, run from `folder` with the
 * words `appended` to its command line (read as the script's own); none when it starts none.
 */
export function runnerSelections(script: string, folder: string, appended: readonly string[] = []): TestSelection[] {
  const commands = scriptCommands(script, appended);
  // `cd x && mocha y`: the arguments are read from another folder.
  const moved = commands.some((words) => words[0] === 'cd' || words[0] === 'pushd');
  const selections: TestSelection[] = [];
  for (const words of commands) {
    const found = runnerSelection(words, folder);
    if (found) selections.push(moved ? EVERY_TEST : found);
  }
  return selections;
}

/** The selection of the first runner among the words of one command; undefined when it starts none. */
function runnerSelection(words: readonly string[], folder: string): TestSelection | undefined {
  for (let index = 0; index < words.length; index += 1) {
    // `npm run mocha`: a script's name, not the program.
    if (index > 0 && (words[index - 1] === 'run' || words[index - 1] === 'run-script')) continue;
    const runner = TEST_RUNNERS.get(RUNNER_WORD.exec(words[index] ?? '')?.[1] ?? '');
    const found = runner && selection(runner, words.slice(index + 1), folder);
    if (found) return found;
  }
  return undefined;
}

/** What a runner selects from its arguments; undefined when it runs no tests (`node x.js`). */
function selection(runner: TestRunner, args: readonly string[], folder: string): TestSelection | undefined {
  let testing = runner.testOption === undefined;
  const includes: (Matcher | undefined)[] = [];
  const excludes: (Matcher | undefined)[] = [];
  let positional = 0;
  for (let index = 0; index < args.length; index += 1) {
    const word = args[index] ?? '';
    if (word === '--') {
      if (!testing) return undefined;
      includes.push(...args.slice(index + 1).map((rest) => matcher(rest, runner.reading)));
      break;
    }
    if (word.length > 1 && word.startsWith('-')) {
      const equals = word.indexOf('=');
      const name = equals > 0 ? word.slice(0, equals) : word;
      if (name === runner.testOption) testing = true;
      if (runner.otherMeanings.has(name)) return testing ? EVERY_TEST : undefined;
      const include = runner.includeOptions.get(name);
      const exclude = runner.excludeOptions.get(name);
      const takesValue = include !== undefined || exclude !== undefined || runner.valueOptions.has(name);
      const value = equals > 0 ? word.slice(equals + 1) : takesValue ? args[(index += 1)] : undefined;
      if (value !== undefined && include) includes.push(matcher(value, include));
      if (value !== undefined && exclude) excludes.push(matcher(value, exclude));
      continue;
    }
    // `node x.js --test`: node runs the script, which reads `--test`.
    if (!testing) return undefined;
    positional += 1;
    if (positional === 1 && runner.otherMeanings.has(word)) return EVERY_TEST;
    if (positional === 1 && runner.subcommands.has(word)) continue;
    includes.push(matcher(word, runner.reading));
  }
  if (!testing) return undefined;
  if (args.some((word) => UNREAD_WORD.test(word)) || includes.includes(undefined)) return EVERY_TEST;
  if (includes.length > 0 && runner.addingConfig && configMayAdd(runner.addingConfig, args, folder)) return EVERY_TEST;
  return compose(includes as Matcher[], excludes.filter((found): found is Matcher => found !== undefined), folder);
}

/** Whether a configuration the runner reads from `folder` may name files it joins to those of the command line. */
function configMayAdd(config: AddingConfig, args: readonly string[], folder: string): boolean {
  if (args.some((word) => config.options.has(word.split('=')[0] ?? ''))) return true;
  if (!args.includes(config.noPackage) && packageConfigAdds(config, path.join(folder, 'package.json'))) return true;
  if (args.includes(config.noFile)) return false;
  let current = folder;
  for (let hops = 0; hops < MAX_CONFIG_FOLDERS; hops += 1) {
    const { names } = listFolder(current);
    const found = [...names].filter((name) => config.fileNames.test(name));
    // The nearest folder holding one is the one read.
    if (found.length > 0) return found.some((name) => fileConfigAdds(config, path.join(current, name)));
    if (names.has('.git') || path.dirname(current) === current) return false;
    current = path.dirname(current);
  }
  return true;
}

/** A configuration file with one of the keys, written as code, or not read: it may name files. */
function fileConfigAdds(config: AddingConfig, file: string): boolean {
  const text = readText(file, MAX_CONFIG_BYTES);
  if (text === undefined || /\.[cm]?js$/.test(file)) return true;
  return config.keys.some((key) => new RegExp(`(?:^|["'\\s{,])${key}["']?\\s*:`, 'm').test(text));
}

function packageConfigAdds(config: AddingConfig, file: string): boolean {
  try {
    const json: unknown = JSON.parse(readText(file, MAX_CONFIG_BYTES) ?? '{}');
    const own: unknown = typeof json === 'object' && json !== null ? (json as Record<string, unknown>)[config.packageKey] : undefined;
    return typeof own === 'object' && own !== null && config.keys.some((key) => key in own);
  } catch {
    return false;
  }
}

function compose(includes: readonly Matcher[], excludes: readonly Matcher[], folder: string): TestSelection {
  const relativeOf = (file: string) => path.relative(folder, file).split(path.sep).join('/');
  return {
    selects(file) {
      const relative = relativeOf(file);
      const absolute = file.split(path.sep).join('/');
      if (excludes.some((exclude) => exclude.test(relative, absolute))) return false;
      return includes.length === 0 || includes.some((include) => include.test(relative, absolute));
    },
    reaches(below) {
      const relative = relativeOf(below);
      return includes.length === 0 || includes.some((include) => include.reaches(relative));
    },
  };
}

/** A file argument as `reading` takes it; undefined when it is not read here. */
function matcher(written: string, reading: TestPathReading): Matcher | undefined {
  if (UNREAD_WORD.test(written)) return undefined;
  if (reading === 'regex') {
    try {
      // Jest tests its patterns on the absolute path, ignoring case.
      const pattern = new RegExp(written, 'i');
      return { test: (_, absolute) => pattern.test(absolute), reaches: () => true };
    } catch {
      return undefined;
    }
  }
  const pattern = written.replace(/^(?:\.\/)+/, '').replace(/\/+$/, '');
  if (reading === 'substring') {
    // vitest keeps the files whose path from the root includes a filter, ignoring case.
    const filter = pattern.toLowerCase();
    return { test: (relative) => relative.toLowerCase().includes(filter), reaches: () => true };
  }
  if (UNREAD_GLOB.test(pattern) || path.posix.isAbsolute(pattern) || /^[A-Za-z]:/.test(pattern)) return undefined;
  if (pattern === '' || pattern === '.') return { test: () => true, reaches: () => true };
  // The file itself, a folder's files below it, or the file without its extension (`mocha test/a`).
  const glob = compileGlob(`${pattern}{,/**,.*}`);
  const fixed = literalFolders(pattern);
  return { test: (relative) => glob.test(relative), reaches: (relativeFolder) => overlaps(fixed, relativeFolder.split('/')) };
}

/** The folders a glob names before its first wildcard: `test/unit` of `test/unit/**\/*.js`. */
function literalFolders(pattern: string): string[] {
  const segments = pattern.split('/');
  const wild = segments.findIndex((segment) => /[*?{]/.test(segment));
  return wild < 0 ? segments : segments.slice(0, wild);
}

/** Whether one path of folders lies within the other: the glob's files and the folder's may meet. */
function overlaps(fixed: readonly string[], folder: readonly string[]): boolean {
  const shared = Math.min(fixed.length, folder.length);
  for (let index = 0; index < shared; index += 1) if (fixed[index] !== folder[index] && folder[index] !== '') return false;
  return true;
}
