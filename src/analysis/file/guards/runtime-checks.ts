/**
 * Runtime detection: conditions that only ask which JavaScript runtime is running (Node.js, Deno,
 * Bun, a browser), such as `typeof process < 'u' && !globalThis.window` or
 * `process.versions?.deno !== undefined`. A platform flag that conjoins a platform test with such
 * checks (`(isNode || isDeno) && process.platform === 'win32'`) is that platform test: its author
 * guarded against the platform, and the other conjuncts only keep the test from throwing elsewhere.
 *
 * The check is syntactic, so that the linted file (through its scope manager) and a module read
 * from disk (through its top-level constants) share it; the caller says what an identifier is.
 */
import type { TSESTree } from '@typescript-eslint/utils';

import { memberName, skipTransparent } from '../../syntax/ast.js';

type Node = TSESTree.Node;

export interface RuntimeCheckScope {
  /** Whether an identifier names a global, not a binding of the module. */
  isGlobal(identifier: TSESTree.Identifier): boolean;
  /** The initializer of the never-reassigned constant an identifier names. */
  constantOf(identifier: TSESTree.Identifier): Node | undefined;
}

/** Globals whose presence or members tell the runtime apart. */
const RUNTIME_GLOBALS: ReadonlySet<string> = new Set(['globalThis', 'window', 'self', 'document', 'navigator', 'process', 'Deno', 'Bun']);
/**
 * Members of `process` that do not tell the runtime: the platform and architecture, and the
 * program's input (a test of these is a decision, not a detection).
 */
const NOT_RUNTIME: ReadonlySet<string> = new Set(['platform', 'arch', 'env', 'argv', 'argv0', 'execArgv']);
const COMPARISONS: ReadonlySet<string> = new Set(['===', '!==', '==', '!=', '<', '>', '<=', '>=']);
const MAX_CONSTANT_DEPTH = 4;
/** A bound on the nodes one check visits: a flag is a short expression. */
const MAX_NODES = 64;

/** Whether `node` only tests which runtime is running. */
export function isRuntimeCheck(node: Node, scope: RuntimeCheckScope): boolean {
  // An explicit work list: nested `&&`/`||` chains must not deepen the call stack.
  const pending: { node: Node; depth: number; operand: boolean }[] = [{ node, depth: 0, operand: false }];
  for (let visited = 0; pending.length > 0; visited += 1) {
    const item = pending.pop() as (typeof pending)[number];
    if (visited >= MAX_NODES) return false;
    const current = skipTransparent(item.node);
    const next = (child: Node, operand = false) => pending.push({ node: child, depth: item.depth, operand });
    switch (current.type) {
      case 'Literal':
        // A literal alone decides nothing; it only counts as the other side of a comparison.
        if (!item.operand) return false;
        break;
      case 'UnaryExpression':
        if (current.operator === 'typeof') {
          if (!isRuntimeValue(current.argument, scope)) return false;
        } else if (current.operator === '!') {
          next(current.argument);
        } else {
          return false;
        }
        break;
      case 'LogicalExpression':
        next(current.left);
        next(current.right);
        break;
      case 'BinaryExpression':
        if (current.operator === 'in') {
          if (current.left.type !== 'Literal' || !isRuntimeValue(current.right, scope)) return false;
        } else if (COMPARISONS.has(current.operator)) {
          next(current.left as Node, true);
          next(current.right, true);
        } else {
          return false;
        }
        break;
      case 'Identifier': {
        if (current.name === 'undefined' && scope.isGlobal(current)) {
          if (!item.operand) return false;
          break;
        }
        const init = scope.isGlobal(current) || item.depth >= MAX_CONSTANT_DEPTH ? undefined : scope.constantOf(current);
        if (init) pending.push({ node: init, depth: item.depth + 1, operand: item.operand });
        else if (!isRuntimeValue(current, scope)) return false;
        break;
      }
      default:
        if (!isRuntimeValue(current, scope)) return false;
    }
  }
  return true;
}

/** A runtime global or a member chain on one: `globalThis.window`, `process.versions?.deno`, `Deno`. */
function isRuntimeValue(node: Node, scope: RuntimeCheckScope): boolean {
  let current = skipTransparent(node);
  // The member next to the global: `env` in `process.env.CI`.
  let rootMember: string | undefined;
  while (current.type === 'MemberExpression') {
    rootMember = memberName(current);
    if (rootMember === undefined) return false;
    current = skipTransparent(current.object);
  }
  if (current.type !== 'Identifier' || !RUNTIME_GLOBALS.has(current.name) || !scope.isGlobal(current)) return false;
  return !(current.name === 'process' && rootMember !== undefined && NOT_RUNTIME.has(rootMember));
}
