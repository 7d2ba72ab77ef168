/** The rule's reports: a platform problem of the analysis in the rule's words, with its one suggestion. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { platformProblemData } from '../shared/platform-problems.js';
import { optionalCallFix } from './optional-call.js';
import { processGlobalFix } from './process-global.js';
import type { FileAnalysis, PlatformProblem, PlatformProblemKind } from '../../analysis/index.js';

type SuggestionIds = 'useOptionalCall' | 'useProcessGlobal';

export type MessageIds = PlatformProblemKind | SuggestionIds;

export interface Report {
  readonly node: TSESTree.Node;
  readonly messageId: PlatformProblemKind;
  readonly data: Record<string, string>;
  readonly suggestion?: {
    readonly messageId: SuggestionIds;
    readonly data?: Record<string, string>;
    readonly fix: TSESLint.ReportFixFunction;
  };
}

export function reportOf(analysis: FileAnalysis, problem: PlatformProblem, filename: string, isTypeScript: boolean): Report {
  const report = { node: problem.node, messageId: problem.kind, data: platformProblemData(problem, filename) };
  const { node } = problem;
  if (problem.kind === 'posixCall' && node.type === 'CallExpression') {
    const fix = optionalCallFix(analysis, node, isTypeScript);
    if (fix) return { ...report, suggestion: { messageId: 'useOptionalCall', fix } };
  }
  if (problem.kind === 'posixImport' && node.type === 'ImportSpecifier' && node.parent.type === 'ImportDeclaration') {
    const name = problem.name ?? '';
    const fix = processGlobalFix(analysis, node.parent, node, name, isTypeScript);
    if (fix) return { ...report, suggestion: { messageId: 'useProcessGlobal', data: { name }, fix } };
  }
  return report;
}
