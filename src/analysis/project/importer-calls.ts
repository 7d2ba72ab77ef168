/**
 * Where the modules of an application call a file's exports. Only the project's own modules import
 * an application's (a `private` package, a VS Code extension), or a published package's module that
 * its `exports` does not expose, so an exported function called only under `process.platform !==
 * 'win32'` in every module that imports it runs only off Windows.
 *
 * The importers are the package's files that import the file statically (package-importers.ts),
 * when no file naming it may load it otherwise. Each is parsed like the linted file and read through
 * the same analysis (its guard facts at each read of an imported name), once per importer and file.
 * A read counts when it is a call: `run()` of `import { run }` or `const { run } = require()`,
 * `tools.run()` of a namespace, default import or `require()` value, `require('./x').run()`. Any
 * other read of a name (passed as a value, exported again) leaves that name unknown; a module value
 * read otherwise, `export * from`, more importers than package-importers.ts reads, an importer that
 * does not parse, or in a workspace a file another package may load (hiddenFromOtherPackages: an entry
 * point of its package, or one a file of another package names) leave them all unknown.
 *
 * An importer's own analysis reads its own file only (summary-store.ts, isInspecting): a call inside
 * one of its exported functions counts with that file's facts, and nothing is chased further.
 */
import path from 'node:path';

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import type { Platform } from '../catalog/platform-apis.js';
import type { GuardEvaluator, ImporterCalls } from '../file/guards/guards.js';
import { memberName, stringValue } from '../syntax/ast.js';
import { writeCount } from '../syntax/scope.js';
import { DerivedCache, readText } from './fs-cache.js';
import { resolveModule } from './module-resolution.js';
import { isApplicationPackage, nearestManifest, type PackageManifest } from './package-manifest.js';
import { isEntryPoint } from './packed-files.js';
import { hiddenFromOtherPackages, onlyStaticImporters, requireCalls } from './package-importers.js';
import { configurationKey, inspectModule, type AnalysisContext, type LintEnvironment } from './summary-store.js';

type Node = TSESTree.Node;

/** What an importer's analysis gives: its tree and the platforms at a node. */
export interface ImporterAnalysis {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly guards: Pick<GuardEvaluator, 'platformsAt'>;
}

/** Export name → the platforms at its calls in one importer; null for a name read otherwise. */
type CallTable = ReadonlyMap<string, ReadonlySet<Platform> | null>;

/** The key of a table whose every name is unknown. */
const EVERY = '*';
const MAX_TEXT_BYTES = 512 * 1024;

/** Configuration, importer and file → the importer's calls of the file's exports; null when it does not parse. */
const tables = new DerivedCache<CallTable | null>();
/** Configuration, file and export → the platforms its importers call it on; null when not known. */
const answers = new DerivedCache<ReadonlySet<Platform> | null>();

/** The calls of `file`'s exports in its package's modules, for a file only they can import. */
export function importerCalls(file: string, environment: LintEnvironment, analyze: (context: AnalysisContext) => ImporterAnalysis): ImporterCalls | undefined {
  const manifest = path.isAbsolute(file) ? nearestManifest(file) : undefined;
  if (!manifest || !(isApplicationPackage(manifest) || isEncapsulated(file, manifest)) || !hiddenFromOtherPackages(file, manifest)) return undefined;
  const { folder } = manifest;
  return {
    platformsOf: (name) => answers.get(`${configurationKey(environment)}\0${file}\0${name}`, () => platformsOf(file, folder, name, environment, analyze)) ?? undefined,
  };
}

/**
 * Whether no one outside the package can import `file`: its package.json has `exports`, which is
 * all that importers may load, and no entry point of it names the file or a file built from it.
 */
function isEncapsulated(file: string, manifest: PackageManifest): boolean {
  return manifest.known && manifest.exports !== undefined && manifest.exports !== null && !isEntryPoint(file, manifest);
}

function platformsOf(file: string, folder: string, name: string, environment: LintEnvironment, analyze: (context: AnalysisContext) => ImporterAnalysis): ReadonlySet<Platform> | null {
  const importers = onlyStaticImporters(file, folder, environment);
  if (!importers) return null;
  const platforms = new Set<Platform>();
  let called = false;
  for (const importer of importers) {
    const table = tables.get(`${configurationKey(environment)}\0${importer}\0${file}`, () =>
      inspectModule(importer, readText(importer, MAX_TEXT_BYTES) ?? '', environment, (context) => callTable(analyze(context), importer, file), null),
    );
    if (!table || table.has(EVERY)) return null;
    const found = table.get(name);
    if (found === null) return null;
    if (found) called = true;
    for (const platform of found ?? []) platforms.add(platform);
  }
  // No call anywhere: its callers are not known (a host may call an export by name).
  return called ? platforms : null;
}

/** The importer's calls of `file`'s exports, by export name. */
function callTable(analysis: ImporterAnalysis, importer: string, file: string): CallTable {
  const { sourceCode, guards } = analysis;
  const table = new Map<string, Set<Platform> | null>();
  const names = (specifier: string) => resolveModule(importer, specifier) === file;
  const unknown = (name: string) => table.set(name, null);
  const call = (name: string, node: Node) => {
    const isCall = node.parent?.type === 'CallExpression' && node.parent.callee === node;
    if (!isCall) return unknown(name);
    const known = table.get(name);
    if (known === null) return table;
    const platforms = known ?? new Set<Platform>();
    for (const platform of guards.platformsAt(node)) platforms.add(platform);
    return table.set(name, platforms);
  };
  // `tools.run()` of a module value; `tools()` is its default export.
  const moduleRead = (node: Node) => {
    const member = node.parent?.type === 'MemberExpression' && node.parent.object === node && !node.parent.computed ? node.parent : undefined;
    const name = member && memberName(member);
    if (member && name !== undefined) call(name, member);
    else if (node.parent?.type === 'CallExpression' && node.parent.callee === node) call('default', node);
    else unknown(EVERY);
  };
  // Every read of a binding, which must not be written again.
  const reads = (variable: TSESLint.Scope.Variable | undefined, read: (identifier: Node) => unknown) => {
    if (!variable || writeCount(variable) > 1) return unknown(EVERY);
    for (const reference of variable.references) if (reference.isRead()) read(reference.identifier);
    return table;
  };
  const declared = (declaring: Node, identifier: Node) => sourceCode.getDeclaredVariables(declaring).find((variable) => variable.identifiers.includes(identifier as TSESTree.Identifier));
  for (const statement of sourceCode.ast.body) {
    if (statement.type === 'ImportDeclaration' && statement.importKind !== 'type' && names(statement.source.value)) {
      for (const specifier of statement.specifiers) {
        if (specifier.type === 'ImportSpecifier') {
          const name = specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
          if (specifier.importKind !== 'type') reads(declared(specifier, specifier.local), (identifier) => call(name, identifier));
        } else {
          reads(declared(specifier, specifier.local), moduleRead);
        }
      }
    } else if ((statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportAllDeclaration') && statement.source && names(statement.source.value)) {
      // Exported again: its callers are the importer's importers.
      unknown(EVERY);
    }
  }
  for (const { call, specifier } of requireCalls(sourceCode)) if (specifier !== undefined && names(specifier)) requireRead(call);
  return table;

  function requireRead(required: TSESTree.CallExpression): void {
    const holder = required.parent;
    if (holder?.type === 'ExpressionStatement') return;
    if (holder?.type !== 'VariableDeclarator' || holder.init !== required) {
      moduleRead(required);
      return;
    }
    if (holder.id.type === 'Identifier') {
      reads(declared(holder, holder.id), moduleRead);
      return;
    }
    // `const { run, stop: halt } = require('./x')`; a rest element or a nested pattern is not followed.
    if (holder.id.type !== 'ObjectPattern') return void unknown(EVERY);
    for (const property of holder.id.properties) {
      const key = property.type === 'Property' && !property.computed ? (property.key.type === 'Identifier' ? property.key.name : stringValue(property.key)) : undefined;
      if (property.type !== 'Property' || key === undefined || property.value.type !== 'Identifier') return void unknown(EVERY);
      reads(declared(holder, property.value), (identifier) => call(key, identifier));
    }
  }
}
