/**
 * Starts a constructor makes only when its caller asks for them: under a condition, in the
 * constructor itself, that fails when the caller passes nothing (`if (options.immediateClone)`,
 * `autoStart && this.start()` with `autoStart = false`), reading the constructor's parameters
 * directly or through a member of `this` that a statement of the constructor sets from one
 * (`this.options = Object.assign({}, { immediateClone: false }, options)`). What may change the
 * option before the test makes it unknown: the parameter written again, a property of it written or
 * the object handed to other code, the member of `this` written again or handed on, a method of
 * `this` called or `this` handed on before the test, an accessor of that name, or a class field
 * that reads `this`. `new` without that
 * option starts nothing: the start is what the caller passed it for. A condition that holds when
 * nothing is passed (`options.autoStart !== false`) starts on every plain `new`, a choice among
 * values (`type === 'thread'`) starts for every caller that makes one, and a condition the
 * analysis cannot evaluate proves nothing.
 *
 * A `new` that passes arguments is read the same way with what it passes: a literal, or an object
 * literal whose member the test reads, or nothing; anything else is unknown (`startsWhenPassed`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { enclosingFunction, hasSpread, isFunction, memberKey, memberName, propertyValue, skipTransparent, walk } from '../syntax/ast.js';
import { isGlobalIdentifier, unwrittenParameter } from '../syntax/scope.js';
import { constructorFunction, type ConstructedNode } from './classes.js';
import { propertyHistory, useOf } from './object-writes.js';
import type { ReferenceIndex } from './references.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;
type ConstructorNode = NonNullable<ReturnType<typeof constructorFunction>>;
/** A value the expression has for the arguments read; undefined when the analysis cannot tell. */
type Known = { readonly value: unknown } | undefined;
/** The arguments a `new` passes; none: the caller passes nothing. */
type Arguments = readonly Node[];
type Parameter = NonNullable<ReturnType<typeof unwrittenParameter>>;

/** What the reader needs of a file's analysis. */
export interface RequestContext {
  readonly sourceCode: SourceCode;
  readonly references: ReferenceIndex;
}

const ABSENT: Known = { value: undefined };
const NOTHING: Arguments = [];

/** One reader per constructor: its members are read once, however many starts it has. */
const readers = new WeakMap<ConstructorNode, ArgumentReader>();

/** Whether `node`, run by `classNode`'s constructor, runs only when the caller passes an option for it. */
export function requestedByCaller(context: RequestContext, classNode: ConstructedNode, node: Node): boolean {
  const reader = readerFor(context, classNode, node);
  return reader !== undefined && requestTests(reader, node).length > 0;
}

/**
 * For a start `requestedByCaller`: whether a `new` with `args` makes it run (true), proves it does
 * not (false), or passes what the analysis cannot read (undefined).
 */
export function startsWhenPassed(context: RequestContext, classNode: ConstructedNode, node: Node, args: Arguments): boolean | undefined {
  const reader = readerFor(context, classNode, node);
  if (!reader || args.some((arg) => arg.type === 'SpreadElement')) return undefined;
  let starts: boolean | undefined = true;
  for (const { test, runsWhen } of requestTests(reader, node)) {
    const passed = reader.valueOf(test, args);
    if (passed === undefined) starts = undefined;
    else if (Boolean(passed.value) !== runsWhen) return false;
  }
  return starts;
}

function readerFor(context: RequestContext, classNode: ConstructedNode, node: Node): ArgumentReader | undefined {
  const constructor = constructorFunction(classNode);
  // Only the constructor's own conditions: a function made in it runs when something else calls it.
  if (!constructor || constructor.params.length === 0 || enclosingFunction(node) !== constructor) return undefined;
  let reader = readers.get(constructor);
  if (!reader) readers.set(constructor, (reader = new ArgumentReader(context, constructor, classNode)));
  return reader;
}

/** A test the caller's option must pass for a start to run, and the value it must have. */
interface RequestTest {
  readonly test: Node;
  readonly runsWhen: boolean;
}

/** Node → its request tests: read once, whether asked by the class's summary or at each `new` of it. */
const requestTestsOf = new WeakMap<Node, readonly RequestTest[]>();

/** The tests on the way from the constructor to `node` that fail when the caller passes nothing, each with the value it must have for `node` to run. */
function requestTests(reader: ArgumentReader, node: Node): readonly RequestTest[] {
  const cached = requestTestsOf.get(node);
  if (cached) return cached;
  const tests: RequestTest[] = [];
  for (let child: Node = node, parent = node.parent; parent && child !== reader.fn.body; child = parent, parent = parent.parent) {
    let test: Node | undefined;
    let runsWhen = true;
    if ((parent.type === 'IfStatement' || parent.type === 'ConditionalExpression') && child !== parent.test) {
      [test, runsWhen] = [parent.test, child === parent.consequent];
    } else if (parent.type === 'LogicalExpression' && child === parent.right && parent.operator !== '??') {
      [test, runsWhen] = [parent.left, parent.operator === '&&'];
    }
    const omitted = test && reader.valueOf(test, NOTHING);
    if (test && omitted !== undefined && Boolean(omitted.value) !== runsWhen) tests.push({ test, runsWhen });
  }
  requestTestsOf.set(node, tests);
  return tests;
}

/** A place in the constructor where the members of `this` may change: one member by name, or all (`*`). */
interface Change {
  readonly name: string;
  readonly at: number;
}

/** What expressions of a constructor evaluate to for the arguments a `new` passes. */
class ArgumentReader {
  /** The members of `this` that statements at the constructor's top set first: the assignment. */
  private readonly members = new Map<string, TSESTree.AssignmentExpression>();
  private readonly changes: Change[] = [];
  private readonly sourceCode: SourceCode;

  constructor(
    private readonly context: RequestContext,
    readonly fn: ConstructorNode,
    classNode: ConstructedNode,
  ) {
    this.sourceCode = context.sourceCode;
    if (fn.body.type !== 'BlockStatement') return;
    for (const statement of fn.body.body) {
      const assigned = statement.type === 'ExpressionStatement' ? skipTransparent(statement.expression) : undefined;
      if (assigned?.type !== 'AssignmentExpression' || assigned.operator !== '=') continue;
      const target = skipTransparent(assigned.left);
      const name = target.type === 'MemberExpression' && target.object.type === 'ThisExpression' ? memberName(target) : undefined;
      if (name !== undefined && !this.members.has(name)) this.members.set(name, assigned);
    }
    this.findChanges(classNode);
  }

  valueOf(expressionIn: Node, args: Arguments): Known {
    const expression = skipTransparent(expressionIn);
    switch (expression.type) {
      case 'Literal':
        return { value: expression.value };
      case 'Identifier':
        if (isGlobalIdentifier(this.sourceCode, expression, 'undefined')) return ABSENT;
        return this.parameterValue(expression, args);
      case 'UnaryExpression': {
        const inner = expression.operator === '!' ? this.valueOf(expression.argument, args) : undefined;
        return inner && { value: !inner.value };
      }
      case 'LogicalExpression': {
        const left = this.valueOf(expression.left, args);
        if (!left) return undefined;
        const decided = expression.operator === '&&' ? !left.value : expression.operator === '||' ? Boolean(left.value) : left.value !== undefined && left.value !== null;
        return decided ? left : this.valueOf(expression.right, args);
      }
      case 'BinaryExpression': {
        const equal = expression.operator === '===' || expression.operator === '==';
        if (!equal && expression.operator !== '!==' && expression.operator !== '!=') return undefined;
        // A switch on or off (`autoStart === true`), not a choice among values (`type === 'thread'`):
        // a choice starts for every caller that makes one.
        if (!isSwitchValue(this.sourceCode, expression.left) && !isSwitchValue(this.sourceCode, expression.right)) return undefined;
        const [left, right] = [this.valueOf(expression.left, args), this.valueOf(expression.right, args)];
        if (!left || !right) return undefined;
        const loose = expression.operator.length === 2;
        const same = loose ? left.value == right.value : left.value === right.value;
        return { value: same === equal };
      }
      case 'MemberExpression':
        return this.memberValue(expression, args);
      default:
        return undefined;
    }
  }

  /**
   * A parameter of the constructor: what the caller passes for it, or when it passes nothing its
   * default when that is a literal; another variable: unknown.
   */
  private parameterValue(identifier: TSESTree.Identifier, args: Arguments): Known {
    const parameter = this.parameter(identifier);
    const passed = parameter && this.argumentOf(parameter, args);
    if (!parameter || passed === null) return undefined;
    if (passed) return passedValue(passed);
    const { fallback } = parameter;
    return fallback === undefined ? ABSENT : skipTransparent(fallback).type === 'Literal' ? this.valueOf(fallback, NOTHING) : undefined;
  }

  /** What the caller passes for a parameter: the argument, undefined for nothing (or `undefined`), null where the parameter's place is not a plain one. */
  private argumentOf(parameter: Parameter, args: Arguments): Node | undefined | null {
    if (args.length === 0) return undefined;
    const name = parameter.variable.defs[0]?.name;
    const index = this.fn.params.findIndex((param) => param === name || (param.type === 'AssignmentPattern' && param.left === name));
    if (index < 0) return null;
    const arg = args[index];
    return arg === undefined || isGlobalIdentifier(this.sourceCode, skipTransparent(arg), 'undefined') ? undefined : skipTransparent(arg);
  }

  /** A parameter of the constructor that nothing reassigns. */
  private parameter(identifier: TSESTree.Identifier): Parameter | undefined {
    const parameter = unwrittenParameter(this.sourceCode, identifier);
    return parameter?.fn === this.fn ? parameter : undefined;
  }

  /** Whether nothing writes `key` of the object the parameter at `read` holds, nor hands the object to other code. */
  private untouched(parameter: Parameter, read: Node, key: string): boolean {
    const history = propertyHistory(this.sourceCode, parameter.variable, this.context.references, key, read);
    return history !== undefined && !('replaced' in history) && history.sometimes.length === 0;
  }

  /** `options.x` on a parameter, `this.options.x` on a member set from one, with the defaults it is merged over. */
  private memberValue(member: TSESTree.MemberExpression, args: Arguments): Known {
    const name = memberName(member);
    const object = skipTransparent(member.object);
    if (name === undefined) return undefined;
    if (object.type === 'ThisExpression') {
      const held = this.memberHeld(name, member);
      // `this.eager = eager`: what the parameter holds.
      return held && skipTransparent(held).type === 'Identifier' ? this.valueOf(held, args) : undefined;
    }
    // `options.x` of a parameter: what the caller passes, or when it passes nothing what its default object literal says.
    if (object.type === 'Identifier') return this.mergedDefault(object, name, args);
    if (object.type === 'MemberExpression' && skipTransparent(object.object).type === 'ThisExpression') {
      const key = memberName(object);
      const held = key === undefined ? undefined : this.memberHeld(key, member);
      return held && this.mergedDefault(held, name, args);
    }
    return undefined;
  }

  /** What `this.<name>` holds at `read`: the value its first assignment gave, when nothing may have changed it since. */
  private memberHeld(name: string, read: Node): Node | undefined {
    const assigned = this.members.get(name);
    if (!assigned || assigned.range[1] > read.range[0]) return undefined;
    const changed = this.changes.some((change) => (change.name === name || change.name === '*') && change.at < read.range[0]);
    return changed ? undefined : assigned.right;
  }

  /**
   * Where the members of `this` may change: a member written or handed on (anything but a read of
   * it or of its properties, and its first assignment), a method of `this` called or `this` itself
   * handed on (all of them), in the constructor and the functions of `this` it makes; an accessor
   * of the class, or a class field that reads `this`, before any of it.
   */
  private findChanges(classNode: ConstructedNode): void {
    const firstAssignments = new Set<Node>([...this.members.values()].map((assigned) => skipTransparent(assigned.left)));
    walk(this.fn.body, this.sourceCode.visitorKeys, (node) => {
      // A function of its own has another `this`; an arrow shares the constructor's.
      if (isFunction(node) && node.type !== 'ArrowFunctionExpression') return false;
      if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') return false;
      if (node.type === 'ThisExpression') this.changes.push(...this.changesAt(node, firstAssignments));
      return true;
    });
    if (classNode.type !== 'ClassDeclaration' && classNode.type !== 'ClassExpression') return;
    for (const element of classNode.body.body) {
      const key = element.type === 'MethodDefinition' || element.type === 'PropertyDefinition' ? memberKey(element) : undefined;
      if (element.type === 'MethodDefinition' && (element.kind === 'get' || element.kind === 'set')) this.changes.push({ name: key ?? '*', at: -1 });
      if (element.type === 'PropertyDefinition' && !element.static && element.value && readsThis(this.sourceCode, element.value)) this.changes.push({ name: '*', at: -1 });
    }
  }

  private changesAt(self: TSESTree.ThisExpression, firstAssignments: ReadonlySet<Node>): Change[] {
    const at = self.range[0];
    const member = self.parent;
    if (member?.type !== 'MemberExpression' || member.object !== self) return [{ name: '*', at }];
    const name = memberName(member);
    if (name === undefined || (member.parent.type === 'CallExpression' && member.parent.callee === member)) return [{ name: '*', at }];
    if (firstAssignments.has(member)) return [];
    return useOf(member, this.sourceCode, this.context.references) === 'read' ? [] : [{ name, at }];
  }

  /**
   * The value `key` has in `held` for what the caller passed: `options` itself (an object literal
   * passed, or nothing and its default),
   * `Object.assign({}, defaults, options)` or `{ ...defaults, ...options }` (the last default object
   * literal that names it), `options || {}`. Anything else is not followed.
   */
  private mergedDefault(heldIn: Node, key: string, args: Arguments): Known {
    const held = skipTransparent(heldIn);
    let parts: readonly Node[];
    if (held.type === 'Identifier') {
      const parameter = this.parameter(held);
      if (!parameter || !this.untouched(parameter, held, key)) return undefined;
      const passed = this.argumentOf(parameter, args);
      if (passed !== undefined) return passed?.type === 'ObjectExpression' ? keyValue(passed, key) : undefined;
      return parameter.fallback === undefined ? ABSENT : this.mergedDefault(parameter.fallback, key, args);
    }
    if (held.type === 'LogicalExpression' && (held.operator === '||' || held.operator === '??')) {
      const right = skipTransparent(held.right);
      parts = [held.left, ...(right.type === 'ObjectExpression' && right.properties.length === 0 ? [] : [right])];
    } else if (held.type === 'CallExpression' && isObjectAssign(this.sourceCode, held.callee)) {
      parts = held.arguments;
    } else if (held.type === 'ObjectExpression') {
      parts = held.properties.map((property) => (property.type === 'SpreadElement' ? property.argument : property));
    } else {
      return undefined;
    }
    let value: Known = ABSENT;
    for (const partIn of parts) {
      const part = skipTransparent(partIn);
      if (part.type === 'Property') {
        const named = !part.computed && part.key.type === 'Identifier' ? part.key.name : undefined;
        if (named === key) value = part.value.type === 'Literal' ? { value: part.value.value } : undefined;
      } else if (part.type === 'ObjectExpression') {
        const property = propertyValue(part, key);
        if (property) value = skipTransparent(property).type === 'Literal' ? this.valueOf(property, NOTHING) : undefined;
      } else {
        // Only a parameter passed nothing adds nothing, or one passed an object literal what it names:
        // another object may name the key.
        const parameter = part.type === 'Identifier' ? this.parameter(part) : undefined;
        const passed = parameter && this.argumentOf(parameter, args);
        if (!parameter || !this.untouched(parameter, part, key)) return undefined;
        if (passed?.type === 'ObjectExpression') {
          if (hasSpread(passed)) return undefined;
          if (propertyValue(passed, key)) value = keyValue(passed, key);
        } else if (passed !== undefined || parameter.fallback !== undefined) {
          return undefined;
        }
      }
    }
    return value;
  }
}

/** What an argument the caller writes is: a literal's value, an object or function (truthy); anything else unknown. */
function passedValue(arg: Node): Known {
  if (arg.type === 'Literal') return { value: arg.value };
  const object = arg.type === 'ObjectExpression' || arg.type === 'ArrayExpression' || isFunction(arg);
  return object ? { value: arg } : undefined;
}

/** The value an object literal the caller passes gives `key`: absent, a literal's, or unknown (a spread, another expression). */
function keyValue(object: TSESTree.ObjectExpression, key: string): Known {
  if (hasSpread(object)) return undefined;
  const property = propertyValue(object, key);
  return property === undefined ? ABSENT : passedValue(skipTransparent(property));
}

/** Whether an expression reads `this` (outside functions of their own). */
function readsThis(sourceCode: SourceCode, expression: Node): boolean {
  let found = false;
  walk(expression, sourceCode.visitorKeys, (node) => {
    if (found || (isFunction(node) && node.type !== 'ArrowFunctionExpression')) return false;
    found = node.type === 'ThisExpression';
    return !found;
  });
  return found;
}

/** `true`, `false`, `null` or `undefined`: what an on/off option is compared with. */
function isSwitchValue(sourceCode: SourceCode, nodeIn: Node): boolean {
  const node = skipTransparent(nodeIn);
  if (node.type === 'Literal') return typeof node.value === 'boolean' || node.value === null;
  return isGlobalIdentifier(sourceCode, node, 'undefined');
}

/** `Object.assign`, the global's. */
function isObjectAssign(sourceCode: SourceCode, callee: Node): boolean {
  const inner = skipTransparent(callee);
  return inner.type === 'MemberExpression' && memberName(inner) === 'assign' && isGlobalIdentifier(sourceCode, skipTransparent(inner.object), 'Object');
}
