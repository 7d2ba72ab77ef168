/**
 * Where a file mentions a name that no binding resolves: member names (`x.start`, `this['start']`,
 * `this.#start`) and strings in value positions (`{ cmd: 'start' }`, the names a dispatch such as
 * `this[cmd]()` reads). A method is reached in its file only where its name is mentioned, so these
 * are its uses (guards.ts). Built in one walk of the file, on the first question.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { memberKey, stringValue, walk } from '../../syntax/ast.js';

type Node = TSESTree.Node;

export interface NameMentions {
  readonly members: ReadonlyMap<string, readonly TSESTree.MemberExpression[]>;
  readonly strings: ReadonlyMap<string, readonly Node[]>;
}

export function nameMentions(program: Node, visitorKeys: TSESLint.SourceCode.VisitorKeys): NameMentions {
  const members = new Map<string, TSESTree.MemberExpression[]>();
  const strings = new Map<string, Node[]>();
  walk(program, visitorKeys, (node) => {
    if (node.type === 'MemberExpression') {
      const name = memberKey(node);
      if (name !== undefined) add(members, name, node);
    } else if ((node.type === 'Literal' || node.type === 'TemplateLiteral') && isValuePosition(node)) {
      const value = stringValue(node);
      if (value !== undefined) add(strings, value, node);
    }
  });
  return { members, strings };
}

/** Not a property key, a member name (counted as a member), or a module specifier. */
function isValuePosition(node: Node): boolean {
  const parent = node.parent;
  switch (parent?.type) {
    case 'Property':
    case 'PropertyDefinition':
    case 'MethodDefinition':
      return parent.key !== node || parent.computed;
    case 'MemberExpression':
      return parent.property !== node;
    case 'ImportDeclaration':
    case 'ExportAllDeclaration':
    case 'ExportNamedDeclaration':
    case 'ImportExpression':
    case 'TSExternalModuleReference':
      return false;
    default:
      return true;
  }
}

function add<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}
