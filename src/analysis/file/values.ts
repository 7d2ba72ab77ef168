/**
 * What a value is, as far as it can be seen in the file: constants followed through
 * single-assignment variables, whether a path names the module itself, and the value model (the
 * strings, paths and URLs an expression can take).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { hasSpread, isImportMetaMember, memberName, propertyValue, skipTransparent, stringValue } from '../syntax/ast.js';
import { CALL_RESULT, GLOBALS_MODULE, isRef, REQUIRE_MODULE, type ModuleRef, type ReferenceIndex } from './references.js';
import { constantInitializer, isGlobalIdentifier, resolveVariable, writableByEval } from '../syntax/scope.js';
import { propertyHistory, type PropertyValue } from './object-writes.js';
import { literalStrings } from './typed.js';
import { annotatedMembers, arrayElements, bindingAnnotation, enumMemberInitializer, iteratedList } from './value-sets.js';

type Node = TSESTree.Node;

const MAX_ALIAS_DEPTH = 4;

/**
 * Follows an expression through identifiers bound once to another expression, returning the
 * expression the value comes from (`const file = __filename` → `__filename`).
 */
export function followConstant(sourceCode: Readonly<TSESLint.SourceCode>, node: Node): Node {
  let current = skipTransparent(node);
  for (let depth = 0; depth < MAX_ALIAS_DEPTH && current.type === 'Identifier'; depth += 1) {
    const init = constantInitializer(sourceCode, current);
    if (!init) break;
    current = skipTransparent(init);
  }
  return current;
}

/** Pieces of one concatenation or template read, at most: longer ones are generated code. */
const MAX_PARTS = 16;

/**
 * The pieces a string expression joins, in order: the text of each string (constants followed)
 * and each other expression as its node. `'"' + dir + '/x.js"'` is `['"', dir, '/x.js"']`; a plain
 * string is its one text, any other expression its one node. Undefined past MAX_PARTS.
 */
export function stringParts(sourceCode: Readonly<TSESLint.SourceCode>, node: Node): (string | Node)[] | undefined {
  const parts: (string | Node)[] = [];
  let visits = 0;
  const add = (part: Node): boolean => {
    if ((visits += 1) > MAX_PARTS * 2) return false;
    const value = followConstant(sourceCode, part);
    const text = stringValue(value);
    if (text !== undefined) parts.push(text);
    else if (value.type === 'BinaryExpression' && value.operator === '+') return add(value.left) && add(value.right);
    else if (value.type === 'TemplateLiteral') {
      for (const [index, quasi] of value.quasis.entries()) {
        parts.push(quasi.value.cooked ?? '');
        const expression = value.expressions[index];
        if (expression && !add(expression)) return false;
      }
    } else parts.push(value);
    return parts.length <= MAX_PARTS;
  };
  return add(node) ? parts : undefined;
}

/** The string a node is known to hold: a literal, or a constant holding one. */
export function constantString(sourceCode: Readonly<TSESLint.SourceCode>, node: Node): string | undefined {
  return stringValue(followConstant(sourceCode, node));
}

/** Which self-reference form a path expression is, if any. */
export type SelfReference =
  | '__filename'
  | 'import.meta.url'
  | 'import.meta.filename'
  | 'process.argv[1]'
  | 'require.main.filename';

/**
 * Whether an expression names this very module's file: `__filename`, `import.meta.url`,
 * `import.meta.filename`, `new URL(import.meta.url)`, `fileURLToPath(import.meta.url)`,
 * `pathToFileURL(__filename)`, or a constant holding one. `process.argv[1]` and
 * `require.main.filename` name the entry script, which is this module when it is run directly.
 */
export function selfReference(
  sourceCode: Readonly<TSESLint.SourceCode>,
  references: ReferenceIndex,
  node: Node,
): SelfReference | undefined {
  const value = followConstant(sourceCode, node);
  const ref = references.refOf(value);
  if (isRef(ref, GLOBALS_MODULE, '__filename')) return '__filename';
  if (isRef(ref, 'process', 'argv', '1')) return 'process.argv[1]';
  if (isRef(ref, REQUIRE_MODULE, 'main', 'filename')) return 'require.main.filename';
  if (isImportMetaMember(value, 'url')) return 'import.meta.url';
  if (isImportMetaMember(value, 'filename')) return 'import.meta.filename';
  if (value.type === 'NewExpression' && isGlobalIdentifier(sourceCode, value.callee, 'URL')) {
    // `new URL(import.meta.url)` or `new URL('', import.meta.url)`-style: the second form with a
    // non-empty relative part names another file.
    const [first, second] = value.arguments;
    if (first && !second) return selfReference(sourceCode, references, first);
    if (first && second && stringValue(first) === '' && isImportMetaMember(second, 'url')) return 'import.meta.url';
    return undefined;
  }
  // `process.argv[1] ?? ''`: with no script path, the empty path names no module, so the check reads argv[1] alone.
  if (value.type === 'LogicalExpression' && value.operator !== '&&' && constantString(sourceCode, value.right) === '') {
    return selfReference(sourceCode, references, value.left) === 'process.argv[1]' ? 'process.argv[1]' : undefined;
  }
  // `` `file://${process.argv[1]}` ``: the URL of a path, written by hand.
  if (value.type === 'TemplateLiteral' && value.expressions.length === 1 && value.quasis[0]?.value.cooked === 'file://' && value.quasis[1]?.value.cooked === '') {
    return selfReference(sourceCode, references, value.expressions[0] as Node);
  }
  if (value.type === 'CallExpression' && value.arguments.length === 1 && value.arguments[0]) {
    const callee = references.refOf(value.callee);
    if (isRef(callee, 'url', 'fileURLToPath') || isRef(callee, 'url', 'pathToFileURL') || isPathNormalizer(callee)) {
      return selfReference(sourceCode, references, value.arguments[0]);
    }
  }
  if (value.type === 'MemberExpression' && !value.computed && value.property.type === 'Identifier') {
    // `pathToFileURL(__filename).href`
    if (value.property.name === 'href' || value.property.name === 'pathname') {
      return selfReference(sourceCode, references, value.object);
    }
  }
  return undefined;
}

/**
 * `path.resolve(p)`, `path.normalize(p)`, `fs.realpathSync(p)`: the same file as `p`, written
 * absolute or canonical, as both sides of an entry check often are.
 */
function isPathNormalizer(callee: ModuleRef | undefined): boolean {
  return isRef(callee, 'path', 'resolve') || isRef(callee, 'path', 'normalize') || isRef(callee, 'fs', 'realpathSync') || isRef(callee, 'fs', 'realpathSync', 'native');
}

/**
 * Stands for a part of a string the file does not show: a parameter, `__dirname`, `import.meta.url`,
 * an environment variable. `path.join(__dirname, 'node_modules', '.bin', 'swc')` is
 * `UNKNOWN_PART + '/node_modules/.bin/swc'`: its file name is known, its folder is not. A reader
 * must treat any piece containing it as unknown (a NUL never occurs in a real command or path).
 */
export const UNKNOWN_PART = '\u0000';

/** One string an expression can evaluate to, with the literals it is made of. */
export interface PossibleString {
  /** The text; parts the file does not show are {@link UNKNOWN_PART}. */
  readonly value: string;
  /** The literal nodes the value is built from: the conditions around them decide when it occurs. */
  readonly sources: readonly Node[];
  /**
   * Tests that replace the value before it is read when they hold: `'npm'` in
   * `let npm = 'npm'; if (isWindows) npm = 'npm.cmd'; spawn(npm)` occurs only where `isWindows` is false.
   */
  readonly unless?: readonly Node[];
}

/** Whether a possible string is known in full. */
export function isComplete(possible: PossibleString): boolean {
  return !possible.value.includes(UNKNOWN_PART);
}

/** Values kept per expression: enough for every branch real code writes, bounded for generated code. */
const MAX_VALUES = 16;
/** How many identifiers, members and calls one evaluation follows before it gives up (unknown). */
const MAX_DEPTH = 12;

const UNKNOWN: readonly PossibleString[] = [{ value: UNKNOWN_PART, sources: [] }];
const EMPTY_PREFIX: readonly PossibleString[] = [{ value: '', sources: [] }];
const URL_SCHEME = /^[A-Za-z][A-Za-z\d+.-]+:/;
const ABSOLUTE_PATH = /^(?:[\\/]|[A-Za-z]:[\\/])/;

/**
 * The value model of one file: the strings, paths and URLs an expression can take, as far as the
 * file shows them. It follows
 * - constants, and variables written more than once (`let bin = 'npm'; if (win) bin = 'npm.cmd'`:
 *   both values, each under the conditions of its own assignment);
 * - both branches of `?:` and both sides of `||`/`??`/`&&`;
 * - `+` and template concatenations, keeping unknown parts as {@link UNKNOWN_PART};
 * - `path.join`/`resolve`/`normalize`, `new URL(rel, base)`, `require.resolve(id)`,
 *   `fileURLToPath`/`pathToFileURL` and the `href`/`pathname` of a URL;
 * - object and array literals and member reads of them, with the writes after creation that
 *   `object-writes` places (`var packager = { bin: 'npm' }; packager.bin = 'yarn'`; an object
 *   passed to a function or aliased is unknown), and destructuring of them.
 *
 * Results are memoized per node, sets are capped at {@link MAX_VALUES} and chains at
 * {@link MAX_DEPTH}, so the work stays linear in the file; anything past a bound is unknown.
 */
export class ValueModel {
  private readonly cache = new Map<Node, readonly PossibleString[]>();
  private readonly inProgress = new Set<Node>();
  private readonly memberCache = new Map<TSESLint.Scope.Variable, Map<string, readonly PossibleString[]>>();

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly references: ReferenceIndex | undefined,
  ) {}

  /** Every string `node` can take; a value the file does not show is {@link UNKNOWN_PART}. */
  strings(node: Node): readonly PossibleString[] {
    return this.evaluate(node, 0);
  }

  /**
   * The strings of `node[path[0]][path[1]]…` (`['0']` is the first element of an array), read from
   * the object and array literals `node` holds.
   */
  memberStrings(node: Node, path: readonly string[]): readonly PossibleString[] {
    return path.length === 0 ? this.evaluate(node, 0) : this.members(node, path, 0);
  }

  private evaluate(node: Node, depth: number): readonly PossibleString[] {
    const value = skipTransparent(node);
    const literal = stringValue(value);
    if (literal !== undefined) return [{ value: literal, sources: [value] }];
    if (value.type === 'Literal' && (typeof value.value === 'number' || typeof value.value === 'boolean')) {
      return [{ value: String(value.value), sources: [value] }];
    }
    if (depth >= MAX_DEPTH || this.inProgress.has(value)) return UNKNOWN;
    const cached = this.cache.get(value);
    if (cached) return cached;
    this.inProgress.add(value);
    let result: readonly PossibleString[];
    try {
      result = this.compute(value, depth + 1);
    } finally {
      this.inProgress.delete(value);
    }
    if (!result.some(isComplete)) {
      // With type information, a value the file does not show may still have a literal type (`PM` from another module).
      const typed = literalStrings(this.sourceCode, value);
      if (typed) result = typed.map((text) => ({ value: text, sources: [] }));
    }
    this.cache.set(value, result);
    return result;
  }

  private compute(value: Node, depth: number): readonly PossibleString[] {
    switch (value.type) {
      case 'Identifier':
        return this.variable(value, depth);
      case 'ConditionalExpression':
        return union([this.evaluate(value.consequent, depth), this.evaluate(value.alternate, depth)]);
      case 'LogicalExpression':
        return union([this.evaluate(value.left, depth), this.evaluate(value.right, depth)]);
      case 'BinaryExpression':
        if (value.operator !== '+') return UNKNOWN;
        return concatenations([this.evaluate(value.left, depth), this.evaluate(value.right, depth)]);
      case 'TemplateLiteral': {
        const parts: (readonly PossibleString[])[] = [];
        // The quasis are literals: the conditions around the template decide when its text occurs.
        value.quasis.forEach((quasi, index) => {
          parts.push([{ value: quasi.value.cooked ?? UNKNOWN_PART, sources: [quasi] }]);
          const expression = value.expressions[index];
          if (expression) parts.push(this.evaluate(expression, depth));
        });
        return concatenations(parts);
      }
      case 'MemberExpression':
        return this.memberRead(value, depth);
      case 'NewExpression':
        return isGlobalIdentifier(this.sourceCode, value.callee, 'URL') ? this.url(value, depth) : UNKNOWN;
      case 'CallExpression':
        return this.call(value, depth);
      default:
        return UNKNOWN;
    }
  }

  /** A variable: every value written to it, when it is declared once in the file. */
  private variable(identifier: TSESTree.Identifier, depth: number): readonly PossibleString[] {
    const variable = resolveVariable(this.sourceCode, identifier);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || !definition) return UNKNOWN;
    const declared = definition.type === 'Variable' ? definition : undefined;
    if (declared?.parent.kind !== 'const' && writableByEval(variable)) return UNKNOWN;
    const flow = declared && !iteratedList(declared) ? this.written(variable, declared, identifier, depth) : UNKNOWN;
    if (flow.every(isComplete)) return flow;
    return this.drawn(variable, definition, depth) ?? flow;
  }

  /**
   * The set a variable is drawn from when its writes do not show its value: the literals of its
   * annotation (`pm: 'npm' | 'yarn'`, which the type checker holds every write to), or the elements
   * of the array a loop or an element callback takes it from, when nothing else writes it.
   */
  private drawn(variable: TSESLint.Scope.Variable, definition: TSESLint.Scope.Definition, depth: number): readonly PossibleString[] | undefined {
    const annotation = definition.name.type === 'Identifier' ? bindingAnnotation(definition.name) : undefined;
    const annotated = annotation && annotatedMembers(this.sourceCode, annotation);
    if (annotated) return union(annotated.map((member) => this.evaluate(member, depth)));
    const list = iteratedList(definition);
    if (!list || variable.references.some((reference) => reference.isWrite() && reference.identifier !== definition.name)) return undefined;
    const elements = arrayElements(this.sourceCode, list);
    return elements && union(elements.map((element) => this.evaluate(element, depth)));
  }

  /** Every value written to a declared variable, each with the tests that replace it before `identifier`. */
  private written(
    variable: TSESLint.Scope.Variable,
    definition: TSESLint.Scope.Definitions.VariableDefinition,
    identifier: TSESTree.Identifier,
    depth: number,
  ): readonly PossibleString[] {
    const declarator = definition.node;
    const sets: (readonly PossibleString[])[] = [];
    if (declarator.id.type === 'Identifier') {
      const unless = overridingTests(declarator, variable, identifier);
      const initial = declarator.init ? this.evaluate(declarator.init, depth) : [];
      sets.push(unless.length === 0 ? initial : initial.map((possible) => ({ ...possible, unless: [...(possible.unless ?? []), ...unless] })));
    } else {
      // `const [cmd, ...args] = ['npm', 'install']`, `const { bin } = packager`
      const path = patternPath(declarator.id, identifier.name);
      if (!path || !declarator.init) return UNKNOWN;
      sets.push(this.members(declarator.init, path, depth));
    }
    for (const reference of variable.references) {
      if (!reference.isWrite() || reference.writeExpr === declarator.init) continue;
      const assignment = reference.identifier.parent;
      // `x = value` adds a value; `x += …`, `for (x of …)` or a destructuring write is unknown.
      const simple = assignment?.type === 'AssignmentExpression' && assignment.operator === '=' && assignment.left === reference.identifier;
      sets.push(simple ? this.evaluate(assignment.right, depth) : UNKNOWN);
    }
    return sets.length === 0 ? UNKNOWN : union(sets);
  }

  private memberRead(member: TSESTree.MemberExpression, depth: number): readonly PossibleString[] {
    const name = memberName(member);
    const object = skipTransparent(member.object);
    if (name === undefined) {
      // `PMS[i]` of an array that is only read: any of its elements.
      const elements = member.computed ? arrayElements(this.sourceCode, object) : undefined;
      return elements ? union(elements.map((element) => this.evaluate(element, depth))) : UNKNOWN;
    }
    const enumMember = object.type === 'Identifier' ? enumMemberInitializer(this.sourceCode, object, name) : undefined;
    if (enumMember) return this.evaluate(enumMember, depth);
    if ((name === 'href' || name === 'pathname') && isUrlValue(this.sourceCode, this.references, object)) {
      return this.evaluate(object, depth);
    }
    return this.members(object, [name], depth);
  }

  /** The values at `path` inside the literals `node` holds, with later `obj.prop = value` writes. */
  private members(node: Node, path: readonly string[], depth: number): readonly PossibleString[] {
    const [name, ...rest] = path;
    if (name === undefined) return this.evaluate(node, depth);
    if (depth >= MAX_DEPTH) return UNKNOWN;
    const value = skipTransparent(node);
    if (value.type === 'ObjectExpression') {
      const property = propertyValue(value, name);
      if (property) return this.members(property, rest, depth + 1);
      return hasSpread(value) ? UNKNOWN : [];
    }
    if (value.type === 'ArrayExpression') {
      const index = Number(name);
      const element = Number.isInteger(index) ? value.elements[index] : undefined;
      const spreadBefore = value.elements.slice(0, index + 1).some((item) => item?.type === 'SpreadElement');
      if (!element || spreadBefore) return UNKNOWN;
      return this.members(element, rest, depth + 1);
    }
    if (value.type === 'ConditionalExpression' || value.type === 'LogicalExpression') {
      const [first, second] = value.type === 'ConditionalExpression' ? [value.consequent, value.alternate] : [value.left, value.right];
      return union([this.members(first, path, depth + 1), this.members(second, path, depth + 1)]);
    }
    if (value.type === 'MemberExpression') {
      // `tools.npm.bin`: `bin` of what `tools.npm` holds.
      const outer = memberName(value);
      return outer === undefined ? UNKNOWN : this.members(value.object, [outer, ...path], depth + 1);
    }
    if (value.type !== 'Identifier') return UNKNOWN;
    const variable = resolveVariable(this.sourceCode, value);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || definition?.type !== 'Variable' || definition.node.id.type !== 'Identifier' || !definition.node.init) return UNKNOWN;
    const declarator = definition.node;
    if (variable.references.some((reference) => reference.isWrite() && reference.writeExpr !== declarator.init)) return UNKNOWN;
    // Writes after creation depend on where the read is: `packager.bin` is answered once per read.
    const key = `${path.join('\u0001')}\u0001${value.range[0]}`;
    const known = this.memberCache.get(variable)?.get(key);
    if (known) return known;
    const history = propertyHistory(this.sourceCode, variable, this.references, name, value);
    let result: readonly PossibleString[] = UNKNOWN;
    if (history && (rest.length === 0 || (history.replaced === undefined && history.sometimes.length === 0))) {
      const written = (write: PropertyValue) => (write === null ? [] : this.evaluate(write, depth + 1));
      const initial = history.replaced === undefined ? this.members(declarator.init as Node, path, depth + 1) : written(history.replaced);
      result = union([initial, ...history.sometimes.map(written)]);
    }
    const byPath = this.memberCache.get(variable) ?? new Map<string, readonly PossibleString[]>();
    byPath.set(key, result);
    this.memberCache.set(variable, byPath);
    return result;
  }

  /** `new URL(rel, base)`: an absolute URL as written, otherwise `rel` under an unknown base. */
  private url(value: TSESTree.NewExpression, depth: number): readonly PossibleString[] {
    const [first, base] = value.arguments;
    if (!first || first.type === 'SpreadElement') return UNKNOWN;
    const relative = this.evaluate(first, depth);
    if (!base) return relative;
    return relative.map((possible) =>
      URL_SCHEME.test(possible.value) ? possible : { ...possible, value: underUnknown(possible.value) },
    );
  }

  private call(call: TSESTree.CallExpression, depth: number): readonly PossibleString[] {
    const callee = this.references?.refOf(call.callee);
    if (!callee || call.arguments.some((argument) => argument.type === 'SpreadElement')) return UNKNOWN;
    const args = call.arguments.map((argument) => this.evaluate(argument, depth));
    const [first] = args;
    if (isRef(callee, 'path', 'join') || isRef(callee, 'path', 'normalize')) return joinPaths(args, false);
    if (isRef(callee, 'path', 'resolve')) return joinPaths(args, true);
    if ((isRef(callee, 'url', 'fileURLToPath') || isRef(callee, 'url', 'pathToFileURL')) && first) return first;
    if (isResolveFunction(callee) && first) {
      // `require.resolve('.bin/swc')`: the id, found in some folder the file does not name.
      return first.map((possible) => ({ ...possible, value: underUnknown(possible.value) }));
    }
    return UNKNOWN;
  }
}

/**
 * The tests of the `if` statements that reassign a variable between its declaration and `read`,
 * in the same statement list: `let sh = 'sh'; if (isWindows) { sh = 'cmd'; } spawn(sh)`. Where
 * such a test holds, the declared value is gone by the time of the read.
 */
function overridingTests(
  declarator: TSESTree.VariableDeclarator,
  variable: TSESLint.Scope.Variable,
  read: TSESTree.Identifier,
): Node[] {
  const tests: Node[] = [];
  for (const reference of variable.references) {
    const assignment = reference.identifier.parent;
    if (!reference.isWrite() || assignment?.type !== 'AssignmentExpression' || assignment.operator !== '=') continue;
    const statement = assignment.parent;
    if (statement.type !== 'ExpressionStatement') continue;
    const block = statement.parent;
    const branch = block.type === 'BlockStatement' ? block : statement;
    const ifStatement = branch.parent;
    if (ifStatement?.type !== 'IfStatement' || ifStatement.consequent !== branch) continue;
    const sameList = ifStatement.parent === declarator.parent.parent;
    if (sameList && ifStatement.range[0] > declarator.range[1] && read.range[0] > ifStatement.range[1]) tests.push(ifStatement.test);
  }
  return tests;
}

/** `require.resolve`, `createRequire(…).resolve`. */
function isResolveFunction(ref: Parameters<typeof isRef>[0]): boolean {
  return isRef(ref, REQUIRE_MODULE, 'resolve') || isRef(ref, 'module', 'createRequire', CALL_RESULT, 'resolve');
}

/** Whether `node` is a URL object: `new URL(…)` or `pathToFileURL(…)`, possibly through a constant. */
function isUrlValue(sourceCode: Readonly<TSESLint.SourceCode>, references: ReferenceIndex | undefined, node: Node): boolean {
  const value = followConstant(sourceCode, node);
  if (value.type === 'NewExpression') return isGlobalIdentifier(sourceCode, value.callee, 'URL');
  return value.type === 'CallExpression' && isRef(references?.refOf(value.callee), 'url', 'pathToFileURL');
}

/**
 * Where `name` sits in a destructuring pattern, as member names: `['0']` in `[name]`, `['bin']`
 * in `{ bin: name }`. Undefined for a rest element (a new array or object) or when absent.
 */
export function patternPath(pattern: Node, name: string): string[] | undefined {
  switch (pattern.type) {
    case 'Identifier':
      return pattern.name === name ? [] : undefined;
    case 'AssignmentPattern':
      return patternPath(pattern.left, name);
    case 'ArrayPattern':
      for (const [index, element] of pattern.elements.entries()) {
        if (!element || element.type === 'RestElement') continue;
        const inner = patternPath(element, name);
        if (inner) return [String(index), ...inner];
      }
      return undefined;
    case 'ObjectPattern':
      for (const property of pattern.properties) {
        if (property.type !== 'Property') continue;
        const key = property.computed ? stringValue(property.key) : property.key.type === 'Identifier' ? property.key.name : stringValue(property.key);
        const inner = key === undefined ? undefined : patternPath(property.value, name);
        if (inner && key !== undefined) return [key, ...inner];
      }
      return undefined;
    default:
      return undefined;
  }
}

/** Both sets, without repeats, capped. */
function union(sets: readonly (readonly PossibleString[])[]): readonly PossibleString[] {
  const seen = new Set<string>();
  const result: PossibleString[] = [];
  for (const set of sets) {
    for (const possible of set) {
      const key = `${possible.value}\u0001${possible.sources.map((source) => source.range[0]).join(',')}`;
      if (seen.has(key) || result.length >= MAX_VALUES) continue;
      seen.add(key);
      result.push(possible);
    }
  }
  return result;
}

/** Every concatenation of one value from each part, in order, capped. */
function concatenations(parts: readonly (readonly PossibleString[])[], separator = ''): PossibleString[] {
  let result: PossibleString[] = [...EMPTY_PREFIX];
  for (const [index, part] of parts.entries()) {
    const glue = index === 0 ? '' : separator;
    result = result
      .flatMap((prefix) =>
        part.map((next) => ({
          value: prefix.value + glue + next.value,
          sources: [...prefix.sources, ...next.sources],
          unless: [...(prefix.unless ?? []), ...(next.unless ?? [])],
        })),
      )
      .slice(0, MAX_VALUES);
  }
  return result;
}

/**
 * `path.join()` (and `normalize`) or `path.resolve()` of the possible parts, with `/`. `resolve`
 * starts over at an absolute part and is relative to an unknown working directory otherwise. The
 * text is not normalized: `..` after an unknown folder cannot be resolved.
 */
function joinPaths(parts: readonly (readonly PossibleString[])[], resolve: boolean): PossibleString[] {
  return concatenations(parts, '\u0002').map((possible) => {
    let pieces = possible.value.split('\u0002');
    if (resolve) {
      const start = pieces.findLastIndex((piece) => ABSOLUTE_PATH.test(piece));
      pieces = start === -1 ? [UNKNOWN_PART, ...pieces] : pieces.slice(start);
    }
    return { ...possible, value: pieces.join('/').replace(/[\\/]+/g, '/').replaceAll(UNDER_UNKNOWN, `${UNKNOWN_PART}/`) };
  });
}

/** `./` and `../` steps right after an unknown folder: they stay in some unknown folder. */
const UNDER_UNKNOWN = new RegExp(`${UNKNOWN_PART}/(?:\\.\\.?/)+`, 'g');

/** A relative path or URL under an unknown folder: `../bin/ncu.cmd` → `…/bin/ncu.cmd`. */
function underUnknown(relative: string): string {
  return `${UNKNOWN_PART}/${relative}`.replaceAll(UNDER_UNKNOWN, `${UNKNOWN_PART}/`);
}
