/**
 * Named imports of POSIX-only `process` members. On Windows the member does not exist, so
 * `import { getuid } from 'node:process'` is a SyntaxError when the module is linked: no guard or
 * try/catch in the module can catch it. `export { getuid } from 'node:process'` links the same way.
 * A module that runs as CommonJS (a TypeScript file compiled to it, module-system.ts) turns the import
 * into a property read, undefined on Windows: its calls are what fail, and the call questions judge them.
 */
import type { TSESTree } from '@typescript-eslint/utils';

import { POSIX_PROCESS_MEMBERS, stripNodePrefix } from '../catalog/platform-apis.js';
import type { FileAnalysis } from '../contract/file-analysis.js';
import type { PlatformProblem } from './platform.js';

/** At the `ImportSpecifier` or `ExportSpecifier`; `name` is the member. */
export function posixImportProblems(analysis: FileAnalysis): PlatformProblem[] {
  const problems: PlatformProblem[] = [];
  if (analysis.fileModel.moduleSystem === 'cjs') return problems;
  for (const load of analysis.references.loads) {
    const declaration = load.node;
    if (load.module !== 'process' || declaration.type !== 'ImportDeclaration') continue;
    for (const specifier of declaration.specifiers) {
      if (specifier.type !== 'ImportSpecifier' || specifier.importKind === 'type') continue;
      const name = exportName(specifier.imported);
      if (POSIX_PROCESS_MEMBERS.has(name)) problems.push({ node: specifier, kind: 'posixImport', name });
    }
  }
  for (const statement of analysis.sourceCode.ast.body) {
    if (statement.type !== 'ExportNamedDeclaration' || !statement.source || statement.exportKind === 'type') continue;
    if (stripNodePrefix(statement.source.value) !== 'process') continue;
    for (const specifier of statement.specifiers) {
      const name = exportName(specifier.local);
      if (specifier.exportKind !== 'type' && POSIX_PROCESS_MEMBERS.has(name)) problems.push({ node: specifier, kind: 'posixImport', name });
    }
  }
  return problems;
}

function exportName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === 'Identifier' ? node.name : node.value;
}
