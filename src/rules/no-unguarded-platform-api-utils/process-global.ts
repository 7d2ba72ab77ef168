/**
 * The suggestion for a named import of a POSIX-only `process` member (`import { getuid } from
 * 'node:process'`, which fails to link on Windows): read the member from the `process` global.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { toleratesUndefined } from './optional-call.js';
import { type FileAnalysis, isRef, lookupName } from '../../analysis/index.js';

type Fix = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];

/**
 * Drops the specifier and rewrites every use of its binding to `process.<name>` (calls become
 * `process.<name>?.()`). Undefined when a use cannot be rewritten: a re-export, a `process` that is
 * not the global there, or (TypeScript) a call whose result the code needs as a number.
 */
export function processGlobalFix(
  analysis: FileAnalysis,
  declaration: TSESTree.ImportDeclaration,
  specifier: TSESTree.ImportSpecifier,
  name: string,
  isTypeScript: boolean,
): Fix | undefined {
  const { sourceCode, references } = analysis;
  const variable = sourceCode.getDeclaredVariables(specifier)[0];
  if (!variable) return undefined;
  const member = `process.${name}`;
  const edits: { node: TSESTree.Node; text: string }[] = [];
  for (const reference of variable.references) {
    const identifier = reference.identifier;
    const parent = identifier.parent;
    if (identifier.type !== 'Identifier' || !parent || parent.type === 'ExportSpecifier') return undefined;
    const processVariable = lookupName(sourceCode, identifier, 'process');
    if (processVariable && processVariable.defs.length > 0 && !isRef(references.bindingOf(processVariable), 'process')) {
      return undefined;
    }
    if (parent.type === 'Property' && parent.shorthand && parent.value === identifier) {
      edits.push({ node: parent, text: `${identifier.name}: ${member}` });
    } else if (parent.type === 'CallExpression' && parent.callee === identifier) {
      if (isTypeScript && !parent.optional && !toleratesUndefined(parent)) return undefined;
      edits.push({ node: identifier, text: parent.optional ? member : `${member}?.` });
    } else {
      edits.push({ node: identifier, text: member });
    }
  }
  return (fixer) => [
    removeSpecifier(sourceCode, fixer, declaration, specifier),
    ...edits.map((edit) => fixer.replaceText(edit.node, edit.text)),
  ];
}

function removeSpecifier(
  sourceCode: Readonly<TSESLint.SourceCode>,
  fixer: TSESLint.RuleFixer,
  declaration: TSESTree.ImportDeclaration,
  specifier: TSESTree.ImportSpecifier,
): TSESLint.RuleFix {
  if (declaration.specifiers.length === 1) {
    const end = declaration.range[1];
    return fixer.removeRange([declaration.range[0], sourceCode.text[end] === '\n' ? end + 1 : end]);
  }
  const named = declaration.specifiers.filter((candidate) => candidate.type === 'ImportSpecifier');
  const before = sourceCode.getTokenBefore(specifier);
  const after = sourceCode.getTokenAfter(specifier);
  if (!before || !after) return fixer.remove(specifier);
  if (named.length === 1) {
    // `import process, { getuid } from …`: drop `, { getuid }`.
    const comma = sourceCode.getTokenBefore(before);
    const close = after.value === '}' ? after : sourceCode.getTokenAfter(after);
    if (comma && close) return fixer.removeRange([comma.range[0], close.range[1]]);
  }
  if (after.value === ',') {
    const next = sourceCode.getTokenAfter(after);
    return fixer.removeRange([specifier.range[0], next && next.value !== '}' ? next.range[0] : after.range[1]]);
  }
  return fixer.removeRange([before.range[0], specifier.range[1]]);
}
