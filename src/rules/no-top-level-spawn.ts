import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { analyze, type FileAnalysis, type StarterSite } from '../analysis/index.js';
import { contextFacts, type Fact } from '../analysis/guards.js';
import { isSelfSpawnSite } from '../analysis/self-spawn.js';
import { createRule } from '../util/create-rule.js';
import { describeMechanism, lineOf } from '../analysis/describe.js';
import { lazyAccessorFix } from './no-top-level-spawn-utils/lazy-accessor.js';

type Options = [{ allowSync: boolean }];
type MessageIds = 'atImport' | 'atImportVia' | 'atImportConstructed' | 'useLazyAccessor';

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
      atImportConstructed: '{{name}} starts {{what}} on import through `new {{className}}()` (line {{line}}): create it lazily.',
      useLazyAccessor: 'Create `{{name}}` on first use through `{{getter}}()`.',
    },
  },
  create(context, [{ allowSync }]) {
    return {
      Program() {
        const analysis = analyze(context);
        // Files that are started or loaded by a test runner have no importer to pay for their top level.
        if (analysis.starters.length === 0 || analysis.file.entryPoint || analysis.file.isTestFile) return;
        for (const site of analysis.starters) {
          if (!site.startsNow || (allowSync && isSynchronous(site)) || isSelfSpawnSite(analysis, site)) continue;
          const report = reportFor(analysis, site);
          if (report) context.report(report);
        }
      },
    };

    function reportFor(analysis: FileAnalysis, site: StarterSite): TSESLint.ReportDescriptor<MessageIds> | undefined {
      const execution = analysis.execution.executionOf(site.node);
      const facts: Fact[] = [...analysis.guards.factsAt(site.node)];
      const base = { name: site.spec.name, what: describeMechanism(site.mechanism) };
      if (execution.when === 'module-load') {
        if (execution.via) facts.push(...analysis.guards.factsAt(execution.via));
        if (isEntryGuarded(facts)) return undefined;
        if (execution.via) {
          return {
            node: site.node,
            messageId: 'atImportVia',
            data: { ...base, via: `${calleeText(analysis, execution.via)}()`, line: lineOf(execution.via) },
          };
        }
        const fix = lazyAccessorFix(analysis, site.node, context.filename);
        return {
          node: site.node,
          messageId: 'atImport',
          data: base,
          suggest: fix ? [{ messageId: 'useLazyAccessor', data: { name: fix.name, getter: fix.getter }, fix: fix.apply }] : [],
        };
      }
      if (execution.when === 'construction') {
        const instantiation = analysis.execution.instantiationAtLoad(execution.classNode);
        if (!instantiation) return undefined;
        facts.push(...analysis.guards.factsAt(instantiation));
        if (isEntryGuarded(facts)) return undefined;
        return {
          node: execution.via ?? site.node,
          messageId: 'atImportConstructed',
          data: { ...base, className: calleeText(analysis, instantiation), line: lineOf(instantiation) },
        };
      }
      return undefined;
    }
  },
});

/**
 * Code that runs only in one start context (an entry-point check, a thread/cluster/IPC branch, a
 * `process.argv` switch) is an entry point's business, not an import side effect.
 */
function isEntryGuarded(facts: readonly Fact[]): boolean {
  return contextFacts(facts).some((fact) => fact.kind !== 'marker' || fact.marker === 'argv');
}

function isSynchronous(site: StarterSite): boolean {
  return site.spec.module === 'child_process' ? site.spec.path[0]?.endsWith('Sync') === true : /Sync$/.test(site.spec.path.at(-1) ?? '');
}

function calleeText(analysis: FileAnalysis, node: TSESTree.CallExpression | TSESTree.NewExpression): string {
  return analysis.sourceCode.getText(node.callee);
}
