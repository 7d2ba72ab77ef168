/**
 * Sets a value is drawn from without being written at its use: a string-literal union in a type
 * annotation (`pm: 'npm' | 'yarn'`, also through a local `type` alias or an enum of string
 * members), the members of an enum read by name, and the elements of an array literal a loop or an
 * array callback iterates, or a computed index reads. Each answer is the literal nodes of the set,
 * or undefined when the set is not known in full (a `string` in the union, a spread, an array
 * written after it is made): unknown stays unknown.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { memberName, skipTransparent } from '../syntax/ast.js';
import { resolveVariable } from '../syntax/scope.js';

type Node = TSESTree.Node;

/** How many aliases one annotation follows (`type A = B; type B = 'x' | C; …`). */
const MAX_ALIAS_DEPTH = 6;
/** Methods of an array that neither write it nor let it escape. */
const READING_METHODS: ReadonlySet<string> = new Set(['forEach', 'map', 'filter', 'some', 'every', 'find', 'includes', 'indexOf', 'join', 'slice', 'flatMap']);
/** Array methods whose callback's first parameter is each element. */
const ELEMENT_CALLBACKS: ReadonlySet<string> = new Set(['forEach', 'map', 'filter', 'some', 'every', 'find', 'flatMap']);

/** The literals a type annotation allows, when it is a union of string (or number) literals. */
export function annotatedMembers(sourceCode: Readonly<TSESLint.SourceCode>, type: Node, depth = 0): Node[] | undefined {
  if (depth > MAX_ALIAS_DEPTH) return undefined;
  switch (type.type) {
    case 'TSTypeAnnotation':
      return annotatedMembers(sourceCode, type.typeAnnotation, depth);
    case 'TSLiteralType':
      return type.literal.type === 'Literal' && (typeof type.literal.value === 'string' || typeof type.literal.value === 'number') ? [type.literal] : undefined;
    case 'TSUnionType': {
      const members: Node[] = [];
      for (const part of type.types) {
        const inner = annotatedMembers(sourceCode, part, depth + 1);
        if (!inner) return undefined;
        members.push(...inner);
      }
      return members;
    }
    case 'TSTypeReference': {
      if (type.typeArguments) return undefined;
      if (type.typeName.type === 'TSQualifiedName') {
        // `PM.Npm`: one member of an enum.
        const { left, right } = type.typeName;
        const member = left.type === 'Identifier' ? enumMemberInitializer(sourceCode, left, right.name) : undefined;
        return member ? [member] : undefined;
      }
      if (type.typeName.type !== 'Identifier') return undefined;
      const definitions = resolveVariable(sourceCode, type.typeName)?.defs ?? [];
      const [definition] = definitions;
      if (definitions.length !== 1 || !definition) return undefined;
      if (definition.node.type === 'TSTypeAliasDeclaration' && !definition.node.typeParameters) {
        return annotatedMembers(sourceCode, definition.node.typeAnnotation, depth + 1);
      }
      if (definition.node.type === 'TSEnumDeclaration') return enumInitializers(definition.node);
      return undefined;
    }
    default:
      return undefined;
  }
}

/** The annotation of the binding `identifier` declares, if any: `pm: PM` in a parameter or declaration. */
export function bindingAnnotation(identifier: TSESTree.Identifier): TSESTree.TypeNode | undefined {
  return identifier.typeAnnotation?.typeAnnotation;
}

/** `PM.Npm` of an `enum PM { Npm = 'npm' }` declared once in the file: its initializer. */
export function enumMemberInitializer(sourceCode: Readonly<TSESLint.SourceCode>, object: TSESTree.Identifier, name: string): Node | undefined {
  const declaration = enumDeclaration(sourceCode, object);
  const member = declaration?.body.members.find((candidate) => (candidate.id.type === 'Identifier' ? candidate.id.name : candidate.id.value) === name);
  const initializer = member?.initializer && skipTransparent(member.initializer);
  return initializer?.type === 'Literal' && typeof initializer.value === 'string' ? initializer : undefined;
}

function enumDeclaration(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier): TSESTree.TSEnumDeclaration | undefined {
  const definitions = resolveVariable(sourceCode, identifier)?.defs ?? [];
  const node = definitions.length === 1 ? definitions[0]?.node : undefined;
  return node?.type === 'TSEnumDeclaration' ? node : undefined;
}

/** Every member's initializer, when each is a string literal (a numeric member makes the set unknown). */
function enumInitializers(declaration: TSESTree.TSEnumDeclaration): Node[] | undefined {
  const members: Node[] = [];
  for (const member of declaration.body.members) {
    const initializer = member.initializer && skipTransparent(member.initializer);
    if (initializer?.type !== 'Literal' || typeof initializer.value !== 'string') return undefined;
    members.push(initializer);
  }
  return members;
}

/**
 * The elements of the array literal `node` holds, directly or through a `const` (with or without
 * `as const`) that is only ever read: iterated, indexed or passed to a method that reads it.
 */
export function arrayElements(sourceCode: Readonly<TSESLint.SourceCode>, node: Node): Node[] | undefined {
  const value = skipTransparent(node);
  const list = value.type === 'Identifier' ? keptConstant(sourceCode, value, onlyRead) : value;
  if (list?.type !== 'ArrayExpression') return undefined;
  const elements: Node[] = [];
  for (const element of list.elements) {
    if (!element || element.type === 'SpreadElement') return undefined;
    elements.push(element);
  }
  return elements;
}

/**
 * The object literal `node` is, directly or through a `const` only ever read by a key
 * (`NAMES[process.platform]`, `NAMES.win32`): a table whose entries stay as written.
 */
export function readOnlyTable(sourceCode: Readonly<TSESLint.SourceCode>, node: Node): TSESTree.ObjectExpression | undefined {
  const value = skipTransparent(node);
  const table = value.type === 'Identifier' ? keptConstant(sourceCode, value, readByKey) : value;
  return table?.type === 'ObjectExpression' ? table : undefined;
}

/** The initializer of the `const` `identifier` names, when every other use of it is one that `keeps` allows. */
function keptConstant(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier, keeps: (use: Node) => boolean): Node | undefined {
  const variable = resolveVariable(sourceCode, identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || definition?.type !== 'Variable' || definition.parent.kind !== 'const' || !definition.node.init) return undefined;
  if (definition.node.id.type !== 'Identifier' || !variable.references.every((reference) => reference.init === true || keeps(reference.identifier))) return undefined;
  return skipTransparent(definition.node.init);
}

/** A use of an object that reads one entry: `table[key]`, `table.name`, not written, deleted or called. */
function readByKey(identifier: Node): boolean {
  let use = identifier;
  while (use.parent && skipTransparent(use.parent) === use) use = use.parent;
  const parent = use.parent;
  if (parent?.type !== 'MemberExpression' || parent.object !== use) return false;
  let outer: Node = parent;
  while (outer.parent && skipTransparent(outer.parent) === outer) outer = outer.parent;
  const user = outer.parent;
  if (user?.type === 'AssignmentExpression' && user.left === outer) return false;
  if (user?.type === 'UpdateExpression' || (user?.type === 'UnaryExpression' && user.operator === 'delete')) return false;
  return !(user?.type === 'CallExpression' && user.callee === outer);
}

/** A use of an array that keeps it as it is: `for (… of list)`, `list[i]`, `list.forEach(…)`. */
function onlyRead(identifier: Node): boolean {
  let use = identifier;
  while (use.parent && skipTransparent(use.parent) === use) use = use.parent;
  const parent = use.parent;
  if (parent?.type === 'ForOfStatement') return parent.right === use;
  if (parent?.type !== 'MemberExpression' || parent.object !== use) return false;
  if (parent.parent.type === 'AssignmentExpression' && parent.parent.left === parent) return false;
  if (parent.parent.type === 'UpdateExpression' || parent.parent.type === 'UnaryExpression') return false;
  if (parent.computed && memberName(parent) === undefined) return true;
  const name = memberName(parent);
  if (name === 'length' || (name !== undefined && /^\d+$/.test(name))) return parent.parent.type !== 'CallExpression' || parent.parent.callee !== parent;
  return name !== undefined && READING_METHODS.has(name) && parent.parent.type === 'CallExpression' && parent.parent.callee === parent;
}

/**
 * The array a binding takes its elements from: the list of `for (const x of list)`, or the array
 * of `list.forEach((x) => …)` (and the other element callbacks) for its first parameter.
 */
export function iteratedList(definition: TSESLint.Scope.Definition): Node | undefined {
  if (definition.type === 'Variable') {
    const loop = definition.parent.parent;
    return loop?.type === 'ForOfStatement' && loop.left === definition.parent && !loop.await && definition.node.id.type === 'Identifier' ? loop.right : undefined;
  }
  if (definition.type !== 'Parameter') return undefined;
  const fn = definition.node;
  if (!('params' in fn) || fn.params[0] !== definition.name) return undefined;
  const call = fn.parent;
  if (call?.type !== 'CallExpression' || call.arguments[0] !== fn) return undefined;
  const callee = skipTransparent(call.callee);
  if (callee.type !== 'MemberExpression') return undefined;
  const method = memberName(callee);
  return method !== undefined && ELEMENT_CALLBACKS.has(method) ? callee.object : undefined;
}
