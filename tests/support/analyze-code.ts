/** Runs the analysis layer on a snippet through the real ESLint Linter, for unit tests. */
import type { TSESTree } from '@typescript-eslint/utils';
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

import { walk } from '../../src/analysis/syntax/ast.js';
import { analyze, type FileAnalysis } from '../../src/analysis/index.js';
import { ALL_FILES, FILENAMES, languageOptionsFor, type Language } from './languages.js';

export function analyzeCode(
  code: string,
  language: Language = 'esm',
  settings: Record<string, unknown> = {},
  filename: string = FILENAMES[language],
  /** The folder the lint runs from: a project written to a temp folder lints from its own. */
  cwd?: string,
): FileAnalysis {
  let result: FileAnalysis | undefined;
  const plugin = {
    rules: {
      capture: {
        create(context: Parameters<typeof analyze>[0]) {
          return {
            Program() {
              result = analyze(context);
            },
          };
        },
      },
    },
  };
  const languageOptions = languageOptionsFor(language);
  if (language === 'ts' || language === 'cts') languageOptions.parser = tsParser;
  const messages = new Linter(cwd === undefined ? {} : { cwd }).verify(
    code,
    // The capture rule's context is typed by typescript-eslint; ESLint's plugin type is looser.
    [{ files: ALL_FILES, plugins: { test: plugin as never }, rules: { 'test/capture': 'error' }, languageOptions, settings }],
    filename,
  );
  const fatal = messages.find((message) => message.ruleId === null);
  if (fatal) throw new Error(fatal.message);
  if (!result) throw new Error('the analysis did not run');
  return result;
}

/** Every node of the file, depth first. */
export function allNodes(analysis: FileAnalysis): TSESTree.Node[] {
  const nodes: TSESTree.Node[] = [];
  walk(analysis.sourceCode.ast, analysis.sourceCode.visitorKeys, (node) => {
    nodes.push(node);
  });
  return nodes;
}

/** The first node whose source text is exactly `text` (and of `type`, when given). */
export function nodeByText(analysis: FileAnalysis, text: string, type?: string): TSESTree.Node {
  const found = allNodes(analysis).find(
    (node) => (type === undefined || node.type === type) && analysis.sourceCode.getText(node) === text,
  );
  if (!found) throw new Error(`no node with text ${text}`);
  return found;
}
