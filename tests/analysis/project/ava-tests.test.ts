import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { isAvaTest } from '../../../src/analysis/project/ava-tests.js';
import { nearestManifest } from '../../../src/analysis/project/package-manifest.js';
import { analyzeCode } from '../../support/analyze-code.js';

const base = mkdtempSync(path.join(tmpdir(), 'process-guard-ava-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** A package folder holding `files` (relative path → text). */
function pkg(name: string, files: Record<string, string>): string {
  const folder = path.join(base, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    writeFileSync(path.join(folder, file), text);
  }
  return folder;
}

const collects = (folder: string, file: string): boolean => isAvaTest(path.join(folder, file), nearestManifest(path.join(folder, file)));

describe('isAvaTest', () => {
  const defaults = pkg('defaults', { 'package.json': JSON.stringify({ scripts: { test: 'xo && ava' } }) });

  it.each([
    ['test.js', true],
    ['src/test.mjs', true],
    ['source/test.cjs', true],
    ['lib/test-parse.js', true],
    ['lib/parse.spec.js', true],
    ['test/parse.js', true],
    ['lib/__tests__/parse.js', true],
    // Not among AVA's defaults, or left out by it.
    ['lib/test.js', false],
    ['test.ts', false],
    ['test/_helper.js', false],
    ['index.js', false],
    ['node_modules/x/test.js', false],
  ])('collects %s with the defaults: %s', (file, expected) => {
    expect(collects(defaults, file)).toBe(expected);
  });

  it('reads a script that sets variables before ava', () => {
    const folder = pkg('variables', { 'package.json': JSON.stringify({ scripts: { test: "xo && NODE_OPTIONS='--import=tsx/esm' ava" } }) });
    expect(collects(folder, 'test.js')).toBe(true);
  });

  it('reads the extensions the package configures', () => {
    const folder = pkg('extensions', { 'package.json': JSON.stringify({ scripts: { test: 'ava --serial' }, ava: { extensions: { tsx: 'module' } } }) });
    expect([collects(folder, 'test.tsx'), collects(folder, 'test.js')]).toEqual([true, false]);
  });

  it.each<[string, Record<string, string>]>([
    ['a script that names the files', { 'package.json': JSON.stringify({ scripts: { test: 'ava test/unit.js' } }) }],
    ['a configuration that names the files', { 'package.json': JSON.stringify({ scripts: { test: 'ava' }, ava: { files: ['spec/**'] } }) }],
    ['a configuration file', { 'package.json': JSON.stringify({ scripts: { test: 'ava' } }), 'ava.config.js': 'export default {};' }],
    ['no script that runs AVA', { 'package.json': JSON.stringify({ scripts: { test: 'node --test spec/' } }) }],
  ])('collects nothing with %s', (name, files) => {
    expect(collects(pkg(name.replaceAll(' ', '-'), files), 'test.js')).toBe(false);
  });
});

describe('the file model', () => {
  it("takes AVA's root test file for a test file, which the rule then judges from the package folder", () => {
    const folder = pkg('model', { 'package.json': JSON.stringify({ name: 'cli', bin: 'distribution/cli.js', scripts: { test: 'xo && ava' } }), 'test.js': '' });
    expect(analyzeCode('export {};', 'esm', {}, path.join(folder, 'test.js'), folder).fileModel.isTestFile).toBe(true);
  });
});
