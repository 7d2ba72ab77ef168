import type { TSESLint } from '@typescript-eslint/utils';

import { createRule } from '../util/create-rule.js';
import { lazyAccessorFix } from '../fixes/lazy-accessor.js';
import { loadFactsOf } from './no-hazardous-dependency-utils/load-facts.js';
import { analyze, dependencyHazard, type DependencyHazard, type DependencyReader, moduleLoads } from '../analysis/index.js';

type MessageIds = 'hazard' | 'hazardVia' | 'loadLazily';

export default createRule<[], MessageIds>({
  name: 'no-hazardous-dependency',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow importing installed packages whose load starts a process or fails on some platforms',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      hazard: 'Loading `{{package}}` {{what}} ({{where}}).',
      hazardVia: 'Loading `{{package}}` loads `{{dependency}}`, which {{what}} ({{where}}).',
      loadLazily: 'Require `{{package}}` on first use through `{{getter}}()`.',
    },
  },
  create(context) {
    return {
      Program() {
        const analysis = analyze(context);
        const reader: DependencyReader = {
          settings: context.settings as Record<string, unknown> | undefined,
          factsOf: loadFactsOf,
        };
        for (const load of moduleLoads(analysis, context.filename)) {
          // A load in a function runs when it is called: that is the remedy, not the hazard.
          if (!load.atLoad || load.specifier.startsWith('.') || load.specifier.startsWith('#')) continue;
          const hazard = dependencyHazard(context.physicalFilename, load.specifier, load.kind, reader);
          if (!hazard) continue;
          const fix = load.node.type === 'CallExpression' ? lazyAccessorFix(analysis, load.node, context.filename) : undefined;
          const name = hazard.path[0] ?? hazard.packageName;
          context.report({
            node: load.node,
            ...describe(hazard),
            suggest: fix ? [{ messageId: 'loadLazily', data: { package: name, getter: fix.getter }, fix: fix.apply }] : [],
          });
        }
      },
    };
  },
});

function describe(hazard: DependencyHazard): Pick<TSESLint.ReportDescriptor<MessageIds>, 'messageId' | 'data'> {
  const where = `${hazard.file}:${hazard.line}`;
  const [imported = '', ...rest] = hazard.path;
  if (rest.length === 0) return { messageId: 'hazard', data: { package: imported, what: hazard.what, where } };
  return { messageId: 'hazardVia', data: { package: imported, dependency: rest.join(' → '), what: hazard.what, where } };
}
