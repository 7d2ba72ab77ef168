import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { createRule } from '../util/create-rule.js';
import { callLabel, lineOf, whereIs } from './shared/describe.js';
import { wrapInGuardFix } from '../fixes/start-guard.js';
import { analyze, contextFacts, type FileAnalysis, GUARD_ADVICE, selfSpawns, type SelfSpawnMechanism } from '../analysis/index.js';

type MessageIds = 'unguarded' | 'unguardedVia' | 'unguardedImported' | 'wrapInGuard';

export default createRule<[], MessageIds>({
  name: 'no-unguarded-self-spawn',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow a module starting itself at load time without a guard that stops the child from doing the same',
      recommended: 'error',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      unguarded: '{{name}} starts this module again with no guard, so every copy starts another: {{advice}}.',
      unguardedVia: '{{name}} starts this module again through `{{via}}` (line {{line}}) with no guard: {{advice}}.',
      unguardedImported: '{{name}} reruns the entry script ({{starter}} at {{where}}) unguarded, and so does each copy: {{advice}}.',
      wrapInGuard: 'Wrap it in `if ({{guard}})`.',
    },
  },
  create(context) {
    return {
      Program() {
        const analysis = analyze(context);
        reportImportedRestarts(analysis);
        if (analysis.starters.length === 0) return;
        for (const spawn of selfSpawns(analysis)) {
          const execution = analysis.execution.executionOf(spawn.site.node);
          if (execution.when !== 'module-load') continue;
          const facts = [...analysis.guards.factsAt(spawn.site.node)];
          if (execution.via) facts.push(...analysis.guards.factsAt(execution.via));
          // Any start-context check is a guard; whether it is the right one is consistent-start-context's job.
          if (contextFacts(facts).length > 0) continue;
          const wrapped = execution.via ?? spawn.site.node;
          const fix = wrapInGuardFix(analysis, spawn.mechanism, wrapped);
          const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = fix
            ? [{ messageId: 'wrapInGuard', data: { guard: fix.guard }, fix: fix.apply }]
            : [];
          const name = spawn.site.name;
          const advice = GUARD_ADVICE[spawn.mechanism];
          if (execution.via) {
            const via = `${analysis.sourceCode.getText(execution.via.callee)}()`;
            context.report({
              node: spawn.site.node,
              messageId: 'unguardedVia',
              data: { name, advice, via, line: lineOf(execution.via) },
              suggest,
            });
          } else {
            context.report({ node: spawn.site.node, messageId: 'unguarded', data: { name, advice }, suggest });
          }
        }
      },
    };

    /**
     * An entry script that calls, at load and with no guard, an imported function that runs the entry
     * script again (`cluster.fork()`, `fork(process.argv[1])` in its body, unguarded there too).
     */
    function reportImportedRestarts(analysis: FileAnalysis): void {
      let entry: boolean | undefined;
      const isEntry = () => (entry ??= analysis.fileModel.entryPoint !== undefined && !analysis.fileModel.isTestFile);
      const atLoad = (node: TSESTree.Node) => {
        const execution = analysis.execution.executionOf(node);
        if (execution.when !== 'module-load' || !isEntry()) return false;
        const facts = [...analysis.guards.factsAt(node), ...(execution.via ? analysis.guards.factsAt(execution.via) : [])];
        return contextFacts(facts).length === 0;
      };
      for (const call of analysis.imports.entryRestartCalls(atLoad)) {
        // A summary records a restart only for a self-spawn, whose mechanism is one of these.
        const mechanism = call.point.mechanism as SelfSpawnMechanism;
        context.report({
          node: call.node,
          messageId: 'unguardedImported',
          data: {
            name: callLabel(call.node, call.name),
            starter: call.point.starter,
            where: whereIs(call.point, context.physicalFilename),
            advice: GUARD_ADVICE[mechanism],
          },
        });
      }
    }
  },
});
