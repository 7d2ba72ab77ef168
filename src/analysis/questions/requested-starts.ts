/**
 * Starts a constructor makes only when its caller asks for them: under a condition, in the
 * constructor itself, that fails when the caller passes nothing (`if (options.immediateClone)`,
 * `autoStart && this.start()` with `autoStart = false`), reading the constructor's parameters
 * directly or through a member of `this` that a statement of the constructor sets from one
 * (`this.options = Object.assign({}, { immediateClone: false }, options)`). `new` without that
 * option starts nothing: the start is what the caller passed it for. A condition that holds when
 * nothing is passed (`options.autoStart !== false`) starts on every plain `new`, a choice among
 * values (`type === 'thread'`) starts for every caller that makes one, and a condition the
 * analysis cannot evaluate proves nothing.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { enclosingFunction, memberName, propertyValue, skipTransparent } from '../syntax/ast.js';
import { isGlobalIdentifier, resolveVariable } from '../syntax/scope.js';
import { constructorFunction, type ConstructedNode } from '../file/classes.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;
type ConstructorNode = NonNullable<ReturnType<typeof constructorFunction>>;
/** A value when the caller passes nothing; undefined when the analysis cannot tell. */
type Omitted = { readonly value: unknown } | undefined;

const ABSENT: Omitted = { value: undefined };

/** One reader per constructor: its members are read once, however many starts it has. */
const readers = new WeakMap<ConstructorNode, OmittedReader>();

/** Whether `node`, run by `classNode`'s constructor, runs only when the caller passes an option for it. */
export function requestedByCaller(sourceCode: SourceCode, classNode: ConstructedNode, node: Node): boolean {
  const constructor = constructorFunction(classNode);
  // Only the constructor's own conditions: a function made in it runs when something else calls it.
  if (!constructor || constructor.params.length === 0 || enclosingFunction(node) !== constructor) return false;
  let reader = readers.get(constructor);
  if (!reader) readers.set(constructor, (reader = new OmittedReader(sourceCode, constructor)));
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

/** What expressions of a constructor evaluate to when `new` passes no arguments. */
class OmittedReader {
  /** The members of `this` that statements at the constructor's top set: the expression each holds. */
  private readonly members = new Map<string, Node>();

  constructor(
    private readonly sourceCode: SourceCode,
    private readonly fn: ConstructorNode,
  ) {
    if (fn.body.type !== 'BlockStatement') return;
    for (const statement of fn.body.body) {
      const assigned = statement.type === 'ExpressionStatement' ? skipTransparent(statement.expression) : undefined;
      if (assigned?.type !== 'AssignmentExpression' || assigned.operator !== '=') continue;
      const target = skipTransparent(assigned.left);
      const name = target.type === 'MemberExpression' && target.object.type === 'ThisExpression' ? memberName(target) : undefined;
      // Set twice: which value a read sees is not followed.
      if (name !== undefined) this.members.set(name, this.members.has(name) ? target : assigned.right);
    }
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
        // eslint-disable-next-line eqeqeq -- the operator as written
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
    const fallback = this.parameterDefault(identifier);
    if (!fallback) return undefined;
    return fallback.node === undefined ? ABSENT : skipTransparent(fallback.node).type === 'Literal' ? this.valueOf(fallback.node) : undefined;
  }

  /** A parameter of the constructor without a default: undefined when `new` passes nothing. */
  private isBareParameter(identifier: TSESTree.Identifier): boolean {
    const fallback = this.parameterDefault(identifier);
    return fallback !== undefined && fallback.node === undefined;
  }

  /** For a parameter of the constructor, the default it is declared with (`options = {}`), if any; undefined for another variable. */
  private parameterDefault(identifier: TSESTree.Identifier): { readonly node: Node | undefined } | undefined {
    const definition = resolveVariable(this.sourceCode, identifier)?.defs[0];
    if (definition?.type !== 'Parameter' || definition.node !== this.fn) return undefined;
    const declared = definition.name.parent;
    return { node: declared?.type === 'AssignmentPattern' && declared.left === definition.name ? declared.right : undefined };
  }

  /** `options.x` on a parameter, `this.options.x` on a member set from one, with the defaults it is merged over. */
  private memberValue(member: TSESTree.MemberExpression): Omitted {
    const name = memberName(member);
    const object = skipTransparent(member.object);
    if (name === undefined) return undefined;
    if (object.type === 'ThisExpression') {
      const held = this.members.get(name);
      // `this.eager = eager`: what the parameter holds.
      return held && skipTransparent(held).type === 'Identifier' ? this.valueOf(held) : undefined;
    }
    // `options.x` of a parameter passed nothing: absent, or what its default object literal says.
    if (object.type === 'Identifier') return this.mergedDefault(object, name);
    if (object.type === 'MemberExpression' && skipTransparent(object.object).type === 'ThisExpression') {
      const key = memberName(object);
      const held = key === undefined ? undefined : this.members.get(key);
      return held && this.mergedDefault(held, name);
    }
    return undefined;
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
      const fallback = this.parameterDefault(held);
      return fallback && (fallback.node === undefined ? ABSENT : this.mergedDefault(fallback.node, key));
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
      } else if (part.type !== 'Identifier' || !this.isBareParameter(part)) {
        // Only a parameter passed nothing adds nothing: another object may name the key.
        return undefined;
      }
    }
    return value;
  }
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
