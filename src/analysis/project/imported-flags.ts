/**
 * Platform flags one import away, the first piece of the project model: `IS_WINDOWS` in
 * `import { IS_WINDOWS } from './util/windows.js'`, `const { isWindows } = require('./utils')` or
 * `utils.isWindows` of `const utils = require('./utils')`, where that module exports
 * `process.platform === 'win32'` (or an `os.platform()` or `os.type()` test) under that name; and
 * `isWindows()`, `require('./is-win')()`, or a constant holding such a call, where the module exports
 * a function whose answer without arguments is such a test (a parameter it is not given is
 * `undefined`), also by the name of a constant or declaration (`module.exports = { isWindows }`).
 *
 * The module is found like Node and TypeScript do for relative specifiers (extension probing, `.js`
 * naming a `.ts` source, `index` files), read and parsed with the linted file's parser, and kept
 * while the module is unchanged (fs-cache.ts). Anything unresolved, unreadable, too large or
 * unparsable is unknown, and never throws.
 */
import path from 'node:path';

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { assignedValue, isFunction, literalRegExp, memberName, skipTransparent, stringValue, type FunctionNode } from '../syntax/ast.js';
import { OS_TYPE_PLATFORMS, PLATFORMS, type Platform } from '../catalog/platform-apis.js';
import type { ImportedPlatformFlags } from '../file/guards/guards.js';
import { DerivedCache, readText } from './fs-cache.js';
import { importedName, requiredSpecifier } from '../file/imported-bindings.js';
import { constantInitializer } from '../syntax/scope.js';
import { resolveRelative } from './module-resolution.js';

type Node = TSESTree.Node;

/** The parser's entry points, as ESLint hands it to rules in `languageOptions`. */
export interface ForeignParser {
  parse?: (text: string, options?: Record<string, unknown>) => unknown;
  parseForESLint?: (text: string, options?: Record<string, unknown>) => { ast: unknown };
}

const MAX_MODULE_BYTES = 512 * 1024;
const MAX_CONSTANT_DEPTH = 4;
/** A function's answer is read through this many statements at most. */
const MAX_FUNCTION_STATEMENTS = 8;
/**
 * Exported platform flags of a module: name → the platforms on which it is truthy; `name()` for an
 * exported function's answer when called without arguments.
 */
type FlagTable = ReadonlyMap<string, ReadonlySet<Platform>>;

const tables = new DerivedCache<FlagTable>();

export class ImportedFlags implements ImportedPlatformFlags {
  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly filename: string,
    private readonly parser: ForeignParser | undefined,
  ) {}

  /** The platforms on which `node`, a flag imported from a relative module or a call of one, is truthy. */
  platformsOf(nodeIn: Node): ReadonlySet<Platform> | undefined {
    if (!this.parser || !path.isAbsolute(this.filename)) return undefined;
    const node = skipTransparent(nodeIn);
    // `const isWin = require('./is-win')()`: the constant holds the call's answer.
    const init = node.type === 'Identifier' ? constantInitializer(this.sourceCode, node) : undefined;
    const call = skipTransparent(init ?? node);
    if (call.type === 'CallExpression') return call.arguments.length === 0 ? this.lookup(call.callee, '()') : undefined;
    return this.lookup(node, '');
  }

  private lookup(node: Node, suffix: string): ReadonlySet<Platform> | undefined {
    const specifier = requiredSpecifier(node);
    const imported = specifier !== undefined && isRelative(specifier) ? { specifier, name: 'default' } : importedName(this.sourceCode, node, isRelative);
    if (!imported) return undefined;
    const file = resolveRelative(path.dirname(this.filename), imported.specifier);
    return file === undefined || !this.parser ? undefined : flagTable(file, this.parser).get(imported.name + suffix);
  }
}

function isRelative(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../');
}

function flagTable(file: string, parser: ForeignParser): FlagTable {
  return tables.get(file, () => exportedFlags(parse(file, parser)));
}

function parse(file: string, parser: ForeignParser): TSESTree.Program | undefined {
  const text = readText(file, MAX_MODULE_BYTES);
  if (text === undefined) return undefined;
  for (const sourceType of ['module', 'script']) {
    const options = { ecmaVersion: 'latest', sourceType, range: true, loc: true, filePath: file, comment: false, tokens: false };
    try {
      const result = parser.parseForESLint ? parser.parseForESLint(text, options).ast : parser.parse?.(text, options);
      if (result && typeof result === 'object' && (result as { type?: unknown }).type === 'Program') return result as TSESTree.Program;
    } catch {
      // try the other module system, then give up
    }
  }
  return undefined;
}

/** The top-level names of a module and their initializers, and what it exports under which name. */
function exportedFlags(program: TSESTree.Program | undefined): FlagTable {
  const flags = new Map<string, ReadonlySet<Platform>>();
  if (!program) return flags;
  const constants = new Map<string, Node>();
  const osNames = new Set<string>();
  const exported = new Map<string, Node>();
  for (const statement of program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
    if (declaration?.type === 'FunctionDeclaration' && declaration.id) {
      constants.set(declaration.id.name, declaration);
      if (statement.type !== declaration.type) exported.set(statement.type === 'ExportDefaultDeclaration' ? 'default' : declaration.id.name, declaration);
    } else if (statement.type === 'ExportDefaultDeclaration' && isFunction(statement.declaration)) {
      exported.set('default', statement.declaration);
    } else if (declaration?.type === 'VariableDeclaration') {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type !== 'Identifier' || !declarator.init) continue;
        if (requiredSpecifier(declarator.init)?.replace(/^node:/, '') === 'os') osNames.add(declarator.id.name);
        if (declaration.kind === 'const') constants.set(declarator.id.name, declarator.init);
        if (statement.type === 'ExportNamedDeclaration') exported.set(declarator.id.name, declarator.init);
        // `var utils = module.exports = { isWindows: … }`
        if (declarator.init.type === 'AssignmentExpression') commonJsExports(declarator.init, exported);
      }
    } else if (statement.type === 'ImportDeclaration' && statement.source.value.replace(/^node:/, '') === 'os') {
      for (const specifier of statement.specifiers) if (specifier.type !== 'ImportSpecifier') osNames.add(specifier.local.name);
    } else if (statement.type === 'ExportNamedDeclaration' && !statement.source) {
      for (const specifier of statement.specifiers) {
        const local = specifier.local.name;
        const name = specifier.exported.type === 'Identifier' ? specifier.exported.name : specifier.exported.value;
        const init = constants.get(local);
        if (init) exported.set(name, init);
      }
    } else if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression') {
      commonJsExports(statement.expression, exported);
    }
  }
  const context: ModuleContext = { constants, osNames };
  for (const [name, init] of exported) {
    // `module.exports = { isWindows }` with `const isWindows = () => …` or `function isWindows()`
    const named = skipTransparent(init);
    const value = named.type === 'Identifier' ? skipTransparent(constants.get(named.name) ?? named) : named;
    const [key, platforms] = isFunction(value) ? [`${name}()`, answerOn(value, context, [], 0)] : [name, truthyOn(init, context, 0)];
    if (platforms && platforms.size < PLATFORMS.length) flags.set(key, platforms);
  }
  return flags;
}

/**
 * The platforms on which a function's answer is truthy when it is called with `args`: a parameter is
 * the argument given for it, read in the module's context, or `undefined` when none is, so
 * `if (platform) …` is skipped for it; any other statement before the `return`, a parameter with a
 * default or a pattern, or an async or generator function leaves it unknown.
 */
function answerOn(fn: FunctionNode, context: ModuleContext, args: readonly Node[], depth: number): Set<Platform> | undefined {
  // `context` is the caller's: the arguments are read in it
  if (depth >= MAX_CONSTANT_DEPTH || fn.async || fn.generator) return undefined;
  // a parameter shadows the module's constant of its name: its argument, or undefined when none is given
  const parameters = new Map<string, Bound | undefined>();
  for (const [index, param] of fn.params.entries()) {
    const arg = args[index];
    if (param.type !== 'Identifier' || arg?.type === 'SpreadElement') return undefined;
    parameters.set(param.name, arg && { node: arg, context });
  }
  const local: ModuleContext = { constants: context.constants, osNames: context.osNames, parameters };
  if (fn.body.type !== 'BlockStatement') return truthyOn(fn.body, local, depth + 1);
  let statements: readonly TSESTree.Statement[] = fn.body.body;
  for (let index = 0, read = 0; index < statements.length && read < MAX_FUNCTION_STATEMENTS; index += 1, read += 1) {
    const statement = statements[index]!;
    if (statement.type === 'ReturnStatement') return statement.argument ? truthyOn(statement.argument, local, depth + 1) : undefined;
    const test = statement.type === 'IfStatement' ? skipTransparent(statement.test) : undefined;
    if (statement.type !== 'IfStatement' || test?.type !== 'Identifier' || !parameters.has(test.name) || parameters.get(test.name)) return undefined;
    if (statement.alternate) {
      // the branch taken decides what follows: read its statements instead of the rest
      statements = statement.alternate.type === 'BlockStatement' ? statement.alternate.body : [statement.alternate];
      index = -1;
    }
  }
  return undefined;
}

/** `module.exports = { a, b: … }`, `module.exports = function …`, `exports.a = …`, `module.exports.a = …`, through `x = module.exports = …` chains. */
function commonJsExports(assignment: TSESTree.AssignmentExpression, exported: Map<string, Node>): void {
  for (let current: Node = assignment; current.type === 'AssignmentExpression'; current = current.right) {
    const target = current.left;
    if (target.type !== 'MemberExpression') continue;
    const name = memberName(target);
    const holder = target.object;
    const isModuleExports = (node: Node) => node.type === 'MemberExpression' && node.object.type === 'Identifier' && node.object.name === 'module' && memberName(node) === 'exports';
    if (isModuleExports(target)) {
      const value = skipTransparent(assignedValue(current.right));
      // `module.exports = function isWin() {…}`: what `require()` and a default import give
      if (isFunction(value)) exported.set('default', value);
      if (value.type !== 'ObjectExpression') continue;
      for (const property of value.properties) {
        if (property.type !== 'Property' || property.computed) continue;
        const key = property.key.type === 'Identifier' ? property.key.name : stringValue(property.key);
        if (key !== undefined) exported.set(key, property.value);
      }
    } else if (name !== undefined && ((holder.type === 'Identifier' && holder.name === 'exports') || isModuleExports(holder))) {
      exported.set(name, assignedValue(current.right));
    }
  }
}


interface ModuleContext {
  readonly constants: ReadonlyMap<string, Node>;
  /** Inside a function read for its answer: its parameters and the arguments they hold (undefined: none given). */
  readonly parameters?: ReadonlyMap<string, Bound | undefined>;
  readonly osNames: ReadonlySet<string>;
}

/** An expression and the context its names are read in. */
interface Bound {
  readonly node: Node;
  readonly context: ModuleContext;
}

/** The platforms on which a foreign expression is truthy; undefined when it is not a platform test. */
function truthyOn(nodeIn: Node, context: ModuleContext, depth: number): Set<Platform> | undefined {
  const node = skipTransparent(nodeIn);
  switch (node.type) {
    case 'UnaryExpression': {
      const inner = node.operator === '!' ? truthyOn(node.argument, context, depth) : undefined;
      return inner && complement(inner);
    }
    case 'LogicalExpression': {
      if (node.operator === '??') return undefined;
      const left = truthyOn(node.left, context, depth);
      const right = truthyOn(node.right, context, depth);
      // `(isNode || isDeno) && process.platform === 'win32'`, `process.env.CI && isWindows`: an operand
      // that does not test the platform proves none, so the flag proves what its platform test does,
      // both ways (as conditions.ts reads a disjunction).
      if (!left || !right) return left ?? right;
      return node.operator === '&&' ? new Set([...left].filter((p) => right.has(p))) : new Set([...left, ...right]);
    }
    case 'BinaryExpression': {
      const negated = node.operator === '!==' || node.operator === '!=';
      if (!negated && node.operator !== '===' && node.operator !== '==') return undefined;
      const [source, literal] = platformSourceKind(node.left, context) ? [node.left, node.right] : [node.right, node.left];
      const value = stringValue(literal);
      const kind = platformSourceKind(source, context);
      if (!kind || value === undefined) return undefined;
      // `os.type()` answers 'Windows_NT', 'Darwin', 'Linux', …
      const named = kind === 'type' ? OS_TYPE_PLATFORMS.get(value) : value;
      const equal = new Set(PLATFORMS.filter((platform) => platform === named));
      return negated ? complement(equal) : equal;
    }
    case 'CallExpression': {
      const callee = skipTransparent(node.callee);
      // `test(process.platform)` of a function the module declares
      const local = callee.type === 'Identifier' ? valueOf(callee.name, context) : undefined;
      if (local && isFunction(local.node)) return answerOn(local.node, context, node.arguments, depth);
      const [argument] = node.arguments;
      // `/^win/.test(process.platform)`
      const regex = callee.type === 'MemberExpression' && memberName(callee) === 'test' && argument && isPlatformSource(argument, context) ? literalRegExp(callee.object) : undefined;
      if (regex) return new Set(PLATFORMS.filter((platform) => regex.test(platform)));
      const needle = argument && stringValue(argument);
      if (callee.type !== 'MemberExpression' || needle === undefined || !isPlatformSource(callee.object, context)) return undefined;
      if (memberName(callee) === 'startsWith') return new Set(PLATFORMS.filter((platform) => platform.startsWith(needle)));
      return undefined;
    }
    case 'Identifier': {
      const value = depth < MAX_CONSTANT_DEPTH ? valueOf(node.name, context) : undefined;
      return value ? truthyOn(value.node, value.context, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * What a name holds: a parameter's argument (read where the call is) inside a function being read,
 * else a module constant; undefined for a parameter given no argument and for any other name.
 */
function valueOf(name: string, context: ModuleContext): Bound | undefined {
  if (context.parameters?.has(name)) return context.parameters.get(name);
  const constant = context.constants.get(name);
  return constant && { node: constant, context: { constants: context.constants, osNames: context.osNames } };
}

/** A value string tests read as a platform name: `process.platform` or `os.platform()`. */
function isPlatformSource(node: Node, context: ModuleContext): boolean {
  return platformSourceKind(node, context) === 'platform';
}

/**
 * `process.platform` or `os.platform()` ('platform'), `os.type()` ('type'), of an `os` the module
 * imports, also through a parameter given one.
 */
function platformSourceKind(nodeIn: Node, context: ModuleContext, depth = 0): 'platform' | 'type' | undefined {
  const node = skipTransparent(nodeIn);
  if (node.type === 'Identifier') {
    const value = depth < MAX_CONSTANT_DEPTH && context.parameters?.has(node.name) ? context.parameters.get(node.name) : undefined;
    return value && platformSourceKind(value.node, value.context, depth + 1);
  }
  if (node.type === 'MemberExpression') {
    const shadowed = context.parameters?.has('process') === true || context.constants.has('process');
    return node.object.type === 'Identifier' && node.object.name === 'process' && !shadowed && memberName(node) === 'platform' ? 'platform' : undefined;
  }
  if (node.type !== 'CallExpression' || node.arguments.length > 0) return undefined;
  const callee = skipTransparent(node.callee);
  if (callee.type !== 'MemberExpression' || callee.object.type !== 'Identifier' || !context.osNames.has(callee.object.name)) return undefined;
  const method = memberName(callee);
  return method === 'platform' || method === 'type' ? method : undefined;
}

function complement(platforms: ReadonlySet<Platform>): Set<Platform> {
  return new Set(PLATFORMS.filter((platform) => !platforms.has(platform)));
}
