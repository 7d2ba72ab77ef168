/**
 * Suggestion helper: an expression that reads a member of a module (`isMainThread` of
 * `worker_threads`), reusing the file's existing import or require and extending it when needed.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import type { FileAnalysis } from '../analysis/index.js';
import { lookupName } from '../analysis/scope.js';

export interface MemberAccess {
  /** Source text that evaluates to the member. */
  readonly text: string;
  /** Edits that make `text` valid (an added import specifier, say). */
  readonly fixes: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];
}

/**
 * How to read `module.member` at `at`, or undefined when it cannot be done without guessing (the
 * name is taken by something else).
 */
export function moduleMember(
  analysis: FileAnalysis,
  module: string,
  member: string,
  at: TSESTree.Node,
): MemberAccess | undefined {
  const { sourceCode, references } = analysis;
  const free = isNameFree(sourceCode, at, member);
  const none = (): TSESLint.RuleFix[] => [];
  for (const load of references.loads) {
    if (load.module !== module) continue;
    const declaration = load.node;
    if (declaration.type === 'ImportDeclaration') {
      if (declaration.importKind === 'type') continue;
      for (const specifier of declaration.specifiers) {
        if (specifier.type === 'ImportSpecifier' && importedName(specifier) === member) {
          return { text: specifier.local.name, fixes: none };
        }
        if (specifier.type === 'ImportNamespaceSpecifier' || specifier.type === 'ImportDefaultSpecifier') {
          return { text: `${specifier.local.name}.${member}`, fixes: none };
        }
      }
      const last = declaration.specifiers.at(-1);
      if (last?.type === 'ImportSpecifier' && free) {
        return { text: member, fixes: (fixer) => [fixer.insertTextAfter(last, `, ${member}`)] };
      }
      continue;
    }
    if (declaration.type === 'TSImportEqualsDeclaration') {
      return { text: `${declaration.id.name}.${member}`, fixes: none };
    }
    const declarator = declaration.parent;
    if (declarator?.type !== 'VariableDeclarator' || declarator.init !== declaration) continue;
    if (declarator.id.type === 'Identifier') return { text: `${declarator.id.name}.${member}`, fixes: none };
    if (declarator.id.type === 'ObjectPattern') {
      const existing = declarator.id.properties.find(
        (property): property is TSESTree.Property =>
          property.type === 'Property' && !property.computed && property.key.type === 'Identifier' && property.key.name === member,
      );
      if (existing?.value.type === 'Identifier') return { text: existing.value.name, fixes: none };
      const last = declarator.id.properties.at(-1);
      if (last?.type === 'Property' && free) {
        return { text: member, fixes: (fixer) => [fixer.insertTextAfter(last, `, ${member}`)] };
      }
    }
  }
  if (!free) return undefined;
  if (sourceCode.ast.sourceType === 'module') {
    const imports = sourceCode.ast.body.filter((statement) => statement.type === 'ImportDeclaration');
    const statement = `import { ${member} } from 'node:${module}';`;
    const anchor = imports.at(-1);
    return {
      text: member,
      fixes: (fixer) => [
        anchor
          ? fixer.insertTextAfter(anchor, `\n${statement}`)
          : fixer.insertTextBeforeRange([firstCodeIndex(sourceCode), firstCodeIndex(sourceCode)], `${statement}\n`),
      ],
    };
  }
  return { text: `require('node:${module}').${member}`, fixes: none };
}

function importedName(specifier: TSESTree.ImportSpecifier): string {
  return specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
}

/** Whether `name` can be introduced at module scope without shadowing or being shadowed at `at`. */
export function isNameFree(sourceCode: Readonly<TSESLint.SourceCode>, at: TSESTree.Node, name: string): boolean {
  if (lookupName(sourceCode, at, name)) return false;
  const globalScope = sourceCode.scopeManager?.globalScope;
  return !globalScope?.through.some((reference) => reference.identifier.name === name);
}

/** Start of the first statement: where an import goes in a file that has none. */
function firstCodeIndex(sourceCode: Readonly<TSESLint.SourceCode>): number {
  const first = sourceCode.ast.body[0];
  return first ? first.range[0] : sourceCode.text.length;
}
