/**
 * The modules of a package that import one of its files statically (`import`, `export … from`,
 * `require()` of the global `require`): a module they import runs for them, so what its top level
 * starts is theirs to pay for. Looked for among the package's source files (source-files.ts) whose
 * text names the file, at most MAX_IMPORTERS of them parsed; more than that, and the importers are
 * not known. A file that does not parse imports nothing here.
 */
import path from 'node:path';

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { stringValue } from '../syntax/ast.js';
import { globalReferences } from '../syntax/scope.js';
import { DerivedCache, readText } from './fs-cache.js';
import { resolveModule } from './module-resolution.js';
import { sourceFiles } from './source-files.js';
import { inspectModule, parserName, type LintEnvironment } from './summary-store.js';

/** Files that name one module, parsed to look for an import of it. */
const MAX_IMPORTERS = 8;
const MAX_TEXT_BYTES = 512 * 1024;

/** File and parser → the source files of its package that import it; null when not known. */
const importers = new DerivedCache<readonly string[] | null>();

/** The source files under `folder` (its package's) that import `file` statically; undefined when more than MAX_IMPORTERS name it. */
export function packageImporters(file: string, folder: string, environment: LintEnvironment): readonly string[] | undefined {
  const found = importers.get(`${file}\0${folder}\0${parserName(environment)}`, () => {
    const base = path.basename(file);
    const stem = base.slice(0, base.length - path.extname(base).length) || base;
    const naming = sourceFiles(folder).filter((other) => other !== file && readText(other, MAX_TEXT_BYTES)?.includes(stem));
    if (naming.length > MAX_IMPORTERS) return null;
    return naming.filter((importer) =>
      inspectModule(importer, readText(importer, MAX_TEXT_BYTES) ?? '', environment, ({ sourceCode }) => staticSources(sourceCode).some((source) => resolveModule(importer, source) === file), false),
    );
  });
  return found ?? undefined;
}

/** Whether a source file under `folder` is proven to import `file` statically. */
export function isImportedIn(file: string, folder: string, environment: LintEnvironment): boolean {
  return (packageImporters(file, folder, environment)?.length ?? 0) > 0;
}

/**
 * The specifiers a module imports statically: `import`, `export … from`, and `require('x')` of the
 * global `require`; not TypeScript's `import type` or `export type … from`, which load nothing.
 */
function staticSources(sourceCode: Readonly<TSESLint.SourceCode>): string[] {
  const sources: string[] = [];
  for (const statement of sourceCode.ast.body) {
    const source = loadedSource(statement);
    if (source !== undefined) sources.push(source);
  }
  // the module system's `require`, found through the scope manager rather than a walk of the tree
  for (const identifier of globalReferences(sourceCode, ['require']).get('require') ?? []) {
    const call = identifier.parent;
    const [first] = call.type === 'CallExpression' && call.callee === identifier ? call.arguments : [];
    const source = first ? stringValue(first) : undefined;
    if (source !== undefined) sources.push(source);
  }
  return sources;
}

function loadedSource(statement: TSESTree.ProgramStatement): string | undefined {
  switch (statement.type) {
    case 'ImportDeclaration':
      return statement.importKind === 'type' ? undefined : statement.source.value;
    case 'ExportAllDeclaration':
    case 'ExportNamedDeclaration':
      return statement.exportKind === 'type' ? undefined : statement.source?.value;
    default:
      return undefined;
  }
}
