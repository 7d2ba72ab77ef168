/**
 * Which files of a folder name a module the way a specifier or a path names it: its name without
 * extension between two of `/`, `\`, a quote or a backtick, with extensions after it
 * (`'./scripts/clean.js'`, `path.join(__dirname, 'worker')`, `` `${root}/bin/run.mjs` ``, an HTML
 * page's `<script src="renderer.js">`), as package-importers.ts's search reads a text. A folder's
 * files are read once into an index of the names they write, so each question is a lookup.
 */
import path from 'node:path';

import { DerivedCache, readText } from './fs-cache.js';
import { isWholeListing, sourceAndPageFiles } from './source-files.js';

/** Larger texts (a committed bundle), or more text in all, are not read: the index is then not whole. */
const MAX_TEXT_BYTES = 4 * 1024 * 1024;
const MAX_TOTAL_BYTES = 64 * 1024 * 1024;
/**
 * A run of characters after a separator, up to the next separator, which stays to start the next
 * run; one longer than 200 characters (minified code in a string) names no module.
 */
const NAMED_RUN = /[/\\'"`]([^/\\'"`\r\n]{1,200})(?=[/\\'"`])/g;
const EXTENSION_AT_END = /\.[\w-]+$/;

/** Name → the files writing it, or null when more than MAX_NAMERS do. */
type NameIndex = ReadonlyMap<string, readonly string[] | null>;

/** Files kept per name: past them, which files name it is not known. */
const MAX_NAMERS = 8;

/** Folder → the names its files write; null when a file could not be read or the listing stopped short. */
const indexes = new DerivedCache<NameIndex | null>();

/**
 * Whether a file under `folder` other than `file` names it (for an `index` file, also by its
 * folder's name, as `'./lib'` loads `lib/index.js`); undefined when not every file was read.
 */
export function namedByOtherFile(file: string, folder: string): boolean | undefined {
  const index = indexes.get(folder, () => buildIndex(folder));
  if (!index) return undefined;
  return moduleNames(file).some((name) => {
    const namers = index.get(name);
    return namers !== undefined && (namers === null || namers.some((namer) => namer !== file));
  });
}

/**
 * Whether a file under `folder` that `isOwn` does not claim names `file`; undefined when not every
 * file was read, or when more files name it than the index keeps.
 */
export function namedByFileOutside(file: string, folder: string, isOwn: (namer: string) => boolean): boolean | undefined {
  const index = indexes.get(folder, () => buildIndex(folder));
  if (!index) return undefined;
  let named: boolean | undefined = false;
  for (const name of moduleNames(file)) {
    const namers = index.get(name);
    if (namers === null) named = undefined;
    else if (namers?.some((namer) => namer !== file && !isOwn(namer))) return true;
  }
  return named;
}

/** The names a specifier gives `file`: its name without extension, and for an `index` file its folder's name too. */
export function moduleNames(file: string): string[] {
  const base = path.basename(file);
  const stem = base.slice(0, base.length - path.extname(base).length) || base;
  return stem === 'index' ? [stem, path.basename(path.dirname(file))] : [stem];
}

function buildIndex(folder: string): NameIndex | null {
  const files = sourceAndPageFiles(folder);
  if (!isWholeListing(files)) return null;
  const index = new Map<string, string[] | null>();
  let total = 0;
  for (const file of files) {
    const text = readText(file, MAX_TEXT_BYTES);
    total += text?.length ?? 0;
    if (text === undefined || total > MAX_TOTAL_BYTES) return null;
    // Each file is read once and its names are a set: each file is listed once per name.
    for (const name of writtenNames(text)) {
      const namers = index.get(name);
      if (namers === undefined) index.set(name, [file]);
      else if (namers !== null && namers.length < MAX_NAMERS) namers.push(file);
      else index.set(name, null);
    }
  }
  return index;
}

/** Each run between separators, and what is left of it as each extension is dropped (`a.test.js`, `a.test`, `a`). */
function writtenNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(NAMED_RUN)) {
    let name = match[1] ?? '';
    while (name !== '') {
      names.add(name);
      const extension = EXTENSION_AT_END.exec(name);
      if (!extension) break;
      name = name.slice(0, extension.index);
    }
  }
  return names;
}
