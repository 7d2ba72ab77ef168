// Development files through the real ESLint class: a repository whose CI runs only on Linux, one
// whose matrix names Windows, one whose Windows job runs only some of them (some scripts, or a
// test script that names some test files), and one without workflows. Shipped files are checked in all.
import path from 'node:path';

import { ESLint, type Linter } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';

import { findingsOf, loadBuiltPlugin, tempProject, type TempProject } from './support.js';

const projects: TempProject[] = [];
afterEach(() => {
  for (const project of projects.splice(0)) project.remove();
});

const CLEAN = `import { spawnSync } from 'node:child_process';
spawnSync('rm', ['-rf', 'dist']);
console.log(process.getuid());
`;

const FILES: Record<string, string> = {
  '.git/HEAD': 'ref: refs/heads/main\n',
  'package.json': JSON.stringify({
    name: 'app',
    type: 'module',
    bin: { app: 'bin/app.js' },
    scripts: { test: 'node --test && npm test --workspaces', lint: 'eslint .', release: 'node scripts/release.js' },
  }),
  'bin/app.js': `#!/usr/bin/env node\n${CLEAN}`,
  'scripts/release.js': CLEAN,
  'test/clean.test.js': CLEAN,
  'packages/core/package.json': JSON.stringify({ name: 'core', type: 'module', scripts: { test: 'node --test' } }),
  'packages/core/test/core.test.js': CLEAN,
};

const LINUX_ONLY = 'jobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n';
const WINDOWS_MATRIX = 'jobs:\n  test:\n    strategy:\n      matrix:\n        os: [ubuntu-latest, windows-latest]\n    runs-on: ${{ matrix.os }}\n    steps:\n      - run: npm test\n      - run: npm run release\n';
// A Windows job that runs a script of the root package alone: it proves nothing of the workspace's tests or of the release script.
const WINDOWS_ROOT_LINT = 'jobs:\n  lint:\n    runs-on: windows-latest\n    steps:\n      - run: npm run lint\n';

/** The files with a finding of either platform rule. */
async function reportedFiles(workflow: string | undefined, settings: Record<string, unknown> = {}, tree = FILES): Promise<string[]> {
  const project = tempProject(workflow === undefined ? tree : { ...tree, '.github/workflows/ci.yml': workflow }, []);
  projects.push(project);
  const plugin = await loadBuiltPlugin();
  const configs: Linter.Config[] = [plugin.configs.all, { settings: { 'process-guard': settings } }];
  const results = await new ESLint({ cwd: project.dir, overrideConfigFile: true, overrideConfig: configs }).lintFiles(['.']);
  const platformRules = new Set(['process-guard/no-unportable-spawn', 'process-guard/no-unguarded-platform-api']);
  const files = findingsOf(results, project.dir).filter((finding) => platformRules.has(finding.ruleId)).map((finding) => finding.file.split(path.sep).join('/'));
  return [...new Set(files)].sort();
}

const EVERY_FILE = ['bin/app.js', 'packages/core/test/core.test.js', 'scripts/release.js', 'test/clean.test.js'];

describe('development files', () => {
  it('are left alone when the CI runs only on Linux', async () => {
    expect(await reportedFiles(LINUX_ONLY)).toEqual(['bin/app.js']);
  });

  it('are left alone without workflows', async () => {
    expect(await reportedFiles(undefined)).toEqual(['bin/app.js']);
  });

  it('are checked when a matrix of the CI names Windows', async () => {
    expect(await reportedFiles(WINDOWS_MATRIX)).toEqual(EVERY_FILE);
  });

  it('are left alone where the Windows job only lints: a lint runs no test', async () => {
    expect(await reportedFiles(WINDOWS_ROOT_LINT)).toEqual(['bin/app.js']);
  });

  it('are checked only where a Windows job runs a test script whose glob selects them', async () => {
    const scripts = { 'test:unit': 'mocha --exit "test/unit/**/*.test.js"', 'test:e2e': 'mocha "test/e2e/**/*.test.js"', release: 'node scripts/release.js' };
    const files = { ...FILES, 'package.json': JSON.stringify({ name: 'app', type: 'module', bin: { app: 'bin/app.js' }, scripts }), 'test/unit/a.test.js': CLEAN, 'test/e2e/b.test.js': CLEAN };
    const workflow = 'jobs:\n  e2e:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm run test:e2e\n  unit:\n    runs-on: windows-latest\n    steps:\n      - run: npm run test:unit\n';
    expect(await reportedFiles(workflow, {}, files)).toEqual(['bin/app.js', 'test/unit/a.test.js']);
  });

  it('are checked as any other with ciWorkflows: false', async () => {
    expect(await reportedFiles(LINUX_ONLY, { ciWorkflows: false })).toEqual(EVERY_FILE);
  });
});
