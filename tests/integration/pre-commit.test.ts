/**
 * The README's pre-commit recipe through the real pre-commit tool (Debian's `pre-commit` package):
 * a `repo: local` hook with `language: node` that installs the packed plugin, ESLint and the
 * TypeScript parser into the hook's own environment and runs the `process-guard` CLI on staged files.
 * The recipe names the package on npm; here the tarball of this checkout stands in for it. The hook
 * uses the machine's Node.js (pre-commit's `system` version), and npm needs only the registry.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ROOT } from './support.js';

const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;
if (!hasPreCommit) console.warn('pre-commit is not installed (apt-get install pre-commit): the pre-commit hook test is skipped.');

// The hook's ESLint and parser at the versions this repository tests with.
const { devDependencies } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
const devVersion = (name: string): string | undefined => devDependencies[name];

describe.skipIf(!hasPreCommit)('pre-commit hook (README recipe)', () => {
  let dir: string;
  const run = (...args: string[]) =>
    spawnSync('pre-commit', args, { cwd: dir, encoding: 'utf8', timeout: 240_000, env: { ...process.env, PRE_COMMIT_HOME: path.join(dir, '.pre-commit-home') } });

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'process-guard-pre-commit-'));
    // The package as npm would publish it (dist/ is built before the integration tests).
    const tarball = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' }).trim();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir });
    git('init', '-q');
    git('config', 'user.email', 'dev@example.com');
    git('config', 'user.name', 'dev');
    writeFileSync(
      path.join(dir, '.pre-commit-config.yaml'),
      `repos:
  - repo: local
    hooks:
      - id: process-guard
        name: process-guard
        entry: process-guard
        language: node
        types_or: [javascript, ts, tsx]
        args: [--max-warnings, '0']
        additional_dependencies: ['${path.join(dir, tarball)}', 'eslint@${devVersion('eslint')}', '@typescript-eslint/parser@${devVersion('@typescript-eslint/parser')}']
`,
    );
    writeFileSync(path.join(dir, 'pool.ts'), "import { Worker } from 'node:worker_threads';\nexport const worker: Worker = new Worker(new URL('./w.js', import.meta.url));\n");
    writeFileSync(path.join(dir, 'safe.mjs'), "import { spawn } from 'node:child_process';\nexport const start = () => spawn('git', ['status']);\n");
    git('add', '.pre-commit-config.yaml', 'pool.ts', 'safe.mjs');
  }, 60_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('fails on a staged TypeScript file with a hazard, naming the rule', () => {
    const result = run('run', '--files', 'pool.ts');
    expect(result.stdout).toContain('no-top-level-spawn');
    expect(result.status).toBe(1);
  }, 300_000);

  it('passes once the file starts nothing at load', () => {
    const result = run('run', '--files', 'safe.mjs');
    expect(result.stdout).toMatch(/process-guard\.+Passed/);
    expect(result.status).toBe(0);
  }, 300_000);
});
