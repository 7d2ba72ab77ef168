/**
 * Exits: whether a statement always leaves its statement list (return, throw, a jump,
 * `process.exit()`, a test skip), so that the statements after an `if (!ok) return;` may assume
 * `ok` (propagation.ts), whether a `switch` case falls through into the next, and the platforms on
 * which a statement can complete at all: `process.getuid()` throws a TypeError on Windows, so what
 * follows an unguarded call of it runs only where it exists.
 */
import type { TSESTree } from '@typescript-eslint/utils';

import { MACOS_FS_MEMBERS, PLATFORM_THROWING_CALLS, PLATFORMS, POSIX_PROCESS_MEMBERS, type Platform } from '../../catalog/platform-apis.js';
import { isFunction, skipTransparent } from '../../syntax/ast.js';
import { isRef, refKey, type ReferenceIndex } from '../references.js';

type Node = TSESTree.Node;

/**
 * The platforms on which a call of an API completes, where it throws elsewhere: Node's docs say the
 * POSIX credential methods of `process` are undefined on Windows and Android, `fs.lchmod` on every
 * platform but macOS, and PLATFORM_THROWING_CALLS throw where they list.
 */
const COMPLETES_ON: ReadonlyMap<string, ReadonlySet<Platform>> = new Map([
  ...[...POSIX_PROCESS_MEMBERS].map((name): [string, ReadonlySet<Platform>] => [`process:${name}`, platformsBut(['win32', 'android'])]),
  ...[...MACOS_FS_MEMBERS].map((name): [string, ReadonlySet<Platform>] => [`fs:${name}`, new Set<Platform>(['darwin'])]),
  ...[...PLATFORM_THROWING_CALLS].map(([key, throwsOn]): [string, ReadonlySet<Platform>] => [key, platformsBut(throwsOn)]),
]);

function platformsBut(excluded: readonly Platform[]): ReadonlySet<Platform> {
  return new Set(PLATFORMS.filter((platform) => !excluded.includes(platform)));
}

/** `process.exit()`, `process.abort()`, `process.exitCode`-free exits. */
export function isExitCall(node: Node, references: ReferenceIndex): boolean {
  const inner = skipTransparent(node);
  if (inner.type !== 'CallExpression') return false;
  const callee = references.refOf(inner.callee);
  return isRef(callee, 'process', 'exit') || isRef(callee, 'process', 'abort') || isRef(callee, 'process', 'reallyExit');
}

/** Whether a statement always leaves the enclosing statement list: return, throw, exit, jump (or a test skip). */
export function alwaysExits(statement: Node, references: ReferenceIndex, skips?: (expression: Node) => boolean): boolean {
  switch (statement.type) {
    case 'ReturnStatement':
    case 'ThrowStatement':
    case 'ContinueStatement':
    case 'BreakStatement':
      return true;
    case 'ExpressionStatement':
      return isExitCall(statement.expression, references) || skips?.(statement.expression) === true;
    case 'BlockStatement':
      return statement.body.some((inner) => alwaysExits(inner, references, skips));
    case 'IfStatement':
      return (
        statement.alternate !== null &&
        statement.alternate !== undefined &&
        alwaysExits(statement.consequent, references, skips) &&
        alwaysExits(statement.alternate, references, skips)
      );
    case 'TryStatement':
      // A `finally` that leaves overrides everything; otherwise the block leaves, or throws into a
      // `catch` that must leave too.
      if (statement.finalizer && alwaysExits(statement.finalizer, references, skips)) return true;
      return alwaysExits(statement.block, references, skips) && (!statement.handler || alwaysExits(statement.handler.body, references, skips));
    default:
      return false;
  }
}

/** Whether a statement list ends in a jump (a `switch` case that does not fall through). */
export function endsWithJump(statements: readonly Node[]): boolean {
  const last = statements.at(-1);
  if (!last) return false;
  if (last.type === 'BlockStatement') return endsWithJump(last.body);
  return last.type === 'BreakStatement' || last.type === 'ReturnStatement' || last.type === 'ThrowStatement' || last.type === 'ContinueStatement';
}

/**
 * The calls that always run when `statement` runs, and whose API throws on some platforms: the
 * platforms each completes on. Only what is evaluated whenever the statement is: an `if`'s test, a
 * declaration's initializers, an expression statement, what a `return` or `throw` gives; not the
 * right of `&&`, `||` or `??`, a conditional's branches, an optional chain, or a function made there.
 */
export function throwingCalls(statement: Node, references: ReferenceIndex): ThrowingCall[] {
  return throwingCallsIn(evaluatedParts(statement), references);
}

export interface ThrowingCall {
  readonly call: Node;
  /** The platforms on which it completes. */
  readonly platforms: ReadonlySet<Platform>;
}

/** throwingCalls, over expressions that are evaluated whenever their code runs (an arrow function's expression body). */
export function throwingCallsIn(expressions: readonly Node[], references: ReferenceIndex): ThrowingCall[] {
  const found: ThrowingCall[] = [];
  const pending: Node[] = [...expressions];
  for (let node = pending.pop(); node; node = pending.pop()) {
    // An optional link may skip the rest of its chain.
    if (node.type === 'ChainExpression' || isFunction(node) || node.type === 'ClassExpression') continue;
    switch (node.type) {
      case 'CallExpression': {
        const callee = references.refOf(node.callee);
        const platforms = callee && COMPLETES_ON.get(refKey(callee));
        if (platforms) found.push({ call: node, platforms });
        pending.push(node.callee, ...node.arguments);
        break;
      }
      case 'NewExpression':
        pending.push(node.callee, ...node.arguments);
        break;
      case 'MemberExpression':
        pending.push(node.object);
        if (node.computed) pending.push(node.property);
        break;
      case 'BinaryExpression':
        pending.push(node.left, node.right);
        break;
      case 'LogicalExpression':
        pending.push(node.left);
        break;
      case 'ConditionalExpression':
        pending.push(node.test);
        break;
      case 'UnaryExpression':
      case 'AwaitExpression':
      case 'SpreadElement':
        pending.push(node.argument);
        break;
      case 'AssignmentExpression':
        pending.push(node.right);
        break;
      case 'SequenceExpression':
      case 'TemplateLiteral':
        pending.push(...node.expressions);
        break;
      case 'ArrayExpression':
        for (const element of node.elements) if (element) pending.push(element);
        break;
      case 'ObjectExpression':
        pending.push(...node.properties);
        break;
      case 'Property':
        pending.push(node.value);
        if (node.computed) pending.push(node.key);
        break;
      case 'TSAsExpression':
      case 'TSNonNullExpression':
      case 'TSSatisfiesExpression':
      case 'TSTypeAssertion':
        pending.push(node.expression);
        break;
      default:
        break;
    }
  }
  return found;
}

/** The expressions a statement evaluates whenever it runs. */
function evaluatedParts(statement: Node): Node[] {
  switch (statement.type) {
    case 'ExpressionStatement':
      return [statement.expression];
    case 'IfStatement':
      return [statement.test];
    case 'SwitchStatement':
      return [statement.discriminant];
    case 'VariableDeclaration':
      return statement.declarations.flatMap((declarator) => (declarator.init ? [declarator.init] : []));
    case 'ReturnStatement':
    case 'ThrowStatement':
      return statement.argument ? [statement.argument] : [];
    default:
      return [];
  }
}
