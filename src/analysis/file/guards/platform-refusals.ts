/**
 * Platform refusals: a function that answers something on some platforms and nothing on the others,
 * read as the platform test its callers make of the answer:
 *
 *     function checkLinux(t) {
 *       if (process.platform !== 'linux') return fail(t('unsupported'));
 *       return null;
 *     }
 *     const error = checkLinux(t);
 *     if (error) return error;
 *
 * Its statements are an `if` chain whose tests are platform tests that read none of its parameters
 * and whose branches each only return, then a last `return` of nothing, `null` or `undefined` (or
 * none). Where it returns nothing, its answer is falsy; where it returns a value truthy by its form
 * (an object, an array, `new`, a function, a non-empty string), truthy. Where the form does not tell
 * (a call's result, a variable), neither is proven, and the platform is left out of both answers: a
 * report is a proof that the code behind the test runs there.
 */
import type { TSESTree } from '@typescript-eslint/utils';

import type { Platform } from '../../catalog/platform-apis.js';
import { isNullish, onlyReturn, skipTransparent, type FunctionNode } from '../../syntax/ast.js';

type Node = TSESTree.Node;

export type Truthiness = 'truthy' | 'falsy' | 'unknown';

export interface RefusalReader {
  /** The platforms on which `test` is truthy (`holds`) or falsy; undefined when it is no platform test. */
  platformsWhen(test: Node, holds: boolean): ReadonlySet<Platform> | undefined;
  /** Whether `test` reads a parameter of `fn`: a caller decides it, not the platform. */
  readsParameter(test: Node, fn: FunctionNode): boolean;
}

/** Branches of the chain read, at most. */
const MAX_BRANCHES = 8;

/** Whether the function's answer is truthy on each platform; undefined when it is no refusal. */
export function refusalAnswers(fn: FunctionNode, all: ReadonlySet<Platform>, reader: RefusalReader): ReadonlyMap<Platform, Truthiness> | undefined {
  if (fn.async || fn.generator || fn.body.type !== 'BlockStatement') return undefined;
  const statements = fn.body.body;
  const last = statements.at(-1);
  const ending = last?.type === 'ReturnStatement' ? last : undefined;
  if (ending && !isNothing(ending.argument)) return undefined;
  const branches = ending ? statements.slice(0, -1) : statements;
  if (branches.length === 0 || branches.length > MAX_BRANCHES) return undefined;
  const answers = new Map<Platform, Truthiness>();
  let remaining = all;
  for (const statement of branches) {
    let current: TSESTree.Statement | null = statement;
    while (current) {
      if (current.type !== 'IfStatement' || reader.readsParameter(current.test, fn)) return undefined;
      const returned = onlyReturn(current.consequent);
      const taken = reader.platformsWhen(current.test, true);
      const passed = reader.platformsWhen(current.test, false);
      if (!returned || !taken || !passed || [...remaining].some((platform) => taken.has(platform) === passed.has(platform))) return undefined;
      const answer = truthinessOf(returned.argument);
      for (const platform of remaining) if (taken.has(platform)) answers.set(platform, answer);
      remaining = new Set([...remaining].filter((platform) => passed.has(platform)));
      current = current.alternate;
    }
  }
  if (remaining.size === 0 || answers.size === 0) return undefined;
  for (const platform of remaining) answers.set(platform, 'falsy');
  return answers;
}

/** `return`, `return null`, `return undefined`, `return void 0`. */
function isNothing(argument: Node | null | undefined): boolean {
  return !argument || isNullish(skipTransparent(argument));
}

function truthinessOf(argument: Node | null | undefined): Truthiness {
  if (!argument || isNothing(argument)) return 'falsy';
  const node = skipTransparent(argument);
  switch (node.type) {
    case 'ObjectExpression':
    case 'ArrayExpression':
    case 'NewExpression':
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
    case 'ClassExpression':
      return 'truthy';
    case 'Literal':
      return 'regex' in node ? 'truthy' : node.value ? 'truthy' : 'falsy';
    case 'TemplateLiteral':
      return node.quasis.some((quasi) => quasi.value.cooked !== '') ? 'truthy' : 'unknown';
    default:
      return 'unknown';
  }
}
