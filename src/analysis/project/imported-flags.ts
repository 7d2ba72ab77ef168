/**
 * Platform flags one import away, the first piece of the project model: `IS_WINDOWS` in
 * `import { IS_WINDOWS } from './util/windows.js'`, `const { isWindows } = require('./utils')` or
 * `utils.isWindows` of `const utils = require('./utils')`, where that module exports
 * `process.platform === 'win32'` (or an `os.platform()` or `os.type()` test) under that name; and
 * `isWindows()`, `require('./is-win')()`, or a constant holding such a call, where the module exports
 * a function whose answer without arguments is such a test (a parameter it is not given is
 * `undefined`), also by the name of a constant or declaration (`module.exports = { isWindows }`).
 *
 * The module is found as module-resolution.ts finds the project's modules (relative specifiers,
 * `#imports`, a workspace package by its name, installed or not, its build output mapped back to
 * its source), its re-exports followed (`export * from './common'`, `export { a } from './os'`),
 * read and parsed with the linted file's parser, and kept while the module is unchanged
 * (fs-cache.ts). Anything unresolved, unreadable, too large or unparsable is unknown, and never
 * throws. A flag that reads something before the platform (`typeof navigator !== 'undefined'`,
 * defined in Node 21 and later) is no platform test: unknown.
 */
import { isBuiltin } from 'node:module';
import path from 'node:path';

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { assignedValue, isFunction, literalRegExp, memberName, skipTransparent, stringValue, type FunctionNode } from '../syntax/ast.js';
import { OS_TYPE_PLATFORMS, PLATFORMS, type Platform } from '../catalog/platform-apis.js';
import type { ImportedPlatformFlags } from '../file/guards/guards.js';
import { platformStrings, platformValues, type PlatformStrings, type PlatformValueReader } from '../file/guards/platform-values.js';
import { DerivedCache, readText } from './fs-cache.js';
import { importedName, requiredSpecifier } from '../file/imported-bindings.js';
import { constantInitializer } from '../syntax/scope.js';
import { resolveModule, resolveRelative } from './module-resolution.js';

type Node = TSESTree.Node;

/** The parser's entry points, as ESLint hands it to rules in `languageOptions`. */
export interface ForeignParser {
  parse?: (text: string, options?: Record<string, unknown>) => unknown;
  parseForESLint?: (text: string, options?: Record<string, unknown>) => { ast: unknown };
}

const MAX_MODULE_BYTES = 512 * 1024;
const ALL: ReadonlySet<Platform> = new Set(PLATFORMS);
const MAX_CONSTANT_DEPTH = 4;
/** Re-exports followed from the imported module, and modules read for one name at most. */
const MAX_REEXPORT_DEPTH = 4;
const MAX_REEXPORT_MODULES = 16;
/** A function's answer is read through this many statements at most. */
const MAX_FUNCTION_STATEMENTS = 8;
/**
 * Exported platform flags of a module: name → the platforms on which it is truthy; `name()` for an
 * exported function's answer when called without arguments.
 */
type FlagTable = ReadonlyMap<string, ReadonlySet<Platform>>;

/** What a module exports: its own flags and names, and the modules it passes exports on from. */
interface ModuleExports {
  readonly flags: FlagTable;
  /** What exported values computed from the platform are on each platform: `name`, and `name()` for a function's answer. */
  readonly values: ReadonlyMap<string, PlatformStrings>;
  /** Every name the module exports itself, flag or not: it hides a name of an `export *`. */
  readonly names: ReadonlySet<string>;
  /** `export { a as b } from './x'`: b → the module and its name there. */
  readonly passed: ReadonlyMap<string, { readonly specifier: string; readonly name: string }>;
  /** `export * from './x'`, in order. */
  readonly stars: readonly string[];
}

const tables = new DerivedCache<ModuleExports>();

export class ImportedFlags implements ImportedPlatformFlags {
  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly filename: string,
    private readonly parser: ForeignParser | undefined,
  ) {}

  /** The platforms on which `node`, a flag imported from a module of the project or a call of one, is truthy. */
  platformsOf(nodeIn: Node): ReadonlySet<Platform> | undefined {
    if (!this.parser || !path.isAbsolute(this.filename)) return undefined;
    const node = skipTransparent(nodeIn);
    // `const isWin = require('./is-win')()`: the constant holds the call's answer.
    const init = node.type === 'Identifier' ? constantInitializer(this.sourceCode, node) : undefined;
    const call = skipTransparent(init ?? node);
    if (call.type === 'CallExpression') return call.arguments.length === 0 ? this.lookup(call.callee, '()') : undefined;
    return this.lookup(node, '');
  }

  /**
   * What `node` is on each platform: a value an imported module computes from the platform
   * (`exports.osName = process.platform.replace('win32', 'windows')`), or a call without arguments of
   * an imported function that maps the platform to names.
   */
  platformStrings(nodeIn: Node): PlatformStrings | undefined {
    if (!this.parser || !path.isAbsolute(this.filename)) return undefined;
    const node = skipTransparent(nodeIn);
    if (node.type === 'CallExpression') return node.arguments.length === 0 ? this.find(node.callee, (module, name) => module.values.get(`${name}()`)) : undefined;
    return this.find(node, (module, name) => module.values.get(name));
  }

  private lookup(node: Node, suffix: string): ReadonlySet<Platform> | undefined {
    return this.find(node, (module, name) => module.flags.get(name + suffix));
  }

  /** What `pick` reads of the export `node` imports, in the module that declares it. */
  private find<T>(node: Node, pick: ExportReader<T>): T | undefined {
    const specifier = requiredSpecifier(node);
    const imported = specifier !== undefined && isModule(specifier) ? { specifier, name: 'default' } : importedName(this.sourceCode, node, isModule);
    if (!imported || !this.parser) return undefined;
    return exported(this.filename, imported, pick, this.parser, 0, { modules: MAX_REEXPORT_MODULES });
  }
}

/** A specifier that may name a module of the project: relative, `#imports`, a workspace package. */
function isModule(specifier: string): boolean {
  return !isBuiltin(specifier);
}

/**
 * The module a specifier names: a relative one from the importing file's folder, also inside an
 * installed package (its own modules share their flags as the project's do); any other as the
 * project model resolves it (`#imports`, a workspace package by name), never an installed package.
 */
function flagModule(fromFile: string, specifier: string): string | undefined {
  return specifier.startsWith('./') || specifier.startsWith('../') ? resolveRelative(path.dirname(fromFile), specifier) : resolveModule(fromFile, specifier);
}

/** What is read of an export of a module, by its name there. */
type ExportReader<T> = (module: ModuleExports, name: string) => T | undefined;

/**
 * What `pick` reads of the export `imported.name` of the module `imported.specifier` names from
 * `fromFile`: its own, or through its re-exports (`export { isWindows } from './os'`, `export * from
 * './common'`), within MAX_REEXPORT_DEPTH modules deep and MAX_REEXPORT_MODULES modules in all.
 */
function exported<T>(fromFile: string, imported: { specifier: string; name: string }, pick: ExportReader<T>, parser: ForeignParser, depth: number, budget: { modules: number }): T | undefined {
  if (depth > MAX_REEXPORT_DEPTH || budget.modules <= 0) return undefined;
  const file = flagModule(fromFile, imported.specifier);
  if (file === undefined) return undefined;
  budget.modules -= 1;
  const module = tables.get(file, () => moduleExports(parse(file, parser)));
  const own = pick(module, imported.name);
  if (own || module.names.has(imported.name)) return own;
  const passed = module.passed.get(imported.name);
  if (passed) return exported(file, passed, pick, parser, depth + 1, budget);
  if (imported.name === 'default') return undefined;
  for (const star of module.stars) {
    // A name two `export *` give is ambiguous, which TypeScript refuses: the first one found answers.
    const found = exported(file, { specifier: star, name: imported.name }, pick, parser, depth + 1, budget);
    if (found) return found;
  }
  return undefined;
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
function moduleExports(program: TSESTree.Program | undefined): ModuleExports {
  const flags = new Map<string, ReadonlySet<Platform>>();
  const values = new Map<string, PlatformStrings>();
  const passed = new Map<string, { specifier: string; name: string }>();
  const stars: string[] = [];
  const exported = new Map<string, Node>();
  if (!program) return { flags, values, names: new Set(), passed, stars };
  const constants = new Map<string, Node>();
  const osNames = new Set<string>();
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
        const name = exportName(specifier.exported);
        const init = constants.get(local);
        if (init) exported.set(name, init);
      }
    } else if (statement.type === 'ExportNamedDeclaration' && statement.source && statement.exportKind !== 'type') {
      for (const specifier of statement.specifiers) passed.set(exportName(specifier.exported), { specifier: statement.source.value, name: exportName(specifier.local) });
    } else if (statement.type === 'ExportAllDeclaration' && !statement.exported && statement.exportKind !== 'type') {
      stars.push(statement.source.value);
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
    // `getPlatform()` answering 'windows' on win32 and 'linux' elsewhere, `osName` computed from the platform
    const strings = isFunction(value) ? valuesOn(value, context) : platformStrings(init, ALL, moduleReader(context));
    if (strings) values.set(key, strings);
  }
  return { flags, values, names: new Set(exported.keys()), passed, stars };
}

function exportName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === 'Identifier' ? node.name : node.value;
}

/**
 * The platforms on which a function's answer is truthy when it is called with `args`: a parameter is
 * the argument given for it, read in the module's context, or `undefined` when none is, so
 * `if (platform) …` is skipped for it; a local declared before the `return` is its initializer (a
 * `let` or `var` written again anywhere in the function is unknown); any other statement before
 * the `return`, a parameter with a default or a pattern, or an async or generator function leaves
 * it unknown.
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
    if (statement.type === 'VariableDeclaration') {
      // `const platform = process.platform`: a name for a part of the answer, read where it is declared
      for (const declarator of statement.declarations) {
        const name = declarator.id.type === 'Identifier' ? declarator.id.name : undefined;
        if (name === undefined || (statement.kind !== 'const' && writesName(fn.body, name))) return undefined;
        parameters.set(name, declarator.init ? { node: declarator.init, context: local } : undefined);
      }
      continue;
    }
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

/**
 * What a function without parameters returns on each platform (platform-values.ts), its tests read
 * as `truthyOn` reads them, and its constants declared before the answer as `answerOn` does.
 */
function valuesOn(fn: FunctionNode, context: ModuleContext): PlatformStrings | undefined {
  if (fn.params.length > 0) return undefined;
  const declared = new Map<string, Bound | undefined>();
  const local: ModuleContext = { constants: context.constants, osNames: context.osNames, parameters: declared };
  return platformValues(fn, ALL, {
    ...moduleReader(local),
    declares: (statement) => {
      if (statement.kind !== 'const') return false;
      for (const declarator of statement.declarations) {
        if (declarator.id.type !== 'Identifier') return false;
        declared.set(declarator.id.name, declarator.init ? { node: declarator.init, context: local } : undefined);
      }
      return true;
    },
  });
}

/** How platform-values.ts reads a foreign module: its tests as `truthyOn` does, its constants by name, a table only as a literal. */
function moduleReader(context: ModuleContext): PlatformValueReader {
  return {
    platformsWhen: (test, holds) => {
      const on = truthyOn(test, context, 0);
      return on && (holds ? on : complement(on));
    },
    isPlatformSource: (node) => isPlatformSource(node, context),
    valueOf: (node) => (node.type === 'Identifier' ? valueOf(node.name, context)?.node : undefined),
    tableOf: (node) => (node.type === 'ObjectExpression' ? node : undefined),
  };
}

/** Whether an assignment or update in `root` writes `name` (a foreign tree: no scope manager, so any such name counts). */
function writesName(root: Node, name: string): boolean {
  const pending: unknown[] = [root];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    if (Array.isArray(item)) {
      pending.push(...(item as unknown[]));
      continue;
    }
    if (typeof item !== 'object' || item === null) continue;
    const node = item as Node;
    const target = node.type === 'AssignmentExpression' ? node.left : node.type === 'UpdateExpression' ? node.argument : undefined;
    if (target?.type === 'Identifier' && target.name === name) return true;
    for (const [key, value] of Object.entries(node)) if (key !== 'parent' && key !== 'loc' && key !== 'range' && typeof value === 'object') pending.push(value);
  }
  return false;
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
      if (callee.type !== 'MemberExpression' || !isPlatformSource(callee.object, context)) return undefined;
      // `process.platform.match(/win/)`: an array where the pattern matches, null elsewhere
      const pattern = memberName(callee) === 'match' && argument ? literalRegExp(argument) : undefined;
      if (pattern) return new Set(PLATFORMS.filter((platform) => new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')).test(platform)));
      if (needle !== undefined && memberName(callee) === 'startsWith') return new Set(PLATFORMS.filter((platform) => platform.startsWith(needle)));
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
