/**
 * Tools' configuration files: a file a package script passes to a tool (`webpack --config
 * ./configs/dev.ts`, resolved from the script's package folder), or a tool's documented default
 * configuration in the folder of a package that depends on the tool, itself or through the root
 * of its workspace (catalog/tool-configs.ts). The tool loads it to run, so its top level runs when
 * the user runs the tool, as asked.
 *
 * It stays a module for its importers: a configuration that another source file of its package
 * imports (package-importers.ts) is not one here, since that importer did not ask. More files
 * naming it than are parsed, or none that parses, prove no importer.
 *
 * A module that only configurations import, directly or through such modules (at most
 * MAX_PART_HOPS imports away: `forge.config.ts` importing `webpack.renderer.config.ts`), is part
 * of the configuration and loaded by the same tool. Every importer must be proven: one that is not
 * a configuration or such a part, or importers not known, and the module is a module.
 */
import path from 'node:path';

import { TOOL_DEFAULT_CONFIGS } from '../catalog/tool-configs.js';
import { namingPackage, nearestManifest, workspaceRootOf, type PackageManifest } from './package-manifest.js';
import { isImportedIn, packageImporters } from './package-importers.js';
import type { LintEnvironment } from './summary-store.js';

/** Imports between a configuration and a module that is part of it. */
const MAX_PART_HOPS = 4;

/**
 * The tool that loads `file` as its configuration, when one does and no module of its package
 * imports it, or as part of one (a module only configurations import).
 */
export function toolConfigOf(file: string, nearest: PackageManifest | undefined, environment: LintEnvironment | undefined): string | undefined {
  return loadedConfiguration(file, nearest, environment) ?? (environment && configurationPart(file, nearest, environment, MAX_PART_HOPS));
}

function loadedConfiguration(file: string, nearest: PackageManifest | undefined, environment: LintEnvironment | undefined): string | undefined {
  const scripted = namingPackage(nearest, file, (manifest) => manifest.toolConfigs);
  const tool = scripted ? scriptedTool(scripted, file) : defaultLoading(file, nearest);
  const folder = scripted?.folder ?? nearest?.folder;
  if (tool === undefined || folder === undefined) return undefined;
  return environment && isImportedIn(file, folder, environment) ? undefined : tool;
}

/** The tool of the configurations that import `file`, when every importer is one or part of one, `hops` imports away at most. */
function configurationPart(file: string, nearest: PackageManifest | undefined, environment: LintEnvironment, hops: number): string | undefined {
  const importers = hops > 0 && nearest ? packageImporters(file, nearest.folder, environment) : undefined;
  let tool: string | undefined;
  for (const importer of importers ?? []) {
    const manifest = nearestManifest(importer);
    const loading = loadedConfiguration(importer, manifest, environment) ?? configurationPart(importer, manifest, environment, hops - 1);
    if (loading === undefined) return undefined;
    tool ??= loading;
  }
  return tool;
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
