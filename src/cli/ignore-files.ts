/**
 * The `.gitignore` files that apply to the current folder (its own and those of its parents up to the
 * repository root), as global-ignore config objects. ESLint 9 has no helper for this, so the few
 * gitignore rules that differ from flat-config patterns are translated here.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { Linter } from 'eslint';

export function gitignoreConfigs(cwd: string): Linter.Config[] {
  const configs: Linter.Config[] = [];
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const file = path.join(dir, '.gitignore');
    if (existsSync(file)) {
      const ignores = ignorePatterns(readFileSync(file, 'utf8'));
      if (ignores.length > 0) configs.push({ name: `process-guard-cli/gitignore:${file}`, basePath: dir, ignores });
    }
    if (existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) break;
  }
  return configs;
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
