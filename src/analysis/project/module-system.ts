/**
 * Whether a file runs as an ES module or as CommonJS, which decides how a suggestion names the
 * module's location: `import.meta.url` does not exist in CommonJS (TS1470 in a `.ts` file that
 * compiles to CommonJS), and `__dirname` does not exist in an ES module.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import type { PackageManifest } from './package-manifest.js';

export type ModuleSystem = 'esm' | 'cjs';

const COMMONJS_GLOBALS = new Set(['require', 'module', 'exports', '__dirname', '__filename']);

/**
 * The extension first (`.cjs`/`.cts`, `.mjs`/`.mts`), then the nearest package.json `type`, as Node
 * and TypeScript's `module: nodenext` decide it:
 * - `"type": "module"`: ESM;
 * - `"type": "commonjs"`, and a `.ts`/`.tsx` file without a type: CommonJS (its imports compile to
 *   `require()`);
 * - a `.js` file without a type: CommonJS, unless it has import/export syntax (Node then detects
 *   it as ESM);
 * - with no package.json or an unreadable one, the file's syntax decides (`syntaxModuleSystem`).
 */
export function moduleSystemOf(
  sourceCode: Readonly<TSESLint.SourceCode>,
  filename: string,
  manifest: PackageManifest | undefined,
): ModuleSystem {
  if (/\.c[jt]s$/i.test(filename)) return 'cjs';
  if (/\.m[jt]s$/i.test(filename)) return 'esm';
  if (!manifest?.known) return syntaxModuleSystem(sourceCode);
  if (manifest.type === 'module') return 'esm';
  if (manifest.type === 'commonjs' || /\.tsx?$/i.test(filename)) return 'cjs';
  return hasModuleSyntax(sourceCode) ? 'esm' : 'cjs';
}

function hasModuleSyntax(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return sourceCode.ast.sourceType === 'module' && sourceCode.ast.body.some((statement) => moduleSyntaxOf(statement) === 'esm');
}

/** The module system a statement's syntax implies, if any. */
function moduleSyntaxOf(statement: TSESTree.ProgramStatement): ModuleSystem | undefined {
  switch (statement.type) {
    case 'ImportDeclaration':
      // Type-only imports are erased: a CommonJS TypeScript file may have them.
      return statement.importKind === 'type' ? undefined : 'esm';
    case 'ExportAllDeclaration':
    case 'ExportDefaultDeclaration':
    case 'ExportNamedDeclaration':
      return 'esm';
    // `import x = require()` and `export =` are TypeScript's CommonJS forms.
    case 'TSImportEqualsDeclaration':
    case 'TSExportAssignment':
      return 'cjs';
    default:
      return undefined;
  }
}

/**
 * With nothing else to go on: a file parsed as a script is CommonJS, and a file parsed as a module
 * is ESM when it has import/export syntax, CommonJS when it uses the CommonJS globals instead
 * (`require()` in a `.js` or `.ts` file), and ESM otherwise.
 */
function syntaxModuleSystem(sourceCode: Readonly<TSESLint.SourceCode>): ModuleSystem {
  const { ast } = sourceCode;
  if (ast.sourceType !== 'module') return 'cjs';
  for (const statement of ast.body) {
    const system = moduleSyntaxOf(statement);
    if (system) return system;
  }
  const through = sourceCode.scopeManager?.globalScope?.through ?? [];
  return through.some((reference) => COMMONJS_GLOBALS.has(reference.identifier.name)) ? 'cjs' : 'esm';
}
