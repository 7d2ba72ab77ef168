/**
 * The file model: whether a file is an entry point (started, never imported), a test file (loaded
 * by a test runner), and which module system it runs in. Computed once per file from its text, its
 * path and its nearest package.json.
 */
import * as path from 'node:path';

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { memberName } from './ast.js';
import { moduleSystemOf, type ModuleSystem } from './module-system.js';
import { enclosingManifest, nearestManifest, type PackageManifest } from './package-manifest.js';
import { globalReferences } from './scope.js';
import type { ResolvedSettings } from './settings.js';

/**
 * Why a file is an entry point:
 * - `shebang`: it starts with `#!`;
 * - `package`: the nearest package.json names it in `bin` or runs it from a script;
 * - `setting`: it matches `settings['process-guard'].entryPoints`;
 * - `no-exports`: it exports nothing, so importing it can only be for its side effects.
 */
export type EntryReason = 'shebang' | 'package' | 'setting' | 'no-exports';

export interface FileModel {
  readonly entryPoint: EntryReason | undefined;
  /** `*.test.*`, `*.spec.*`, `*.test-d.*`, in a `__tests__`, `test`, `tests` or `test-d` folder, or matching `testFiles`. */
  readonly isTestFile: boolean;
  readonly moduleSystem: ModuleSystem;
  /**
   * The folder of the nearest package.json, for a file on disk: package managers run scripts there,
   * so `npm test` starts the test runner, and the tests, in it.
   */
  readonly packageFolder: string | undefined;
}

export interface FilePaths {
  /** `context.filename`: its extension says the language (a code block's own, inside a processor). */
  readonly filename: string;
  /** `context.physicalFilename`: the file on disk, whose folders lead to the package.json. */
  readonly physicalFilename: string;
  readonly cwd: string;
}

// `x.test-d.ts` and `test-d/`: tsd's type tests, which are type-checked and never run.
const TEST_NAME = /\.(?:test|spec|test-d)\./;
const TEST_FOLDERS = new Set(['__tests__', 'test', 'tests', 'test-d']);

export function buildFileModel(
  sourceCode: Readonly<TSESLint.SourceCode>,
  paths: FilePaths,
  settings: Pick<ResolvedSettings, 'entryPoints' | 'testFiles'>,
): FileModel {
  // `<input>`, `<text>` and other relative names are not on disk: no package.json applies.
  const onDisk = path.isAbsolute(paths.physicalFilename);
  const manifest = onDisk ? nearestManifest(paths.physicalFilename) : undefined;
  const relative = packageRelativePath(paths, manifest, onDisk);
  return {
    entryPoint: entryReason(sourceCode, paths.physicalFilename, relative, manifest, settings.entryPoints),
    isTestFile: isTestPath(relative) || settings.testFiles.some((glob) => glob.test(relative)),
    moduleSystem: moduleSystemOf(sourceCode, paths.filename, manifest),
    packageFolder: manifest?.folder,
  };
}

/** The path from the package folder (or the working directory without one), with `/` separators. */
function packageRelativePath(paths: FilePaths, manifest: PackageManifest | undefined, onDisk: boolean): string {
  const relative = onDisk ? path.relative(manifest?.folder ?? paths.cwd, paths.physicalFilename) : paths.physicalFilename;
  return relative.split(path.sep).join('/');
}

function isTestPath(relative: string): boolean {
  const segments = relative.split('/');
  const name = segments.pop() ?? '';
  return TEST_NAME.test(name) || segments.some((segment) => TEST_FOLDERS.has(segment));
}

/** Packages looked at from the nearest one up: a workspace is rarely nested deeper. */
const MAX_ENCLOSING_PACKAGES = 4;

function entryReason(
  sourceCode: Readonly<TSESLint.SourceCode>,
  physicalFilename: string,
  relative: string,
  manifest: PackageManifest | undefined,
  globs: readonly RegExp[],
): EntryReason | undefined {
  if (sourceCode.text.startsWith('#!')) return 'shebang';
  if (startedByEnclosingPackages(manifest, physicalFilename)) return 'package';
  if (globs.some((glob) => glob.test(relative))) return 'setting';
  return hasExports(sourceCode) ? undefined : 'no-exports';
}

/** `node scripts/build` runs `scripts/build.js`: a started path without extension matches too. */
/**
 * Whether the nearest package.json or one of the packages that hold it (a workspace root running
 * `node scripts/x.js` where `scripts/` has a package.json of its own) starts the file.
 */
function startedByEnclosingPackages(nearest: PackageManifest | undefined, filename: string): boolean {
  let manifest = nearest;
  for (let hops = 0; manifest && hops < MAX_ENCLOSING_PACKAGES; hops += 1, manifest = enclosingManifest(manifest)) {
    if (startedByPackage(manifest, filename)) return true;
  }
  return false;
}

function startedByPackage(manifest: PackageManifest, filename: string): boolean {
  const extension = path.extname(filename);
  return manifest.startedFiles.has(filename) || (extension !== '' && manifest.startedFiles.has(filename.slice(0, -extension.length)));
}

/** Whether importing the file gives the importer anything: ESM exports or CommonJS ones. */
function hasExports(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return sourceCode.ast.body.some(isExportStatement) || hasCommonJsExports(sourceCode);
}

function isExportStatement(statement: TSESTree.ProgramStatement): boolean {
  switch (statement.type) {
    case 'ExportNamedDeclaration':
      // `export {}` only makes a TypeScript script a module: it exports nothing.
      return statement.declaration !== null || statement.specifiers.length > 0 || statement.source !== null;
    case 'ExportDefaultDeclaration':
    case 'ExportAllDeclaration':
    case 'TSExportAssignment':
      return true;
    default:
      return false;
  }
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
