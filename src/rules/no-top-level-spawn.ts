import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { createRule } from '../util/create-rule.js';
import { callLabel, describeMechanism, lineOf, whereIs } from './shared/describe.js';
import { lazyAccessorFix } from '../fixes/lazy-accessor.js';
import { analyze, type Fact, type FileAnalysis, isSelfSpawnSite, isStartContextGuarded, isSynchronousSpec, type Mechanism, type StartPoint } from '../analysis/index.js';

type Options = [{ allowSync: boolean }];
type MessageIds = 'atImport' | 'atImportVia' | 'atImportConstructed' | 'atImportImported' | 'useLazyAccessor';

/** Something that starts when it runs: a starter of this file, or a call of an imported one. */
interface Start {
  readonly node: TSESTree.Node;
  readonly name: string;
  readonly mechanism: Mechanism;
  /** Where an imported function or class starts. */
  readonly origin?: StartPoint;
}

export default createRule<Options, MessageIds>({
  name: 'no-top-level-spawn',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow starting processes, workers and pools while a module is being imported',
      recommended: 'warn',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowSync: {
            type: 'boolean',
            description:
              'Allow synchronous child processes (`execSync`, `spawnSync`, `execFileSync`…) at import: they finish before the import does, but still slow down and can break every importer.',
          },
        },
      },
    ],
    defaultOptions: [{ allowSync: false }],
    messages: {
      atImport: '{{name}} starts {{what}} on import: start it from a function the caller invokes.',
      atImportVia: '{{name}} starts {{what}} on import through `{{via}}` (line {{line}}): let the caller start it.',
      atImportConstructed: '`new {{className}}()` starts {{what}} on import ({{name}} at line {{line}}): create it lazily.',
      atImportImported: '{{name}} starts {{what}} on import ({{starter}} at {{where}}): start it from a function the caller invokes.',
      useLazyAccessor: 'Create `{{name}}` on first use through `{{getter}}()`.',
    },
  },
  create(context, [{ allowSync }]) {
    return {
      Program() {
        const analysis = analyze(context);
        // Files that are started, loaded by a test runner (imported by no other module, or only by tests) or loaded by a
        // tool as its configuration or part of one have no importer to pay for their top level; a
        // development script's importers are the project's own scripts, which ask for its start (as do
        // those of a module only such scripts load, and an application's modules that import a module
        // only for its effect); a module no one outside its package can import and nothing of its
        // package loads is a program the project starts.
        let skipped: boolean | undefined;
        const skipFile = () => {
          const model = analysis.fileModel;
          return (skipped ??=
            model.entryPoint !== undefined ||
            model.development === 'script' ||
            (model.isTestFile && (!model.importedInPackage || model.loadedOnlyByTests)) ||
            model.loadedOnlyByScripts ||
            model.toolConfig !== undefined ||
            model.importedForEffect ||
            model.loadedByApplicationStart ||
            model.loadedByNothing);
        };
        const starts: Start[] = [];
        for (const site of analysis.starters) {
          if (!site.startsNow || (allowSync && isSynchronousSpec(site.spec)) || isSelfSpawnSite(analysis, site)) continue;
          starts.push({ node: site.node, name: site.name, mechanism: site.mechanism });
        }
        for (const call of analysis.imports.startCalls((node) => runsAtLoad(analysis, node) && !skipFile())) {
          if (allowSync && call.point.synchronous) continue;
          starts.push({ node: call.node, name: callLabel(call.node, call.name), mechanism: call.point.mechanism, origin: call.point });
        }
        // The file model (a package.json read) is asked only once a start would be reported.
        for (const start of starts) {
          for (const report of reportsFor(analysis, start, skipFile)) context.report(report);
        }
      },
    };

    function reportsFor(analysis: FileAnalysis, start: Start, skipFile: () => boolean): TSESLint.ReportDescriptor<MessageIds>[] {
      const execution = analysis.execution.executionOf(start.node);
      if (execution.when !== 'construction') {
        const report = loadReport(analysis, start, skipFile);
        return report ? [report] : [];
      }
      // A start in a constructor is reported at each construction that runs at load: the line to silence or change.
      const base = { name: start.name, what: describeMechanism(start.mechanism), line: lineOf(start.node) };
      const reports: TSESLint.ReportDescriptor<MessageIds>[] = [];
      for (const instantiation of analysis.execution.instantiationsAtLoad(execution.classNode)) {
        const facts = [...analysis.guards.factsAt(start.node), ...analysis.guards.factsAt(instantiation)];
        if (isStartContextGuarded(facts) || skipFile()) continue;
        reports.push({ node: instantiation, messageId: 'atImportConstructed', data: { ...base, className: calleeText(analysis, instantiation) } });
      }
      return reports;
    }

    function loadReport(analysis: FileAnalysis, start: Start, skipFile: () => boolean): TSESLint.ReportDescriptor<MessageIds> | undefined {
      const execution = analysis.execution.executionOf(start.node);
      const base = { name: start.name, what: describeMechanism(start.mechanism) };
      if (execution.when === 'module-load') {
        const facts: Fact[] = [...analysis.guards.factsAt(start.node)];
        if (execution.via) facts.push(...analysis.guards.factsAt(execution.via));
        if (isStartContextGuarded(facts) || skipFile()) return undefined;
        if (execution.via) {
          return {
            node: start.node,
            messageId: 'atImportVia',
            data: { ...base, via: `${calleeText(analysis, execution.via)}()`, line: lineOf(execution.via) },
          };
        }
        const fix = lazyAccessorFix(analysis, start.node, context.filename);
        const origin = start.origin;
        return {
          node: start.node,
          ...(origin
            ? { messageId: 'atImportImported', data: { ...base, starter: origin.starter, where: whereIs(origin, context.physicalFilename) } }
            : { messageId: 'atImport', data: base }),
          suggest: fix ? [{ messageId: 'useLazyAccessor', data: { name: fix.name, getter: fix.getter }, fix: fix.apply }] : [],
        };
      }
      return undefined;
    }
  },
});

/** Whether a node runs while the module loads: at the top level, or constructing a class instantiated there. */
function runsAtLoad(analysis: FileAnalysis, node: TSESTree.Node): boolean {
  const execution = analysis.execution.executionOf(node);
  return execution.when === 'module-load' || (execution.when === 'construction' && analysis.execution.instantiationAtLoad(execution.classNode) !== undefined);
}

function calleeText(analysis: FileAnalysis, node: TSESTree.CallExpression | TSESTree.NewExpression): string {
  return analysis.sourceCode.getText(node.callee);
}
