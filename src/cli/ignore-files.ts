/**
 * The `.gitignore` files that apply to the linted paths, as global-ignore config objects: those of
 * each path's folder and its parents up to the repository root (the folder with `.git`; outside a
 * repository, up to the folder linted from or the package folder, whichever is higher: a
 * `.gitignore` above both is someone else's and could hide the project's files), and the nested
 * ones inside the linted folders. Only regular files under a size cap are read: a folder, a FIFO or a link to a device
 * named `.gitignore` is skipped. ESLint 9 has no helper for this, so the few gitignore rules that
 * differ from flat-config patterns are translated here.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import type { Linter } from 'eslint';

import { isFolder, isInside } from './lint-root.js';

/** Folders ESLint never lints into, so their `.gitignore` files cannot matter. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** Larger than any real `.gitignore`; past it a file is not read. */
const MAX_GITIGNORE_BYTES = 1024 * 1024;

/**
 * Dependencies stay unlinted even where a `.gitignore` takes `node_modules` back with `!` (projects
 * that commit their dependencies): this comes after the `.gitignore` configs, so it wins.
 */
const DEPENDENCIES: Linter.Config = { name: 'process-guard-cli/dependencies', ignores: ['**/node_modules/'] };

/**
 * @param targets absolute paths of the files and folders to lint
 * @param root the folder the lint runs from
 */
export function gitignoreConfigs(targets: readonly string[], root: string): Linter.Config[] {
  const files = new Set<string>();
  const brokenLinks: string[] = [];
  for (const target of targets) {
    const folder = isFolder(target) ? target : path.dirname(target);
    const top = ancestorWith(folder, '.git') ?? highest(folder, [root, ancestorWith(folder, 'package.json')]);
    for (let dir = folder; ; dir = path.dirname(dir)) {
      files.add(path.join(dir, '.gitignore'));
      if (dir === top || path.dirname(dir) === dir) break;
    }
    if (folder === target) nestedGitignores(folder, files, brokenLinks);
  }
  // outer files first, so that a nested file's `!pattern` can take back what an outer one ignores
  const ordered = [...files].sort((a, b) => a.split(path.sep).length - b.split(path.sep).length || a.localeCompare(b));
  const configs: Linter.Config[] = [];
  for (const file of ordered) {
    const text = readIgnoreFile(file);
    const ignores = text === undefined ? [] : ignorePatterns(text);
    if (ignores.length > 0) configs.push({ name: `process-guard-cli/gitignore:${file}`, basePath: path.dirname(file), ignores });
  }
  // ESLint stops the whole run on a link to nothing (ENOENT); such a file has no code to lint
  for (const link of brokenLinks) {
    configs.push({ name: `process-guard-cli/broken-link:${link}`, basePath: path.dirname(link), ignores: [escapeGlob(path.basename(link))] });
  }
  configs.push(DEPENDENCIES);
  return configs;
}

/** The nearest folder from `folder` up that holds `name`. */
function ancestorWith(folder: string, name: string): string | undefined {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, name))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The highest of `candidates` that holds `folder`, or `folder` itself. */
function highest(folder: string, candidates: readonly (string | undefined)[]): string {
  let top = folder;
  for (const candidate of candidates) if (candidate !== undefined && isInside(candidate, folder) && candidate.length < top.length) top = candidate;
  return top;
}

/** The text of a `.gitignore` that is a regular file under the cap; undefined for anything else. */
function readIgnoreFile(file: string): string | undefined {
  try {
    const stats = statSync(file);
    return stats.isFile() && stats.size <= MAX_GITIGNORE_BYTES ? readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

function escapeGlob(name: string): string {
  return name.replace(/[*?[\]{}()!+@\\]/g, '\\$&');
}

/**
 * Adds the `.gitignore` files below `folder`, and the symbolic links whose target is missing, one
 * directory listing per folder (no recursion).
 */
function nestedGitignores(folder: string, files: Set<string>, brokenLinks: string[]): void {
  const pending = [folder];
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue; // unreadable: ESLint reports it if it matters
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) pending.push(path.join(dir, entry.name));
      else if (entry.isFile() && entry.name === '.gitignore') files.add(path.join(dir, entry.name));
      else if (entry.isSymbolicLink() && !existsSync(path.join(dir, entry.name))) brokenLinks.push(path.join(dir, entry.name));
    }
  }
}

/** Flat-config ignore patterns for the lines of a `.gitignore` file. */
export function ignorePatterns(text: string): string[] {
  const patterns: string[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trimEnd();
    if (line === '' || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    // `\#` and `\!` escape a literal first character
    const body = (negated ? line.slice(1) : line).replace(/^\\/, '');
    if (body === '' || body === '/') continue;
    // a slash before the last character anchors the pattern to the folder of the .gitignore file
    const anchored = body.slice(0, -1).includes('/');
    const relative = anchored ? body.replace(/^\//, '') : `**/${body}`;
    // `{` and `(` are literal in gitignore, but brace and extglob syntax in flat-config patterns
    patterns.push(`${negated ? '!' : ''}${relative.replace(/[{(]/g, '\\$&')}`);
  }
  return patterns;
}

/**
 * ESLint ignores every `node_modules` folder, and so do the configs above; a project that keeps its
 * own sources in one (`packages/node_modules/app`) names the path to lint it. For each
 * `node_modules` folder on a named path, a config that takes that one folder back: the dependencies
 * inside it (`packages/node_modules/app/node_modules/`) stay ignored. Comes after the other ignores.
 *
 * @param root ESLint's `cwd`
 * @param targets absolute paths of the named files and folders
 */
export function namedDependencyConfigs(root: string, targets: readonly string[]): Linter.Config[] {
  const folders = new Set<string>();
  for (const target of targets) {
    const segments = path.relative(root, target).split(path.sep);
    segments.forEach((segment, index) => {
      if (segment === 'node_modules') folders.add(path.join(root, ...segments.slice(0, index)));
    });
  }
  return [...folders].map((folder) => ({ name: `process-guard-cli/named:${folder}`, basePath: folder, ignores: ['!node_modules/'] }));
}
