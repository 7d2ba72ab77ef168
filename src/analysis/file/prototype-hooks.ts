/**
 * Serializer hooks a module installs on a prototype: `Error.prototype.toJSON = …`,
 * `Object.defineProperty(Error.prototype, 'toJSON', …)`, `Object.defineProperties(X.prototype,
 * { toJSON: … })` or `Object.assign(X.prototype, { toJSON })`. `JSON.stringify` calls an inherited
 * `toJSON`, so a value of that prototype no longer sends what its type alone says. Found from the
 * text's `toJSON` occurrences (one lookup each, once per file); the prototype's owner is resolved
 * through the scope manager: the global it names, or a class of the file followed to its root.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { memberName, nodeAtIndex, skipTransparent, stringValue } from '../syntax/ast.js';
import { constantInitializer, isGlobalIdentifier, resolveVariable, writeCount } from '../syntax/scope.js';

type Node = TSESTree.Node;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

export interface ToJsonHooks {
  /** Globals whose prototype gets a `toJSON` (`Error`, `BigInt`, `Object`). */
  readonly globals: ReadonlySet<string>;
  /**
   * For a hooked prototype of anything else: the global at the root of its class chain (`Error`
   * for `class HttpError extends Error`), or `undefined` when the chain leaves what the file shows.
   * A class without a superclass is left out: its instances are of no global's kind.
   */
  readonly roots: ReadonlySet<string | undefined>;
}

/** Superclasses followed from a class to its root. */
const MAX_SUPERCLASSES = 8;
const NONE: ToJsonHooks = { globals: new Set(), roots: new Set() };
const hooksCache = new WeakMap<TSESTree.Program, ToJsonHooks>();

/** The prototypes the file gives a `toJSON`. */
export function toJsonHooks(sourceCode: Readonly<TSESLint.SourceCode>): ToJsonHooks {
  let hooks = hooksCache.get(sourceCode.ast);
  if (!hooks) hooksCache.set(sourceCode.ast, (hooks = findHooks(sourceCode)));
  return hooks;
}

function findHooks(sourceCode: Readonly<TSESLint.SourceCode>): ToJsonHooks {
  const globals = new Set<string>();
  const roots = new Set<string | undefined>();
  for (const match of sourceCode.text.matchAll(/\btoJSON\b/g)) {
    const node = nodeAtIndex(sourceCode.ast, sourceCode.visitorKeys, match.index);
    const owner = node && hookedOwner(sourceCode, node);
    if (!owner) continue;
    if (owner.type === 'Identifier' && isGlobalIdentifier(sourceCode, owner, owner.name)) {
      globals.add(owner.name);
      continue;
    }
    const root = classRoot(sourceCode, owner);
    if (root !== null) roots.add(root);
  }
  return globals.size === 0 && roots.size === 0 ? NONE : { globals, roots };
}

/** `X` when `key` (the `toJSON` name) is written on `X.prototype`; undefined for any other use. */
function hookedOwner(sourceCode: Readonly<TSESLint.SourceCode>, key: Node): Node | undefined {
  const parent = key.parent;
  // X.prototype.toJSON = …
  if (parent?.type === 'MemberExpression' && parent.property === key && memberName(parent) === 'toJSON') {
    const assignment = parent.parent;
    return assignment?.type === 'AssignmentExpression' && assignment.left === parent ? prototypeOwner(parent.object) : undefined;
  }
  // Object.defineProperty(X.prototype, 'toJSON', …)
  if (parent?.type === 'CallExpression' && parent.arguments[1] === key && stringValue(key) === 'toJSON') {
    return staticCall(sourceCode, parent, ['defineProperty']) ? prototypeOwner(parent.arguments[0]) : undefined;
  }
  // Object.defineProperties(X.prototype, { toJSON: … }), Object.assign(X.prototype, { toJSON })
  const object = parent?.type === 'Property' && parent.key === key && !parent.computed ? parent.parent : undefined;
  const call = object?.parent;
  if (object?.type !== 'ObjectExpression' || call?.type !== 'CallExpression' || call.arguments[1] !== object) return undefined;
  return staticCall(sourceCode, call, ['defineProperties', 'assign']) ? prototypeOwner(call.arguments[0]) : undefined;
}

/** `Object.<method>(…)` (or `Reflect.defineProperty`) on the global. */
function staticCall(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression, methods: readonly string[]): boolean {
  const callee = skipTransparent(call.callee);
  if (callee.type !== 'MemberExpression' || !methods.includes(memberName(callee) ?? '')) return false;
  const object = skipTransparent(callee.object);
  return isGlobalIdentifier(sourceCode, object, 'Object') || (memberName(callee) === 'defineProperty' && isGlobalIdentifier(sourceCode, object, 'Reflect'));
}

/** `X` of `X.prototype`. */
function prototypeOwner(node: Node | undefined): Node | undefined {
  const member = node && skipTransparent(node);
  return member?.type === 'MemberExpression' && memberName(member) === 'prototype' ? skipTransparent(member.object) : undefined;
}

/**
 * The global a class of the file derives from, followed through the file's classes; undefined
 * when the chain leaves what the file shows (an import, a parameter), null for a class without a
 * superclass.
 */
function classRoot(sourceCode: Readonly<TSESLint.SourceCode>, owner: Node): string | undefined | null {
  let current = owner;
  for (let depth = 0; depth < MAX_SUPERCLASSES; depth += 1) {
    if (current.type !== 'Identifier') return undefined;
    const declared = localClass(sourceCode, current);
    if (!declared) return depth > 0 && isGlobalIdentifier(sourceCode, current, current.name) ? current.name : undefined;
    if (!declared.superClass) return null;
    current = skipTransparent(declared.superClass);
  }
  return undefined;
}

/** The class an identifier names: a class declaration, or a `const` holding a class expression. */
export function localClass(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier): ClassNode | undefined {
  const variable = resolveVariable(sourceCode, identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type === 'ClassName') return definition.node;
  const init = constantInitializer(sourceCode, identifier);
  return init?.type === 'ClassExpression' && variable && writeCount(variable) === 1 ? init : undefined;
}
