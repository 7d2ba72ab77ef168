/**
 * What the TypeScript type of a value sent over process IPC or `postMessage()` says it is, when
 * the parser provides a program (typed linting, through `file/typed.ts`): a `Date`, `Map`, `Set`, a
 * BigInt, a symbol, an `Error` (or a subclass), a function, a weak collection, a `Promise`, an
 * instance of a class the project declares, or an object type with a field of one of these. Without a program nothing is known
 * here, and `any`/`unknown` never decide anything.
 *
 * Only methods of the checker and of its types are used, never `ts.TypeFlags` (whose values
 * TypeScript renumbers between versions), so the plugin needs no runtime `typescript`. Every kind
 * is identified positively (a lib symbol, a call signature, the bigint type), so `any` and
 * `unknown` never match one.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

import { typeServices, type TypeServices } from '../file/typed.js';

/** A kind the type proves, named as the global it is (`Map`, `TypeError`) or `BigInt`/`function`. */
export interface TypedKind {
  readonly type: string;
  /** The field of an object type that holds the value, when the value itself is that object. */
  readonly field?: string;
  /** An instance of a class the project declares (`type` is the class's name). */
  readonly instance?: boolean;
}

/** Lib types that do not survive the JSON channel, by the name of their symbol (weak collections and promises survive none). */
const LIB_TYPES: ReadonlySet<string> = new Set(['Date', 'Map', 'Set', 'ReadonlyMap', 'ReadonlySet', 'RegExp', 'WeakMap', 'WeakSet', 'WeakRef', 'Promise']);
const ERROR_TYPES: ReadonlySet<string> = new Set(['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError', 'AggregateError']);
const MAX_BASE_DEPTH = 8;
const MAX_FIELDS = 64;

type Checker = TypeServices;

/** What the declared type of `node` proves about it, or undefined (no types, or nothing known). */
export function typedKind(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): TypedKind | undefined {
  const types = typeServices(sourceCode);

  const tsNode = types?.toTs(node);
  if (!types || !tsNode) return undefined;
  try {
    const type = types.checker.getTypeAtLocation(tsNode);
    const own = kindOfType(types, type);
    if (own) return { type: own };
    // A field that JSON changes decides first: what a class instance loses matters to a structured clone only.
    const field = fieldKind(types, type, tsNode);
    if (field) return field;
    const instance = projectClass(types, type);
    return instance === undefined ? undefined : { type: instance, instance: true };
  } catch {
    // A checker failure on odd input means nothing is known, never a crashed lint run.
    return undefined;
  }
}

/** The kind every non-nullish member of the type has (`Date | undefined` is a Date). */
function kindOfType(types: Checker, type: ts.Type): string | undefined {
  const defined = types.checker.getNonNullableType(type);
  const members = defined.isUnion() ? defined.types : [defined];
  const kinds = new Set(members.map((member) => kindOfMember(types, member)));
  const [only] = kinds;
  return kinds.size === 1 ? only : undefined;
}

function kindOfMember(types: Checker, type: ts.Type): string | undefined {
  if (isBigInt(types, type)) return 'BigInt';
  if (isSymbol(types, type)) return 'Symbol';
  const lib = libName(types, type);
  if (lib !== undefined) return lib;
  if (type.getCallSignatures().length > 0 && type.getProperties().length === 0) return 'function';
  return errorBase(types, type);
}

/** The `symbol` type (a `unique symbol` is not told apart without type flags: unknown). */
function isSymbol(types: Checker, type: ts.Type): boolean {
  return type === types.checker.getESSymbolType();
}

/**
 * The name of the class an instance type is, when the project declares it (not a library or
 * @types): what a structured clone strips of its prototype. Error subclasses are judged as errors.
 */
function projectClass(types: Checker, type: ts.Type): string | undefined {
  if (!type.isClass() || errorBase(types, type) !== undefined) return undefined;
  const symbol = type.getSymbol();
  const declarations = symbol?.getDeclarations() ?? [];
  const own = declarations.length > 0 && declarations.every((declaration) => {
    const file = declaration.getSourceFile();
    return !types.program.isSourceFileFromExternalLibrary(file) && !types.program.isSourceFileDefaultLibrary(file) && !file.isDeclarationFile;
  });
  return own ? symbol?.getName() : undefined;
}

/** `bigint`, or a bigint literal type (`10n`), whose value is a PseudoBigInt object. */
function isBigInt(types: Checker, type: ts.Type): boolean {
  if (type.isLiteral()) return typeof type.value === 'object';
  return type === types.checker.getBigIntType?.();
}

/** `Date`, `Map`… when the type is that lib type (not a local class of the same name). */
function libName(types: Checker, type: ts.Type): string | undefined {
  const symbol = type.getSymbol();
  const name = symbol?.getName();
  if (name === undefined || !(LIB_TYPES.has(name) || ERROR_TYPES.has(name))) return undefined;
  const fromLib = symbol?.getDeclarations()?.some((declaration) => types.program.isSourceFileDefaultLibrary(declaration.getSourceFile()));
  if (!fromLib) return undefined;
  return name.replace(/^Readonly/, '');
}

/** `class HttpError extends Error`: the lib error type it derives from. */
function errorBase(types: Checker, type: ts.Type): string | undefined {
  let current: ts.Type[] = [type];
  for (let depth = 0; depth < MAX_BASE_DEPTH && current.length > 0; depth += 1) {
    const next: ts.Type[] = [];
    for (const candidate of current) {
      if (depth > 0) {
        const name = libName(types, candidate);
        if (name !== undefined && ERROR_TYPES.has(name)) return name;
      }
      if (candidate.isClassOrInterface()) next.push(...(types.checker.getBaseTypes(candidate) ?? []));
    }
    current = next;
  }
  return undefined;
}

/** One level into an object type: `{ createdAt: Date }` holds a Date. Methods are not fields. */
function fieldKind(types: Checker, type: ts.Type, at: ts.Node): TypedKind | undefined {
  if (type.isUnion() || types.checker.isArrayType(type) || type.getProperty('toJSON')) return undefined;
  for (const property of type.getProperties().slice(0, MAX_FIELDS)) {
    const kind = kindOfType(types, types.checker.getTypeOfSymbolAtLocation(property, at));
    if (kind !== undefined && kind !== 'function') return { type: kind, field: property.getName() };
  }
  return undefined;
}
