import type { TSESTree } from '@typescript-eslint/utils';

import { whereIs } from './shared/describe.js';
import { createRule } from '../util/create-rule.js';
import { analyze, argumentAt, type FileAnalysis, type ImportedWrapperCall, isHandledAt, parameterOf, POSIX_ONLY_PROGRAMS, type PossibleString, PROGRAM_LOOKUPS, programRanAt, programsOf, shellAtSite, type ShellMode, shellOfOptions, type StarterSite, type StarterSpec, startFailureThrough, strongest, UNKNOWN_PART, valuesByPlatform, WINDOWS_SHIMS, type WrapperCall } from '../analysis/index.js';

type Options = [{ additionalShims: string[]; additionalPosixPrograms: string[] }];
type Problem = 'shimWithoutShell' | 'batchWithoutShell' | 'posixProgram';
type MessageIds = Problem | 'posixInCommandLine' | 'shimThroughWrapper' | 'batchThroughWrapper' | 'posixThroughWrapper';

/** One command to judge: the values it can take, where, and how it is run. */
interface CommandUse {
  /** Where to report: the command at the start, or the argument at a wrapper's call. */
  readonly node: TSESTree.Node;
  readonly values: readonly PossibleString[];
  /** The nodes whose conditions decide the platforms: the call, any wrapper calls, the start. */
  readonly at: readonly TSESTree.Node[];
  readonly spec: StarterSpec;
  /** The starter as messages name it: as written here, the catalog's name in another module. */
  readonly name: string;
  readonly shell: ShellMode;
  /** The wrapper call, when the command reaches the start through functions: here, or in an imported module. */
  readonly wrapper?: { readonly call: string; readonly where: string };
  /** Whether the code handles the start's failure (a probe of whether the program is there), asked only of a POSIX program. */
  readonly handled: () => boolean;
}

/** The program lists of each options object: built once per configuration, not once per file. */
const programSetsCache = new WeakMap<Options[0], { shims: ReadonlySet<string>; posixPrograms: ReadonlySet<string> }>();

function programSets(options: Options[0]): { shims: ReadonlySet<string>; posixPrograms: ReadonlySet<string> } {
  let sets = programSetsCache.get(options);
  if (!sets) {
    sets = {
      shims: new Set([...WINDOWS_SHIMS, ...options.additionalShims.map((name) => name.toLowerCase())]),
      posixPrograms: new Set([...POSIX_ONLY_PROGRAMS, ...options.additionalPosixPrograms.map((name) => name.toLowerCase())]),
    };
    programSetsCache.set(options, sets);
  }
  return sets;
}

const WRAPPED: Record<Problem, MessageIds> = {
  shimWithoutShell: 'shimThroughWrapper',
  batchWithoutShell: 'batchThroughWrapper',
  posixProgram: 'posixThroughWrapper',
};

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
      posixInCommandLine: '`{{command}}` is not on Windows, not even in cmd.exe: {{name}} fails there. Use Node.js APIs.',
      shimThroughWrapper: '`{{command}}` is a Windows `.cmd` shim: {{call}} reaches {{name}} at {{where}} without a shell.',
      batchThroughWrapper: '`{{command}}` throws EINVAL on Windows: {{call}} reaches {{name}} at {{where}} without a shell.',
      posixThroughWrapper: '`{{command}}` does not exist on Windows: {{call}} reaches {{name}} at {{where}} unguarded.',
    },
  },
  create(context, [options]) {
    const { shims, posixPrograms } = programSets(options);
    return {
      Program() {
        const analysis = analyze(context);
        const commands = analysis.starters.flatMap((site) => {
          const command = judged(site.spec) ? commandNode(site) : undefined;
          return command ? [{ site, command, values: analysis.values.strings(command) }] : [];
        });
        // The commands of the file's starts: a start of one branch may be another's counterpart.
        const started = commands.flatMap(({ values }) => values);
        for (const { site, command, values } of commands) {
          const handled = () => startFailureThrough(analysis, site) === 'handled';
          check({ node: command, values, at: [site.node], spec: site.spec, name: site.name, shell: shellAtSite(analysis, site), handled }, analysis, started);
        }
        // A call passes a command through a wrapper only to a start that takes its command from a parameter.
        const takesCommand = analysis.starters.some((site) => judged(site.spec) && site.target && parameterOf(analysis.sourceCode, site.target));
        for (const wrapper of takesCommand ? analysis.summaries.wrapperCalls : []) {
          for (const use of wrappedCommands(analysis, wrapper)) check(use, analysis, started);
        }
        // Only calls that pass a command this rule would report are worth an imported module's summary.
        const passesSuspectCommand = (call: TSESTree.CallExpression) =>
          call.arguments.some((argument) =>
            [argument, ...(argument.type === 'ArrayExpression' ? argument.elements : [])].some(
              (candidate) =>
                candidate !== null &&
                candidate.type !== 'SpreadElement' &&
                analysis.values.strings(candidate).some(({ value }) => problemsOf(value, false).length > 0 || problemsOf(value, true).length > 0),
            ),
          );
        for (const wrapper of analysis.imports.wrapperCalls(passesSuspectCommand)) {
          for (const use of importedWrapperCommands(analysis, wrapper, context.physicalFilename)) check(use, analysis, started);
        }
      },
    };

    /** `started`: the commands of the file's starts, among which a branch may start another's Windows counterpart. */
    function check(use: CommandUse, analysis: FileAnalysis, started: readonly PossibleString[]): void {
      const windows = use.spec.windows ?? 'direct';
      const commandLine = isShellCommand(use.spec) || use.shell === 'yes';
      // One report per kind of problem: `isWindows ? 'npm.cmd' : 'npm'` is one shim problem.
      const reported = new Set<'shim' | 'posix'>();
      // Where a value can occur is asked only of the values that would be a problem somewhere.
      const suspects = use.values.filter(({ value }) => problemsOf(value, commandLine).length > 0);
      for (const { value, platforms } of valuesByPlatform(analysis, suspects, use.at, use.values, started)) {
        if (!platforms.has('win32')) continue;
        for (const [problem, command] of problemsOf(value, commandLine)) {
          const kind = problem === 'posixProgram' ? 'posix' : 'shim';
          if (reported.has(kind)) continue;
          if (kind === 'shim' && (windows === 'shim-aware' || use.shell !== 'no')) continue;
          // A probe of the same program exited with status 0 before: it starts here, as named.
          if (programRanAt(analysis, use.at, command)) continue;
          // A start whose failure the code handles probes whether a POSIX program is there: the
          // fallback is the author's choice. A shim is there; only the missing shell fails it, and a
          // lookup (`which git`) fails whether or not what it looks for is there, so the probe's
          // answer is wrong on Windows and stays reported.
          if (kind === 'posix' && !PROGRAM_LOOKUPS.has(programName(command) ?? '') && use.handled()) continue;
          // A POSIX program chosen for Windows alone: code written for Windows knows its machines
          // have it (Git for Windows' `sh`), which the rule cannot know better.
          if (kind === 'posix' && [...platforms].every((platform) => platform === 'win32')) continue;
          reported.add(kind);
          const data = { command: command.replaceAll(UNKNOWN_PART, '…'), name: use.name };
          if (use.wrapper) {
            context.report({ node: use.node, messageId: WRAPPED[problem], data: { ...data, ...use.wrapper } });
          } else {
            context.report({ node: use.node, messageId: problem === 'posixProgram' && isShellCommand(use.spec) ? 'posixInCommandLine' : problem, data });
          }
        }
      }
    }

    /** The problems of one possible command: of its program, or of each program of a command line. */
    function problemsOf(value: string, commandLine: boolean): [Problem, string][] {
      if (commandLine) {
        return programsOf(value)
          .filter((program) => posixPrograms.has(programName(program) ?? ''))
          .map((program) => ['posixProgram', program]);
      }
      const program = programName(value);
      if (program === undefined) return [];
      if (/\.(?:cmd|bat)$/.test(program)) return [['batchWithoutShell', value]];
      if (shims.has(program) || isBinShim(value)) return [['shimWithoutShell', value]];
      if (posixPrograms.has(program)) return [['posixProgram', value]];
      return [];
    }
  },
});

/** The starts whose command this rule judges: programs and command lines, not zx's bash lines. */
function judged(spec: StarterSpec): boolean {
  const role = spec.target?.role;
  return (role === 'command' || role === 'shell-command') && spec.windows !== 'posix-shell';
}

function isShellCommand(spec: StarterSpec): boolean {
  return spec.target?.role === 'shell-command';
}

/** The command expression of a start: its target, or the template of a tagged `$`. */
function commandNode(site: StarterSite): TSESTree.Node | undefined {
  return site.node.type === 'TaggedTemplateExpression' ? site.node.quasi : site.target;
}

/**
 * The commands a call of a wrapper passes to the starts it reaches, with the shell mode made of
 * the options at the start, those the wrappers in between pass, and those of this call.
 */
function wrappedCommands(analysis: FileAnalysis, { call, summary, name }: WrapperCall): CommandUse[] {
  const uses: CommandUse[] = [];
  for (const [index, roles] of summary.parameterRoles) {
    const argument = argumentAt(call, index);
    if (!argument || argument.type === 'SpreadElement') continue;
    for (const role of roles) {
      if ((role.use !== 'command' && role.use !== 'shell-command') || !judged(role.site.spec)) continue;
      const handled = () => startFailureThrough(analysis, role.site, [call, ...role.via]) === 'handled';
      const callerOptions = [...summary.parameterRoles]
        .filter(([, others]) => others.some((other) => other.use === 'options' && other.site === role.site))
        .map(([position]) => argumentAt(call, position));
      const shell = strongest([
        shellAtSite(analysis, role.site, true),
        ...[...role.fixedOptions, ...callerOptions].map((options) => (options ? shellOfOptions(analysis, options) : 'no')),
      ]);
      uses.push({
        node: argument,
        values: analysis.values.memberStrings(argument, role.path),
        at: [call, ...role.via, role.site.node],
        spec: role.site.spec,
        name: role.site.name,
        shell,
        wrapper: { call: `${name}()`, where: `line ${role.site.node.loc.start.line}` },
        handled,
      });
    }
  }
  return uses;
}

/**
 * The commands a call of an imported wrapper passes to the starts in its module that can run on
 * Windows, with the shell mode the module gives them and the options this call passes.
 */
function importedWrapperCommands(analysis: FileAnalysis, { call, name, roles }: ImportedWrapperCall, filename: string): CommandUse[] {
  const uses: CommandUse[] = [];
  for (const role of roles) {
    const argument = argumentAt(call, role.index);
    if (!argument || argument.type === 'SpreadElement' || !role.platforms.has('win32')) continue;
    if ((role.use !== 'command' && role.use !== 'shell-command') || !judged(role.spec)) continue;
    const handled = () => role.failure === 'handled' || (role.failure !== undefined && isHandledAt(analysis, call, role.failure, role.spec));
    const callerOptions = role.optionParameters.map((position) => argumentAt(call, position));
    const shell = strongest([role.shell, ...callerOptions.map((options) => (options ? shellOfOptions(analysis, options) : 'no'))]);
    uses.push({
      node: argument,
      values: analysis.values.memberStrings(argument, role.path),
      at: [call],
      spec: role.spec,
      name: role.spec.name,
      shell,
      wrapper: { call: `${name}()`, where: whereIs(role.point, filename) },
      handled,
    });
  }
  return uses;
}

/** The file name a command runs, lower-cased as Windows compares it (`/bin/sh` → `sh`); unknown if not shown. */
function programName(command: string): string | undefined {
  const name = (command.split(/[\\/]/).at(-1) ?? command).toLowerCase();
  return name === '' || name.includes(UNKNOWN_PART) ? undefined : name;
}

/** `…/node_modules/.bin/swc`: npm installs every such entry as a `.cmd` shim on Windows. */
function isBinShim(command: string): boolean {
  return command.split(/[\\/]/).at(-2) === '.bin';
}
