/**
 * Properties a module sets once on an object it keeps to itself, read later by its functions:
 * `exports.IS_WINDOWS = process.platform === 'win32'` and then `if (exports.IS_WINDOWS)`, as
 * TypeScript's CommonJS output writes every exported constant, and as each module of a bundle does
 * with the `exports` its wrapper function receives.
 *
 * A property counts when its one write (besides the `exports.a = exports.b = void 0` TypeScript puts
 * first) is a statement at the top of the scope that holds the object, and the object never leaves
 * the file's sight: every use of its name reads or writes a property, tests the object (`exports &&
 * …`, `!exports`), or is `Object.defineProperty(object, 'another', …)`. Passing the object on, aliasing it, reassigning it,
 * a computed or deleted property, or a second write makes the property unknown. A read counts when
 * it is inside a function (which runs once the module has loaded) or after the write.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { assignedValue, enclosingFunction, memberName, skipTransparent, stringValue } from '../syntax/ast.js';
import { resolveVariable } from '../syntax/scope.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

/** Each property of one object: the value of its one write, or null when that is not known. */
type Settled = ReadonlyMap<string, TSESTree.AssignmentExpression | null>;

/** Per variable (or per scope manager, by name, for a global nothing declares). */
const settledByObject = new WeakMap<object, Map<string, Settled | undefined>>();

/** The value `member` (`object.name`) holds when the module has set it once; undefined otherwise. */
export function settledProperty(sourceCode: SourceCode, member: TSESTree.MemberExpression): Node | undefined {
  const name = member.computed ? undefined : memberName(member);
  if (member.object.type !== 'Identifier' || name === undefined) return undefined;
  const objectName = member.object.name;
  const variable = resolveVariable(sourceCode, member.object);
  const key: object = variable ?? sourceCode.scopeManager ?? sourceCode;
  let byName = settledByObject.get(key);
  if (!byName) settledByObject.set(key, (byName = new Map()));
  if (!byName.has(objectName)) byName.set(objectName, settle(variable, referencesOf(sourceCode, variable, objectName), variable?.scope.block ?? sourceCode.ast));
  const write = byName.get(objectName)?.get(name);
  if (!write) return undefined;
  const readLater = enclosingFunction(member) !== enclosingFunction(write) || member.range[0] > write.range[1];
  return readLater ? assignedValue(write.right) : undefined;
}

/** The references of a variable, or of an undeclared global of that name. */
function referencesOf(sourceCode: SourceCode, variable: TSESLint.Scope.Variable | undefined, name: string): readonly TSESLint.Scope.Reference[] {
  if (variable) return variable.references;
  return sourceCode.scopeManager?.globalScope?.through.filter((reference) => reference.identifier.name === name) ?? [];
}

/** The properties of the object a variable (or global) holds; `owner` is the function or program whose scope holds it. */
function settle(variable: TSESLint.Scope.Variable | undefined, references: readonly TSESLint.Scope.Reference[], owner: Node): Settled | undefined {
  // a variable written after its declaration may hold another object
  if (variable && variable.defs.some((definition) => definition.type === 'Variable' || definition.type === 'ImportBinding')) return undefined;
  const settled = new Map<string, TSESTree.AssignmentExpression | null>();
  for (const reference of references) {
    if (reference.isWrite()) return undefined;
    const use = reference.identifier as Node;
    const parent = use.parent;
    if (parent?.type === 'CallExpression' && parent.arguments[0] === use && isDefineProperty(parent.callee)) {
      // `Object.defineProperty(exports, '__esModule', …)`: another property, or this one unknown
      const property = parent.arguments[1] && stringValue(parent.arguments[1]);
      if (property === undefined) return undefined;
      settled.set(property, null);
      continue;
    }
    // `exports && exports.__createBinding` (TypeScript's helpers, bundled): a test of the object reads it only
    if ((parent?.type === 'LogicalExpression' && parent.operator === '&&' && parent.left === use) || (parent?.type === 'UnaryExpression' && parent.operator === '!')) continue;
    if (parent?.type !== 'MemberExpression' || parent.object !== use) return undefined;
    const property = parent.computed ? undefined : memberName(parent);
    if (property === undefined) return undefined;
    const target = parent.parent;
    if (target?.type === 'UnaryExpression' && target.operator === 'delete') settled.set(property, null);
    else if (target?.type === 'UpdateExpression') settled.set(property, null);
    else if (target?.type === 'AssignmentExpression' && target.left === parent) record(settled, property, target, owner);
  }
  return settled;
}

/** One write of `property`: the first real one, if it is a statement at the top of the owner's body. */
function record(settled: Map<string, TSESTree.AssignmentExpression | null>, property: string, write: TSESTree.AssignmentExpression, owner: Node): void {
  const value = skipTransparent(assignedValue(write.right));
  if (write.operator === '=' && value.type === 'UnaryExpression' && value.operator === 'void' && !settled.has(property)) return;
  settled.set(property, settled.has(property) || write.operator !== '=' || !atTopOf(write, owner) ? null : write);
}

/** Whether the statement of a write (through `a = b = …` chains) is a statement of the owner's body. */
function atTopOf(write: TSESTree.AssignmentExpression, owner: Node): boolean {
  let outer: Node = write;
  while (outer.parent?.type === 'AssignmentExpression' && outer.parent.right === outer) outer = outer.parent;
  const statement = outer.parent;
  const body = statement?.type === 'ExpressionStatement' ? statement.parent : undefined;
  return body !== undefined && (body === owner || (body.type === 'BlockStatement' && body.parent === owner));
}


function isDefineProperty(callee: Node): boolean {
  const target = skipTransparent(callee);
  return target.type === 'MemberExpression' && target.object.type === 'Identifier' && target.object.name === 'Object' && memberName(target) === 'defineProperty';
}
