/**
 * Guards: what a condition proves about the running context (conditions.ts), and which of those
 * facts hold at a node (propagation.ts), its function's callers included (callers.ts). This is the
 * one entry the rest of the analysis reads.
 *
 * Platform facts only ever silence reports (rules report where `win32` is possible, and stay
 * silent where the platforms are only those an API exists on), so a narrower fact can only remove
 * findings.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import type { Platform } from '../../catalog/platform-apis.js';
import type { ReferenceIndex } from '../references.js';
import { CallerFacts, type ImporterCalls } from './callers.js';
import { ConditionReader, type GuardSettings, type ImportedPlatformFlags } from './conditions.js';
import type { Fact } from './facts.js';
import type { NameMentions } from './name-mentions.js';
import { FactPropagation } from './propagation.js';
import type { StepCounter } from './steps.js';

export type { ImporterCalls } from './callers.js';
export type { GuardSettings, ImportedPlatformFlags } from './conditions.js';

type Node = TSESTree.Node;

let stepsOf: (guards: GuardEvaluator) => number;

export class GuardEvaluator {
  static {
    stepsOf = (guards) => guards.#counter.steps;
  }

  readonly #counter: StepCounter = { steps: 0 };
  readonly #conditions: ConditionReader;
  readonly #propagation: FactPropagation;
  readonly #callers: CallerFacts;

  constructor(
    sourceCode: Readonly<TSESLint.SourceCode>,
    references: ReferenceIndex,
    settings: GuardSettings,
    importedFlags?: ImportedPlatformFlags,
    /** The platforms the file's path names and its CI runs it on (file-model.ts): the facts of its Program. */
    filePlatforms?: ReadonlySet<Platform>,
    /** Where the file's importers call its exports, when they are known (an application's modules). */
    importerCalls?: ImporterCalls,
  ) {
    this.#conditions = new ConditionReader(sourceCode, references, settings, importedFlags);
    this.#propagation = new FactPropagation(
      sourceCode,
      references,
      this.#conditions,
      (fn) => this.#callers.platformFacts(fn),
      this.#counter,
      filePlatforms,
    );
    this.#callers = new CallerFacts(sourceCode, this.#propagation, this.#counter, (key) => this.#conditions.isPlatformKey(key), importerCalls);
  }

  /** Every fact that holds when `node` runs, from its enclosing conditions, earlier exits and callers. */
  factsAt(node: Node): readonly Fact[] {
    return this.#propagation.factsAt(node);
  }

  /** The platforms every fact at `node` allows: `possiblePlatforms(factsAt(node))`, known without a scan. */
  platformsAt(node: Node): ReadonlySet<Platform> {
    return this.#propagation.platformsAt(node);
  }

  /** What `test` proves when it evaluates truthy (`assumed` true) or falsy. */
  conditionFacts(test: Node, assumed: boolean): Fact[] {
    return this.#conditions.conditionFacts(test, assumed);
  }

  /** Where the file mentions each member name and string (name-mentions.ts), indexed on the first question. */
  mentions(): NameMentions {
    return this.#callers.mentions();
  }
}

/** The work the guard analysis has done so far on its file (steps.ts): for tests of its growth. */
export function guardSteps(guards: GuardEvaluator): number {
  return stepsOf(guards);
}
