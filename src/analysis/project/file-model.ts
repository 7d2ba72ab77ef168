/**
 * The file model: whether a file is an entry point (started, never imported), a tool's
 * configuration file (loaded by the tool it configures), a test file (loaded by a test runner), which module system it runs in, and the platforms its path names. Computed
 * once per file from its text, its path and its nearest package.json.
 *
 * Code written for one platform, where the analysis cannot tell whether that platform is the
 * host's, is taken as that platform's code: a file whose path names a non-Windows platform
 * (`src/util/linux-installer.ts`, `MacUpdater.ts`, `test/linux/…`) runs there, as Go's
 * `_linux.go` files do, and the platform rules stay silent about Windows in it. Platform facts
 * only ever silence reports, so this can hide a cross-build from a Windows host, never add one.
 * A development file (a test, a fixture, a script only the project runs, a file a published
 * package's `files` list leaves out: see DevelopmentKind) runs where the project runs it: its
 * platforms are unknown unless a Windows job of the repository's CI is proven to run it
 * (ci-workflows.ts).
 */
import * as path from 'node:path';

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { memberName } from '../syntax/ast.js';
import { LOADING_TEST_RUNNERS } from '../catalog/test-runners.js';
import { TASK_RUNNER_FILE } from '../catalog/vocabulary.js';
import { NOT_PLATFORM_PHRASES, PLATFORM_PATH_WORDS, WINDOWS_PATH_WORDS, type Platform } from '../catalog/platform-apis.js';
import { ciPlatforms, developmentScriptPlatforms, isDevelopmentScript, isGithubFile, testPlatforms, UNKNOWN_PLATFORMS } from './ci-workflows.js';
import { isJestTest } from './jest-tests.js';
import { isNodeTest } from './node-tests.js';
import { isAvaTest } from './ava-tests.js';
import { isEntryPoint, isLeftOutOfPackage } from './packed-files.js';
import { namedByOtherFile } from './named-files.js';
import { isNodeAction } from './github-actions.js';
import { moduleSystemOf, type ModuleSystem } from './module-system.js';
import { allLoaders, hiddenFromOtherPackages, importedForEffectOnly, isImportedIn, loadedByNothing, loadedOnlyThroughStartedFiles, taskRunnerFolder } from './package-importers.js';
import { isRunnerSetupFile } from './runner-setup-files.js';
import { toolConfigOf } from './tool-configs.js';
import type { LintEnvironment } from './summary-store.js';
import { isApplicationPackage, isDevelopmentPackage, namingPackage, nearestManifest, startedPaths, workspaceRootOf, type PackageManifest } from './package-manifest.js';
import { globalReferences } from '../syntax/scope.js';
import type { ResolvedSettings } from '../catalog/settings.js';

/**
 * Why a file is an entry point:
 * - `shebang`: it starts with `#!`;
 * - `package`: the nearest package.json names it in `bin` or runs it from a script;
 * - `setting`: it matches `settings['process-guard'].entryPoints`;
 * - `no-exports`: it exports nothing, so importing it can only be for its side effects.
 */
export type EntryReason = 'shebang' | 'package' | 'setting' | 'no-exports';

/**
 * What kind of development file a file is, one nothing installs and only the project runs:
 * - `test`: a test file or a fixture;
 * - `script`: a script only the package's own scripts run (isDevelopmentScript), any file of a
 *   private workspace root or workspace package without an entry point (isDevelopmentPackage: a
 *   package of maintainer tools), a file that exports nothing and that the `files` list of a
 *   published package leaves out, and no entry point names (isLeftOutOfPackage: a module with
 *   exports may be compiled or bundled into what ships), a file of the repository's `.github`
 *   folder (GitHub Actions runs it), or a file that exports nothing and that nothing runs for users
 *   (runsForNoUser: no script, entry point or other file names it).
 */
export type DevelopmentKind = 'test' | 'script';

export interface FileModel {
  /** `context.filename`: the name the module's own path expressions are compared with. */
  readonly filename: string;
  readonly entryPoint: EntryReason | undefined;
  /**
   * For a file on disk that a tool loads as its configuration (tool-configs.ts: passed by a package
   * script with `--config`, or a test runner's default configuration) and that no module of its
   * package imports, or as part of one (only configurations import it), the tool (the script's
   * command, or the runner's package). Not an entry point:
   * the process runs the tool, whose `process.argv[1]` is not this file, and may load it in workers.
   */
  readonly toolConfig: string | undefined;
  /**
   * Whether another source file of its package imports the file statically (package-importers.ts),
   * for a file on disk; false when no importer is proven. Computed when first read, as `toolConfig` is.
   */
  readonly importedInPackage: boolean;
  /**
   * For a test file on disk, whether every file of its package that may load it is a test file
   * too (a test helper only tests import, package-importers.ts `allLoaders`): the test runner
   * loads it, as the tests' setup. Computed when first read.
   */
  readonly loadedOnlyByTests: boolean;
  /**
   * Whether every file of its package that may load it is a script only the package's own scripts
   * run (isDevelopmentScript: a build or release script, not a `bin`): it is part of those scripts,
   * and its top level is what they ask for. Computed when first read.
   */
  readonly loadedOnlyByScripts: boolean;
  /**
   * For a module of an application (isApplicationPackage), whether its package's modules import it
   * only for its effect (`import './certs'`, `require('./certs');`, package-importers.ts): its top
   * level is what they ask for. Computed when first read.
   */
  readonly importedForEffect: boolean;
  /**
   * For a module of an application (isApplicationPackage), whether every chain of its package's
   * files that may load it starts at a file the package's scripts or `bin` start, which no file
   * loads (package-importers.ts, through a bounded number of modules): it loads as part of starting
   * the application, and its top level is that start's. Computed when first read.
   */
  readonly loadedByApplicationStart: boolean;
  /**
   * For a module of an application outside a workspace (isApplicationPackage; other packages of a
   * workspace may import a private one), whether no file of its package loads it, statically or
   * otherwise (package-importers.ts): a program the application starts (an action's step, a
   * bundle's entry, a page's script) or dead code, which no importer pays for. Computed when first read.
   */
  readonly loadedByNothing: boolean;
  /**
   * For a gulpfile or Gruntfile, its folder, and for a module of its package that only such a file
   * loads (package-importers.ts), that file's folder: the task runner changes to it, so that is the
   * working directory the module runs in. Computed when first read.
   */
  readonly taskRunnerFolder: string | undefined;
  /**
   * `*.test.*`, `*.spec.*` (also qualified: `*.slow-spec.*`), `*.test-d.*`, in a `__tests__`, `test`, `tests` or `test-d` folder,
   * matching `testFiles`, collected by Jest in a package whose tests Jest runs (jest-tests.ts: a
   * bare `test.js`) or by Node's test runner a package script starts on its defaults
   * (node-tests.ts: `test.js`, `test-*.js`, `*-test.js`), or named as a runner's setup file (runner-setup-files.ts), unless a package
   * script or `bin` runs the file itself.
   */
  readonly isTestFile: boolean;
  /**
   * For a test file on disk, whether its package or its workspace root depends on a runner that
   * loads test files into a process of its own (LOADING_TEST_RUNNERS), where `process.argv[1]` is
   * the runner's script. Otherwise its runner may start it as a program (`node --test`, tap).
   * Computed when first read.
   */
  readonly loadedByTestRunner: boolean;
  readonly moduleSystem: ModuleSystem;
  /**
   * The folder of the nearest package.json, for a file on disk: package managers run scripts there,
   * so `npm test` starts the test runner, and the tests, in it.
   */
  readonly packageFolder: string | undefined;
  /**
   * For a file that a package.json's `scripts` run, that no `bin` names and that exports nothing,
   * the folder of that package.json: npm, pnpm and yarn run a script there, so that is the working
   * directory the file runs in. Undefined otherwise: a `bin` runs wherever its user is, and a
   * module with exports may be imported by code started elsewhere.
   */
  readonly scriptFolder: string | undefined;
  /**
   * The platforms the file's path (from its package folder) says it is written for, when a word of
   * it names non-Windows platforms and none names Windows; undefined otherwise (or with the
   * `platformFileNames` setting off).
   */
  readonly namedPlatforms: ReadonlySet<Platform> | undefined;
  /**
   * The platforms the `"os"` field of the file's package.json installs its package on, when it
   * leaves one out: npm, pnpm and yarn refuse the package elsewhere, so none of its code runs there.
   */
  readonly declaredPlatforms: ReadonlySet<Platform> | undefined;
  /**
   * For a fixture (a file on disk in a `fixtures`, `fixture` or `__fixtures__` folder, or named
   * `*.fixture.*`), the folder whose files start it: the one holding the outermost fixtures folder,
   * or the fixture's own. A test runner does not load a fixture; the tests that name it run it.
   */
  readonly fixtureRunners: string | undefined;
  /** For a file nothing installs, its kind (a `script` only on disk); undefined for a file the package ships. */
  readonly development: DevelopmentKind | undefined;
  /**
   * Whether the file's package is an application (isApplicationPackage: `private`, or a VS Code
   * extension): only the project's own code imports its modules and constructs its classes.
   */
  readonly application: boolean;
  /**
   * The platforms the repository's CI says the file runs on (ci-workflows.ts), with the
   * `ciWorkflows` setting on: none proven (UNKNOWN_PLATFORMS) for a development file unless a
   * Windows job of the CI is proven to run it (a test: a script of its package that selects it; a
   * script: its path or a script that runs it); for a script the package's `scripts` run, those of the jobs
   * that run it, when the CI runs other jobs on Windows and this script only elsewhere;
   * undefined (any) otherwise.
   */
  readonly ciPlatforms: ReadonlySet<Platform> | undefined;
}

export interface FilePaths {
  /** `context.filename`: its extension says the language (a code block's own, inside a processor). */
  readonly filename: string;
  /** `context.physicalFilename`: the file on disk, whose folders lead to the package.json. */
  readonly physicalFilename: string;
  readonly cwd: string;
}

// `x.test-d.ts` and `test-d/`: tsd's type tests, which are type-checked and never run. A qualified
// `x.slow-spec.ts` or `x.e2e-spec.ts` is a spec too (mocha run on `*.*spec.js`, NestJS's e2e tests).
const TEST_NAME = /\.(?:[a-z\d]+-)?(?:test|spec)\.|\.test-d\./;
const TEST_FOLDERS = new Set(['__tests__', 'test', 'tests', 'test-d']);
const FIXTURE_FOLDERS = new Set(['fixtures', 'fixture', '__fixtures__']);
const FIXTURE_NAME = /\.fixture\./;

export function buildFileModel(
  sourceCode: Readonly<TSESLint.SourceCode>,
  paths: FilePaths,
  settings: Pick<ResolvedSettings, 'entryPoints' | 'testFiles' | 'platformFileNames' | 'ciWorkflows'>,
  environment: () => LintEnvironment | undefined = () => undefined,
): FileModel {
  // `<input>`, `<text>` and other relative names are not on disk: no package.json applies.
  const onDisk = path.isAbsolute(paths.physicalFilename);
  const manifest = onDisk ? nearestManifest(paths.physicalFilename) : undefined;
  const relative = packageRelativePath(paths, manifest, onDisk);
  const starter = startingPackage(manifest, paths.physicalFilename);
  const isTestFile = isTestFileAt(paths.physicalFilename, relative, onDisk, manifest, starter, settings, environment);
  const fixtureRunners = onDisk ? fixtureRunnersFolder(paths.physicalFilename, relative) : undefined;
  const development = developmentKind(sourceCode, paths.physicalFilename, onDisk, isTestFile || fixtureRunners !== undefined, manifest, starter);
  const application = manifest !== undefined && isApplicationPackage(manifest);
  // These read other files of the package: asked only once a rule needs them.
  let toolConfig: { readonly tool: string | undefined } | undefined;
  let importedInPackage: boolean | undefined;
  let loadedOnlyByTests: boolean | undefined;
  let loadedOnlyByScripts: boolean | undefined;
  let loadedByRunner: boolean | undefined;
  let importedForEffect: boolean | undefined;
  let loadedByStart: boolean | undefined;
  let unloaded: boolean | undefined;
  let taskRunner: { readonly folder: string | undefined } | undefined;
  /** What the package's other files say of this one (package-importers.ts); undefined off disk or outside a package. */
  const askImporters = <T>(ask: (file: string, folder: string, project: LintEnvironment) => T): T | undefined => {
    const project = onDisk && manifest ? environment() : undefined;
    return manifest !== undefined && project !== undefined ? ask(paths.physicalFilename, manifest.folder, project) : undefined;
  };
  /** Whether every file of the package that may load this one is such a file; false when none is known. */
  const loadedOnlyBy = (isLoader: (file: string) => boolean) => askImporters(allLoaders)?.every(isLoader) ?? false;
  return {
    filename: paths.filename,
    entryPoint: entryReason(sourceCode, relative, starter, settings.entryPoints),
    get toolConfig() {
      toolConfig ??= { tool: onDisk ? toolConfigOf(paths.physicalFilename, manifest, environment()) : undefined };
      return toolConfig.tool;
    },
    get importedInPackage() {
      return (importedInPackage ??= askImporters(isImportedIn) ?? false);
    },
    get loadedOnlyByTests() {
      const isTest = (file: string) => {
        const nearest = nearestManifest(file);
        return isTestFileAt(file, packageRelativePath({ ...paths, physicalFilename: file }, nearest, true), true, nearest, startingPackage(nearest, file), settings, environment);
      };
      return (loadedOnlyByTests ??= isTestFile && loadedOnlyBy(isTest));
    },
    get loadedOnlyByScripts() {
      const isScript = (file: string) => {
        const starting = startingPackage(nearestManifest(file), file);
        return starting !== undefined && isDevelopmentScript(file, starting);
      };
      return (loadedOnlyByScripts ??= loadedOnlyBy(isScript));
    },
    get importedForEffect() {
      return (importedForEffect ??= application && (askImporters(importedForEffectOnly) ?? false));
    },
    get loadedByApplicationStart() {
      return (loadedByStart ??= application && (askImporters(loadedOnlyThroughStartedFiles) ?? false));
    },
    get loadedByNothing() {
      return (unloaded ??= manifest !== undefined && cannotBeImportedFromOutside(paths.physicalFilename, manifest, application) && (askImporters(loadedByNothing) ?? false));
    },
    get taskRunnerFolder() {
      if (TASK_RUNNER_FILE.test(path.basename(paths.physicalFilename))) return path.dirname(paths.physicalFilename);
      taskRunner ??= { folder: askImporters(taskRunnerFolder) };
      return taskRunner.folder;
    },
    isTestFile,
    get loadedByTestRunner() {
      return (loadedByRunner ??= isTestFile && manifest !== undefined && dependsOnLoadingRunner(manifest));
    },
    moduleSystem: moduleSystemOf(sourceCode, paths.filename, manifest),
    packageFolder: manifest?.folder,
    scriptFolder: starter && !namesAsBin(starter, paths.physicalFilename) && !hasExports(sourceCode) ? starter.folder : undefined,
    namedPlatforms: settings.platformFileNames ? platformsNamedBy(relative) : undefined,
    declaredPlatforms: manifest?.os,
    fixtureRunners,
    development,
    application,
    ciPlatforms: settings.ciWorkflows ? ciRunPlatforms(paths.physicalFilename, onDisk, development, manifest, starter, fixtureRunners) : undefined,
  };
}

/**
 * Whether only the files below the package's folder may import `file`: it is an application's, or
 * the published package's `files` leave it out, and in a package of a workspace no other package
 * may load it (hiddenFromOtherPackages; a workspace root's folder holds them, so its own files count).
 */
function cannotBeImportedFromOutside(file: string, manifest: PackageManifest, application: boolean): boolean {
  const root = workspaceRootOf(manifest);
  if (root !== undefined && root !== manifest && !hiddenFromOtherPackages(file, manifest)) return false;
  return application || isLeftOutOfPackage(file, manifest);
}

/** The package whose scripts or `bin` start `file`: the nearest one, or one that holds it (namingPackage). */
function startingPackage(nearest: PackageManifest | undefined, file: string): PackageManifest | undefined {
  return namingPackage(nearest, file, (candidate) => candidate.startedFiles);
}

function dependsOnLoadingRunner(manifest: PackageManifest): boolean {
  const root = workspaceRootOf(manifest);
  return [...LOADING_TEST_RUNNERS].some((runner) => manifest.dependencies.has(runner) || root?.dependencies.has(runner) === true);
}

/**
 * Whether a file is a test file: by its path or the `testFiles` setting, or collected by a test
 * runner of its package, or named as a runner's setup file, unless a package script runs it itself.
 */
function isTestFileAt(
  file: string,
  relative: string,
  onDisk: boolean,
  manifest: PackageManifest | undefined,
  starter: PackageManifest | undefined,
  settings: Pick<ResolvedSettings, 'testFiles'>,
  environment: () => LintEnvironment | undefined,
): boolean {
  return (
    isTestPath(relative) ||
    settings.testFiles.some((glob) => glob.test(relative)) ||
    (onDisk && !starter && (isJestTest(file, manifest) || isNodeTest(file, manifest) || isAvaTest(file, manifest) || isRunnerSetupFile(file, environment())))
  );
}

function developmentKind(
  sourceCode: Readonly<TSESLint.SourceCode>,
  file: string,
  onDisk: boolean,
  test: boolean,
  manifest: PackageManifest | undefined,
  starter: PackageManifest | undefined,
): DevelopmentKind | undefined {
  if (test) return 'test';
  if (!onDisk) return undefined;
  const script =
    (starter !== undefined && isDevelopmentScript(file, starter)) ||
    (manifest !== undefined && (isDevelopmentPackage(manifest) || (isLeftOutOfPackage(file, manifest) && !hasExports(sourceCode)))) ||
    isGithubFile(file) ||
    (manifest !== undefined && starter === undefined && !hasExports(sourceCode) && runsForNoUser(file, manifest));
  return script ? 'script' : undefined;
}

/**
 * Whether nothing runs a module on its users' machines, for one that exports nothing and that no
 * script or `bin` of a package starts: it is no entry point of its package (nor built into one),
 * the package is no GitHub Action (whose `action.yml` starts its files), and no other file of the
 * package, or of its workspace, names it (one that does may start or load it). Only a person runs
 * it, by hand, as a maintainer's script.
 */
function runsForNoUser(file: string, manifest: PackageManifest): boolean {
  if (!manifest.known || isNodeAction(manifest.folder) || isEntryPoint(file, manifest)) return false;
  return namedByOtherFile(file, (workspaceRootOf(manifest) ?? manifest).folder) === false;
}

/**
 * What the CI says of the file's platforms: a development file's (unknown for a test not on disk,
 * whose workflows cannot be read), else those of the jobs running the script it is.
 */
function ciRunPlatforms(
  file: string,
  onDisk: boolean,
  development: DevelopmentKind | undefined,
  manifest: PackageManifest | undefined,
  starter: PackageManifest | undefined,
  fixtureRunners: string | undefined,
): ReadonlySet<Platform> | undefined {
  let platforms: ReadonlySet<Platform> | undefined;
  if (development === 'test') platforms = onDisk ? testPlatforms(file, manifest?.folder ?? path.dirname(file), fixtureRunners) : UNKNOWN_PLATFORMS;
  else if (development === 'script') platforms = developmentScriptPlatforms(file, starter ?? manifest);
  return platforms ?? (starter ? ciPlatforms(file, starter) : undefined);
}

/** The platforms the file's path names, its package declares and the CI runs it on, together: the facts of its Program. */
export function filePlatforms(model: FileModel): ReadonlySet<Platform> | undefined {
  let platforms: ReadonlySet<Platform> | undefined;
  for (const known of [model.namedPlatforms, model.declaredPlatforms, model.ciPlatforms]) {
    if (known) platforms = platforms ? new Set([...platforms].filter((platform) => known.has(platform))) : known;
  }
  return platforms;
}

/**
 * The words of a path: split at every character that is not a letter or digit (`-`, `_`, `.`,
 * `/`), at camelCase humps (`MacUpdater`, `OSXUpdater`) and between letters and digits (`linux64`),
 * lowercased. Whole words only: `machine` and `Linuxy` are one word each.
 */
export function pathWords(relative: string): string[] {
  return relative
    .split(/[^A-Za-z0-9]+/)
    .flatMap((part) => part.split(/(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])/))
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
}

/** The platforms named by the words of a package-relative path (see PLATFORM_PATH_WORDS). */
export function platformsNamedBy(relative: string): ReadonlySet<Platform> | undefined {
  const words = pathWords(relative);
  const named = new Set<Platform>();
  for (const [index, word] of words.entries()) {
    if (WINDOWS_PATH_WORDS.has(word)) return undefined;
    const next = words[index + 1];
    if (next !== undefined && NOT_PLATFORM_PHRASES.get(word)?.has(next)) continue;
    for (const platform of PLATFORM_PATH_WORDS.get(word) ?? []) named.add(platform);
  }
  return named.size > 0 ? named : undefined;
}

/** The path from the package folder (or the working directory without one), with `/` separators. */
function packageRelativePath(paths: FilePaths, manifest: PackageManifest | undefined, onDisk: boolean): string {
  const relative = onDisk ? path.relative(manifest?.folder ?? paths.cwd, paths.physicalFilename) : paths.physicalFilename;
  return relative.split(path.sep).join('/');
}

function fixtureRunnersFolder(file: string, relative: string): string | undefined {
  const segments = relative.split('/');
  const name = segments.pop() ?? '';
  const outermost = segments.findIndex((segment) => FIXTURE_FOLDERS.has(segment));
  if (outermost >= 0) return path.join(path.dirname(file), ...segments.slice(outermost).map(() => '..'));
  return FIXTURE_NAME.test(name) ? path.dirname(file) : undefined;
}

function isTestPath(relative: string): boolean {
  const segments = relative.split('/');
  const name = segments.pop() ?? '';
  return TEST_NAME.test(name) || segments.some((segment) => TEST_FOLDERS.has(segment));
}

function entryReason(
  sourceCode: Readonly<TSESLint.SourceCode>,
  relative: string,
  starter: PackageManifest | undefined,
  globs: ResolvedSettings['entryPoints'],
): EntryReason | undefined {
  if (sourceCode.text.startsWith('#!')) return 'shebang';
  if (starter) return 'package';
  if (globs.some((glob) => glob.test(relative))) return 'setting';
  return hasExports(sourceCode) ? undefined : 'no-exports';
}

function namesAsBin(manifest: PackageManifest, filename: string): boolean {
  return startedPaths(filename).some((started) => manifest.binFiles.has(started));
}

/** Whether importing the file gives the importer anything: ESM exports or CommonJS ones. */
function hasExports(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return sourceCode.ast.body.some(isExportStatement) || hasCommonJsExports(sourceCode);
}

/**
 * An export that is there at run time. TypeScript erases `export {}` (it only makes a script a
 * module), type exports (`export interface`, `export type`, `export type { … }`, `export { type A }`,
 * `export type * from`) and ambient declarations (`export declare …`).
 */
function isExportStatement(statement: TSESTree.ProgramStatement): boolean {
  switch (statement.type) {
    case 'ExportNamedDeclaration':
      if (statement.exportKind === 'type') return false;
      if (statement.declaration) return !isErasedDeclaration(statement.declaration);
      return statement.specifiers.some((specifier) => specifier.exportKind !== 'type') || (statement.source !== null && statement.specifiers.length === 0);
    case 'ExportAllDeclaration':
      return statement.exportKind !== 'type';
    case 'ExportDefaultDeclaration':
      return !isErasedDeclaration(statement.declaration);
    case 'TSExportAssignment':
      return true;
    default:
      return false;
  }
}

function isErasedDeclaration(declaration: TSESTree.Node): boolean {
  if (declaration.type === 'TSInterfaceDeclaration' || declaration.type === 'TSTypeAliasDeclaration' || declaration.type === 'TSDeclareFunction') return true;
  return 'declare' in declaration && declaration.declare === true;
}

/**
 * `module.exports = …`, `exports.x = …`, `module.exports.x = …`, and `exports` handed to a call
 * (`Object.defineProperty(exports, …)`, `Object.assign(module.exports, …)`, compiled `__exportStar(m, exports)`).
 */
function hasCommonJsExports(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const globals = globalReferences(sourceCode, ['exports', 'module']);
  const exportObjects: TSESTree.Node[] = [...(globals.get('exports') ?? [])];
  for (const identifier of globals.get('module') ?? []) {
    const parent = identifier.parent;
    if (parent.type === 'MemberExpression' && parent.object === identifier && memberName(parent) === 'exports') exportObjects.push(parent);
  }
  return exportObjects.some((node) => {
    const parent = node.parent;
    if (!parent) return false;
    if (parent.type === 'AssignmentExpression') return parent.left === node;
    if (parent.type === 'MemberExpression') return parent.object === node && parent.parent.type === 'AssignmentExpression' && parent.parent.left === parent;
    return (parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.arguments.includes(node as TSESTree.Expression);
  });
}
