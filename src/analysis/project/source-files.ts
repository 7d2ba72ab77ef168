/**
 * The source files under a folder, as its listing shows them (outside installed packages and
 * dot-folders), at most MAX_LISTED: the files a search for the modules that name one file reads.
 * TypeScript's declaration files (`.d.ts`, `.d.mts`, `.d.css.ts`) are not among them: they load and
 * start nothing.
 */
import path from 'node:path';

import { DerivedCache, listFolder } from './fs-cache.js';

/** Source files listed under one folder. */
const MAX_LISTED = 5000;
const SOURCE_FILE = /\.[cm]?[jt]sx?$/;
const DECLARATION_FILE = /\.d(?:\.[^.]+)?\.[cm]?ts$/;

/** Folder → its source files, kept while none of the folders listed changes. */
const listings = new DerivedCache<readonly string[]>();

/** The first MAX_LISTED source files under `folder`, outside `node_modules` and dot-folders. */
export function sourceFiles(folder: string): readonly string[] {
  return listings.get(folder, () => {
    const files: string[] = [];
    const pending = [folder];
    for (let current = pending.pop(); current !== undefined && files.length < MAX_LISTED; current = pending.pop()) {
      const listing = listFolder(current);
      for (const name of listing.names) {
        if (name.startsWith('.') || name === 'node_modules') continue;
        if (listing.folders.has(name)) pending.push(path.join(current, name));
        else if (listing.files.has(name) && SOURCE_FILE.test(name) && !DECLARATION_FILE.test(name)) files.push(path.join(current, name));
      }
    }
    return files;
  });
}
