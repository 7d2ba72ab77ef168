/**
 * Platform dispatch by name: a table of functions keyed by platform (`{ darwin() {…}, win32() {…} }`,
 * or `{ linux, win32 }` of functions named so) that the file reads only with the platform as the
 * key (`table[process.platform]()`, `finder[getPlatform()]()`) runs each function on its key's
 * platform only. A table that is exported, reassigned or read any other way proves nothing.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { PLATFORMS, type Platform } from '../../catalog/platform-apis.js';
import { stringValue } from '../../syntax/ast.js';
import { bindingReads } from '../../syntax/scope.js';

type Node = TSESTree.Node;

/**
 * The platform whose key holds `value` (a function, or a read of a function's name) in a table the
 * file dispatches on only by the platform; undefined otherwise.
 */
export function dispatchedPlatform(
  sourceCode: Readonly<TSESLint.SourceCode>,
  value: Node,
  isPlatformValue: (key: Node) => boolean,
): Platform | undefined {
  const property = value.parent;
  if (property?.type !== 'Property' || property.value !== value || property.kind !== 'init') return undefined;
  const key = property.computed ? stringValue(property.key) : property.key.type === 'Identifier' ? property.key.name : stringValue(property.key);
  const platform = PLATFORMS.find((name) => name === key);
  const table = property.parent;
  if (!platform || table.type !== 'ObjectExpression') return undefined;
  const declarator = table.parent;
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== table || declarator.parent.parent?.type === 'ExportNamedDeclaration') return undefined;
  const reads = bindingReads(sourceCode, table);
  if (!reads || reads.length === 0) return undefined;
  const byPlatform = reads.every((read) => read.parent.type === 'MemberExpression' && read.parent.object === read && read.parent.computed && isPlatformValue(read.parent.property));
  return byPlatform ? platform : undefined;
}
