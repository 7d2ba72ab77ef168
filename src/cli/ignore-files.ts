/**
 * The `.gitignore` files that apply to the linted paths, as global-ignore config objects: those of
 * each path's folder and its parents up to the repository root, and the nested ones inside the
 * linted folders. ESLint 9 has no helper for this, so the few gitignore rules that differ from
 * flat-config patterns are translated here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { Linter } from 'eslint';

import { isFolder } from './lint-root.js';

/** Folders ESLint never lints into, so their `.gitignore` files cannot matter. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** @param targets absolute paths of the files and folders to lint */
export function gitignoreConfigs(targets: readonly string[]): Linter.Config[] {
  const files = new Set<string>();
  for (const target of targets) {
    const folder = isFolder(target) ? target : path.dirname(target);
    for (let dir = folder; ; dir = path.dirname(dir)) {
      if (existsSync(path.join(dir, '.gitignore'))) files.add(path.join(dir, '.gitignore'));
      if (existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) break;
    }
    if (folder === target) nestedGitignores(folder, files);
  }
  // outer files first, so that a nested file's `!pattern` can take back what an outer one ignores
  const ordered = [...files].sort((a, b) => a.split(path.sep).length - b.split(path.sep).length || a.localeCompare(b));
  const configs: Linter.Config[] = [];
  for (const file of ordered) {
    const ignores = ignorePatterns(readFileSync(file, 'utf8'));
    if (ignores.length > 0) configs.push({ name: `process-guard-cli/gitignore:${file}`, basePath: path.dirname(file), ignores });
  }
  return configs;
}

/** Adds the `.gitignore` files below `folder`, one directory listing per folder (no recursion). */
function nestedGitignores(folder: string, files: Set<string>): void {
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
