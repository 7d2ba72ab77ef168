/**
 * Platform-keyed values: what a value computed from the platform is on each platform, so that
 * comparing it with a string is read as the platform test it is. Two shapes:
 * - an expression, evaluated on each platform as JavaScript would: `process.platform` itself, a
 *   string, `.replace()`/`.replaceAll()` with a string or regular expression and a string,
 *   `.toLowerCase()`/`.toUpperCase()`/`.trim()`, a lookup in a table of strings
 *   (`{ win32: 'windows', darwin: 'mac' }[process.platform]`, undefined where it has no entry), and a
 *   conditional on a platform test;
 * - a function without parameters that maps the platform to a name of its own (`getPlatform()`
 *   answering 'windows' on win32, 'osx' on darwin, 'linux' elsewhere), read from its statements:
 *   constant declarations, an `if`/`else if` chain whose branches each return such an expression,
 *   and a last `return` of one.
 * Anything else (another statement, a test that is not a platform test, a branch that does
 * something else, a value the reader does not follow) leaves the value unknown. The reader (conditions.ts
 * in the linted file, imported-flags.ts in a module it imports) says what a test proves, which names
 * it follows and which declarations it reads.
 */
import type { TSESTree } from '@typescript-eslint/utils';

import type { Platform } from '../../catalog/platform-apis.js';
import { literalRegExp, memberName, onlyReturn, skipTransparent, stringValue } from '../../syntax/ast.js';

type Node = TSESTree.Node;

/** What a value is on each platform asked about: a string, or undefined where it is none. */
export type PlatformStrings = ReadonlyMap<Platform, string | undefined>;

export interface PlatformValueReader {
  /** The platforms on which `test` is truthy (`holds`) or falsy; undefined when it is no platform test. */
  platformsWhen(test: Node, holds: boolean): ReadonlySet<Platform> | undefined;
  /** Whether `node` is the host's platform name: `process.platform`, `os.platform()`. */
  isPlatformSource(node: Node): boolean;
  /** What a name or member holds, when the reader follows it (a constant); undefined otherwise. */
  valueOf?(node: TSESTree.Identifier | TSESTree.MemberExpression): Node | undefined;
  /** The object literal a lookup reads, when it is never changed; undefined otherwise. */
  tableOf?(node: Node): TSESTree.ObjectExpression | undefined;
  /**
   * What a value the reader does not follow answers on each platform, when it reads it otherwise: a call
   * of a function that maps the platform to names, a value imported from a module that computes it.
   */
  foreignValues?(node: TSESTree.Identifier | TSESTree.MemberExpression | TSESTree.CallExpression): PlatformStrings | undefined;
  /** Whether a declaration before the answer is one the reader follows (`const platform = os.platform()`). */
  declares?(statement: TSESTree.VariableDeclaration): boolean;
}

/** Statements of a function read for its value, and names followed, at most. */
const MAX_STATEMENTS = 8;
const MAX_DEPTH = 8;
const STRING_METHODS = new Set(['replace', 'replaceAll', 'toLowerCase', 'toUpperCase', 'trim']);

/** The platforms on which a value is `value`. */
export function platformsAnswering(values: PlatformStrings, value: string): Set<Platform> {
  return new Set([...values].filter(([, answer]) => answer === value).map(([platform]) => platform));
}

/** What `expression` is on each of `platforms`; undefined when that is not known on each. */
export function platformStrings(expression: Node, platforms: ReadonlySet<Platform>, reader: PlatformValueReader, depth = 0): PlatformStrings | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const node = skipTransparent(expression);
  const literal = stringValue(node);
  if (literal !== undefined) return new Map([...platforms].map((platform) => [platform, literal]));
  if (reader.isPlatformSource(node)) return new Map([...platforms].map((platform) => [platform, platform]));
  switch (node.type) {
    case 'ConditionalExpression':
      return conditionalStrings(node, platforms, reader, depth);
    case 'CallExpression':
      return stringMethod(node, platforms, reader, depth) ?? restricted(reader.foreignValues?.(node), platforms);
    case 'MemberExpression':
    case 'Identifier': {
      if (node.type === 'MemberExpression' && node.computed) return lookup(node, platforms, reader, depth);
      // a constant, or `exports.osName`, a member the module sets once
      const value = reader.valueOf?.(node);
      return value ? platformStrings(value, platforms, reader, depth + 1) : restricted(reader.foreignValues?.(node), platforms);
    }
    default:
      return undefined;
  }
}

/** Each platform takes the branch its test decides there; a test that does not decide it leaves it unknown. */
function conditionalStrings(node: TSESTree.ConditionalExpression, platforms: ReadonlySet<Platform>, reader: PlatformValueReader, depth: number): PlatformStrings | undefined {
  const taken = reader.platformsWhen(node.test, true);
  const passed = reader.platformsWhen(node.test, false);
  if (!taken || !passed || [...platforms].some((platform) => taken.has(platform) === passed.has(platform))) return undefined;
  const consequent = platformStrings(node.consequent, intersect(platforms, taken), reader, depth + 1);
  const alternate = consequent && platformStrings(node.alternate, intersect(platforms, passed), reader, depth + 1);
  return alternate && new Map([...consequent, ...alternate]);
}

/** `value.replace('win32', 'windows')`, `value.toLowerCase()`: the method run on each platform's string. */
function stringMethod(call: TSESTree.CallExpression, platforms: ReadonlySet<Platform>, reader: PlatformValueReader, depth: number): PlatformStrings | undefined {
  const callee = skipTransparent(call.callee);
  const method = callee.type === 'MemberExpression' && !call.optional ? memberName(callee) : undefined;
  if (callee.type !== 'MemberExpression' || method === undefined || !STRING_METHODS.has(method)) return undefined;
  const replacing = method === 'replace' || method === 'replaceAll';
  if (call.arguments.length !== (replacing ? 2 : 0)) return undefined;
  const [patternNode, replacementNode] = call.arguments;
  const pattern = patternNode && (stringValue(patternNode) ?? literalRegExp(patternNode));
  const replacement = replacementNode && stringValue(replacementNode);
  if (replacing && (pattern === undefined || replacement === undefined)) return undefined;
  const receiver = platformStrings(callee.object, platforms, reader, depth + 1);
  if (!receiver) return undefined;
  const result = new Map<Platform, string | undefined>();
  for (const [platform, value] of receiver) {
    // A method of undefined throws; so does replaceAll() with a regular expression that is not global.
    if (value === undefined) return undefined;
    try {
      const fresh = pattern instanceof RegExp ? new RegExp(pattern.source, pattern.flags) : pattern;
      result.set(platform, replacing ? (value[method as 'replace'] as (p: string | RegExp, r: string) => string)(fresh!, replacement!) : (value[method as 'trim'] as () => string)());
    } catch {
      return undefined;
    }
  }
  return result;
}

/** `TABLE[process.platform]`: the table's string under each platform's key, undefined where it has none. */
function lookup(member: TSESTree.MemberExpression, platforms: ReadonlySet<Platform>, reader: PlatformValueReader, depth: number): PlatformStrings | undefined {
  const table = reader.tableOf?.(member.object);
  const keys = table && platformStrings(member.property, platforms, reader, depth + 1);
  if (!table || !keys) return undefined;
  const entries = new Map<string, Node>();
  for (const property of table.properties) {
    // A spread, a computed key, a method or an accessor: the table's entries are not all shown.
    if (property.type !== 'Property' || property.computed || property.kind !== 'init' || property.method) return undefined;
    const key = property.key.type === 'Identifier' ? property.key.name : stringValue(property.key);
    if (key === undefined) return undefined;
    entries.set(key, property.value);
  }
  const result = new Map<Platform, string | undefined>();
  for (const [platform, key] of keys) {
    // A key the prototype answers (`constructor`) is no entry the table shows.
    if (key === undefined || key in Object.prototype) return undefined;
    const entry = entries.get(key);
    const value = entry === undefined ? undefined : stringValue(skipTransparent(entry));
    if (entry !== undefined && value === undefined) return undefined;
    result.set(platform, value);
  }
  return result;
}

/** What a function returns on each platform, when its statements say it for every platform. */
export function platformValues(fn: TSESTree.FunctionLike, all: ReadonlySet<Platform>, reader: PlatformValueReader): PlatformStrings | undefined {
  if (fn.async || fn.generator || !fn.body) return undefined;
  if (fn.body.type !== 'BlockStatement') return platformStrings(fn.body, all, reader);
  const values = new Map<Platform, string | undefined>();
  let remaining = all;
  for (const statement of fn.body.body.slice(0, MAX_STATEMENTS)) {
    if (statement.type === 'VariableDeclaration' && reader.declares?.(statement)) continue;
    if (statement.type === 'ReturnStatement') return statement.argument ? merged(values, platformStrings(statement.argument, remaining, reader)) : undefined;
    if (statement.type !== 'IfStatement') return undefined;
    // `if (p === 'win32') return 'windows'; else if (p === 'darwin') return 'osx';` and on
    let current: TSESTree.Statement | null = statement;
    while (current?.type === 'IfStatement') {
      const taken = reader.platformsWhen(current.test, true);
      const passed = reader.platformsWhen(current.test, false);
      const returned = returnedOf(current.consequent);
      if (!taken || !passed || !returned || [...remaining].some((platform) => taken.has(platform) === passed.has(platform))) return undefined;
      if (!merged(values, platformStrings(returned, intersect(remaining, taken), reader))) return undefined;
      remaining = intersect(remaining, passed);
      current = current.alternate;
    }
    if (current) {
      // A last `else` that returns: every platform is answered.
      const returned = returnedOf(current);
      return returned ? merged(values, platformStrings(returned, remaining, reader)) : undefined;
    }
  }
  return undefined;
}

/** The expression a branch returns when the branch is only that `return`. */
function returnedOf(branch: TSESTree.Statement): Node | undefined {
  return onlyReturn(branch)?.argument ?? undefined;
}

function merged(values: Map<Platform, string | undefined>, added: PlatformStrings | undefined): Map<Platform, string | undefined> | undefined {
  if (!added) return undefined;
  for (const [platform, value] of added) values.set(platform, value);
  return values;
}

/** `values` on `platforms` only; undefined when one of them is not answered. */
function restricted(values: PlatformStrings | undefined, platforms: ReadonlySet<Platform>): PlatformStrings | undefined {
  if (!values || [...platforms].some((platform) => !values.has(platform))) return undefined;
  return new Map([...platforms].map((platform) => [platform, values.get(platform)]));
}

function intersect(platforms: ReadonlySet<Platform>, allowed: ReadonlySet<Platform>): ReadonlySet<Platform> {
  return new Set([...platforms].filter((platform) => allowed.has(platform)));
}
