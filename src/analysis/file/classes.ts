/**
 * The class model: what `new` constructs in this file, whatever form the class is written in.
 *
 * - `class`: an ES2015 class declaration or expression;
 * - `factory`: an ES2015 class a function returns (`return class {…}`, or declared then returned):
 *   its constructions go through the factory's result, out of this file's sight;
 * - `function`: an ES5 constructor function, one whose body assigns `this.x = …` (or through an
 *   alias of `this`) and that is constructed with `new` here or has prototype members
 *   (`X.prototype.m = …`, `X.prototype = …`, `Object.setPrototypeOf(X.prototype, …)`, node:util's
 *   `inherits(X, …)`); the functions a compiled class helper defines on `X.prototype`
 *   (`_createClass(X, [{ key: 'm', value: function () {…} }])`) are its methods when the helper's own
 *   code in this file proves it does so: `defineProperties(Constructor.prototype, protoProps)` over
 *   `Object.defineProperty(target, descriptor.key, descriptor)`; a helper from another module is unknown;
 * - `compiled`: a function that uses its `this` so (or only holds it in an alias) declared in a
 *   function expression that is invoked at once and returns it, the shape compilers give a class
 *   (`var Foo = (function (_super) { … return Foo; }(Base))`).
 *
 * Every form is recognised by structure resolved through the scope manager, never by names. Built
 * without a walk of the file: from the class scopes, the `this` expressions and, for a function that
 * writes its `this`, the references of the name it is bound to; the execution model and the
 * `initialize()` refactor read it.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { constructorOf, isFunction, isStringLike, memberKey, memberName, nodeAtIndex, propertyValue, skipTransparent, walk, type FunctionNode } from '../syntax/ast.js';
import { isGlobalIdentifier, resolveVariable, writeCount } from '../syntax/scope.js';
import { classAccess, type ClassAccess } from './class-access.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;
export type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;
export type ConstructorFunction = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;
/** What `new` runs: a class, or a constructor function. */
export type ConstructedNode = ClassNode | ConstructorFunction;

export interface ClassShape {
  readonly kind: 'class' | 'factory' | 'function' | 'compiled';
  readonly node: ConstructedNode;
  /** The function `new` runs: the class's written constructor, or the constructor function. */
  readonly constructorFunction: TSESTree.FunctionExpression | ConstructorFunction | undefined;
  /** Instance methods by key (`m`, `#m`): methods and function-valued fields of a class, prototype members of a function. */
  readonly methods: ReadonlyMap<string, readonly FunctionNode[]>;
  /** Constructor locals that hold the instance (`var self = this`, `var _this = _super.call(this) || this`). */
  readonly aliases: ReadonlySet<Variable>;
}

export class ClassModel {
  private readonly shapes = new Map<ConstructedNode, ClassShape>();
  private readonly constructors = new Map<FunctionNode, ClassShape>();
  private readonly methods = new Map<FunctionNode, { readonly shape: ClassShape; readonly key: string }>();
  private readonly access = new Map<ClassShape, ClassAccess>();

  /** `isInherits(callee)`: whether a callee is node:util's `inherits`. */
  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly isInherits: (callee: Node) => boolean,
  ) {
    new Collector(sourceCode, isInherits).collect(this);
  }

  /** @internal Registers a shape; the collector calls it. */
  add(shape: ClassShape): void {
    this.shapes.set(shape.node, shape);
    if (shape.constructorFunction) this.constructors.set(shape.constructorFunction, shape);
    for (const [key, functions] of shape.methods) for (const fn of functions) this.methods.set(fn, { shape, key });
  }

  shapeOf(node: ConstructedNode): ClassShape | undefined {
    return this.shapes.get(node);
  }

  /** The class whose construction runs `fn` as its constructor. */
  constructedBy(fn: FunctionNode): ClassShape | undefined {
    return this.constructors.get(fn);
  }

  /** The class and key of which `fn` is an instance method. */
  methodOf(fn: FunctionNode): { readonly shape: ClassShape; readonly key: string } | undefined {
    return this.methods.get(fn);
  }

  /** Who can construct the class: only `new` in this file, only its own code (a private constructor), or anyone (see class-access.ts). */
  accessOf(shape: ClassShape): ClassAccess {
    let access = this.access.get(shape);
    if (!access) {
      access = classAccess(this.sourceCode, shape, this.isInherits);
      this.access.set(shape, access);
    }
    return access;
  }

  /** Whether `node` evaluates to the instance in the constructor of `shape`: `this`, or an alias of it. */
  isInstance(shape: ClassShape, node: Node): boolean {
    const inner = skipTransparent(node);
    if (inner.type === 'ThisExpression') return true;
    if (inner.type !== 'Identifier' || shape.aliases.size === 0) return false;
    const variable = resolveVariable(this.sourceCode, inner);
    return variable !== undefined && shape.aliases.has(variable);
  }
}

/** What the `this` expressions and the constructor functions' names show, sorted into shapes at the end. */
class Collector {
  private readonly classes: ClassNode[] = [];
  /** Functions whose own `this` (or an alias of it) gets a member assigned. */
  private readonly assigning = new Set<FunctionNode>();
  private readonly aliasesOf = new Map<FunctionNode, Set<Variable>>();
  /** Variables constructed with `new` or given prototype members. */
  private readonly constructed = new Set<Variable>();
  private readonly prototypeMethods = new Map<Variable, Map<string, FunctionNode[]>>();
  /** Per helper function: whether its code defines its second argument's descriptors on its first's prototype. */
  private readonly definingHelpers = new Map<FunctionNode, boolean>();

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly isInherits: (callee: Node) => boolean,
  ) {}

  collect(model: ClassModel): void {
    const { sourceCode } = this;
    // Every `this` of a function: its member writes (`this.x = …`) and the aliases declared with it.
    for (const match of sourceCode.text.matchAll(/\bthis\b/g)) {
      const node = nodeAtIndex(sourceCode.ast, sourceCode.visitorKeys, match.index);
      if (node?.type !== 'ThisExpression') continue;
      const owner = thisOwner(node);
      if (!owner) continue;
      if (owner.declarator) this.noteAlias(owner.declarator, owner.fn);
      if (isWrittenMemberOf(node)) this.assigning.add(owner.fn);
    }
    // `self.x = …` in the function whose alias `self` is.
    for (const [fn, aliases] of this.aliasesOf) {
      for (const alias of aliases) {
        if (alias.references.some(({ identifier }) => isWrittenMemberOf(identifier) && thisFunctionOf(identifier) === fn)) this.assigning.add(fn);
      }
    }
    for (const scope of sourceCode.scopeManager?.scopes ?? []) {
      if (scope.type === 'class') this.classes.push(scope.block as ClassNode);
    }
    // What makes a function that uses its `this` a constructor: `new`, and prototype members, all
    // uses of the name it is bound to.
    for (const fn of new Set([...this.assigning, ...this.aliasesOf.keys()])) {
      const variable = fn.type === 'ArrowFunctionExpression' ? undefined : bindingOf(sourceCode, fn);
      for (const reference of variable?.references ?? []) this.noteUse(reference.identifier);
    }
    this.addShapes(model);
  }

  /** A use of a constructor function's name: `new X()`, `X.prototype… = …`, `inherits(X, …)`, `Object.setPrototypeOf(X.prototype, …)`. */
  private noteUse(identifier: Node): void {
    const use = outermostOf(identifier);
    const parent = use.parent;
    if (parent?.type === 'NewExpression' && parent.callee === use) this.noteConstructed(use);
    else if (parent?.type === 'CallExpression' && parent.arguments[0] === use) this.notePrototypeCall(parent);
    else if (parent?.type === 'MemberExpression' && parent.object === use && prototypeOf(parent)) {
      const above = parent.parent;
      if (above?.type === 'AssignmentExpression' && above.left === parent) this.notePrototypeAssignment(above);
      else if (above?.type === 'CallExpression' && above.arguments[0] === parent) this.notePrototypeCall(above);
      else if (above?.type === 'MemberExpression' && above.object === parent && above.parent?.type === 'AssignmentExpression' && above.parent.left === above) {
        this.notePrototypeAssignment(above.parent);
      }
    }
  }

  /** Sorts what was found into shapes. */
  private addShapes(model: ClassModel): void {
    for (const classNode of this.classes) {
      const shape = classShape(this.sourceCode, classNode);
      const constructor = shape.constructorFunction;
      model.add({ ...shape, aliases: (constructor && this.aliasesOf.get(constructor)) ?? new Set() });
    }
    // A compiled constructor may only call methods (`var _this = _super.call(this) || this; _this.listen();`).
    for (const fn of new Set([...this.assigning, ...this.aliasesOf.keys()])) {
      if (fn.type === 'ArrowFunctionExpression') continue;
      const variable = bindingOf(this.sourceCode, fn);
      const compiled = compiledClass(this.sourceCode, fn, variable);
      if (!variable || (!compiled && !(this.assigning.has(fn) && this.constructed.has(variable)))) continue;
      model.add({
        kind: compiled ? 'compiled' : 'function',
        node: fn,
        constructorFunction: fn,
        methods: this.prototypeMethods.get(variable) ?? new Map(),
        aliases: this.aliasesOf.get(fn) ?? new Set(),
      });
    }
  }

  /** `var self = this` (or `var _this = _super.call(this) || this`) in `fn`, written once: an alias of its `this`. */
  private noteAlias(node: TSESTree.VariableDeclarator, fn: FunctionNode): void {
    if (node.id.type !== 'Identifier' || !node.init || !holdsThis(node.init)) return;
    const variable = resolveVariable(this.sourceCode, node.id);
    if (!variable || writeCount(variable) > 1) return;
    const aliases = this.aliasesOf.get(fn) ?? new Set();
    aliases.add(variable);
    this.aliasesOf.set(fn, aliases);
  }

  /** `X.prototype.m = function…` and `X.prototype = …` (an object literal's function members are methods). */
  private notePrototypeAssignment(node: TSESTree.AssignmentExpression): void {
    if (node.operator !== '=' || node.left.type !== 'MemberExpression') return;
    const direct = prototypeOf(node.left);
    if (direct) {
      const variable = this.noteConstructed(direct);
      const value = skipTransparent(node.right);
      if (variable && value.type === 'ObjectExpression') {
        for (const property of value.properties) {
          if (property.type !== 'Property' || property.computed || property.kind !== 'init') continue;
          const key = property.key.type === 'Identifier' ? property.key.name : property.key.type === 'Literal' ? String(property.key.value) : undefined;
          this.noteMethod(variable, key, property.value);
        }
      }
      return;
    }
    const owner = node.left.object.type === 'MemberExpression' ? prototypeOf(node.left.object) : undefined;
    if (owner) this.noteMethod(this.noteConstructed(owner), memberKey(node.left), node.right);
  }

  /** `Object.setPrototypeOf(X.prototype, …)`, node:util's `inherits(X, …)` and a proven `_createClass(X, descriptors)`. */
  private notePrototypeCall(node: TSESTree.CallExpression): void {
    const [first, second] = node.arguments;
    if (!first) return;
    const callee = skipTransparent(node.callee);
    if (this.isInherits(callee)) {
      this.noteConstructed(first);
      return;
    }
    if (second?.type === 'ArrayExpression' && this.definesOnPrototype(callee)) {
      const variable = this.noteConstructed(first);
      for (const descriptor of second.elements) if (descriptor?.type === 'ObjectExpression') this.noteDescriptor(variable, descriptor);
      return;
    }
    const target = first.type === 'MemberExpression' ? prototypeOf(first) : undefined;
    if (
      target &&
      callee.type === 'MemberExpression' &&
      memberName(callee) === 'setPrototypeOf' &&
      isGlobalIdentifier(this.sourceCode, callee.object, 'Object')
    ) {
      this.noteConstructed(target);
    }
  }

  /** `{ key: 'm', value: function () {…} }`: its `value`, `get` and `set` functions run with the instance as `this`. */
  private noteDescriptor(variable: Variable | undefined, descriptor: TSESTree.ObjectExpression): void {
    const key = propertyValue(descriptor, 'key');
    if (!key || !isStringLike(key)) return;
    for (const name of ['value', 'get', 'set']) {
      const fn = propertyValue(descriptor, name);
      if (fn) this.noteMethod(variable, key.value, fn);
    }
  }

  /** A helper `(Constructor, protoProps)` whose code defines each of `protoProps` on `Constructor.prototype`. */
  private definesOnPrototype(callee: Node): boolean {
    const helper = helperFunction(this.sourceCode, callee);
    if (!helper) return false;
    let proven = this.definingHelpers.get(helper);
    if (proven === undefined) {
      const [constructor, descriptors] = helper.params;
      proven = someCall(this.sourceCode, helper, (call) => {
        const [target, list] = call.arguments;
        const prototype = target?.type === 'MemberExpression' ? prototypeOf(target) : undefined;
        if (!prototype || !isParameter(this.sourceCode, prototype, constructor) || !isParameter(this.sourceCode, list, descriptors)) return false;
        const defining = helperFunction(this.sourceCode, call.callee);
        return defining !== undefined && definesEach(this.sourceCode, defining);
      });
      this.definingHelpers.set(helper, proven);
    }
    return proven;
  }

  private noteConstructed(node: Node): Variable | undefined {
    const inner = skipTransparent(node);
    const variable = inner.type === 'Identifier' ? resolveVariable(this.sourceCode, inner) : undefined;
    if (variable) this.constructed.add(variable);
    return variable;
  }

  private noteMethod(variable: Variable | undefined, key: string | undefined, value: Node): void {
    const fn = skipTransparent(value);
    if (!variable || key === undefined || (fn.type !== 'FunctionExpression' && fn.type !== 'ArrowFunctionExpression')) return;
    const methods = this.prototypeMethods.get(variable) ?? new Map<string, FunctionNode[]>();
    methods.set(key, [...(methods.get(key) ?? []), fn]);
    this.prototypeMethods.set(variable, methods);
  }
}

/**
 * The function a callee is bound to once: `function h() {}`, `var h = function () {}`, or
 * `var h = (function () { …; return function () {}; })()`.
 */
function helperFunction(sourceCode: Readonly<TSESLint.SourceCode>, callee: Node): FunctionNode | undefined {
  const inner = skipTransparent(callee);
  const variable = inner.type === 'Identifier' ? resolveVariable(sourceCode, inner) : undefined;
  const definition = variable && variable.defs.length === 1 && writeCount(variable) <= 1 ? variable.defs[0] : undefined;
  if (definition?.type === 'FunctionName') return definition.node as TSESTree.FunctionDeclaration;
  let value = definition?.type === 'Variable' && definition.node.init ? skipTransparent(definition.node.init) : undefined;
  if (value?.type === 'CallExpression' && value.arguments.length === 0) {
    const wrapper = skipTransparent(value.callee);
    const last = wrapper.type === 'FunctionExpression' ? wrapper.body.body.at(-1) : undefined;
    value = last?.type === 'ReturnStatement' && last.argument ? skipTransparent(last.argument) : undefined;
  }
  return value?.type === 'FunctionExpression' ? value : undefined;
}

/** `(target, props)` whose code runs `Object.defineProperty(target, descriptor.key, descriptor)` on `descriptor = props[i]`. */
function definesEach(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode): boolean {
  const [target, props] = fn.params;
  return someCall(sourceCode, fn, (call) => {
    const [object, key, descriptor] = call.arguments;
    const callee = skipTransparent(call.callee);
    if (callee.type !== 'MemberExpression' || memberName(callee) !== 'defineProperty' || !isGlobalIdentifier(sourceCode, callee.object, 'Object')) return false;
    if (!isParameter(sourceCode, object, target) || descriptor?.type !== 'Identifier' || key?.type !== 'MemberExpression' || memberName(key) !== 'key') return false;
    const variable = resolveVariable(sourceCode, descriptor);
    const definition = variable?.defs.length === 1 && writeCount(variable) <= 1 ? variable.defs[0] : undefined;
    const init = definition?.type === 'Variable' && definition.node.init ? skipTransparent(definition.node.init) : undefined;
    return (
      key.object.type === 'Identifier' &&
      resolveVariable(sourceCode, key.object) === variable &&
      init?.type === 'MemberExpression' &&
      init.computed &&
      isParameter(sourceCode, init.object, props)
    );
  });
}

/** Whether a call in `fn`'s own body (not in a nested function) satisfies `test`. */
function someCall(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode, test: (call: TSESTree.CallExpression) => boolean): boolean {
  let found = false;
  walk(fn.body, sourceCode.visitorKeys, (node) => {
    if (found || isFunction(node)) return false;
    if (node.type === 'CallExpression' && test(node)) found = true;
    return !found;
  });
  return found;
}

/** Whether `node` reads the parameter declared as `parameter`. */
function isParameter(sourceCode: Readonly<TSESLint.SourceCode>, node: Node | undefined, parameter: Node | undefined): boolean {
  return node?.type === 'Identifier' && parameter?.type === 'Identifier' && resolveVariable(sourceCode, node)?.defs[0]?.name === parameter;
}

function classShape(sourceCode: Readonly<TSESLint.SourceCode>, classNode: ClassNode): ClassShape {
  const methods = new Map<string, FunctionNode[]>();
  for (const member of classNode.body.body) {
    if ((member.type !== 'MethodDefinition' && member.type !== 'PropertyDefinition') || member.static || member.computed) continue;
    const fn = member.type === 'MethodDefinition' ? (member.kind === 'method' ? member.value : undefined) : member.value;
    const key = memberKey(member);
    if (fn && isFunction(fn) && key !== undefined) methods.set(key, [...(methods.get(key) ?? []), fn]);
  }
  return {
    kind: returnedByFunction(sourceCode, classNode) ? 'factory' : 'class',
    node: classNode,
    constructorFunction: constructorFunction(classNode),
    methods,
    aliases: new Set(),
  };
}

/** Whether `node` (through `as`, `!`, `?.`) is the object of a member an assignment writes: `this.x = …`, `self.x += …`. */
function isWrittenMemberOf(node: Node): boolean {
  const use = outermostOf(node);
  const member = use.parent;
  return member?.type === 'MemberExpression' && member.object === use && member.parent?.type === 'AssignmentExpression' && member.parent.left === member;
}

/**
 * The function whose `this` a `this` at `node` would read: undefined in a class body or static
 * block (field initialisers run on the instance but are no function here).
 */
function thisFunctionOf(node: Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'ClassBody' || current.type === 'StaticBlock') return undefined;
    if (isFunction(current) && current.type !== 'ArrowFunctionExpression') return current;
  }
  return undefined;
}

/** `node` with the `as`, `!` and `?.` wrappers around it. */
function outermostOf(node: Node): Node {
  let use = node;
  while (use.parent && skipTransparent(use.parent) === node) use = use.parent;
  return use;
}

/** The function whose `this` a `this` reads (thisFunctionOf), and the nearest declarator within it whose value the `this` is part of. */
function thisOwner(node: TSESTree.ThisExpression): { readonly fn: FunctionNode; readonly declarator: TSESTree.VariableDeclarator | undefined } | undefined {
  const fn = thisFunctionOf(node);
  if (!fn) return undefined;
  let current: Node | undefined = node.parent;
  while (current && current !== fn && current.type !== 'VariableDeclarator') current = current.parent;
  return { fn, declarator: current?.type === 'VariableDeclarator' ? current : undefined };
}

/** `this`, or `Base.call(this, …) || this` (a base constructor's result, else the instance). */
function holdsThis(init: Node): boolean {
  const value = skipTransparent(init);
  if (value.type === 'ThisExpression') return true;
  if (value.type !== 'LogicalExpression' || value.operator !== '||' || skipTransparent(value.right).type !== 'ThisExpression') return false;
  const left = skipTransparent(value.left);
  if (left.type !== 'CallExpression' || left.callee.type !== 'MemberExpression') return false;
  const method = memberName(left.callee);
  return (method === 'call' || method === 'apply') && left.arguments[0]?.type === 'ThisExpression';
}

/** `X` of `X.prototype`. */
function prototypeOf(node: TSESTree.MemberExpression): Node | undefined {
  return memberName(node) === 'prototype' && skipTransparent(node.object).type === 'Identifier' ? node.object : undefined;
}

/** The variable a function is bound to, when nothing else is ever assigned to it. */
function bindingOf(sourceCode: Readonly<TSESLint.SourceCode>, fn: ConstructorFunction): Variable | undefined {
  const variable = declaredVariable(sourceCode, fn);
  return variable && writeCount(variable) <= 1 ? variable : undefined;
}

/** The variable a class or constructor function is declared as: `class X`, `function X`, `const X = class/function`. */
export function declaredVariable(sourceCode: Readonly<TSESLint.SourceCode>, node: ConstructedNode): Variable | undefined {
  if (node.type === 'ClassDeclaration' || node.type === 'FunctionDeclaration') {
    const kind = node.type === 'ClassDeclaration' ? 'ClassName' : 'FunctionName';
    return node.id ? sourceCode.getDeclaredVariables(node).find((variable) => variable.defs[0]?.type === kind) : undefined;
  }
  const parent = node.parent;
  return parent?.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier' ? sourceCode.getDeclaredVariables(parent)[0] : undefined;
}

/** The function `new` runs: a class's written constructor, or the constructor function itself. */
export function constructorFunction(node: ConstructedNode): TSESTree.FunctionExpression | ConstructorFunction | undefined {
  return node.type === 'ClassDeclaration' || node.type === 'ClassExpression' ? (constructorOf(node)?.value as TSESTree.FunctionExpression | undefined) : node;
}

/** A function declared in a function expression that is invoked at once and returns it. */
function compiledClass(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode, variable: Variable | undefined): boolean {
  const block = fn.parent;
  const wrapper = block?.parent;
  if (!variable || fn.type !== 'FunctionDeclaration' || block?.type !== 'BlockStatement' || wrapper?.type !== 'FunctionExpression') return false;
  if (!invokedAtOnce(wrapper)) return false;
  return block.body.some(
    (statement) =>
      statement.type === 'ReturnStatement' &&
      statement.argument?.type === 'Identifier' &&
      resolveVariable(sourceCode, statement.argument) === variable,
  );
}

function invokedAtOnce(fn: TSESTree.FunctionExpression): boolean {
  let wrapper: Node = fn;
  while (wrapper.parent && skipTransparent(wrapper.parent) === fn) wrapper = wrapper.parent;
  return wrapper.parent?.type === 'CallExpression' && wrapper.parent.callee === wrapper;
}

/** `return class {…}`, or a class declared in a function's body and returned by it. */
function returnedByFunction(sourceCode: Readonly<TSESLint.SourceCode>, classNode: ClassNode): boolean {
  let node: Node = classNode;
  while (node.parent && skipTransparent(node.parent) === classNode) node = node.parent;
  const parent = node.parent;
  if (parent?.type === 'ReturnStatement' || (parent?.type === 'ArrowFunctionExpression' && parent.body === node)) return true;
  if (classNode.type !== 'ClassDeclaration' || parent?.type !== 'BlockStatement' || !isFunction(parent.parent as Node)) return false;
  const variable = sourceCode.getDeclaredVariables(classNode).find((candidate) => candidate.defs[0]?.type === 'ClassName');
  return parent.body.some(
    (statement) =>
      statement.type === 'ReturnStatement' &&
      statement.argument?.type === 'Identifier' &&
      variable !== undefined &&
      resolveVariable(sourceCode, statement.argument) === variable,
  );
}
