/**
 * The packages of a workspace by name, as npm, yarn and pnpm find them: the folders the root's
 * package.json `workspaces` patterns (or pnpm-workspace.yaml's `packages` list) name, each with a
 * package.json of its own. A workspace package imported by name is the project's code even where
 * nothing is installed, so resolution falls back to this when `node_modules` has no link for it.
 *
 * Patterns are expanded folder by folder from cached listings (a literal segment, a segment with
 * `*`, `**` a few folders deep; `!` patterns exclude), never into `node_modules` or hidden folders,
 * and within a fixed number of folders, in listing order: a package past them is unresolved, as
 * anything unresolved is.
 */
import path from 'node:path';

import { compileGlob, type GlobMatcher } from '../../util/glob.js';
import { DerivedCache, listFolder, readText } from './fs-cache.js';
import { manifestOf, nearestManifest, workspaceRootOf } from './package-manifest.js';

const MAX_FOLDERS = 2000;
const MAX_GLOBSTAR_DEPTH = 4;
const MAX_YAML_BYTES = 256 * 1024;

/** Workspace root folder → its packages' folders by package name. */
const workspaces = new DerivedCache<ReadonlyMap<string, string>>();

/** The folder of the workspace package named `name` in the workspace `fromFile` belongs to. */
export function workspacePackageFolder(fromFile: string, name: string): string | undefined {
  const manifest = nearestManifest(fromFile);
  const root = manifest && workspaceRootOf(manifest);
  return root && workspaces.get(root.folder, () => packagesByName(root.folder, root.workspaces ?? pnpmPackages(root.folder))).get(name);
}

function packagesByName(root: string, patterns: readonly string[]): ReadonlyMap<string, string> {
  const byName = new Map<string, string>();
  const excluded = patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => compileGlob(pattern.slice(1)));
  const budget = { folders: MAX_FOLDERS };
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) continue;
    const segments = pattern.replace(/^(?:\.\/)+/, '').split('/').filter((segment) => segment !== '');
    for (const folder of expand(root, segments, 0, 0, budget)) {
      const relative = path.relative(root, folder).split(path.sep).join('/');
      const name = manifestOf(folder)?.name;
      // The first package of a name wins, as a package manager refuses duplicates anyway.
      if (name !== undefined && !byName.has(name) && !excluded.some((glob) => glob.test(relative))) byName.set(name, folder);
    }
  }
  return byName;
}

/** The folders under `folder` that `segments[index…]` match. */
function expand(folder: string, segments: readonly string[], index: number, globstarDepth: number, budget: { folders: number }): string[] {
  if (index === segments.length) return [folder];
  budget.folders -= 1;
  if (budget.folders <= 0) return [];
  const segment = segments[index]!;
  if (segment === '.' || segment === '..') return [];
  const listing = listFolder(folder);
  const children = [...listing.folders, ...listing.links].filter((name) => !name.startsWith('.') && name !== 'node_modules');
  if (segment === '**') {
    const here = expand(folder, segments, index + 1, globstarDepth, budget);
    if (globstarDepth >= MAX_GLOBSTAR_DEPTH) return here;
    return [...here, ...children.flatMap((child) => expand(path.join(folder, child), segments, index, globstarDepth + 1, budget))];
  }
  const matches: GlobMatcher | undefined = /[*?{]/.test(segment) ? compileGlob(segment) : undefined;
  const chosen = matches ? children.filter((child) => matches.test(child)) : children.filter((child) => child === segment);
  return chosen.flatMap((child) => expand(path.join(folder, child), segments, index + 1, globstarDepth, budget));
}

/** The `packages:` list of a pnpm-workspace.yaml, one `- pattern` a line; none when it is absent or written otherwise. */
function pnpmPackages(root: string): string[] {
  const text = readText(path.join(root, 'pnpm-workspace.yaml'), MAX_YAML_BYTES);
  const lines = text?.split(/\r?\n/) ?? [];
  const start = lines.findIndex((line) => /^packages:\s*(?:#.*)?$/.test(line));
  if (start === -1) return [];
  const patterns: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\s*(?:#.*)?$/.test(line)) continue;
    const item = /^\s+-\s+(['"]?)([^'"#]+?)\1\s*(?:#.*)?$/.exec(line);
    if (!item) break;
    patterns.push(item[2]!);
  }
  return patterns;
}
