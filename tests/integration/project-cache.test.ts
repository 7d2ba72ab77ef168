// What the project model keeps between lints, through the real ESLint class and CLI on throwaway
// projects: the same findings whatever the order of the lints (per configuration, and beyond every
// budget), and new files and package.json changes seen by a long-lived instance, as in an editor.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { ESLint, type Linter } from 'eslint';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { LIFETIME_MS } from '../../src/analysis/project/fs-cache.js';
import { ESLINT_10_BIN, findingsOf, ROOT, loadBuiltPlugin, loadBuiltSummaryStats, runNode, tempProject, type TempProject } from './support.js';

const projects: TempProject[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const project of projects.splice(0)) project.remove();
});

function project(files: Record<string, string>, linked: string[] = []): TempProject {
  const made = tempProject(files, linked);
  projects.push(made);
  return made;
}

/** Lints each file alone, in this order, with one ESLint instance and cold caches: `file:line rule`. */
async function lintInOrder(dir: string, configs: Linter.Config[], files: readonly string[]): Promise<string[]> {
  (await loadBuiltSummaryStats()).resetModuleSummaries();
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: configs });
  const findings: string[] = [];
  for (const file of files) {
    for (const { file: name, line, ruleId } of findingsOf(await eslint.lintFiles([file]), dir)) findings.push(`${name}:${line} ${ruleId}`);
  }
  return findings.sort();
}

const CUSTOM_STARTER = { module: '@acme/jobs', path: 'startWorker', mechanism: 'thread', target: { role: 'script', argument: 0 } };
const IMPORTER = "import { boot } from '../shared/boot.js';\nexport const worker = boot();\n";

describe('two config blocks importing the same module', () => {
  const files = {
    'package.json': '{ "type": "module" }',
    'shared/boot.js': "import { startWorker } from '@acme/jobs';\nexport function boot() {\n  return startWorker('./worker.js');\n}\n",
    'a/app.js': IMPORTER,
    'b/app.js': IMPORTER,
  };
  // Only a/** declares the starter: only a/app.js starts a worker at import.
  const EXPECTED = ['a/app.js:2 process-guard/no-top-level-spawn'];

  it('report for each file what its own configuration declares, in either lint order', async () => {
    const { dir } = project(files);
    const plugin = await loadBuiltPlugin();
    const configs: Linter.Config[] = [plugin.configs.all, { files: ['a/**'], settings: { 'process-guard': { starters: [CUSTOM_STARTER] } } }];
    expect(await lintInOrder(dir, configs, ['a/app.js', 'b/app.js'])).toEqual(EXPECTED);
    expect(await lintInOrder(dir, configs, ['b/app.js', 'a/app.js'])).toEqual(EXPECTED);
  });

  it('report the same from the CLI in separate processes, in either order', async () => {
    const { dir } = project(
      {
        ...files,
        'eslint.config.js': `import processGuard from 'eslint-plugin-process-guard';
export default [processGuard.configs.all, { files: ['a/**'], settings: { 'process-guard': { starters: [${JSON.stringify(CUSTOM_STARTER)}] } } }];
`,
      },
      ['eslint-plugin-process-guard', 'eslint'],
    );
    for (const order of [
      ['a/app.js', 'b/app.js'],
      ['b/app.js', 'a/app.js'],
    ]) {
      const run = await runNode([ESLINT_10_BIN, '--format', 'json', ...order], { cwd: dir });
      const findings = findingsOf(JSON.parse(run.stdout) as ESLint.LintResult[], dir).map(({ file, line, ruleId }) => `${file}:${line} ${ruleId}`);
      expect(findings, run.stderr).toEqual(EXPECTED);
    }
  });
});

describe('an import graph larger than every budget', () => {
  const LENGTH = 40;
  const modules = Array.from({ length: LENGTH }, (_, index) => `src/m${index}.js`);

  /** Each module calls the next at import and re-exports a function that calls it; the last one spawns. */
  function chainProject(extra: Record<string, string> = {}): string {
    const files: Record<string, string> = { 'package.json': '{ "type": "module" }', ...extra };
    for (let index = 0; index < LENGTH - 1; index += 1) {
      files[`src/m${index}.js`] =
        `import { f${index + 1} } from './m${index + 1}.js';\nexport function f${index}() {\n  return f${index + 1}();\n}\nexport const r${index} = f${index + 1}();\n`;
    }
    files[`src/m${LENGTH - 1}.js`] =
      `import { spawn } from 'node:child_process';\nexport const child = spawn('node', ['x.js']);\nexport function f${LENGTH - 1}() {\n  return spawn('node', ['y.js']);\n}\n`;
    return project(files).dir;
  }

  it('gives the same findings in any lint order', async () => {
    const dir = chainProject();
    const plugin = await loadBuiltPlugin();
    const forward = await lintInOrder(dir, [plugin.configs.all], modules);
    const backward = await lintInOrder(dir, [plugin.configs.all], [...modules].reverse());
    const shuffled = await lintInOrder(dir, [plugin.configs.all], [...modules.filter((_, index) => index % 2 === 1), ...modules.filter((_, index) => index % 2 === 0)]);
    expect(backward).toEqual(forward);
    expect(shuffled).toEqual(forward);
    // The modules near the spawn are within every budget: their calls are reported.
    expect(forward).toContain(`src/m${LENGTH - 2}.js:5 process-guard/no-top-level-spawn`);
    expect(forward).not.toContain('src/m0.js:5 process-guard/no-top-level-spawn');
  });

  it('gives the same findings in two workers (ESLint --concurrency 2) as in one process', async () => {
    const config = `import plugin from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist', 'index.js')).href)};\nexport default [plugin.configs.all];\n`;
    const dir = chainProject({ 'eslint.config.js': config });
    const plugin = await loadBuiltPlugin();
    const inProcess = await lintInOrder(dir, [plugin.configs.all], modules);
    const run = await runNode([ESLINT_10_BIN, '--format', 'json', '--concurrency', '2', 'src'], { cwd: dir });
    expect(run.code, run.stderr).toBe(1);
    const inWorkers = findingsOf(JSON.parse(run.stdout) as ESLint.LintResult[], dir).map(({ file, line, ruleId }) => `${file}:${line} ${ruleId}`);
    expect(inWorkers.sort()).toEqual(inProcess);
  });
});

describe('a long-lived ESLint instance, as in an editor', () => {
  it('sees a new module an import resolves to, a new `bin` entry and a changed `type`', async () => {
    const { dir } = project({
      'package.json': '{ "name": "app" }',
      'src/app.js': "import { start } from './jobs.js';\nexport const job = start();\n",
      'cli.js': "import { spawn } from 'node:child_process';\nexport const child = spawn('git', ['status']);\n",
      'tool.js': "const { fork } = require('node:child_process');\nmodule.exports = () => fork('./worker.js');\n",
    });
    const plugin = await loadBuiltPlugin();
    (await loadBuiltSummaryStats()).resetModuleSummaries();
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [plugin.configs.all] });
    const lint = async () =>
      findingsOf(await eslint.lintFiles(['.']), dir).map(({ file, line, ruleId, message }) => `${file}:${line} ${ruleId.replace('process-guard/', '')}${message.includes('import.meta.url') ? ' (esm)' : ''}`);
    expect(await lint()).toEqual(['cli.js:2 no-top-level-spawn', 'tool.js:2 no-fragile-script-path']);

    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    writeFileSync(path.join(dir, 'src/jobs.js'), "import { fork } from 'node:child_process';\nexport function start() {\n  return fork(new URL('./worker.js', import.meta.url));\n}\n");
    writeFileSync(path.join(dir, 'package.json'), '{ "name": "app", "type": "module", "bin": "cli.js" }');
    // Within the lifetime the first look at the disk still holds; after it, the new facts are used.
    vi.setSystemTime(Date.now() + LIFETIME_MS + 1);
    expect(await lint()).toEqual(['src/app.js:2 no-top-level-spawn', 'tool.js:2 no-fragile-script-path (esm)']);
  });
});
