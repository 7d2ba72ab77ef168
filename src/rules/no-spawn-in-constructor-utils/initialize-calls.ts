/**
 * The other half of the `initialize()` refactor: every construction of the class in this file
 * calls the new method right after it, so the program still starts what it started
 * (`const pool = new Pool();` gains `pool.initialize();`). A construction whose value has no name to
 * call it on (`use(new Pool())`, `return new Pool()`) cannot be updated: then there is no suggestion,
 * since a method nobody calls leaves the program broken. Constructions in other modules are the
 * callers' to update, as for any change of a class's API.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { indentationOf } from '../../util/source-text.js';
import { type ConstructedNode, declaredVariable } from '../../analysis/index.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

interface Insertion {
  readonly after: TSESTree.Node;
  readonly text: string;
}

/** The insertions that call `method` after each construction of the class here; undefined when one cannot be updated. */
export function initializeCalls(sourceCode: SourceCode, classNode: ConstructedNode, method: string): Insertion[] | undefined {
  const insertions: Insertion[] = [];
  for (const construction of constructionsOf(sourceCode, classNode)) {
    const insertion = callAfter(sourceCode, construction, method);
    if (!insertion) return undefined;
    insertions.push(insertion);
  }
  return insertions;
}

export function applyInsertions(fixer: TSESLint.RuleFixer, insertions: readonly Insertion[]): TSESLint.RuleFix[] {
  return insertions.map((insertion) => fixer.insertTextAfter(insertion.after, insertion.text));
}

/** `new C(…)` of the class's (or constructor function's) own name or of the variable a class expression initializes. */
function constructionsOf(sourceCode: SourceCode, classNode: ConstructedNode): TSESTree.NewExpression[] {
  // A class declaration's name is bound outside the class and again inside its body.
  const variables = classNode.type === 'ClassDeclaration' ? sourceCode.getDeclaredVariables(classNode) : [declaredVariable(sourceCode, classNode)];
  const constructions: TSESTree.NewExpression[] = [];
  for (const variable of variables) {
    for (const { identifier } of variable?.references ?? []) {
      const parent = identifier.parent;
      if (parent?.type === 'NewExpression' && parent.callee === identifier) constructions.push(parent);
    }
  }
  return constructions;
}

/**
 * `const pool = new Pool();` → `pool.initialize();` after the declaration; `this.pool = new Pool();`
 * and `pool = new Pool();` → after the statement; `new Pool();` alone → `new Pool().initialize();`.
 */
function callAfter(sourceCode: SourceCode, construction: TSESTree.NewExpression, method: string): Insertion | undefined {
  const parent = construction.parent;
  if (parent?.type === 'ExpressionStatement') return { after: construction, text: `.${method}()` };
  let target: string | undefined;
  let statement: TSESTree.Node | undefined;
  if (parent?.type === 'VariableDeclarator' && parent.init === construction && parent.id.type === 'Identifier' && parent.parent.declarations.length === 1) {
    target = parent.id.name;
    statement = parent.parent.parent?.type === 'ExportNamedDeclaration' ? parent.parent.parent : parent.parent;
  } else if (parent?.type === 'AssignmentExpression' && parent.operator === '=' && parent.right === construction && parent.parent.type === 'ExpressionStatement') {
    const left = parent.left;
    if (left.type === 'Identifier' || (left.type === 'MemberExpression' && !left.computed && left.object.type === 'ThisExpression')) {
      target = sourceCode.getText(left);
      statement = parent.parent;
    }
  }
  // Only a statement in a list of statements can be followed by another.
  const list = statement?.parent;
  if (!target || !statement || !list || !['Program', 'BlockStatement', 'StaticBlock', 'SwitchCase'].includes(list.type)) return undefined;
  return { after: statement, text: `\n${indentationOf(sourceCode, statement)}${target}.${method}();` };
}
