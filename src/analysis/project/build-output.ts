/**
 * Where a TypeScript package's build output comes from: a workspace package imported by a path into
 * its build (`@scope/core/lib/common/os`, or a `main` of `lib/index.js`) names a file that is not in
 * a repository that does not commit its build. The package's own tsconfig.json says which source
 * file compiles to it: `compilerOptions.outDir` and `rootDir`, or, without `rootDir`, a single
 * `include` folder (`["src"]`). Nothing is guessed from folder names: a tsconfig that is missing,
 * unreadable, inherits these options through `extends`, or lists several roots maps nothing.
 */
import path from 'node:path';

import { DerivedCache, readText } from './fs-cache.js';
import { isRecord } from '../../util/records.js';

const MAX_TSCONFIG_BYTES = 256 * 1024;

interface Layout {
  readonly outDir: string;
  readonly rootDir: string;
}

/** Package folder → where its compiler reads and writes (null: not known). */
const layouts = new DerivedCache<Layout | null>();

/**
 * The path of the source `target` (a path in the package folder, with or without extension) is
 * compiled from, to be resolved as a module; undefined when it is not under the package's `outDir`.
 * The caller asks only when the build output is not on disk.
 */
export function buildOutputSource(folder: string, target: string): string | undefined {
  const layout = layouts.get(folder, () => compilerLayout(folder) ?? null);
  if (!layout) return undefined;
  const inside = path.relative(layout.outDir, path.resolve(folder, target));
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return undefined;
  return path.join(layout.rootDir, inside);
}

function compilerLayout(folder: string): Layout | undefined {
  const text = readText(path.join(folder, 'tsconfig.json'), MAX_TSCONFIG_BYTES);
  const config = text === undefined ? undefined : parseJsonWithComments(text);
  if (!isRecord(config) || !isRecord(config['compilerOptions'])) return undefined;
  const { outDir, rootDir } = config['compilerOptions'];
  const root = typeof rootDir === 'string' ? rootDir : includedFolder(config['include']);
  if (typeof outDir !== 'string' || root === undefined || root === '') return undefined;
  return { outDir: path.resolve(folder, outDir), rootDir: path.resolve(folder, root) };
}

/** The folder of a single `include` entry (`["src"]`, `["src/**"]`): the segments before the first pattern. */
function includedFolder(include: unknown): string | undefined {
  if (!Array.isArray(include) || include.length !== 1 || typeof include[0] !== 'string') return undefined;
  const segments = include[0].split('/').filter((segment) => segment !== '' && segment !== '.');
  const pattern = segments.findIndex((segment) => /[*?{]/.test(segment));
  return (pattern === -1 ? segments : segments.slice(0, pattern)).join('/');
}

/** JSON with the comments and trailing commas tsconfig.json allows; undefined when it is not that. */
function parseJsonWithComments(text: string): unknown {
  const out: string[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (char === '"') {
      // a string, escapes included, copied as it is
      let end = index + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      out.push(text.slice(index, end + 1));
      index = end;
    } else if (char === '/' && text[index + 1] === '/') {
      const end = text.indexOf('\n', index);
      index = end === -1 ? text.length : end - 1;
    } else if (char === '/' && text[index + 1] === '*') {
      const end = text.indexOf('*/', index + 2);
      index = end === -1 ? text.length : end + 1;
    } else if (char === '}' || char === ']') {
      // a trailing comma before it is dropped
      let last = out.length - 1;
      while (last >= 0 && /^\s*$/.test(out[last]!)) last -= 1;
      if (out[last] === ',') out[last] = '';
      out.push(char);
    } else {
      out.push(char);
    }
  }
  try {
    return JSON.parse(out.join(''));
  } catch {
    return undefined;
  }
}
