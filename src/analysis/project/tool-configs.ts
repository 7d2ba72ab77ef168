/**
 * Tools' configuration files: a file a package script passes to a tool (`webpack --config
 * ./configs/dev.ts`, resolved from the script's package folder), or a tool's documented default
 * configuration in the folder of a package that depends on the tool, itself or through the root
 * of its workspace (catalog/tool-configs.ts). The tool loads it to run, so its top level runs when
 * the user runs the tool, as asked.
 *
 * It stays a module for its importers: a configuration that another source file of its package
 * imports statically (`import`, `export … from`, `require()` of the global `require`) is not one
 * here, since that importer did not ask. Those importers are looked for among the package's
 * source files (source-files.ts) whose text names the configuration, at most MAX_IMPORTERS of
 * them parsed; more, or none that parses, proves no importer.
 */
import path from 'node:path';

import type { TSESLint } from '@typescript-eslint/utils';

import { TOOL_DEFAULT_CONFIGS } from '../catalog/tool-configs.js';
import { stringValue } from '../syntax/ast.js';
import { globalReferences } from '../syntax/scope.js';
import { DerivedCache, readText } from './fs-cache.js';
import { resolveModule } from './module-resolution.js';
import { namingPackage, workspaceRootOf, type PackageManifest } from './package-manifest.js';
import { sourceFiles } from './source-files.js';
import { inspectModule, parserName, type LintEnvironment } from './summary-store.js';

/** Files that name one configuration, parsed to look for an import of it. */
const MAX_IMPORTERS = 8;
const MAX_TEXT_BYTES = 512 * 1024;

/** Configuration file and parser → whether a source file of its package imports it. */
const imported = new DerivedCache<boolean>();

/** The tool that loads `file` as its configuration, when one does and no module of its package imports it. */
export function toolConfigOf(file: string, nearest: PackageManifest | undefined, environment: LintEnvironment | undefined): string | undefined {
  const scripted = namingPackage(nearest, file, (manifest) => manifest.toolConfigs);
  const tool = scripted ? scriptedTool(scripted, file) : defaultLoading(file, nearest);
  const folder = scripted?.folder ?? nearest?.folder;
  if (tool === undefined || folder === undefined) return undefined;
  return environment && importedByPackage(file, folder, environment) ? undefined : tool;
}

function scriptedTool(manifest: PackageManifest, file: string): string | undefined {
  const extension = path.extname(file);
  return (manifest.toolConfigs.get(file) ?? manifest.toolConfigs.get(file.slice(0, file.length - extension.length)))?.[0];
}

/** The tool whose default configuration `file` is, in its package's folder: a tool the package or its workspace root depends on. */
function defaultLoading(file: string, manifest: PackageManifest | undefined): string | undefined {
  if (!manifest) return undefined;
  const relative = path.relative(manifest.folder, file).split(path.sep).join('/');
  const root = workspaceRootOf(manifest);
  const depends = (tool: string) => manifest.dependencies.has(tool) || root?.dependencies.has(tool) === true;
  for (const config of TOOL_DEFAULT_CONFIGS) {
    const tool = config.names.test(relative) ? config.tools.find(depends) : undefined;
    if (tool !== undefined) return tool;
  }
  return undefined;
}

function importedByPackage(file: string, folder: string, environment: LintEnvironment): boolean {
  return imported.get(`${file}\0${parserName(environment)}`, () => {
    const base = path.basename(file);
    const stem = base.slice(0, base.length - path.extname(base).length) || base;
    const naming = sourceFiles(folder).filter((other) => other !== file && readText(other, MAX_TEXT_BYTES)?.includes(stem));
    if (naming.length > MAX_IMPORTERS) return false;
    return naming.some((importer) =>
      inspectModule(importer, readText(importer, MAX_TEXT_BYTES) ?? '', environment, ({ sourceCode }) => staticSources(sourceCode).some((source) => resolveModule(importer, source) === file), false),
    );
  });
}

/** The specifiers a module imports statically: `import`, `export … from`, and `require('x')` of the global `require`. */
function staticSources(sourceCode: Readonly<TSESLint.SourceCode>): string[] {
  const sources: string[] = [];
  for (const statement of sourceCode.ast.body) {
    if ((statement.type === 'ImportDeclaration' || statement.type === 'ExportAllDeclaration' || statement.type === 'ExportNamedDeclaration') && statement.source) {
      sources.push(statement.source.value);
    }
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
