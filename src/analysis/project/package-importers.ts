/**
 * The modules of a package that import one of its files statically (`import`, `export … from`,
 * `require()` of the global `require`): a module they import runs for them, so what its top level
 * starts is theirs to pay for. Looked for among the package's source files (source-files.ts) whose
 * text names the file as a specifier would (namesModule), at most MAX_IMPORTERS of them parsed; more
 * than that, and the importers are not known. A file that does not parse imports nothing here. A
 * file that names it and may load it otherwise (`import()`, `require()` of a value the text does not
 * show) is told apart, for questions that need every importer (importer-calls.ts), and a module that
 * only a task runner's file loads runs in that file's folder.
 */
import path from 'node:path';

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { TASK_RUNNER_FILE } from '../catalog/vocabulary.js';
import { stringValue, walk } from '../syntax/ast.js';
import { dynamicImports } from '../file/references.js';
import { globalReferences } from '../syntax/scope.js';
import { DerivedCache, readText } from './fs-cache.js';
import { nearestManifest, workspaceRootOf, type PackageManifest } from './package-manifest.js';
import { isNamedEntryPoint } from './packed-files.js';
import { resolveModule } from './module-resolution.js';
import { moduleNames, namedByFileOutside } from './named-files.js';
import { sourceFiles } from './source-files.js';
import { inspectModule, parserName, type LintEnvironment } from './summary-store.js';

/** Around a module's name in a specifier: a path separator or a quote before, extensions and a quote or separator after. */
const SPECIFIER_START = /^[/\\'"`]$/;
const SPECIFIER_END = /^(?:\.[\w-]+)*['"`/\\]/;
/** Files that name one module, parsed to look for an import of it. */
const MAX_IMPORTERS = 8;
const MAX_TEXT_BYTES = 512 * 1024;
/** Modules read back from one to the task runner's file that loads it. */
const MAX_CHAIN_MODULES = 16;

/** The files that import a file statically, and the other files naming it that may load it otherwise. */
interface Loaders {
  readonly importers: readonly string[];
  readonly otherwise: readonly string[];
  /** Whether every static import of it binds nothing (`import './x'`, `require('./x');`). */
  readonly bare: boolean;
}

/** File and parser → the source files of its package that load it; null when not known. */
const loaders = new DerivedCache<Loaders | null>();

/**
 * Whether no other package of its workspace may load `file`, so that its package's files are all its
 * importers: it is no entry point its package names (another package imports those by the package's
 * name alone; a file an `exports` pattern exposes is imported by a subpath that names it) and no
 * file of another package of the workspace names it as a specifier or a path would. True outside a
 * workspace; false when the workspace's files are not all read or too many name it.
 */
export function hiddenFromOtherPackages(file: string, manifest: PackageManifest): boolean {
  const root = workspaceRootOf(manifest);
  if (!root) return true;
  if (!manifest.known || isNamedEntryPoint(file, manifest)) return false;
  return namedByFileOutside(file, root.folder, (namer) => nearestManifest(namer)?.folder === manifest.folder) === false;
}

/** The source files under `folder` (its package's) that import `file` statically; undefined when more than MAX_IMPORTERS name it. */
export function packageImporters(file: string, folder: string, environment: LintEnvironment): readonly string[] | undefined {
  return loadersOf(file, folder, environment)?.importers;
}

/** packageImporters, when they are all the files of the package that may load `file`; undefined otherwise. */
export function onlyStaticImporters(file: string, folder: string, environment: LintEnvironment): readonly string[] | undefined {
  const found = loadersOf(file, folder, environment);
  return found && found.otherwise.length === 0 ? found.importers : undefined;
}

/** Every file of the package that may load `file`, statically or otherwise; undefined when they are not known or there is none. */
export function allLoaders(file: string, folder: string, environment: LintEnvironment): readonly string[] | undefined {
  const found = loadersOf(file, folder, environment);
  const all = found ? [...new Set([...found.importers, ...found.otherwise])] : [];
  return all.length > 0 ? all : undefined;
}

/**
 * Whether every chain of the package's files that may load `file` starts at a file its scripts or
 * `bin` start (`"start": "bun src/server.ts"`) and that no file loads.
 */
export function loadedOnlyThroughStartedFiles(file: string, folder: string, environment: LintEnvironment): boolean {
  const started = nearestManifest(path.join(folder, 'package.json'))?.startedFiles;
  const isStart = (other: string) => other !== file && started?.has(other) === true && loadedByNothing(other, folder, environment);
  return started !== undefined && (loaderRoots(file, folder, environment, isStart)?.length ?? 0) > 0;
}

/** Whether no file of the package may load `file`, statically or otherwise, as far as its loaders are known. */
export function loadedByNothing(file: string, folder: string, environment: LintEnvironment): boolean {
  const found = loadersOf(file, folder, environment);
  return found !== undefined && found.importers.length === 0 && found.otherwise.length === 0;
}

function loadersOf(file: string, folder: string, environment: LintEnvironment): Loaders | undefined {
  const found = loaders.get(`${file}\0${folder}\0${parserName(environment)}`, () => {
    const naming = sourceFiles(folder).filter((other) => other !== file && namesModule(readText(other, MAX_TEXT_BYTES) ?? '', file));
    if (naming.length > MAX_IMPORTERS) return null;
    const importers: string[] = [];
    const otherwise: string[] = [];
    let bare = true;
    for (const other of naming) {
      const loads = inspectModule(other, readText(other, MAX_TEXT_BYTES) ?? '', environment, ({ sourceCode }) => howLoaded(sourceCode, other, file), undefined);
      if (loads?.statically) importers.push(other);
      // A file that names it and does not parse may load it in any way.
      if (loads?.otherwise ?? true) otherwise.push(other);
      bare &&= loads?.bare ?? false;
    }
    return { importers, otherwise, bare };
  });
  return found ?? undefined;
}

/**
 * Whether a text may name `file` in a specifier: its name without extension as the last part of a
 * path in a string (`'./run'`, `"../lib/run.js"`, `` `./run.mjs` ``, and `'./run/'` or `'./run'` for
 * `run/index.js`), not any word that contains it (`StringBuilder` for `builder.js`).
 */
function namesModule(text: string, file: string): boolean {
  return moduleNames(file).some((name) => {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      if (SPECIFIER_START.test(text.charAt(at - 1)) && SPECIFIER_END.test(text.slice(at + name.length, at + name.length + 64))) return true;
    }
    return false;
  });
}

/**
 * How `importer` loads `file`: statically, and perhaps otherwise: `import()` of it or of a name the
 * text does not show, `require()` of such a name, TypeScript's `import x = require()` of it.
 */
function howLoaded(sourceCode: Readonly<TSESLint.SourceCode>, importer: string, file: string): { statically: boolean; otherwise: boolean; bare: boolean } {
  const mayName = (node: TSESTree.Node | undefined) => {
    const source = node && stringValue(node);
    return source === undefined || resolveModule(importer, source) === file;
  };
  const requires = requireCalls(sourceCode);
  const otherwise =
    dynamicImports(sourceCode).some((expression) => mayName(expression.source)) ||
    requires.some(({ specifier }) => specifier === undefined) ||
    sourceCode.ast.body.some((statement) => statement.type === 'TSImportEqualsDeclaration' && statement.moduleReference.type === 'TSExternalModuleReference' && mayName(statement.moduleReference.expression));
  const loads = staticLoads(sourceCode, requires).filter(({ source }) => resolveModule(importer, source) === file);
  return { statically: loads.length > 0, otherwise, bare: loads.every((load) => load.bare) };
}

/**
 * Whether the package's modules import `file` only for its effect: at least one imports it, every
 * import binds nothing (`import './certs'`, `require('./certs');`), and no file naming it may load it
 * otherwise. Its top level is what they ask for.
 */
export function importedForEffectOnly(file: string, folder: string, environment: LintEnvironment): boolean {
  const found = loadersOf(file, folder, environment);
  return found !== undefined && found.otherwise.length === 0 && found.bare && found.importers.length > 0;
}

/**
 * The folder of the gulpfile or Gruntfile that `file` is, or that alone loads it, through the static
 * imports of at most MAX_CHAIN_MODULES modules: gulp and Grunt change to their file's folder
 * before they load it, so the modules only it loads run there. A search back along the files that
 * may load each (its static importers, and the files naming it that may load it otherwise):
 * undefined when it reaches a module that nothing loads or whose loaders are not known (more than
 * MAX_IMPORTERS naming it), more modules than the bound, or task runners in more than one folder.
 */
export function taskRunnerFolder(file: string, folder: string, environment: LintEnvironment): string | undefined {
  const runners = loaderRoots(file, folder, environment, (other) => TASK_RUNNER_FILE.test(path.basename(other)));
  const folders = new Set(runners?.map((runner) => path.dirname(runner)));
  return folders.size === 1 ? [...folders][0] : undefined;
}

/**
 * The files `isRoot` accepts that every chain of the package's files loading `file` starts at,
 * following at most {@link MAX_CHAIN_MODULES} modules; undefined when a chain starts anywhere else (a
 * module with no known loader, or too many) or past the bound. A cycle adds no loader from outside.
 */
function loaderRoots(file: string, folder: string, environment: LintEnvironment, isRoot: (file: string) => boolean): string[] | undefined {
  const seen = new Set([file]);
  const pending = [file];
  const roots: string[] = [];
  for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
    if (isRoot(current)) {
      roots.push(current);
      continue;
    }
    // A file that may load it otherwise (`require(root + '/tasks/build')`) is one of its loaders too.
    const found = loadersOf(current, folder, environment);
    const loaders = found ? [...found.importers, ...found.otherwise] : [];
    if (loaders.length === 0) return undefined;
    for (const importer of loaders) {
      if (seen.has(importer)) continue;
      if (seen.size === MAX_CHAIN_MODULES) return undefined;
      seen.add(importer);
      pending.push(importer);
    }
  }
  return roots;
}

/** Whether a source file under `folder` is proven to import `file` statically. */
export function isImportedIn(file: string, folder: string, environment: LintEnvironment): boolean {
  return (packageImporters(file, folder, environment)?.length ?? 0) > 0;
}

/**
 * The calls of the module system's `require` (found through the scope manager: a `require` the file
 * declares is not it), each with its specifier when the file writes it as a string.
 */
export function requireCalls(sourceCode: Readonly<TSESLint.SourceCode>): { call: TSESTree.CallExpression; specifier: string | undefined }[] {
  const calls: { call: TSESTree.CallExpression; specifier: string | undefined }[] = [];
  for (const identifier of globalReferences(sourceCode, ['require']).get('require') ?? []) {
    const call = identifier.parent;
    if (call.type !== 'CallExpression' || call.callee !== identifier) continue;
    const [first] = call.arguments;
    calls.push({ call, specifier: first ? stringValue(first) : undefined });
  }
  return calls;
}

/**
 * The specifiers a module imports statically, and whether the import binds nothing: `import`,
 * `export … from`, and `require('x')` of the global `require`; not TypeScript's `import type` or
 * `export type … from`, which load nothing.
 */
function staticLoads(sourceCode: Readonly<TSESLint.SourceCode>, requires: ReturnType<typeof requireCalls>): { source: string; bare: boolean }[] {
  const loads: { source: string; bare: boolean }[] = [];
  for (const statement of sourceCode.ast.body) {
    const source = statement.type === 'ImportDeclaration' && onlyTypesRead(sourceCode, statement) ? undefined : loadedSource(statement);
    if (source !== undefined) loads.push({ source, bare: statement.type === 'ImportDeclaration' && statement.specifiers.length === 0 });
  }
  for (const { call, specifier } of requires) if (specifier !== undefined) loads.push({ source: specifier, bare: call.parent?.type === 'ExpressionStatement' });
  return loads;
}

/**
 * Whether TypeScript drops an import when it compiles: it binds names, and each is read, and only in
 * types (`import { Options } from './cli'` for `(o: Options) => …`). Babel, esbuild and swc drop it
 * too; with `verbatimModuleSyntax` such an import does not compile. A file that may have decorators
 * is left alone: `emitDecoratorMetadata` turns a parameter's type into a value read.
 */
function onlyTypesRead(sourceCode: Readonly<TSESLint.SourceCode>, declaration: TSESTree.ImportDeclaration): boolean {
  if (declaration.specifiers.length === 0) return false;
  const typesOnly = declaration.specifiers.every((specifier) => {
    const references = sourceCode.getDeclaredVariables(specifier)[0]?.references ?? [];
    return references.length > 0 && references.every((reference) => reference.isTypeReference && !reference.isValueReference);
  });
  return typesOnly && !hasDecorators(sourceCode);
}

const decoratedFiles = new WeakMap<object, boolean>();

/** Whether the file has a decorator on a class, a member or a parameter. */
function hasDecorators(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  let decorated = decoratedFiles.get(sourceCode.ast);
  if (decorated === undefined) {
    let found = false;
    walk(sourceCode.ast, sourceCode.visitorKeys, (node) => {
      found ||= 'decorators' in node && Array.isArray(node.decorators) && node.decorators.length > 0;
      return !found;
    });
    decorated = found;
    decoratedFiles.set(sourceCode.ast, decorated);
  }
  return decorated;
}

function loadedSource(statement: TSESTree.ProgramStatement): string | undefined {
  switch (statement.type) {
    case 'ImportDeclaration':
      return statement.importKind === 'type' ? undefined : statement.source.value;
    case 'ExportAllDeclaration':
    case 'ExportNamedDeclaration':
      return statement.exportKind === 'type' ? undefined : statement.source?.value;
    default:
      return undefined;
  }
}
