import { describe, expect, it } from 'vitest';

import { exportSummary } from '../../../src/analysis/model/export-summary.js';
import type { ModuleSummary } from '../../../src/analysis/project/summary-store.js';
import { analyzeCode } from '../../support/analyze-code.js';
import type { Language } from '../../support/languages.js';

const ESM = `import { fork, spawn } from 'node:child_process';\n`;
const CJS = `const { fork, spawn } = require('node:child_process');\n`;
const FILENAME = '/project/src/module.js';

function summaryOf(code: string, language: Language = 'esm'): ModuleSummary {
  return exportSummary(analyzeCode(code, language), FILENAME);
}

/** Each export as `name: called|constructed|roles|child` parts. */
function exportsOf(code: string, language: Language = 'esm'): string[] {
  return [...summaryOf(code, language).exports].map(([name, summary]) => {
    const parts = [
      summary.called ? 'called' : undefined,
      summary.constructed ? 'constructed' : undefined,
      summary.roles.length > 0 ? `roles ${summary.roles.map((role) => role.index).join(',')}` : undefined,
      summary.returnsChild ? `child ${summary.returnsChild}` : undefined,
    ];
    return `${name}: ${parts.filter(Boolean).join(' ')}`;
  });
}

describe('the exports of a module as an importer sees them', () => {
  it.each<[string, string, string[], Language?]>([
    ['a function that starts', `${ESM}export function start() { spawn('ls'); }`, ['start: called']],
    ['a class whose constructor starts', `${ESM}export class Pool { constructor() { this.child = fork('w.js'); } }`, ['Pool: constructed']],
    ['a wrapper of its parameter', `${ESM}export function run(command) { spawn(command); }`, ['run: called roles 0']],
    ['a factory of an IPC child', `${ESM}export function child() { return fork('w.js'); }`, ['child: called child json']],
    [
      'a factory through a constant',
      `${ESM}export const child = () => { const c = fork('w.js', { serialization: 'advanced' }); return c; };`,
      ['child: called child advanced'],
    ],
    ['a default export', `${ESM}export default function () { spawn('ls'); }`, ['default: called']],
    ['an export list, renamed', `${ESM}function start() { spawn('ls'); }\nexport { start as begin };`, ['begin: called']],
    ['a TypeScript function', `${ESM}export function start(): void { spawn('ls'); }`, ['start: called'], 'ts'],
    ['module.exports of an object', `${CJS}function start() { spawn('ls'); }\nmodule.exports = { start, other: 1 };`, ['start: called'], 'cjs'],
    ['module.exports of a function', `${CJS}module.exports = function () { spawn('ls'); };`, ['default: called'], 'cjs'],
    ['exports.name', `${CJS}exports.start = () => spawn('ls');`, ['start: called'], 'cjs'],
    ['module.exports.name', `${CJS}module.exports.start = () => spawn('ls');`, ['start: called'], 'cjs'],
  ])('%s', (_name, code, expected, language) => {
    expect(exportsOf(code, language)).toEqual(expected);
  });

  it.each<[string, string, Language?]>([
    ['a function that starts nothing', `${ESM}export function add(a, b) { return a + b; }`],
    ['a value', `${ESM}export const name = 'x';`],
    ['a local function called spawn', `function spawn() {}\nexport function start() { spawn('ls'); }`],
    ['a variable assigned another function later', `${ESM}let start = () => spawn('ls');\nstart = () => {};\nexport { start };`],
    ['a function declaration assigned another function later', `${ESM}function start() { spawn('ls'); }\nstart = () => {};\nexport { start };`],
    ['an unexported function', `${ESM}function start() { spawn('ls'); }`],
    ['a computed CommonJS export', `${CJS}exports[name] = () => spawn('ls');`, 'cjs'],
  ])('is silent for %s', (_name, code, language) => {
    expect(exportsOf(code, language)).toEqual([]);
  });

  it('records no child for a factory that returns one on some paths only', () => {
    expect(exportsOf(`${ESM}export function child(x) { if (x) return fork('w.js'); return null; }`)).toEqual(['child: called']);
    expect(exportsOf(`${ESM}export function child(x) { if (x) return fork('w.js'); return; }`)).toEqual(['child: called']);
  });

  it('records the module of each start point', () => {
    const summary = summaryOf(`${ESM}export function start() { spawn('ls'); }`);
    expect(summary.exports.get('start')?.called?.file).toBe(FILENAME);
  });

  it('records the shell, the platforms and the option parameters of a role', () => {
    const summary = summaryOf(`${ESM}export function run(command, options) {
  if (process.platform === 'win32') spawn(command, [], { shell: true, ...options });
}`);
    const [role] = summary.exports.get('run')?.roles ?? [];
    expect(role?.shell).toBe('yes');
    expect([...(role?.platforms ?? [])]).toEqual(['win32']);
    expect(role?.spec.name).toBe('spawn()');
    expect(role?.optionParameters).toEqual([1]);
  });

  it('records what becomes of the failure of a role\'s start: handled there, thrown or rejected by the call', () => {
    const summary = summaryOf(`import { execFileSync, spawn } from 'node:child_process';
import { execa } from 'execa';
export function has(program) { try { execFileSync(program, ['--version']); return true; } catch { return false; } }
export function run(program) { return execFileSync(program); }
export async function runAsync(program) { return (await execa(program)).stdout; }
export function start(program) { return spawn(program); }`);
    const failure = (name: string) => summary.exports.get(name)?.roles.map((role) => String(role.failure));
    expect(failure('has')).toEqual(['handled']);
    expect(failure('run')).toEqual(['throws']);
    expect(failure('runAsync')).toEqual(['rejects']);
    expect(failure('start')).toEqual(['undefined']);
  });

  it('records whether the module sets the working directory of a script start, and no script for an eval worker', () => {
    const summary = summaryOf(`${ESM}import { Worker } from 'node:worker_threads';
export const runJob = (file, options) => fork(file, [], options);
export const runHere = (file) => fork(file, [], { cwd: import.meta.dirname });
export const evaluate = (code) => new Worker(code, { eval: true });`);
    const cwd = (name: string) => summary.exports.get(name)?.roles.map((role) => `${role.use} ${String(role.setsCwd)}`);
    expect(cwd('runJob')).toEqual(['script false', 'options undefined']);
    expect(cwd('runHere')).toEqual(['script true']);
    expect(cwd('evaluate')).toEqual(['script undefined']);
  });

  it('records the parameters a function sends as messages, through local wrappers, with the channel', () => {
    const summary = summaryOf(`${ESM}const child = fork('w.js', { serialization: 'advanced' });
const post = (message) => child.send(message);
export function notify(id, message) { post(message); }
export const report = (result) => process.send?.(result);
export function task(job) { child.send(job.data); }`);
    const describe = (name: string) =>
      summary.exports.get(name)?.messages?.map(({ index, channel, serialization, sender, point }) => `${index} ${channel} ${serialization} ${sender} ${point.file}:${point.line}`);
    expect(describe('notify')).toEqual([`1 child advanced \`child.send()\` ${FILENAME}:3`]);
    expect(describe('report')).toEqual([`0 parent json \`process.send()\` ${FILENAME}:5`]);
    // A value inside the parameter is not followed.
    expect(summary.exports.get('task')).toBeUndefined();
  });

  it('records the parameters a function sends as kill signals, with the platforms and listeners there', () => {
    const summary = summaryOf(`${ESM}const child = spawn('node', ['server.js']);
const send = (signal) => child.kill(signal);
export function stop(signal) { if (process.platform !== 'win32') send(signal); }
export const relay = (signal) => process.on('SIGBREAK', () => process.kill(process.pid, signal));
export function reload(signal) { try { send(signal); } catch {} }`);
    const describe = (name: string) =>
      summary.exports.get(name)?.signals?.map(({ index, name: kill, platforms, listened, point }) => `${index} ${kill} ${platforms.has('win32') ? 'win32' : 'not win32'} [${listened.join()}] :${point.line}`);
    expect(describe('stop')).toEqual(['0 subprocess.kill() not win32 [] :3']);
    // Sent later, in a listener of a signal Windows delivers.
    expect(describe('relay')).toEqual(['0 process.kill() win32 [SIGBREAK] :5']);
    // Caught where it is sent.
    expect(summary.exports.get('reload')).toBeUndefined();
  });

  it('records re-exports as written', () => {
    const summary = summaryOf(`export * from './a.js';\nexport * as tools from './b.js';\nexport { run as start, default as main } from './c.js';`);
    expect(summary.starExports).toEqual(['./a.js']);
    expect(Object.fromEntries(summary.reexports)).toEqual({
      tools: { specifier: './b.js', name: '*' },
      start: { specifier: './c.js', name: 'run' },
      main: { specifier: './c.js', name: 'default' },
    });
    expect(summary.exports.size).toBe(0);
  });
});

describe('exports that run the entry script again', () => {
  const rerunLines = (code: string, language: Language = 'esm') =>
    [...summaryOf(code, language).exports].map(([name, summary]) => `${name}: ${summary.rerunsEntry ? `${summary.rerunsEntry.starter} line ${summary.rerunsEntry.line}` : 'no'}`);

  it.each<[string, string, string[], Language?]>([
    ['cluster.fork() in the body', `import cluster from 'node:cluster';\nexport function up() { cluster.fork(); }`, ['up: cluster.fork() line 2']],
    ['fork(process.argv[1])', `${CJS}exports.again = () => fork(process.argv[1]);`, ['again: fork() line 2'], 'cjs'],
    ['fork(require.main.filename)', `${CJS}exports.again = () => fork(require.main.filename);`, ['again: fork() line 2'], 'cjs'],
    ['guarded in the body', `import cluster from 'node:cluster';\nexport function up() { if (cluster.isPrimary) cluster.fork(); }`, []],
    ['another script', `import cluster from 'node:cluster';\ncluster.setupPrimary({ exec: 'worker.js' });\nexport function up() { cluster.fork(); }`, ['up: no']],
    ['the module itself, not the entry', `${ESM}export function again() { fork(import.meta.filename); }`, ['again: no']],
    ['in a callback of the body', `import cluster from 'node:cluster';\nexport function up() { setTimeout(() => cluster.fork()); }`, []],
  ])('%s', (_name, code, expected, language) => {
    expect(rerunLines(code, language)).toEqual(expected);
  });
});
