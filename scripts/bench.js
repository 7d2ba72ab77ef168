// @ts-check
/**
 * `npm run bench`: how much the plugin adds to an ESLint run over the corpus of real packages
 * (tests/corpus/packages.json, installed by the same code as `npm run corpus`).
 *
 * In one process, with every config built once, it lints the corpus with
 *   baseline     @eslint/js recommended
 *   recommended  baseline + process-guard recommended
 *   all          baseline + process-guard all
 * alternating the three per repetition (after warm-up runs), and prints the median wall time of
 * each, the ratios against the baseline, the time per rule (ESLint's `stats`, in --reps runs of their
 * own: the run with the median total, and the rules' share of the rest of each run), and the time to import
 * the built plugin in a fresh Node process, and how the rules' time grows with the size of generated files.
 * First, cold and warm against a walk-only floor and two peer plugins (see --cold and bench-setups.js). It only reports: the exit code is 0 whatever the ratios.
 *
 * Options:
 *   --reps N       timed repetitions of each configuration (default 5)
 *   --warmup N     untimed runs of each configuration first (default 1)
 *   --limit N      lint only N corpus files, spread evenly over the corpus (quick runs)
 *   --package NAME only this pinned package (repeatable, or comma-separated)
 *   --loads N      fresh processes for the plugin load time (default 7; 0 skips it)
 *   --by-run       alternate whole runs (baseline run, recommended run, all run) instead of the
 *                  default file-by-file alternation, where each repetition lints every file with the
 *                  three configurations in turn (order rotated per file) and sums the times per
 *                  configuration: on a machine busy with other work, the whole-run times of the same
 *                  configuration varied by up to 40 %, which hides a 5 % difference, while
 *                  background load hits all three equally file by file
 *   --growth N     statements of the smaller generated files of the growth check (default 1000;
 *                  0 skips it): the rules' time on generated files of N and 4N statements, whose
 *                  ratio stays near 4 when the analysis is linear
 *   --compare DIR  also measure another build of the plugin in the same run: DIR is a checkout
 *                  with its dist/ built (an earlier commit in a git worktree). Its `all` config joins
 *                  the timed runs; in the per-rule stats runs the two builds alternate file by file; the growth check and the load time are measured for both
 *                  (load times alternating process by process). It prints each figure of both builds
 *                  and their ratio: on a busy machine, timings taken an hour apart are not comparable
 *   --fastest K    with --compare: lint each file K times with each build (alternating) and sum, per
 *                  build, the rules' time of each file's fastest lint. Background load inflates some
 *                  lints, never all K, so the ratio of the sums is steadier than that of whole runs
 *   --eslint9      use ESLint 9 (the `eslint-v9` alias)
 *   --stand-in     a tiny stand-in rule instead of the built plugin (for working on this script)
 *   --no-cross-file  this build with the `crossFile` setting off: the project model's share of the cost
 *   --typescript-eslint  add typescript-eslint's recommended rules for TypeScript files to every
 *                  configuration (the baseline too), as TypeScript projects lint
 *   --cold N       fresh processes per setup for the cold-and-warm comparison (default 3; 0: warm only):
 *                  baseline, a walk-only floor rule, process-guard all with and without the project
 *                  model, and the peers eslint-plugin-n and eslint-plugin-security, each linting the
 *                  whole file set cold (a fresh process, as `eslint .`) and warm (--reps runs in this
 *                  process, as an editor), printed as ratios to the baseline and to the floor
 *   --cold-warm-only  only that comparison (skips the timed runs, per-rule stats, growth and load time)
 *   --dir DIR      lint the JavaScript and TypeScript files of a repository checkout instead of the
 *                  corpus (repeatable): the project model's cost where imports name the project's own
 *                  modules
 */
import process from 'node:process';
import { performance } from 'node:perf_hooks';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { ROOT, ensureCorpus, listCorpusFiles, packageDir } from './lib/corpus-files.js';
import { callChain, guardedStatements, methodChain } from './lib/generated-files.js';
import { SETUP_NAMES, benchSetups, typescriptEslintRecommended } from './lib/bench-setups.js';
import { PLUGIN_ENTRY, enabledRules, eslintOptions, languageConfigs, loadEslint, loadPlugin, median, parseCount, parseOptions } from './lib/lint-setup.js';

/** @typedef {import('./lib/corpus-files.js').CorpusFile} CorpusFile */

const COLD_RUN = fileURLToPath(new URL('lib/cold-run.js', import.meta.url));

const args = parseOptions(
  {
    reps: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
    limit: { type: 'string' },
    package: { type: 'string', multiple: true },
    loads: { type: 'string', default: '7' },
    growth: { type: 'string', default: '1000' },
    compare: { type: 'string' },
    'by-run': { type: 'boolean', default: false },
    eslint9: { type: 'boolean', default: false },
    'stand-in': { type: 'boolean', default: false },
    'no-cross-file': { type: 'boolean', default: false },
    'typescript-eslint': { type: 'boolean', default: false },
    dir: { type: 'string', multiple: true },
    fastest: { type: 'string', default: '0' },
    cold: { type: 'string', default: '3' },
    'cold-warm-only': { type: 'boolean', default: false },
  },
  'scripts/bench.js',
);

/** @param {string} line */
const log = (line) => process.stderr.write(`${line}\n`);
/** @param {string} line */
const print = (line) => process.stdout.write(`${line}\n`);

/** Release memory between runs when node runs with --expose-gc. */
const gc = /** @type {{ gc?: () => void }} */ (globalThis).gc;
function collectGarbage() {
  if (gc) gc();
}

/** CPU time of this process (user + system, all its threads) in ms. */
function cpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Lints every file once; returns the wall time and the CPU time in ms and how many files threw.
 * @param {import('eslint').ESLint} eslint
 * @param {CorpusFile[]} files
 */
async function lintAll(eslint, files) {
  collectGarbage();
  let failures = 0;
  const started = performance.now();
  const cpuStarted = cpuMs();
  for (const file of files) {
    try {
      await eslint.lintText(file.text, { filePath: file.abs });
    } catch {
      failures++;
    }
  }
  return { ms: performance.now() - started, cpu: cpuMs() - cpuStarted, failures };
}

/**
 * Lints every file with each ESLint instance in turn (the order rotated per file and by `rotate`),
 * and sums the wall time and the CPU time per instance.
 * @param {import('eslint').ESLint[]} instances
 * @param {CorpusFile[]} files
 * @param {number} rotate
 */
async function lintInterleaved(instances, files, rotate) {
  collectGarbage();
  const wall = instances.map(() => 0);
  const cpu = instances.map(() => 0);
  for (const [n, file] of files.entries()) {
    for (let k = 0; k < instances.length; k++) {
      const index = (k + rotate + n) % instances.length;
      const started = performance.now();
      const cpuStarted = cpuMs();
      try {
        await instances[index].lintText(file.text, { filePath: file.abs });
      } catch {
        // counted by npm run corpus
      }
      wall[index] += performance.now() - started;
      cpu[index] += cpuMs() - cpuStarted;
    }
  }
  return { wall, cpu };
}

/**
 * Time to import each built plugin entry, measured inside fresh Node processes (the entries in turn,
 * so that background load hits each alike); one list of times per entry.
 * @param {number} count
 * @param {string[]} entries
 */
function measureLoadTimes(count, entries) {
  const codes = entries.map((entry) =>
    [
      'const started = performance.now();',
      `await import(${JSON.stringify(pathToFileURL(entry).href)});`,
      'process.stdout.write(String(performance.now() - started));',
    ].join('\n'),
  );
  const times = entries.map(() => /** @type {number[]} */ ([]));
  for (let i = 0; i < count; i++) {
    codes.forEach((code, k) => {
      const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
      times[k]?.push(Number(out));
    });
  }
  return times;
}

/**
 * The per-rule times of ESLint's stats: `runs` runs over the files with each ESLint instance, the
 * instances alternating file by file (order rotated per file and per run). For each instance and
 * run: the time per rule, the parse time and the wall time of the whole run.
 * @param {import('eslint').ESLint[]} instances
 * @param {CorpusFile[]} files
 * @param {number} runs
 * @param {() => void} [beforeRun] called before each run
 */
async function statsRuns(instances, files, runs, beforeRun = () => {}) {
  const results = instances.map(() => /** @type {{ perRule: Record<string, number>, parseMs: number, wallMs: number }[]} */ ([]));
  for (let run = 0; run < runs; run++) {
    beforeRun();
    collectGarbage();
    const current = instances.map(() => ({ perRule: /** @type {Record<string, number>} */ ({}), parseMs: 0, wallMs: 0 }));
    for (const [n, file] of files.entries()) {
      for (let k = 0; k < instances.length; k++) {
        const index = (k + n + run) % instances.length;
        const totals = current[index];
        const started = performance.now();
        try {
          const [result] = await instances[index].lintText(file.text, { filePath: file.abs });
          const { parseMs, perRule } = lintTimes(result);
          totals.parseMs += parseMs;
          for (const [ruleId, ms] of Object.entries(perRule)) totals.perRule[ruleId] = (totals.perRule[ruleId] ?? 0) + ms;
        } catch {
          // counted in the timed runs
        }
        totals.wallMs += performance.now() - started;
      }
    }
    current.forEach((totals, k) => results[k]?.push(totals));
  }
  return results;
}

/**
 * The parse time and the time per rule of one lint result (ESLint's `stats`, summed over its passes).
 * @param {import('eslint').ESLint.LintResult | undefined} result
 */
function lintTimes(result) {
  let parseMs = 0;
  /** @type {Record<string, number>} */
  const perRule = {};
  for (const pass of result?.stats?.times.passes ?? []) {
    parseMs += pass.parse?.total ?? 0;
    for (const [ruleId, time] of Object.entries(pass.rules ?? {})) perRule[ruleId] = (perRule[ruleId] ?? 0) + time.total;
  }
  return { parseMs, perRule };
}

/**
 * For each instance, the sum over files of the process-guard rules' time in the fastest of `times`
 * lints of the file, the instances alternating lint by lint.
 * @param {import('eslint').ESLint[]} instances
 * @param {CorpusFile[]} files
 * @param {number} times
 */
async function fastestLints(instances, files, times) {
  const sums = instances.map(() => 0);
  for (const [n, file] of files.entries()) {
    const best = instances.map(() => Infinity);
    for (let k = 0; k < times; k++) {
      for (let j = 0; j < instances.length; j++) {
        const index = (j + n + k) % instances.length;
        try {
          const [result] = await instances[index].lintText(file.text, { filePath: file.abs });
          best[index] = Math.min(best[index] ?? Infinity, ourTotal(lintTimes(result).perRule));
        } catch {
          // counted in the timed runs
        }
      }
    }
    best.forEach((ms, k) => {
      if (Number.isFinite(ms)) sums[k] = (sums[k] ?? 0) + ms;
    });
  }
  return sums;
}

/** The deepest folder holding every one of `folders`. @param {string[]} folders */
function commonFolder(folders) {
  let common = folders[0] ?? ROOT;
  while (!folders.every((folder) => folder === common || folder.startsWith(common + path.sep))) common = path.dirname(common);
  return common;
}

/** The process-guard rules' total of one stats run. @param {Record<string, number>} perRule */
const ourTotal = (perRule) => Object.entries(perRule).reduce((sum, [id, ms]) => sum + (id.startsWith('process-guard/') ? ms : 0), 0);

/**
 * The process-guard rules' time (ESLint's stats, median of 3) on generated files of `size` and
 * `4 * size` statements, and the ratio: near 4 when the cost grows linearly, near 16 when quadratic.
 * @param {typeof import('eslint').ESLint} ESLint
 * @param {import('eslint').Linter.Config} all
 * @param {number} size
 */
async function measureGrowth(ESLint, all, size, label = '') {
  const eslint = new ESLint(eslintOptions([{ files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } }, all], { stats: true }));
  const filePath = path.join(ROOT, 'bench-generated.mjs');
  /** @param {string} code */
  const rulesMs = async (code) => {
    /** @type {number[]} */
    const times = [];
    for (let rep = 0; rep < 3; rep++) {
      collectGarbage();
      const [result] = await eslint.lintText(code, { filePath });
      if (result.messages.some((message) => message.fatal || message.ruleId === null)) return undefined;
      let ms = 0;
      for (const pass of result.stats?.times.passes ?? []) {
        for (const [ruleId, time] of Object.entries(pass.rules ?? {})) if (ruleId.startsWith('process-guard/')) ms += time.total;
      }
      times.push(ms);
    }
    return median(times);
  };
  const shapes = [
    { name: 'top-level statements with guards', generate: guardedStatements },
    { name: 'chain of functions called at load', generate: callChain },
    { name: 'chain of methods from a constructor', generate: methodChain },
  ];
  print(`Growth${label}: process-guard rules' time on generated files of N = ${size} and 4N statements (median of 3; linear: ratio near 4):`);
  for (const shape of shapes) {
    /** @type {(number | undefined)[]} */
    const times = [];
    for (const n of [size, 4 * size]) {
      try {
        times.push(await rulesMs(shape.generate(n)));
      } catch {
        times.push(undefined);
      }
    }
    const [small, large] = times;
    const shown = (/** @type {number | undefined} */ ms) => (ms === undefined ? 'threw' : `${ms.toFixed(1)} ms`);
    const ratio = small !== undefined && large !== undefined && small > 0 ? (large / small).toFixed(2) : '-';
    print(`  ${shape.name.padEnd(38)} N ${shown(small).padStart(10)}   4N ${shown(large).padStart(10)}   4N / N = ${ratio}`);
  }
  print('');
}

/**
 * @param {number} ms
 */
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

/**
 * Cold and warm, against the floor and two peers: each setup of bench-setups.js lints every file,
 * cold in `cold` fresh processes per setup (as `eslint .` starts: load, parse, empty caches; the
 * setups in turn), and warm in this process (as an editor lints: `reps` runs alternating file by
 * file, after one warm-up run, caches kept). Prints ratios: each setup's time over the baseline's
 * and over the floor's.
 * @param {{ ESLint: typeof import('eslint').ESLint, files: CorpusFile[], plugin: import('./lib/lint-setup.js').PluginLike, roots: string[] | undefined, cwd: string, cold: number, reps: number }} options
 */
async function coldAndWarm({ ESLint, files, plugin, roots, cwd, cold, reps }) {
  const typescriptEslint = args['typescript-eslint'];
  const setups = await benchSetups({ files, plugin, typescriptEslint });
  /** @type {Record<string, { cold: number[], warm: number[] }>} */
  const times = Object.fromEntries(SETUP_NAMES.map((name) => [name, { cold: [], warm: [] }]));
  // Cold runs lint whole repositories (or corpus packages), whatever --limit picks for the warm runs.
  const folders = roots ?? [...new Set(files.map((file) => packageDir(file.pkg)))];
  for (let rep = 0; rep < cold; rep++) {
    for (const [k] of SETUP_NAMES.entries()) {
      const name = SETUP_NAMES[(k + rep) % SETUP_NAMES.length];
      const out = execFileSync(process.execPath, [COLD_RUN, name, typescriptEslint ? '1' : '0', ...folders], { encoding: 'utf8', maxBuffer: 1 << 20 });
      times[name].cold.push(JSON.parse(out).ms);
      log(`bench: cold ${rep + 1}/${cold} ${name} ${seconds(JSON.parse(out).ms)}`);
    }
  }
  const instances = SETUP_NAMES.map((name) => new ESLint(eslintOptions(setups[name], { cwd })));
  await lintInterleaved(instances, files, 0);
  for (let rep = 0; rep < reps; rep++) {
    const { wall } = await lintInterleaved(instances, files, rep + 1);
    SETUP_NAMES.forEach((name, k) => times[name].warm.push(wall[k] ?? 0));
    log(`bench: warm ${rep + 1}/${reps} ${SETUP_NAMES.map((name, k) => `${name} ${seconds(wall[k] ?? 0)}`).join(', ')}`);
  }
  const measured = /** @type {const} */ (['cold', 'warm']).filter((kind) => times.baseline[kind].length > 0);
  print(`Cold (${cold} fresh processes per setup, whole run from process start) and warm (${reps} runs in one process, caches kept), medians as ratios:`);
  print(`  ${'setup'.padEnd(14)} ${measured.map((kind) => `${kind}: × baseline  × floor`.padEnd(30)).join(' ')}`);
  for (const name of SETUP_NAMES) {
    const cells = measured.map((kind) => {
      const [base, floor, own] = [median(times.baseline[kind]), median(times.floor[kind]), median(times[name][kind])];
      return `${(own / base).toFixed(3).padStart(10)}  ${(own / floor).toFixed(3).padStart(8)}`.padEnd(30);
    });
    print(`  ${name.padEnd(14)} ${cells.join(' ')}`);
  }
  print('');
}

async function main() {
  const reps = Math.max(1, parseCount(args.reps, '--reps') ?? 5);
  const warmup = parseCount(args.warmup, '--warmup') ?? 1;
  const loads = parseCount(args.loads, '--loads') ?? 7;
  const roots = args.dir && args.dir.length > 0 ? args.dir : undefined;
  const { packages } = roots ? { packages: [] } : ensureCorpus({ log });
  const only = (args.package ?? []).flatMap((p) => p.split(',')).filter(Boolean);
  const limit = parseCount(args.limit, '--limit');
  const { files: corpus } = listCorpusFiles({ packages, only, roots });
  // ESLint lints only files below its cwd: the folder that holds every root.
  const cwd = roots ? commonFolder(roots.map((root) => path.resolve(root))) : ROOT;
  // A sample spread over the whole corpus, so that a quick run has the same mix of packages.
  const files =
    limit === undefined || limit >= corpus.length
      ? corpus
      : Array.from({ length: limit }, (_, i) => corpus[Math.floor((i * corpus.length) / limit)]);
  const lines = files.reduce((sum, f) => sum + f.lines, 0);

  const { ESLint, version } = await loadEslint({ v9: args.eslint9 });
  const { plugin, source } = await loadPlugin({ standIn: args['stand-in'] });
  const cold = parseCount(args.cold, '--cold') ?? 3;
  print(`ESLint ${version}, plugin ${source}; ${files.length} files${roots ? ` of ${roots.join(', ')}` : ' of the corpus'}`);
  if (cold > 0 || args['cold-warm-only']) await coldAndWarm({ ESLint, files, plugin, roots, cwd, cold, reps });
  if (args['cold-warm-only']) return;
  const compareEntry = args.compare === undefined ? undefined : path.resolve(args.compare, 'dist', 'index.js');
  const compared = compareEntry === undefined ? undefined : await loadPlugin({ entry: compareEntry });
  const { default: js } = await import('@eslint/js');
  const languages = await languageConfigs(files);
  /** @type {import('eslint').Linter.Config} */
  const jsRecommended = { name: '@eslint/js/recommended', ...js.configs.recommended };
  const typescriptRecommended = args['typescript-eslint'] ? await typescriptEslintRecommended() : [];
  const recommended = /** @type {import('eslint').Linter.Config} */ (plugin.configs.recommended);
  const all = /** @type {import('eslint').Linter.Config} */ (plugin.configs.all);
  /** @type {import('eslint').Linter.Config[]} */
  const settings = args['no-cross-file'] ? [{ settings: { 'process-guard': { crossFile: false } } }] : [];
  const setups = [
    { name: 'baseline', configs: [...languages, jsRecommended, ...typescriptRecommended] },
    { name: 'recommended', configs: [...languages, jsRecommended, ...typescriptRecommended, recommended, ...settings] },
    { name: 'all', configs: [...languages, jsRecommended, ...typescriptRecommended, all, ...settings] },
    ...(compared
      ? [{ name: 'compared', configs: [...languages, jsRecommended, ...typescriptRecommended, /** @type {import('eslint').Linter.Config} */ (compared.plugin.configs.all)] }]
      : []),
  ].map((s) => ({ ...s, eslint: new ESLint(eslintOptions(s.configs, { cwd })), times: /** @type {number[]} */ ([]), cpu: /** @type {number[]} */ ([]) }));

  print(`ESLint ${version}, plugin ${source}${compared ? `; compared build ${compared.source}` : ''}`);
  print(
    `${roots ? `Files of ${roots.join(', ')}` : 'Corpus'}: ${files.length}${files.length < corpus.length ? ` of ${corpus.length}` : ''} files, ${lines} lines; @eslint/js recommended ${enabledRules(jsRecommended).length} rules, ` +
      `${typescriptRecommended.length > 0 ? `typescript-eslint recommended ${typescriptRecommended.flatMap(enabledRules).length} rules on TypeScript files, ` : ''}` +
      `process-guard recommended ${enabledRules(recommended).length} rules, all ${enabledRules(all).length} rules`,
  );
  const byFile = !args['by-run'];
  print(
    `Runs: ${warmup} warm-up + ${reps} timed per configuration, alternating ${byFile ? 'file by file' : 'run by run'}` +
      `${gc ? ', garbage collected before each run' : ''}`,
  );
  print('');

  for (let i = 0; i < warmup; i++) {
    for (const s of setups) {
      const run = await lintAll(s.eslint, files);
      log(`bench: warm-up ${s.name} ${seconds(run.ms)}${run.failures > 0 ? ` (${run.failures} files threw: see npm run corpus)` : ''}`);
    }
  }
  for (let rep = 0; byFile && rep < reps; rep++) {
    const { wall, cpu } = await lintInterleaved(
      setups.map((s) => s.eslint),
      files,
      rep,
    );
    setups.forEach((s, k) => {
      s.times.push(wall[k]);
      s.cpu.push(cpu[k]);
    });
    log(`bench: rep ${rep + 1}/${reps} ${setups.map((s, k) => `${s.name} ${seconds(wall[k])} (cpu ${seconds(cpu[k])})`).join(', ')}`);
  }
  for (let rep = 0; !byFile && rep < reps; rep++) {
    // Rotate the order so that no configuration always runs right after the same other one.
    const order = setups.map((_, k) => setups[(k + rep) % setups.length]);
    for (const s of order) {
      const run = await lintAll(s.eslint, files);
      s.times.push(run.ms);
      s.cpu.push(run.cpu);
      log(`bench: rep ${rep + 1}/${reps} ${s.name} ${seconds(run.ms)} (cpu ${seconds(run.cpu)})`);
    }
  }

  const base = median(setups[0].times);
  const range = (/** @type {number[]} */ t) => `${seconds(median(t))}  (${seconds(Math.min(...t))} - ${seconds(Math.max(...t))})`;
  print('Median wall time (min-max), and CPU time of this process, all threads (min-max):');
  for (const s of setups) print(`  ${s.name.padEnd(12)} wall ${range(s.times)}   cpu ${range(s.cpu)}`);
  print('');
  const ratioRec = median(setups[1].times) / base;
  const ratioAll = median(setups[2].times) / base;
  // CPU time is not inflated by other processes competing for the cores, but it includes V8's
  // parallel garbage-collector threads, whose work lands on whichever configuration runs at the time.
  const cpuRatio = (/** @type {number} */ k) => (median(setups[k].cpu) / median(setups[0].cpu)).toFixed(3);
  print(`recommended / baseline = ${ratioRec.toFixed(3)}  (target < 1.05: ${ratioRec < 1.05 ? 'met' : 'NOT met'}; CPU time ratio ${cpuRatio(1)})`);
  print(`all / baseline         = ${ratioAll.toFixed(3)}  (target < 1.08: ${ratioAll < 1.08 ? 'met' : 'NOT met'}; CPU time ratio ${cpuRatio(2)})`);
  if (compared) print(`compared / baseline    = ${(median(setups[3].times) / base).toFixed(3)}  (CPU time ratio ${cpuRatio(3)})`);
  print('');

  // Per-rule times from ESLint's stats, --reps runs apart from the timed runs so those carry no stats
  // overhead; the run with the median process-guard total is printed. With --compare, both builds
  // alternate file by file.
  const statsInstances = [setups[2], ...(compared ? [setups[3]] : [])].map((s) => new ESLint(eslintOptions(s.configs, { stats: true, cwd })));
  // Each stats run starts with no module summary: the cross-file cost of a fresh `eslint .`.
  const summaryStats = await import(pathToFileURL(path.join(path.dirname(PLUGIN_ENTRY), 'analysis', 'project', 'summary-store.js')).href);
  const [ownRuns = [], comparedRuns] = await statsRuns(statsInstances, files, reps, summaryStats.resetModuleSummaries);
  const { summarised, cacheHits, skippedByText, overBudget = 0, summaryMs } = summaryStats.moduleSummaryStats();
  const middle = (/** @type {{ perRule: Record<string, number>, parseMs: number, wallMs: number }[]} */ runs) =>
    /** @type {{ perRule: Record<string, number>, parseMs: number, wallMs: number }} */ ([...runs].sort((a, b) => ourTotal(a.perRule) - ourTotal(b.perRule))[Math.floor((runs.length - 1) / 2)]);
  const { perRule, parseMs, wallMs: statsMs } = middle(ownRuns);
  const ours = Object.entries(perRule).filter(([id]) => id.startsWith('process-guard/'));
  const theirs = Object.entries(perRule).filter(([id]) => !id.startsWith('process-guard/'));
  const sum = (/** @type {[string, number][]} */ entries) => entries.reduce((a, [, ms]) => a + ms, 0);
  const runsNote = ownRuns.length > 1 ? `the run with the median process-guard total of ${ownRuns.length}` : 'one run';
  print(`Per-rule time, ${runsNote} of "all" with stats: ${seconds(statsMs)} wall, of which parse ${seconds(parseMs)}`);
  // The share of the rest of the run: what the plugin adds to what the lint costs without it.
  const ofRest = (/** @type {{ perRule: Record<string, number>, wallMs: number }} */ run) => (100 * ourTotal(run.perRule)) / (run.wallMs - ourTotal(run.perRule));
  print(
    `  process-guard rules total  ${sum(ours).toFixed(1)} ms  (${((sum(ours) / statsMs) * 100).toFixed(2)} % of that run, ${ofRest(middle(ownRuns)).toFixed(2)} % of the rest;` +
      ` % of the rest per run: ${ownRuns.map((run) => ofRest(run).toFixed(2)).join(', ')})`,
  );
  for (const [id, ms] of ours.sort((a, b) => b[1] - a[1])) {
    print(`    ${id.padEnd(48)} ${ms.toFixed(1).padStart(9)} ms  ${((ms / files.length) * 1000).toFixed(1).padStart(7)} µs/file`);
  }
  print(
    `  cross-file, last run: ${summarised} modules summarised in ${summaryMs.toFixed(1)} ms (part of the rules' time), ${cacheHits} summaries from the cache, ` +
      `${skippedByText} modules not parsed (no starter module in their text, nor in what they import), ${overBudget} left unknown by the bound on modules parsed for one import`,
  );
  print(`  ${typescriptRecommended.length > 0 ? 'other rules total         ' : '@eslint/js rules total    '} ${sum(theirs).toFixed(1)} ms; slowest:`);
  for (const [id, ms] of theirs.sort((a, b) => b[1] - a[1]).slice(0, 5)) print(`    ${id.padEnd(48)} ${ms.toFixed(1).padStart(9)} ms`);
  if (comparedRuns) {
    const share = (/** @type {{ perRule: Record<string, number>, wallMs: number }} */ run) => ourTotal(run.perRule) / run.wallMs;
    const own = middle(ownRuns);
    const other = middle(comparedRuns);
    const shares = ownRuns.map((run, k) => share(run) / share(/** @type {{ perRule: Record<string, number>, wallMs: number }} */ (comparedRuns[k])));
    print(`  compared build: process-guard rules total ${ourTotal(other.perRule).toFixed(1)} ms (${(share(other) * 100).toFixed(2)} % of its run)`);
    print(
      `  this build / compared: rules' time ${(ourTotal(own.perRule) / ourTotal(other.perRule)).toFixed(2)}, share of the run ${(share(own) / share(other)).toFixed(2)}` +
        ` (share ratio per run: ${shares.map((ratio) => ratio.toFixed(2)).join(', ')})`,
    );
  }
  const fastest = parseCount(args.fastest, '--fastest') ?? 0;
  if (comparedRuns && fastest > 0) {
    const [own, other] = await fastestLints(statsInstances, files, fastest);
    print(
      `  fastest of ${fastest} lints of each file, both builds in turn: rules' time ${own.toFixed(1)} ms, compared build ${other.toFixed(1)} ms;` +
        ` this / compared = ${(own / other).toFixed(3)}`,
    );
  }
  print('');

  const growth = parseCount(args.growth, '--growth') ?? 1000;
  if (growth > 0) {
    await measureGrowth(ESLint, all, growth);
    if (compared) await measureGrowth(ESLint, /** @type {import('eslint').Linter.Config} */ (compared.plugin.configs.all), growth, ' (compared build)');
  }

  if (loads > 0 && !args['stand-in']) {
    const [times = [], comparedTimes] = measureLoadTimes(loads, [PLUGIN_ENTRY, ...(compareEntry ? [compareEntry] : [])]);
    const loadMedian = median(times);
    print(
      `Plugin load time (import of dist/index.js in ${loads} fresh processes): median ${loadMedian.toFixed(1)} ms ` +
        `(min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}; target < 50 ms: ${loadMedian < 50 ? 'met' : 'NOT met'})`,
    );
    if (comparedTimes) {
      const comparedMedian = median(comparedTimes);
      print(`  compared build, in turn with it: median ${comparedMedian.toFixed(1)} ms; this build / compared = ${(loadMedian / comparedMedian).toFixed(2)}`);
    }
  }
}

main().catch((error) => {
  process.stderr.write(`bench: ${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
