import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { nearestManifest } from '../../../src/analysis/project/package-manifest.js';
import { isLeftOutOfPackage } from '../../../src/analysis/project/packed-files.js';

describe('isLeftOutOfPackage', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'process-guard-packed-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let count = 0;
  /** Whether a package with this package.json leaves `file` out of its tarball. */
  const leftOut = (manifest: Record<string, unknown>, file: string): boolean => {
    const folder = path.join(root, `p${(count += 1)}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name: 'p', ...manifest }));
    const found = nearestManifest(path.join(folder, file));
    if (!found) throw new Error('no manifest');
    return isLeftOutOfPackage(path.join(folder, file), found);
  };

  it.each<[string, Record<string, unknown>, string, boolean]>([
    ['a file outside every entry', { files: ['lib'] }, 'scripts/x.js', true],
    ['a folder takes its contents', { files: ['lib'] }, 'lib/a/b.js', false],
    ['a later ! entry leaves out what an earlier one packed', { files: ['lib', '!lib/gen.js'] }, 'lib/gen.js', true],
    ['a later entry packs what a ! entry left out', { files: ['!lib/gen.js', 'lib'] }, 'lib/gen.js', false],
    ['!! cancels out', { files: ['lib', '!!lib/gen.js'] }, 'lib/gen.js', false],
    ['a ! glob leaves out what it matches', { files: ['lib', '!lib/*.map.js'] }, 'lib/a.map.js', true],
    ['a ! glob does not take the contents of a folder it matches', { files: ['lib', '!lib/gen*'] }, 'lib/generated/a.js', false],
    ['case does not matter', { files: ['LIB'] }, 'lib/a.js', false],
    ['folder/* takes the folder at any depth', { files: ['lib/*'] }, 'lib/a/b.js', false],
    ['a leading / anchors at the package folder', { files: ['/lib'] }, 'src/lib/a.js', true],
    ['an entry without / matches at any depth', { files: ['lib'] }, 'src/lib/a.js', false],
    ['{a,b} alternatives', { files: ['{lib,dist}/**'] }, 'dist/a.js', false],
    ['"." packs everything', { files: ['.'] }, 'scripts/x.js', false],
    ['package.json, README and LICENSE are always packed', { files: [] }, 'license.js', false],
    ['the main is always packed', { files: [], main: 'x.js' }, 'x.js', false],
    ['a folder main packs its index', { files: [], main: 'lib' }, 'lib/index.js', false],
    ['a bin is always packed', { files: [], bin: { x: 'cli/x.js' } }, 'cli/x.js', false],
    ['an exports condition names it', { files: [], exports: { '.': { node: { import: './esm/a.mjs' } } } }, 'esm/a.mjs', false],
    ['an exports pattern names it', { files: [], exports: { './*': './src/*.js' } }, 'src/a/b.js', false],
    ['a browser map names it', { files: [], browser: { './node.js': './web.js' } }, 'web.js', false],
    ['a file with the name of the bin', { files: ['dist'], bin: 'dist/tool.js' }, 'src/tool.ts', false],
    ['no files list', {}, 'scripts/x.js', false],
    ['a files list that is not an array', { files: 'lib' }, 'scripts/x.js', false],
    ['an entry that is not a string', { files: ['lib', 1] }, 'scripts/x.js', false],
    ['an entry with a character class', { files: ['lib/[ab].js'] }, 'scripts/x.js', false],
    ['an extglob entry', { files: ['+(lib|dist)'] }, 'scripts/x.js', false],
    ['a private package', { private: true, files: ['lib'] }, 'scripts/x.js', false],
  ])('%s', (_, manifest, file, expected) => {
    expect(leftOut(manifest, file)).toBe(expected);
  });
});
