/**
 * Where ESLint runs: ESLint ignores every file outside its `cwd`, so a run on `../other-project` or an
 * absolute path elsewhere runs from the nearest folder that holds all the given paths.
 */
import { statSync } from 'node:fs';
import path from 'node:path';

export interface LintTargets {
  /** The `cwd` for ESLint. */
  root: string;
  /** The patterns for `lintFiles`, relative to `root`. */
  patterns: string[];
  /** Absolute paths of the given files and folders (for a glob, the folder before its first wildcard). */
  bases: string[];
}

export function lintTargets(cwd: string, given: readonly string[]): LintTargets {
  const bases = given.map((pattern) => path.resolve(cwd, staticPrefix(pattern)));
  if (bases.every((base) => isInside(cwd, base))) return { root: cwd, patterns: [...given], bases };
  const root = bases.map((base) => (isFolder(base) ? base : path.dirname(base))).reduce(commonAncestor);
  const patterns = given.map((pattern) => path.relative(root, path.resolve(cwd, pattern)).split(path.sep).join('/') || '.');
  return { root, patterns, bases };
}

/** The path before the first segment with a wildcard: `src/**\/*.js` → `src`. */
export function staticPrefix(pattern: string): string {
  const segments = pattern.split(/[\\/]/);
  const wild = segments.findIndex((segment) => /[*?{[]/.test(segment));
  return wild === -1 ? pattern : segments.slice(0, wild).join('/') || '.';
}

/** Whether `file` is `folder` or inside it. */
export function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

function commonAncestor(a: string, b: string): string {
  let ancestor = a;
  while (!isInside(ancestor, b)) ancestor = path.dirname(ancestor);
  return ancestor;
}

export function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}
