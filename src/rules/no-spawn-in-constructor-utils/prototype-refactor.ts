/**
 * The `initialize()` refactor for an ES5 constructor function: the constructor statements holding a
 * starter, and every later one that reads a member they assign, move into
 * `X.prototype.initialize = function () { … };`, placed after the function and after any statement
 * that replaces its prototype. The calls of the new method after each `new X()` come from
 * initialize-calls.ts, as for classes.
 *
 * Offered only when the program provably keeps working: the function is declared at statement level;
 * its name is used only to construct it, give it prototype members (`X.prototype.m = …`,
 * `X.prototype = { … }`) or export it, so its prototype has no member the file cannot see (an
 * inherited `initialize` would be replaced); no member is named like the method; the moved
 * statements read no parameter or local of the constructor (nor `arguments`, `new.target`) and do
 * not return; no statement that stays reads a member a moved one assigns; and every construction in
 * the file comes after the new method.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { indentationOf } from '../../util/source-text.js';
import { type ClassShape, declaredVariable, isFunction, memberKey, memberName, walk } from '../../analysis/index.js';
import { removalRange, statementText } from './initialize-refactor.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;
type Fix = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];

const STATEMENT_LISTS = new Set(['Program', 'BlockStatement']);

export function prototypeRefactor(sourceCode: SourceCode, shape: ClassShape, startingNodes: readonly Node[], methodName: string): Fix | undefined {
  const fn = shape.constructorFunction;
  const variable = declaredVariable(sourceCode, shape.node);
  if (!fn || fn.body?.type !== 'BlockStatement' || !variable || shape.methods.has(methodName)) return undefined;
  const declaration = fn.type === 'FunctionDeclaration' ? fn : fn.parent?.parent;
  if (!declaration || (declaration.type === 'VariableDeclaration' && declaration.declarations.length !== 1)) return undefined;
  const statement = declaration.parent?.type === 'ExportNamedDeclaration' ? declaration.parent : declaration;
  if (!STATEMENT_LISTS.has(statement.parent?.type ?? '')) return undefined;

  // Every use of the name: a construction, a prototype member, a whole prototype of known members, an export.
  let anchor: Node = statement;
  const constructions: Node[] = [];
  for (const { identifier } of variable.references) {
    const parent = identifier.parent;
    if (parent?.type === 'NewExpression' && parent.callee === identifier) {
      constructions.push(parent);
      continue;
    }
    if (parent?.type === 'MemberExpression' && parent.object === identifier && memberName(parent) === 'prototype') {
      const replaced = prototypeReplacement(parent);
      if (replaced === 'unknown') return undefined;
      if (replaced) {
        if (replaced.parent !== statement.parent) return undefined;
        if (replaced.range[0] > anchor.range[0]) anchor = replaced;
      }
      continue;
    }
    if (identifier.type !== 'Identifier' || (!isExport(identifier) && !variable.identifiers.includes(identifier))) return undefined;
  }
  if (constructions.some((construction) => construction.range[0] < anchor.range[1])) return undefined;

  const moved = movedStatements(sourceCode, fn, fn.body, startingNodes, methodName);
  if (!moved) return undefined;
  const indent = indentationOf(sourceCode, statement);
  const bodyIndent = indent + (indentationOf(sourceCode, fn.body.body[0] ?? fn.body).slice(indent.length) || '  ');
  const lines = moved.map((node) => `${bodyIndent}${statementText(sourceCode, node, bodyIndent, [])}`);
  const name = sourceCode.getText(variable.identifiers[0]);
  const method = `\n\n${indent}${name}.prototype.${methodName} = function () {\n${lines.join('\n')}\n${indent}};`;
  return (fixer) => [...moved.map((node) => fixer.removeRange(removalRange(sourceCode, node))), fixer.insertTextAfter(anchor, method)];
}

/** The statement `X.prototype = { … }` that replaces the prototype; `unknown` for any other use than `X.prototype.m = …`. */
function prototypeReplacement(prototype: TSESTree.MemberExpression): Node | 'unknown' | undefined {
  const parent = prototype.parent;
  if (parent.type === 'MemberExpression' && parent.object === prototype && parent.parent.type === 'AssignmentExpression' && parent.parent.left === parent) {
    return undefined;
  }
  if (parent.type !== 'AssignmentExpression' || parent.left !== prototype || parent.right.type !== 'ObjectExpression') return 'unknown';
  if (parent.right.properties.some((property) => property.type !== 'Property')) return 'unknown';
  return parent.parent.type === 'ExpressionStatement' ? parent.parent : 'unknown';
}

/** `module.exports = X`, `exports.X = X`, `export { X }`, `export default X`. */
function isExport(identifier: TSESTree.Identifier): boolean {
  const parent = identifier.parent;
  if (parent?.type === 'ExportSpecifier' || parent?.type === 'ExportDefaultDeclaration') return true;
  return parent?.type === 'AssignmentExpression' && parent.right === identifier && parent.left.type === 'MemberExpression' && parent.parent.type === 'ExpressionStatement';
}

/** The constructor's statements that move, in order; undefined when moving them could change what the program does. */
function movedStatements(
  sourceCode: SourceCode,
  fn: Node,
  body: TSESTree.BlockStatement,
  startingNodes: readonly Node[],
  methodName: string,
): Node[] | undefined {
  const statements = body.body;
  const effects = statements.map((statement) => memberEffects(sourceCode, statement));
  // A statement reading a parameter or local of the constructor (or `arguments`) stays.
  for (const variable of sourceCode.getScope(fn).variables) {
    for (const { identifier } of variable.references) {
      let statement: Node = identifier;
      while (statement.parent && statement.parent !== body) statement = statement.parent;
      const index = statements.indexOf(statement as TSESTree.Statement);
      if (index !== -1) effects[index]!.bound = true;
    }
  }
  if (effects.some((effect) => effect.keys.has(methodName))) return undefined;
  const moved = new Set<number>();
  for (const node of startingNodes) {
    const index = statements.findIndex((statement) => statement.range[0] <= node.range[0] && node.range[1] <= statement.range[1]);
    if (index === -1) return undefined;
    moved.add(index);
  }
  const first = Math.min(...moved);
  const written = new Set<string>();
  for (let index = first; index < statements.length; index += 1) {
    const effect = effects[index]!;
    if (!moved.has(index) && [...effect.reads].some((key) => written.has(key))) moved.add(index);
    if (moved.has(index)) {
      if (effect.bound) return undefined;
      for (const key of effect.writes) written.add(key);
    } else if (effect.readsInstance && index > first) {
      // What stays after a moved statement could read what it would no longer find.
      return undefined;
    }
  }
  return [...moved].sort((a, b) => a - b).map((index) => statements[index]!);
}

interface Effects {
  readonly reads: Set<string>;
  readonly writes: Set<string>;
  /** Every member key named on `this`. */
  readonly keys: Set<string>;
  /** Reads a member of `this` or calls one. */
  readsInstance: boolean;
  /** Uses a constructor parameter or local, `arguments` or `new.target`, or returns. */
  bound: boolean;
}

function memberEffects(sourceCode: SourceCode, statement: Node): Effects {
  const effects: Effects = { reads: new Set(), writes: new Set(), keys: new Set(), readsInstance: false, bound: false };
  walk(statement, sourceCode.visitorKeys, (node) => {
    // A plain function has its own `this`, `arguments` and `return`.
    if (isFunction(node) && node.type !== 'ArrowFunctionExpression') return false;
    if (node.type === 'ReturnStatement' || (node.type === 'MetaProperty' && node.meta.name === 'new')) effects.bound = true;
    if (node.type === 'ThisExpression') {
      const parent = node.parent;
      const key = parent.type === 'MemberExpression' && parent.object === node ? memberKey(parent) : undefined;
      if (key === undefined) {
        effects.readsInstance = true;
        return true;
      }
      effects.keys.add(key);
      const written = parent.parent?.type === 'AssignmentExpression' && parent.parent.left === parent && parent.parent.operator === '=';
      if (written) effects.writes.add(key);
      else {
        effects.reads.add(key);
        effects.readsInstance = true;
      }
    }
    return true;
  });
  return effects;
}
