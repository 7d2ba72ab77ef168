// @ts-check
/**
 * Fuzzing: random programs (eslump) behind a prelude that imports and starts processes and workers,
 * linted by every rule of the built plugin (the `all` config) through ESLint's Linter as an ES
 * module, as CommonJS and as TypeScript. Fails on a rule that throws (also one the rules' guard
 * swallows, which it reports under DEBUG=process-guard) and on a fix or suggestion whose output does
 * not parse. Not part of `npm test`:
 *
 *   npm run fuzz -- [--seed N] [--count N]
 *
 * Program i of seed N is the same on every run: the random source is seeded per program.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';

import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import eslump from 'eslump';

const { values } = parseArgs({ options: { seed: { type: 'string', default: '1' }, count: { type: 'string', default: '200' } } });
const seed = Number(values.seed);
const count = Number(values.count);
if (!Number.isInteger(seed) || !Number.isInteger(count) || count < 0) {
  process.stderr.write('fuzz: --seed and --count take whole numbers\n');
  process.exit(2);
}

// The rules' guard reports what it swallows on stderr when DEBUG names the plugin: those are failures too.
process.env.DEBUG = `${process.env.DEBUG ?? ''},process-guard`;
/** @type {string[]} */
let swallowed = [];
const writeStderr = process.stderr.write.bind(process.stderr);
process.stderr.write = /** @type {typeof process.stderr.write} */ (
  (chunk, ...rest) => {
    if (String(chunk).startsWith('process-guard ')) {
      swallowed.push(String(chunk).trim());
      return true;
    }
    return writeStderr(chunk, ...(/** @type {[]} */ (rest)));
  }
);
const { default: plugin } = await import('../dist/index.js');

/** Mulberry32: a small seeded generator, installed as Math.random so that eslump follows the seed. */
function seeded(/** @type {number} */ state) {
  let value = state >>> 0;
  return () => {
    value = (value + 0x6d2b79f5) >>> 0;
    let mixed = value;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (/** @type {readonly string[]} */ items) => items[Math.floor(Math.random() * items.length)] ?? '';

const ESM_IMPORTS = [
  "import { spawn, fork, exec, execSync, execFile } from 'node:child_process';",
  "import { Worker, isMainThread, parentPort, workerData } from 'worker_threads';",
  "import cluster from 'node:cluster';",
  "import os from 'os';",
  "import { execa, execaNode } from 'execa';",
];
const CJS_IMPORTS = [
  "const { spawn, fork, exec, execSync, execFile } = require('child_process');",
  "const { Worker, isMainThread, parentPort, workerData } = require('node:worker_threads');",
  "const cluster = require('cluster');",
  "const os = require('node:os');",
  "const { execa, execaNode } = require('execa');",
];
const STARTS = [
  "spawn('node', ['child.js'], { stdio: 'inherit' });",
  'fork(process.argv[1]);',
  "fork('./worker.js').send({ when: new Date(), map: new Map(), run() {} });",
  'new Worker(new URL(import.meta.url));',
  "const w = new Worker('./w.js', { workerData: { f: () => 1 } }); w.postMessage(Symbol('x'));",
  'if (cluster.isPrimary) { for (let i = 0; i < os.cpus().length; i++) cluster.fork(); }',
  'cluster.fork();',
  "if (process.platform === 'win32') exec('dir'); else exec('ls -la');",
  "execSync('rm -rf ' + os.tmpdir());",
  "spawn('npm', ['test'], { shell: false });",
  "execFile('script.cmd');",
  "execa('npm', ['run', 'build']);",
  'execaNode(__filename);',
  'if (isMainThread) new Worker(__filename); else parentPort.postMessage(new WeakMap());',
  'process.send?.({ error: new Error("x") });',
  "process.kill(process.pid, 'SIGUSR1');",
  "if (os.platform() !== 'win32') process.on('SIGHUP', () => {});",
];
/** Where a start goes: the top level, a function, a constructor, a callback, a branch. */
const PLACES = [
  (/** @type {string} */ code) => code,
  (/** @type {string} */ code) => `function run() { ${code} }\nrun();`,
  (/** @type {string} */ code) => `class Pool { constructor() { ${code} } }\nnew Pool();`,
  (/** @type {string} */ code) => `setTimeout(() => { ${code} });`,
  (/** @type {string} */ code) => `if (require.main === module) { ${code} }`,
  (/** @type {string} */ code) => `export function start() { ${code} }`,
];

/** A prelude of imports and starts, around a random program. */
function program(/** @type {'module' | 'commonjs'} */ kind) {
  const imports = kind === 'module' ? ESM_IMPORTS : CJS_IMPORTS;
  const prelude = imports.filter(() => Math.random() < 0.8);
  const starts = Array.from({ length: 1 + Math.floor(Math.random() * 4) }, () => {
    const code = pick(PLACES)(pick(STARTS));
    return kind === 'commonjs' ? code.replace(/^export /, '').replaceAll('import.meta.url', '__filename') : code;
  });
  const random = eslump.generateRandomJS({ sourceType: kind === 'module' ? 'module' : 'script', maxDepth: 5, comments: false, whitespace: false });
  const [before, after] = [starts.filter(() => Math.random() < 0.5), starts.filter(() => Math.random() < 0.5)];
  return [...prelude, ...before, random, ...after].join('\n');
}

const ALL = plugin.configs.all;
const MODES = /** @type {const} */ ([
  { name: 'esm', kind: 'module', filename: 'fuzz/input.mjs', languageOptions: { sourceType: 'module' } },
  { name: 'cjs', kind: 'commonjs', filename: 'fuzz/input.cjs', languageOptions: { sourceType: 'commonjs' } },
  { name: 'ts', kind: 'module', filename: 'fuzz/input.ts', languageOptions: { parser: tsParser } },
]);
const FILES = ['**/*.mjs', '**/*.cjs', '**/*.ts'];
const linter = new Linter();

const totals = { programs: 0, linted: 0, unparsable: 0, findings: 0, fixes: 0, failures: 0 };

/** Reports a failure with the program that caused it, kept in a file to rerun. */
function fail(/** @type {string} */ what, /** @type {number} */ index, /** @type {string} */ mode, /** @type {string} */ code) {
  totals.failures += 1;
  const file = path.join(tmpdir(), `process-guard-fuzz-${seed}-${index}-${mode}.txt`);
  writeFileSync(file, code);
  process.stdout.write(`FAIL program ${index} (${mode}): ${what}\n  program: ${file}\n`);
}

for (let index = 0; index < count; index += 1) {
  totals.programs += 1;
  for (const mode of MODES) {
    Math.random = seeded(seed * 1_000_003 + index * 7 + mode.name.length);
    const code = program(mode.kind);
    const config = /** @type {Linter.Config[]} */ ([{ files: FILES, ...ALL, languageOptions: mode.languageOptions, linterOptions: { reportUnusedDisableDirectives: 'off' } }]);
    const parseOnly = /** @type {Linter.Config[]} */ ([{ files: FILES, languageOptions: mode.languageOptions }]);
    swallowed = [];
    /** @type {Linter.LintMessage[]} */
    let messages;
    try {
      messages = linter.verify(code, config, mode.filename);
    } catch (error) {
      fail(`a rule threw: ${error instanceof Error ? error.message : String(error)}`, index, mode.name, code);
      continue;
    }
    if (messages.some((message) => message.fatal)) {
      totals.unparsable += 1;
      continue;
    }
    totals.linted += 1;
    for (const line of swallowed) fail(`the rules' guard swallowed: ${line.split('\n')[0]}`, index, mode.name, code);
    for (const message of messages) {
      if (message.ruleId === null) {
        fail(`no rule: ${message.message}`, index, mode.name, code);
        continue;
      }
      totals.findings += 1;
      for (const fix of [...(message.fix ? [message.fix] : []), ...(message.suggestions ?? []).map((suggestion) => suggestion.fix)]) {
        totals.fixes += 1;
        const output = code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
        const parsed = linter.verify(output, parseOnly, mode.filename).find((problem) => problem.fatal);
        if (parsed) fail(`${message.ruleId}: a fix does not parse (${parsed.message})`, index, mode.name, output);
      }
    }
  }
}

process.stdout.write(
  `fuzz: seed ${seed}, ${totals.programs} programs, ${totals.linted} linted (${totals.unparsable} unparsable skipped), ${totals.findings} findings, ${totals.fixes} fixes and suggestions re-parsed, ${totals.failures} failures\n`,
);
process.exitCode = totals.failures > 0 ? 1 : 0;
