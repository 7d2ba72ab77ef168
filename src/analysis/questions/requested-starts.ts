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
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { enclosingFunction, isFunction, memberKey, memberName, propertyValue, skipTransparent, walk } from '../syntax/ast.js';
import { isGlobalIdentifier, unwrittenParameter } from '../syntax/scope.js';
import { constructorFunction, type ConstructedNode } from '../file/classes.js';
import { propertyHistory, useOf } from '../file/object-writes.js';
import type { FileAnalysis } from '../contract/file-analysis.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;
type ConstructorNode = NonNullable<ReturnType<typeof constructorFunction>>;
/** A value when the caller passes nothing; undefined when the analysis cannot tell. */
type Omitted = { readonly value: unknown } | undefined;

const ABSENT: Omitted = { value: undefined };

/** One reader per constructor: its members are read once, however many starts it has. */
const readers = new WeakMap<ConstructorNode, OmittedReader>();

/** Whether `node`, run by `classNode`'s constructor, runs only when the caller passes an option for it. */
export function requestedByCaller(analysis: FileAnalysis, classNode: ConstructedNode, node: Node): boolean {
  const constructor = constructorFunction(classNode);
  // Only the constructor's own conditions: a function made in it runs when something else calls it.
  if (!constructor || constructor.params.length === 0 || enclosingFunction(node) !== constructor) return false;
  let reader = readers.get(constructor);
  if (!reader) readers.set(constructor, (reader = new OmittedReader(analysis, constructor, classNode)));
  for (let child: Node = node, parent = node.parent; parent && child !== constructor.body; child = parent, parent = parent.parent) {
    let blocked = false;
    if ((parent.type === 'IfStatement' || parent.type === 'ConditionalExpression') && child !== parent.test) {
      const test = reader.valueOf(parent.test);
      blocked = test !== undefined && Boolean(test.value) === (child !== parent.consequent);
    } else if (parent.type === 'LogicalExpression' && child === parent.right && parent.operator !== '??') {
      const left = reader.valueOf(parent.left);
      blocked = left !== undefined && Boolean(left.value) === (parent.operator === '||');
    }
    if (blocked) return true;
  }
  return false;
}

/** A place in the constructor where the members of `this` may change: one member by name, or all (`*`). */
interface Change {
  readonly name: string;
  readonly at: number;
}

/** What expressions of a constructor evaluate to when `new` passes no arguments. */
class OmittedReader {
  /** The members of `this` that statements at the constructor's top set first: the assignment. */
  private readonly members = new Map<string, TSESTree.AssignmentExpression>();
  private readonly changes: Change[] = [];
  private readonly sourceCode: SourceCode;

  constructor(
    private readonly analysis: FileAnalysis,
    private readonly fn: ConstructorNode,
    classNode: ConstructedNode,
  ) {
    this.sourceCode = analysis.sourceCode;
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

  valueOf(expressionIn: Node): Omitted {
    const expression = skipTransparent(expressionIn);
    switch (expression.type) {
      case 'Literal':
        return { value: expression.value };
      case 'Identifier':
        if (isGlobalIdentifier(this.sourceCode, expression, 'undefined')) return ABSENT;
        return this.parameterValue(expression);
      case 'UnaryExpression': {
        const inner = expression.operator === '!' ? this.valueOf(expression.argument) : undefined;
        return inner && { value: !inner.value };
      }
      case 'LogicalExpression': {
        const left = this.valueOf(expression.left);
        if (!left) return undefined;
        const decided = expression.operator === '&&' ? !left.value : expression.operator === '||' ? Boolean(left.value) : left.value !== undefined && left.value !== null;
        return decided ? left : this.valueOf(expression.right);
      }
      case 'BinaryExpression': {
        const equal = expression.operator === '===' || expression.operator === '==';
        if (!equal && expression.operator !== '!==' && expression.operator !== '!=') return undefined;
        // A switch on or off (`autoStart === true`), not a choice among values (`type === 'thread'`):
        // a choice starts for every caller that makes one.
        if (!isSwitchValue(this.sourceCode, expression.left) && !isSwitchValue(this.sourceCode, expression.right)) return undefined;
        const [left, right] = [this.valueOf(expression.left), this.valueOf(expression.right)];
        if (!left || !right) return undefined;
        const loose = expression.operator.length === 2;
        const same = loose ? left.value == right.value : left.value === right.value;
        return { value: same === equal };
      }
      case 'MemberExpression':
        return this.memberValue(expression);
      default:
        return undefined;
    }
  }

  /** A parameter of the constructor: its default when it is a literal, otherwise undefined; another variable: unknown. */
  private parameterValue(identifier: TSESTree.Identifier): Omitted {
    const parameter = this.parameter(identifier);
    if (!parameter) return undefined;
    const { fallback } = parameter;
    return fallback === undefined ? ABSENT : skipTransparent(fallback).type === 'Literal' ? this.valueOf(fallback) : undefined;
  }

  /** A parameter of the constructor that nothing reassigns. */
  private parameter(identifier: TSESTree.Identifier): ReturnType<typeof unwrittenParameter> {
    const parameter = unwrittenParameter(this.sourceCode, identifier);
    return parameter?.fn === this.fn ? parameter : undefined;
  }

  /** Whether nothing writes `key` of the object the parameter at `read` holds, nor hands the object to other code. */
  private untouched(parameter: NonNullable<ReturnType<typeof unwrittenParameter>>, read: Node, key: string): boolean {
    const history = propertyHistory(this.sourceCode, parameter.variable, this.analysis.references, key, read);
    return history !== undefined && !('replaced' in history) && history.sometimes.length === 0;
  }

  /** `options.x` on a parameter, `this.options.x` on a member set from one, with the defaults it is merged over. */
  private memberValue(member: TSESTree.MemberExpression): Omitted {
    const name = memberName(member);
    const object = skipTransparent(member.object);
    if (name === undefined) return undefined;
    if (object.type === 'ThisExpression') {
      const held = this.memberHeld(name, member);
      // `this.eager = eager`: what the parameter holds.
      return held && skipTransparent(held).type === 'Identifier' ? this.valueOf(held) : undefined;
    }
    // `options.x` of a parameter passed nothing: absent, or what its default object literal says.
    if (object.type === 'Identifier') return this.mergedDefault(object, name);
    if (object.type === 'MemberExpression' && skipTransparent(object.object).type === 'ThisExpression') {
      const key = memberName(object);
      const held = key === undefined ? undefined : this.memberHeld(key, member);
      return held && this.mergedDefault(held, name);
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
    return useOf(member, this.sourceCode, this.analysis.references) === 'read' ? [] : [{ name, at }];
  }

  /**
   * The value `key` has in `held` when the caller passed no options: `options` itself (nothing, or
   * its default),
   * `Object.assign({}, defaults, options)` or `{ ...defaults, ...options }` (the last default object
   * literal that names it), `options || {}`. Anything else is not followed.
   */
  private mergedDefault(heldIn: Node, key: string): Omitted {
    const held = skipTransparent(heldIn);
    let parts: readonly Node[];
    if (held.type === 'Identifier') {
      const parameter = this.parameter(held);
      if (!parameter || !this.untouched(parameter, held, key)) return undefined;
      return parameter.fallback === undefined ? ABSENT : this.mergedDefault(parameter.fallback, key);
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
    let value: Omitted = ABSENT;
    for (const partIn of parts) {
      const part = skipTransparent(partIn);
      if (part.type === 'Property') {
        const named = !part.computed && part.key.type === 'Identifier' ? part.key.name : undefined;
        if (named === key) value = part.value.type === 'Literal' ? { value: part.value.value } : undefined;
      } else if (part.type === 'ObjectExpression') {
        const property = propertyValue(part, key);
        if (property) value = skipTransparent(property).type === 'Literal' ? this.valueOf(property) : undefined;
      } else {
        // Only a parameter passed nothing adds nothing: another object may name the key.
        const parameter = part.type === 'Identifier' ? this.parameter(part) : undefined;
        if (!parameter || parameter.fallback !== undefined || !this.untouched(parameter, part, key)) return undefined;
      }
    }
    return value;
  }
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
