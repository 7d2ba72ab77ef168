/**
 * Exits: whether a statement always leaves its statement list (return, throw, a jump,
 * `process.exit()`, a test skip), so that the statements after an `if (!ok) return;` may assume
 * `ok` (propagation.ts), and whether a `switch` case falls through into the next.
 */
import type { TSESTree } from '@typescript-eslint/utils';

import { skipTransparent } from '../../syntax/ast.js';
import { isRef, type ReferenceIndex } from '../references.js';

type Node = TSESTree.Node;

/** `process.exit()`, `process.abort()`, `process.exitCode`-free exits. */
export function isExitCall(node: Node, references: ReferenceIndex): boolean {
  const inner = skipTransparent(node);
  if (inner.type !== 'CallExpression') return false;
  const callee = references.refOf(inner.callee);
  return isRef(callee, 'process', 'exit') || isRef(callee, 'process', 'abort') || isRef(callee, 'process', 'reallyExit');
}

/** Whether a statement always leaves the enclosing statement list: return, throw, exit, jump (or a test skip). */
export function alwaysExits(statement: Node, references: ReferenceIndex, skips?: (expression: Node) => boolean): boolean {
  switch (statement.type) {
    case 'ReturnStatement':
    case 'ThrowStatement':
    case 'ContinueStatement':
    case 'BreakStatement':
      return true;
    case 'ExpressionStatement':
      return isExitCall(statement.expression, references) || skips?.(statement.expression) === true;
    case 'BlockStatement':
      return statement.body.some((inner) => alwaysExits(inner, references, skips));
    case 'IfStatement':
      return (
        statement.alternate !== null &&
        statement.alternate !== undefined &&
        alwaysExits(statement.consequent, references, skips) &&
        alwaysExits(statement.alternate, references, skips)
      );
    default:
      return false;
  }
}

/** Whether a statement list ends in a jump (a `switch` case that does not fall through). */
export function endsWithJump(statements: readonly Node[]): boolean {
  const last = statements.at(-1);
  if (!last) return false;
  if (last.type === 'BlockStatement') return endsWithJump(last.body);
  return last.type === 'BreakStatement' || last.type === 'ReturnStatement' || last.type === 'ThrowStatement' || last.type === 'ContinueStatement';
}
