/**
 * The literals a file tests its command line against: `process.argv[2] === 'worker'`, a `case` of
 * `switch (mode)` on an argv marker, `process.argv.includes('--child')`, a parsed command line's
 * value (markers.ts). A start that passes one of them means the started code to read it.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { memberName, skipTransparent, stringValue, walk } from '../../syntax/ast.js';
import type { ReferenceIndex } from '../references.js';
import { followConstant } from '../values.js';
import { MarkerReader } from './markers.js';

type Node = TSESTree.Node;

const EQUALITY = new Set(['===', '==', '!==', '!=']);
const SEARCHES = new Set(['includes', 'indexOf']);

/** One walk of the file: each test's marker is read within the reader's bounded budget. */
export function argvLiterals(sourceCode: Readonly<TSESLint.SourceCode>, references: ReferenceIndex): ReadonlySet<string> {
  const markers = new MarkerReader(sourceCode, references);
  const readsArgv = (node: Node) => markers.markerSource(node) === 'argv';
  const literals = new Set<string>();
  const add = (node: Node | null | undefined) => {
    const text = node && node.type !== 'SpreadElement' ? stringValue(followConstant(sourceCode, node)) : undefined;
    if (text !== undefined) literals.add(text);
  };
  walk(sourceCode.ast, sourceCode.visitorKeys, (node) => {
    if (node.type === 'BinaryExpression' && EQUALITY.has(node.operator)) {
      if (readsArgv(node.left)) add(node.right);
      else if (readsArgv(node.right)) add(node.left as Node);
    } else if (node.type === 'SwitchStatement' && readsArgv(node.discriminant)) {
      for (const switchCase of node.cases) add(switchCase.test);
    } else if (node.type === 'CallExpression') {
      const callee = skipTransparent(node.callee);
      if (callee.type === 'MemberExpression' && SEARCHES.has(memberName(callee) ?? '') && readsArgv(callee.object)) add(node.arguments[0]);
    }
  });
  return literals;
}
