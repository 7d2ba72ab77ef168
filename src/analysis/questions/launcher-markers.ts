/**
 * A start of the launcher's script (`process.argv[1]`, `require.main.filename`) whose arguments
 * carry a literal this file tests its command line against: the launcher is meant to route back
 * into this module (a CLI whose bin calls its `main()`), so restarting it is deliberate.
 */
import type { TSESTree } from '@typescript-eslint/utils';

import { stringValue } from '../syntax/ast.js';
import type { FileAnalysis } from '../contract/file-analysis.js';
import { argvLiterals } from '../file/guards/argv-literals.js';
import { followConstant } from '../file/values.js';

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
