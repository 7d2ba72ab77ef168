/**
 * Paths built from the module's own folder that lead back to the module's own file:
 * `path.join(__dirname, 'self.js')`, `path.resolve(dirname(fileURLToPath(import.meta.url)), './self.mjs')`,
 * `new URL('./self.js', import.meta.url)`. The folder part is known to be the module's own, so the
 * rest, as the value model evaluates it, is compared with the linted file's own name. No disk is read.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { isImportMetaMember } from '../syntax/ast.js';
import { isGlobalIdentifier } from '../syntax/scope.js';
import { GLOBALS_MODULE, isRef, type ReferenceIndex } from './references.js';
import { followConstant, isComplete, selfReference, type ValueModel } from './values.js';

type Node = TSESTree.Node;

/** What a path under the module's own folder is read with. */
export interface SelfPathContext {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly references: ReferenceIndex;
  readonly values: ValueModel;
  /** The linted file's name; a name the linter made up (`<input>`) names no file. */
  readonly filename: string;
}

/** The compiled name a TypeScript module runs under, next to its source. */
const COMPILED_EXTENSION: Readonly<Record<string, string>> = { '.ts': '.js', '.mts': '.mjs', '.cts': '.cjs', '.tsx': '.js' };

/**
 * Whether every path `node` can take is a path under the module's own folder that names the
 * module's own file (or, for a TypeScript module, the JavaScript file it compiles to). The file name
 * must match in full, extension included: a starter does not add one.
 */
export function namesOwnFileFromFolder(context: SelfPathContext, node: Node): boolean {
  const ownName = path.basename(context.filename);
  if (ownName === '' || ownName.startsWith('<')) return false;
  const own = path.resolve(context.filename);
  const candidates = resolvedPaths(context, path.dirname(own), node);
  if (!candidates || candidates.length === 0) return false;
  const extension = path.extname(own);
  const compiled = COMPILED_EXTENSION[extension];
  const names = new Set([own, ...(compiled ? [own.slice(0, -extension.length) + compiled] : [])]);
  return candidates.every((candidate) => names.has(candidate));
}

/** The absolute paths `node` can take when it is built from the own folder; undefined otherwise. */
function resolvedPaths(context: SelfPathContext, folder: string, node: Node): string[] | undefined {
  const { sourceCode, references } = context;
  const value = followConstant(sourceCode, node);
  if (value.type === 'NewExpression' && isGlobalIdentifier(sourceCode, value.callee, 'URL')) {
    // `new URL('./self.js', import.meta.url)`: relative to the module's own URL.
    const [relative, base] = value.arguments;
    if (!relative || !base || relative.type === 'SpreadElement' || !isOwnUrl(context, base)) return undefined;
    const ownUrl = pathToFileURL(path.join(folder, path.sep));
    const resolved: string[] = [];
    for (const text of completeStrings(context, [relative])?.map(([only]) => only as string) ?? []) {
      const url = new URL(text, ownUrl);
      if (url.protocol !== 'file:') return undefined;
      resolved.push(fileURLToPath(url));
    }
    return resolved.length === 0 ? undefined : resolved;
  }
  if (value.type !== 'CallExpression' || value.arguments.length === 0) return undefined;
  const callee = references.refOf(value.callee);
  const [first, ...rest] = value.arguments;
  if ((isRef(callee, 'url', 'fileURLToPath') || isRef(callee, 'url', 'pathToFileURL')) && first && rest.length === 0) {
    return first.type === 'SpreadElement' ? undefined : resolvedPaths(context, folder, first);
  }
  const join = isRef(callee, 'path', 'join');
  if ((!join && !isRef(callee, 'path', 'resolve')) || !first || !isOwnFolder(context, first)) return undefined;
  const tails = completeStrings(context, rest);
  return tails?.map((parts) => (join ? path.resolve(path.join(folder, ...parts)) : path.resolve(folder, ...parts)));
}

/**
 * Every combination of the complete strings the arguments can take; undefined when one is
 * unknown or spread.
 */
function completeStrings(context: SelfPathContext, args: readonly (TSESTree.CallExpressionArgument | undefined)[]): string[][] | undefined {
  let combinations: string[][] = [[]];
  for (const argument of args) {
    if (!argument || argument.type === 'SpreadElement') return undefined;
    const possible = context.values.strings(argument);
    if (possible.length === 0 || !possible.every(isComplete)) return undefined;
    combinations = combinations.flatMap((prefix) => possible.map((next) => [...prefix, next.value])).slice(0, MAX_COMBINATIONS);
  }
  return combinations;
}

const MAX_COMBINATIONS = 16;

/** `__dirname`, `import.meta.dirname`, `path.dirname()` of the module's own file path. */
function isOwnFolder(context: SelfPathContext, node: Node): boolean {
  const value = followConstant(context.sourceCode, node);
  if (isRef(context.references.refOf(value), GLOBALS_MODULE, '__dirname') || isImportMetaMember(value, 'dirname')) return true;
  if (value.type !== 'CallExpression' || value.arguments.length !== 1 || !value.arguments[0]) return false;
  return isRef(context.references.refOf(value.callee), 'path', 'dirname') && isOwnFilePath(context, value.arguments[0]);
}

/** `__filename`, `import.meta.filename`, `fileURLToPath(import.meta.url)`: the own file as a path, not a URL. */
function isOwnFilePath(context: SelfPathContext, node: Node): boolean {
  const value = followConstant(context.sourceCode, node);
  if (value.type === 'CallExpression') {
    const [argument] = value.arguments;
    return isRef(context.references.refOf(value.callee), 'url', 'fileURLToPath') && argument !== undefined && isOwnUrl(context, argument);
  }
  const reference = selfReference(context.sourceCode, context.references, value);
  return reference === '__filename' || reference === 'import.meta.filename';
}

/** `import.meta.url`, `pathToFileURL(__filename)`: the own file as a URL. */
function isOwnUrl(context: SelfPathContext, node: Node): boolean {
  const value = followConstant(context.sourceCode, node);
  if (isImportMetaMember(value, 'url')) return true;
  if (value.type !== 'CallExpression' || !isRef(context.references.refOf(value.callee), 'url', 'pathToFileURL')) return false;
  const [argument] = value.arguments;
  return argument !== undefined && argument.type !== 'SpreadElement' && isOwnFilePath(context, argument);
}
