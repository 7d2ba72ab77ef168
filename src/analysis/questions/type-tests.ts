/**
 * Type tests: what a test of a value's type proves where the value is read. Under
 * `if (!(err instanceof Error))`, after `if (err instanceof Error) return;`, or in the branch of
 * `typeof err === 'string' ? … : …`, a caught value is not an Error, whatever its origin says.
 * Read along the conditions that lead to the read (`if`/`else`, conditionals, `&&`/`||`) and the
 * early exits before it, up to the variable's scope.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';

import { skipTransparent } from '../syntax/ast.js';
import { isGlobalIdentifier, resolveVariable } from '../syntax/scope.js';
import { alwaysExits } from '../file/guards/exits.js';
import type { ReferenceIndex } from '../file/references.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

/** `error`: a test proves the value an Error; `other`: a test proves it something else, or may. */
export type TypeTested = 'error' | 'other';

/** What the type tests on the way to `use` prove about its variable; undefined when none tests it. */
export function typeTestedAt(sourceCode: SourceCode, references: ReferenceIndex, use: TSESTree.Identifier, variable: Scope.Variable): TypeTested | undefined {
  const tests = (test: Node, holds: boolean) => testedType(sourceCode, test, holds, variable);
  let proven: TypeTested | undefined;
  const combine = (found: TypeTested | undefined) => {
    if (found === 'other' || proven === undefined) proven = found ?? proven;
  };
  let child: Node = use;
  for (let parent: Node | undefined = use.parent; parent && child !== variable.scope.block; child = parent, parent = parent.parent) {
    switch (parent.type) {
      case 'IfStatement':
      case 'ConditionalExpression':
        if (child !== parent.test) combine(tests(parent.test, child === parent.consequent));
        break;
      case 'LogicalExpression':
        if (child === parent.right && parent.operator !== '??') combine(tests(parent.left, parent.operator === '&&'));
        break;
      case 'BlockStatement':
      case 'Program':
        for (const statement of parent.body) {
          if (statement === child) break;
          // `if (err instanceof Error) return;`: the statements after it may assume the test failed.
          if (statement.type === 'IfStatement' && !statement.alternate && alwaysExits(statement.consequent, references)) combine(tests(statement.test, false));
        }
        break;
      default:
        break;
    }
    if (proven === 'other') return proven;
  }
  return proven;
}

/** What `test`, when it is `holds`, proves about `variable`'s type. */
function testedType(sourceCode: SourceCode, testIn: Node, holds: boolean, variable: Scope.Variable): TypeTested | undefined {
  const test = skipTransparent(testIn);
  if (test.type === 'UnaryExpression' && test.operator === '!') return testedType(sourceCode, test.argument, !holds, variable);
  if (test.type === 'LogicalExpression' && test.operator !== '??') {
    const left = testedType(sourceCode, test.left, holds, variable);
    const right = testedType(sourceCode, test.right, holds, variable);
    // `a && b` holding proves both; failing, only that one failed: a side that tests the value leaves it open.
    const both = (test.operator === '&&') === holds;
    if (both) return left === 'other' || right === 'other' ? 'other' : (left ?? right);
    return left !== undefined || right !== undefined ? 'other' : undefined;
  }
  if (test.type !== 'BinaryExpression') return undefined;
  if (test.operator === 'instanceof') {
    if (!isVariable(sourceCode, test.left, variable)) return undefined;
    const isError = isGlobalIdentifier(sourceCode, skipTransparent(test.right), 'Error');
    // Not an instance of another class says nothing; an instance of one may or may not be an Error.
    if (holds) return isError ? 'error' : 'other';
    return isError ? 'other' : undefined;
  }
  const equality = test.operator === '===' || test.operator === '==' ? holds : test.operator === '!==' || test.operator === '!=' ? !holds : undefined;
  if (equality === undefined) return undefined;
  const [typeOf, other] = [test.left, test.right].map(skipTransparent);
  for (const [operand, literal] of [[typeOf, other], [other, typeOf]] as const) {
    if (operand?.type !== 'UnaryExpression' || operand.operator !== 'typeof' || !isVariable(sourceCode, operand.argument, variable)) continue;
    // `typeof err === 'string'`: not an Error; `typeof err === 'object'` or a failed test: still may be.
    return equality && literal?.type === 'Literal' && literal.value !== 'object' ? 'other' : undefined;
  }
  return undefined;
}

function isVariable(sourceCode: SourceCode, node: Node, variable: Scope.Variable): boolean {
  const inner = skipTransparent(node);
  return inner.type === 'Identifier' && resolveVariable(sourceCode, inner) === variable;
}
