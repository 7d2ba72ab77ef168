import { describe, expect, it } from 'vitest';

import { contextFacts, isCaught, possiblePlatforms, provesApi, type Fact } from '../../../../src/analysis/file/guards/facts.js';
import { analyzeCode, nodeByText } from '../../../support/analyze-code.js';
import type { Language } from '../../../support/languages.js';

/** The facts holding at the call `target()` in the snippet. */
function factsAtTarget(code: string, language: Language = 'esm', settings?: Record<string, unknown>): readonly Fact[] {
  const analysis = analyzeCode(code, language, settings);
  return analysis.guards.factsAt(nodeByText(analysis, 'target()', 'CallExpression'));
}

function contexts(code: string, language: Language = 'esm'): string[] {
  return contextFacts(factsAtTarget(code, language)).map((fact) => `${fact.kind}=${fact.value}`);
}

function platforms(code: string, language: Language = 'esm', settings?: Record<string, unknown>): string[] {
  return [...possiblePlatforms(factsAtTarget(code, language, settings))].sort();
}

const NOT_WINDOWS = ['aix', 'android', 'cygwin', 'darwin', 'freebsd', 'haiku', 'linux', 'netbsd', 'openbsd', 'sunos'];
const ALL = [...NOT_WINDOWS, 'win32'].sort();

describe('start-context guards', () => {
  it.each<[string, string, string[], Language?]>([
    ['if', `import { isMainThread } from 'node:worker_threads'; if (isMainThread) target();`, ['main-thread=true']],
    ['else', `import { isMainThread } from 'node:worker_threads'; if (isMainThread) {} else { target(); }`, ['main-thread=false']],
    ['negation', `import wt from 'node:worker_threads'; if (!wt.isMainThread) target();`, ['main-thread=false']],
    ['ternary', `import { isMainThread } from 'node:worker_threads'; isMainThread ? target() : 0;`, ['main-thread=true']],
    ['&&', `import { isMainThread } from 'node:worker_threads'; isMainThread && target();`, ['main-thread=true']],
    ['||', `import { isMainThread } from 'node:worker_threads'; isMainThread || target();`, ['main-thread=false']],
    ['early return', `const { isMainThread } = require('worker_threads'); if (!isMainThread) return; target();`, ['main-thread=true'], 'cjs'],
    ['early throw', `import { isMainThread } from 'node:worker_threads'; if (!isMainThread) { throw new Error(); } target();`, ['main-thread=true']],
    ['process.exit', `import { isMainThread } from 'node:worker_threads'; if (!isMainThread) process.exit(0); target();`, ['main-thread=true']],
    ['alias', `import { isMainThread } from 'node:worker_threads'; const isParent = isMainThread === true; if (isParent) target();`, ['main-thread=true']],
    ['parentPort', `import { parentPort } from 'node:worker_threads'; if (parentPort) target();`, ['main-thread=false']],
    ['threadId', `import { threadId } from 'node:worker_threads'; if (threadId === 0) target();`, ['main-thread=true']],
    ['cluster.isPrimary', `import cluster from 'node:cluster'; if (cluster.isPrimary) target();`, ['cluster-primary=true']],
    ['cluster.isMaster', `const cluster = require('cluster'); if (cluster.isMaster) target();`, ['cluster-primary=true'], 'cjs'],
    ['cluster.isWorker', `import cluster from 'node:cluster'; if (cluster.isWorker) target();`, ['cluster-primary=false']],
    ['process.send', `if (process.send === undefined) target();`, ['ipc-child=false']],
    ['typeof process.send', `if (typeof process.send === 'function') target();`, ['ipc-child=true']],
    ['!process.connected', `if (!process.connected) target();`, ['ipc-child=false']],
    ['require.main', `if (require.main === module) target();`, ['entry-module=true'], 'cjs'],
    ['module.parent', `if (!module.parent) target();`, ['entry-module=true'], 'cjs'],
    ['import.meta.main', `if (import.meta.main) target();`, ['entry-module=true']],
    [
      'argv[1] idiom',
      `import { fileURLToPath } from 'node:url'; if (process.argv[1] === fileURLToPath(import.meta.url)) target();`,
      ['entry-module=true'],
    ],
    ['argv marker', `if (process.argv[2] === 'child') target();`, ['marker=true']],
    ['env marker', `if (!process.env.IS_CHILD) target();`, ['marker=false']],
    ['switch on argv', `switch (process.argv[2]) { case 'x': target(); }`, ['marker=true']],
    ['an env platform target is still a marker', `if (process.env.TARGET_OS === 'linux') target();`, ['marker=true']],
    ['a switch on an env platform target', `switch (process.env.TARGET_OS) { case 'linux': target(); }`, ['marker=true']],
    [
      'an env platform target in a disjunction',
      `import { isMainThread } from 'node:worker_threads'; if (isMainThread || process.env.TARGET_OS !== 'win32') target();`,
      ['main-thread=true', 'marker=false'],
    ],
    ['argv destructured', `const [, , mode] = process.argv; if (mode === 'x') target();`, ['marker=true']],
    ['argv through a constant', `const args = process.argv.slice(2); const [first] = args; if (!first) target();`, ['marker=false']],
    ['parseArgs', `import { parseArgs } from 'node:util'; const { values } = parseArgs({}); if (values.watch) target();`, ['marker=true']],
    ['a call given argv (minimist)', `import minimist from 'minimist'; const args = minimist(process.argv.slice(2)); if (args.watch) target();`, ['marker=true']],
    ['a call given argv, destructured (mri)', `import mri from 'mri'; const { watch } = mri(process.argv.slice(2)); if (!watch) target();`, ['marker=false']],
    [
      'nested calls given argv (yargs-parser)',
      `import yargsParser from 'yargs-parser'; import { hideBin } from 'yargs/helpers'; const argv = yargsParser(hideBin(process.argv)); if (argv._[0] === 'dev') target();`,
      ['marker=true'],
    ],
    ['argv in an options object (arg)', `import arg from 'arg'; const args = arg({ '--watch': Boolean }, { argv: process.argv.slice(2) }); if (args['--watch']) target();`, ['marker=true']],
    ['argv spread into a call', `const args = parse(...process.argv.slice(2)); if (args.watch) target();`, ['marker=true']],
    ['a call given argv through a constant', `const raw = process.argv.slice(2); const args = parse(raw); if (args.watch) target();`, ['marker=true']],
    ['a call given no argv', `import minimist from 'minimist'; const args = minimist(['--watch']); if (args.watch) target();`, []],
    ['a call given the script path', `import { realpathSync } from 'node:fs'; if (realpathSync(process.argv[1]) === here) target();`, []],
    ['a call given the node binary', `if (basename(process.argv[0]) === 'bun') target();`, []],
    ['commander program after parse', `import { program } from 'commander'; program.option('--watch').parse(process.argv); const opts = program.opts(); if (opts.watch) target();`, ['marker=true']],
    ['commander parse() without arguments', `import { Command } from 'commander'; const program = new Command(); program.parse(); if (program.opts().watch) target();`, ['marker=true']],
    ['commander parseAsync and args', `import { program } from 'commander'; await program.parseAsync(process.argv); if (program.args[0] === 'dev') target();`, ['marker=true']],
    ['commander in CommonJS', `const { program } = require('commander'); program.parse(process.argv); const { watch } = program.opts(); if (watch) target();`, ['marker=true'], 'cjs'],
    ['commander without parse', `import { program } from 'commander'; if (program.opts().watch) target();`, []],
    ['commander parsing a given list', `import { program } from 'commander'; program.parse(['--watch'], { from: 'user' }); if (program.opts().watch) target();`, []],
    ['commander parsed after the read', `import { program } from 'commander'; if (program.opts().watch) target(); program.parse();`, []],
    ['a local object named program', `const program = { parse() {}, opts: () => ({}) }; program.parse(process.argv); if (program.opts().watch) target();`, []],
    ['a local array named argv', `const argv = ['x']; const [mode] = argv; if (mode) target();`, []],
    ['unrelated', `if (ready) target();`, []],
    ['a local isMainThread', `const isMainThread = false; if (isMainThread) target();`, []],
  ])('%s', (_name, code, expected, language) => {
    expect(contexts(code, language)).toEqual(expected);
  });
});

describe('platform guards', () => {
  it.each<[string, string, string[], Language?]>([
    ['===', `if (process.platform === 'win32') target();`, ['win32']],
    ['!==', `if (process.platform !== 'win32') target();`, NOT_WINDOWS],
    ['else of ===', `if (process.platform === 'win32') {} else target();`, NOT_WINDOWS],
    ['os.platform()', `import os from 'node:os'; if (os.platform() === 'darwin') target();`, ['darwin']],
    ['named platform()', `import { platform } from 'node:os'; if (platform() === 'linux') target();`, ['linux']],
    ['os.type()', `import { type } from 'node:os'; if (type() === 'Windows_NT') {} else target();`, NOT_WINDOWS],
    ['alias', `const isWindows = process.platform === 'win32'; if (!isWindows) target();`, NOT_WINDOWS],
    ['platform alias', `const { platform } = process; if (platform === 'darwin') target();`, ['darwin']],
    ['or', `if (process.platform === 'darwin' || process.platform === 'linux') target();`, ['darwin', 'linux']],
    ['and', `if (process.platform !== 'win32' && process.platform !== 'linux') target();`, NOT_WINDOWS.filter((p) => p !== 'linux')],
    ['includes', `if (['darwin', 'linux'].includes(process.platform)) target();`, ['darwin', 'linux']],
    ['startsWith', `if (process.platform.startsWith('win')) target();`, ['win32']],
    ['regex', `if (/^win/.test(process.platform)) {} else target();`, NOT_WINDOWS],
    ['early return', `function f() { if (process.platform === 'win32') return; target(); }`, NOT_WINDOWS],
    ['a local predicate', `function isLinux() { return process.platform === 'linux'; } if (isLinux()) target();`, ['linux']],
    // Code a constant condition never reaches runs on no platform.
    ['a constant false flag', `const autoRun = false; if (mode === 'quick' && autoRun) target();`, []],
    ['if (false)', `if (false) target();`, []],
    ['the else of a constant true', `const enabled = true; if (enabled) {} else target();`, []],
    // Reported twins: a flag that may change, a constant that lets the branch run.
    ['a let flag written again', `let autoRun = false; configure(() => { autoRun = true; }); if (autoRun) target();`, ALL],
    ['a constant true flag', `const autoRun = true; if (autoRun) target();`, ALL],
    // A regular expression is an object, truthy even where this Node cannot build it (duplicate group names before Node 23).
    ['a regular expression literal', `if (/(?<a>x)|(?<a>y)/) target();`, ALL],
    ['a constant false in a disjunction', `const off = false; if (off || process.platform === 'linux') target();`, ['linux']],
    ['a local predicate naming the platform first', `function unixoid() { let p = process.platform; return p === 'linux' || p === 'darwin'; } if (unixoid()) target();`, ['darwin', 'linux']],
    ['a predicate whose local is written again', `function unixoid() { let p = process.platform; p = other(); return p === 'linux'; } if (unixoid()) target();`, ALL],
    ['a predicate that does more before its answer', `function unixoid() { const p = process.platform; log(p); return p === 'linux'; } if (unixoid()) target();`, ALL],
    // An `else if` chain whose last branch exits: after it, one of the other branches ran.
    [
      'an else-if chain ending in a throw',
      `function f() { let a; if (process.platform === 'darwin') { a = 1; } else if (process.platform === 'linux') { a = 2; } else { throw new Error('unsupported'); } a; target(); }`,
      ['darwin', 'linux'],
    ],
    ['an else-if chain whose middle branch returns', `function f() { if (process.platform === 'darwin') {} else if (process.platform === 'win32') { return; } else {} target(); }`, NOT_WINDOWS],
    // An exported function named after a platform, whose callers the file cannot see, is that
    // platform's code, as a file named after one is (chrome-launcher's `chromeFinder[getPlatform()]()`).
    ['an exported function named after a platform', `export function darwin() { target(); }`, ['darwin']],
    ['a function a platform-named export calls', `function find() { target(); }\nexport function linux() { return find(); }`, ['linux']],
    ['a CommonJS export named after a platform', `exports.freebsd = function () { target(); };`, ['freebsd'], 'cjs'],
    ['an exported function named otherwise', `export function darwinFast() { target(); }`, ALL],
    ['an else-if chain where every branch completes', `function f() { if (process.platform === 'darwin') {} else if (process.platform === 'linux') {} target(); }`, ALL],
    ['switch case', `switch (process.platform) { case 'darwin': case 'linux': target(); break; }`, ['darwin', 'linux']],
    ['switch default', `switch (process.platform) { case 'win32': break; default: target(); }`, NOT_WINDOWS],
    // `os.type()` returns 'Linux', 'Darwin', 'Windows_NT' (other names on other systems): its case labels name platforms.
    ['switch on os.type()', `import os from 'node:os'; switch (os.type()) { case 'Linux': break; case 'Darwin': target(); break; default: }`, ['darwin']],
    ['switch default on os.type()', `const os = require('os'); switch (os.type()) { case 'Windows_NT': break; default: target(); }`, NOT_WINDOWS, 'cjs'],
    ['switch on a required os.type()', `switch (require('os').type()) { case 'Linux': case 'Darwin': target(); }`, ['darwin', 'linux'], 'cjs'],
    ['os.type() compared, required', `const os = require('os'); if (os.type() !== 'Windows_NT') target();`, NOT_WINDOWS, 'cjs'],
    ['a platform name as an os.type() label', `import { type } from 'node:os'; switch (type()) { case 'linux': target(); }`, ALL],
    ['an unknown os.type() label before default', `import { type } from 'node:os'; switch (type()) { case 'Haiku_OS': break; default: target(); }`, ALL],
    ['an os.type() label on the Windows branch', `import { type } from 'node:os'; switch (type()) { case 'Windows_NT': target(); }`, ['win32']],
    ['nested', `if (process.platform !== 'win32') { if (process.platform !== 'darwin') target(); }`, NOT_WINDOWS.filter((p) => p !== 'darwin')],
    ['unguarded', `target();`, [...NOT_WINDOWS, 'win32'].sort()],
    ['flag with runtime checks', `const isWindows = typeof process < 'u' && !globalThis.window && process.platform === 'win32'; if (!isWindows) target();`, NOT_WINDOWS],
    ['flag with runtime checks, truthy', `const isWindows = typeof Bun === 'undefined' && process.platform === 'win32'; if (isWindows) target();`, ['win32']],
    // Off the flag, Windows runs `target()` only when the other operand is false, which nothing shows:
    // Windows is not proven, the other platforms are.
    ['flag with an env test', `const isWindows = !process.env.FORCE && process.platform === 'win32'; if (!isWindows) target();`, NOT_WINDOWS],
    ['flag with a local value', `const quick = Date.now() > 0; const isWindows = quick && process.platform === 'win32'; if (!isWindows) target();`, NOT_WINDOWS],
    ['inline conjunction', `if (!(typeof process < 'u' && process.platform === 'win32')) target();`, NOT_WINDOWS],
    ['a platform test or an unknown', `if (process.platform !== 'win32' || process.env._?.startsWith('/usr/')) target();`, NOT_WINDOWS],
    ['a platform test on either side of an unknown', `if (process.platform === 'win32' || ready) target();`, ['win32']],
    ['parameter default', `function f(isWin32 = process.platform === 'win32') { if (!isWin32) target(); }`, NOT_WINDOWS],
    ['parameter default reassigned', `function f(isWin32 = process.platform === 'win32') { isWin32 = !isWin32; if (!isWin32) target(); }`, ALL],
    [
      'a function chosen by platform',
      `const posix = () => target();\nconst windows = () => 0;\nexport default process.platform === 'win32' ? windows : posix;`,
      NOT_WINDOWS,
    ],
    [
      'a function called only from one chosen by platform',
      `function inner() { return target(); }\nconst posix = async () => inner();\nexport const list = process.platform === 'win32' ? null : posix;`,
      NOT_WINDOWS,
    ],
    [
      'a function called under different guards',
      `function run() { target(); }\nif (process.platform === 'darwin') run();\nif (process.platform === 'linux') run();`,
      ['darwin', 'linux'],
    ],
    [
      'an exported function',
      `export function posix() { target(); }\nif (process.platform !== 'win32') posix();`,
      [...NOT_WINDOWS, 'win32'].sort(),
    ],
    [
      'an exported arrow function',
      `export const posix = () => target();\nif (process.platform !== 'win32') posix();`,
      [...NOT_WINDOWS, 'win32'].sort(),
    ],
    [
      'a function also used unguarded',
      `function run() { target(); }\nif (process.platform !== 'win32') run();\nsetTimeout(run);`,
      [...NOT_WINDOWS, 'win32'].sort(),
    ],
    [
      'a recursive function',
      `function run(n) { if (n) run(n - 1); target(); }\nif (process.platform !== 'win32') run(3);`,
      NOT_WINDOWS,
    ],
    [
      'project guard from settings',
      `import { isWindows } from '../../env.js'; if (!isWindows) target();`,
      NOT_WINDOWS,
    ],
    // A target platform the analysis cannot identify is taken as the platform the code is written for.
    ['a target parameter', `async function fetchNode({ platform }) { if (platform !== 'win32') target(); }`, NOT_WINDOWS],
    ['a target member, else branch', `function pack(opts) { if (opts.platform === 'win32') {} else target(); }`, NOT_WINDOWS],
    ['a target call result', `if (getTarget() === 'darwin') target();`, ['darwin']],
    ['an env target (also a marker)', `if (process.env.TARGET_OS === 'linux') target();`, ['linux']],
    ['a parameter defaulting to the host', `function f(platform = process.platform) { if (platform === 'win32') return; target(); }`, NOT_WINDOWS],
    ['a constant holding a target', `function f(options) { const os = options.target.os; if (os !== 'win32') target(); }`, NOT_WINDOWS],
    ['a switch on a target', `function f(target) { switch (target.os) { case 'linux': case 'darwin': target(); } }`, ['darwin', 'linux']],
    ['a switch default on a target', `function f(os) { switch (os) { case 'win32': return; default: target(); } }`, NOT_WINDOWS],
    ['a switch on a target with other cases', `function f(cmd) { switch (cmd) { case 'build': break; default: target(); } }`, ALL],
    ['a list of platforms on a target', `function f(p) { if (['linux', 'darwin'].includes(p)) target(); }`, ['darwin', 'linux']],
    ['a Windows prefix on a target', `function f(p) { if (!p.startsWith('win')) target(); }`, NOT_WINDOWS],
    ['a Windows regex on a target', `function f(p) { if (/^win/.test(p)) {} else target(); }`, NOT_WINDOWS],
    ['a constant compared', `const p = 'linux'; if (p !== 'win32') target();`, ALL],
    ['a literal member compared', `const config = { os: 'linux' }; if (config.os !== 'win32') target();`, ALL],
    ['a non-platform literal', `function f(mode) { if (mode !== 'windows') target(); }`, ALL],
    ['an unrelated prefix', `function f(arg) { if (arg.startsWith('--')) target(); }`, ALL],
    ['an unrelated substring', `function f(word) { if (!word.includes('a')) target(); }`, ALL],
    ['a list of other words', `function f(cmd) { if (!['linux', 'build'].includes(cmd)) target(); }`, ALL],
  ])('%s', (_name, code, expected, language) => {
    expect(platforms(code, language, { 'process-guard': { platformGuards: { isWindows: 'win32' } } })).toEqual(expected);
  });
});

describe('test-framework skips', () => {
  it.each<[string, string, string[], Language?]>([
    ['Playwright skip in a test', `import { test } from '@playwright/test'; test('t', () => { test.skip(process.platform === 'win32', 'why'); target(); });`, NOT_WINDOWS],
    ['Playwright fixme, required', `const { test } = require('@playwright/test'); test('t', () => { test.fixme(process.platform !== 'darwin'); target(); });`, ['darwin'], 'cjs'],
    ['Playwright group skip over fixtures', `import { test } from '@playwright/test'; test.describe('g', () => { test.skip(({ platform }) => platform === 'win32'); test('t', () => target()); });`, NOT_WINDOWS],
    ['Playwright file-level skip, declared after', `import { test } from '@playwright/test'; test('t', () => target()); test.skip(({ platform }) => platform !== 'linux');`, ['linux']],
    ['Playwright wrapper through extend', `import { test as base } from '@playwright/test'; const test = base.extend({}); test('t', () => { test.skip(process.platform === 'win32'); target(); });`, NOT_WINDOWS],
    ['a test from another module of the project', `import { it } from './fixtures.js'; it('t', () => { it.skip(process.platform === 'win32'); target(); });`, NOT_WINDOWS],
    ['a declared skipped test is no guard', `import { test } from '@playwright/test'; test.skip(process.platform === 'win32' ? 'a' : 'b', () => {}); test('t', () => target());`, ALL],
    ['a group skip does not hold in the group body', `import { test } from '@playwright/test'; test.describe('g', () => { test.skip(({ platform }) => platform === 'win32'); target(); });`, ALL],
    ['vitest it.skip(cond) is no conditional skip', `import { it } from 'vitest'; it('t', () => { it.skip(process.platform === 'win32'); target(); });`, ALL],
    ['node:test skip option', `import { test } from 'node:test'; test('t', { skip: process.platform === 'win32' }, () => target());`, NOT_WINDOWS],
    ['node:test todo option runs', `import { test } from 'node:test'; test('t', { todo: process.platform === 'win32' }, () => target());`, ALL],
    ['bun test.if', `import { test } from 'bun:test'; test.if(process.platform === 'linux')('t', () => target());`, ['linux']],
    ['if on vitest is no runIf', `import { test } from 'vitest'; test.if(process.platform === 'linux')('t', () => target());`, ALL],
  ])('%s', (_name, code, expected, language) => {
    expect(platforms(code, language)).toEqual(expected);
  });
});

describe('platform dispatch by name', () => {
  it.each<[string, string, string[], Language?]>([
    ['an object literal of functions keyed by platform', `const finders = { darwin() { target(); }, win32() {} }; finders[process.platform]();`, ['darwin']],
    ['functions named after platforms, in a table', `function linux() { target(); } function win32() {} const table = { linux, win32 }; table[process.platform]();`, ['linux']],
    ['a key from a local getter of the platform', `function getPlatform() { return process.platform; } const finder = { darwin: () => target() }; finder[getPlatform()]();`, ['darwin']],
    ['a function also called directly', `function linux() { target(); } const table = { linux }; table[process.platform](); linux();`, ALL],
    ['a table read with another key', `const finders = { darwin() { target(); } }; finders[name]();`, ALL],
    ['an exported table', `export const finders = { darwin() { target(); } }; finders[process.platform]();`, ALL],
  ])('%s', (_name, code, expected, language) => {
    expect(platforms(code, language)).toEqual(expected);
  });
});

describe('API presence and try/catch', () => {
  it.each([
    [`if (typeof process.getuid === 'function') target();`],
    [`if (process.getuid) target();`],
    [`process.getuid && target();`],
    [`if ('getuid' in process) target();`],
    [`if (process.getuid != null) target();`],
    [`if (!process.getuid) return; target();`],
  ])('%s proves process.getuid', (code) => {
    expect(provesApi(factsAtTarget(code, 'cjs'), 'process:getuid')).toBe(true);
  });

  it('does not prove an API from an unrelated test', () => {
    expect(provesApi(factsAtTarget(`if (process.getgid) target();`, 'cjs'), 'process:getuid')).toBe(false);
  });

  it('knows code inside try with a catch', () => {
    expect(isCaught(factsAtTarget(`try { target(); } catch {}`))).toBe(true);
    expect(isCaught(factsAtTarget(`try { } catch { target(); }`))).toBe(false);
    expect(isCaught(factsAtTarget(`try { target(); } finally {}`))).toBe(false);
  });
});
