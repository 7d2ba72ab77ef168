/**
 * The modules a file loads, with how (`import` or `require`) and whether while the file itself
 * loads: static `import` and `export … from` (TypeScript's type-only and elided ones left out),
 * `require()` of the module's own `require` (not a local binding of that name), and `import()`. Only
 * specifiers the file spells as a constant string count: anything else is unknown and left out.
 */
import type { TSESTree } from '@typescript-eslint/utils';

import type { FileAnalysis } from '../contract/file-analysis.js';
import type { LoadKind } from '../project/module-resolution.js';
import { stringValue } from '../syntax/ast.js';
import { globalReferences } from '../syntax/scope.js';
import { dynamicImports } from '../file/references.js';
import { isTypeScriptFile } from '../../util/source-text.js';

type Node = TSESTree.Node;

export interface ModuleLoadSite {
  readonly node: TSESTree.ImportDeclaration | TSESTree.ExportAllDeclaration | TSESTree.ExportNamedDeclaration | TSESTree.CallExpression | TSESTree.ImportExpression;
  readonly specifier: string;
  readonly kind: LoadKind;
  /** Whether it loads while the file loads (a static import always does). */
  readonly atLoad: boolean;
}

export function moduleLoads(analysis: FileAnalysis, filename: string): ModuleLoadSite[] {
  const { sourceCode } = analysis;
  const typeScript = isTypeScriptFile(filename);
  const loads: ModuleLoadSite[] = [];
  for (const statement of sourceCode.ast.body) {
    if (statement.type === 'ImportDeclaration' && !(typeScript && isElided(analysis, statement))) {
      loads.push({ node: statement, specifier: statement.source.value, kind: 'import', atLoad: true });
    } else if ((statement.type === 'ExportAllDeclaration' || statement.type === 'ExportNamedDeclaration') && statement.source && statement.exportKind !== 'type') {
      loads.push({ node: statement, specifier: statement.source.value, kind: 'import', atLoad: true });
    }
  }
  // A text without either word has no dynamic load to look for.
  if (!/\b(?:require|import)\s*\(/.test(sourceCode.text)) return loads;
  // Found through the scope manager and the tokens, not by walking the tree a second time: the
  // module system's `require` (a `require` the file declares itself is not it), then `import()`.
  for (const identifier of globalReferences(sourceCode, ['require']).get('require') ?? []) {
    const load = requireLoad(analysis, identifier);
    if (load) loads.push(load);
  }
  for (const node of dynamicImports(sourceCode)) {
    const specifier = stringValue(node.source);
    if (specifier !== undefined) loads.push({ node, specifier, kind: 'import', atLoad: atLoad(analysis, node) });
  }
  return loads.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

/** `require('x')` where `identifier` is the callee. */
function requireLoad(analysis: FileAnalysis, identifier: TSESTree.Identifier): ModuleLoadSite | undefined {
  const call = identifier.parent;
  if (call.type !== 'CallExpression' || call.callee !== identifier || call.arguments.length !== 1) return undefined;
  const [argument] = call.arguments;
  const specifier = argument && stringValue(argument);
  return specifier === undefined ? undefined : { node: call, specifier, kind: 'require', atLoad: atLoad(analysis, call) };
}

function atLoad(analysis: FileAnalysis, node: Node): boolean {
  return analysis.execution.executionOf(node).when === 'module-load';
}

/**
 * Whether TypeScript drops an import when it compiles: `import type`, or names that are all
 * type-only or used only as types (an import with no names, `import 'x'`, is always kept).
 */
function isElided(analysis: FileAnalysis, declaration: TSESTree.ImportDeclaration): boolean {
  if (declaration.importKind === 'type') return true;
  if (declaration.specifiers.length === 0) return false;
  return declaration.specifiers.every((specifier) => {
    if (specifier.type === 'ImportSpecifier' && specifier.importKind === 'type') return true;
    const [variable] = analysis.sourceCode.getDeclaredVariables(specifier);
    return variable !== undefined && variable.references.every((reference) => 'isValueReference' in reference && !reference.isValueReference);
  });
}
