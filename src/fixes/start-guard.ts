/**
 * The guard that tells parent from child for each self-spawn mechanism (docs/ARCHITECTURE.md, "Start contexts"), as advice
 * text (the end of a message; an argv/env marker for `fork()` is on the doc page) and as a suggestion that wraps a statement in it.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { moduleMember, type MemberAccess } from './module-member.js';
import { indentationOf, indentFollowingLines } from '../util/source-text.js';
import type { FileAnalysis, SelfSpawnMechanism } from '../analysis/index.js';

export interface GuardFix {
  readonly guard: string;
  readonly apply: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];
}

/** The condition text (and edits it needs) that is true only in the parent. */
export function parentGuard(
  analysis: FileAnalysis,
  mechanism: SelfSpawnMechanism,
  at: TSESTree.Node,
): MemberAccess | undefined {
  switch (mechanism) {
    case 'thread':
      return moduleMember(analysis, 'worker_threads', 'isMainThread', at);
    case 'cluster':
      return moduleMember(analysis, 'cluster', 'isPrimary', at);
    case 'fork':
      return { text: 'process.send === undefined', fixes: () => [] };
  }
}

/**
 * Wraps the expression statement holding `node` in `if (<guard>) { … }`. Only expression
 * statements are wrapped: wrapping a declaration would hide its binding from later code.
 */
export function wrapInGuardFix(
  analysis: FileAnalysis,
  mechanism: SelfSpawnMechanism,
  node: TSESTree.Node,
): GuardFix | undefined {
  const statement = enclosingExpressionStatement(node);
  if (!statement) return undefined;
  const guard = parentGuard(analysis, mechanism, statement);
  if (!guard) return undefined;
  const { sourceCode } = analysis;
  const indent = indentationOf(sourceCode, statement);
  const body = indentFollowingLines(sourceCode.getText(statement), '  ');
  return {
    guard: guard.text,
    apply: (fixer) => [
      ...guard.fixes(fixer),
      fixer.replaceText(statement, `if (${guard.text}) {\n${indent}  ${body}\n${indent}}`),
    ],
  };
}

function enclosingExpressionStatement(node: TSESTree.Node): TSESTree.ExpressionStatement | undefined {
  // Functions on the way up run at load (IIFEs, synchronous callbacks), so their caller's statement is wrapped.
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    if (current.type === 'ExpressionStatement') {
      const parent = current.parent;
      const inList = parent.type === 'Program' || parent.type === 'BlockStatement' || parent.type === 'StaticBlock' || parent.type === 'SwitchCase';
      return inList ? current : undefined;
    }
    if (current.type.endsWith('Statement') || current.type.endsWith('Declaration')) return undefined;
  }
  return undefined;
}
