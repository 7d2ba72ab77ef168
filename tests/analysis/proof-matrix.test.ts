/**
 * The proof matrix: for each fact a rule's report rests on (the program a start runs, its shell
 * option, when it runs, the platform, what a message serializes to, the base a script path resolves
 * from) and each construct that can change that fact after the point the analysis reads it, a case
 * where the construct leaves the fact unknown (the rule stays silent) beside a case where the
 * analysis still proves it (the rule reports). Each row names its fact and construct.
 */
import path from 'node:path';

import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { rules } from '../../src/rules/index.js';
import { ALL_FILES, FILENAMES, languageOfFilename, languageOptionsFor } from '../support/languages.js';
import { tempFolder } from '../support/temp-folder.js';
import { TOOL_CONFIG_PROJECT } from '../support/tool-config-project.js';

type RuleName = keyof typeof rules;

interface Cell {
  readonly fact: string;
  readonly construct: string;
  readonly rule: RuleName;
  /** The construct leaves the fact unknown: no report. */
  readonly silent: string;
  /** The fact is proven: one report or more. */
  readonly reported: string;
  readonly options?: Record<string, unknown>;
  /** The files on disk each case is linted as, where the fact comes from the project around it. */
  readonly files?: { readonly silent: string; readonly reported: string };
}

/** The rule's messages for an ES module snippet, or for a file of a project on disk (its language from its name). */
function lint(rule: RuleName, code: string, options?: Record<string, unknown>, onDisk?: { filename: string; cwd: string }): string[] {
  const plugin = { rules: { [rule]: rules[rule] } };
  const filename = onDisk?.filename ?? FILENAMES.esm;
  const language = onDisk ? (filename.endsWith('.cjs') ? 'cjs' : languageOfFilename(filename)) : 'esm';
  const languageOptions = languageOptionsFor(language);
  if (language === 'ts') languageOptions.parser = tsParser;
  const messages = new Linter(onDisk ? { cwd: onDisk.cwd } : {}).verify(
    code,
    [
      {
        files: ALL_FILES,
        plugins: { pg: plugin as never },
        rules: { [`pg/${rule}`]: options ? ['error', options] : 'error' },
        languageOptions,
      },
    ],
    filename,
  );
  const fatal = messages.find((message) => message.ruleId === null);
  if (fatal) throw new Error(fatal.message);
  return messages.map((message) => message.message);
}

/** A snippet linted as the file `filename` of this repository's fixtures, from the repository root. */
const atFile = (filename: string | undefined) => (filename ? { filename, cwd: process.cwd() } : undefined);

const developmentFile = (file: string) => path.resolve(import.meta.dirname, '../fixtures/development-files', file);
const importerCallsFile = (file: string) => path.resolve(import.meta.dirname, '../fixtures/importer-calls', file);
const fileModelFile = (file: string) => path.resolve(import.meta.dirname, '../fixtures/file-model', file);
const taskRunnerFile = (file: string) => path.resolve(import.meta.dirname, '../fixtures/task-runner', file);
const devWorkspaceFile = (file: string) => path.resolve(import.meta.dirname, '../fixtures/file-model/dev-workspace/packages', file);
/** `common.js` of tests/fixtures/importer-calls, whose `main.js` calls it off Windows. */
const IMPORTED_HELPER = "import { execFile } from 'node:child_process';\nexport function listChildren(pid) {\n  return execFile('ps', ['-o', 'pid', '--ppid', String(pid)]);\n}\n";

/** `setup.js` of tests/fixtures/importer-calls: exports a start's result, and nothing imports it. */
const SETUP_MODULE = "import { execFileSync } from 'node:child_process';\nexport const version = execFileSync('git', ['--version'], { encoding: 'utf8' });\n";
const CP = `import { spawn, spawnSync, execSync, execFile, execFileSync, fork } from 'node:child_process';\n`;
const WT = `import { Worker } from 'node:worker_threads';\n`;

const CELLS: readonly Cell[] = [
  // ── shell option ─────────────────────────────────────────────────────────────────────────────
  {
    fact: 'shell option',
    construct: 'property write after creation',
    rule: 'no-unportable-spawn',
    silent: `${CP}export function run() { const options = { stdio: 'inherit' }; options.shell = true; spawn('npm', ['ci'], options); }`,
    reported: `${CP}export function run() { const options = { stdio: 'inherit' }; options.cwd = '/'; spawn('npm', ['ci'], options); }`,
  },
  {
    fact: 'shell option',
    construct: 'property write in a branch',
    rule: 'no-unportable-spawn',
    silent: `${CP}export function run(win) { let cmd = 'npm'; const options = {}; if (win) { cmd = 'npm.cmd'; options.shell = true; } spawn(cmd, ['ci'], options); }`,
    reported: `${CP}export function run(win) { const options = {}; if (win) { options.cwd = '/'; } spawn('npm', ['ci'], options); }`,
  },
  {
    fact: 'shell option',
    construct: 'property write cancelled by a later unconditional write',
    rule: 'no-unportable-spawn',
    silent: `${CP}export function run() { const options = { shell: false }; options.shell = process.env.SHELL_ON; spawn('npm', ['ci'], options); }`,
    reported: `${CP}export function run() { const options = { shell: true }; options.shell = false; spawn('npm', ['ci'], options); }`,
  },
  {
    fact: 'shell option',
    construct: 'Object.assign',
    rule: 'no-unportable-spawn',
    silent: `${CP}export function run(extra) { const options = {}; Object.assign(options, extra); spawn('npm', ['ci'], options); }`,
    reported: `${CP}export function run(target) { const options = {}; Object.assign(target, options); spawn('npm', ['ci'], options); }`,
  },
  {
    fact: 'shell option',
    construct: 'delete, computed write',
    rule: 'no-unportable-spawn',
    silent: `${CP}export function run(key) { const options = {}; options[key] = true; spawn('npm', ['ci'], options); }`,
    reported: `${CP}export function run() { const options = { shell: true }; delete options.shell; spawn('npm', ['ci'], options); }`,
  },
  {
    fact: 'shell option',
    construct: 'object passed to a function before the start',
    rule: 'no-unportable-spawn',
    silent: `${CP}export function run(configure) { const options = {}; configure(options); spawn('npm', ['ci'], options); }`,
    reported: `${CP}export function run() { const options = {}; spawn('npm', ['ci'], options); spawn('npm', ['test'], options); }`,
  },
  {
    fact: 'shell option',
    construct: 'object stored elsewhere',
    rule: 'no-unportable-spawn',
    silent: `${CP}const registry = {};\nexport function run() { const options = {}; registry.options = options; registry.options.shell = true; spawn('npm', ['ci'], options); }`,
    reported: `${CP}const registry = {};\nexport function run() { const options = {}; registry.count = 1; spawn('npm', ['ci'], options); }`,
  },
  {
    fact: 'shell option',
    construct: 'alias written',
    rule: 'no-unportable-spawn',
    silent: `${CP}export function run() { const options = {}; const same = options; same.shell = true; spawn('npm', ['ci'], options); }`,
    reported: `${CP}export function run() { const options = {}; const other = { ...options }; other.shell = true; spawn('npm', ['ci'], options); }`,
  },
  {
    fact: 'shell option',
    construct: 'spread from an unknown',
    rule: 'no-unportable-spawn',
    silent: `${CP}export function run(extra) { const options = { ...extra }; spawn('npm', ['ci'], options); }`,
    reported: `${CP}export function run(extra) { const options = { ...extra, shell: false }; spawn('npm', ['ci'], options); }`,
  },
  {
    fact: 'shell option',
    construct: 'getter',
    rule: 'no-unportable-spawn',
    silent: `${CP}export function run() { const options = { get shell() { return process.platform === 'win32'; } }; spawn('npm', ['ci'], options); }`,
    reported: `${CP}export function run() { const options = { get cwd() { return '/'; } }; spawn('npm', ['ci'], options); }`,
  },
  {
    fact: 'shell option',
    construct: 'closure called later writes it',
    rule: 'no-unportable-spawn',
    silent: `${CP}export function run(hooks) { const options = {}; hooks.push(() => { options.shell = true; }); spawn('npm', ['ci'], options); }`,
    reported: `${CP}export function run(hooks) { const options = {}; hooks.push(() => options.cwd); spawn('npm', ['ci'], options); }`,
  },

  // ── program ──────────────────────────────────────────────────────────────────────────────────
  {
    fact: 'program',
    construct: "a test double in a starter module's member's place",
    rule: 'no-unportable-spawn',
    silent: `import * as cp from 'node:child_process';\nimport sinon from 'sinon';\nsinon.stub(cp, 'spawnSync');\nexport function list() { return cp.spawnSync('ls'); }`,
    reported: `import * as cp from 'node:child_process';\nimport sinon from 'sinon';\nsinon.spy(cp, 'spawnSync');\nexport function list() { return cp.spawnSync('ls'); }`,
  },
  {
    fact: 'program',
    construct: 'property write after creation',
    rule: 'no-unportable-spawn',
    silent: `${CP}export function run() { const tool = { bin: 'which' }; tool.bin = process.env.FINDER; execFile(tool.bin, ['git']); }`,
    reported: `${CP}export function run() { const tool = { bin: 'where' }; tool.bin = 'which'; execFile(tool.bin, ['git']); }`,
  },
  {
    fact: 'program',
    construct: 'object passed to a function before the start',
    rule: 'no-unportable-spawn',
    silent: `${CP}export function run(configure) { const tool = { bin: 'which' }; configure(tool); execFile(tool.bin, ['git']); }`,
    reported: `${CP}export function run() { const tool = { bin: 'which' }; console.log(tool); execFile(tool.bin, ['git']); }`,
  },
  {
    fact: 'program',
    construct: 'alias written',
    rule: 'no-unportable-spawn',
    silent: `${CP}export function run() { const tool = { bin: 'which' }; const same = tool; same.bin = process.env.FINDER; execFile(tool.bin, ['git']); }`,
    reported: `${CP}export function run() { const tool = { bin: 'which' }; const copy = { ...tool }; copy.bin = process.env.FINDER; execFile(tool.bin, ['git']); }`,
  },
  {
    fact: 'program',
    construct: 'Object.assign',
    rule: 'no-unportable-spawn',
    silent: `${CP}export function run(extra) { const tool = { bin: 'which' }; Object.assign(tool, extra); execFile(tool.bin, ['git']); }`,
    reported: `${CP}export function run(target) { const tool = { bin: 'which' }; Object.assign(target, tool); execFile(tool.bin, ['git']); }`,
  },
  {
    fact: 'program',
    construct: 'reassignment in a branch',
    rule: 'no-unportable-spawn',
    silent: `${CP}export function run() { let bin = 'which'; if (process.platform === 'win32') bin = 'where'; execFile(bin, ['git']); }`,
    reported: `${CP}export function run(win) { let bin = 'which'; if (win) bin = 'whereis'; execFile(bin, ['git']); }`,
  },
  {
    fact: 'program',
    construct: 'reassignment in a loop',
    rule: 'no-unportable-spawn',
    silent: `${CP}export function run(names) { let bin; for (const name of names) bin = name; execFile(bin, ['git']); }`,
    reported: `${CP}export function run(names) { let bin = 'which'; for (const name of names) bin = 'which'; execFile(bin, [names]); }`,
  },
  {
    fact: 'program',
    construct: 'closure called later writes it',
    rule: 'no-unportable-spawn',
    silent: `${CP}export function run(hooks) { const tool = { bin: 'which' }; hooks.push(() => { tool.bin = 'where'; }); execFile(tool.bin, ['git']); }`,
    reported: `${CP}export function run(hooks) { const tool = { bin: 'which' }; hooks.push(() => tool.bin); execFile(tool.bin, ['git']); }`,
  },
  {
    fact: 'program',
    construct: 'getter',
    rule: 'no-unportable-spawn',
    silent: `${CP}export function run() { const tool = { get bin() { return 'which'; } }; execFile(tool.bin, ['git']); }`,
    reported: `${CP}export function run() { const tool = { bin: 'which' }; execFile(tool.bin, ['git']); }`,
  },
  {
    fact: 'program',
    construct: 'eval',
    rule: 'no-unportable-spawn',
    silent: `${CP}export function run(code) { let bin = 'which'; eval(code); execFile(bin, ['git']); }`,
    reported: `${CP}export function run(code) { let bin = 'which'; (0, eval)(code); execFile(bin, ['git']); }`,
  },
  // ── time ─────────────────────────────────────────────────────────────────────────────────────
  {
    fact: 'time',
    construct: 'after an await in an async method the constructor calls',
    rule: 'no-spawn-in-constructor',
    silent: `${CP}export class Server { constructor() { this.start(); } async start() { await Promise.resolve(); this.child = spawn('node', ['server.js']); } }`,
    reported: `${CP}export class Server { constructor() { this.start(); } async start() { this.child = spawn('node', ['server.js']); await Promise.resolve(); } }`,
  },
  {
    fact: 'time',
    construct: 'after an await in an async Promise executor',
    rule: 'no-spawn-in-constructor',
    silent: `${CP}export class Server { constructor() { this.ready = new Promise(async (resolve) => { await Promise.resolve(); resolve(spawn('node', ['server.js'])); }); } }`,
    reported: `${CP}export class Server { constructor() { this.ready = new Promise(async (resolve) => { resolve(spawn('node', ['server.js'])); await Promise.resolve(); }); } }`,
  },
  {
    fact: 'time',
    construct: 'an await in the arguments of the start',
    rule: 'no-spawn-in-constructor',
    silent: `${CP}export class Server { constructor(load) { this.start(load); } async start(load) { this.child = spawn(await load(), []); } }`,
    reported: `${CP}export class Server { constructor() { this.start(); } async start() { await (this.child = spawn('node', ['server.js'])); } }`,
  },
  {
    fact: 'time',
    construct: 'for await',
    rule: 'no-spawn-in-constructor',
    silent: `${CP}export class Pool { constructor(jobs) { this.run(jobs); } async run(jobs) { for await (const job of jobs) spawn('node', [job]); } }`,
    reported: `${CP}export class Pool { constructor(jobs) { this.run(jobs); } async run(jobs) { for await (const job of spawn('node', ['list.js']).stdout) void job; } }`,
  },
  {
    fact: 'time',
    construct: 'then callback',
    rule: 'no-spawn-in-constructor',
    silent: `${CP}export class Server { constructor(ready) { ready.then(() => { this.child = spawn('node', ['server.js']); }); } }`,
    reported: `${CP}export class Server { constructor(ready) { this.child = spawn('node', ['server.js']); ready.then(() => this.child.kill()); } }`,
  },
  {
    fact: 'time',
    construct: 'timer',
    rule: 'no-spawn-in-constructor',
    silent: `${CP}export class Server { constructor() { setTimeout(() => { this.child = spawn('node', ['server.js']); }, 0); } }`,
    reported: `${CP}export class Server { constructor() { [0].forEach(() => { this.child = spawn('node', ['server.js']); }); } }`,
  },
  {
    fact: 'time',
    construct: 'event handler',
    rule: 'no-spawn-in-constructor',
    silent: `${CP}export class Server { constructor(emitter) { emitter.on('start', () => { this.child = spawn('node', ['server.js']); }); } }`,
    reported: `${CP}export class Server { constructor() { (() => { this.child = spawn('node', ['server.js']); })(); } }`,
  },
  {
    fact: 'time',
    construct: 'closure stored and called later',
    rule: 'no-spawn-in-constructor',
    silent: `${CP}export class Server { constructor() { this.start = () => { this.child = spawn('node', ['server.js']); }; } }`,
    reported: `${CP}export class Server { constructor() { this.start(); } start() { this.child = spawn('node', ['server.js']); } }`,
  },
  {
    fact: 'time (construction)',
    construct: 'a condition in the constructor on an option the caller passes (`if (options.autoStart)`)',
    rule: 'no-spawn-in-constructor',
    silent: `${CP}export class Server { constructor(options) { this.options = { ...options }; if (this.options.autoStart) this.start(); } start() { this.child = spawn('node', ['server.js']); } }`,
    // A condition that reads no parameter: every \`new\` under it starts.
    reported: `${CP}export class Server { constructor(options) { this.options = { ...options }; if (process.env.AUTO_START) this.start(); } start() { this.child = spawn('node', ['server.js']); } }`,
  },
  {
    fact: 'time (construction)',
    construct: 'a `new` in a constructor of a class that starts only on its caller\'s option, passing it off (`new Detector(root, false)`)',
    rule: 'no-spawn-in-constructor',
    silent: `${CP}class Detector { constructor(root, refresh) { if (refresh) this.child = spawn('watch', [root]); } }\nexport class Nix { constructor(root) { this.detector = new Detector(root, false); } }`,
    // The option passed on: the construction starts it.
    reported: `${CP}class Detector { constructor(root, refresh) { if (refresh) this.child = spawn('watch', [root]); } }\nexport class Nix { constructor(root) { this.detector = new Detector(root, true); } }`,
  },
  {
    fact: 'time (construction)',
    construct: 'constructor only the file can call (not exported, every read a `new`)',
    rule: 'no-spawn-in-constructor',
    silent: `${CP}class Server { constructor() { this.child = spawn('node', ['server.js']); } }\nexport function start() { return new Server(); }`,
    reported: `${CP}class Server { constructor() { this.child = spawn('node', ['server.js']); } }\nexport function start() { return new Server(); }\nexport { Server };`,
  },
  {
    fact: 'time (construction)',
    construct: 'constructor only the file can call, constructed at load',
    rule: 'no-spawn-in-constructor',
    silent: `${CP}class Server { constructor() { this.child = spawn('node', ['server.js']); } }\nexport function start() { return new Server(); }`,
    reported: `${CP}class Server { constructor() { this.child = spawn('node', ['server.js']); } }\nexport const server = new Server();`,
  },
  {
    fact: 'time',
    construct: 'top-level await (the import still starts it)',
    rule: 'no-top-level-spawn',
    silent: `${CP}export async function main() { await Promise.resolve(); spawn('node', ['server.js']); }`,
    reported: `${CP}await Promise.resolve();\nexport const server = spawn('node', ['server.js']);`,
  },

  // ── a start whose failure the code handles: a probe, its fallback the author's choice ──────────
  {
    fact: 'program',
    construct: 'try/catch fallback around a start that throws',
    rule: 'no-unportable-spawn',
    silent: `${CP}export function hasServer() { try { execSync('lsof -ti :3000'); return true; } catch { return false; } }`,
    // spawnSync returns its failure instead of throwing: the catch never sees it.
    reported: `${CP}export function hasServer() { try { return spawnSync('lsof', ['-ti', ':3000']).stdout.length > 0; } catch { return false; } }`,
  },
  {
    fact: 'program',
    construct: 'a test of the failure a start returns in its result',
    rule: 'no-unportable-spawn',
    silent: `${CP}export function hasServer() { const { error, status } = spawnSync('lsof', ['-ti', ':3000']); return !error && status === 0; }`,
    // Only the output is read: a missing program goes unnoticed.
    reported: `${CP}export function serverPid() { const result = spawnSync('lsof', ['-ti', ':3000'], { encoding: 'utf8' }); return result.stdout.trim(); }`,
  },
  {
    fact: 'program',
    construct: 'a test of the result of a start that resolves with its failure',
    rule: 'no-unportable-spawn',
    silent: `import { execa } from 'execa';\nexport async function hasServer() { const { failed } = await execa('lsof', ['-ti', ':3000'], { reject: false }); return !failed; }`,
    // Options the file does not show may turn `reject` back on: the test is not proven to see the failure.
    reported: `import { execa } from 'execa';\nexport async function hasServer(options) { const { failed } = await execa('lsof', ['-ti', ':3000'], { reject: false, ...options }); return !failed; }`,
  },
  {
    fact: 'program',
    construct: 'handled rejection of a promisified start',
    rule: 'no-unportable-spawn',
    silent: `${CP}import { promisify } from 'node:util';\nexport async function hasServer() { try { await promisify(execFile)('lsof', ['-ti', ':3000']); } catch { return false; } return true; }`,
    // A callback is called after the \`try\` is left.
    reported: `${CP}export function hasServer() { try { execFile('lsof', ['-ti', ':3000'], () => {}); } catch { return false; } return true; }`,
  },
  {
    fact: 'program',
    construct: 'a callback that tests the error a start hands it',
    rule: 'no-unportable-spawn',
    silent: `${CP}export function bashVersion(done) { execFile('bash', ['--version'], (error, stdout) => { done(error ? undefined : stdout); }); }`,
    // Handed on to the caller: the failure is not handled here.
    reported: `${CP}export function bashVersion(done) { execFile('bash', ['--version'], (error, stdout) => { if (error) return done(error); done(null, stdout); }); }`,
  },
  {
    fact: 'program',
    construct: 'a handled failure of a lookup (`which`, `command -v`)',
    rule: 'no-unportable-spawn',
    // A probe of the program itself: missing means missing.
    silent: `${CP}export function hasLsof() { try { execSync('lsof -v'); return true; } catch { return false; } }`,
    // Not a probe: on Windows the lookup fails whether or not git is installed.
    reported: `${CP}export function hasGit() { try { execSync('which git'); return true; } catch { return false; } }`,
  },
  {
    fact: 'shell option',
    construct: 'handled failure of a shim started without a shell',
    rule: 'no-unportable-spawn',
    // Not a probe: npm is there, only the missing shell fails it, so the fallback is always wrong on Windows.
    silent: `${CP}export function npmVersion() { try { return execSync('npm --version'); } catch { return 'N/A'; } }`,
    reported: `${CP}export function npmVersion() { try { return execFileSync('npm', ['--version']); } catch { return 'N/A'; } }`,
  },
  {
    fact: 'platform',
    construct: 'a `let` holding a platform name, written only after the test reads it',
    rule: 'no-unportable-spawn',
    silent: `${CP}export function list() { let name = process.platform === 'darwin' ? 'mac' : 'other'; switch (name) { case 'mac': execFile('ps', ['-A']); name = 'macOS'; } }`,
    // The same construct, where the value read proves Windows.
    reported: `${CP}export function list() { let platform = process.platform; if (platform !== 'linux') { execFile('ps', ['-A']); platform = 'other'; } }`,
  },
  {
    fact: 'platform',
    construct: "the host's platform behind a caller's override (`options.platform || process.platform`)",
    rule: 'no-unportable-spawn',
    silent: `${CP}export function list(options) { const platform = options.platform || process.platform; if (platform !== 'win32') execFile('ps', ['-A']); }`,
    reported: `${CP}export function list(options) { const platform = options.ready && process.platform; if (platform !== 'win32') execFile('ps', ['-A']); }`,
  },
  {
    fact: 'platform',
    construct: "node:assert's assertion of a platform test before the start (`assert(isMac || isLinux)`)",
    rule: 'no-unportable-spawn',
    silent: `${CP}import assert from 'node:assert';\nexport function list() { assert(process.platform !== 'win32', 'POSIX only'); return execFile('ps', ['-A']); }`,
    // console.assert logs and goes on.
    reported: `${CP}export function list() { console.assert(process.platform !== 'win32', 'POSIX only'); return execFile('ps', ['-A']); }`,
  },
  {
    fact: 'platform',
    construct: 'a class field that holds a function, called by name only under a guard',
    rule: 'no-unguarded-platform-api',
    silent: `const posix = process.platform !== 'win32';\nexport class App { suspend = () => { process.kill(process.pid, 'SIGSTOP'); }; }\nexport function key(app, ctrl) { if (ctrl && posix) app.suspend(); }`,
    reported: `const posix = process.platform !== 'win32';\nexport class App { suspend = () => { process.kill(process.pid, 'SIGSTOP'); }; }\nexport function key(app, ctrl) { if (ctrl) app.suspend(); }`,
  },
  {
    fact: 'platform',
    construct: 'a private method that nothing names (only its class could call it)',
    rule: 'no-unportable-spawn',
    silent: `${CP}export class Tools { #chown(dir) { execFile('chown', ['-R', 'app', dir]); } run() {} }`,
    // Named once: it runs where \`run()\` does.
    reported: `${CP}export class Tools { #chown(dir) { execFile('chown', ['-R', 'app', dir]); } run() { this.#chown('.'); } }`,
  },
  {
    fact: 'platform',
    construct: 'an unguarded call before the start of an API that throws on some platforms (`if (process.getuid() !== 0) throw …`)',
    rule: 'no-unportable-spawn',
    // process.getuid is undefined on Windows: the call throws there, so nothing after it runs there.
    silent: `${CP}export function attach() { if (process.getuid() !== 0) throw new Error('root only'); execFile('chown', ['-R', 'app', '.']); }`,
    // \`?.\` gives undefined on Windows: the start after it runs there.
    reported: `${CP}export function attach() { if (process.getuid?.() !== 0) throw new Error('root only'); execFile('chown', ['-R', 'app', '.']); }`,
  },
  {
    fact: 'platform',
    construct: 'a call of a local function that throws unless a platform test holds (`assertSupported();`)',
    rule: 'no-unportable-spawn',
    silent: `${CP}function assertPosix() { if (process.platform === 'win32') throw new Error('POSIX only'); }\nexport function list() { assertPosix(); return execFile('ps', ['-A']); }`,
    // A \`return\` in it: the function may complete without the test.
    reported: `${CP}function assertPosix(force) { if (force) return; if (process.platform === 'win32') throw new Error('POSIX only'); }\nexport function list() { assertPosix(); return execFile('ps', ['-A']); }`,
  },
  {
    fact: 'platform',
    construct: 'the answer of a local function that refuses other platforms, tested before an early return (`const error = checkLinux(); if (error) return error;`)',
    rule: 'no-unportable-spawn',
    // On Windows it answers a call's result: not proven falsy, so the start is not proven to run there.
    silent: `${CP}function checkLinux() { if (process.platform !== 'linux') return fail('Linux only'); return null; }\nexport function list() { const error = checkLinux(); if (error) return error; return execFile('ps', ['-A']); }`,
    // A refusal of macOS only: on Windows it answers nothing, and the start runs.
    reported: `${CP}function checkLinux() { if (process.platform === 'darwin') return fail('not on macOS'); return null; }\nexport function list() { const error = checkLinux(); if (error) return error; return execFile('ps', ['-A']); }`,
  },
  {
    fact: 'script-path base',
    construct: "Node's command line before the script (an option through a constant, `fork('-e', [code])`, `node inspect script`)",
    rule: 'no-fragile-script-path',
    silent: `${CP}const FLAG = '--no-warnings';\nspawnSync(process.execPath, [FLAG, '-e', '']);\nfork('-e', ['process.exit()']);`,
    // After the debugger's subcommand comes the script.
    reported: `${CP}spawnSync(process.execPath, ['inspect', './break.js']);`,
  },
  {
    fact: 'serialization',
    construct: 'a test of the caught value\'s type around the send (`if (!(err instanceof Error)) process.send(err)`)',
    rule: 'consistent-start-context',
    silent: `export const run = (task) => task().catch((err) => { if (!(err instanceof Error)) return process.send(err); process.send({ message: err.message }); });`,
    // Under the test that holds for an Error.
    reported: `export const run = (task) => task().catch((err) => { if (err instanceof Error) return process.send(err); process.send({ message: 'not an Error' }); });`,
  },
  {
    fact: 'serialization',
    construct: 'a send an assertion expects to throw (`assert.throws(() => port.postMessage(fn))`)',
    rule: 'consistent-start-context',
    silent: `import assert from 'node:assert';\nimport { MessageChannel } from 'node:worker_threads';\nconst { port1 } = new MessageChannel();\nassert.throws(() => port1.postMessage(() => {}));`,
    reported: `import assert from 'node:assert';\nimport { MessageChannel } from 'node:worker_threads';\nconst { port1 } = new MessageChannel();\nassert.doesNotThrow(() => port1.postMessage(() => {}));`,
  },
  {
    fact: 'serialization',
    construct: 'a transferred buffer read only to check the move (`assert.strictEqual(ab.byteLength, 0)`, `ab.detached`)',
    rule: 'consistent-start-context',
    silent: `import assert from 'node:assert';\nimport { MessageChannel } from 'node:worker_threads';\nconst { port1 } = new MessageChannel();\nconst ab = new ArrayBuffer(8);\nport1.postMessage(ab, [ab]);\nassert.strictEqual(ab.byteLength, 0);`,
    // Its size logged, as if it still held the data.
    reported: `import { MessageChannel } from 'node:worker_threads';\nconst { port1 } = new MessageChannel();\nconst ab = new ArrayBuffer(8);\nport1.postMessage(ab, [ab]);\nconsole.log('sent', ab.byteLength, 'bytes');`,
  },
  {
    fact: 'platform',
    construct: "a function that maps the platform to names of its own, compared with one (`getPlatform() !== 'windows'`)",
    rule: 'no-unportable-spawn',
    silent: `${CP}const family = () => (process.platform === 'win32' ? 'windows' : 'unix');\nexport function list() { if (family() !== 'windows') execFile('ps', ['-A']); }`,
    // A parameter it is not given: the name it answers is not known.
    reported: `${CP}const family = (platform) => (platform === 'win32' ? 'windows' : 'unix');\nexport function list() { if (family() !== 'windows') execFile('ps', ['-A']); }`,
  },
  {
    fact: 'platform',
    construct: "a name computed from the platform (`process.platform.replace('win32', 'windows')`, a table's entry), compared with one of its values or switched on",
    rule: 'no-unportable-spawn',
    silent: `${CP}const osName = { win32: 'windows', darwin: 'mac' }[process.platform];\nexport function list() { switch (osName) { case 'mac': execFile('ps', ['-A']); } }`,
    // The table is written after it is made: its entries are not known.
    reported: `${CP}const NAMES = { win32: 'windows', darwin: 'mac' };\nNAMES.win32 = 'mac';\nexport function list() { switch (NAMES[process.platform]) { case 'mac': execFile('ps', ['-A']); } }`,
  },
  {
    fact: 'platform',
    construct: 'try/catch fallback around a call that throws',
    rule: 'no-unguarded-platform-api',
    silent: `export function uid() { try { return process.getuid(); } catch { return -1; } }`,
    // A timer's callback runs after the \`try\` is left.
    reported: `export function uid() { try { setTimeout(() => process.getuid(), 0); } catch { return -1; } return 0; }`,
  },

  // ── platform ─────────────────────────────────────────────────────────────────────────────────
  {
    fact: 'platform',
    construct: 'a flag the module sets once on its exports (`exports.IS_WINDOWS = …`, TypeScript\'s CommonJS output, a bundle\'s module)',
    rule: 'no-unguarded-platform-api',
    silent: `exports.IS_WINDOWS = process.platform === 'win32';\nexports.uid = () => (exports.IS_WINDOWS ? 0 : process.getuid());`,
    // Set again in a branch: which value a call sees is not known.
    reported: `exports.IS_WINDOWS = process.platform === 'win32';\nif (process.env.FAKE) exports.IS_WINDOWS = true;\nexports.uid = () => (exports.IS_WINDOWS ? 0 : process.getuid());`,
  },
  {
    fact: 'platform',
    construct: 'reassignment in a branch',
    rule: 'no-unportable-spawn',
    silent: `${CP}export function run() { let bin = 'which'; if (process.platform === 'win32') { bin = 'where'; } execFile(bin, ['git']); }`,
    reported: `${CP}export function run() { let bin = 'which'; if (process.platform === 'darwin') { bin = 'where'; } execFile(bin, ['git']); }`,
  },
  {
    fact: 'platform',
    construct: 'a module nothing runs for users: it exports nothing, and no script, entry point or other file of its package names it',
    rule: 'no-unportable-spawn',
    silent: `${CP}execFileSync('which', ['git']);`,
    // The same text where the package's main names it (a worker it starts).
    reported: `${CP}execFileSync('which', ['git']);`,
    files: { silent: fileModelFile('unrun-package/scripts/release.js'), reported: fileModelFile('unrun-package/lib/worker.js') },
  },
  {
    fact: 'platform',
    construct: "a published package's files list leaves the file out (nothing installs it; no Windows job names it)",
    rule: 'no-unportable-spawn',
    silent: `${CP}execFileSync('which', ['git']);`,
    reported: `${CP}execFileSync('which', ['git']);`,
    files: { silent: developmentFile('files-list/scripts/release.js'), reported: developmentFile('files-list/lib/util.js') },
  },
  {
    fact: 'platform',
    construct: "an application's exported function, called by its package's importers under a guard",
    rule: 'no-unportable-spawn',
    silent: IMPORTED_HELPER,
    // The same files in a library: its importers are anyone.
    reported: IMPORTED_HELPER,
    files: { silent: importerCallsFile('app/src/common.js'), reported: importerCallsFile('library/src/common.js') },
  },
  {
    fact: 'platform',
    construct: "a published package's module that its `exports` does not expose, called by the package's importers under a guard",
    rule: 'no-unportable-spawn',
    silent: IMPORTED_HELPER,
    // The same files in a library without `exports`: a deep import reaches the module.
    reported: IMPORTED_HELPER,
    files: { silent: importerCallsFile('encapsulated/src/common.js'), reported: importerCallsFile('library/src/common.js') },
  },
  {
    fact: 'platform',
    construct: "a private workspace package's exported function that no other package names, called by its package's importers under a guard",
    rule: 'no-unportable-spawn',
    silent: IMPORTED_HELPER,
    // The same function in a module another package of the workspace imports.
    reported: IMPORTED_HELPER,
    files: { silent: importerCallsFile('app-packages/apps/web/src/common.js'), reported: importerCallsFile('app-packages/apps/web/src/tools.js') },
  },
  {
    fact: 'platform',
    construct: "a GitHub Action's exported function (`action.yml` runs it with Node: an application), called by its package's importers under a guard",
    rule: 'no-unportable-spawn',
    silent: IMPORTED_HELPER,
    // The same files in a library: its importers are anyone.
    reported: IMPORTED_HELPER,
    files: { silent: importerCallsFile('action/src/common.js'), reported: importerCallsFile('library/src/common.js') },
  },
  {
    fact: 'time (load)',
    construct: 'a module of an application that no file of its package loads (a program it starts: an action step, a bundle entry)',
    rule: 'no-top-level-spawn',
    silent: SETUP_MODULE,
    // The same module in a library: its importers are anyone.
    reported: SETUP_MODULE,
    files: { silent: importerCallsFile('action/src/setup.js'), reported: importerCallsFile('library/src/setup.js') },
  },
  {
    fact: 'time (load)',
    construct: "a module of an application's workspace root that no file below the root loads (the root's main, built from it and started by its host)",
    rule: 'no-top-level-spawn',
    silent: SETUP_MODULE,
    // The same module where a package of the workspace imports it.
    reported: SETUP_MODULE,
    files: { silent: importerCallsFile('app-workspace/src/setup.js'), reported: importerCallsFile('app-workspace/src/shared.js') },
  },
  {
    fact: 'time (load)',
    construct: "a module of a private package of a workspace that no file loads and no other package names (a configuration a person passes to a tool)",
    rule: 'no-top-level-spawn',
    silent: SETUP_MODULE,
    // The same module where another package of the workspace imports it by path.
    reported: SETUP_MODULE,
    files: { silent: importerCallsFile('app-packages/apps/web/src/setup.js'), reported: importerCallsFile('app-packages/apps/web/src/shared.js') },
  },
  {
    fact: 'time (load)',
    construct: "a module that only the package's own scripts load (a build script's helper: `scripts/build.js` runs `node scripts/build.js`)",
    rule: 'no-top-level-spawn',
    silent: SETUP_MODULE,
    // The same module in a library, where anyone may import it.
    reported: SETUP_MODULE,
    files: { silent: importerCallsFile('build-scripts/scripts/setup.js'), reported: importerCallsFile('library/src/setup.js') },
  },
  {
    fact: 'time (load)',
    construct: "a module the published package's `files` leave out that no file of its package loads (a script run as a program: no user can import it)",
    rule: 'no-top-level-spawn',
    silent: SETUP_MODULE,
    // The same module in the library's published `src`: its importers are anyone.
    reported: SETUP_MODULE,
    files: { silent: importerCallsFile('published/scripts/setup.js'), reported: importerCallsFile('library/src/setup.js') },
  },
  {
    fact: 'time (load)',
    construct: 'a module of an application that only the files its package starts load (`"start": "node src/server.js"`)',
    rule: 'no-top-level-spawn',
    silent: `${CP}export const release = execSync('git rev-parse --short HEAD', { encoding: 'utf8' });`,
    // A test loads it too.
    reported: `${CP}export const tested = execSync('git rev-parse --short HEAD', { encoding: 'utf8' });`,
    files: { silent: fileModelFile('app-start-package/src/release.js'), reported: fileModelFile('app-start-package/src/tested.js') },
  },
  {
    fact: 'script-path base',
    construct: "a package script's file starting, from the package's folder, a path the package's own scripts start (`\"start\": \"node build\"`)",
    rule: 'no-fragile-script-path',
    silent: `import { spawn } from 'node:child_process';\nspawn(process.execPath, ['build']);`,
    // No script of the package starts `dist`, and nothing on disk is there.
    reported: `import { spawn } from 'node:child_process';\nspawn(process.execPath, ['dist']);`,
    files: { silent: fileModelFile('app-scripts-package/scripts/smoke.mjs'), reported: fileModelFile('app-scripts-package/scripts/smoke.mjs') },
  },
  {
    fact: 'script-path base',
    construct: "a library that nests child_process's options (tinyexec's `nodeOptions`), setting the working directory there",
    rule: 'no-fragile-script-path',
    silent: `import { x } from 'tinyexec';\nexport const run = (root) => x('node', ['./test.js'], { nodeOptions: { cwd: root } });`,
    // Its own options hold no `cwd`, nor do child_process's under them.
    reported: `import { x } from 'tinyexec';\nexport const run = () => x('node', ['./test.js'], { timeout: 5000, nodeOptions: {} });`,
  },
  {
    fact: 'time (load)',
    construct: 'a pool told to start no thread when it is made (`new Piscina({ minThreads: 0 })`)',
    rule: 'no-top-level-spawn',
    silent: `import Piscina from 'piscina';\nexport const pool = new Piscina({ filename: './w.js', minThreads: 0 });`,
    // A spread after it may set the count again.
    reported: `import Piscina from 'piscina';\nexport const pool = new Piscina({ filename: './w.js', minThreads: 0, ...options });`,
  },
  {
    fact: 'time (load)',
    construct: "an entry check on the script path or the empty path (`pathToFileURL(process.argv[1] ?? '')`)",
    rule: 'no-top-level-spawn',
    silent: `${CP}import { pathToFileURL } from 'node:url';\nexport const list = () => spawn('ls');\nif (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) list();`,
    // A fallback that is not the empty path may name this module.
    reported: `${CP}import { pathToFileURL } from 'node:url';\nexport const list = () => spawn('ls');\nif (import.meta.url === pathToFileURL(process.argv[1] ?? process.env.SCRIPT).href) list();`,
  },
  {
    fact: 'time (load)',
    construct: 'an entry check on resolved paths, behind a conditional with a boolean branch (`argv[1] ? resolve(argv[1]) === resolve(self) : false`)',
    rule: 'no-top-level-spawn',
    silent: `${CP}import { resolve } from 'node:path';\nimport { fileURLToPath } from 'node:url';\nexport const list = () => spawn('ls');\nconst direct = process.argv[1] ? resolve(process.argv[1]) === resolve(fileURLToPath(import.meta.url)) : false;\nif (direct) list();`,
    // Neither branch a boolean: the conditional proves nothing.
    reported: `${CP}import { resolve } from 'node:path';\nimport { fileURLToPath } from 'node:url';\nexport const list = () => spawn('ls');\nconst direct = process.argv[1] ? resolve(process.argv[1]) === resolve(fileURLToPath(import.meta.url)) : process.env.RUN;\nif (direct) list();`,
  },
  {
    fact: 'time (load)',
    construct: "a call of a starter that may only configure it (`$(options)` of execa and zx)",
    rule: 'no-top-level-spawn',
    silent: `import { $ as configure } from 'execa';\nconst defaults = { preferLocal: true };\nexport const $ = configure(defaults);`,
    // A command written as a string is a start (execa's `$(file)`).
    reported: `import { $ } from 'execa';\nexport const listing = $('ls');`,
  },
  {
    fact: 'platform',
    construct: 'early return in a guard',
    rule: 'no-unportable-spawn',
    silent: `${CP}export function run() { if (process.platform === 'win32') return; execFile('which', ['git']); }`,
    reported: `${CP}export function run() { if (process.platform === 'win32') console.log('windows'); execFile('which', ['git']); }`,
  },
  {
    fact: 'platform',
    construct: 'early return from both a `try` and its `catch` in a guard',
    rule: 'no-unportable-spawn',
    silent: `${CP}export function find(n) { if (process.platform === 'win32') { try { return execFileSync('where.exe', [n]); } catch { return null; } } return execFileSync('which', [n]); }`,
    // The \`catch\` falls through: on Windows the \`which\` after the branch runs too.
    reported: `${CP}export function find(n) { if (process.platform === 'win32') { try { return execFileSync('where.exe', [n]); } catch { console.warn(n); } } return execFileSync('which', [n]); }`,
  },
  {
    fact: 'program',
    construct: 'a probe of the same program whose exit status 0 is tested before the start',
    rule: 'no-unportable-spawn',
    silent: `${CP}export function run() { const probe = spawnSync('bash', ['--version']); if (probe.status !== 0) return; spawnSync('bash', ['setup.sh']); }`,
    // A probe of another program proves nothing of this one.
    reported: `${CP}export function run() { const probe = spawnSync('sh', ['--version']); if (probe.status !== 0) return; spawnSync('bash', ['setup.sh']); }`,
  },
  {
    fact: 'platform',
    construct: "a function exported under a platform's name",
    rule: 'no-unportable-spawn',
    silent: `${CP}export function linux() { return execFileSync('which', ['google-chrome']); }`,
    reported: `${CP}export function find() { return execFileSync('which', ['google-chrome']); }`,
  },
  {
    fact: 'platform',
    construct: 'a switch on os.type()',
    rule: 'no-unportable-spawn',
    silent: `${CP}import os from 'node:os';\nswitch (os.type()) { case 'Windows_NT': break; default: execFileSync('which', ['git']); }`,
    reported: `${CP}import os from 'node:os';\nswitch (os.type()) { case 'win32': break; default: execFileSync('which', ['git']); }`,
  },
  {
    fact: 'platform',
    construct: 'a test function rebound to its skipped form',
    rule: 'no-unportable-spawn',
    silent: `${CP}import ava from 'ava';\nlet test = ava;\nif (process.platform === 'win32') test = ava.skip;\ntest('which', () => { execFileSync('which', ['git']); });`,
    reported: `${CP}import ava from 'ava';\nlet test = ava;\ntest('which', () => { execFileSync('which', ['git']); });\nif (process.platform === 'win32') test = ava.skip;`,
  },
  {
    fact: 'platform',
    construct: 'a function chosen by a platform conditional',
    rule: 'no-unportable-spawn',
    silent: `${CP}const posix = () => execFileSync('which', ['git']);\nconst windows = () => execFileSync('where', ['git']);\nexport const find = () => (process.platform === 'win32' ? windows : posix)();`,
    reported: `${CP}const posix = () => execFileSync('which', ['git']);\nconst windows = () => execFileSync('where', ['git']);\nexport const find = (fast) => (fast ? windows : posix)();`,
  },
  {
    fact: 'platform',
    construct: 'an else-if chain whose other branches exit',
    rule: 'no-unportable-spawn',
    silent: `${CP}export function run() { if (process.platform === 'darwin') {} else if (process.platform === 'linux') {} else { throw new Error('no'); } execFile('which', ['git']); }`,
    reported: `${CP}export function run() { if (process.platform === 'darwin') {} else if (process.platform === 'linux') {} else { console.log('no'); } execFile('which', ['git']); }`,
  },
  {
    fact: 'platform',
    construct: 'a platform test combined with a condition the analysis does not read',
    rule: 'no-unportable-spawn',
    silent: `${CP}export function run(posixShell) { if (process.platform !== 'win32' || posixShell) execFile('which', ['git']); }`,
    reported: `${CP}export function run(posixShell) { if (process.platform !== 'darwin' || posixShell) execFile('which', ['git']); }`,
  },
  {
    fact: 'program on Windows',
    construct: 'condition the analysis cannot read, Windows counterpart in the other branch',
    rule: 'no-unportable-spawn',
    // \`where\` is Windows's \`which\`: the test is a platform test the analysis cannot read.
    silent: `${CP}export function find(flags) { return execFileSync(flags.isWindows ? 'where' : 'which', ['git']); }`,
    reported: `${CP}export function find(flags) { return execFileSync(flags.isWindows ? 'whereis' : 'which', ['git']); }`,
  },
  {
    fact: 'program on Windows',
    construct: 'if/else writes, Windows counterpart in the other branch',
    rule: 'no-unportable-spawn',
    silent: `${CP}export function stop(env, pid) { let bin; if (env.win) { bin = 'taskkill'; } else { bin = 'kill'; } execFile(bin, [String(pid)]); }`,
    reported: `${CP}export function stop(env, pid) { let bin; if (env.hard) { bin = 'pkill'; } else { bin = 'kill'; } execFile(bin, [String(pid)]); }`,
  },
  {
    fact: 'program on Windows',
    construct: 'a start of the Windows counterpart in the other branch',
    rule: 'no-unportable-spawn',
    silent: `${CP}export function run(opts, cmd) { if (opts.win) return spawn('cmd.exe', ['/c', cmd]); else return spawn('/bin/sh', ['-c', cmd]); }`,
    reported: `${CP}export function run(opts, cmd) { if (opts.win) return spawn(process.execPath, [cmd]); else return spawn('/bin/sh', ['-c', cmd]); }`,
  },
  // ── script-path base ─────────────────────────────────────────────────────────────────────────
  {
    fact: 'script-path base',
    construct: '`process.argv[1]` in a test file that exports nothing, no runner that loads test files installed',
    rule: 'no-fragile-script-path',
    silent: `${CP}spawnSync(process.execPath, [process.argv[1], 'child']);`,
    // Jest loads the test file into its worker: \`process.argv[1]\` is Jest's.
    reported: `${CP}spawnSync(process.execPath, [process.argv[1], 'child']);`,
    files: {
      silent: path.resolve(import.meta.dirname, '../fixtures/file-model/esm-package/test/stdio.test.mjs'),
      reported: path.resolve(import.meta.dirname, '../fixtures/file-model/jest-package/test/stdio.test.mjs'),
    },
  },
  {
    fact: 'script-path base',
    construct: "a development file (a workspace's maintainer tool) whose path names a file from its workspace root",
    rule: 'no-fragile-script-path',
    silent: `${CP}export function smoke() { return spawn(process.execPath, ['packages/app/src/server.js']); }`,
    // The same start in a module the package ships: its users start it from folders of their own.
    reported: `${CP}export function smoke() { return spawn(process.execPath, ['packages/app/src/server.js']); }`,
    files: { silent: devWorkspaceFile('tools/smoke.js'), reported: devWorkspaceFile('app/src/start.js') },
  },
  {
    fact: 'script-path base',
    construct: 'a module only a gulpfile loads, through another module',
    rule: 'no-fragile-script-path',
    silent: `const cp = require('child_process');\nmodule.exports = () => cp.fork('./node_modules/prettier/bin/prettier.cjs', ['--check', '.']);`,
    reported: `const cp = require('child_process');\nmodule.exports = () => cp.fork('./node_modules/prettier/bin/prettier.cjs', ['--check', '.']);`,
    files: { silent: taskRunnerFile('tasks/format.js'), reported: taskRunnerFile('tasks/shared.js') },
  },
  {
    fact: 'script-path base',
    construct: 'a test of the launcher\'s script around the start',
    rule: 'no-fragile-script-path',
    silent: `${CP}export function rerun() { if (process.argv[1].endsWith('cli.mjs')) fork(process.argv[1], ['run']); }`,
    reported: `${CP}export function rerun() { if (process.argv[2] === 'again') fork(process.argv[1], ['run']); }`,
  },
  {
    fact: 'script-path base',
    construct: 'variable reassigned in a branch',
    rule: 'no-fragile-script-path',
    silent: `${WT}export function start(file) { let script = './worker.js'; if (file) script = file; return new Worker(script); }`,
    reported: `${WT}export function start() { let script = './worker.js'; return new Worker(script); }`,
  },
  {
    fact: 'script-path base',
    construct: 'object passed to a function before the start',
    rule: 'no-fragile-script-path',
    silent: `${WT}export function start(configure) { const paths = { worker: './worker.js' }; configure(paths); return new Worker(paths.worker); }`,
    // The rule reads the path from the literal or a constant holding it; members are not followed.
    reported: `${WT}export function start() { const script = './worker.js'; console.log(script); return new Worker(script); }`,
  },
  {
    fact: 'script-path base',
    construct: 'quotes of a shell command line around the path',
    rule: 'no-fragile-script-path',
    // The shell removes the quotes: the path is the absolute one they hold.
    silent: `${CP}import path from 'node:path';\nexport function tsc() { spawnSync('node', ['"' + path.resolve('/opt/ts', 'tsc.js') + '"'], { shell: true }); }`,
    // Without a shell the quote is the file name's first character.
    reported: `${CP}import path from 'node:path';\nexport function tsc() { spawnSync('node', ['"' + path.resolve('/opt/ts', 'tsc.js') + '"'], { shell: false }); }`,
  },
  {
    fact: 'script-path base',
    construct: 'the same relative path made or used by another call of the file',
    rule: 'no-fragile-script-path',
    silent: `${CP}import { writeFileSync } from 'node:fs';\nexport function run(code) { writeFileSync('./gen.js', code); spawnSync('node', ['gen.js']); }`,
    // A module load resolves from the module, not the working directory: it vouches for nothing.
    reported: `${CP}export async function run() { await import('./gen.js'); spawnSync('node', ['gen.js']); }`,
  },
  {
    fact: 'script-path base',
    construct: 'a restart of the launcher with a marker the file tests',
    rule: 'no-fragile-script-path',
    silent: `${CP}export function main() { if (process.argv[2] === 'worker') return; fork(process.argv[1], ['worker']); }`,
    reported: `${CP}export function main() { if (process.argv[2] === 'child') return; fork(process.argv[1], ['worker']); }`,
  },
  // ── serialization of a message ──────────────────────────────────────────────────────────────
  ...serializationCells(),
];

/**
 * What a message sent to a worker serializes to (structured clone): a Map survives, a function
 * makes the send throw. Each construct either is followed or leaves the message unknown.
 */
function serializationCells(): Cell[] {
  const send = (body: string) => `${WT}export function start(extra, configure) { const worker = new Worker(new URL('./w.js', import.meta.url)); ${body} }`;
  const cell = (construct: string, silent: string, reported: string): Cell => ({
    fact: 'serialization',
    construct,
    rule: 'consistent-start-context',
    silent: send(silent),
    reported: send(reported),
  });
  return [
    cell(
      'property write after creation',
      `const message = { run: () => 1 }; message.run = 'a'; worker.postMessage(message);`,
      `const message = { run: () => 1 }; console.log(message.run); worker.postMessage(message);`,
    ),
    cell(
      'property write in a branch',
      `const message = { run: () => 1 }; if (extra) message.run = 'a'; worker.postMessage(message);`,
      `const message = { run: () => 1 }; if (extra) console.log(message); worker.postMessage(message);`,
    ),
    cell(
      'delete',
      `const message = { run: () => 1 }; delete message.run; worker.postMessage(message);`,
      `const message = { run: () => 1 }; worker.postMessage(message);`,
    ),
    cell(
      'computed write',
      `const message = { run: () => 1 }; message[extra] = 1; worker.postMessage(message);`,
      `const message = { run: () => 1 }; console.log(message[extra]); worker.postMessage(message);`,
    ),
    cell(
      'Object.assign (as the target)',
      `const message = { run: () => 1 }; Object.assign(message, extra); worker.postMessage(message);`,
      `const message = { run: () => 1 }; Object.assign(extra, message); worker.postMessage(message);`,
    ),
    cell(
      'spread from a value the file does not show',
      `const message = { ...extra }; worker.postMessage(message);`,
      `const base = { run: () => 1 }; const message = { ...base }; worker.postMessage(message);`,
    ),
    cell(
      'object passed to a function of the project',
      `const message = { run: () => 1 }; configure(message); worker.postMessage(message);`,
      `const message = { run: () => 1 }; console.log(message); worker.postMessage(message);`,
    ),
    cell(
      'object stored in another object',
      `const message = { run: () => 1 }; const holder = { message }; configure(holder); worker.postMessage(message);`,
      `const message = { run: () => 1 }; worker.postMessage({ message });`,
    ),
    cell(
      'alias',
      `const message = { run: () => 1 }; const same = message; same.run = 'a'; worker.postMessage(message);`,
      `const message = { run: () => 1 }; const same = message.run; worker.postMessage(message);`,
    ),
    cell(
      'variable reassigned in a branch',
      `let message = { run: () => 1 }; if (extra) message = {}; worker.postMessage(message);`,
      `const message = extra ? { run: () => 1 } : {}; worker.postMessage(message);`,
    ),
    cell(
      'closure that writes it, called later',
      `const message = { run: () => 1 }; configure(() => { message.run = 'a'; }); worker.postMessage(message);`,
      `const message = { run: () => 1 }; configure(() => console.log(message.run)); worker.postMessage(message);`,
    ),
    cell(
      'getter',
      `const message = { get run() { return () => 1; } }; worker.postMessage(message);`,
      `const message = { run() { return 1; } }; worker.postMessage(message);`,
    ),
    cell(
      'direct eval in the variable scope',
      `const message = { run: () => 1 }; eval(extra); worker.postMessage(message);`,
      `const message = { run: () => 1 }; console.log(extra); worker.postMessage(message);`,
    ),
    {
      fact: 'serialization',
      construct: 'toJSON (process IPC, JSON)',
      rule: 'consistent-start-context',
      silent: `${CP}export function start() { const child = fork(new URL('./c.js', import.meta.url)); child.send({ seen: new Set(), toJSON() { return {}; } }); }`,
      reported: `${CP}export function start() { const child = fork(new URL('./c.js', import.meta.url)); child.send({ seen: new Set() }); }`,
    },
    {
      fact: 'serialization',
      construct: 'global prototype hook (process IPC, JSON)',
      rule: 'consistent-start-context',
      silent: `${CP}Error.prototype.toJSON = function () { return { message: this.message }; };\nexport function start() { const child = fork(new URL('./c.js', import.meta.url)); try { run(); } catch (error) { child.send({ error }); } }`,
      reported: `${CP}Error.prototype.toString = function () { return this.message; };\nexport function start() { const child = fork(new URL('./c.js', import.meta.url)); try { run(); } catch (error) { child.send({ error }); } }`,
    },
    cell(
      'class instance',
      `const message = new extra.Job(); worker.postMessage(message);`,
      `class Job {} const message = new Job(); worker.postMessage(message);`,
    ),
  ];
}

/**
 * Cells whose construct is a file of a project (tests/support/tool-config-project.ts): `silent` and
 * `reported` name files of it, linted where they are.
 */
const FILE_CELLS: readonly Cell[] = [
  {
    fact: 'time (load)',
    construct: 'tool configuration file passed by a package script (`webpack --config`)',
    rule: 'no-top-level-spawn',
    silent: 'configs/webpack.dev.ts',
    // A configuration another module imports is a module of it.
    reported: 'configs/rollup.js',
  },
  {
    fact: 'time (load)',
    construct: 'module only tool configuration files import, directly or through such modules',
    rule: 'no-top-level-spawn',
    silent: 'webpack.renderer.config.ts',
    // Imported by a configuration and by another module of the package.
    reported: 'configs/webpack.shared.js',
  },
  {
    fact: 'time (load)',
    construct: 'test file: load-time probes that build its test matrix',
    rule: 'no-top-level-spawn',
    silent: 'src/shell.slow-spec.ts',
    // A test file another module of the package imports is a module like any other.
    reported: 'src/shared.spec.ts',
  },
  {
    fact: 'time (load)',
    construct: 'test helper that only test files load',
    rule: 'no-top-level-spawn',
    silent: 'test/helper.js',
    // A module of the package imports it too.
    reported: 'test/shared-helper.js',
  },
  {
    fact: 'time (load)',
    construct: 'tool configuration file named by `--config` and imported by a module of the package',
    rule: 'no-top-level-spawn',
    silent: 'configs/mocharc.cjs',
    reported: 'configs/rollup.js',
  },
  {
    fact: 'time (load)',
    construct: "tool configuration file: a test runner's default configuration",
    rule: 'no-top-level-spawn',
    silent: '.vscode-test.mjs',
    // Required by a module of the package.
    reported: 'playwright.config.ts',
  },
  {
    fact: 'time (load)',
    construct: 'tool configuration file: a file `-c` names for a tool where `-c` is not `--config`',
    rule: 'no-top-level-spawn',
    silent: 'configs/webpack.prod.js',
    reported: 'configs/prettier.js',
  },
  {
    fact: 'time (load)',
    construct: "tool configuration file: `-c=<file>` to a tool's own executable run by node from node_modules",
    rule: 'no-top-level-spawn',
    silent: 'configs/jest-e2e-esm.config.ts',
    // The same flag after a script of the package: that script's argument.
    reported: 'configs/jest-script.config.ts',
  },
  {
    fact: 'time (load)',
    construct: "tool configuration file: a tool's documented default configuration in a package that depends on the tool",
    rule: 'no-top-level-spawn',
    silent: 'webpack.config.ts',
    // The same name in a package that does not depend on webpack-cli.
    reported: 'packages/plain/webpack.config.js',
  },
  {
    fact: 'time (load)',
    construct: "tool configuration file: a tool's default configuration in a package of a workspace whose root depends on the tool",
    rule: 'no-top-level-spawn',
    silent: 'mono/site/docusaurus.config.ts',
    // Imported by a module of the package.
    reported: 'prettier.config.js',
  },
];

describe('proof matrix, files of a project', () => {
  const project = tempFolder('proof-matrix');
  project.write({ ...TOOL_CONFIG_PROJECT });
  const lintFile = (cell: Cell, file: string) => lint(cell.rule, TOOL_CONFIG_PROJECT[file] ?? '', cell.options, { filename: path.join(project.root, file), cwd: project.root });
  it.each(FILE_CELLS.map((cell) => [`${cell.fact} × ${cell.construct}`, cell] as const))('%s: silent', (_, cell) => {
    expect(lintFile(cell, cell.silent)).toEqual([]);
  });
  it.each(FILE_CELLS.map((cell) => [`${cell.fact} × ${cell.construct}`, cell] as const))('%s: reported', (_, cell) => {
    expect(lintFile(cell, cell.reported)).not.toEqual([]);
  });
});

describe('proof matrix', () => {
  it.each(CELLS.map((cell) => [`${cell.fact} × ${cell.construct}`, cell] as const))('%s: silent', (_, cell) => {
    expect(lint(cell.rule, cell.silent, cell.options, atFile(cell.files?.silent))).toEqual([]);
  });
  it.each(CELLS.map((cell) => [`${cell.fact} × ${cell.construct}`, cell] as const))('%s: reported', (_, cell) => {
    expect(lint(cell.rule, cell.reported, cell.options, atFile(cell.files?.reported))).not.toEqual([]);
  });
});
