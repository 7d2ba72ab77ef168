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
const PAGE_FILE = /\.html?$/i;

/** Folder → its source files, kept while none of the folders listed changes. */
const listings = new DerivedCache<readonly string[]>();
/** Folder → its source files and HTML pages. */
const pageListings = new DerivedCache<readonly string[]>();

/** The first MAX_LISTED source files under `folder`, outside `node_modules` and dot-folders. */
export function sourceFiles(folder: string): readonly string[] {
  return listings.get(folder, () => listed(folder, (name) => SOURCE_FILE.test(name) && !DECLARATION_FILE.test(name)));
}

/** sourceFiles and the HTML pages among them (a page's `<script src>` runs a module): the files that may name a module. */
export function sourceAndPageFiles(folder: string): readonly string[] {
  return pageListings.get(folder, () => listed(folder, (name) => PAGE_FILE.test(name) || (SOURCE_FILE.test(name) && !DECLARATION_FILE.test(name))));
}

/** Whether a listing holds every such file of its folder: it stops at MAX_LISTED. */
export function isWholeListing(files: readonly string[]): boolean {
  return files.length < MAX_LISTED;
}

function listed(folder: string, accept: (name: string) => boolean): readonly string[] {
  const files: string[] = [];
  const pending = [folder];
  for (let current = pending.pop(); current !== undefined && files.length < MAX_LISTED; current = pending.pop()) {
    const listing = listFolder(current);
    for (const name of listing.names) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      if (listing.folders.has(name)) pending.push(path.join(current, name));
      else if (listing.files.has(name) && accept(name)) files.push(path.join(current, name));
    }
  }
  return files;
}
