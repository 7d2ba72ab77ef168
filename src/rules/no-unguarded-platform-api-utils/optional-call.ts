/** The optional-call suggestion: `process.getuid()` → `process.getuid?.()`. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { FileAnalysis } from '../../analysis/index.js';


type Fix = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix;

/**
 * Makes the call optional, or undefined when that cannot be done safely: with type arguments, or
 * in TypeScript where the result (now possibly `undefined`) is used as a value of its own type.
 */
export function optionalCallFix(analysis: FileAnalysis, call: TSESTree.CallExpression, isTypeScript: boolean): Fix | undefined {
  if (call.optional || call.typeArguments || (isTypeScript && !toleratesUndefined(call))) return undefined;
  // The argument list's `(`, after any parentheses around the callee: `(process.getuid)()`.
  const open = analysis.sourceCode.getTokenAfter(call.callee, (token) => token.value === '(');
  if (!open) return undefined;
  return (fixer) => fixer.insertTextBefore(open, '?.');
}

const EQUALITY = new Set(['===', '!==', '==', '!=']);

/**
 * Whether the code around a call still type-checks when the call may give `undefined`: its result
 * is discarded, compared for equality, negated, interpolated into a template or used as a condition.
 */
export function toleratesUndefined(call: TSESTree.Node): boolean {
  let node: TSESTree.Node = call;
  while (node.parent?.type === 'ChainExpression') node = node.parent;
  const parent = node.parent;
  switch (parent?.type) {
    case 'ExpressionStatement':
    case 'TemplateLiteral':
      return true;
    case 'BinaryExpression':
      return EQUALITY.has(parent.operator);
    case 'UnaryExpression':
      return parent.operator === '!' || parent.operator === 'void' || parent.operator === 'typeof';
    case 'IfStatement':
    case 'ConditionalExpression':
      return parent.test === node;
    case 'LogicalExpression':
      return parent.left === node;
    default:
      return false;
  }
}
