/**
 * A working-directory-relative path the file also hands to another call: a build's `outfile`, a
 * `writeFileSync()`, a copy. The file then makes or uses the script where it runs it, both from the
 * working directory, so the two agree wherever it is run: that base is on purpose. A module load
 * (`require()`, `require.resolve()`, `createRequire()`), a path being built (`path.*`, `url.*`,
 * `new URL()`, `import.meta.resolve()`), a line printed (`console.*`) or another start of it is no such use.
 */
import * as path from 'node:path';

import type { TSESTree } from '@typescript-eslint/utils';

import { isImportMetaMember, skipTransparent, stringValue, walk } from '../syntax/ast.js';
import type { FileAnalysis } from '../contract/file-analysis.js';
import { REQUIRE_MODULE } from '../file/references.js';
import { isGlobalIdentifier } from '../syntax/scope.js';
import { followConstant } from '../file/values.js';

type Node = TSESTree.Node;
/** The same path: its normalized text, or the constant's value node it is read from. */
type PathKey = string | Node;

const NOT_USES = new Set([REQUIRE_MODULE, 'module', 'path', 'url']);

const usesCache = new WeakMap<FileAnalysis, ReadonlyMap<PathKey, readonly Node[]>>();

/**
 * Whether the path `node` names (a string, or a constant) is also an argument, or a property of an
 * object literal argument, of another call in the file that is not a module load, a path being
 * built, or one of `starts` (the file's script arguments).
 */
export function usedFromWorkingDirectory(analysis: FileAnalysis, node: Node, starts: ReadonlySet<Node>): boolean {
  const key = pathKey(analysis, node);
  return key !== undefined && (usesOf(analysis).get(key) ?? []).some((use) => use !== node && !starts.has(use));
}

function pathKey(analysis: FileAnalysis, node: Node): PathKey | undefined {
  const value = followConstant(analysis.sourceCode, node);
  const text = stringValue(value);
  if (text !== undefined) return path.posix.normalize(text);
  return value === skipTransparent(node) ? undefined : value;
}

/** Per path, the arguments that pass it: one walk of the file. */
function usesOf(analysis: FileAnalysis): ReadonlyMap<PathKey, readonly Node[]> {
  const cached = usesCache.get(analysis);
  if (cached) return cached;
  const uses = new Map<PathKey, Node[]>();
  const add = (argument: Node) => {
    const key = pathKey(analysis, argument);
    if (key === undefined) return;
    const list = uses.get(key);
    if (list) list.push(argument);
    else uses.set(key, [argument]);
  };
  walk(analysis.sourceCode.ast, analysis.sourceCode.visitorKeys, (node) => {
    if ((node.type !== 'CallExpression' && node.type !== 'NewExpression') || !isUse(analysis, node)) return;
    for (const argument of node.arguments) {
      if (argument.type === 'SpreadElement') continue;
      const value = skipTransparent(argument);
      if (value.type !== 'ObjectExpression') add(argument);
      else for (const property of value.properties) if (property.type === 'Property') add(property.value);
    }
  });
  usesCache.set(analysis, uses);
  return uses;
}

/** A call that may make or use a file: not a module load, a path being built or a line printed. */
function isUse(analysis: FileAnalysis, call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const { sourceCode, references } = analysis;
  const callee = skipTransparent(call.callee);
  const ref = references.refOf(callee);
  if (ref && NOT_USES.has(ref.module)) return false;
  if (call.type === 'NewExpression' && isGlobalIdentifier(sourceCode, callee, 'URL')) return false;
  if (callee.type === 'MemberExpression' && isGlobalIdentifier(sourceCode, callee.object, 'console')) return false;
  return !isImportMetaMember(callee, 'resolve');
}
