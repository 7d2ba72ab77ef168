import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { createRule } from '../util/create-rule.js';
import { callLabel, describeMechanism, whereIs } from './shared/describe.js';
import { isTypeScriptFile } from '../util/source-text.js';
import { initializeRefactor } from './no-spawn-in-constructor-utils/initialize-refactor.js';
import { applyInsertions, initializeCalls } from './no-spawn-in-constructor-utils/initialize-calls.js';
import { prototypeRefactor } from './no-spawn-in-constructor-utils/prototype-refactor.js';
import { analyze, type ConstructedNode, constructedOnPurpose, isSynchronousSpec, requestedByCaller, type FileAnalysis, type Mechanism, skipTransparent, type StartPoint } from '../analysis/index.js';

type Options = [{ initializeMethodName: string; allowSync: boolean }];
type MessageIds = 'duringConstruction' | 'duringConstructionVia' | 'constructsStarting' | 'moveToInitialize';

/**
 * One report: a starter in construction code, the `this.method()` call that reaches starters, or a
 * call or `new` of a function or class (of this file or an imported one) that starts when it runs.
 */
interface Finding {
  readonly node: TSESTree.Node;
  readonly name: string;
  readonly mechanism: Mechanism;
  readonly classNode: ConstructedNode;
  readonly method?: string;
  readonly origin?: StartPoint;
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
          allowSync: {
            type: 'boolean',
            description:
              'Allow synchronous child processes (`execSync`, `spawnSync`, `execFileSync`…) in constructors: they finish before `new` returns and leave nothing running.',
          },
        },
      },
    ],
    defaultOptions: [{ initializeMethodName: 'initialize', allowSync: true }],
    messages: {
      duringConstruction: "{{name}} starts {{what}} in {{className}}'s constructor: move it to a method such as `{{method}}()`.",
      duringConstructionVia: "`{{via}}()` starts {{what}} in {{className}}'s constructor: call it from a method such as `{{method}}()`.",
      constructsStarting: "{{name}} starts {{what}} ({{starter}} at {{where}}) in {{className}}'s constructor: move it to a method such as `{{method}}()`.",
      moveToInitialize: 'Move startup into `{{method}}()`.',
    },
  },
  create(context, [{ initializeMethodName, allowSync }]) {
    return {
      Program() {
        const analysis = analyze(context);
        const findings = constructionFindings(analysis, allowSync);
        if (findings.length === 0) return;
        const typescript = isTypeScriptFile(context.filename);
        // The starting nodes of each class, in one pass over the findings; then one refactor per class.
        const startingOf = new Map<ConstructedNode, TSESTree.Node[]>();
        for (const { classNode, node } of findings) {
          const starting = startingOf.get(classNode);
          if (starting) starting.push(node);
          else startingOf.set(classNode, [node]);
        }
        const refactors = new Map<ConstructedNode, TSESLint.ReportFixFunction | undefined>();
        for (const [classNode, starting] of startingOf) refactors.set(classNode, refactorWithCalls(analysis, classNode, starting, initializeMethodName, typescript));
        for (const finding of findings) {
          const fix = refactors.get(finding.classNode);
          const data = {
            name: finding.name,
            what: describeMechanism(finding.mechanism),
            className: className(finding.classNode),
            method: initializeMethodName,
          };
          const { origin } = finding;
          context.report({
            node: finding.node,
            ...(origin
              ? { messageId: 'constructsStarting', data: { ...data, starter: origin.starter, where: whereIs(origin, context.physicalFilename) } }
              : finding.method === undefined
                ? { messageId: 'duringConstruction', data }
                : { messageId: 'duringConstructionVia', data: { ...data, via: finding.method } }),
            suggest: fix ? [{ messageId: 'moveToInitialize', data: { method: initializeMethodName }, fix }] : [],
          });
        }
      },
    };
  },
});

/**
 * The refactor and, for each construction in this file, the call of the new method; none when a
 * construction cannot call it. Classes (those a factory returns too) and ES5 constructor functions
 * in JavaScript (TypeScript rejects `new` of a function); a compiled class is generated code.
 */
function refactorWithCalls(
  analysis: FileAnalysis,
  classNode: ConstructedNode,
  starting: readonly TSESTree.Node[],
  method: string,
  typescript: boolean,
): TSESLint.ReportFixFunction | undefined {
  const shape = analysis.classes.shapeOf(classNode);
  let refactor: ReturnType<typeof initializeRefactor>;
  if ((shape?.kind === 'class' || shape?.kind === 'factory') && (classNode.type === 'ClassDeclaration' || classNode.type === 'ClassExpression')) {
    refactor = initializeRefactor(analysis.sourceCode, classNode, starting, method, typescript);
  } else if (shape?.kind === 'function' && !typescript) {
    refactor = prototypeRefactor(analysis.sourceCode, shape, starting, method);
  }
  const calls = refactor && initializeCalls(analysis.sourceCode, classNode, method);
  return refactor && calls && ((fixer) => [...refactor(fixer), ...applyInsertions(fixer, calls)]);
}

/** Starters that run during construction: one finding per starter, or per `this.method()` call. */
function constructionFindings(analysis: FileAnalysis, allowSync: boolean): Finding[] {
  const starts: Omit<Finding, 'classNode'>[] = analysis.starters
    .filter((site) => site.startsNow && !(allowSync && isSynchronousSpec(site.spec)))
    .map((site) => ({ node: site.node, name: site.name, mechanism: site.mechanism }));
  // `this.engine = new Engine()` where constructing `Engine` starts, here or in an imported module.
  const inConstruction = (node: TSESTree.Node) => analysis.execution.executionOf(node).when === 'construction';
  const importedStarts = analysis.imports.startCalls(inConstruction).filter((call) => !(allowSync && call.point.synchronous));
  // Where nothing starts during a construction, no class of this file starts when constructed either.
  if (importedStarts.length === 0 && !starts.some((start) => inConstruction(start.node))) return [];
  for (const call of [...importedStarts, ...analysis.imports.localConstructions()]) {
    if (allowSync && call.point.synchronous) continue;
    starts.push({ node: call.node, name: callLabel(call.node, call.name), mechanism: call.point.mechanism, origin: call.point });
  }
  const findings: Finding[] = [];
  const viaCalls = new Set<TSESTree.Node>();
  // A class only this file constructs, out of the module's load, is constructed to start what it starts.
  const onPurpose = new Map<ConstructedNode, boolean>();
  for (const start of starts) {
    const execution = analysis.execution.executionOf(start.node);
    if (execution.when !== 'construction') continue;
    let deliberate = onPurpose.get(execution.classNode);
    if (deliberate === undefined) onPurpose.set(execution.classNode, (deliberate = constructedOnPurpose(analysis, execution.classNode)));
    // Under an option the caller passes (`if (options.autoStart)`): constructing without it starts nothing.
    if (deliberate || requestedByCaller(analysis, execution.classNode, execution.via ?? start.node)) continue;
    if (execution.via) {
      if (viaCalls.has(execution.via)) continue;
      viaCalls.add(execution.via);
      const method = analysis.sourceCode.getText(skipTransparent(execution.via.callee));
      findings.push({ node: execution.via, name: start.name, mechanism: start.mechanism, classNode: execution.classNode, method });
    } else {
      findings.push({ ...start, classNode: execution.classNode });
    }
  }
  return findings;
}

/** `Encoder`, or the variable a class or function expression is assigned to, for messages. */
function className(classNode: ConstructedNode): string {
  if (classNode.id) return `\`${classNode.id.name}\``;
  const parent = classNode.parent;
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return `\`${parent.id.name}\``;
  return 'this class';
}
