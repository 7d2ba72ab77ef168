import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { whereIs } from './shared/describe.js';
import { createRule } from '../util/create-rule.js';
import {
  moduleDirectoryFix,
  ownFileFix,
  resolveFromModuleFix,
  type FileFacts,
  type LocationFix,
} from './no-fragile-script-path-utils/module-location.js';
import { analyze, changesWorkingDirectory, classifyScriptPath, type FileAnalysis, type ModuleSystem, namesFileFromWorkingFolder, passesTestedMarker, restartsCommandLine, type ScriptArgument, scriptArguments, type ScriptPath, underLauncherTest, usedFromWorkingDirectory, wrappedScriptArguments } from '../analysis/index.js';

type Options = [{ allowCwdRelative: boolean }];
type MessageIds = 'cwdRelative' | 'pageRelative' | 'bareWorkerPath' | 'launcherPath' | 'resolveFromModule' | 'useOwnFile';

const MAX_PATH_TEXT = 60;

export default createRule<Options, MessageIds>({
  name: 'no-fragile-script-path',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require worker and child script paths to be resolved from the module that starts them',
      recommended: 'warn',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowCwdRelative: {
            type: 'boolean',
            description:
              'Allow script paths relative to the working directory, for command-line tools that deliberately run a script from the folder they are started in. Bare `new Worker()` paths (which throw) and launcher paths are still reported.',
          },
        },
      },
    ],
    defaultOptions: [{ allowCwdRelative: false }],
    messages: {
      cwdRelative: '{{name}} resolves `{{path}}` from the working directory: build it from {{location}}.',
      pageRelative: "{{name}} resolves `{{path}}` from the page's URL, not this module's: build it from `import.meta.url`.",
      bareWorkerPath: '`new Worker()`{{through}} throws ERR_WORKER_PATH for `{{path}}`, a bare path: build it from {{location}}.',
      launcherPath: "`{{path}}`{{through}} names the launcher's script, not this file: use {{location}}.",
      resolveFromModule: "Resolve it from this module's folder: `{{replacement}}`.",
      useOwnFile: "Start this module's own file: `{{replacement}}`.",
    },
  },
  create(context, [{ allowCwdRelative }]) {
    return {
      Program() {
        const analysis = analyze(context);
        // A file that names no starter can still pass a path to an imported function that starts it.
        const own = !analysis.namesHazard || analysis.references.isEmpty ? [] : scriptArguments(analysis);
        const scripts = [...own, ...wrappedScriptArguments(analysis)];
        if (scripts.length === 0) return;
        // The module system (from the nearest package.json) only matters for a report.
        let facts: FileFacts | undefined;
        const starts = new Set(scripts.map((script) => script.node));
        for (const script of scripts) {
          const scriptPath = classifyScriptPath(analysis.sourceCode, analysis.references, script.node, script.shell);
          const messageId = problemOf(analysis, script, scriptPath, allowCwdRelative, starts);
          if (!messageId) continue;
          facts ??= { analysis, filename: context.filename, system: analysis.fileModel.moduleSystem };
          context.report({
            node: script.node,
            messageId,
            data: { name: nameOf(script, context.physicalFilename), through: throughText(script, context.physicalFilename), path: pathText(analysis.sourceCode, scriptPath), location: locationOf(facts.system, messageId) },
            suggest: suggestionsFor(facts, script, scriptPath, messageId),
          });
        }
      },
    };
  },
});

function problemOf(
  analysis: FileAnalysis,
  script: ScriptArgument,
  scriptPath: ScriptPath,
  allowCwdRelative: boolean,
  starts: ReadonlySet<TSESTree.Node>,
): MessageIds | undefined {
  switch (scriptPath.kind) {
    case 'launcher':
      // Restarted with a marker this file dispatches on, the launcher routes back into this module;
      // restarted with the rest of its own command line, the program re-runs itself as it was started.
      if (runsAsEntryPoint(analysis, script.node) || passesTestedMarker(analysis, script.node)) return undefined;
      return !scriptPath.directory && restartsCommandLine(analysis, script.node) ? undefined : 'launcherPath';
    case 'bare':
    case 'cwd-relative':
      if (script.webWorker) return 'pageRelative';
      // A bare name is a synchronous throw for `new Worker()`, whatever the working directory.
      if (scriptPath.kind === 'bare' && script.workerThread) return 'bareWorkerPath';
      // A fixture runs in the working directory the test that starts it gives, which is not read.
      if (analysis.fileModel.fixtureRunners !== undefined) return undefined;
      if (script.setsCwd || allowCwdRelative || changesWorkingDirectory(analysis) || namesFileFromWorkingFolder(analysis, scriptPath)) return undefined;
      // The file also writes or uses the path from the working directory: that base is on purpose.
      return usedFromWorkingDirectory(analysis, script.node, starts) ? undefined : 'cwdRelative';
    default:
      return undefined;
  }
}

/**
 * In a file that is started (`#!`, package.json `bin` or script, `entryPoints`, a test file that exports nothing where no runner that loads test files is installed), or under an entry check (`require.main === module`, the argv[1] idiom), the
 * launcher's script is this module (or a symlink to it): restarting it by `process.argv[1]` is intended. So it is
 * under a test of the launcher's script itself (`path.basename(process.argv[1]) === 'cli.mjs'`): the code checked which it is.
 */
function runsAsEntryPoint(analysis: FileAnalysis, node: TSESTree.Node): boolean {
  const model = analysis.fileModel;
  const started = model.entryPoint;
  if (started !== undefined && started !== 'no-exports') return true;
  // A test file that exports nothing is a program its runner starts: `process.argv[1]` is the file
  // under one that starts each test as a program, the runner's only under one that loads it.
  if (started === 'no-exports' && model.isTestFile && !model.loadedByTestRunner) return true;
  return analysis.guards.factsAt(node).some((fact) => fact.kind === 'entry-module' && fact.value) || underLauncherTest(analysis, node);
}

/**
 * A relative path is resolved from the module's folder; a path built on the launcher's folder is
 * built on the module's; the launcher's script itself becomes this module's own file.
 */
function suggestionsFor(
  facts: FileFacts,
  script: ScriptArgument,
  scriptPath: ScriptPath,
  problem: MessageIds,
): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
  let suggestion: { messageId: MessageIds; fix: LocationFix | undefined };
  // A Web Worker's URL is built on `import.meta.url`, which only an ES module has.
  if (problem === 'pageRelative' && facts.system !== 'esm') return [];
  if (problem !== 'launcherPath') suggestion = { messageId: 'resolveFromModule', fix: resolveFromModuleFix(facts, script, scriptPath) };
  else if (scriptPath.directory) suggestion = { messageId: 'resolveFromModule', fix: moduleDirectoryFix(facts, scriptPath) };
  else suggestion = { messageId: 'useOwnFile', fix: ownFileFix(facts, script, scriptPath) };
  const { messageId, fix } = suggestion;
  return fix ? [{ messageId, data: { replacement: fix.replacement }, fix: fix.apply }] : [];
}

/** The start as messages name it: `fork()`, or `fork() at ./start.js:3 through start()` for a path passed to a function. */
function nameOf(script: ScriptArgument, filename: string): string {
  return script.through ? `${script.name} at ${whereIs(script.through.point, filename)} through ${script.through.name}()` : script.name;
}

/** ` through start() (line 3)` for a path passed to a function, the start's line in brackets; empty otherwise. */
function throughText(script: ScriptArgument, filename: string): string {
  return script.through ? ` through ${script.through.name}() (${whereIs(script.through.point, filename)})` : '';
}

/** What names this module's location in the file's module system, for the message's fix. */
function locationOf(system: ModuleSystem, problem: MessageIds): string {
  if (system === 'esm') return '`import.meta.url`';
  return problem === 'launcherPath' ? '`__filename`' : '`__dirname`';
}

/** The path as written where its value comes from, on one line and cut short when long. */
function pathText(sourceCode: Readonly<TSESLint.SourceCode>, scriptPath: ScriptPath): string {
  const text = sourceCode.getText(scriptPath.source).replace(/\s+/g, ' ');
  return text.length > MAX_PATH_TEXT ? `${text.slice(0, MAX_PATH_TEXT - 1)}…` : text;
}
