/**
 * Whether a file runs as an ES module or as CommonJS, which decides how a suggestion names the
 * module's location: `import.meta.url` does not exist in CommonJS, and `__dirname` does not exist in
 * an ES module (TypeScript reports it in an ESM file too).
 */
import type { TSESLint } from '@typescript-eslint/utils';

export type ModuleSystem = 'esm' | 'cjs';

const COMMONJS_GLOBALS = new Set(['require', 'module', 'exports', '__dirname', '__filename']);

/**
 * `.cjs`/`.cts` and `.mjs`/`.mts` say it; otherwise a file parsed as a script is CommonJS, and a
 * file parsed as a module is ESM when it has import/export syntax, CommonJS when it uses the
 * CommonJS globals instead (`require()` in a `.js` or `.ts` file), and ESM otherwise.
 */
export function moduleSystemOf(sourceCode: Readonly<TSESLint.SourceCode>, filename: string): ModuleSystem {
  if (/\.c[jt]s$/i.test(filename)) return 'cjs';
  if (/\.m[jt]s$/i.test(filename)) return 'esm';
  const { ast } = sourceCode;
  if (ast.sourceType !== 'module') return 'cjs';
  for (const statement of ast.body) {
    switch (statement.type) {
      case 'ImportDeclaration':
        // Type-only imports are erased: a CommonJS TypeScript file may have them.
        if (statement.importKind === 'type') break;
        return 'esm';
      case 'ExportAllDeclaration':
      case 'ExportDefaultDeclaration':
      case 'ExportNamedDeclaration':
        return 'esm';
      // `import x = require()` and `export =` are TypeScript's CommonJS forms.
      case 'TSImportEqualsDeclaration':
      case 'TSExportAssignment':
        return 'cjs';
      default:
        break;
    }
  }
  const through = sourceCode.scopeManager?.globalScope?.through ?? [];
  return through.some((reference) => COMMONJS_GLOBALS.has(reference.identifier.name)) ? 'cjs' : 'esm';
}
