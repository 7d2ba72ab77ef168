// @ts-check
/**
 * One cold run of `npm run bench`, in a fresh process as `eslint .` starts: loads ESLint and the
 * plugins, lints every file of the given repositories once with one configuration of
 * bench-setups.js, and prints the milliseconds from this process's start as JSON.
 *
 *   node scripts/lib/cold-run.js <setup> <0|1 typescript-eslint> <folder>...
 */
import path from 'node:path';
import process from 'node:process';
import { performance } from 'node:perf_hooks';
import { listCorpusFiles } from './corpus-files.js';
import { benchSetups } from './bench-setups.js';
import { eslintOptions, loadEslint, loadPlugin } from './lint-setup.js';

const [setup = '', typescriptEslint = '0', ...roots] = process.argv.slice(2);
const { files } = listCorpusFiles({ packages: [], only: [], roots });
const { ESLint } = await loadEslint();
const { plugin } = await loadPlugin();
const setups = await benchSetups({ files, plugin, typescriptEslint: typescriptEslint === '1' });
const configs = setups[/** @type {keyof typeof setups} */ (setup)];
if (!configs) throw new Error(`no setup ${setup}`);
let cwd = path.resolve(roots[0] ?? '.');
while (!roots.every((root) => path.resolve(root).startsWith(cwd))) cwd = path.dirname(cwd);
const eslint = new ESLint(eslintOptions(configs, { cwd }));
let failures = 0;
for (const file of files) {
  try {
    await eslint.lintText(file.text, { filePath: file.abs });
  } catch {
    failures++;
  }
}
process.stdout.write(JSON.stringify({ ms: performance.now(), failures }));
