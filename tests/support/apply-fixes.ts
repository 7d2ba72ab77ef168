/** Applies the edits a fix helper returns to the snippet's text, as ESLint applies one suggestion. */
import type { TSESLint } from '@typescript-eslint/utils';

type Range = readonly [number, number];

/** A fixer recording each edit as a range and its replacement text. */
const recordingFixer = {
  insertTextAfter: (node: { range: Range }, text: string) => ({ range: [node.range[1], node.range[1]], text }),
  insertTextAfterRange: (range: Range, text: string) => ({ range: [range[1], range[1]], text }),
  insertTextBefore: (node: { range: Range }, text: string) => ({ range: [node.range[0], node.range[0]], text }),
  insertTextBeforeRange: (range: Range, text: string) => ({ range: [range[0], range[0]], text }),
  replaceText: (node: { range: Range }, text: string) => ({ range: node.range, text }),
  replaceTextRange: (range: Range, text: string) => ({ range, text }),
  remove: (node: { range: Range }) => ({ range: node.range, text: '' }),
  removeRange: (range: Range) => ({ range, text: '' }),
} as unknown as TSESLint.RuleFixer;

/** The text after the edits of `apply`; edits must not overlap. */
export function applyFixes(text: string, apply: (fixer: TSESLint.RuleFixer) => readonly TSESLint.RuleFix[]): string {
  const edits = [...apply(recordingFixer)].sort((a, b) => b.range[0] - a.range[0]);
  return edits.reduce((result, edit) => result.slice(0, edit.range[0]) + edit.text + result.slice(edit.range[1]), text);
}
