/**
 * Who can construct a class of this file, from the reads of the names it is bound to (the scope
 * manager's references): whether every construction is written in this file, where the analysis
 * sees it, or the class's code may be constructed from anywhere (an export, a value passed on).
 *
 * - `file`: the class is exported in no form, and every read of its bindings (outer and inner names,
 *   and for a compiled class the variable its wrapper's result is assigned to) is the callee of a
 *   `new`, or builds its prototype (`X.prototype.m = …`, `X.prototype = …`,
 *   `Object.setPrototypeOf(X.prototype, …)`, node:util's `inherits(X, …)`, a compiled wrapper's
 *   `helper(X, _super)`), or tests an instance (`this instanceof X`); type-only reads count for nothing.
 *   `extends X` is a read: a subclass's `super()` constructs it.
 * - `private`: a TypeScript `private constructor`, or one that throws unless passed a `#private`
 *   token of the class or a token the module keeps to itself (`const initFlag = Symbol()`), exported
 *   or not: only the class's (or module's) own code constructs it; `reads` are every read of its
 *   bindings, for the caller to ask when they run.
 * - `open`: anything else, including a class without a name, a name written twice, a class factory's
 *   class, and a class whose static fields or blocks read `this` (`static shared = new this()`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { constructorOf, isExportedFunction, isFunction, memberName, outerValue, skipTransparent, walk } from '../syntax/ast.js';
import { isGlobalIdentifier, resolveVariable, writeCount } from '../syntax/scope.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

/** What this module reads of a class model's shape (classes.ts imports this module). */
interface ClassShape {
  readonly kind: 'class' | 'factory' | 'function' | 'compiled';
  readonly node: TSESTree.ClassDeclaration | TSESTree.ClassExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;
}

export type ClassAccess =
  | { readonly kind: 'file'; readonly constructions: readonly TSESTree.NewExpression[] }
  | { readonly kind: 'private'; readonly reads: readonly TSESTree.Identifier[] }
  | { readonly kind: 'open' };

const OPEN: ClassAccess = { kind: 'open' };

export function classAccess(sourceCode: Readonly<TSESLint.SourceCode>, shape: ClassShape, isInherits: (callee: Node) => boolean): ClassAccess {
  const { node } = shape;
  if (shape.kind === 'factory' || staticCodeReadsThis(sourceCode, shape)) return OPEN;
  const variables = bindings(sourceCode, shape);
  if (!variables) return OPEN;
  const reads = variables.flatMap((variable) => valueReads(variable));
  if ((node.type === 'ClassDeclaration' || node.type === 'ClassExpression') && hasPrivateConstructor(sourceCode, node)) return { kind: 'private', reads };
  if (isExportedFunction(node)) return OPEN;
  const constructions: TSESTree.NewExpression[] = [];
  for (const read of reads) {
    const parent = read.parent;
    if (parent?.type === 'NewExpression' && parent.callee === read) constructions.push(parent);
    else if (!buildsOrTests(sourceCode, shape, read, isInherits)) return OPEN;
  }
  return { kind: 'file', constructions };
}

/**
 * The variables a class or constructor function is bound to, each written at most once: its own
 * names (`class C`, `function C`, `class E` of `const D = class E {}`), the variable its value
 * initialises, and for a compiled class the variable its wrapper's call initialises. Undefined when
 * its value goes anywhere else.
 */
function bindings(sourceCode: Readonly<TSESLint.SourceCode>, shape: ClassShape): Variable[] | undefined {
  const { node } = shape;
  const variables = sourceCode.getDeclaredVariables(node).filter((variable) => variable.defs.some((def) => def.name === node.id));
  // What holds the class as a value: itself, or a compiled class's wrapper call.
  const value = shape.kind === 'compiled' ? wrapperCall(node) : node;
  const holder = value && outerValue(value);
  const declarator = holder?.parent;
  if (declarator?.type === 'VariableDeclarator' && declarator.init === holder && declarator.id.type === 'Identifier') {
    variables.push(...sourceCode.getDeclaredVariables(declarator));
  } else if (value !== node || (node.type !== 'ClassDeclaration' && node.type !== 'FunctionDeclaration')) {
    // An unnamed value (`module.exports = class {…}`, `run(class {…})`) goes where the file cannot follow.
    return undefined;
  }
  return variables.length > 0 && variables.every((variable) => writeCount(variable) <= 1) ? variables : undefined;
}

/** `(function (_super) { … function Foo() {} … return Foo; }(Base))`: the call of the wrapper a compiled class is declared in. */
function wrapperCall(node: Node): TSESTree.CallExpression | undefined {
  const wrapper = node.parent?.parent;
  const call = wrapper && outerValue(wrapper).parent;
  return call?.type === 'CallExpression' && skipTransparent(call.callee) === wrapper ? call : undefined;
}

/** The reads of a variable that exist at run time (not `let x: C`, `typeof C` in a type), but a compiled wrapper's `return C`. */
function valueReads(variable: Variable): TSESTree.Identifier[] {
  const reads: TSESTree.Identifier[] = [];
  for (const reference of variable.references) {
    const identifier = reference.identifier;
    if (!reference.isRead() || identifier.type !== 'Identifier' || (reference.isTypeReference && !reference.isValueReference)) continue;
    if (identifier.parent?.type === 'TSTypeQuery') continue;
    reads.push(identifier);
  }
  return reads;
}

/** A read that builds the prototype or tests an instance, and lets the class go nowhere. */
function buildsOrTests(sourceCode: Readonly<TSESLint.SourceCode>, shape: ClassShape, read: TSESTree.Identifier, isInherits: (callee: Node) => boolean): boolean {
  const parent = read.parent;
  if (!parent) return false;
  if (parent.type === 'BinaryExpression' && parent.operator === 'instanceof' && parent.right === read) return true;
  if (parent.type === 'MemberExpression' && parent.object === read && memberName(parent) === 'prototype') return buildsPrototype(sourceCode, parent);
  if (parent.type === 'CallExpression' && parent.arguments[0] === read && isInherits(skipTransparent(parent.callee))) return true;
  if (shape.kind !== 'compiled') return false;
  // The wrapper's `return Foo` (its call's variable is read in turn), and its inheritance call
  // `helper(Foo, _super)` at statement level.
  const body = shape.node.parent;
  if (parent.type === 'ReturnStatement') return parent.parent === body;
  if (parent.type !== 'CallExpression' || parent.arguments[0] !== read) return false;
  const wrapper = body?.parent;
  const base = wrapper?.type === 'FunctionExpression' ? wrapper.params[0] : undefined;
  const second = parent.arguments[1];
  return (
    parent.arguments.length === 2 &&
    parent.parent.type === 'ExpressionStatement' &&
    parent.parent.parent === body &&
    base?.type === 'Identifier' &&
    second?.type === 'Identifier' &&
    resolveVariable(sourceCode, second)?.defs[0]?.name === base
  );
}

/** `X.prototype.m = …`, `X.prototype.m` read (not `.constructor`), `X.prototype = …`, `Object.setPrototypeOf(X.prototype, …)`. */
function buildsPrototype(sourceCode: Readonly<TSESLint.SourceCode>, prototype: TSESTree.MemberExpression): boolean {
  const parent = prototype.parent;
  if (parent.type === 'MemberExpression' && parent.object === prototype) {
    const name = memberName(parent);
    return name !== undefined && name !== 'constructor';
  }
  if (parent.type === 'AssignmentExpression' && parent.left === prototype) return true;
  if (parent.type !== 'CallExpression' || parent.arguments[0] !== prototype) return false;
  const callee = skipTransparent(parent.callee);
  return callee.type === 'MemberExpression' && memberName(callee) === 'setPrototypeOf' && isGlobalIdentifier(sourceCode, callee.object, 'Object');
}

/** TypeScript's `private constructor`, or a constructor gated by a `#private` token (`tokenGated`). */
function hasPrivateConstructor(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): boolean {
  return node.body.body.some((member) => member.type === 'MethodDefinition' && member.kind === 'constructor' && member.accessibility === 'private') || tokenGated(sourceCode, node);
}

/**
 * A constructor only the class's own code gets past: it first throws unless a parameter is a static
 * `#token` of the class (`if (token !== Player.#token) throw …`), the token is a fresh `{}` or
 * `Symbol()`, and the class uses it nowhere but in that test and as an argument of its own `new`.
 * Nothing runs before the test: no parameter default, no instance field initialiser.
 */
function tokenGated(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): boolean {
  const constructor = constructorOf(node)?.value;
  const [first] = constructor?.body?.body ?? [];
  if (!constructor || first?.type !== 'IfStatement' || first.alternate || !throwsOnly(first.consequent)) return false;
  if (constructor.params.some((param) => param.type !== 'Identifier')) return false;
  if (node.body.body.some((member) => member.type === 'PropertyDefinition' && !member.static && member.value)) return false;
  const test = skipTransparent(first.test);
  if (test.type !== 'BinaryExpression' || (test.operator !== '!==' && test.operator !== '!=')) return false;
  const isClass = (object: Node) => object.type === 'Identifier' && resolveVariable(sourceCode, object)?.defs.some((def) => def.node === node) === true;
  const isParameter = (value: Node) => value.type === 'Identifier' && constructor.params.some((param) => resolveVariable(sourceCode, value)?.defs[0]?.name === param);
  // `if (flag !== initFlag) throw …` with a token the module keeps to itself
  if (test.left.type === 'Identifier' && test.right.type === 'Identifier') {
    const token = isParameter(test.left) ? test.right : isParameter(test.right) ? test.left : undefined;
    return token !== undefined && moduleTokenKept(sourceCode, token, isClass);
  }
  const [token, argument] = test.left.type === 'MemberExpression' ? [test.left, test.right] : [test.right, test.left];
  const name = token.type === 'MemberExpression' && token.property.type === 'PrivateIdentifier' && isClass(token.object) ? token.property.name : undefined;
  if (name === undefined || !isParameter(argument)) return false;
  const fresh = node.body.body.some(
    (member) =>
      member.type === 'PropertyDefinition' &&
      member.static &&
      member.key.type === 'PrivateIdentifier' &&
      member.key.name === name &&
      member.value !== null &&
      isFreshValue(sourceCode, member.value),
  );
  if (!fresh) return false;
  let leaks = false;
  walk(node.body, sourceCode.visitorKeys, (inner) => {
    if (leaks) return false;
    if (inner.type === 'MemberExpression' && inner.property.type === 'PrivateIdentifier' && inner.property.name === name && inner !== token) {
      const parent = inner.parent;
      leaks = !(parent.type === 'NewExpression' && parent.arguments.includes(inner) && (parent.callee.type === 'ThisExpression' || isClass(parent.callee)));
    }
    return !leaks;
  });
  return !leaks;
}

/**
 * A module-scope `const` token (`const initFlag = Symbol()`) that is a fresh `{}` or `Symbol()`, is
 * not exported, and is read nowhere but in the gate and as an argument of a `new` of the class: only
 * the module's own code gets past the gate (sass-embedded's `initAsyncCompiler()`).
 */
function moduleTokenKept(sourceCode: Readonly<TSESLint.SourceCode>, token: TSESTree.Identifier, isClass: (node: Node) => boolean): boolean {
  const variable = resolveVariable(sourceCode, token);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || definition?.type !== 'Variable' || definition.parent.kind !== 'const' || !definition.node.init || !isFreshValue(sourceCode, definition.node.init)) return false;
  if (variable.scope.type !== 'module' && variable.scope.type !== 'global') return false;
  // `export const initFlag`: the module hands it out.
  if (definition.parent.parent.type === 'ExportNamedDeclaration') return false;
  return variable.references.every((reference) => {
    if (reference.init) return true;
    const read = reference.identifier;
    const parent = read.parent;
    return read === token || (parent?.type === 'NewExpression' && parent.arguments.includes(read as TSESTree.Identifier) && isClass(parent.callee));
  });
}

/** `throw …;`, alone or in a block. */
function throwsOnly(statement: TSESTree.Statement): boolean {
  if (statement.type === 'ThrowStatement') return true;
  return statement.type === 'BlockStatement' && statement.body.length === 1 && statement.body[0]!.type === 'ThrowStatement';
}

/** `{}` or `Symbol(…)`: a value no other code holds. */
function isFreshValue(sourceCode: Readonly<TSESLint.SourceCode>, value: Node): boolean {
  const inner = skipTransparent(value);
  if (inner.type === 'ObjectExpression') return inner.properties.length === 0;
  return inner.type === 'CallExpression' && isGlobalIdentifier(sourceCode, inner.callee, 'Symbol');
}

/** Whether a static field or static block reads `this` (the class, while the module loads: `static instance = new this()`). */
function staticCodeReadsThis(sourceCode: Readonly<TSESLint.SourceCode>, shape: ClassShape): boolean {
  const { node } = shape;
  if (node.type !== 'ClassDeclaration' && node.type !== 'ClassExpression') return false;
  let found = false;
  for (const member of node.body.body) {
    const code = member.type === 'StaticBlock' ? member : member.type === 'PropertyDefinition' && member.static ? member.value : undefined;
    if (!code) continue;
    walk(code, sourceCode.visitorKeys, (inner) => {
      if (found || (isFunction(inner) && inner.type !== 'ArrowFunctionExpression')) return false;
      if (inner.type === 'ThisExpression') found = true;
      return !found;
    });
  }
  return found;
}
