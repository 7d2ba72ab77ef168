/**
 * What kind of path names a worker or child script: one resolved from the module's own location,
 * one resolved against the working directory, a bare name, the launcher's script, an absolute path,
 * a URL, or something the file does not show. Values are followed through single-assignment
 * constants; string concatenations and templates are judged by their leading text.
 */
import * as path from 'node:path';

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { hasSpread, isFunction, isImportMetaMember, optionsCandidates, propertyValue, skipTransparent, stringValue, walk } from '../syntax/ast.js';
import type { FileAnalysis, StarterSite } from '../contract/file-analysis.js';
import { argumentAt, parameterOf } from '../file/local-functions.js';
import { CALL_RESULT, GLOBALS_MODULE, isRef, REQUIRE_MODULE, type ModuleRef, type ReferenceIndex } from '../file/references.js';
import { isGlobalIdentifier } from '../syntax/scope.js';
import { isFile, stat } from '../project/fs-cache.js';
import { manifestOf, nearestManifest, publishedFiles, repositoryRoot, workspaceRootOf } from '../project/package-manifest.js';
import { WEB_WORKER_MODULE, type StarterSpec } from '../catalog/starters.js';
import { followConstant, selfReference, stringParts, UNKNOWN_PART } from '../file/values.js';
import { shellWords } from '../../util/shell-words.js';
import { shellAtSite, type ShellMode } from './shell-option.js';
import { commandsOf } from './command-line.js';
import type { WorkingFolderStarts } from '../project/script-chains.js';

type Node = TSESTree.Node;

export type ScriptPathKind =
  /** Built from the module's location: `new URL('./w.js', import.meta.url)`, `path.join(__dirname, …)`. */
  | 'module-relative'
  /** `./w.js`, `../w.js`, or `path.resolve('w.js')`: resolved against the working directory. */
  | 'cwd-relative'
  /** `w.js`: neither absolute nor starting with `./` or `../`. */
  | 'bare'
  /** `process.argv[1]`, `require.main.filename`, `process.mainModule.filename` or a path beside them. */
  | 'launcher'
  | 'absolute'
  /** A `data:`, `file:` or other URL string. */
  | 'url'
  | 'unknown';

export interface ScriptPath {
  readonly kind: ScriptPathKind;
  /** The expression the value comes from, after following constants. */
  readonly source: Node;
  /**
   * The folder the path is built on, as written, when `source` joins one with a file name:
   * `path.dirname(process.argv[1])` in `path.join(path.dirname(process.argv[1]), 'w.js')` or in
   * `require.main.path + '/w.js'`.
   */
  readonly directory?: Node;
}

/** Kinds of text a path string (or the leading text of a template or concatenation) starts with. */
type TextKind = 'cwd-relative' | 'bare' | 'absolute' | 'url' | 'unknown';

const CWD_RELATIVE = /^\.\.?(?:[\\/]|$)/;
const ABSOLUTE = /^(?:[\\/]|[A-Za-z]:[\\/])/;
// Two letters at least, so that a drive letter (`C:`) is not taken for a scheme.
const URL_SCHEME = /^[A-Za-z][A-Za-z\d+.-]+:/;

/**
 * The kind of path `node` names. With `shell`, `node` is a word of a shell command line (`yes`) or
 * may be (`maybe`): see {@link shellWordPath}.
 */
export function classifyScriptPath(
  sourceCode: Readonly<TSESLint.SourceCode>,
  references: ReferenceIndex,
  node: Node,
  shell: ShellMode = 'no',
): ScriptPath {
  const source = followConstant(sourceCode, node);
  const word = shell === 'no' ? 'as-written' : shellWordPath(sourceCode, source);
  if (word !== 'as-written') {
    // Through a shell that may not be there, the quotes may be the path's own characters.
    return word && shell === 'yes' ? classifyScriptPath(sourceCode, references, word) : { kind: 'unknown', source };
  }
  const kind = kindOf(sourceCode, references, source);
  const directory = directoryOf(sourceCode, references, source);
  return directory ? { kind, source, directory } : { kind, source };
}

/**
 * The path a word of a shell command line names once the shell has removed its quotes
 * (util/shell-words.ts): the one expression it quotes (`'"' + path.resolve(…) + '"'`), or
 * `as-written` when the shell reads it unchanged; undefined for any other quoting, not followed.
 */
function shellWordPath(sourceCode: Readonly<TSESLint.SourceCode>, source: Node): Node | 'as-written' | undefined {
  const parts = stringParts(sourceCode, source);
  if (!parts) return undefined;
  const written = parts.map((part) => (typeof part === 'string' ? part : UNKNOWN_PART)).join('');
  const words = shellWords(written);
  if (words.length === 1 && words[0] === written) return 'as-written';
  const expressions = parts.filter((part) => typeof part !== 'string');
  return words.length === 1 && words[0] === UNKNOWN_PART && expressions.length === 1 ? expressions[0] : undefined;
}

/** The written folder part of `dir + '/file'` or `path.join(dir, 'file')`. */
function directoryOf(sourceCode: Readonly<TSESLint.SourceCode>, references: ReferenceIndex, source: Node): Node | undefined {
  if (source.type === 'BinaryExpression' && source.operator === '+' && !leadingString(source)) return source.left;
  if (source.type !== 'CallExpression') return undefined;
  const callee = references.refOf(source.callee);
  const isResolve = isRef(callee, 'path', 'resolve');
  if (!isResolve && !isRef(callee, 'path', 'join')) return undefined;
  const texts = completeTexts(source.arguments.map((argument) => followConstant(sourceCode, argument)));
  const base = baseIndex(texts, isResolve);
  return typeof base === 'number' && base < source.arguments.length - 1 && texts[base] === undefined ? source.arguments[base] : undefined;
}

/** Values being classified: a constant defined through itself (`const p = path.resolve(p)`) must not loop. */
const inProgress = new Set<Node>();

function kindOf(sourceCode: Readonly<TSESLint.SourceCode>, references: ReferenceIndex, value: Node): ScriptPathKind {
  if (inProgress.has(value)) return 'unknown';
  inProgress.add(value);
  try {
    return valueKind(sourceCode, references, value);
  } finally {
    inProgress.delete(value);
  }
}

function valueKind(sourceCode: Readonly<TSESLint.SourceCode>, references: ReferenceIndex, value: Node): ScriptPathKind {
  const leading = leadingString(value);
  if (leading) return textKind(leading.text, leading.complete);
  if (value.type === 'BinaryExpression' && value.operator === '+') {
    // `__dirname + '/w.js'`, `path.dirname(process.argv[1]) + '/w.js'`
    return directoryKind(sourceCode, references, followConstant(sourceCode, value.left));
  }
  const ref = references.refOf(value);
  if (isLauncherFile(ref)) return 'launcher';
  const self = selfReference(sourceCode, references, value);
  if (self === 'process.argv[1]' || self === 'require.main.filename') return 'launcher';
  if (self) return 'module-relative';
  if (value.type === 'NewExpression' && isGlobalIdentifier(sourceCode, value.callee, 'URL')) {
    return urlKind(sourceCode, references, value);
  }
  if (value.type !== 'CallExpression') return 'unknown';
  const callee = references.refOf(value.callee);
  if (isRef(callee, 'path', 'join') || isRef(callee, 'path', 'resolve')) {
    return joinKind(sourceCode, references, value, isRef(callee, 'path', 'resolve'));
  }
  if (isRef(callee, 'url', 'fileURLToPath') && value.arguments[0]) {
    const inner = classifyScriptPath(sourceCode, references, value.arguments[0]).kind;
    return inner === 'module-relative' || inner === 'launcher' ? inner : 'unknown';
  }
  if (isResolveFunction(callee) || isImportMetaMember(value.callee, 'resolve')) return 'module-relative';
  return 'unknown';
}

/** The whole text of each part that is a string, undefined for the others. */
function completeTexts(parts: readonly Node[]): (string | undefined)[] {
  return parts.map((part) => {
    const text = leadingString(part);
    return text?.complete ? text.text : undefined;
  });
}

/**
 * Which part of `path.join()` (the first) or `path.resolve()` (the last one that is not a relative
 * string: resolution starts over at every absolute part) the rest is relative to.
 */
function baseIndex(texts: readonly (string | undefined)[], isResolve: boolean): number | 'absolute' {
  if (!isResolve) return 0;
  let index = texts.length - 1;
  while (index > 0 && texts[index] !== undefined && textKind(texts[index] ?? '', true) !== 'absolute') index -= 1;
  // Every later part is a relative string, so a string here is absolute.
  return texts[index] !== undefined && textKind(texts[index] ?? '', true) === 'absolute' ? 'absolute' : index;
}

/** `require.resolve`, `createRequire(import.meta.url).resolve`: resolved from the module. */
function isResolveFunction(ref: ModuleRef | undefined): boolean {
  return isRef(ref, REQUIRE_MODULE, 'resolve') || isRef(ref, 'module', 'createRequire', CALL_RESULT, 'resolve');
}

function isLauncherFile(ref: ModuleRef | undefined): boolean {
  return (
    isRef(ref, 'process', 'argv', '1') ||
    isRef(ref, REQUIRE_MODULE, 'main', 'filename') ||
    isRef(ref, 'process', 'mainModule', 'filename')
  );
}

function isLauncherDirectory(ref: ModuleRef | undefined): boolean {
  return isRef(ref, REQUIRE_MODULE, 'main', 'path') || isRef(ref, 'process', 'mainModule', 'path');
}

/** The text a string, template or `+` concatenation starts with; `complete` when it is all of it. */
export function leadingString(node: Node): { text: string; complete: boolean } | undefined {
  const value = skipTransparent(node);
  const whole = stringValue(value);
  if (whole !== undefined) return { text: whole, complete: true };
  if (value.type === 'TemplateLiteral') {
    const first = value.quasis[0]?.value.cooked;
    return first ? { text: first, complete: false } : undefined;
  }
  if (value.type === 'BinaryExpression' && value.operator === '+') {
    const left = leadingString(value.left);
    return left && { text: left.text, complete: false };
  }
  return undefined;
}

function textKind(text: string, complete: boolean): TextKind {
  if (CWD_RELATIVE.test(text)) {
    // `.` followed by an expression may still become `./x` or `.hidden`.
    return complete || /[\\/]/.test(text) ? 'cwd-relative' : 'unknown';
  }
  if (ABSOLUTE.test(text) || text.startsWith('\\\\')) return 'absolute';
  if (URL_SCHEME.test(text)) return 'url';
  if (text === '' || text.startsWith('.')) return 'unknown';
  return 'bare';
}

/**
 * What a directory expression is relative to: `__dirname`, `import.meta.dirname` and
 * `path.dirname()` of this module's file are the module's folder; `require.main.path` and
 * `path.dirname(process.argv[1])` the launcher's.
 */
function directoryKind(sourceCode: Readonly<TSESLint.SourceCode>, references: ReferenceIndex, value: Node): ScriptPathKind {
  const ref = references.refOf(value);
  if (isRef(ref, GLOBALS_MODULE, '__dirname') || isImportMetaMember(value, 'dirname')) return 'module-relative';
  if (isLauncherDirectory(ref)) return 'launcher';
  if (value.type === 'CallExpression' && value.arguments[0] && isRef(references.refOf(value.callee), 'path', 'dirname')) {
    const file = classifyScriptPath(sourceCode, references, value.arguments[0]).kind;
    return file === 'module-relative' || file === 'launcher' ? file : 'unknown';
  }
  if (value.type === 'CallExpression' && value.arguments[0] && isRef(references.refOf(value.callee), 'url', 'fileURLToPath')) {
    // `fileURLToPath(new URL('.', import.meta.url))`
    const url = followConstant(sourceCode, value.arguments[0]);
    return url.type === 'NewExpression' ? urlKind(sourceCode, references, url) : 'unknown';
  }
  return 'unknown';
}

/** `new URL(x, import.meta.url)` is the module's; `new URL('data:…')` a URL; `new URL(x, base)` as its base. */
function urlKind(sourceCode: Readonly<TSESLint.SourceCode>, references: ReferenceIndex, value: TSESTree.NewExpression): ScriptPathKind {
  const [first, base] = value.arguments;
  if (!first) return 'unknown';
  if (!base) {
    const text = leadingString(followConstant(sourceCode, first))?.text;
    return text !== undefined && URL_SCHEME.test(text) ? 'url' : 'unknown';
  }
  const baseValue = followConstant(sourceCode, base);
  if (isImportMetaMember(baseValue, 'url')) return 'module-relative';
  // `new URL('./w.js', pathToFileURL(__filename))`
  if (baseValue.type === 'CallExpression' && baseValue.arguments[0] && isRef(references.refOf(baseValue.callee), 'url', 'pathToFileURL')) {
    const file = classifyScriptPath(sourceCode, references, baseValue.arguments[0]).kind;
    return file === 'module-relative' || file === 'launcher' ? file : 'unknown';
  }
  return 'unknown';
}

/**
 * `path.join(…)` / `path.resolve(…)`. Made of strings only, it is judged by the joined text
 * (`resolve` of relative strings is absolute from `process.cwd()`, hence cwd-relative). Otherwise
 * it is relative to its base: the first part for `join`, the last part that is not a relative
 * string for `resolve` (which starts over at every absolute part).
 */
function joinKind(
  sourceCode: Readonly<TSESLint.SourceCode>,
  references: ReferenceIndex,
  call: TSESTree.CallExpression,
  isResolve: boolean,
): ScriptPathKind {
  const parts = call.arguments.map((argument) => followConstant(sourceCode, argument));
  const texts = completeTexts(parts);
  if (parts.length === 0) return 'unknown';
  if (texts.every((text) => text !== undefined)) {
    if (!isResolve) return textKind(path.posix.join(...texts), true);
    return texts.some((text) => textKind(text, true) === 'absolute') ? 'absolute' : 'cwd-relative';
  }
  const anchor = baseIndex(texts, isResolve);
  if (anchor === 'absolute') return 'absolute';
  const base = parts[anchor];
  if (!base) return 'unknown';
  let kind: ScriptPathKind;
  if (parts.length === 1 || anchor === parts.length - 1) {
    // The base is the whole path: `path.resolve(process.argv[1])`.
    const file = kindOf(sourceCode, references, base);
    kind = file === 'module-relative' || file === 'launcher' ? file : 'unknown';
  } else kind = directoryKind(sourceCode, references, base);
  if (kind !== 'unknown' || !isResolve) return kind;
  // `path.resolve(require.resolve('x/package.json'), '..', bin)`: whether the unknown base is
  // absolute or not, the result is built on an absolute path, never on the working directory.
  return parts.slice(0, anchor).some((part) => isAbsolutePath(sourceCode, references, part)) ? 'absolute' : 'unknown';
}

/** An absolute path string, or a value built on the module's own location (`__dirname`, `require.resolve()`). */
function isAbsolutePath(sourceCode: Readonly<TSESLint.SourceCode>, references: ReferenceIndex, part: Node): boolean {
  const kind = kindOf(sourceCode, references, part);
  return kind === 'absolute' || kind === 'module-relative' || directoryKind(sourceCode, references, part) === 'module-relative';
}

/** What `node <script>` tries after the name as written (Node's main-module resolution). */
const MAIN_EXTENSIONS = ['', '.js', '.json', '.node', '/index.js'];

const changesCache = new WeakMap<FileAnalysis, boolean>();

/**
 * Whether the file changes the process's working directory (`process.chdir()` anywhere in it):
 * then the folder a working-directory-relative path resolves from at a start is not the launcher's,
 * and not known.
 */
export function changesWorkingDirectory(analysis: FileAnalysis): boolean {
  let changes = changesCache.get(analysis);
  if (changes === undefined) {
    changes = analysis.references.invocations.some((invocation) => isRef(invocation.callee, 'process', 'chdir'));
    changesCache.set(analysis, changes);
  }
  return changes;
}

/**
 * A working-directory-relative script path that names a file of a folder the file runs in: a
 * package script's file runs in the folder of the package.json whose script runs it, and gulp and
 * Grunt in their file's folder, for it and the modules only it loads (`fileModel.taskRunnerFolder`);
 * so does a script such a file starts from that folder (project/script-chains.ts). A development
 * file (a test, a maintainer's or CI's script: nothing installs it, so no user starts it from a
 * folder of their own) runs where the project's developers and CI run their commands: its package's
 * folder (`npm test`, `npm run`), its workspace's root, or its repository's. From any of them the
 * path holds when it names a file there, or one of the package's own entry points, built or not. A
 * path into a `node_modules` folder that is not installed there is unknown, as its contents are. A
 * path that names nothing there, or whose text is not fully known, is not vouched for.
 */
export function namesFileFromWorkingFolder(analysis: FileAnalysis, scriptPath: ScriptPath): boolean {
  if (scriptPath.kind !== 'cwd-relative' && scriptPath.kind !== 'bare') return false;
  const { scriptFolder, isTestFile, development } = analysis.fileModel;
  const taskRunnerFolder = isTestFile || scriptFolder !== undefined ? undefined : analysis.fileModel.taskRunnerFolder;
  const known = scriptFolder ?? (isTestFile ? undefined : (taskRunnerFolder ?? analysis.chainedScriptFolder));
  const folders = known !== undefined ? [known] : development !== undefined ? developmentFolders(analysis.fileModel.packageFolder) : [];
  const text = folders.length === 0 ? undefined : relativeText(analysis.sourceCode, analysis.references, scriptPath.source);
  if (text === undefined) return false;
  // A task runner changes to its file's folder whoever starts it: the path holds from there even
  // before what it names exists (a dependency not installed yet, a build output).
  if (known !== undefined && known === taskRunnerFolder) return true;
  return folders.some((folder) => {
    const base = path.resolve(folder, text);
    return MAIN_EXTENSIONS.some((extension) => isFile(base + extension)) || namesEntryPoint(folder, base) || intoUninstalled(folder, text);
  });
}

/** The folders a development file's commands run in: its package's, its workspace root's and its repository root's. */
function developmentFolders(packageFolder: string | undefined): string[] {
  if (packageFolder === undefined) return [];
  const manifest = manifestOf(packageFolder);
  const workspace = manifest && workspaceRootOf(manifest);
  const folders = new Set([packageFolder]);
  if (workspace) folders.add(workspace.folder);
  const repository = repositoryRoot(packageFolder);
  if (repository !== undefined) folders.add(repository);
  return [...folders];
}

/**
 * Whether a path from `folder` goes into a `node_modules` folder that is not there: what an install
 * puts there is not known yet (`./node_modules/.bin/nx` in a clone before `npm install`).
 */
function intoUninstalled(folder: string, text: string): boolean {
  const segments = text.split(/[\\/]/);
  const at = segments.indexOf('node_modules');
  return at >= 0 && stat(path.resolve(folder, ...segments.slice(0, at + 1))) === undefined;
}

/**
 * Whether `file` is an entry point (its `main`, a `bin`, an `exports` target) of the package that
 * holds it, or a path that package's own scripts start from its folder (`"start": "node build"`), when
 * that package is `folder`'s or one below it (a workspace's `apps/server/dist/cli.js` from the root):
 * it holds there once the package is built, which the scripts do before the tests run it, so a build
 * output not on disk yet is not a wrong path.
 */
function namesEntryPoint(folder: string, file: string): boolean {
  const manifest = nearestManifest(file);
  const below = manifest && path.relative(folder, manifest.folder);
  if (!manifest?.known || below === undefined || below === '..' || below.startsWith(`..${path.sep}`) || path.isAbsolute(below)) return false;
  const entries = publishedFiles(manifest);
  return MAIN_EXTENSIONS.some((extension) => entries.has(file + extension) || manifest.binFiles.has(file + extension) || manifest.startedFiles.has(file + extension));
}

/**
 * For a file a package script runs (`fileModel.scriptFolder`) that does not change its working
 * directory, the scripts it starts from that folder with the working directory unchanged, as
 * absolute paths: a child process's script path written in full from the working directory, and the
 * script of each `node <script>` command of a shell command line up to a `cd`. Undefined for any
 * other file.
 */
export function scriptsStartedFromWorkingFolder(analysis: FileAnalysis): WorkingFolderStarts | undefined {
  const folder = analysis.fileModel.scriptFolder;
  if (folder === undefined || !analysis.namesHazard || analysis.references.isEmpty || changesWorkingDirectory(analysis)) return undefined;
  const { sourceCode, references } = analysis;
  const written: string[] = [];
  for (const script of [...scriptArguments(analysis), ...wrappedScriptArguments(analysis)]) {
    if (script.setsCwd || script.workerThread || script.webWorker) continue;
    const { kind, source } = classifyScriptPath(sourceCode, references, script.node, script.shell);
    const text = kind === 'cwd-relative' || kind === 'bare' ? relativeText(sourceCode, references, source) : undefined;
    if (text !== undefined) written.push(text);
  }
  for (const site of analysis.starters) {
    if (site.spec.target?.role !== 'shell-command' || !site.target || site.node.type === 'TaggedTemplateExpression' || startSetsCwd(analysis, site)) continue;
    const line = leadingString(followConstant(sourceCode, site.target));
    if (line?.complete) written.push(...nodeScriptsOf(line.text));
  }
  return { folder, scripts: written.map((text) => path.resolve(folder, text)) };
}

/** The scripts of the `node <script>` commands of a shell command line that are relative paths, up to a `cd`. */
function nodeScriptsOf(commandLine: string): string[] {
  const scripts: string[] = [];
  for (const [program = '', script] of commandsOf(commandLine)) {
    if (program === 'cd' || program === 'pushd') break;
    const kind = script === undefined ? undefined : textKind(script, true);
    if (NODE_COMMANDS.has(program) && script !== undefined && (kind === 'cwd-relative' || kind === 'bare') && !script.startsWith('-')) scripts.push(script);
  }
  return scripts;
}

/** The whole text of a relative path: a string, or `path.join()`/`path.resolve()` of strings only. */
function relativeText(sourceCode: Readonly<TSESLint.SourceCode>, references: ReferenceIndex, source: Node): string | undefined {
  const whole = leadingString(source);
  if (whole) return whole.complete ? whole.text : undefined;
  if (source.type !== 'CallExpression') return undefined;
  const callee = references.refOf(source.callee);
  if (!isRef(callee, 'path', 'join') && !isRef(callee, 'path', 'resolve')) return undefined;
  const texts = completeTexts(source.arguments.map((argument) => followConstant(sourceCode, argument)));
  if (texts.length === 0 || texts.some((text) => text === undefined || textKind(text, true) === 'absolute')) return undefined;
  return path.posix.join(...(texts as string[]));
}

/** Where a start names the script it runs. */
export interface ScriptArgument {
  /** The expression naming the script, as written at the call. */
  readonly node: Node;
  /** Display name of the call, for messages. */
  readonly name: string;
  /** `new Worker()` of worker_threads: it throws for a path that is neither absolute nor `./`-relative. */
  readonly workerThread: boolean;
  /** A Web Worker: a relative URL string is resolved against the page's URL, not the module's. */
  readonly webWorker: boolean;
  /** The call takes a `URL` object as well as a path string (`new Worker()`, `fork()`). */
  readonly acceptsUrl: boolean;
  /** An option sets the child process's working directory, so a relative path is resolved there. */
  readonly setsCwd: boolean;
  /** Whether the path is a word of a shell command line (`shell: true`), which unquotes it. */
  readonly shell?: ShellMode;
  /**
   * For a path passed to a function that starts it: the callee as named at the call, and the
   * start's line, in this file (`file` undefined) or in an imported module.
   */
  readonly through?: { readonly name: string; readonly point: { readonly file: string | undefined; readonly line: number } };
}

const NODE_COMMANDS = new Set(['node', 'node.exe']);

/**
 * The script arguments of a file's starts: the target of `fork`, `new Worker`, pools and other
 * script starters (not `new Worker(code, { eval: true })`), the first script argument of a
 * `spawn`/`execFile`-style call of `process.execPath` or `node`, and the `exec` of
 * `cluster.setupPrimary()` / `setupMaster()`.
 */
export function scriptArguments(analysis: FileAnalysis): ScriptArgument[] {
  const { sourceCode, references } = analysis;
  const result: ScriptArgument[] = [];
  for (const site of analysis.starters) {
    if (!site.target || site.node.type === 'TaggedTemplateExpression') continue;
    const args = site.node.arguments;
    const setsCwd = startSetsCwd(analysis, site);
    const role = site.spec.target?.role;
    if (role === 'script') {
      const script = site.spec.mechanism === 'fork' && isNodeOption(analysis, site.target) ? undefined : scriptStart(analysis, site);
      if (script) result.push({ node: site.target, name: site.name, ...script, setsCwd });
    } else if (role === 'command' && site.spec.target?.argument !== undefined && isNodeBinary(analysis, site.target)) {
      const list = args[site.spec.target.argument + 1];
      const script = list && scriptOfNodeArguments(analysis, list);
      if (script) result.push({ node: script, name: site.name, workerThread: false, webWorker: false, acceptsUrl: false, setsCwd, shell: shellAtSite(analysis, site) });
    }
  }
  for (const invocation of references.invocations) {
    const method = invocation.callee.path[0];
    if (invocation.callee.module !== 'cluster' || invocation.callee.path.length !== 1) continue;
    if ((method !== 'setupPrimary' && method !== 'setupMaster') || invocation.node.type !== 'CallExpression') continue;
    const options = invocation.node.arguments[0] && followConstant(sourceCode, invocation.node.arguments[0]);
    const exec = options?.type === 'ObjectExpression' ? propertyValue(options, 'exec') : undefined;
    if (!exec) continue;
    const setsCwd = optionsSet(sourceCode, invocation.node.arguments, 0, 'cwd');
    result.push({ node: exec, name: `cluster.${method}()`, workerThread: false, webWorker: false, acceptsUrl: false, setsCwd });
  }
  return result;
}

/** What a start of a script (`fork`, `new Worker`, a pool) makes of its path; none for `new Worker(code, { eval: true })`. */
function scriptStart(analysis: FileAnalysis, site: StarterSite): Pick<ScriptArgument, 'workerThread' | 'webWorker' | 'acceptsUrl'> | undefined {
  if (site.node.type === 'TaggedTemplateExpression' || site.spec.target?.role !== 'script') return undefined;
  const workerThread = site.spec.module === 'worker_threads';
  const webWorker = site.spec.module === WEB_WORKER_MODULE;
  if (workerThread && optionsSet(analysis.sourceCode, site.node.arguments, 1, 'eval', true)) return undefined;
  return { workerThread, webWorker, acceptsUrl: workerThread || webWorker || isRef(site.callee, 'child_process', 'fork') };
}

/** Whether a child process's start sets its working directory, or may through options the file does not show. */
function startSetsCwd(analysis: FileAnalysis, site: StarterSite): boolean {
  if (site.node.type === 'TaggedTemplateExpression' || !childProcess(site)) return false;
  const from = site.spec.optionsFrom ?? 1;
  return optionsSetCwd(analysis.sourceCode, site.node.arguments, from, site.spec) || optionsUnseen(analysis, site.node.arguments, from);
}

/** A child process's start, whose working directory is an option: not a thread's. */
function childProcess(site: StarterSite): boolean {
  return site.spec.mechanism === 'fork' || site.spec.mechanism === 'process';
}

/**
 * The script paths calls of functions pass on to a script start: `start('./w.js')` with a local
 * `function start(file, options) { return fork(file, options) }`, or an imported one whose module
 * says so. The working directory is the start's own option, or the options the call passes where
 * the function takes the start's options.
 */
export function wrappedScriptArguments(analysis: FileAnalysis): ScriptArgument[] {
  const result: ScriptArgument[] = [];
  for (const { call, summary, name } of analysis.summaries.wrapperCalls) {
    for (const [index, roles] of summary.parameterRoles) {
      const argument = argumentAt(call, index);
      if (!argument || argument.type === 'SpreadElement') continue;
      for (const role of roles) {
        const script = role.use === 'script' && role.path.length === 0 ? scriptStart(analysis, role.site) : undefined;
        if (!script) continue;
        const callerOptions = [...summary.parameterRoles]
          .filter(([, others]) => others.some((other) => other.use === 'options' && other.site === role.site))
          .map(([position]) => argumentAt(call, position));
        const setsCwd = ownOptionsSetCwd(analysis, role.site, role.fixedOptions) || passedOptionsSetCwd(analysis, role.site.spec, callerOptions);
        const through = { name, point: { file: undefined, line: role.site.node.loc.start.line } };
        result.push({ node: argument, name: role.site.name, ...script, setsCwd, through });
      }
    }
  }
  // Only a call passing a path that depends on the working directory is worth a module's summary.
  const fragile = (argument: Node) => FRAGILE_KINDS.has(classifyScriptPath(analysis.sourceCode, analysis.references, argument).kind);
  const passesFragilePath = (call: TSESTree.CallExpression) => call.arguments.some((argument) => argument.type !== 'SpreadElement' && fragile(argument));
  for (const { call, name, roles } of analysis.imports.wrapperCalls(passesFragilePath)) {
    for (const role of roles) {
      const argument = argumentAt(call, role.index);
      if (!argument || argument.type === 'SpreadElement' || role.use !== 'script' || role.path.length > 0 || role.setsCwd === undefined) continue;
      const workerThread = role.spec.module === 'worker_threads';
      const webWorker = role.spec.module === WEB_WORKER_MODULE;
      const acceptsUrl = workerThread || webWorker || (role.spec.module === 'child_process' && role.spec.path.join('.') === 'fork');
      const callerOptions = role.optionParameters.map((position) => argumentAt(call, position));
      const setsCwd = role.setsCwd || passedOptionsSetCwd(analysis, role.spec, callerOptions);
      result.push({ node: argument, name: role.spec.name, workerThread, webWorker, acceptsUrl, setsCwd, through: { name, point: role.point } });
    }
  }
  return result;
}

const FRAGILE_KINDS: ReadonlySet<ScriptPathKind> = new Set(['cwd-relative', 'bare', 'launcher']);

/**
 * Whether a script start's own code sets its working directory, or may (options it does not show,
 * not counting those it takes from its function's parameters, and `fixed` ones a wrapper passes);
 * undefined when the start does not take a script path (`new Worker(code, { eval: true })`).
 */
export function ownOptionsSetCwd(analysis: FileAnalysis, site: StarterSite, fixed: readonly Node[] = []): boolean | undefined {
  if (!scriptStart(analysis, site) || site.node.type === 'TaggedTemplateExpression') return undefined;
  if (!childProcess(site)) return false;
  const args = site.node.arguments;
  const from = site.spec.optionsFrom ?? 1;
  const last = optionsCandidates(args, from).at(-1);
  const fromParameter = last !== undefined && parameterOf(analysis.sourceCode, last) !== undefined;
  return (
    optionsSetCwd(analysis.sourceCode, args, from, site.spec) ||
    (!fromParameter && optionsUnseen(analysis, args, from)) ||
    passedOptionsSetCwd(analysis, site.spec, fixed)
  );
}

/** Whether options a call passes to a child process's start set its working directory, or may. */
function passedOptionsSetCwd(analysis: FileAnalysis, spec: StarterSite['spec'], options: readonly (Node | undefined)[]): boolean {
  if (spec.mechanism !== 'fork' && spec.mechanism !== 'process') return false;
  const passed = options.filter((option): option is TSESTree.CallExpressionArgument => option !== undefined && option.type !== 'SpreadElement');
  return optionsSetCwd(analysis.sourceCode, passed, 0, spec) || passed.some((option) => optionsUnseen(analysis, [option], 0));
}

/** `process.execPath`, `process.argv[0]`, `process.argv0` or the command name `node`. */
function isNodeBinary(analysis: FileAnalysis, command: Node): boolean {
  const value = followConstant(analysis.sourceCode, command);
  const ref = analysis.references.refOf(value);
  if (isRef(ref, 'process', 'execPath') || isRef(ref, 'process', 'argv', '0') || isRef(ref, 'process', 'argv0')) return true;
  const name = stringValue(value);
  return name !== undefined && NODE_COMMANDS.has(name);
}

/**
 * The script in the argument list of a `node` command: the first element after spreads of
 * `process.execArgv`; none when Node.js options come first (`-e code`, `-r x script`).
 */
function scriptOfNodeArguments(analysis: FileAnalysis, list: Node): Node | undefined {
  const array = followConstant(analysis.sourceCode, list);
  if (array.type !== 'ArrayExpression') return undefined;
  let subcommand = false;
  for (const element of array.elements) {
    if (!element) return undefined;
    if (element.type === 'SpreadElement') {
      if (!subcommand && isRef(analysis.references.refOf(element.argument), 'process', 'execArgv')) continue;
      return undefined;
    }
    const leading = leadingString(followConstant(analysis.sourceCode, element));
    if (leading?.text.startsWith('-')) return undefined;
    // `node inspect script.js`: the debugger's subcommand takes the script after it.
    if (!subcommand && leading?.complete && NODE_SUBCOMMANDS.has(leading.text)) {
      subcommand = true;
      continue;
    }
    return element;
  }
  return undefined;
}

/** Node's subcommands that run the script after them: its debugger (`debug` in Node before 15). */
const NODE_SUBCOMMANDS = new Set(['inspect', 'debug']);

/** Whether a script argument is a Node option (`fork('-e', [code])` evaluates the code): no path. */
function isNodeOption(analysis: FileAnalysis, target: Node): boolean {
  return leadingString(followConstant(analysis.sourceCode, target))?.text.startsWith('-') === true;
}

/**
 * Whether an options object among `args` (from index `from`, followed through constants) sets
 * `name`, or may through a spread. With `truthy`, a literal `false`/`0`/`null` value does not count.
 */
/**
 * The last argument is an options object the rule cannot see into: a parameter, a variable, a
 * member or a call's result that no tracked module gives (`spawnSync(node, [bin, ...args], options)`
 * where every caller passes `cwd`). Whether it sets `cwd` is unknown, so it is not reported.
 * Values from tracked modules (`process.argv.slice(2)` as fork's argument list) are known not to.
 */
function optionsUnseen(analysis: FileAnalysis, args: readonly TSESTree.CallExpressionArgument[], from: number): boolean {
  const last = optionsCandidates(args, from).at(-1);
  if (!last || last.type === 'SpreadElement') return false;
  const value = followConstant(analysis.sourceCode, last);
  const opaque = value.type === 'Identifier' || value.type === 'MemberExpression' || value.type === 'CallExpression';
  return opaque && !analysis.references.refOf(value) && !(value.type === 'Identifier' && value.name === 'undefined');
}

/**
 * Whether a start's options set the working directory, or may: `cwd`, or for a library that nests
 * child_process's options (tinyexec's `nodeOptions`), `cwd` there, or options there it does not show.
 */
function optionsSetCwd(sourceCode: Readonly<TSESLint.SourceCode>, args: readonly TSESTree.CallExpressionArgument[], from: number, spec: Pick<StarterSpec, 'processOptions'>): boolean {
  const nested = spec.processOptions;
  if (nested === undefined) return optionsSet(sourceCode, args, from, 'cwd');
  return args.slice(from).some((argument) => {
    const object = followConstant(sourceCode, argument);
    if (object.type !== 'ObjectExpression') return false;
    const value = propertyValue(object, nested);
    if (!value) return hasSpread(object);
    const options = followConstant(sourceCode, value);
    return options.type !== 'ObjectExpression' || optionsSet(sourceCode, [options], 0, 'cwd');
  });
}

function optionsSet(
  sourceCode: Readonly<TSESLint.SourceCode>,
  args: readonly TSESTree.CallExpressionArgument[],
  from: number,
  name: string,
  truthy = false,
): boolean {
  return args.slice(from).some((argument) => {
    const object = followConstant(sourceCode, argument);
    if (object.type !== 'ObjectExpression') return false;
    const value = propertyValue(object, name);
    if (!value) return hasSpread(object);
    return !truthy || !(value.type === 'Literal' && !value.value);
  });
}

/**
 * Whether a test around `node`, in its function, reads `process.argv[1]`
 * (`if (path.basename(process.argv[1]) === 'cli.mjs')`, `/cli\.js$/.test(process.argv[1]) ? … : …`,
 * `isCli(process.argv[1]) && …`): the code has checked which script launched it.
 */
export function underLauncherTest(analysis: FileAnalysis, node: Node): boolean {
  for (let child: Node = node, parent = node.parent; parent && !isFunction(child); child = parent, parent = parent.parent) {
    const test =
      (parent.type === 'IfStatement' || parent.type === 'ConditionalExpression') && child !== parent.test
        ? parent.test
        : parent.type === 'LogicalExpression' && child === parent.right
          ? parent.left
          : undefined;
    if (test && readsLauncher(analysis, test)) return true;
  }
  return false;
}

function readsLauncher(analysis: FileAnalysis, test: Node): boolean {
  let found = false;
  walk(test, analysis.sourceCode.visitorKeys, (inner) => {
    if (found || isFunction(inner)) return false;
    found = isRef(analysis.references.refOf(inner), 'process', 'argv', '1');
    return !found;
  });
  return found;
}
