/**
 * The working folder of a development script that a package script's file starts. With `"test":
 * "node scripts/test.js"`, npm runs scripts/test.js in the package folder; when it starts
 * `node scripts/error-test.js` by that path, the working directory unchanged, scripts/error-test.js
 * runs in the package folder too, and its package-relative paths hold.
 *
 * One step, bounded: the files the nearest package.json's scripts run (not its `bin` entries) whose
 * text names the file, at most MAX_STARTERS, each parsed like the linted file and asked what it
 * starts from its own working folder (`startsFrom`, the analysis's answer). Unknown (undefined) when
 * none of them starts the file that way, or more of them name it than are read. Nothing throws.
 * What a starter starts is kept per configuration while the files it was read from are unchanged.
 */
import path from 'node:path';

import { DerivedCache, readText } from './fs-cache.js';
import { resolveModule } from './module-resolution.js';
import { nearestManifest, startedPaths } from './package-manifest.js';
import { configurationKey, inspectModule, type AnalysisContext, type LintEnvironment } from './summary-store.js';

/** What a package script's file starts: the folder it runs in, and the scripts it starts from there (absolute, as written). */
export interface WorkingFolderStarts {
  readonly folder: string;
  readonly scripts: readonly string[];
}

/** Package scripts' files read for one file. */
const MAX_STARTERS = 8;
const MAX_TEXT_BYTES = 512 * 1024;
/** Configuration key and starter → what it starts from its folder (null: nothing known). */
const startsCache = new DerivedCache<WorkingFolderStarts | null>();

/** The folder a package script's file starts `file` in, by a path from that folder; undefined when unknown. */
export function chainedScriptFolder(
  file: string,
  environment: LintEnvironment,
  startsFrom: (context: AnalysisContext) => WorkingFolderStarts | undefined,
): string | undefined {
  const manifest = nearestManifest(file);
  if (!manifest?.known) return undefined;
  const base = path.basename(file);
  const stem = base.slice(0, base.length - path.extname(base).length) || base;
  const starters = new Set([...manifest.scriptsRunning.keys()].flatMap((started) => {
    if (manifest.binFiles.has(started)) return [];
    const written = `./${path.relative(manifest.folder, started).split(path.sep).join('/')}`;
    const starter = resolveModule(path.join(manifest.folder, 'package.json'), written);
    return starter !== undefined && starter !== file && readText(starter, MAX_TEXT_BYTES)?.includes(stem) ? [starter] : [];
  }));
  if (starters.size > MAX_STARTERS) return undefined;
  const names = new Set(startedPaths(file));
  for (const starter of starters) {
    const starts = startsCache.get(`${configurationKey(environment)}\0${starter}`, () => {
      return inspectModule(starter, readText(starter, MAX_TEXT_BYTES) ?? '', environment, startsFrom, undefined) ?? null;
    });
    if (starts?.scripts.some((script) => names.has(script))) return starts.folder;
  }
  return undefined;
}
