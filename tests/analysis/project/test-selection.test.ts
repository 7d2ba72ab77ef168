import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { EVERY_TEST, runnerSelections } from '../../../src/analysis/project/test-selection.js';

const FOLDER = path.resolve('/repo/pkg');
const FILES = ['test/unit/a.spec.js', 'test/e2e/b.spec.js', 'src/c.test.ts'];

/** The files of FILES each runner of `script` (run with `appended`) selects, one list per runner; 'every' for EVERY_TEST. */
const selected = (script: string, appended: readonly string[] = []) =>
  runnerSelections(script, FOLDER, appended).map((selection) => (selection === EVERY_TEST ? 'every' : FILES.filter((file) => selection.selects(path.join(FOLDER, file)))));

describe('runnerSelections', () => {
  it.each<[string, unknown[]]>([
    ['mocha --timeout 5000 --recursive test/unit', [['test/unit/a.spec.js']]],
    ['mocha --spec "test/e2e/*.spec.js" --reporter=dot', [['test/e2e/b.spec.js']]],
    ['mocha test/unit/a', [['test/unit/a.spec.js']]],
    ['mocha ./test/unit/', [['test/unit/a.spec.js']]],
    ['mocha --ignore "test/e2e/**" "test/**"', [['test/unit/a.spec.js']]],
    ['jest --testPathIgnorePatterns e2e', [['test/unit/a.spec.js', 'src/c.test.ts']]],
    ['jest --testPathPattern=UNIT', [['test/unit/a.spec.js']]],
    ['vitest run --exclude "test/**" src/', [['src/c.test.ts']]],
    ['ava -- "test/e2e/**"', [['test/e2e/b.spec.js']]],
    ['tsc && node --import tsx --test src/*.test.ts', [['src/c.test.ts']]],
    ['npx tap run test/unit', [['test/unit/a.spec.js']]],
    ['node_modules/.bin/_mocha test/e2e && c8 node --test', [['test/e2e/b.spec.js'], FILES]],
  ])('reads %s', (script, expected) => {
    expect(selected(script)).toEqual(expected);
  });

  it.each([
    'mocha "test/${SUITE}/**"',
    'mocha test/%SUITE%',
    'mocha $(cat tests.txt)',
    'mocha "test/[ue]*/**"',
    'jest "(unit"',
    'jest --findRelatedTests src/c.ts',
    'vitest related src/c.ts',
    'mocha test/unit > out.txt',
  ])('takes every test for a selection not read: %s', (script) => {
    expect(selected(script)).toEqual(['every']);
  });

  it.each(['node scripts/test.js --test', 'npm run mocha', 'eslint . && tsc', 'node --test-reporter spec x.js'])('finds no runner in %s', (script) => {
    expect(selected(script)).toEqual([]);
  });

  it.each<[string, string[], unknown[]]>([
    ['mocha -r ts-node/register --retries', ['1', '--forbid-only', 'test/unit'], [['test/unit/a.spec.js']]],
    ['tsc && mocha', ['test/e2e/b.spec.js'], [['test/e2e/b.spec.js']]],
    ['mocha test/unit', ['src/c.test.ts'], [['test/unit/a.spec.js', 'src/c.test.ts']]],
    ['jest', ['--testPathIgnorePatterns', 'e2e'], [['test/unit/a.spec.js', 'src/c.test.ts']]],
    ['vitest run', ['src'], [['src/c.test.ts']]],
    ['node --test', ['test/'], [['test/unit/a.spec.js', 'test/e2e/b.spec.js']]],
    ['mocha', ['$FILES'], ['every']],
    ['mocha && eslint', ['test/unit'], [FILES]],
  ])('reads %s with the words %j appended', (script, appended, expected) => {
    expect(selected(script, appended)).toEqual(expected);
  });

  it('reaches the fixtures of the folders a glob may select from', () => {
    const [selection] = runnerSelections('mocha "test/unit/**/*.spec.js"', FOLDER);
    expect(['test', 'test/unit/deep', 'test/e2e', 'src'].map((folder) => selection!.reaches(path.join(FOLDER, folder)))).toEqual([true, true, false, false]);
  });
});

describe("mocha's configuration, whose spec joins the files of the command line", () => {
  const base = mkdtempSync(path.join(tmpdir(), 'process-guard-mocharc-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  let trees = 0;
  /** The files `mocha test/unit` selects in a repository holding `files`, its package at `pkg`. */
  const selectedWith = (files: Record<string, string>, script = 'mocha test/unit'): unknown => {
    const root = path.join(base, `repo${(trees += 1)}`);
    for (const [file, text] of Object.entries({ '.git/HEAD': '', 'pkg/package.json': '{}', ...files })) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    const folder = path.join(root, 'pkg');
    return runnerSelections(script, folder).map((selection) => (selection === EVERY_TEST ? 'every' : FILES.filter((file) => selection.selects(path.join(folder, file)))));
  };

  it.each<[string, Record<string, string>]>([
    ['a .mocharc.yml with a spec', { 'pkg/.mocharc.yml': 'timeout: 5000\nspec: test/**/*.spec.js\n' }],
    ['a .mocharc.json that extends another', { 'pkg/.mocharc.json': '{ "extends": "../base.json" }' }],
    ['a configuration written as code', { 'pkg/.mocharc.cjs': 'module.exports = require("./base");' }],
    ['a .mocharc of a folder above', { '.mocharc.yaml': 'spec: [test]\n' }],
    ['the mocha key of package.json with a spec', { 'pkg/package.json': JSON.stringify({ mocha: { spec: 'test' } }) }],
  ])('runs every test with %s', (_, files) => {
    expect(selectedWith(files)).toEqual(['every']);
  });

  it('runs every test with --config', () => {
    expect(selectedWith({}, 'mocha --config .mocharc.ci.yml test/unit')).toEqual(['every']);
  });

  it.each<[string, Record<string, string>, string?]>([
    ['no configuration', {}],
    ['a configuration that names no file', { 'pkg/.mocharc.json': '{ "timeout": 5000, "require": "ts-node/register" }' }],
    ['--no-config over a configuration with a spec', { 'pkg/.mocharc.yml': 'spec: test\n' }, 'mocha --no-config test/unit'],
  ])('reads the command line alone with %s', (_, files, script) => {
    expect(selectedWith(files, script)).toEqual([['test/unit/a.spec.js']]);
  });
});
