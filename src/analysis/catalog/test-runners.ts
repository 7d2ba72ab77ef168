/**
 * Test runners and how each reads the files on its command line, from its documented CLI: data only.
 * A positional argument is a path or glob from the folder the runner starts in (mocha, tap, ava,
 * `node --test`), a regular expression of the file's absolute path (Jest), or a substring of the
 * path (vitest's filters).
 */

/** How a runner reads a file argument. */
export type TestPathReading = 'glob' | 'regex' | 'substring';

export interface TestRunner {
  readonly reading: TestPathReading;
  /** Options whose value is the next word (`-r setup.js`); any other option stands alone. */
  readonly valueOptions: ReadonlySet<string>;
  /** Options whose value selects files as a positional argument does (mocha's `--spec`). */
  readonly includeOptions: ReadonlyMap<string, TestPathReading>;
  /** Options whose value removes the files it matches (mocha's `--exclude`). */
  readonly excludeOptions: ReadonlyMap<string, TestPathReading>;
  /** A first positional word that names a subcommand, not files (`vitest run`). */
  readonly subcommands: ReadonlySet<string>;
  /** Words after which the positional arguments are not test files (Jest's `--findRelatedTests`). */
  readonly otherMeanings: ReadonlySet<string>;
  /** An option without which the program runs no tests (`node --test`). */
  readonly testOption?: string;
  /** A configuration whose files add to those of the command line, where it names any. */
  readonly addingConfig?: AddingConfig;
}

/**
 * mocha's: the nearest `.mocharc.*` from the folder it starts in up, or the `mocha` key of
 * package.json, unless `--no-config`/`--no-package`; its `spec` (or one it `extends`) is joined
 * to the positional files, not replaced by them. `options` name another configuration.
 */
export interface AddingConfig {
  readonly fileNames: RegExp;
  readonly packageKey: string;
  readonly keys: readonly string[];
  readonly options: ReadonlySet<string>;
  readonly noFile: string;
  readonly noPackage: string;
}

const NONE: ReadonlySet<string> = new Set();
const NO_OPTIONS: ReadonlyMap<string, TestPathReading> = new Map();

const MOCHA: TestRunner = {
  reading: 'glob',
  valueOptions: new Set([
    '-r', '--require', '-R', '--reporter', '-O', '--reporter-option', '--reporter-options', '-u', '--ui', '-t', '--timeout',
    '-s', '--slow', '-g', '--grep', '-f', '--fgrep', '--config', '--package', '--extension', '-n', '--node-option',
    '--retries', '-j', '--jobs', '--global', '--globals', '--watch-files', '--watch-ignore', '--opts', '--compilers',
  ]),
  includeOptions: new Map([['--spec', 'glob'], ['--file', 'glob']]),
  excludeOptions: new Map([['--exclude', 'glob'], ['--ignore', 'glob']]),
  subcommands: NONE,
  otherMeanings: NONE,
  addingConfig: {
    fileNames: /^\.mocharc\.(?:[cm]?js|jsonc?|ya?ml)$/,
    packageKey: 'mocha',
    keys: ['spec', 'extends'],
    options: new Set(['--config', '--package', '--opts']),
    noFile: '--no-config',
    noPackage: '--no-package',
  },
};

const JEST: TestRunner = {
  reading: 'regex',
  valueOptions: new Set([
    '-c', '--config', '-t', '--testNamePattern', '-w', '--maxWorkers', '--reporters', '--coverageDirectory', '--rootDir',
    '--roots', '--selectProjects', '--shard', '--testTimeout', '--env', '--testEnvironment', '--setupFiles',
    '--setupFilesAfterEnv', '--coverageReporters', '--collectCoverageFrom', '--outputFile', '--testMatch', '--testRegex',
    '--seed', '--projects', '--cacheDirectory', '--testRunner', '--testSequencer', '--changedSince', '--coverageProvider',
    '--globalSetup', '--globalTeardown', '--testResultsProcessor',
  ]),
  includeOptions: new Map([['--testPathPattern', 'regex'], ['--testPathPatterns', 'regex']]),
  excludeOptions: new Map([['--testPathIgnorePatterns', 'regex']]),
  subcommands: NONE,
  otherMeanings: new Set(['--findRelatedTests']),
};

const VITEST: TestRunner = {
  reading: 'substring',
  valueOptions: new Set([
    '-c', '--config', '-r', '--root', '--dir', '--project', '--reporter', '--environment', '--pool', '--shard',
    '--testTimeout', '-t', '--testNamePattern', '--outputFile', '--mode', '--workspace', '--maxWorkers', '--minWorkers',
    '--retry', '--bail',
  ]),
  includeOptions: NO_OPTIONS,
  excludeOptions: new Map([['--exclude', 'glob']]),
  subcommands: new Set(['run', 'watch', 'dev']),
  otherMeanings: new Set(['related', 'bench', 'list', 'init']),
};

const TAP: TestRunner = {
  reading: 'glob',
  valueOptions: new Set([
    '-R', '--reporter', '-t', '--timeout', '-j', '--jobs', '--node-arg', '-o', '--output-file', '--output-dir',
    '--test-ignore', '--test-regex', '--test-arg', '--nyc-arg', '--coverage-report', '--rcfile', '-g', '--grep',
    '--plugin', '--before', '--after', '--test-env',
  ]),
  includeOptions: NO_OPTIONS,
  excludeOptions: new Map([['--exclude', 'glob']]),
  subcommands: new Set(['run']),
  otherMeanings: NONE,
};

const AVA: TestRunner = {
  reading: 'glob',
  valueOptions: new Set(['-m', '--match', '-T', '--timeout', '-c', '--concurrency', '--config', '--node-arguments']),
  includeOptions: NO_OPTIONS,
  excludeOptions: NO_OPTIONS,
  subcommands: NONE,
  otherMeanings: new Set(['debug', 'reset-cache']),
};

const NODE: TestRunner = {
  reading: 'glob',
  valueOptions: new Set([
    '-r', '--require', '--import', '--loader', '--experimental-loader', '--test-reporter', '--test-reporter-destination',
    '--test-name-pattern', '--test-skip-pattern', '--test-concurrency', '--test-timeout', '--test-shard', '--env-file',
    '-C', '--conditions', '--input-type', '--test-coverage-include', '--test-coverage-exclude', '--watch-path',
  ]),
  includeOptions: NO_OPTIONS,
  excludeOptions: NO_OPTIONS,
  subcommands: NONE,
  otherMeanings: NONE,
  testOption: '--test',
};

/** The runners by program name (`_mocha` is mocha's own binary). */
export const TEST_RUNNERS: ReadonlyMap<string, TestRunner> = new Map([
  ['mocha', MOCHA],
  ['_mocha', MOCHA],
  ['jest', JEST],
  ['vitest', VITEST],
  ['tap', TAP],
  ['ava', AVA],
  ['node', NODE],
]);

/**
 * Packages of runners that load test files into a process of their own (the runner's, or its
 * workers'), where `process.argv[1]` is the runner's script, not the test file's: unlike tap and
 * `node --test`, which start each test file as a program (`node test.js`).
 */
export const LOADING_TEST_RUNNERS: ReadonlySet<string> = new Set(['jest', 'vitest', 'mocha', 'ava', 'jasmine', 'tape', '@playwright/test', 'uvu']);
