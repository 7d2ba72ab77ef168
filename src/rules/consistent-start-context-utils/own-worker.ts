/**
 * The suggestion for a thread check that does not identify this module's own worker: set a
 * `workerData` marker at every `new Worker(self)` and require it in the check, so that the module
 * loaded in any other worker thread behaves as it does on the main thread.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { moduleMember } from '../../fixes/module-member.js';
import { type FileAnalysis, propertyValue, selfSpawns, type SharedThreadCheck } from '../../analysis/index.js';

type Fix = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];

/** The edits, or undefined when a `new Worker(self)` has options this cannot extend safely. */
export function ownWorkerFix(analysis: FileAnalysis, shared: SharedThreadCheck, marker: string): Fix | undefined {
  const { check, selectsMain } = shared;
  const workerData = moduleMember(analysis, 'worker_threads', 'workerData', check);
  if (!workerData || !/^[A-Za-z_$][\w$]*$/.test(marker)) return undefined;
  const markFixes: Fix[] = [];
  for (const spawn of selfSpawns(analysis)) {
    if (spawn.mechanism !== 'thread' || spawn.site.node.type !== 'NewExpression') continue;
    const fix = markSpawn(spawn.site.node, marker);
    if (!fix) return undefined;
    markFixes.push(fix);
  }
  const { sourceCode } = analysis;
  const written = sourceCode.getText(check);
  // Truthy on the main thread: stay so in other modules' workers. Truthy in a worker: only in ours.
  const operator = selectsMain ? '||' : '&&';
  const test = selectsMain ? `${workerData.text}?.${marker} !== true` : `${workerData.text}?.${marker} === true`;
  const needsOwnParentheses = check.type === 'ConditionalExpression' || check.type === 'AssignmentExpression' || check.type === 'SequenceExpression' || (check.type === 'LogicalExpression' && check.operator !== operator);
  const joined = `${needsOwnParentheses ? `(${written})` : written} ${operator} ${test}`;
  const text = fitsBare(check, operator) ? joined : `(${joined})`;
  return (fixer) => [...workerData.fixes(fixer), ...markFixes.flatMap((fix) => fix(fixer)), fixer.replaceText(check, text)];
}

/** Whether `a op b` can stand where `check` is without parentheses. */
function fitsBare(check: TSESTree.Node, operator: '||' | '&&'): boolean {
  const parent = check.parent;
  if (!parent) return false;
  if (parent.type === 'IfStatement' || parent.type === 'ConditionalExpression') return parent.test === check;
  return parent.type === 'LogicalExpression' && parent.operator === operator;
}

/** `workerData: { <marker>: true }` added to the options of `new Worker(file, options?)`. */
function markSpawn(node: TSESTree.NewExpression, marker: string): Fix | undefined {
  const [file, options, ...rest] = node.arguments;
  const entry = `${marker}: true`;
  if (!file || file.type === 'SpreadElement' || rest.length > 0) return undefined;
  if (!options) return (fixer) => [fixer.insertTextAfter(file, `, { workerData: { ${entry} } }`)];
  if (options.type !== 'ObjectExpression' || options.properties.some((property) => property.type === 'SpreadElement')) return undefined;
  const data = propertyValue(options, 'workerData');
  if (!data) return addProperty(options, `workerData: { ${entry} }`);
  if (data.type !== 'ObjectExpression' || data.properties.some((property) => property.type === 'SpreadElement')) return undefined;
  return propertyValue(data, marker) ? () => [] : addProperty(data, entry);
}

/** Adds a property at the start of an object literal (`{}` becomes `{ p }`). */
function addProperty(object: TSESTree.ObjectExpression, property: string): Fix {
  if (object.properties.length === 0) return (fixer) => [fixer.replaceText(object, `{ ${property} }`)];
  return (fixer) => [fixer.insertTextAfterRange([object.range[0], object.range[0] + 1], ` ${property},`)];
}
