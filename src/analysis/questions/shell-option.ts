/**
 * Whether a start runs its command through a shell: `yes` when a `shell` option is literally on,
 * `no` when the file shows it is off or absent, `maybe` when options the file does not show could
 * set it (a spread, an options variable, a value after the argument list).
 */
import type { TSESTree } from '@typescript-eslint/utils';

import type { ShellMode } from '../catalog/vocabulary.js';

import { hasSpread, isFunction, propertyValue, skipTransparent, stringValue } from '../syntax/ast.js';
import type { FileAnalysis, StarterSite } from '../contract/file-analysis.js';
import { constantInitializer, resolveVariable } from '../syntax/scope.js';
import { parameterOf } from '../file/local-functions.js';
import { propertyHistory, type PropertyValue } from '../file/object-writes.js';
import { followConstant } from '../file/values.js';

export type { ShellMode };

const ORDER: readonly ShellMode[] = ['no', 'maybe', 'yes'];

/** The strongest of several modes: any `yes` is a shell, any `maybe` may be one. */
export function strongest(modes: readonly ShellMode[]): ShellMode {
  return modes.reduce<ShellMode>((best, mode) => (ORDER.indexOf(mode) > ORDER.indexOf(best) ? mode : best), 'no');
}

/**
 * The shell mode of a start from the arguments written at it. With `fromCaller`, arguments and
 * spreads that read a parameter of the enclosing function are left to the caller (they are checked
 * at each call of the wrapper).
 */
export function shellAtSite(analysis: FileAnalysis, site: StarterSite, fromCaller = false): ShellMode {
  if (site.node.type !== 'CallExpression') return 'maybe';
  const target = site.spec.target?.argument ?? 0;
  // What follows the options literal is a callback: `execFile(file, args, { cwd }, done)`.
  const options = site.options ? site.node.arguments.indexOf(site.options) : -1;
  return strongest(
    site.node.arguments.map((argument, index) => {
      if (index <= target || (options !== -1 && index > options)) return 'no';
      if (fromCaller && parameterOf(analysis.sourceCode, argument)) return 'no';
      // `spawn(cmd, args)`: an unknown value right after the command is the argument list.
      return shellOfOptions(analysis, argument, index === target + 1, fromCaller);
    }),
  );
}

/** The shell mode an options value sets. */
export function shellOfOptions(
  analysis: FileAnalysis,
  argument: TSESTree.Node,
  maybeArgumentList = false,
  fromCaller = false,
): ShellMode {
  if (argument.type === 'SpreadElement') return 'maybe';
  const value = followConstant(analysis.sourceCode, argument);
  if (value.type === 'ObjectExpression') {
    const created = literalShell(analysis, value, fromCaller);
    const held = skipTransparent(argument);
    if (held === value) return created;
    // `const options = {…}` written after it is created; through an alias, the writes are not followed.
    const variable = held.type === 'Identifier' && constantInitializer(analysis.sourceCode, held) === value ? resolveVariable(analysis.sourceCode, held) : undefined;
    const history = variable && propertyHistory(analysis.sourceCode, variable, analysis.references, 'shell', held);
    if (!history) return 'maybe';
    const modes = [history.replaced === undefined ? created : shellValue(history.replaced), ...history.sometimes.map(shellValue)];
    // A write on some paths only, of another mode than the one it would replace: either may hold.
    return modes.every((mode) => mode === modes[0]) ? (modes[0] ?? 'maybe') : 'maybe';
  }
  if (isKnownNonOptions(analysis, value) || maybeArgumentList) return 'no';
  return 'maybe';
}

/** The shell mode an object literal sets where it is written. */
function literalShell(analysis: FileAnalysis, value: TSESTree.ObjectExpression, fromCaller: boolean): ShellMode {
  const shell = propertyValue(value, 'shell');
  if (shell) return shellValue(shell);
  const spreads = value.properties.filter((property) => property.type === 'SpreadElement');
  const hidden = spreads.some((spread) => !(fromCaller && parameterOf(analysis.sourceCode, spread.argument)));
  return hasSpread(value) && hidden ? 'maybe' : 'no';
}

/** The mode a `shell` value sets; `null` is an absent (deleted) option. */
function shellValue(shell: PropertyValue): ShellMode {
  if (shell === null) return 'no';
  if (shell.type === 'Literal' && !shell.value) return 'no';
  if ((shell.type === 'Literal' && shell.value === true) || stringValue(shell)) return 'yes';
  return shell.type === 'Identifier' && shell.name === 'undefined' ? 'no' : 'maybe';
}

function isKnownNonOptions(analysis: FileAnalysis, node: TSESTree.Node): boolean {
  return (
    node.type === 'ArrayExpression' ||
    isFunction(node) ||
    // `execFile('yarn', args, done)` with `function done() {}`
    (node.type === 'Identifier' && resolveVariable(analysis.sourceCode, node)?.defs[0]?.type === 'FunctionName') ||
    (node.type === 'Literal' && node.value === null) ||
    (node.type === 'Identifier' && node.name === 'undefined')
  );
}
