/** Source-text helpers for suggestions: indentation and re-indenting moved code. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/** The whitespace before the first token on the node's line. */
export function indentationOf(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  return /^\s*/.exec(line)?.[0] ?? '';
}

/** Adds `extra` after every line break of `text` (the first line is placed by the caller). */
export function indentFollowingLines(text: string, extra: string): string {
  return text.replace(/\n(?=[^\n])/g, `\n${extra}`);
}

/** The node's text with the given leading indentation removed from its following lines. */
export function dedentedText(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node, indent: string): string {
  const text = sourceCode.getText(node);
  if (!indent) return text;
  return text.split('\n').map((line, index) => (index > 0 && line.startsWith(indent) ? line.slice(indent.length) : line)).join('\n');
}

export function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Whether the file is TypeScript (suggestions then need types that check). */
export function isTypeScriptFile(filename: string): boolean {
  return /\.[cm]?tsx?$/i.test(filename);
}

/**
 * `InstanceType<typeof Worker>` for `new Worker(…)` whose callee is a plain (dotted) name and that
 * has no type arguments: a type that checks without type information. Undefined otherwise.
 */
export function instanceTypeText(sourceCode: Readonly<TSESLint.SourceCode>, value: TSESTree.Node): string | undefined {
  if (value.type !== 'NewExpression' || value.typeArguments || !isStaticReference(value.callee)) return undefined;
  return `InstanceType<typeof ${sourceCode.getText(value.callee)}>`;
}

function isStaticReference(node: TSESTree.Node): boolean {
  if (node.type === 'Identifier') return true;
  return node.type === 'MemberExpression' && !node.computed && !node.optional && isStaticReference(node.object);
}
