/**
 * Whether every construction of a class of this file is deliberate and out of the module's load:
 * the code that writes `new` is the code that wrote the constructor, and it constructs the object to
 * start what the constructor starts (docs/rules/no-spawn-in-constructor.md, "Classes that exist to
 * own their process").
 *
 * - nothing outside the file can construct it (the class model's `file` access: every read of its
 *   bindings is a `new` of it or builds its prototype), and no such `new` runs while the module
 *   loads, directly or in a local function the top level calls;
 * - or its constructor is `private` (or gated by a `#private` token), so only its own static members
 *   construct it, and no read of it runs at load other than its export (a top-level
 *   `Player.create()` starts on import).
 *
 * - or the file's package is an application (a `private` package, a VS Code extension: the file
 *   model's `application`), whose modules only the project's own code imports, and no `new` of the
 *   class in the file runs at load.
 *
 * A class whose construction starts at load stays reported: the import starts it. In a program
 * (a file started, never imported: a shebang, a package script or `bin`, the `entryPoints` setting)
 * the load is the program's run, and its top-level code constructs on purpose. A module that only
 * exports nothing may still be imported for its side effects: its load stays an import.
 */
import type { TSESTree } from '@typescript-eslint/utils';

import type { FileAnalysis } from '../contract/file-analysis.js';
import type { ConstructedNode } from '../file/classes.js';
import { memberName } from '../syntax/ast.js';
import { bindingReads, isGlobalIdentifier } from '../syntax/scope.js';

export function constructedOnPurpose(analysis: FileAnalysis, classNode: ConstructedNode): boolean {
  const shape = analysis.classes.shapeOf(classNode);
  const access = shape && analysis.classes.accessOf(shape);
  const { entryPoint } = analysis.fileModel;
  const started = entryPoint !== undefined && entryPoint !== 'no-exports';
  const atLoad = (node: TSESTree.Node) => !started && analysis.execution.executionOf(node).when === 'module-load';
  if (access?.kind === 'file') return !access.constructions.some(atLoad);
  if (access?.kind === 'private') return !access.reads.some((read) => atLoad(read) && !exportsIt(analysis, read));
  // An application's exported class: only the project's own modules construct it.
  if (!analysis.fileModel.application || !shape || shape.kind === 'factory') return false;
  const reads = bindingReads(analysis.sourceCode, classNode);
  return reads !== undefined && !reads.some((read) => read.parent?.type === 'NewExpression' && read.parent.callee === read && atLoad(read.parent));
}

/** `export { C }`, `export default C`, `module.exports = C`, `exports.C = C`. */
function exportsIt(analysis: FileAnalysis, read: TSESTree.Identifier): boolean {
  const parent = read.parent;
  if (parent?.type === 'ExportSpecifier' || parent?.type === 'ExportDefaultDeclaration') return true;
  if (parent?.type !== 'AssignmentExpression' || parent.right !== read || parent.left.type !== 'MemberExpression') return false;
  let root: TSESTree.Node = parent.left;
  while (root.type === 'MemberExpression') {
    if (root.object.type === 'Identifier' && isGlobalIdentifier(analysis.sourceCode, root.object, 'module')) return memberName(root) === 'exports';
    root = root.object;
  }
  return isGlobalIdentifier(analysis.sourceCode, root, 'exports');
}
