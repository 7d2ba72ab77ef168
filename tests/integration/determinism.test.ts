// The same findings for the same tree, whatever the lint order and the number of workers, on a
// generated project larger than every budget of the project model: chains longer than any nesting,
// import cycles of several sizes, and 3,000 modules importing each other in layers, with back edges.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ESLINT_10_BIN, findingsOf, ROOT, loadBuiltPlugin, loadBuiltSummaryStats, runNode, tempProject, type TempProject } from './support.js';

const CHAIN = 300;
const RING_SIZES = [1, 2, 3, 5, 9, 17];
const LAYERS = 10;
const WIDTH = 300;

/** A small deterministic generator (an LCG), so that every run builds the same project. */
function random(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % below;
  };
}

const SPAWNS = "import { spawn } from 'node:child_process';\n";
/** A module whose `f` calls `next`'s `f`, which it also calls at import (a top-level start when `next` starts). */
const caller = (next: string, head = '') => `${head}import { f as next } from '${next}';\nexport function f() {\n  return next();\n}\nexport const started = next();\n`;

function generatedFiles(): Record<string, string> {
  const config = `import plugin from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist', 'index.js')).href)};\nexport default [plugin.configs.all];\n`;
  const files: Record<string, string> = { 'package.json': '{ "type": "module" }', 'eslint.config.js': config };
  // A chain of callers longer than any nesting; the last one spawns.
  for (let index = 0; index < CHAIN - 1; index += 1) files[`src/chain/c${index}.js`] = caller(`./c${index + 1}.js`);
  files[`src/chain/c${CHAIN - 1}.js`] = `${SPAWNS}export function f() {\n  return spawn('node', ['w.js']);\n}\n`;
  // A chain of barrels longer than any nesting, each naming a starter module on the way, and importers at several depths.
  files['src/barrels/side.js'] = `${SPAWNS}export const NAME = 'side';\n`;
  for (let index = 0; index < CHAIN - 1; index += 1) files[`src/barrels/b${index}.js`] = `import './side.js';\nexport * from './b${index + 1}.js';\n`;
  files[`src/barrels/b${CHAIN - 1}.js`] = `${SPAWNS}export function run() {\n  return spawn('node', ['w.js']);\n}\n`;
  for (const depth of [0, 150, CHAIN - 8, CHAIN - 3]) files[`src/barrels/use${depth}.js`] = `import { run } from './b${depth}.js';\nexport const child = run();\n`;
  // Import cycles: each module calls the next at import; m0 also spawns when called.
  for (const size of RING_SIZES) {
    for (let index = 0; index < size; index += 1) {
      const next = `./m${(index + 1) % size}.js`;
      files[`src/ring${size}/m${index}.js`] =
        index === 0
          ? `${SPAWNS}import * as ring from '${next}';\nexport function f() {\n  return spawn('node', ['w.js']);\n}\nexport const started = ring.f();\n`
          : caller(next);
    }
  }
  // Layers: each module calls three of the next layer (fan-out, random fan-in); some call one of the layer above (cycles).
  const pick = random(25);
  for (let layer = 0; layer < LAYERS; layer += 1) {
    for (let index = 0; index < WIDTH; index += 1) {
      const name = `src/layers/l${layer}/n${index}.js`;
      if (layer === LAYERS - 1) {
        files[name] = index % 7 === 0 ? `${SPAWNS}export function f() {\n  return spawn('node', ['w.js']);\n}\n` : 'export function f() {\n  return 1;\n}\n';
        continue;
      }
      const targets = [0, 1, 2].map(() => `../l${layer + 1}/n${pick(WIDTH)}.js`);
      if (layer > 0 && index % 97 === 0) targets.push(`../l${layer - 1}/n${pick(WIDTH)}.js`);
      const imports = targets.map((target, position) => `import { f as g${position} } from '${target}';\n`).join('');
      files[name] = `${imports}export function f() {\n  return g1() ?? g2();\n}\nexport const started = g0();\n`;
    }
  }
  return files;
}

let project: TempProject;
/** The files linted: every module but two of three in the layers (all of them are read as imports). */
let linted: string[];

beforeAll(() => {
  const files = generatedFiles();
  project = tempProject(files, []);
  linted = Object.keys(files).filter((name) => name.startsWith('src/') && Number(/^src\/layers\/l\d+\/n(\d+)\.js$/.exec(name)?.[1] ?? 0) % 3 === 0);
});

afterAll(() => {
  project.remove();
});

const asText = ({ file, line, ruleId }: { file: string; line: number; ruleId: string }) => `${file}:${line} ${ruleId}`;

/** Lints the files in this order in one process, with cold caches: the sorted findings. */
async function lintInOrder(files: readonly string[]): Promise<string[]> {
  (await loadBuiltSummaryStats()).resetModuleSummaries();
  const plugin = await loadBuiltPlugin();
  const eslint = new ESLint({ cwd: project.dir, overrideConfigFile: true, overrideConfig: [plugin.configs.all] });
  return findingsOf(await eslint.lintFiles([...files]), project.dir).map(asText).sort();
}

/** Lints the files in this order with the ESLint CLI in two workers: the sorted findings. */
async function lintInWorkers(files: readonly string[]): Promise<string[]> {
  const run = await runNode([ESLINT_10_BIN, '--format', 'json', '--concurrency', '2', ...files], { cwd: project.dir });
  expect(run.code, run.stderr).toBe(1);
  return findingsOf(JSON.parse(run.stdout) as ESLint.LintResult[], project.dir).map(asText).sort();
}

describe('a generated project larger than every budget', () => {
  it('gives the same findings in any lint order, in one process and in two workers', async () => {
    const timings: string[] = [];
    const timed = async (name: string, lint: () => Promise<string[]>) => {
      const started = performance.now();
      const findings = await lint();
      timings.push(`${name} ${Math.round(performance.now() - started)} ms`);
      return findings;
    };
    const shuffle = random(7);
    const shuffled = [...linted].sort(() => shuffle(3) - 1);
    const forward = await timed('in order', () => lintInOrder(linted));
    const backward = await timed('reversed', () => lintInOrder([...linted].reverse()));
    const workers = await timed('two workers, shuffled', () => lintInWorkers(shuffled));
    console.info(`${Object.keys(generatedFiles()).length} files, ${linted.length} linted, ${forward.length} findings: ${timings.join(', ')}`);

    expect(backward).toEqual(forward);
    expect(workers).toEqual(forward);
    // Within the budgets, what is known is reported: the end of the chain, the barrel near its
    // target, the small cycles, the layers near the spawns.
    expect(forward).toContain(`src/chain/c${CHAIN - 2}.js:5 process-guard/no-top-level-spawn`);
    expect(forward).not.toContain('src/chain/c0.js:5 process-guard/no-top-level-spawn');
    expect(forward).toContain(`src/barrels/use${CHAIN - 3}.js:2 process-guard/no-top-level-spawn`);
    expect(forward).not.toContain('src/barrels/use0.js:2 process-guard/no-top-level-spawn');
    for (const size of [1, 2, 3, 5]) expect(forward).toContain(`src/ring${size}/m0.js:6 process-guard/no-top-level-spawn`);
    for (const size of [2, 3, 5]) expect(forward).toContain(`src/ring${size}/m1.js:5 process-guard/no-top-level-spawn`);
    expect(forward.some((finding) => finding.startsWith(`src/layers/l${LAYERS - 2}/`))).toBe(true);
  });
});
