/**
 * Platform-keyed values: what a function that maps the platform to a name of its own returns on
 * each platform (`getPlatform()` answering 'windows' on win32, 'osx' on darwin, 'linux' elsewhere),
 * so that `getPlatform() !== 'windows'` is read as the platform test it is. Read from the function's
 * statements: constant declarations, an `if`/`else if` chain whose branches each return a string
 * literal (or a conditional of them), and a last `return` of one. Any other statement, a branch
 * that does something else, or a test that is not a platform test leaves the value unknown. The
 * tests are read by the caller (conditions.ts in the linted file, imported-flags.ts in a module it
 * imports), which also says whether a declaration is one it reads.
 */
import type { TSESTree } from '@typescript-eslint/utils';

import type { Platform } from '../../catalog/platform-apis.js';
import { skipTransparent, stringValue } from '../../syntax/ast.js';

type Node = TSESTree.Node;

/** Returned string → the platforms on which the function returns it; every platform is in one. */
export type PlatformValues = ReadonlyMap<string, ReadonlySet<Platform>>;

export interface PlatformValueReader {
  /** The platforms on which `test` is truthy (`holds`) or falsy; undefined when it is no platform test. */
  platformsWhen(test: Node, holds: boolean): ReadonlySet<Platform> | undefined;
  /** Whether a declaration before the answer is one the reader follows (`const platform = os.platform()`). */
  declares(statement: TSESTree.VariableDeclaration): boolean;
}

/** Statements of a function read for its value, at most. */
const MAX_STATEMENTS = 8;

/** What a function returns on each platform, when its statements say it for every platform. */
export function platformValues(fn: TSESTree.FunctionLike, all: ReadonlySet<Platform>, reader: PlatformValueReader): PlatformValues | undefined {
  if (fn.async || fn.generator || !fn.body) return undefined;
  const values = new Map<string, Set<Platform>>();
  if (fn.body.type !== 'BlockStatement') return addReturned(fn.body, all, values, reader) ? values : undefined;
  let remaining = all;
  for (const statement of fn.body.body.slice(0, MAX_STATEMENTS)) {
    if (statement.type === 'VariableDeclaration' && reader.declares(statement)) continue;
    if (statement.type === 'ReturnStatement') return statement.argument && addReturned(statement.argument, remaining, values, reader) ? values : undefined;
    if (statement.type !== 'IfStatement') return undefined;
    // `if (p === 'win32') return 'windows'; else if (p === 'darwin') return 'osx';` and on
    let current: TSESTree.Statement | null = statement;
    while (current?.type === 'IfStatement') {
      const taken = reader.platformsWhen(current.test, true);
      const passed = reader.platformsWhen(current.test, false);
      const returned = returnedOf(current.consequent);
      if (!taken || !passed || !returned || !addReturned(returned, intersect(remaining, taken), values, reader)) return undefined;
      remaining = intersect(remaining, passed);
      current = current.alternate;
    }
    if (current) {
      // A last `else` that returns: every platform is answered.
      const returned = returnedOf(current);
      return returned && addReturned(returned, remaining, values, reader) ? values : undefined;
    }
  }
  return undefined;
}

/** The expression a branch returns when the branch is only that `return`. */
function returnedOf(branch: TSESTree.Statement): Node | undefined {
  const only = branch.type === 'BlockStatement' ? (branch.body.length === 1 ? branch.body[0] : undefined) : branch;
  return only?.type === 'ReturnStatement' ? (only.argument ?? undefined) : undefined;
}

/** Adds what `returnedIn` answers on `platforms`: a string, or a conditional between such answers. */
function addReturned(returnedIn: Node, platforms: ReadonlySet<Platform>, values: Map<string, Set<Platform>>, reader: PlatformValueReader): boolean {
  const returned = skipTransparent(returnedIn);
  if (returned.type === 'ConditionalExpression') {
    const taken = reader.platformsWhen(returned.test, true);
    const passed = reader.platformsWhen(returned.test, false);
    return taken !== undefined && passed !== undefined && addReturned(returned.consequent, intersect(platforms, taken), values, reader) && addReturned(returned.alternate, intersect(platforms, passed), values, reader);
  }
  const value = stringValue(returned);
  if (value === undefined) return false;
  const known = values.get(value) ?? new Set<Platform>();
  for (const platform of platforms) known.add(platform);
  values.set(value, known);
  return true;
}

function intersect(platforms: ReadonlySet<Platform>, allowed: ReadonlySet<Platform>): ReadonlySet<Platform> {
  return new Set([...platforms].filter((platform) => allowed.has(platform)));
}
