/**
 * The pieces of code a class runs while it is being constructed, and what each reads and writes.
 *
 * A unit is an instance field initializer or a top-level statement of the constructor body, in the
 * order they run (fields first, then the constructor body). Its effects are the `this` members it
 * reads and writes (through nested arrow functions too, which see the same `this`, and through the
 * bodies of the class's own methods and accessors it reaches as `this.x`), and the constructor's
 * local variables it reads and writes. The initialize refactor decides what moves from these.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type ClassNode, constructorOf, memberKey, walk } from '../../analysis/index.js';


type Node = TSESTree.Node;
export type Variable = TSESLint.Scope.Variable;
/** A member key (`proc`, `#proc`) or a constructor-local variable. */
export type EffectKey = string | Variable;

export interface Unit {
  readonly node: TSESTree.PropertyDefinition | TSESTree.Statement;
  /** Position in execution order. */
  readonly order: number;
  /** Members and locals read, including through the class's methods it calls. */
  readonly reads: Set<EffectKey>;
  /** Members and locals written, likewise. */
  readonly writes: Set<EffectKey>;
  /** Members assigned by the unit's own code (not by methods it calls). */
  readonly assignedMembers: Set<string>;
  /** References to constructor parameters, by parameter. */
  readonly parameterReads: Map<Variable, TSESTree.Identifier[]>;
  /** Calls `super()`, reads `arguments` or `new.target`: it cannot leave the constructor. */
  bound: boolean;
  /** Returns from the constructor. */
  readonly returns: boolean;
}

export interface ConstructionModel {
  readonly classNode: ClassNode;
  readonly constructor: TSESTree.MethodDefinition | undefined;
  readonly units: readonly Unit[];
  /** Locals of the constructor, with the unit that declares each. */
  readonly declaringUnit: ReadonlyMap<Variable, Unit>;
}

export function buildConstructionModel(sourceCode: Readonly<TSESLint.SourceCode>, classNode: ClassNode): ConstructionModel {
  const constructor = constructorOf(classNode);
  const methods = instanceMethods(classNode);
  const visitorKeys = sourceCode.visitorKeys;

  const units: Unit[] = [];
  const reached = new Map<string, Effects>();
  const add = (node: Unit['node'], code: Node): Unit => {
    const effects = unitEffects(code, methods, visitorKeys, reached);
    const unit: Unit = {
      node,
      order: units.length,
      reads: effects.reads,
      writes: effects.writes,
      assignedMembers: effects.assigned,
      parameterReads: new Map(),
      bound: effects.bound,
      returns: effects.returns,
    };
    units.push(unit);
    return unit;
  };
  for (const member of classNode.body.body) {
    if (member.type === 'PropertyDefinition' && !member.static && member.value) {
      const unit = add(member, member.value);
      const key = memberKey(member);
      if (key !== undefined) unit.writes.add(key);
    }
  }
  const declaringUnit = new Map<Variable, Unit>();
  if (constructor?.value.body) {
    const statementUnits = constructor.value.body.body.map((statement) => add(statement, statement));
    addLocalEffects(sourceCode, constructor, statementUnits, declaringUnit);
  }
  return { classNode, constructor, units, declaringUnit };
}

/** Instance methods, accessors and function-valued fields by key: what `this.x` may run. */
function instanceMethods(classNode: ClassNode): Map<string, Node[]> {
  const methods = new Map<string, Node[]>();
  for (const member of classNode.body.body) {
    if ((member.type !== 'MethodDefinition' && member.type !== 'PropertyDefinition') || member.static) continue;
    let body: Node | undefined;
    if (member.type === 'MethodDefinition') body = member.kind === 'constructor' ? undefined : (member.value.body ?? undefined);
    else if (member.value?.type === 'ArrowFunctionExpression' || member.value?.type === 'FunctionExpression') body = member.value.body;
    const key = memberKey(member);
    if (body && key !== undefined) methods.set(key, [...(methods.get(key) ?? []), body]);
  }
  return methods;
}

/**
 * The effects of a unit's own code, with those of every method it reaches through `this`, found by a
 * worklist over member keys (each method body scanned once per class, in `reached`), so a chain of
 * methods calling one another never deepens the call stack.
 */
function unitEffects(code: Node, methods: Map<string, Node[]>, visitorKeys: TSESLint.SourceCode.VisitorKeys, reached: Map<string, Effects>): Effects {
  const effects = new Effects();
  effects.scan(code, visitorKeys, true);
  const queue = [...effects.reads, ...effects.writes];
  const visited = new Set<EffectKey>();
  for (let index = 0; index < queue.length; index += 1) {
    const key = queue[index];
    if (typeof key !== 'string' || visited.has(key)) continue;
    visited.add(key);
    const bodies = methods.get(key);
    if (!bodies) continue;
    let body = reached.get(key);
    if (!body) {
      body = new Effects();
      for (const method of bodies) body.scan(method, visitorKeys, false);
      reached.set(key, body);
    }
    for (const read of body.reads) effects.reads.add(read);
    for (const write of body.writes) effects.writes.add(write);
    queue.push(...body.reads, ...body.writes);
  }
  return effects;
}

class Effects {
  readonly reads = new Set<EffectKey>();
  readonly writes = new Set<EffectKey>();
  readonly assigned = new Set<string>();
  bound = false;
  returns = false;

  /** Collects `this` member effects of `root` alone; `own` is false inside the bodies of methods reached through `this`. */
  scan(root: Node, visitorKeys: TSESLint.SourceCode.VisitorKeys, own: boolean): void {
    walk(root, visitorKeys, (node) => {
      // Another `this` (plain functions, classes) is not the instance.
      if (node !== root && (node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration' || node.type === 'ClassBody')) {
        return false;
      }
      if (own) this.noteBinding(node, root);
      if (node.type === 'MemberExpression' && node.object.type === 'ThisExpression') this.noteMember(node, own);
      return true;
    });
  }

  /** Arrow functions keep `super()` and `new.target` of the constructor, not its `return`. */
  private noteBinding(node: Node, root: Node): void {
    if (node.type === 'ReturnStatement' && !insideArrow(node, root)) this.returns = true;
    if (node.type === 'CallExpression' && node.callee.type === 'Super') this.bound = true;
    if (node.type === 'MetaProperty' && node.meta.name === 'new') this.bound = true;
  }

  private noteMember(node: TSESTree.MemberExpression, own: boolean): void {
    const key = memberKey(node);
    if (key === undefined) return;
    const parent = node.parent;
    const assigned =
      (parent.type === 'AssignmentExpression' && parent.left === node) || (parent.type === 'UpdateExpression' && parent.argument === node);
    const compound = parent.type === 'UpdateExpression' || (parent.type === 'AssignmentExpression' && parent.operator !== '=');
    if (assigned) {
      this.writes.add(key);
      if (own) this.assigned.add(key);
    }
    if (!assigned || compound) this.reads.add(key);
  }
}

/** Reads and writes of the constructor's own variables (parameters and top-level declarations). */
function addLocalEffects(
  sourceCode: Readonly<TSESLint.SourceCode>,
  constructor: TSESTree.MethodDefinition,
  units: Unit[],
  declaringUnit: Map<Variable, Unit>,
): void {
  const scope = sourceCode.getScope(constructor.value);
  const unitAt = (node: Node): Unit | undefined =>
    units.find((unit) => unit.node.range[0] <= node.range[0] && node.range[1] <= unit.node.range[1]);
  for (const variable of scope.variables) {
    const definition = variable.defs[0];
    const isParameter = definition?.type === 'Parameter';
    if (definition && !isParameter) {
      const declaring = unitAt(definition.name);
      if (declaring) {
        declaringUnit.set(variable, declaring);
        declaring.writes.add(variable);
      }
    }
    for (const reference of variable.references) {
      const unit = unitAt(reference.identifier);
      if (!unit) continue;
      // `arguments` belongs to the constructor call.
      if (!definition) {
        unit.bound = true;
        continue;
      }
      if (reference.isWrite()) unit.writes.add(variable);
      if (!reference.isRead()) continue;
      if (isParameter) {
        unit.parameterReads.set(variable, [...(unit.parameterReads.get(variable) ?? []), reference.identifier as TSESTree.Identifier]);
      } else {
        unit.reads.add(variable);
      }
    }
  }
}

function insideArrow(node: Node, root: Node): boolean {
  for (let current = node.parent; current && current !== root; current = current.parent) {
    if (current.type === 'ArrowFunctionExpression') return true;
  }
  return false;
}
