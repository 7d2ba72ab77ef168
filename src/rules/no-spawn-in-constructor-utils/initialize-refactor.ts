/**
 * The lazy `initialize()` refactor: the constructor keeps storing configuration; what starts a
 * process, thread or pool (and what only uses what was started, such as attaching listeners) moves
 * into a new method placed after the constructor.
 *
 * What moves: the constructor statements and instance field initializers holding a starter, then
 * every later one that reads a member or local they write ("uses what they start"), then the local
 * declarations those need when nothing that stays reads them. A constructor parameter a moved
 * statement reads becomes `this.<name>` when it is a parameter property; `this.<field>` when a
 * statement that stays stores it (`this.<field> = <parameter>;`) and nothing else assigns that
 * field; otherwise the constructor starts storing it in a new field of the parameter's name (in
 * TypeScript declared `private readonly` with the parameter's type). Destructured and rest
 * parameters, parameters the constructor reassigns, names already in use and untyped TypeScript
 * parameters get no suggestion.
 *
 * TypeScript: fields assigned in the new method lose `readonly` and, when nothing left in the
 * constructor assigns them, get a definite assignment assertion (`proc!: ChildProcess`), so every
 * other member using them still type-checks; field initializers become declarations.
 *
 * No suggestion when the method name is taken, when the constructor returns, or when a statement
 * that has to move cannot leave the constructor (`super()`, `arguments`, `new.target`) or would
 * change order with something that stays.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { indentationOf, instanceTypeText } from '../../util/source-text.js';
import { buildConstructionModel, type ConstructionModel, type EffectKey, type Unit, type Variable } from './construction-units.js';
import { type ClassNode, memberKey, resolveVariable, walk } from '../../analysis/index.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;
type Fix = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];

interface Edit {
  readonly range: readonly [number, number];
  readonly text: string;
}

/** Why a unit moves: it starts or uses what was started, or it is an input of such a unit. */
type Reason = 'starts' | 'input';

/** Type annotations that need parentheses before `| undefined`. */
const LOOSE_TYPES = new Set(['TSFunctionType', 'TSConstructorType', 'TSConditionalType', 'TSInferType']);

/** Declared types that already admit a missing value: no `!` needed. */
const UNDEFINED_TYPES = new Set(['TSUndefinedKeyword', 'TSAnyKeyword', 'TSUnknownKeyword']);

export function initializeRefactor(
  sourceCode: SourceCode,
  classNode: ClassNode,
  startingNodes: readonly Node[],
  methodName: string,
  typescript: boolean,
): Fix | undefined {
  if (hasMember(classNode, methodName) || superClassHasMember(sourceCode, classNode, methodName)) return undefined;
  const model = buildConstructionModel(sourceCode, classNode);
  if (model.units.some((unit) => unit.returns)) return undefined;
  const moved = movedUnits(model, startingNodes);
  if (!moved || !canMove(model, moved)) return undefined;

  const parameters = parameterRewrites(sourceCode, model, moved, methodName, typescript);
  if (!parameters) return undefined;
  const fieldEdits = fieldDeclarationEdits(sourceCode, model, moved, typescript);
  if (!fieldEdits) return undefined;
  return buildFix(sourceCode, model, moved, methodName, parameters, fieldEdits);
}

function hasMember(classNode: ClassNode, name: string): boolean {
  return classNode.body.body.some((member) => {
    if (member.type === 'MethodDefinition' && member.kind === 'constructor') {
      return member.value.params.some(
        (parameter) => parameter.type === 'TSParameterProperty' && parameterName(parameter) === name,
      );
    }
    return 'key' in member && !member.computed && keyName(member.key) === name;
  });
}

/** A local base class that already has the member would be overridden. */
function superClassHasMember(sourceCode: SourceCode, classNode: ClassNode, name: string): boolean {
  if (classNode.superClass?.type !== 'Identifier') return false;
  const definition = resolveVariable(sourceCode, classNode.superClass)?.defs[0];
  return definition?.type === 'ClassName' && hasMember(definition.node as ClassNode, name);
}

function keyName(key: Node): string | undefined {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'PrivateIdentifier') return `#${key.name}`;
  return key.type === 'Literal' ? String(key.value) : undefined;
}

function parameterName(parameter: TSESTree.TSParameterProperty): string | undefined {
  const inner = parameter.parameter.type === 'AssignmentPattern' ? parameter.parameter.left : parameter.parameter;
  return inner.type === 'Identifier' ? inner.name : undefined;
}

/** The units that move, by reason; undefined when a starter is outside every unit. */
function movedUnits(model: ConstructionModel, startingNodes: readonly Node[]): Map<Unit, Reason> | undefined {
  const moved = new Map<Unit, Reason>();
  for (const node of startingNodes) {
    const unit = model.units.find((candidate) => candidate.node.range[0] <= node.range[0] && node.range[1] <= candidate.node.range[1]);
    if (!unit) return undefined;
    moved.set(unit, 'starts');
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const unit of model.units) {
      if (moved.has(unit)) continue;
      const usesStarted = [...moved].some(
        ([source, reason]) => reason === 'starts' && source.order < unit.order && intersects(unit.reads, source.writes),
      );
      if (usesStarted) {
        moved.set(unit, 'starts');
        changed = true;
      }
    }
    for (const unit of [...moved.keys()]) {
      for (const key of unit.reads) {
        const declaring = typeof key === 'string' ? undefined : model.declaringUnit.get(key);
        if (declaring && !moved.has(declaring)) {
          moved.set(declaring, 'input');
          changed = true;
        }
      }
    }
  }
  return moved;
}

/** Whether moving these units keeps every value and order the remaining code relies on. */
function canMove(model: ConstructionModel, moved: ReadonlyMap<Unit, Reason>): boolean {
  const kept = model.units.filter((unit) => !moved.has(unit));
  for (const unit of moved.keys()) {
    if (unit.bound) return false;
    for (const other of kept) {
      // What stays would read a value that is no longer there, or change one the moved code reads.
      if (unit.order < other.order && intersects(other.reads, unit.writes)) return false;
      if (unit.order < other.order && (intersects(other.writes, unit.reads) || intersects(other.writes, unit.writes))) return false;
      // A local lives on one side only.
      if (sharesLocal(unit, other)) return false;
    }
  }
  return true;
}

function sharesLocal(a: Unit, b: Unit): boolean {
  const locals = (unit: Unit): EffectKey[] => [...unit.reads, ...unit.writes].filter((key) => typeof key !== 'string');
  const theirs = new Set(locals(b));
  return locals(a).some((key) => theirs.has(key));
}

function intersects<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  for (const item of a) if (b.has(item)) return true;
  return false;
}

/** A parameter the constructor starts storing in a field of the same name. */
interface NewStore {
  readonly name: string;
  /** The field's declared type (TypeScript only). */
  readonly type?: string;
}

interface ParameterRewrites {
  readonly edits: readonly Edit[];
  readonly stores: readonly NewStore[];
}

/**
 * `codec` → `this.codec` in moved code: parameter properties are fields; a plain parameter is read
 * through the field a remaining statement stores it in, or a new field of its name the constructor
 * now stores it in. Undefined when a parameter can be read in none of these ways.
 */
function parameterRewrites(
  sourceCode: SourceCode,
  model: ConstructionModel,
  moved: ReadonlyMap<Unit, Reason>,
  methodName: string,
  typescript: boolean,
): ParameterRewrites | undefined {
  const edits: Edit[] = [];
  const stores = new Map<string, NewStore>();
  for (const unit of moved.keys()) {
    for (const [variable, identifiers] of unit.parameterReads) {
      const access = parameterField(sourceCode, model, moved, variable, methodName, typescript);
      if (access === undefined) return undefined;
      if (access.store) stores.set(access.store.name, access.store);
      for (const identifier of identifiers) {
        if (insidePlainFunction(identifier, unit.node)) return undefined;
        const parent = identifier.parent;
        const text = `this.${access.field}`;
        edits.push(
          parent?.type === 'Property' && parent.shorthand && parent.value === identifier
            ? { range: identifier.range, text: `${identifier.name}: ${text}` }
            : { range: identifier.range, text },
        );
      }
    }
  }
  return { edits, stores: [...stores.values()] };
}

interface ParameterAccess {
  readonly field: string;
  readonly store?: NewStore;
}

/**
 * The field that holds a parameter's value when the new method runs: a parameter property, a
 * field that only a remaining `this.<field> = <parameter>;` assigns, or a new one.
 */
function parameterField(
  sourceCode: SourceCode,
  model: ConstructionModel,
  moved: ReadonlyMap<Unit, Reason>,
  variable: Variable,
  methodName: string,
  typescript: boolean,
): ParameterAccess | undefined {
  const name = variable.defs[0]?.name;
  if (name?.type !== 'Identifier' || variable.references.some((reference) => reference.isWrite())) return undefined;
  const parameter = name.parent?.type === 'AssignmentPattern' ? name.parent.parent : name.parent;
  if (parameter?.type === 'TSParameterProperty') return { field: name.name };
  for (const unit of model.units) {
    const statement = unit.node;
    if (moved.has(unit) || statement.type !== 'ExpressionStatement') continue;
    const assignment = statement.expression;
    if (
      assignment.type !== 'AssignmentExpression' ||
      assignment.operator !== '=' ||
      assignment.left.type !== 'MemberExpression' ||
      assignment.left.object.type !== 'ThisExpression' ||
      assignment.right.type !== 'Identifier' ||
      resolveVariable(sourceCode, assignment.right) !== variable
    ) {
      continue;
    }
    const key = memberKey(assignment.left);
    if (key === undefined || !/^#?[A-Za-z_$][\w$]*$/.test(key)) continue;
    const writers = model.units.filter((other) => other.writes.has(key));
    if (writers.length !== 1 || assignedByMethods(model.classNode, key, sourceCode)) continue;
    if (typescript && !sameDeclaredType(sourceCode, model.classNode, key, name)) continue;
    return { field: key };
  }
  return newStore(sourceCode, model, name, methodName, typescript);
}

/**
 * Stores a plain parameter (not destructured, not rest) in a new field of its own name, when no
 * member, `this.<name>` use or local base class member has that name already. In TypeScript the
 * parameter needs a written type, which the field declaration repeats.
 */
function newStore(
  sourceCode: SourceCode,
  model: ConstructionModel,
  name: TSESTree.Identifier,
  methodName: string,
  typescript: boolean,
): ParameterAccess | undefined {
  const { classNode, constructor } = model;
  const parameter = name.parent?.type === 'AssignmentPattern' && name.parent.left === name ? name.parent : name;
  if (!constructor?.value.params.includes(parameter as TSESTree.Parameter)) return undefined;
  if (classNode.superClass && !superStatement(constructor)) return undefined;
  const field = name.name;
  if (
    field === methodName ||
    field === 'constructor' ||
    hasMember(classNode, field) ||
    superClassHasMember(sourceCode, classNode, field) ||
    usesThisMember(classNode, field, sourceCode.visitorKeys)
  ) {
    return undefined;
  }
  if (!typescript) return { field, store: { name: field } };
  const annotation = name.typeAnnotation?.typeAnnotation;
  if (!annotation) return undefined;
  const text = sourceCode.getText(annotation);
  const type = name.optional ? `${LOOSE_TYPES.has(annotation.type) ? `(${text})` : text} | undefined` : text;
  return { field, store: { name: field, type } };
}

/** The top-level `super(…);` statement of a derived class's constructor. */
function superStatement(constructor: TSESTree.MethodDefinition): TSESTree.Statement | undefined {
  return constructor.value.body?.body.find(
    (statement) =>
      statement.type === 'ExpressionStatement' && statement.expression.type === 'CallExpression' && statement.expression.callee.type === 'Super',
  );
}

function usesThisMember(classNode: ClassNode, key: string, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  let found = false;
  walk(classNode.body, visitorKeys, (node) => {
    found ||= node.type === 'MemberExpression' && node.object.type === 'ThisExpression' && memberKey(node) === key;
    return !found;
  });
  return found;
}

/** Whether code outside the constructor assigns `this.<key>`, which would make the stored value stale. */
function assignedByMethods(classNode: ClassNode, key: string, sourceCode: SourceCode): boolean {
  return classNode.body.body.some((member) => {
    if (member.type === 'MethodDefinition') return member.kind !== 'constructor' && findAssignment(member.value, key, sourceCode.visitorKeys);
    return member.type === 'PropertyDefinition' && member.value !== null && findAssignment(member.value, key, sourceCode.visitorKeys);
  });
}

function findAssignment(root: Node, key: string, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  let found = false;
  walk(root, visitorKeys, (node) => {
    found ||=
      node.type === 'AssignmentExpression' &&
      node.left.type === 'MemberExpression' &&
      node.left.object.type === 'ThisExpression' &&
      memberKey(node.left) === key;
    return !found;
  });
  return found;
}

/** The field is declared with the parameter's type (or none: then it is inferred from it). */
function sameDeclaredType(sourceCode: SourceCode, classNode: ClassNode, key: string, parameter: TSESTree.Identifier): boolean {
  const field = fieldNamed(classNode, key);
  if (!field || field.value || field.optional) return false;
  const declared = field.typeAnnotation?.typeAnnotation;
  if (!declared) return true;
  const given = parameter.typeAnnotation?.typeAnnotation;
  return given !== undefined && sourceCode.getText(given) === sourceCode.getText(declared);
}

function fieldNamed(classNode: ClassNode, key: string): TSESTree.PropertyDefinition | undefined {
  return classNode.body.body.find(
    (member): member is TSESTree.PropertyDefinition => member.type === 'PropertyDefinition' && !member.static && memberKey(member) === key,
  );
}

function insidePlainFunction(node: Node, within: Node): boolean {
  for (let current = node.parent; current && current !== within; current = current.parent) {
    if (current.type === 'FunctionExpression' || current.type === 'FunctionDeclaration') return true;
  }
  return false;
}

/**
 * Edits to field declarations: moved initializers become declarations; in TypeScript, fields
 * assigned by moved statements lose `readonly` and get `!` when the constructor no longer assigns
 * them. Undefined when a type cannot be written without type information.
 */
function fieldDeclarationEdits(
  sourceCode: SourceCode,
  model: ConstructionModel,
  moved: ReadonlyMap<Unit, Reason>,
  typescript: boolean,
): Edit[] | undefined {
  const edits: Edit[] = [];
  for (const unit of moved.keys()) {
    if (unit.node.type !== 'PropertyDefinition') continue;
    const field = unit.node;
    // A computed key would be evaluated again by the assignment.
    if (field.computed && field.key.type !== 'Literal') return undefined;
    const value = field.value as TSESTree.Expression;
    const declaration = typescript ? definiteDeclaration(sourceCode, field, value) : { readonly: [], suffix: '' };
    if (!declaration) return undefined;
    const start = initializerStart(sourceCode, field);
    const end = initializerEnd(sourceCode, field);
    edits.push(...declaration.readonly);
    if (start === field.key.range[1]) edits.push({ range: [start, end], text: declaration.suffix });
    else edits.push({ range: [field.key.range[1], field.key.range[1]], text: declaration.suffix }, { range: [start, end], text: '' });
  }
  if (!typescript) return edits;

  const keptAssignments = new Set(
    model.units
      .filter((unit) => !moved.has(unit))
      .flatMap((unit) => (unit.node.type === 'ExpressionStatement' ? [directAssignmentKey(unit.node)] : []))
      .filter((key) => key !== undefined),
  );
  const assigned = new Set([...moved.keys()].filter((unit) => unit.node.type !== 'PropertyDefinition').flatMap((unit) => [...unit.assignedMembers]));
  for (const key of assigned) {
    const field = fieldNamed(model.classNode, key);
    if (field && !field.value) {
      if (keptAssignments.has(key)) {
        edits.push(...dropReadonly(sourceCode, field));
        continue;
      }
      const value = movedAssignedValue(moved, key);
      const declaration = definiteDeclaration(sourceCode, field, value);
      if (!declaration) return undefined;
      edits.push(...declaration.readonly, { range: [field.key.range[1], field.key.range[1]], text: declaration.suffix });
    }
    const property = parameterProperty(model, key);
    if (property) edits.push(...dropReadonly(sourceCode, property));
  }
  return edits;
}

interface DefiniteDeclaration {
  /** Removes `readonly`. */
  readonly readonly: Edit[];
  /** Text to add after the key: `!`, `!: Type` or nothing. */
  readonly suffix: string;
}

/** How a field assigned outside the constructor still type-checks: `!`, with a type when none is written. */
function definiteDeclaration(
  sourceCode: SourceCode,
  field: TSESTree.PropertyDefinition,
  value: Node | undefined,
): DefiniteDeclaration | undefined {
  const readonly = dropReadonly(sourceCode, field);
  const annotation = field.typeAnnotation?.typeAnnotation;
  if (field.optional || field.definite || field.declare || (annotation && includesUndefined(annotation))) return { readonly, suffix: '' };
  if (annotation) return { readonly, suffix: '!' };
  const type = value && instanceTypeText(sourceCode, value);
  return type ? { readonly, suffix: `!: ${type}` } : undefined;
}

function includesUndefined(annotation: TSESTree.TypeNode): boolean {
  if (UNDEFINED_TYPES.has(annotation.type)) return true;
  return annotation.type === 'TSUnionType' && annotation.types.some(includesUndefined);
}

function dropReadonly(sourceCode: SourceCode, member: TSESTree.PropertyDefinition | TSESTree.TSParameterProperty): Edit[] {
  if (!member.readonly) return [];
  const token = sourceCode.getTokens(member).find((candidate) => candidate.value === 'readonly');
  const next = token && sourceCode.getTokenAfter(token);
  return token && next ? [{ range: [token.range[0], next.range[0]], text: '' }] : [];
}

/** The `key` of a statement `this.key = …;`. */
function directAssignmentKey(statement: TSESTree.ExpressionStatement): string | undefined {
  const assignment = statement.expression;
  if (assignment.type !== 'AssignmentExpression' || assignment.operator !== '=') return undefined;
  const target = assignment.left;
  return target.type === 'MemberExpression' && target.object.type === 'ThisExpression' ? memberKey(target) : undefined;
}

/** The value a moved top-level `this.key = value;` assigns. */
function movedAssignedValue(moved: ReadonlyMap<Unit, Reason>, key: string): Node | undefined {
  for (const unit of moved.keys()) {
    if (unit.node.type === 'ExpressionStatement' && directAssignmentKey(unit.node) === key) {
      return (unit.node.expression as TSESTree.AssignmentExpression).right;
    }
  }
  return undefined;
}

function parameterProperty(model: ConstructionModel, key: string): TSESTree.TSParameterProperty | undefined {
  return model.constructor?.value.params.find(
    (parameter): parameter is TSESTree.TSParameterProperty => parameter.type === 'TSParameterProperty' && parameterName(parameter) === key,
  );
}

/** Where ` = value` of a field starts: after the key, `?` or type annotation. */
function initializerStart(sourceCode: SourceCode, field: TSESTree.PropertyDefinition): number {
  const equals = sourceCode.getTokenBefore(field.value as Node, (token) => token.value === '=');
  const before = equals && sourceCode.getTokenBefore(equals);
  return before ? before.range[1] : field.key.range[1];
}

/** Where the field's value ends, before a closing `;`. */
function initializerEnd(sourceCode: SourceCode, field: TSESTree.PropertyDefinition): number {
  const last = sourceCode.getLastToken(field);
  if (last?.value !== ';') return field.range[1];
  return sourceCode.getTokenBefore(last)?.range[1] ?? field.range[1];
}

function buildFix(
  sourceCode: SourceCode,
  model: ConstructionModel,
  moved: ReadonlyMap<Unit, Reason>,
  methodName: string,
  parameters: ParameterRewrites,
  fieldEdits: readonly Edit[],
): Fix {
  const { classNode, constructor } = model;
  const anchor = constructor ?? lastLeadingField(classNode) ?? [...moved.keys()][0]!.node;
  const memberIndent = indentationOf(sourceCode, anchor);
  const classIndent = indentationOf(sourceCode, classNode.parent?.type === 'ExportNamedDeclaration' || classNode.parent?.type === 'ExportDefaultDeclaration' ? classNode.parent : classNode);
  const step = memberIndent.startsWith(classIndent) && memberIndent.length > classIndent.length ? memberIndent.slice(classIndent.length) : '  ';
  const bodyIndent = memberIndent + step;

  const units = [...moved.keys()].sort((a, b) => a.order - b.order);
  const lines = units.map((unit) =>
    unit.node.type === 'PropertyDefinition'
      ? fieldAssignment(sourceCode, unit.node, step)
      : statementText(sourceCode, unit.node, bodyIndent, parameters.edits),
  );
  const method = `${methodName}() {\n${lines.map((line) => `${bodyIndent}${line}`).join('\n')}\n${memberIndent}}`;

  const statements = units.filter((unit) => unit.node.type !== 'PropertyDefinition').map((unit) => unit.node);
  const body = constructor?.value.body;
  // A constructor left with nothing to do goes away, or keeps `{}` when it declares parameters.
  const owned = statements.map((statement) => ownedRange(sourceCode, statement));
  const emptied =
    !!body &&
    statements.length === body.body.length &&
    sourceCode.getCommentsInside(body).every((comment) => owned.some(([start, end]) => start <= comment.range[0] && comment.range[1] <= end));
  const replacesConstructor = emptied && constructor?.value.params.length === 0 && !constructor.accessibility;

  const stores = parameters.stores.map((store) => `this.${store.name} = ${store.name};`);

  return (fixer) => {
    const fixes = fieldEdits.filter((edit) => edit.text !== '' || edit.range[0] !== edit.range[1]).map((edit) => fixer.replaceTextRange([...edit.range], edit.text));
    if (replacesConstructor && constructor) {
      fixes.push(fixer.replaceText(constructor, method));
      return fixes;
    }
    if (emptied && body) {
      fixes.push(fixer.replaceText(body, stores.length === 0 ? '{}' : block(stores, bodyIndent, memberIndent)));
    } else if (stores.length > 0 && constructor && body && body.loc.start.line === body.loc.end.line && sourceCode.getCommentsInside(body).length === 0) {
      // A one-line body that gains statements is laid out one statement per line.
      const kept = body.body.filter((statement) => !statements.includes(statement));
      const after = kept.indexOf(superStatement(constructor) as TSESTree.Statement) + 1;
      const lines = kept.map((statement) => sourceCode.getText(statement));
      fixes.push(fixer.replaceText(body, block([...lines.slice(0, after), ...stores, ...lines.slice(after)], bodyIndent, memberIndent)));
    } else {
      for (const statement of statements) fixes.push(fixer.removeRange(removalRange(sourceCode, statement)));
      // New stores go first, after `super()` in a derived class.
      const storeAfter = constructor && body && (superStatement(constructor) ?? sourceCode.getFirstToken(body));
      if (stores.length > 0 && storeAfter) fixes.push(fixer.insertTextAfter(storeAfter, stores.map((line) => `\n${bodyIndent}${line}`).join('')));
    }
    if (constructor) fixes.push(...storeDeclarations(sourceCode, fixer, firstSignature(classNode) ?? constructor, parameters.stores, memberIndent));
    fixes.push(fixer.insertTextAfter(anchor, `\n\n${memberIndent}${method}`));
    return fixes;
  };
}

function block(lines: readonly string[], bodyIndent: string, memberIndent: string): string {
  return `{\n${lines.map((line) => `${bodyIndent}${line}`).join('\n')}\n${memberIndent}}`;
}

/** The constructor's first overload signature, which the constructor must follow with nothing between. */
function firstSignature(classNode: ClassNode): TSESTree.MethodDefinition | undefined {
  return classNode.body.body.find((member): member is TSESTree.MethodDefinition => member.type === 'MethodDefinition' && member.kind === 'constructor');
}

/** TypeScript declarations of the new store fields, placed before the constructor (and its overloads) and their comments. */
function storeDeclarations(
  sourceCode: SourceCode,
  fixer: TSESLint.RuleFixer,
  constructor: TSESTree.MethodDefinition,
  stores: readonly NewStore[],
  memberIndent: string,
): TSESLint.RuleFix[] {
  const declarations = stores.flatMap((store) => (store.type === undefined ? [] : [`private readonly ${store.name}: ${store.type};`]));
  if (declarations.length === 0) return [];
  const [start] = ownedRange(sourceCode, constructor);
  const lineStart = sourceCode.text.lastIndexOf('\n', start - 1) + 1;
  if (/^[ \t]*$/.test(sourceCode.text.slice(lineStart, start))) {
    return [fixer.insertTextBeforeRange([lineStart, lineStart], declarations.map((line) => `${memberIndent}${line}\n`).join(''))];
  }
  return [fixer.insertTextBeforeRange([start, start], declarations.map((line) => `${line} `).join(''))];
}

/** The last field of the run of fields that opens the class body. */
function lastLeadingField(classNode: ClassNode): Node | undefined {
  let last: Node | undefined;
  for (const member of classNode.body.body) {
    if (member.type !== 'PropertyDefinition') break;
    last = member;
  }
  return last;
}

/** `this.key = value;` for a moved field initializer, its continuation lines indented one step more. */
function fieldAssignment(sourceCode: SourceCode, field: TSESTree.PropertyDefinition, step: string): string {
  const value = field.value as TSESTree.Expression;
  const key = field.key;
  const target =
    key.type === 'PrivateIdentifier' ? `this.#${key.name}` : key.type === 'Identifier' ? `this.${key.name}` : `this[${sourceCode.getText(key)}]`;
  const valueText = sourceCode.getText(value).replace(/\n(?=[^\n])/g, `\n${step}`);
  return `${target} = ${value.type === 'SequenceExpression' ? `(${valueText})` : valueText};`;
}

/** A moved statement's text with its own-line comments, re-indented, parameters rewritten. */
export function statementText(sourceCode: SourceCode, statement: Node, bodyIndent: string, parameterEdits: readonly Edit[]): string {
  const [start, end] = ownedRange(sourceCode, statement);
  const inside = parameterEdits.filter((edit) => edit.range[0] >= start && edit.range[1] <= end).sort((a, b) => b.range[0] - a.range[0]);
  let text = sourceCode.text.slice(start, end);
  for (const edit of inside) text = text.slice(0, edit.range[0] - start) + edit.text + text.slice(edit.range[1] - start);
  const indent = indentationOf(sourceCode, statement);
  return text
    .split('\n')
    .map((line, index) => (index > 0 && line.startsWith(indent) ? bodyIndent + line.slice(indent.length) : line))
    .join('\n');
}

/** A statement with its comments on the lines above and its trailing comment on the same line. */
function ownedRange(sourceCode: SourceCode, statement: Node): [number, number] {
  const previous = sourceCode.getTokenBefore(statement, { includeComments: false });
  const leading = sourceCode
    .getCommentsBefore(statement)
    .filter((comment) => !previous || comment.loc.start.line > previous.loc.end.line);
  const trailing = sourceCode.getCommentsAfter(statement).filter((comment) => comment.loc.start.line === statement.loc.end.line);
  return [leading[0]?.range[0] ?? statement.range[0], trailing.at(-1)?.range[1] ?? statement.range[1]];
}

/** The statement's whole lines when it has them to itself; otherwise it and the spaces after it. */
export function removalRange(sourceCode: SourceCode, statement: Node): [number, number] {
  const [start, end] = ownedRange(sourceCode, statement);
  const text = sourceCode.text;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end);
  const lineEnd = newline === -1 ? text.length : newline;
  if (/^[ \t]*$/.test(text.slice(lineStart, start)) && /^[ \t]*$/.test(text.slice(end, lineEnd))) {
    return [lineStart, newline === -1 ? lineEnd : newline + 1];
  }
  const spaces = /^[ \t]*/.exec(text.slice(end))?.[0].length ?? 0;
  return [start, end + spaces];
}
