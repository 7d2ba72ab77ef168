/**
 * The one access to TypeScript's checker, when the file is linted with type information (the
 * parser's `program`, from `parserOptions.project` or `projectService`): created lazily once per
 * file, absent otherwise. What it answers only ever adds knowledge the syntax does not show: the
 * channel a receiver is (by its type's declaration in @types/node, never by a name alone) and the
 * string literals a value's type allows.
 *
 * Only methods of the checker and of its types are used, never `ts.TypeFlags` or `ts.SyntaxKind`
 * (whose values TypeScript renumbers between versions), so the plugin needs no runtime `typescript`.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

export interface TypeServices {
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  readonly toTs: (node: TSESTree.Node) => ts.Node | undefined;
}

const servicesCache = new WeakMap<object, TypeServices | null>();

/** The checker of the file's program, or undefined when the file is linted without type information. */
export function typeServices(sourceCode: Readonly<TSESLint.SourceCode>): TypeServices | undefined {
  const cached = servicesCache.get(sourceCode);
  if (cached !== undefined) return cached ?? undefined;
  const services = sourceCode.parserServices;
  const program = services?.program as ts.Program | null | undefined;
  const map = services?.esTreeNodeToTSNodeMap as { get(node: TSESTree.Node): ts.Node | undefined } | undefined;
  const result = program && map ? { program, checker: program.getTypeChecker(), toTs: (node: TSESTree.Node) => map.get(node) } : null;
  servicesCache.set(sourceCode, result);
  return result ?? undefined;
}

/** The type of `node`, or undefined without type information (or when the checker fails on odd input). */
function typeOf(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): { types: TypeServices; type: ts.Type } | undefined {
  const types = typeServices(sourceCode);
  const tsNode = types?.toTs(node);
  if (!types || !tsNode) return undefined;
  try {
    return { types, type: types.checker.getTypeAtLocation(tsNode) };
  } catch {
    return undefined;
  }
}

/** The channels a receiver's type can prove, by the fully qualified name of their declaration. */
export type ReceiverType = 'ChildProcess' | 'Worker' | 'MessagePort' | 'BroadcastChannel';
const RECEIVER_DECLARATIONS: ReadonlyMap<string, ReceiverType> = new Map([
  ['"child_process".ChildProcess', 'ChildProcess'],
  ['"worker_threads".Worker', 'Worker'],
  ['"worker_threads".MessagePort', 'MessagePort'],
  ['"worker_threads".BroadcastChannel', 'BroadcastChannel'],
]);
const NODE_TYPES = /[\\/]@types[\\/]node[\\/]/;
const MAX_BASE_DEPTH = 6;

/**
 * The channel every non-nullish member of `node`'s type is (`ChildProcess | undefined` is a child
 * process; `ChildProcessWithoutNullStreams` derives from it), when declared by @types/node.
 */
export function receiverType(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): ReceiverType | undefined {
  const typed = typeOf(sourceCode, node);
  if (!typed) return undefined;
  try {
    const defined = typed.types.checker.getNonNullableType(typed.type);
    const kinds = new Set((defined.isUnion() ? defined.types : [defined]).map((member) => declaredReceiver(typed.types, member)));
    const [only] = kinds;
    return kinds.size === 1 ? only : undefined;
  } catch {
    return undefined;
  }
}

/** The channel a type is or derives from, following classes and interfaces to their bases. */
function declaredReceiver(types: TypeServices, type: ts.Type): ReceiverType | undefined {
  let current: ts.Type[] = [type];
  for (let depth = 0; depth < MAX_BASE_DEPTH && current.length > 0; depth += 1) {
    const next: ts.Type[] = [];
    for (const candidate of current) {
      const symbol = candidate.getSymbol();
      const kind = symbol && RECEIVER_DECLARATIONS.get(types.checker.getFullyQualifiedName(symbol));
      if (kind && symbol.getDeclarations()?.some((declaration) => NODE_TYPES.test(declaration.getSourceFile().fileName))) return kind;
      // `ChildProcessByStdio<…>` is a reference to a generic interface: its bases are the target's.
      const target = 'target' in candidate ? (candidate as ts.TypeReference).target : candidate;
      if (target.isClassOrInterface()) next.push(...(types.checker.getBaseTypes(target) ?? []));
    }
    current = next;
  }
  return undefined;
}

/** The strings `node`'s type allows, when it is a string literal or a union of them (`'npm' | 'yarn'`). */
export function literalStrings(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string[] | undefined {
  const typed = typeOf(sourceCode, node);
  if (!typed) return undefined;
  const members = typed.type.isUnion() ? typed.type.types : [typed.type];
  const values: string[] = [];
  for (const member of members) {
    if (!member.isStringLiteral()) return undefined;
    values.push(member.value);
  }
  return values;
}
