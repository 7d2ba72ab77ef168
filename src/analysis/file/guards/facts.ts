/**
 * Facts: what holds at a node of one file, as the guard analysis derives them (guards.ts), and the
 * summaries the rules read from a list of them.
 */
import type { TSESTree } from '@typescript-eslint/utils';

import { PLATFORMS, type Platform } from '../../catalog/platform-apis.js';
import { CONTEXT_KINDS, type ContextKind, type EntryCheck } from '../../catalog/start-contexts.js';

type Node = TSESTree.Node;

export type Fact =
  | {
      readonly kind: ContextKind;
      readonly value: boolean;
      readonly test: Node;
      readonly entryCheck?: EntryCheck;
      /** For `marker`: what the parent would set for the child. */
      readonly marker?: 'argv' | 'env' | 'workerData';
    }
  /** The platform is one of these. */
  | { readonly kind: 'platform'; readonly platforms: ReadonlySet<Platform>; readonly test: Node }
  /** The API with this reference key exists (a `typeof`/truthiness/`in` test). */
  | { readonly kind: 'api'; readonly key: string; readonly test: Node }
  /** An exception thrown here is caught (inside a `try` block that has a `catch`). */
  | { readonly kind: 'caught'; readonly test: Node }
  /**
   * A synchronous start of this program, without a shell, exited with status 0 before (its result
   * tested): the program exists and starts here, as it is named.
   */
  | { readonly kind: 'program-ran'; readonly program: string; readonly test: Node };

export type ContextFact = Extract<Fact, { kind: ContextKind }>;

export type PlatformFact = Extract<Fact, { kind: 'platform' }>;

/** The platforms every platform fact allows. */
export function intersectAll(facts: readonly PlatformFact[]): Set<Platform> {
  let result = new Set<Platform>(PLATFORMS);
  for (const fact of facts) result = new Set([...result].filter((platform) => fact.platforms.has(platform)));
  return result;
}


/** The facts about the start context (thread, process, cluster, entry, marker): the kinds the start-context table lists, and no other. */
export function contextFacts(facts: readonly Fact[]): ContextFact[] {
  return facts.filter((fact): fact is ContextFact => CONTEXT_KINDS.has(fact.kind));
}

/**
 * Whether code with these facts runs only in one start context (an entry-point check, a
 * thread/cluster/IPC branch, a `process.argv` switch): an entry point's business, not what every
 * caller or importer runs.
 */
export function isStartContextGuarded(facts: readonly Fact[]): boolean {
  return contextFacts(facts).some((fact) => fact.kind !== 'marker' || fact.marker === 'argv');
}

/** The platforms code at a node can run on. */
export function possiblePlatforms(facts: readonly Fact[]): ReadonlySet<Platform> {
  return intersectAll(facts.filter((fact) => fact.kind === 'platform'));
}

export function provesApi(facts: readonly Fact[], key: string): boolean {
  return facts.some((fact) => fact.kind === 'api' && fact.key === key);
}

/** Whether a start of `program`, without a shell, is proven to have exited with status 0 before. */
export function provesProgramRan(facts: readonly Fact[], program: string): boolean {
  return facts.some((fact) => fact.kind === 'program-ran' && fact.program === program);
}

export function isCaught(facts: readonly Fact[]): boolean {
  return facts.some((fact) => fact.kind === 'caught');
}
