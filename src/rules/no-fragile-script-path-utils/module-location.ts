/**
 * Suggestions that name a script from the module's own location: `new URL('./w.js', import.meta.url)`
 * (or `fileURLToPath()` of it where only a path string is accepted) in an ES module,
 * `path.join(__dirname, 'w.js')` in CommonJS, and this module's own file for a launcher path.
 */
import * as path from 'node:path';

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { moduleMember } from '../../fixes/module-member.js';
import { isTypeScriptFile } from '../../util/source-text.js';
import { constantInitializer, type FileAnalysis, leadingString, lookupName, type ModuleSystem, resolveVariable, type ScriptArgument, type ScriptPath, skipTransparent } from '../../analysis/index.js';

type Node = TSESTree.Node;

export interface LocationFix {
  /** The expression the suggestion writes, for its message. */
  readonly replacement: string;
  readonly apply: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];
}

export interface FileFacts {
  readonly analysis: FileAnalysis;
  readonly filename: string;
  readonly system: ModuleSystem;
}

/** Where a suggestion may rewrite the value: the argument itself, or a single-use constant's initializer. */
interface EditTarget {
  readonly node: Node;
  /** The rewritten value must stay a string: it initializes a constant with a type annotation. */
  readonly needsString: boolean;
}

/**
 * The argument when the value is written there; the initializer of a constant read only at the
 * call (`const script = './w.js'; new Worker(script)`), not exported and not wrapped in `as const`
 * and the like. A constant read elsewhere too is left alone: other readers may want the relative text.
 */
function editTarget(sourceCode: Readonly<TSESLint.SourceCode>, argument: Node, source: Node): EditTarget | undefined {
  const written = skipTransparent(argument);
  if (written === source) return { node: argument, needsString: false };
  if (written.type !== 'Identifier' || constantInitializer(sourceCode, written) !== source) return undefined;
  const variable = resolveVariable(sourceCode, written);
  const declarator = source.parent;
  if (!variable || declarator?.type !== 'VariableDeclarator' || declarator.id.type !== 'Identifier') return undefined;
  // `export { name }` is a read too; `export const name = …` is not, so it is checked apart.
  const reads = variable.references.filter((reference) => reference.isRead());
  if (reads.length !== 1 || declarator.parent.parent?.type === 'ExportNamedDeclaration') return undefined;
  return { node: source, needsString: declarator.id.typeAnnotation !== undefined };
}

/** `__dirname`/`__filename` at `at` are CommonJS's own, not a local of the same name. */
function isCommonJsGlobal(sourceCode: Readonly<TSESLint.SourceCode>, at: Node, name: string): boolean {
  const variable = lookupName(sourceCode, at, name);
  return !variable || variable.defs.length === 0;
}

/** The fix for a relative path: resolve it from the module's folder. */
export function resolveFromModuleFix(facts: FileFacts, script: ScriptArgument, scriptPath: ScriptPath): LocationFix | undefined {
  const { sourceCode } = facts.analysis;
  const { source } = scriptPath;
  if (source.type === 'CallExpression') return prependModuleDirectory(facts, source);
  const target = editTarget(sourceCode, script.node, source);
  if (!target) return undefined;
  const relative = relativeText(facts, source);
  if (relative === undefined) return undefined;
  if (facts.system === 'esm') {
    const url = `new URL(${relative}, import.meta.url)`;
    if (script.acceptsUrl && !target.needsString) return replaceWith(target.node, url, () => []);
    const fileURLToPath = moduleMember(facts.analysis, 'url', 'fileURLToPath', target.node, { add: 'import' });
    return fileURLToPath && replaceWith(target.node, `${fileURLToPath.text}(${url})`, fileURLToPath.fixes);
  }
  if (!isCommonJsGlobal(sourceCode, target.node, '__dirname')) return undefined;
  const join = moduleMember(facts.analysis, 'path', 'join', target.node, {
    add: 'require',
    typescript: isTypeScriptFile(facts.filename),
  });
  return join && replaceWith(target.node, `${join.text}(__dirname, ${relative})`, join.fixes);
}

/** The fix for a launcher path: name this module's own file instead. */
export function ownFileFix(facts: FileFacts, script: ScriptArgument, scriptPath: ScriptPath): LocationFix | undefined {
  const { sourceCode } = facts.analysis;
  const target = editTarget(sourceCode, script.node, scriptPath.source);
  if (!target) return undefined;
  if (facts.system === 'cjs') {
    return isCommonJsGlobal(sourceCode, target.node, '__filename') ? replaceWith(target.node, '__filename', () => []) : undefined;
  }
  if (script.acceptsUrl && !target.needsString) return replaceWith(target.node, 'new URL(import.meta.url)', () => []);
  const fileURLToPath = moduleMember(facts.analysis, 'url', 'fileURLToPath', target.node, { add: 'import' });
  return fileURLToPath && replaceWith(target.node, `${fileURLToPath.text}(import.meta.url)`, fileURLToPath.fixes);
}

/**
 * The fix for a path built on the launcher's folder (`path.join(path.dirname(process.argv[1]), 'w.js')`):
 * build it on the module's folder instead. The value stays a string, so a constant holding it may
 * have any number of readers.
 */
export function moduleDirectoryFix(facts: FileFacts, scriptPath: ScriptPath): LocationFix | undefined {
  const { directory, source } = scriptPath;
  if (!directory) return undefined;
  const { sourceCode } = facts.analysis;
  if (facts.system === 'cjs' && !isCommonJsGlobal(sourceCode, directory, '__dirname')) return undefined;
  const replacement = facts.system === 'esm' ? 'import.meta.dirname' : '__dirname';
  const text = sourceCode.getText(source);
  const [start, end] = [directory.range[0] - source.range[0], directory.range[1] - source.range[0]];
  return {
    replacement: `${text.slice(0, start)}${replacement}${text.slice(end)}`,
    apply: (fixer) => [fixer.replaceText(directory, replacement)],
  };
}

function replaceWith(node: Node, replacement: string, fixes: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[]): LocationFix {
  return { replacement, apply: (fixer) => [...fixes(fixer), fixer.replaceText(node, replacement)] };
}

/**
 * `path.resolve('w.js')` / `path.join('./w.js')`: the module's folder goes first, with the way up to
 * the working directory the path assumed (`path.resolve(__dirname, '..', 'dist/w.js')` in `src/`).
 * The call keeps returning a string, so every reader of a constant holding it gets the fixed path.
 */
function prependModuleDirectory(facts: FileFacts, call: TSESTree.CallExpression): LocationFix | undefined {
  const { sourceCode } = facts.analysis;
  const [first] = call.arguments;
  if (!first) return undefined;
  if (facts.system === 'cjs' && !isCommonJsGlobal(sourceCode, call, '__dirname')) return undefined;
  const up = wayUp(facts, leadingString(first)?.text ?? '');
  if (up === undefined) return undefined;
  const directory = facts.system === 'esm' ? 'import.meta.dirname' : '__dirname';
  const quote = first.type === 'Literal' && sourceCode.getText(first).startsWith('"') ? '"' : "'";
  const inserted = up === '' ? `${directory}, ` : `${directory}, ${quote}${up}${quote}, `;
  const text = sourceCode.getText(call);
  const offset = first.range[0] - call.range[0];
  return {
    replacement: `${text.slice(0, offset)}${inserted}${text.slice(offset)}`,
    apply: (fixer) => [fixer.insertTextBefore(first, inserted)],
  };
}

/**
 * The working directory a relative path assumed, when the code or the project tells it: the folder
 * above the module's folders that the path repeats (`'./src/worker.js'` written in `src/index.js`),
 * else the package folder, where package managers run scripts. Undefined when neither tells.
 */
function assumedBase(facts: FileFacts, leading: string): string | undefined {
  const moduleFolder = path.dirname(facts.filename);
  const folders = /^(?:[^/\\]+\/)*/.exec(leading.replace(/^\.\//, ''))?.[0] ?? '';
  const repeated = repeatedFolders(folders.split('/').slice(0, -1), facts.filename);
  if (repeated.length > 0) return path.join(moduleFolder, ...repeated.map(() => '..'));
  const { packageFolder } = facts.analysis.fileModel;
  return packageFolder !== undefined && path.isAbsolute(facts.filename) ? packageFolder : undefined;
}

/** The way from the module's folder up to the assumed working directory (`..`, `../..`, or empty). */
function wayUp(facts: FileFacts, leading: string): string | undefined {
  const base = assumedBase(facts, leading);
  if (base === undefined) return undefined;
  const up = path.relative(path.dirname(facts.filename), base).split(path.sep).join('/');
  // A module outside the folder it assumed: no path from it is sure to reach the same file.
  return up === '' || /^\.\.(?:\/\.\.)*$/.test(up) ? up : undefined;
}

/**
 * The path text to resolve from the module: the written expression, with its leading string
 * rewritten from the assumed working directory to the module's folder (`'./dist/w.js'` in `src/`
 * becomes `'../dist/w.js'`, `'./src/worker.js'` becomes `'./worker.js'`), with `./` for a URL and
 * without it for `path.join`. Undefined when the working directory is not known, or the text
 * cannot be rewritten (escapes, Windows separators, a path that does not start with a string).
 */
function relativeText(facts: FileFacts, source: Node): string | undefined {
  const { sourceCode } = facts.analysis;
  const text = sourceCode.getText(source);
  const leading = leadingString(source)?.text;
  const open = openingOffset(source);
  if (leading === undefined || open === undefined || leading.includes('\\') || path.isAbsolute(leading)) return undefined;
  const up = wayUp(facts, leading);
  if (up === undefined) return undefined;
  const start = open - source.range[0];
  // Escapes in the written text would make its characters differ from the value's.
  if (text.slice(start, start + leading.length) !== leading) return undefined;
  const moduleFolder = path.posix.dirname(facts.filename.split(path.sep).join('/'));
  const target = path.posix.relative(moduleFolder, path.posix.join(moduleFolder, up, leading));
  const rewritten = `${target}${leading.endsWith('/') && target !== '' ? '/' : ''}`;
  const prefix = (facts.system === 'esm' && !rewritten.startsWith('../')) || rewritten === '' ? './' : '';
  return `${text.slice(0, start)}${prefix}${rewritten}${text.slice(start + leading.length)}`;
}

/** The leading folders of a path that are the last folders of the module's own directory. */
function repeatedFolders(folders: readonly string[], filename: string): readonly string[] {
  const own = path.dirname(filename).split(/[\\/]/).filter((folder) => folder !== '' && folder !== '.');
  for (let count = Math.min(folders.length, own.length); count > 0; count -= 1) {
    const tail = own.slice(own.length - count);
    if (tail.every((folder, index) => folder === folders[index])) return folders.slice(0, count);
  }
  return [];
}

/** Offset just after the opening quote or backtick of the string a path expression starts with. */
function openingOffset(node: Node): number | undefined {
  const value = skipTransparent(node);
  if ((value.type === 'Literal' && typeof value.value === 'string') || value.type === 'TemplateLiteral') return value.range[0] + 1;
  if (value.type === 'BinaryExpression' && value.operator === '+') return openingOffset(value.left);
  return undefined;
}
