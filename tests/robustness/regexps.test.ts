// Never stall: every regular expression that runs over a repository's text, on the input that costs
// it most, finishes in linear time. Each input repeats its worst unit tens of thousands of times; a
// pattern that backtracks super-linearly takes minutes on them, a linear one milliseconds.
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { resolveSettings } from '../../src/analysis/catalog/settings.js';
import { parseJobs, ciPlatforms } from '../../src/analysis/project/ci-workflows.js';
import { manifestOf, scriptConfigs, scriptFiles } from '../../src/analysis/project/package-manifest.js';
import { EMPTY_SUMMARY, inspectModule, knownSummary, type LintEnvironment } from '../../src/analysis/project/summary-store.js';
import { programsOf } from '../../src/analysis/questions/command-line.js';
import { ignorePatterns } from '../../src/cli/ignore-files.js';
import { tempFolder } from '../support/temp-folder.js';

const BOUND_MS = 1000;
const { root, write } = tempFolder('regexps');

function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

const environment: LintEnvironment = {
  languageOptions: {},
  settings: undefined,
  starterModules: new Set(['child_process']),
  summarize: () => EMPTY_SUMMARY,
};

describe('regular expressions over repository text run in linear time', () => {
  it('reads the imports of a module of blank lines or unfinished type imports (summary-store)', () => {
    write({ 'blank.js': '\n'.repeat(500_000), 'types.ts': 'import type x\n'.repeat(30_000), 'spaces.js': ' \n\t'.repeat(150_000) });
    for (const file of ['blank.js', 'types.ts', 'spaces.js']) expect(timed(() => knownSummary(path.join(root, file), environment))).toBeLessThan(BOUND_MS);
  });

  it('chooses how to parse a module of blank lines (summary-store)', () => {
    const text = '\n'.repeat(500_000);
    expect(timed(() => inspectModule(path.join(root, 'blank.js'), text, environment, () => 1, 0))).toBeLessThan(BOUND_MS);
  });

  it('splits a command line of redirections (command-line)', () => {
    expect(timed(() => programsOf(`a ${'&>'.repeat(100_000)}`))).toBeLessThan(BOUND_MS);
    expect(timed(() => programsOf(`(${'('.repeat(50_000)}${' '.repeat(50_000)}x`))).toBeLessThan(BOUND_MS);
  });

  it('reads workflow jobs with runs of flags, spaces and comments (ci-workflows)', () => {
    const flags = ' --a'.repeat(50_000);
    write({
      'ci/.git/HEAD': '',
      'ci/package.json': JSON.stringify({ scripts: { lint: 'node lint.js' } }),
      'ci/lint.js': '',
      'ci/.github/workflows/ci.yml': `jobs:\n  win:\n    runs-on: windows-latest\n    steps:\n      - run: npm${flags} run${flags} other\n      - run: npm${' -a-'.repeat(50_000)}\n${' '.repeat(50_000)}#\n`,
    });
    const manifest = manifestOf(path.join(root, 'ci'));
    expect(manifest).toBeDefined();
    expect(timed(() => ciPlatforms(path.join(root, 'ci/lint.js'), manifest!))).toBeLessThan(BOUND_MS);
    expect(timed(() => parseJobs(`jobs:${' '.repeat(50_000)}x\n  a:\n${`    runs-on:${' '.repeat(50_000)}\n`}`))).toBeLessThan(BOUND_MS);
  });

  it('reads package scripts with long words (package-manifest)', () => {
    expect(timed(() => scriptFiles(`node "${'a'.repeat(50_000)}`))).toBeLessThan(BOUND_MS);
    expect(timed(() => scriptFiles(`${'A=1 '.repeat(50_000)}node x.js`))).toBeLessThan(BOUND_MS);
    expect(timed(() => scriptConfigs(`node ${'node_modules/'.repeat(20_000)}${'a'.repeat(50_000)} -c=x`))).toBeLessThan(BOUND_MS);
  });

  it('tells a file that names a hazard (settings.hazardNames)', () => {
    const { hazardNames } = resolveSettings(undefined);
    expect(timed(() => hazardNames.test('child_proces'.repeat(50_000)))).toBeLessThan(BOUND_MS);
  });

  it('translates a .gitignore of odd lines (ignore-files)', () => {
    expect(timed(() => ignorePatterns(`${'\\'.repeat(50_000)}\n${'{('.repeat(50_000)}\n${' '.repeat(50_000)}x\n`))).toBeLessThan(BOUND_MS);
  });
});
