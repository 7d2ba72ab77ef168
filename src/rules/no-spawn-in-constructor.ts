import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { skipTransparent } from '../analysis/ast.js';
import type { ClassNode } from '../analysis/execution.js';
import { analyze, type FileAnalysis, type StarterSite } from '../analysis/index.js';
import { createRule } from '../util/create-rule.js';
import { describeMechanism } from '../analysis/describe.js';
import { isTypeScriptFile } from '../util/source-text.js';
import { initializeRefactor } from './no-spawn-in-constructor-utils/initialize-refactor.js';

type Options = [{ initializeMethodName: string }];
type MessageIds = 'duringConstruction' | 'duringConstructionVia' | 'moveToInitialize';

/** One report: a starter in construction code, or the `this.method()` call that reaches starters. */
interface Finding {
  readonly node: TSESTree.Node;
  readonly site: StarterSite;
  readonly classNode: ClassNode;
  readonly method?: string;
}

export default createRule<Options, MessageIds>({
  name: 'no-spawn-in-constructor',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow starting processes, workers and pools while an object is being constructed',
      recommended: 'warn',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          initializeMethodName: {
            type: 'string',
            pattern: '^[A-Za-z_$][A-Za-z0-9_$]*$',
            // `constructor` would make the suggestion add a second constructor; reserved words are
            // valid method names (`this.delete()`), so they stay allowed
            not: { type: 'string', enum: ['constructor'] },
            description: 'Name of the method the suggestion moves the startup code into: an identifier other than `constructor`.',
          },
        },
      },
    ],
    defaultOptions: [{ initializeMethodName: 'initialize' }],
    messages: {
      duringConstruction: "{{name}} starts {{what}} in {{className}}'s constructor: move it to `{{method}}()`.",
      duringConstructionVia: "`{{via}}()` starts {{what}} in {{className}}'s constructor: call it from `{{method}}()`.",
      moveToInitialize: 'Move startup into `{{method}}()`.',
    },
  },
  create(context, [{ initializeMethodName }]) {
    return {
      Program() {
        const analysis = analyze(context);
        if (analysis.starters.length === 0) return;
        const findings = constructionFindings(analysis);
        const refactors = new Map<ClassNode, TSESLint.ReportFixFunction | undefined>();
        const typescript = isTypeScriptFile(context.filename);
        for (const finding of findings) {
          if (!refactors.has(finding.classNode)) {
            const starting = findings.filter((other) => other.classNode === finding.classNode).map((other) => other.node);
            refactors.set(
              finding.classNode,
              initializeRefactor(analysis.sourceCode, finding.classNode, starting, initializeMethodName, typescript),
            );
          }
          const fix = refactors.get(finding.classNode);
          const data = {
            name: finding.site.spec.name,
            what: describeMechanism(finding.site.mechanism),
            className: className(finding.classNode),
            method: initializeMethodName,
          };
          context.report({
            node: finding.node,
            messageId: finding.method === undefined ? 'duringConstruction' : 'duringConstructionVia',
            data: finding.method === undefined ? data : { ...data, via: finding.method },
            suggest: fix ? [{ messageId: 'moveToInitialize', data: { method: initializeMethodName }, fix }] : [],
          });
        }
      },
    };
  },
});

/** Starters that run during construction: one finding per starter, or per `this.method()` call. */
function constructionFindings(analysis: FileAnalysis): Finding[] {
  const findings: Finding[] = [];
  const viaCalls = new Set<TSESTree.Node>();
  for (const site of analysis.starters) {
    if (!site.startsNow) continue;
    const execution = analysis.execution.executionOf(site.node);
    if (execution.when !== 'construction') continue;
    if (execution.via) {
      if (viaCalls.has(execution.via)) continue;
      viaCalls.add(execution.via);
      const method = analysis.sourceCode.getText(skipTransparent(execution.via.callee));
      findings.push({ node: execution.via, site, classNode: execution.classNode, method });
    } else {
      findings.push({ node: site.node, site, classNode: execution.classNode });
    }
  }
  return findings;
}

/** `Encoder`, or the variable a class expression is assigned to, for messages. */
function className(classNode: ClassNode): string {
  if (classNode.id) return `\`${classNode.id.name}\``;
  const parent = classNode.parent;
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return `\`${parent.id.name}\``;
  return 'this class';
}
