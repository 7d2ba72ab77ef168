/**
 * Self-spawns guarded by a check from the wrong row of the start-context table (docs/ARCHITECTURE.md, "Start contexts"): a
 * check that reads the same in the child as in the parent, so the child passes it too.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { parentGuard } from '../../fixes/start-guard.js';
import { CHILD_READS, type ContextCheck, type ContextFact, contextFacts, type FileAnalysis, PARENT_READS, type SelfSpawn, type SelfSpawnMechanism, selfSpawns, withNegations } from '../../analysis/index.js';

type Node = TSESTree.Node;
type Check = ContextCheck;

export interface GuardSwap {
  /** The condition replaced, as written. */
  readonly wrong: string;
  /** What replaces it. */
  readonly guard: string;
  readonly apply: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];
}

export interface WrongGuard {
  readonly spawn: SelfSpawn;
  /** The conditions guarding the spawn (with their negations), none of which the child reads differently. */
  readonly tests: readonly Node[];
  readonly swap: GuardSwap | undefined;
  /** Whether the spawn runs at load (the child starts again) or later (the child takes the parent's branch). */
  readonly atLoad: boolean;
}

/**
 * Self-spawns that run at load under start-context checks that all pass in the child too. A
 * self-spawn with no check at all is no-unguarded-self-spawn's; one with a check the child fails
 * (or an argv/env marker the parent can set) is guarded.
 */
export function wrongGuards(analysis: FileAnalysis): WrongGuard[] {
  const guarded = selfSpawns(analysis).flatMap((spawn) => {
    const atLoad = loadPathFacts(analysis, spawn.site.node);
    // A worker started later still runs the module's top level: a process-row check around the
    // start sends it down the parent's branch (workerpool derived its thread check from process.connected).
    const facts = atLoad ?? (spawn.mechanism === 'thread' ? processRowFacts(analysis, spawn.site.node) : undefined);
    return facts && facts.length > 0 ? [{ spawn, facts, atLoad: atLoad !== undefined }] : [];
  });
  // Which mechanisms each condition guards: swapping a condition shared with another mechanism's
  // spawn would break that one's guard.
  const mechanismsByTest = new Map<Node, Set<SelfSpawnMechanism>>();
  for (const { spawn, facts } of guarded) {
    for (const fact of facts) {
      const mechanisms = mechanismsByTest.get(fact.test) ?? new Set();
      mechanisms.add(spawn.mechanism);
      mechanismsByTest.set(fact.test, mechanisms);
    }
  }
  const result: WrongGuard[] = [];
  for (const { spawn, facts, atLoad } of guarded) {
    if (facts.some((fact) => stopsChild(fact, spawn.mechanism))) continue;
    const tests = [...new Set(facts.map((fact) => fact.test))];
    const [only] = facts;
    const shared = tests.some((test) => (mechanismsByTest.get(test)?.size ?? 0) > 1);
    const swap = only && tests.length === 1 && !shared ? guardSwap(analysis, spawn.mechanism, only) : undefined;
    result.push({ spawn, tests: tests.map(withNegations), swap, atLoad });
  }
  return result;
}

/** The context facts that hold wherever the spawn runs at load, or undefined when it does not. */
function loadPathFacts(analysis: FileAnalysis, node: Node): ContextFact[] | undefined {
  const execution = analysis.execution.executionOf(node);
  if (execution.when === 'later') return undefined;
  const points: Node[] = [node];
  if (execution.via) points.push(execution.via);
  if (execution.when === 'construction') {
    const instantiation = analysis.execution.instantiationAtLoad(execution.classNode);
    if (!instantiation) return undefined;
    points.push(instantiation);
  }
  return contextFacts(points.flatMap((point) => analysis.guards.factsAt(point)));
}

/** The checks around a node when all of them read the process row (`process.send`, `process.connected`). */
function processRowFacts(analysis: FileAnalysis, node: Node): ContextFact[] | undefined {
  const facts = contextFacts(analysis.guards.factsAt(node));
  return facts.every((fact) => fact.kind === 'ipc-child') ? facts : undefined;
}

/** Whether a fact is false in the child: a marker the parent can set, or a check of the right row. */
function stopsChild(fact: ContextFact, mechanism: SelfSpawnMechanism): boolean {
  return fact.kind === 'marker' || fact.value !== CHILD_READS[mechanism][fact.kind];
}

/**
 * Replaces the condition with the guard that tells this child apart. An entry-point check keeps
 * its own job (not starting anything when the module is imported), so the guard is added to it;
 * any other check is replaced. Only a condition that, when true, selects the parent is rewritten:
 * `isMainThread`, `!cluster.isWorker`, `require.main === module`.
 */
function guardSwap(analysis: FileAnalysis, mechanism: SelfSpawnMechanism, fact: ContextFact): GuardSwap | undefined {
  if (fact.kind === 'marker') return undefined;
  const target = parentSelectingCondition(analysis, fact.test, fact.kind);
  if (!target) return undefined;
  const guard = parentGuard(analysis, mechanism, target);
  if (!guard) return undefined;
  const wrong = analysis.sourceCode.getText(target);
  const conjoin = fact.kind === 'entry-module';
  const text = conjoin ? `${KEEPS_PRECEDENCE_UNDER_AND.has(target.type) ? wrong : `(${wrong})`} && ${guard.text}` : guard.text;
  const replacement = fitsAt(target, text, conjoin) ? text : `(${text})`;
  return {
    wrong,
    guard: text,
    apply: (fixer) => [...guard.fixes(fixer), fixer.replaceText(target, replacement)],
  };
}

/** Expressions that bind at least as tightly as `&&`, so `x && guard` needs no parentheses around x. */
const KEEPS_PRECEDENCE_UNDER_AND: ReadonlySet<string> = new Set([
  'Identifier',
  'MemberExpression',
  'CallExpression',
  'BinaryExpression',
  'UnaryExpression',
  'MetaProperty',
]);

/** The condition around `test` (through `!`) that, when truthy, proves the parent's reading. */
function parentSelectingCondition(analysis: FileAnalysis, test: Node, kind: Check): Node | undefined {
  for (let candidate: Node = test; ; ) {
    const facts = analysis.guards.conditionFacts(candidate, true);
    if (facts.some((fact) => fact.kind === kind && fact.value === PARENT_READS[kind])) return candidate;
    const parent = candidate.parent;
    if (parent?.type !== 'UnaryExpression' || parent.operator !== '!') return undefined;
    candidate = parent;
  }
}

/** Whether `text` can replace `target` without parentheses. */
function fitsAt(target: Node, text: string, conjunction: boolean): boolean {
  const parent = target.parent;
  if (/^[\w$]+(?:\.[\w$]+)*$/.test(text)) return true;
  if (!parent) return false;
  switch (parent.type) {
    case 'IfStatement':
    case 'ConditionalExpression':
      return parent.test === target;
    case 'LogicalExpression':
      return parent.operator === '&&' || (parent.operator === '||' && !conjunction);
    default:
      return false;
  }
}
