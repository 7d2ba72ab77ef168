import type { TSESTree } from '@typescript-eslint/utils';

import { hasSpread, isFunction, propertyValue } from '../analysis/ast.js';
import { POSIX_ONLY_PROGRAMS, WINDOWS_SHIMS } from '../analysis/catalog.js';
import { analyze, type FileAnalysis, type StarterSite } from '../analysis/index.js';
import { stringsByPlatform } from '../analysis/platform.js';
import { resolveVariable } from '../analysis/scope.js';
import { followConstant } from '../analysis/values.js';
import { createRule } from '../util/create-rule.js';

type Options = [{ additionalShims: string[]; additionalPosixPrograms: string[] }];
type MessageIds = 'shimWithoutShell' | 'batchWithoutShell' | 'posixProgram';

/** The portable ways to run a `.cmd`/`.bat` file; `exec()` with one command string is on the doc page. */
const PORTABLE_OPTIONS = 'use cross-spawn or execa';

export default createRule<Options, MessageIds>({
  name: 'no-unportable-spawn',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow spawning Windows command shims without a shell, and POSIX-only programs without a platform guard',
      recommended: 'error',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          additionalShims: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'More commands that are `.cmd` shims on Windows (tools installed by npm, such as `tsc` or `eslint`), added to npm, npx, pnpm, pnpx, yarn, yarnpkg and corepack.',
          },
          additionalPosixPrograms: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'More programs that Windows does not have, added to the built-in list (sh, bash, rm, cp, grep, which…).',
          },
        },
      },
    ],
    defaultOptions: [{ additionalShims: [], additionalPosixPrograms: [] }],
    messages: {
      shimWithoutShell: `{{name}} cannot run the \`.cmd\` shim \`{{command}}\` on Windows: ${PORTABLE_OPTIONS}.`,
      batchWithoutShell: `{{name}} throws EINVAL for \`{{command}}\` on Windows without a shell: ${PORTABLE_OPTIONS}.`,
      posixProgram: '{{name}} fails on Windows, which has no `{{command}}`: use Node.js APIs instead.',
    },
  },
  create(context, [{ additionalShims, additionalPosixPrograms }]) {
    const shims = new Set([...WINDOWS_SHIMS, ...additionalShims.map((name) => name.toLowerCase())]);
    const posixPrograms = new Set([...POSIX_ONLY_PROGRAMS, ...additionalPosixPrograms.map((name) => name.toLowerCase())]);
    return {
      Program() {
        const analysis = analyze(context);
        for (const site of analysis.starters) {
          // exec/execSync always use a shell; cross-spawn and execa resolve shims themselves.
          if (site.spec.module !== 'child_process' || site.spec.target?.role !== 'command' || !site.target) continue;
          // One report per kind of problem: `isWindows ? 'npm.cmd' : 'npm'` is one shim problem.
          const reported = new Set<'shim' | 'posix'>();
          for (const { value, platforms } of stringsByPlatform(analysis, site.target, site.node)) {
            if (!platforms.has('win32')) continue;
            const messageId = problemOf(programName(value));
            const kind = messageId === 'posixProgram' ? 'posix' : 'shim';
            if (!messageId || reported.has(kind)) continue;
            if (kind === 'shim' && mayUseShell(analysis, site)) continue;
            reported.add(kind);
            context.report({ node: site.target, messageId, data: { command: value, name: site.spec.name } });
          }
        }
      },
    };

    function problemOf(program: string): MessageIds | undefined {
      if (/\.(?:cmd|bat)$/.test(program)) return 'batchWithoutShell';
      if (shims.has(program)) return 'shimWithoutShell';
      if (posixPrograms.has(program)) return 'posixProgram';
      return undefined;
    }
  },
});

/** The file name a command runs, lower-cased as Windows compares it: `/bin/sh` → `sh`. */
function programName(command: string): string {
  return (command.split(/[\\/]/).at(-1) ?? command).toLowerCase();
}

/**
 * Whether the call may run its command through a shell, which finds and may run `.cmd` shims: a
 * `shell` option that is not literally `false`, or options the file does not show (a spread, an
 * unknown value after the argument list).
 */
function mayUseShell(analysis: FileAnalysis, site: StarterSite): boolean {
  if (site.node.type !== 'CallExpression') return true;
  const rest = site.node.arguments.slice(1);
  for (const [index, argument] of rest.entries()) {
    if (argument.type === 'SpreadElement') return true;
    const value = followConstant(analysis.sourceCode, argument);
    if (value.type === 'ObjectExpression') {
      const shell = propertyValue(value, 'shell');
      if (shell) return !(shell.type === 'Literal' && shell.value === false);
      if (hasSpread(value)) return true;
    } else if (!isKnownNonOptions(analysis, value) && index > 0) {
      // `spawn(cmd, args)`: an unknown second argument is the argument list; a later one may be options.
      return true;
    }
  }
  return false;
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
