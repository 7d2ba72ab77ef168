/**
 * What an installed package does when it loads, kept on disk by the package's identity (name,
 * version, integrity) in `node_modules/.cache/process-guard/`, one JSON file per identity: installed
 * code changes only with its identity, so the answer is computed once per installed version and read
 * back by later lints, editors and CLI runs. The integrity comes from the installed package.json
 * (`_integrity`), the npm lockfile's entry for the package (`node_modules/.package-lock.json`, then
 * `package-lock.json`), or pnpm's or yarn's lockfile (text-lockfiles.ts); a package without one is
 * not kept on disk, since its identity would be a guess. A file is written whole and renamed into place; one that does not parse, or holds
 * another identity, format or plugin version, is ignored (and replaced on the next write). Nothing
 * here throws. Reads go through fs-cache.ts like every other.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { PACKAGE_VERSION } from '../../util/package-info.js';
import { DerivedCache, readText } from './fs-cache.js';
import { manifestOf } from './package-manifest.js';
import { MAX_LOCKFILE_BYTES, textLockfileIntegrity } from './text-lockfiles.js';
import { isRecord } from '../../util/records.js';

export interface PackageIdentity {
  readonly name: string;
  readonly version: string;
  readonly integrity: string;
}

const FORMAT = 1;
const CACHE_FOLDER = path.join('.cache', 'process-guard');
const MAX_CACHE_BYTES = 4 * 1024 * 1024;
const NODE_MODULES = `${path.sep}node_modules${path.sep}`;

/** Project folder → the integrity of each package path in its npm lockfile (`node_modules/a/node_modules/b`). */
const lockfiles = new DerivedCache<ReadonlyMap<string, string>>();

/** The identity of the installed package in `folder` (its real path), or undefined when its integrity is unknown. */
export function packageIdentity(folder: string): PackageIdentity | undefined {
  const manifest = manifestOf(folder);
  const root = projectOf(folder);
  if (!manifest?.name || !manifest.version || root === undefined) return undefined;
  const integrity =
    manifest.integrity ??
    lockfileIntegrities(root).get(path.relative(root, folder).split(path.sep).join('/')) ??
    textLockfileIntegrity(root, folder, manifest.name, manifest.version);
  return integrity === undefined ? undefined : { name: manifest.name, version: manifest.version, integrity };
}

/** The folder holding the outermost `node_modules` a path is inside: the project that installed it. */
function projectOf(folder: string): string | undefined {
  const index = `${folder}${path.sep}`.indexOf(NODE_MODULES);
  return index === -1 ? undefined : folder.slice(0, index);
}

function lockfileIntegrities(root: string): ReadonlyMap<string, string> {
  return lockfiles.get(root, () => {
    for (const file of [path.join(root, 'node_modules', '.package-lock.json'), path.join(root, 'package-lock.json')]) {
      const packages = parseJson(readText(file, MAX_LOCKFILE_BYTES))?.packages;
      if (!isRecord(packages)) continue;
      const integrities = new Map<string, string>();
      for (const [key, entry] of Object.entries(packages)) {
        if (isRecord(entry) && typeof entry.integrity === 'string') integrities.set(key, entry.integrity);
      }
      return integrities;
    }
    return new Map();
  });
}

/** The cache file of an identity, in the project's `node_modules/.cache/process-guard/`. */
function cacheFile(folder: string, identity: PackageIdentity): string | undefined {
  const root = projectOf(folder);
  if (root === undefined) return undefined;
  const hash = createHash('sha256').update(`${identity.name}\0${identity.version}\0${identity.integrity}`).digest('hex').slice(0, 32);
  return path.join(root, 'node_modules', CACHE_FOLDER, `${hash}.json`);
}

/** The entries kept for an identity, or an empty record when there is no valid file for it. */
function readEntries(file: string, identity: PackageIdentity): Record<string, unknown> {
  const json = parseJson(readText(file, MAX_CACHE_BYTES));
  const kept = json?.identity;
  const same = isRecord(kept) && kept.name === identity.name && kept.version === identity.version && kept.integrity === identity.integrity;
  return same && json?.format === FORMAT && json.plugin === PACKAGE_VERSION && isRecord(json.entries) ? json.entries : {};
}

/** The value kept for `key` of the package in `folder`, if it passes `isValid`. */
export function readCached<T>(folder: string, identity: PackageIdentity, key: string, isValid: (value: unknown) => value is T): T | undefined {
  const file = cacheFile(folder, identity);
  const value = file === undefined ? undefined : readEntries(file, identity)[key];
  return isValid(value) ? value : undefined;
}

/** Keeps `value` for `key` of the package in `folder`, with the entries already kept; a failure to write is ignored. */
export function writeCached(folder: string, identity: PackageIdentity, key: string, value: unknown): void {
  const file = cacheFile(folder, identity);
  if (file === undefined) return;
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    const entries = { ...readEntries(file, identity), [key]: value };
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, JSON.stringify({ format: FORMAT, plugin: PACKAGE_VERSION, identity, entries }));
    renameSync(temporary, file);
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Left behind: a later write of the same identity does not read it.
    }
  }
}

function parseJson(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const json: unknown = JSON.parse(text);
    return isRecord(json) ? json : undefined;
  } catch {
    return undefined;
  }
}
