/**
 * Starts of the launcher's script (`process.argv[1]`, `require.main.filename`) that mean the
 * launcher: arguments carrying a literal this file tests its command line against (the launcher
 * routes back into this module, a CLI whose bin calls its `main()`), or the rest of the current
 * command line itself (the program restarts as it was started, after a self-update).
 */
import type { TSESTree } from '@typescript-eslint/utils';

import { stringValue } from '../syntax/ast.js';
import type { FileAnalysis } from '../contract/file-analysis.js';
import { argvLiterals } from '../file/guards/argv-literals.js';
import { followConstant } from '../file/values.js';
import { isRef } from '../file/references.js';

type Node = TSESTree.Node;

const literalsCache = new WeakMap<FileAnalysis, ReadonlySet<string>>();

/** Whether the arguments after `script` (in its list, or the list that follows it at a call) carry a marker the file tests. */
export function passesTestedMarker(analysis: FileAnalysis, script: Node): boolean {
  const passed = argumentsAfter(analysis, script).flatMap((argument) => {
    const text = argument && argument.type !== 'SpreadElement' ? stringValue(followConstant(analysis.sourceCode, argument)) : undefined;
    return text === undefined ? [] : [text];
  });
  // The file's tests are read only for a start that passes a literal.
  if (passed.length === 0) return false;
  const tested = testedLiterals(analysis);
  return passed.some((text) => tested.has(text));
}

/**
 * Whether the arguments after `script` are exactly the rest of the current command line:
 * `[script, ...process.argv.slice(2)]`, or `fork(script, process.argv.slice(2))`.
 */
export function restartsCommandLine(analysis: FileAnalysis, script: Node): boolean {
  const { parent } = script;
  if (parent?.type === 'ArrayExpression') {
    const after = argumentsAfter(analysis, script);
    return after.length === 1 && after[0]?.type === 'SpreadElement' && isCommandLineRest(analysis, after[0].argument);
  }
  if (parent?.type !== 'CallExpression' && parent?.type !== 'NewExpression') return false;
  const list = parent.arguments[parent.arguments.indexOf(script as TSESTree.Expression) + 1];
  if (!list || list.type === 'SpreadElement') return false;
  const value = followConstant(analysis.sourceCode, list);
  if (value.type !== 'ArrayExpression') return isCommandLineRest(analysis, value);
  const [only] = value.elements;
  return value.elements.length === 1 && only?.type === 'SpreadElement' && isCommandLineRest(analysis, only.argument);
}

/** `process.argv.slice(2)`, directly or through a constant. */
function isCommandLineRest(analysis: FileAnalysis, node: Node): boolean {
  const value = followConstant(analysis.sourceCode, node);
  if (value.type !== 'CallExpression' || value.arguments.length !== 1 || !value.arguments[0]) return false;
  const from = followConstant(analysis.sourceCode, value.arguments[0]);
  return isRef(analysis.references.refOf(value.callee), 'process', 'argv', 'slice') && from.type === 'Literal' && from.value === 2;
}

/** `[script, 'worker']` at `spawn(node, …)`, or `fork(script, ['worker'])`. */
function argumentsAfter(analysis: FileAnalysis, script: Node): readonly (Node | null)[] {
  const { parent } = script;
  if (parent?.type === 'ArrayExpression') return parent.elements.slice(parent.elements.indexOf(script as TSESTree.Expression) + 1);
  if (parent?.type !== 'CallExpression' && parent?.type !== 'NewExpression') return [];
  const index = parent.arguments.indexOf(script as TSESTree.Expression);
  const list = index === -1 ? undefined : parent.arguments[index + 1];
  const value = list && list.type !== 'SpreadElement' ? followConstant(analysis.sourceCode, list) : undefined;
  return value?.type === 'ArrayExpression' ? value.elements : [];
}

function testedLiterals(analysis: FileAnalysis): ReadonlySet<string> {
  let literals = literalsCache.get(analysis);
  if (!literals) {
    literals = argvLiterals(analysis.sourceCode, analysis.references);
    literalsCache.set(analysis, literals);
  }
  return literals;
}
