/**
 * The files Node's own test runner collects. A package script that runs `node --test` without
 * naming files or patterns (`"test": "xo && node --test"`) runs, from the package folder, every
 * file matching the runner's documented defaults outside `node_modules`: `**\/*.test.?(c|m)js`,
 * `**\/*-test.?(c|m)js`, `**\/*_test.?(c|m)js`, `**\/test-*.?(c|m)js`, `**\/test.?(c|m)js` and
 * `**\/test/**\/*.?(c|m)js` (the last is a test folder to the file model already). A script that
 * names what to run, or no such script, collects nothing here.
 */
import * as path from 'node:path';

import type { PackageManifest } from './package-manifest.js';

const DEFAULT_NAME = /(?:^|[.\-_])test\.[cm]?js$|^test-.*\.[cm]?js$/;

/** Whether Node's test runner, started by a script of `manifest`, collects `file` as a test. */
export function isNodeTest(file: string, manifest: PackageManifest | undefined): boolean {
  if (!manifest || !DEFAULT_NAME.test(path.basename(file))) return false;
  const relative = path.relative(manifest.folder, file).split(path.sep);
  if (relative[0] === '..' || relative.includes('node_modules')) return false;
  return [...manifest.scripts.values()].some(runsDefaultTests);
}

/** Whether a command runs `node` with `--test` and options only (no file, no pattern). */
function runsDefaultTests(command: string): boolean {
  return command.split(/[;&|]/).some((part) => {
    const [program, ...words] = part.trim().split(/\s+/);
    return program === 'node' && words.includes('--test') && words.every((word) => word.startsWith('-'));
  });
}
