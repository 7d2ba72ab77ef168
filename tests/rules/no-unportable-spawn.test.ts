import path from 'node:path';

import rule from '../../src/rules/no-unportable-spawn.js';
import { cjs, cts, esm, ts } from '../support/languages.js';
import { runRuleTests } from '../support/rule-tester.js';
import { typed } from '../support/typed.js';
import { TS_ASYNC_HELPERS } from '../support/compiled-helpers.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/file-model');
const inPackage = (file: string) => path.join(FIXTURES, 'cjs-package', file);
// A helper that looks a program up with `which`: POSIX-only wherever it is.
const findProgram = `import { spawnSync } from 'node:child_process';
export function hasProgram(name: string): boolean {
  return spawnSync('which', [name]).stdout.length > 0;
}`;

// A project's own process helper, declared as a starter: over cross-spawn (shim-aware), or over spawn().
const declaredRunner = (windows?: string) => ({
  settings: {
    'process-guard': {
      starters: [{ module: '@acme/proc', path: 'run', invocation: 'call', name: 'run()', target: { role: 'command', argument: 0 }, optionsFrom: 2, ...(windows ? { windows } : {}) }],
    },
  },
});

const ES2015_AWAITER = `var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    return new (P || (P = Promise))(function (resolve, reject) {
        function step(result) { result.done ? resolve(result.value) : P.resolve(result.value).then(function (value) { step(generator.next(value)); }, reject); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
`;
/** A class whose compiled async method passes a Windows batch file to a method that spawns it; `awaiter` is the helper's declaration. */
const compiledBuild = (awaiter: string) => `${awaiter}const { spawn } = require('child_process');
const make = process.platform === 'win32' ? 'vcbuild.bat' : 'make';
class Compiler {
  run(command, args) {
    return new Promise((resolve) => spawn(command, args, { stdio: 'ignore' }).on('close', resolve));
  }
  build() {
    return __awaiter(this, void 0, void 0, function* () {
      yield this.run(make, []);
    });
  }
}
module.exports = Compiler;`;

/** An ES5 constructor function whose prototype method passes a Windows batch file to another that spawns it; `constructorBody` its body. */
const prototypeBuild = (constructorBody: string) => `const { spawn } = require('child_process');
const make = process.platform === 'win32' ? 'vcbuild.bat' : 'make';
function Compiler(options) {
  ${constructorBody}
}
Compiler.prototype.run = function (command, args) {
  return spawn(command, args, { stdio: 'ignore' });
};
Compiler.prototype.build = function () {
  return this.run(make, []);
};
module.exports = Compiler;`;
/** TypeScript's ES5 output of the same class, whose async `build()` is a state machine. */
const compiledClassBuild = `${TS_ASYNC_HELPERS}var child_process_1 = require("child_process");
var make = process.platform === 'win32' ? 'vcbuild.bat' : 'make';
var Compiler = /** @class */ (function () {
    function Compiler() {
        this.log = null;
    }
    Compiler.prototype.run = function (command, args) {
        return (0, child_process_1.spawn)(command, args);
    };
    Compiler.prototype.build = function () {
        return __awaiter(this, void 0, void 0, function () {
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0: return [4 /*yield*/, this.run(make, [])];
                    case 1: _a.sent(); return [2 /*return*/];
                }
            });
        });
    };
    return Compiler;
}());
exports.Compiler = Compiler;`;

runRuleTests('no-unportable-spawn', rule, {
  valid: [
    // Without type information an imported type is not read; with it, a set of safe programs.
    ts(`import { spawn } from 'node:child_process';
import type { PackageManager } from './package-manager.js';
export function install(pm: PackageManager) {
  spawn(pm, ['install']);
}`),
    typed(`import { spawn } from 'node:child_process';
declare function tool(): 'node' | 'git';
spawn(tool(), ['--version']);`),
    // Value sets: every member is safe, or the set is not known in full.
    ts(`import { spawn } from 'node:child_process';
export function run(pm: 'node' | 'git') {
  spawn(pm, ['--version']);
}`),
    ts(`import { spawn } from 'node:child_process';
export function run(pm: 'npm' | 'pnpm' | string) {
  spawn(pm, ['install']);
}`),
    ts(`import { spawn } from 'node:child_process';
type PM = 'npm' | 'pnpm' | 'yarn';
export function run(pm: PM) {
  spawn(pm, ['install'], { shell: process.platform === 'win32' });
}`),
    cts(`import cp = require('node:child_process');
enum Tool { Node = 'node', Git = 'git' }
export function run(tool: Tool) {
  cp.spawn(tool, ['--version']);
}`),
    cjs(`const { spawn } = require('node:child_process');
if (process.platform !== 'win32') {
  for (const pm of ['npm', 'yarn']) spawn(pm, ['install']);
}`),
    esm(`import { spawn } from 'node:child_process';
const TOOLS = ['npm', 'yarn'];
TOOLS.push(process.env.TOOL);
for (const tool of TOOLS) spawn(tool, ['--version'], { shell: true });`),
    // Options the call does not show may set `shell`: unknown stays silent.
    esm(`import { execFile } from 'node:child_process';
export function check(args, options, callback) {
  execFile('npx', args, options, callback);
}`),
    // webdriverio's shape: a boolean method of the class tests the platform, and the private method
    // that spawns runs only after it.
    esm(`import { execSync } from 'node:child_process';
export class XvfbLauncher {
  shouldRun() {
    return process.platform === 'linux';
  }
  async init() {
    if (!this.shouldRun()) return undefined;
    return this.#start();
  }
  #start() {
    return execSync('which xvfb-run').toString();
  }
}`),
    // A local predicate function that returns a platform test.
    esm(`import { spawnSync } from 'node:child_process';
const isLinux = () => process.platform === 'linux';
export function hasXvfb() {
  return isLinux() && spawnSync('which', ['Xvfb']).status === 0;
}`),
    // ps-list 9: the POSIX implementation is chosen by platform where it is used.
    esm(`import { promisify } from 'node:util';
import childProcess from 'node:child_process';
const execFile = promisify(childProcess.execFile);
const nonWindowsCall = async () => (await execFile('ps', ['awwxo', 'pid,ppid'])).stdout;
const nonWindows = async () => {
  try {
    return await nonWindowsCall();
  } catch {
    return [];
  }
};
const windows = async () => [];
const psList = process.platform === 'win32' ? windows : nonWindows;
export default psList;`),
    // exec/execSync always run a shell, which finds `.cmd` shims.
    cjs(`const { exec, execSync } = require('child_process');
exec('npm install', () => {});
execSync('npx tsc --noEmit');`),
    // cross-spawn and execa resolve shims themselves.
    esm(`import spawn from 'cross-spawn';
spawn('npm', ['install'], { stdio: 'inherit' });
spawn.sync('npx', ['tsc']);`),
    esm(`import { execa, execaSync } from 'execa';
await execa('pnpm', ['install']);
execaSync('yarn', ['build']);`),
    // A shell option that is not literally false.
    esm(`import { spawn } from 'node:child_process';
spawn('npm', ['install'], { shell: true });`),
    cjs(`const { spawn } = require('child_process');
spawn('npm.cmd', ['install'], { stdio: 'inherit', shell: process.platform === 'win32' });`),
    cjs(`const { execFileSync } = require('child_process');
const options = { encoding: 'utf8', shell: true };
execFileSync('corepack', ['enable'], options);`),
    // Options the file does not show may set a shell.
    cjs(`const { spawn } = require('child_process');
module.exports = (options) => spawn('npm', ['install'], { ...options });`),
    cjs(`const { spawn } = require('child_process');
module.exports = (args, options) => spawn('npm', args, options);`),
    // Programs every platform has.
    esm(`import { spawn, spawnSync } from 'node:child_process';
spawn('node', ['server.js']);
spawn(process.execPath, ['worker.js']);
spawnSync('git', ['status']);
spawnSync('npm.exe', ['--version']);`),
    // Guards that exclude Windows.
    cjs(`const { spawn } = require('child_process');
if (process.platform !== 'win32') spawn('npm', ['install']);`),
    cjs(`const { spawnSync } = require('child_process');
const isWindows = process.platform === 'win32';
spawnSync(isWindows ? 'where' : 'which', ['git']);`),
    // A table of functions keyed by platform, read only with the platform as the key.
    esm(`import { execSync } from 'node:child_process';
const finders = {
  darwin: () => execSync('which code').toString(),
  win32: () => execSync('where code').toString(),
};
export const findEditor = () => finders[process.platform]?.();`),
    // Template branches with interpolations keep the guard of their branch.
    cjs(`const { exec } = require('node:child_process');
exports.has = (name) => exec(process.platform === 'win32' ? \`where.exe \${name}\` : \`which \${name}\`);`),
    esm(`import { execSync } from 'node:child_process';
export function locate(name) {
  const command = process.platform === 'win32' ? \`where.exe \${name}\` : \`which \${name}\`;
  return execSync(command).toString();
}`),
    esm(`import { exec } from 'node:child_process';
function run(command) {
  return new Promise((resolve) => exec(command, (error, out) => resolve(error ? '' : out)));
}
export const locate = (name) => run(process.platform === 'win32' ? \`where.exe \${name}\` : \`which \${name}\`);`),
    esm(`import { spawnSync } from 'node:child_process';
import os from 'node:os';
export function clean() {
  if (os.platform() === 'win32') return;
  spawnSync('rm', ['-rf', 'dist']);
}`),
    cjs(`const { spawn } = require('child_process');
switch (process.platform) {
  case 'win32':
    spawn('cmd.exe', ['/d', '/s', '/c', 'npm install']);
    break;
  default:
    spawn('sh', ['-c', 'npm install']);
}`),
    esm(`import { execFile } from 'node:child_process';
import { type } from 'node:os';
if (type() === 'Darwin') execFile('chmod', ['+x', 'run.sh'], () => {});`),
    ts(`import { spawn } from 'node:child_process';
const child = process.platform === 'win32' ? spawn('cmd.exe', ['/c', 'npm.cmd', 'test']) : spawn('npm', ['test']);`),
    esm(
      `import { spawnSync } from 'node:child_process';
import { isWindows } from './env.js';
if (!isWindows) spawnSync('bash', ['setup.sh']);`,
      { settings: { 'process-guard': { platformGuards: { isWindows: 'win32' } } } },
    ),
    cjs(`const { spawnSync } = require('child_process');
process.platform !== 'win32' && spawnSync('chmod', ['+x', 'bin/run']);`),
    esm(`import { spawnSync } from 'node:child_process';
if (process.platform === 'win32') throw new Error('POSIX only');
spawnSync('bash', ['install.sh']);`),
    // node:assert's `assert(ok)` throws unless `ok`: the statements after it may assume it.
    ts(`import assert from 'assert';
import { execSync } from 'child_process';
const isMac = process.platform === 'darwin';
const isLinux = process.platform === 'linux';
export function isFirefoxOpen() {
  assert(isMac || isLinux, 'only implemented for Linux and macOS');
  return execSync('ps aux').indexOf('firefox') > -1;
}`),
    // A function that maps the platform to names of its own, compared with one of them.
    ts(`import { exec } from 'node:child_process';
import os from 'node:os';
function getPlatform(): 'windows' | 'linux' | 'osx' {
  return os.platform() === 'win32' ? 'windows' : os.platform() === 'darwin' ? 'osx' : 'linux';
}
export function nodePath(done: (path: string) => void) {
  if (getPlatform() !== 'windows') exec('which node', (error, out) => done(out.trim()));
}`),
    // `match()` of the platform: an array where it matches, null elsewhere.
    cjs(`const { execSync } = require('child_process');
var isWindows = process.platform.match(/win32/) || process.platform.match(/win64/);
exports.commit = () => {
  if (!isWindows) return execSync('git ls-files | wc -l').toString();
};`),
    // A name computed from the platform, evaluated on each platform: `.replace()`, a lookup in a table.
    cjs(`const { exec } = require('child_process');
const osName = process.platform.replace('darwin', 'mac').replace('win32', 'windows');
exports.pid = (cb) => {
  if (osName !== 'windows') exec('ps -u agent | grep node', cb);
};`),
    esm(`import { execFile } from 'node:child_process';
const OS_NAMES = { win32: 'windows', darwin: 'mac', linux: 'linux' };
const osName = OS_NAMES[process.platform];
export function listDesktop(done) {
  if (osName === 'mac' || osName === 'linux') execFile('pgrep', ['-l', 'Finder'], done);
}`),
    // Set once on the module's exports, and read there.
    cjs(`const { exec } = require('child_process');
exports.osName = process.platform.replace('win32', 'windows').replace('darwin', 'mac');
exports.socketPath = (cb) => {
  const isMac = exports.osName === 'mac';
  if (!isMac) return cb(null);
  exec('ls -l /var/run/agent.sock', cb);
};`),
    // A switch on a name computed from the platform, or on a function that maps it.
    ts(`import { execSync } from 'node:child_process';
const family = process.platform === 'win32' ? 'windows' : 'unix';
function getPlatform(): 'windows' | 'linux' | 'osx' {
  return process.platform === 'win32' ? 'windows' : process.platform === 'darwin' ? 'osx' : 'linux';
}
export function processes(): string {
  switch (family) {
    case 'unix':
      return execSync('ps -A', { encoding: 'utf8' });
    default:
      return '';
  }
}
export function open(file: string): void {
  switch (getPlatform()) {
    case 'windows':
      execSync(\`start "" "\${file}"\`);
      break;
    case 'osx':
    case 'linux':
      execSync(\`xdg-open "\${file}"\`);
  }
}`),
    // A variable that holds a mapped platform name where the switch reads it; written only later.
    cjs(`const { execSync } = require('child_process');
const platformName = () => {
  if (process.platform === 'win32') return 'Windows';
  if (process.platform === 'darwin') return 'OS X';
  return 'Linux';
};
const macVersion = () => execSync("sw_vers | awk '/ProductVersion/ {print $2}'").toString();
exports.details = () => {
  let name = platformName();
  let version = '';
  switch (name) {
    case 'OS X':
      version = macVersion();
      break;
    case 'Linux':
      name = 'Ubuntu';
      break;
  }
  return { name, version };
};`),
    // A local function that throws unless a platform test holds, called first.
    ts(`import { spawn } from 'node:child_process';
function assertSupported(): void {
  if (process.platform !== 'darwin' || process.arch !== 'arm64') {
    throw new Error('The simulator server runs on macOS on Apple silicon only');
  }
}
export async function getOrStart(port: number) {
  assertSupported();
  return spawn('tail', ['-f', '/tmp/serve-sim.log']);
}`),
    // A local function that answers a refusal off Linux and nothing on Linux, tested before an early return:
    // its answer on Windows is a call's result, not proven truthy or falsy, so the start is not proven to run there.
    ts(`import { execSync } from 'node:child_process';
import { fail } from './response';
export function checkLinux(t: (key: string) => string) {
  if (process.platform === 'win32') {
    return fail({ message: t('windowsNotSupported') });
  }
  if (process.platform !== 'linux') return { message: t('platformNotSupported') };
  return null;
}
export function takeScreenshot(t: (key: string) => string) {
  const platformErr = checkLinux(t);
  if (platformErr) {
    return platformErr;
  }
  return execSync('which grim', { encoding: 'utf8' });
}
export function listWindows(t: (key: string) => string) {
  if (checkLinux(t)) throw new Error('unsupported');
  return execSync('wmctrl -l | grep -v Desktop', { encoding: 'utf8' });
}`),
    // A private method nothing names: only its class could call it, and it never does.
    ts(`import { spawn } from 'node:child_process';
export class ExtensionManager {
  constructor(private readonly registry: string) {}
  private setRegistry(): Promise<void> {
    return new Promise((resolve) => {
      spawn('npm', ['config', 'set', 'registry', this.registry]).on('close', () => resolve());
    });
  }
  install(name: string): void {
    // await this.setRegistry();
    console.log('installing', name);
  }
}`),
    // process.getuid is undefined on Windows: the root check throws there, so what follows runs on POSIX only.
    cjs(`const { spawn } = require('child_process');
exports.attach = function (app) {
  if (process.getuid() !== 0) throw new Error('run as root');
  app.install = function (dir, callback) {
    spawn('chown', ['-R', 'app', dir]).on('exit', callback);
  };
};`),
    cjs(`const assert = require('node:assert/strict');
const { spawnSync } = require('child_process');
assert.ok(process.platform !== 'win32', 'POSIX only');
spawnSync('bash', ['install.sh']);`),
    ts(`import { spawnSync } from 'node:child_process';
import os from 'node:os';
if (os.type() === 'Linux') spawnSync('ps', ['-ef']);`),
    // A switch on `os.type()`: its labels ('Linux', 'Darwin', 'Windows_NT') name the platforms.
    cjs(`const os = require('os');
const { execSync } = require('child_process');
module.exports = function listeners(port) {
  switch (os.type()) {
    case 'Linux':
    case 'Darwin':
      return execSync('lsof -i :' + port).toString();
    case 'Windows_NT':
      return execSync('netstat -ano').toString();
    default:
      return '';
  }
};`),
    esm(`import { execSync } from 'node:child_process';
import { type } from 'node:os';
switch (type()) {
  case 'Windows_NT':
    break;
  default:
    execSync('chmod +x bin/run');
}`),
    ts(`import { spawn } from 'node:child_process';
spawn('npm', ['test'], { shell: true, stdio: 'inherit' } as const);`),
    // Unknown commands, local functions, other starters.
    cjs(`const { spawn } = require('child_process');
module.exports = (command) => spawn(command, []);`),
    cjs(`function spawn(command) { return command; }
spawn('rm');`),
    cjs(`const { fork } = require('child_process');
fork('npm');`),
    // --- Values the file does not show come from the caller ---------------------------------------
    esm(`import { spawn } from 'node:child_process';
function run(cmd, args) {
  return spawn(cmd, args, { stdio: 'inherit' });
}
export function exec(command, args) {
  return run(command, args);
}`),
    cjs(`const { spawn } = require('child_process');
let bin = process.env.PACKAGER;
if (!bin) bin = readConfig().bin;
spawn(bin, ['install']);`),
    // The POSIX default is replaced on Windows before the call.
    cjs(`const { spawn } = require('child_process');
var sh = 'sh';
var shFlag = '-c';
if (process.platform === 'win32') {
  sh = process.env.comspec || 'cmd';
  shFlag = '/d /s /c';
}
spawn(sh, [shFlag, command], { stdio: 'inherit' });`),
    // --- Wrappers: guards and a shell at the call or inside ------------------------------------
    cjs(`const { spawnSync } = require('child_process');
function run(cmd, args) {
  return spawnSync(cmd, args, { stdio: 'inherit' });
}
if (process.platform !== 'win32') run('rm', ['-rf', 'dist']);`),
    esm(`import { spawn } from 'node:child_process';
function run(cmd) {
  if (process.platform === 'win32') return undefined;
  return spawn(cmd, []);
}
run('which');`),
    cjs(`const { spawn } = require('child_process');
function run(cmd, args, options) {
  return spawn(cmd, args, { stdio: 'inherit', ...options });
}
run('npm', ['install'], { shell: true });`),
    cjs(`const { spawn } = require('child_process');
const run = (cmd, args, options) => spawn(cmd, args, options);
const install = (cmd) => run(cmd, ['install'], { shell: process.platform === 'win32' });
install('yarn');`),
    // A compiled async body run by a helper the file does not prove keeps no known `this`.
    cjs(compiledBuild("const { __awaiter } = require('tslib');\n")),
    // An ES5 constructor that writes `this.run` may call anything through it.
    cjs(prototypeBuild('this.run = options.run;')),
    // A method of the class given a shell on Windows, or called off Windows.
    ts(`import { spawn } from 'node:child_process';
export class Installer {
  private run(cmd: string, args: string[]) {
    return spawn(cmd, args, { shell: process.platform === 'win32' });
  }
  private exec(cmd: string) { return spawn(cmd, []); }
  install() { return this.run('npm', ['install']); }
  clean() { if (process.platform !== 'win32') this.exec('rm'); }
}`),
    // A method the class overwrites on `this` may be anything when called.
    cts(`import { spawn } from 'node:child_process';
class Installer {
  constructor() { this.run = (cmd: string) => cmd; }
  run(cmd: string) { return spawn(cmd, []); }
  install() { return this.run('npm'); }
}
export = Installer;`),
    // --- Shell command lines ---------------------------------------------------------------------
    cjs(`const { exec, execSync } = require('child_process');
exec('npm install && npm test', () => {});
execSync('git log --format="%h | rm %s" -1');
execSync(\`\${tool} --version\`);`),
    esm(`import { execSync } from 'node:child_process';
if (process.platform !== 'win32') execSync('git ls-files | wc -l');`),
    esm(`import { $ } from 'zx';
await $\`rm -rf \${dir}\`;`),
    // --- Libraries that resolve shims themselves ------------------------------------------------
    cjs(`const crossSpawn = require('cross-spawn');
const path = require('path');
crossSpawn.sync(path.join(__dirname, 'node_modules', '.bin', 'swc'), ['src', '-d', 'lib']);`),
    esm(`import { x } from 'tinyexec';
import spawn from 'nano-spawn';
import spawnPlease from 'spawn-please';
await x('npm', ['install']);
await spawn('pnpm', ['build']);
await spawnPlease('yarn', ['outdated']);`),
    cjs(`const promiseSpawn = require('@npmcli/promise-spawn');
promiseSpawn('npm', ['view', 'eslint'], { shell: true });`),
    // execa 5 and older, @expo/spawn-async and child-process-promise's spawn() run through cross-spawn.
    cjs(`const execa = require('execa');
const spawnAsync = require('@expo/spawn-async');
const { spawn } = require('child-process-promise');
execa('npm', ['install']);
execa.sync('npx', ['tsc']);
execa.command('yarn build');
spawnAsync('npm', ['pack']);
spawn('pnpm', ['build']);`),
    // Command lines run by cmd.exe or split by execa: shims found, no POSIX program named.
    cjs(`const execa = require('execa');
const spawnCommand = require('spawn-command');
execa.shellSync('npm test');
spawnCommand('npm run build && npm test');`),
    // child_process-backed wrappers and node-pty given a program that exists on Windows too.
    esm(`import { spawn, execFile } from 'promisify-child-process';
import * as pty from 'node-pty';
await spawn('git', ['status']);
await execFile('node', ['--version']);
pty.spawn(process.platform === 'win32' ? 'powershell.exe' : 'bash', [], { cols: 80 });`),
    // A declared wrapper of cross-spawn finds the shim itself.
    esm(
      `import { run } from '@acme/proc';
await run('npm', ['install'], { stdio: 'inherit' });`,
      declaredRunner('shim-aware'),
    ),
    // --- Code written for a platform the analysis cannot tell from the host's -----------------
    // oclif's shape: a build step for a *target* platform, checking a download with POSIX tools
    // everywhere but for a Windows target (the callers pin the target to win32 on a Windows host).
    ts(`import { exec } from 'node:child_process';
import { promisify } from 'node:util';
const run = promisify(exec);
export async function downloadRuntime({ platform, arch, dir }: { platform: string; arch: string; dir: string }) {
  const archive = \`runtime-\${platform}-\${arch}.tar.gz\`;
  if (platform !== 'win32') await run(\`grep "\${archive}" SHASUMS256.txt | shasum -a 256 -c -\`, { cwd: dir });
}`),
    esm(`import { execFileSync } from 'node:child_process';
export function finishPackage(opts) {
  if (opts.platform === 'win32') {
    return writeInstallerScript(opts);
  } else {
    execFileSync('chmod', ['+x', \`\${opts.out}/bin/app\`]);
  }
}`),
    esm(`import { spawnSync } from 'node:child_process';
export function canBuildInstaller(target) {
  switch (target.os) {
    case 'linux':
      return spawnSync('which', ['dpkg-deb']).status === 0;
    case 'win32':
      return true;
    default:
      return false;
  }
}`),
    // forge's and electron-builder's shapes: a file whose path names the platform it is for.
    ts(findProgram, { filename: inPackage('src/util/linux-installer.ts') }),
    ts(findProgram, { filename: inPackage('test/src/linux/app.test.ts') }),
    ts(findProgram, { filename: inPackage('packages/updater/src/MacUpdater.ts') }),
    // A probe in a function the file keeps to itself, every call of which handles its failure.
    cjs(`var execSync = require('child_process').execSync;
function getProcessIdOnPort(port) {
  return execSync('lsof -i:' + port + ' -P -t -sTCP:LISTEN', { stdio: ['pipe', 'pipe', 'ignore'] }).toString().split('\\n')[0].trim();
}
function getProcessForPort(port) {
  try {
    return getProcessIdOnPort(port);
  } catch (e) {
    return null;
  }
}
module.exports = getProcessForPort;`),
    // A type query (`typeof parentOf`) reads the function's type, not the function: every call still handles.
    ts(`import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
const run = promisify(execFile);
const parentOf = async (pid: number): Promise<number> => Number((await run('ps', ['-o', 'ppid=', '-p', String(pid)])).stdout);
export async function ancestors(): Promise<number[] | null> {
  let parent: Awaited<ReturnType<typeof parentOf>>;
  const found: number[] = [];
  try {
    parent = await parentOf(process.ppid);
    while (parent > 1) found.push((parent = await parentOf(parent)));
  } catch {
    return null;
  }
  return found;
}`),
    // A function exported under a platform's name, dispatched on the platform by its importers.
    ts(`import { execSync } from 'node:child_process';
const LSREGISTER = '/System/Library/Frameworks/CoreServices.framework/Versions/A/Frameworks/LaunchServices.framework/Versions/A/Support/lsregister';
export function darwin(): string[] {
  return execSync(\`\${LSREGISTER} -dump | grep -i 'google chrome\\?\\( canary\\)\\?.app'\`).toString().split('\\n');
}`),
    // After an `else if` chain whose last branch throws, one of the other branches ran.
    ts(`import * as child_process from 'node:child_process';
export function startTime(pid: number): string {
  let args: string[];
  if (process.platform === 'darwin') {
    args = [\`-p \${pid}\`, '-o lstart'];
  } else if (process.platform === 'linux') {
    args = ['-p', String(pid), '-o', 'lstart'];
  } else {
    throw new Error(\`Unsupported system: \${process.platform}\`);
  }
  return child_process.spawnSync('ps', args, { encoding: 'utf8' }).stdout;
}`),
    // Platform tests that packages export, as their documentation defines them.
    esm(`import { execSync } from 'node:child_process';
import { isWindows } from 'std-env';
export const editor = () => (isWindows ? 'notepad' : execSync('which vi').toString());`),
    cjs(`const { execSync } = require('child_process');
const OS = require('os-family');
module.exports = () => (OS.win ? execSync('tasklist') : OS.linux ? execSync('ps -ejf') : null);`),
    ts(`import { execFileSync } from 'node:child_process';
import isWindows from 'is-windows';
export function owner(file: string) { if (!isWindows()) return execFileSync('stat', ['-c', '%U', file]); }`),
    // A POSIX program written for Windows alone: the code knows its machines have it (Git for
    // Windows' `sh`, MSYS), which the rule cannot know better.
    cjs(`const cp = require('child_process');
module.exports = (command) => cp.spawn(process.platform === 'win32' ? 'sh' : command.shift(), command, { stdio: 'pipe' });`),
    esm(`import { execFileSync } from 'node:child_process';
export function build() { if (process.platform === 'win32') execFileSync('bash', ['build.sh']); }`),
  ],
  invalid: [
    {
      // Reported twin of a variable holding a mapped platform name: written before the switch reads it.
      ...cjs(`const { execSync } = require('child_process');
const platformName = () => (process.platform === 'darwin' ? 'OS X' : 'Linux');
exports.details = (override) => {
  let name = platformName();
  if (override) name = override;
  switch (name) {
    case 'OS X':
      return execSync("sw_vers | awk '/ProductVersion/ {print $2}'").toString();
  }
};`),
      errors: [{ messageId: 'posixInCommandLine', line: 8 }],
    },
    {
      // Reported twin of `match()`: a pattern Windows does not match.
      ...cjs(`const { execSync } = require('child_process');
var isLinux = process.platform.match('linux');
exports.commit = () => {
  if (!isLinux) return execSync('git ls-files | wc -l').toString();
};`),
      errors: [{ messageId: 'posixInCommandLine', line: 4 }],
    },
    {
      // Reported twins of names computed from the platform: one Windows also has, a table written
      // after it is made, a lookup in a table with a spread, a switch's default Windows reaches.
      ...cjs(`const { exec, execFile, execSync } = require('child_process');
const osName = process.platform.replace('darwin', 'mac').replace('win32', 'windows');
exports.a = (cb) => { if (osName !== 'mac') exec('ps -A', cb); };
const NAMES = { win32: 'windows', darwin: 'mac' };
NAMES.win32 = 'mac';
exports.b = (cb) => { if (NAMES[process.platform] === 'mac') execFile('pgrep', ['x'], cb); };
const MORE = { ...NAMES, linux: 'linux' };
exports.c = (cb) => { if (MORE[process.platform] === 'linux') execFile('pgrep', ['x'], cb); };
exports.d = () => {
  switch (osName) {
    case 'mac':
      return 'mac';
    default:
      return execSync('uname -s');
  }
};`),
      errors: [
        { messageId: 'posixInCommandLine', line: 3 },
        { messageId: 'posixProgram', line: 6 },
        { messageId: 'posixProgram', line: 8 },
        { messageId: 'posixInCommandLine', line: 14 },
      ],
    },
    {
      // Reported twin: a name it answers on Windows too.
      ...ts(`import { exec } from 'node:child_process';
const family = () => (process.platform === 'darwin' ? 'mac' : 'other');
export function nodePath(done: (path: string) => void) {
  if (family() !== 'mac') exec('which node', (error, out) => done(out.trim()));
}`),
      errors: [{ messageId: 'posixInCommandLine', line: 4 }],
    },
    {
      // Reported twins of a private method nothing names: called by its class, or public.
      ...ts(`import { spawn } from 'node:child_process';
export class ExtensionManager {
  private setRegistry(): void {
    spawn('npm', ['config', 'set', 'registry', 'https://registry.npmjs.org']);
  }
  install(): void {
    this.setRegistry();
  }
  reset(): void {
    spawn('npm', ['config', 'delete', 'registry']);
  }
}`),
      errors: [
        { messageId: 'shimWithoutShell', line: 4 },
        { messageId: 'shimWithoutShell', line: 10 },
      ],
    },
    {
      // Reported twins of the root check: an optional call gives undefined on Windows, and one inside a
      // \`try\` of its own lets the code after the \`try\` run there.
      ...cjs(`const { spawn } = require('child_process');
exports.attach = function (app) {
  if (process.getuid?.() !== 0) throw new Error('run as root');
  spawn('chown', ['-R', 'app', '.']);
};
exports.check = function () {
  try { process.getuid(); } catch {}
  spawn('chown', ['-R', 'app', '.']);
};`),
      errors: [
        { messageId: 'posixProgram', line: 4 },
        { messageId: 'posixProgram', line: 8 },
      ],
    },
    {
      // Reported twins of a refusal: it refuses macOS only, its caller goes on when it refuses, or it tests a parameter.
      ...ts(`import { execSync } from 'node:child_process';
function checkNotMac() {
  if (process.platform === 'darwin') return 'macOS is not supported';
  return null;
}
function checkPlatform(platform: string) {
  if (platform !== 'linux') return { message: 'unsupported' };
  return null;
}
export function a() {
  if (checkNotMac()) return undefined;
  return execSync('which grim', { encoding: 'utf8' });
}
export function b() {
  const error = checkPlatform('linux');
  if (!error) return undefined;
  return execSync('which grim', { encoding: 'utf8' });
}
export function c() {
  if (checkPlatform(process.platform)) return undefined;
  return execSync('which grim', { encoding: 'utf8' });
}`),
      errors: [
        { messageId: 'posixInCommandLine', line: 12 },
        { messageId: 'posixInCommandLine', line: 17 },
        { messageId: 'posixInCommandLine', line: 21 },
      ],
    },
    {
      // Reported twins of a local assertion: it may return first, or it is async and not awaited.
      ...ts(`import { spawn } from 'node:child_process';
function assertSupported(force: boolean): void {
  if (force) return;
  if (process.platform !== 'darwin') throw new Error('macOS only');
}
async function checkSupported() {
  if (process.platform !== 'darwin') throw new Error('macOS only');
}
export function start() {
  assertSupported(false);
  spawn('tail', ['-f', '/tmp/a.log']);
}
export function startLater() {
  void checkSupported();
  spawn('tail', ['-f', '/tmp/a.log']);
}`),
      errors: [
        { messageId: 'posixProgram', line: 11 },
        { messageId: 'posixProgram', line: 15 },
      ],
    },
    {
      // Reported twins of the assertions: console.assert logs and goes on, and a local `assert` may do anything.
      ...ts(`import { execSync } from 'child_process';
const isMac = process.platform === 'darwin';
export function isFirefoxOpen() {
  console.assert(isMac, 'only implemented for macOS');
  return execSync('ps aux').indexOf('firefox') > -1;
}
function assert(ok: boolean, message: string) { if (!ok) console.warn(message); }
export function isOpen() {
  assert(isMac, 'only implemented for macOS');
  return execSync('ps aux').indexOf('firefox') > -1;
}`),
      errors: [
        { messageId: 'posixInCommandLine', line: 5 },
        { messageId: 'posixInCommandLine', line: 10 },
      ],
    },
    {
      // Reported twins: the default of a switch on `os.type()` that only leaves out macOS, and a
      // default after a label that is no `os.type()` value (a platform name), which proves nothing.
      ...cjs(`const os = require('os');
const { execSync } = require('child_process');
module.exports = function listeners(port) {
  switch (os.type()) {
    case 'Darwin':
      return '';
    default:
      return execSync('lsof -i :' + port).toString();
  }
};
module.exports.chmod = function chmod() {
  switch (os.type()) {
    case 'win32':
      return;
    default:
      execSync('chmod +x bin/run');
  }
};`),
      errors: [
        { messageId: 'posixInCommandLine', line: 8 },
        { messageId: 'posixInCommandLine', line: 16 },
      ],
    },
    {
      // Reported twin: one call of the function does not handle its failure.
      ...cjs(`var execSync = require('child_process').execSync;
function getProcessIdOnPort(port) {
  return execSync('lsof -i:' + port + ' -P -t -sTCP:LISTEN').toString();
}
function getProcessForPort(port) {
  try {
    return getProcessIdOnPort(port);
  } catch (e) {
    return null;
  }
}
module.exports = { getProcessForPort, pid: (port) => getProcessIdOnPort(port) };`),
      errors: [{ messageId: 'posixInCommandLine', line: 3 }],
    },
    {
      // Reported twin: an export named otherwise runs wherever its importers call it.
      ...ts(`import { execSync } from 'node:child_process';
export function installations(): string[] {
  return execSync('lsregister -dump | grep -i chrome').toString().split('\\n');
}`),
      errors: [{ messageId: 'posixInCommandLine', line: 3 }],
    },
    {
      // A handled start of a shim stays reported: npm is there, only the missing shell fails it, so
      // on Windows the probe always says it is not.
      ...cjs(`const { execFileSync } = require('child_process');
exports.npmVersion = () => {
  try {
    return execFileSync('npm', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'N/A';
  }
};`),
      errors: [{ messageId: 'shimWithoutShell', line: 4 }],
    },
    {
      // Reported twin: the chain's last branch completes too.
      ...ts(`import * as child_process from 'node:child_process';
export function startTime(pid: number): string {
  let args: string[] = [];
  if (process.platform === 'darwin') {
    args = ['-p', String(pid)];
  } else if (process.platform === 'linux') {
    args = ['-p', String(pid), '-o', 'lstart'];
  } else {
    console.warn('untested system');
  }
  return child_process.spawnSync('ps', args, { encoding: 'utf8' }).stdout;
}`),
      errors: [{ messageId: 'posixProgram', line: 11 }],
    },
    {
      // Reported twin: a member of such a package that is not a platform test guards nothing.
      ...esm(`import { execSync } from 'node:child_process';
import { isCI } from 'std-env';
export const editor = () => (isCI ? 'none' : execSync('which vi').toString());`),
      errors: [{ messageId: 'posixInCommandLine', line: 3 }],
    },
    {
      // Reported twin: the POSIX program also runs where no test says Windows.
      ...cjs(`const cp = require('child_process');
module.exports = (command) => cp.spawn(process.platform === 'linux' ? command.shift() : 'sh', command, { stdio: 'pipe' });`),
      errors: [{ messageId: 'posixProgram', line: 2 }],
    },
    {
      // `npm.cmd` chosen for Windows stays reported: without a shell it fails there (EINVAL).
      ...esm(`import { spawn } from 'node:child_process';
export const install = () => spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['ci']);`),
      errors: [{ messageId: 'batchWithoutShell', line: 2 }],
    },
    {
      // With type information, a union declared in another module.
      ...typed(`import { spawn } from 'node:child_process';
import type { PackageManager } from './package-manager.js';
export function install(pm: PackageManager) {
  spawn(pm, ['install']);
}`),
      errors: [{ messageId: 'shimWithoutShell', data: { command: 'npm', name: 'spawn()' }, line: 4, column: 9 }],
    },
    {
      // A parameter drawn from a string-literal union: `npm` is a shim, which needs a shell on Windows.
      ...ts(`import { spawn } from 'node:child_process';
type PM = 'npm' | 'pnpm' | 'yarn';
export function install(pm: PM) {
  spawn(pm, ['install']);
}`),
      errors: [{ messageId: 'shimWithoutShell', data: { command: 'npm', name: 'spawn()' }, line: 4, column: 9 }],
    },
    {
      ...cts(`import cp = require('node:child_process');
enum PM { Npm = 'npm', Node = 'node' }
export function version(pm: PM) {
  return cp.spawnSync(pm, ['--version']);
}`),
      errors: [{ messageId: 'shimWithoutShell', data: { command: 'npm', name: 'cp.spawnSync()' }, line: 4, column: 23 }],
    },
    {
      ...ts(`import { spawn } from 'node:child_process';
for (const pm of ['node', 'yarn'] as const) spawn(pm, ['--version']);`),
      errors: [{ messageId: 'shimWithoutShell', data: { command: 'yarn', name: 'spawn()' }, line: 2, column: 51 }],
    },
    {
      ...cjs(`const { spawn } = require('node:child_process');
const TOOLS = ['git', 'npx'];
TOOLS.forEach((tool) => {
  spawn(tool, ['--version']);
});`),
      errors: [{ messageId: 'shimWithoutShell', data: { command: 'npx', name: 'spawn()' }, line: 4, column: 9 }],
    },
    {
      // The same class without the check: the private method runs on every platform.
      ...esm(`import { execSync } from 'node:child_process';
export class XvfbLauncher {
  shouldRun() {
    return process.platform === 'linux';
  }
  async init() {
    if (!this.ready) return undefined;
    return this.#start();
  }
  #start() {
    return execSync('which xvfb-run').toString();
  }
}`),
      errors: [{ messageId: 'posixInCommandLine', data: { command: 'which', name: 'execSync()' }, line: 11, column: 21 }],
    },
    {
      ...esm(`import { spawnSync } from 'node:child_process';
spawnSync('corepack', ['enable']);`),
      errors: [{ messageId: 'shimWithoutShell', data: { command: 'corepack', name: 'spawnSync()' }, line: 2, column: 11 }],
    },
    {
      // nodejs/node#52681
      ...cjs(`const { spawn } = require('node:child_process');
spawn('npm.cmd', ['install']);`),
      errors: [{ messageId: 'batchWithoutShell', data: { command: 'npm.cmd', name: 'spawn()' }, line: 2, column: 7 }],
    },
    {
      // GitbookIO/integrations#606
      ...cjs(`const { spawn } = require('child_process');
const npm = /^win/.test(process.platform) ? 'npm.cmd' : 'npm';
spawn(npm, ['run', 'build'], { stdio: 'inherit' });`),
      errors: [{ messageId: 'batchWithoutShell', data: { command: 'npm.cmd', name: 'spawn()' }, line: 3, column: 7 }],
    },
    {
      ...esm(`import { spawn } from 'node:child_process';
const isWindows = process.platform === 'win32';
spawn('npm' + (isWindows ? '.cmd' : ''), ['test']);`),
      errors: [{ messageId: 'batchWithoutShell', data: { command: 'npm.cmd', name: 'spawn()' }, line: 3, column: 7 }],
    },
    {
      ...esm(`import { spawn } from 'node:child_process';
spawn(\`\${process.platform === 'win32' ? 'yarn.cmd' : 'yarn'}\`, ['build']);`),
      errors: [{ messageId: 'batchWithoutShell', data: { command: 'yarn.cmd', name: 'spawn()' }, line: 2, column: 7 }],
    },
    // The same declared wrapper, over spawn() as given: npm is a .cmd shim there.
    {
      ...esm(
        `import { run } from '@acme/proc';
await run('npm', ['install'], { stdio: 'inherit' });`,
        declaredRunner(),
      ),
      errors: [{ messageId: 'shimWithoutShell', data: { command: 'npm', name: 'run()' }, line: 2, column: 11 }],
    },
    {
      ...esm(
        `import { run } from '@acme/proc';
await run('npm', ['install'], { stdio: 'inherit' });`,
        declaredRunner('direct'),
      ),
      errors: [{ messageId: 'shimWithoutShell', data: { command: 'npm', name: 'run()' }, line: 2, column: 11 }],
    },
    {
      ...cjs(`const { spawn } = require('child_process');
spawn('npm', ['install'], { shell: false });`),
      errors: [{ messageId: 'shimWithoutShell', line: 2, column: 7 }],
    },
    {
      ...cjs(`const cp = require('child_process');
cp.execFileSync('npx', ['tsc', '--noEmit'], { stdio: 'inherit' });`),
      errors: [{ messageId: 'shimWithoutShell', data: { command: 'npx', name: 'cp.execFileSync()' }, line: 2, column: 17 }],
    },
    {
      ...cjs(`const { execFile } = require('child_process');
execFile('yarn', ['install'], (error) => {
  if (error) throw error;
});`),
      errors: [{ messageId: 'shimWithoutShell', data: { command: 'yarn', name: 'execFile()' }, line: 2, column: 10 }],
    },
    {
      ...esm(`import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
const run = promisify(execFile);
await run('pnpm', ['install']);`),
      errors: [{ messageId: 'shimWithoutShell', data: { command: 'pnpm', name: 'run()' }, line: 4, column: 11 }],
    },
    {
      ...esm(`import { spawn as run } from 'child_process';
const command = 'pnpx';
const options = { stdio: 'inherit' };
run(command, ['create-app'], options);`),
      errors: [{ messageId: 'shimWithoutShell', data: { command: 'pnpx', name: 'run()' }, line: 4, column: 5 }],
    },
    {
      ...cjs(`const { spawnSync } = require('child_process');
spawnSync('C:\\\\tools\\\\SETUP.BAT');`),
      errors: [{ messageId: 'batchWithoutShell', data: { command: 'C:\\tools\\SETUP.BAT', name: 'spawnSync()' }, line: 2, column: 11 }],
    },
    {
      ...ts(`import { spawn } from 'node:child_process';
export function build(): void {
  const child = spawn('yarnpkg', ['build']);
  child.on('exit', (code) => console.log(code));
}`),
      errors: [{ messageId: 'shimWithoutShell', line: 3, column: 23 }],
    },
    {
      ...cts(`import cp = require('child_process');
cp.spawn('corepack', ['pnpm', 'install']);`),
      errors: [{ messageId: 'shimWithoutShell', line: 2, column: 10 }],
    },
    {
      ...esm(`import { spawn } from 'node:child_process';
spawn('tsc', ['--build']);
spawn('make', ['all']);`, { options: [{ additionalShims: ['tsc'], additionalPosixPrograms: ['make'] }] }),
      errors: [
        { messageId: 'shimWithoutShell', data: { command: 'tsc', name: 'spawn()' }, line: 2, column: 7 },
        { messageId: 'posixProgram', data: { command: 'make', name: 'spawn()' }, line: 3, column: 7 },
      ],
    },
    {
      ...cjs(`const { execFile } = require('child_process');
function done(error) {
  if (error) throw error;
}
execFile('npx', ['prettier', '--check', '.'], done);`),
      errors: [{ messageId: 'shimWithoutShell', data: { command: 'npx', name: 'execFile()' }, line: 5, column: 10 }],
    },
    // The options literal is execFile's third argument; what follows it is the callback, whatever it is.
    {
      ...esm(`import { execFile } from 'node:child_process';
export function check(args, callback) {
  execFile('npx', args, { cwd: 'web' }, callback);
}`),
      errors: [{ messageId: 'shimWithoutShell', data: { command: 'npx', name: 'execFile()' }, line: 3, column: 12 }],
    },
    {
      ...esm(`import { execFile } from 'node:child_process';
import { report } from './report.js';
execFile('pnpm', ['-r', 'build'], { env: process.env }, report);`),
      errors: [{ messageId: 'shimWithoutShell', data: { command: 'pnpm', name: 'execFile()' }, line: 3, column: 10 }],
    },
    // --- POSIX-only programs --------------------------------------------------------------------
    {
      ...cjs(`const { spawn } = require('child_process');
spawn('rm', ['-rf', 'dist']);`),
      errors: [{ messageId: 'posixProgram', data: { command: 'rm', name: 'spawn()' }, line: 2, column: 7 }],
    },
    {
      ...esm(`import { spawnSync } from 'node:child_process';
spawnSync('/bin/sh', ['-c', 'make']);`),
      errors: [{ messageId: 'posixProgram', data: { command: '/bin/sh', name: 'spawnSync()' }, line: 2, column: 11 }],
    },
    {
      ...esm(`import * as childProcess from 'node:child_process';
export const gitPath = () => childProcess.execFileSync('which', ['git'], { encoding: 'utf8' }).trim();`),
      errors: [{ messageId: 'posixProgram', data: { command: 'which', name: 'childProcess.execFileSync()' }, line: 2, column: 56 }],
    },
    {
      // cmd.exe has no `ls` either.
      ...cjs(`const { spawn } = require('child_process');
spawn('ls', ['-la'], { shell: true });`),
      errors: [{ messageId: 'posixProgram', line: 2, column: 7 }],
    },
    {
      // A guard for another platform leaves Windows possible.
      ...cjs(`const { spawn } = require('child_process');
if (process.platform !== 'darwin') spawn('bash', ['install.sh']);`),
      errors: [{ messageId: 'posixProgram', data: { command: 'bash', name: 'spawn()' }, line: 2, column: 42 }],
    },
    {
      ...cjs(`const { spawn } = require('child_process');
function shell(command) {
  return spawn(process.env.SHELL || 'sh', ['-c', command]);
}`),
      errors: [{ messageId: 'posixProgram', data: { command: 'sh', name: 'spawn()' }, line: 3, column: 16 }],
    },
    {
      ...ts(`import { execFile } from 'node:child_process';
const tool: string = useGrep ? 'grep' : 'ack';
execFile(tool as string, ['-r', 'TODO', '.'], () => {});`),
      errors: [{ messageId: 'posixProgram', data: { command: 'grep', name: 'execFile()' }, line: 3, column: 10 }],
    },
    {
      // Both problems in one conditional.
      ...cjs(`const { spawn } = require('child_process');
spawn(useYarn ? 'yarn' : 'sh', ['install.sh']);`),
      errors: [
        { messageId: 'shimWithoutShell', data: { command: 'yarn', name: 'spawn()' }, line: 2, column: 7 },
        { messageId: 'posixProgram', data: { command: 'sh', name: 'spawn()' }, line: 2, column: 7 },
      ],
    },
    {
      // cmd.exe has no `ls` either, and a shell line is split into its programs.
      ...cjs(`const { spawn } = require('child_process');
spawn('git ls-files | wc -l', { shell: true });`),
      errors: [{ messageId: 'posixProgram', data: { command: 'wc', name: 'spawn()' }, line: 2, column: 7 }],
    },
    // --- Computed commands ----------------------------------------------------------------------
    {
      // npm-check-updates: the Windows entry is a .cmd file next to the module.
      ...esm(`import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
const bin = new URL(process.platform === 'win32' ? '../bin/ncu.cmd' : '../bin/ncu.js', import.meta.url);
spawnSync(fileURLToPath(bin), ['--jsonUpgraded']);`),
      errors: [{ messageId: 'batchWithoutShell', data: { command: '…/bin/ncu.cmd', name: 'spawnSync()' }, line: 4, column: 11 }],
    },
    {
      // Every node_modules/.bin entry is a .cmd shim on Windows.
      ...cjs(`const { spawn } = require('child_process');
const path = require('path');
const swc = path.join(__dirname, 'node_modules', '.bin', 'swc');
spawn(swc, ['src', '-d', 'lib'], { stdio: 'inherit' });`),
      errors: [{ messageId: 'shimWithoutShell', data: { command: '…/node_modules/.bin/swc', name: 'spawn()' }, line: 4, column: 7 }],
    },
    {
      ...cjs(`const { execFileSync } = require('child_process');
execFileSync(require.resolve('.bin/swc'), ['--version']);`),
      errors: [{ messageId: 'shimWithoutShell', data: { command: '…/.bin/swc', name: 'execFileSync()' }, line: 2, column: 14 }],
    },
    {
      // An object property set, then reassigned: both values reach the call.
      ...cjs(`const { spawn } = require('child_process');
var packager = { bin: 'npm', lockfile: 'package-lock.json' };
if (useYarn) packager.bin = 'yarn';
spawn(packager.bin, ['install'], { stdio: 'inherit' });`),
      errors: [{ messageId: 'shimWithoutShell', data: { command: 'npm', name: 'spawn()' }, line: 4, column: 7 }],
    },
    {
      // A fallback assignment under a Windows check: the .cmd file is what Windows gets.
      ...esm(`import { spawnSync } from 'node:child_process';
let npm = 'npm';
if (process.platform === 'win32') npm = 'npm.cmd';
spawnSync(npm, ['publish']);`),
      errors: [{ messageId: 'batchWithoutShell', data: { command: 'npm.cmd', name: 'spawnSync()' }, line: 4, column: 11 }],
    },
    {
      ...esm(`import { spawn } from 'node:child_process';
const [cmd, ...args] = ['pnpm', 'install', '--frozen-lockfile'];
spawn(cmd, args);`),
      errors: [{ messageId: 'shimWithoutShell', data: { command: 'pnpm', name: 'spawn()' }, line: 3, column: 7 }],
    },
    {
      // A starter kept in an options object.
      ...cjs(`const options = { spawn: require('child_process').spawn, cwd: process.cwd() };
options.spawn('npm', ['test'], { cwd: options.cwd });`),
      errors: [{ messageId: 'shimWithoutShell', data: { command: 'npm', name: 'options.spawn()' }, line: 2, column: 15 }],
    },
    // --- Shell command lines ---------------------------------------------------------------------
    {
      // command-exists 1.0.1: the lookup went through the POSIX shell's own builtin.
      ...cjs(`var exec = require('child_process').exec;
module.exports = function (commandName, callback) {
  exec('command -v ' + commandName + ' 2>/dev/null', function (error) { callback(!error); });
};`),
      errors: [{ messageId: 'posixInCommandLine', data: { command: 'command', name: 'exec()' }, line: 3, column: 8 }],
    },
    {
      // kyt 0.4.1: shelljs' exec() hands the line to cmd.exe on Windows.
      ...cjs(`const shell = require('shelljs');
module.exports = function clean(buildPath) {
  if (shell.exec(\`rm -rf \${buildPath}\`).code === 0) shell.mkdir(buildPath);
};`),
      errors: [{ messageId: 'posixInCommandLine', data: { command: 'rm', name: 'shell.exec()' }, line: 3, column: 18 }],
    },
    {
      // A platform function also called directly runs everywhere.
      ...esm(`import { execSync } from 'node:child_process';
function linux() { return execSync('which code').toString(); }
const finders = { linux };
export const findEditor = () => finders[process.platform]?.() ?? linux();`),
      errors: [{ messageId: 'posixInCommandLine', data: { command: 'which', name: 'execSync()' }, line: 2, column: 36 }],
    },
    {
      // The template branch that runs on Windows is reported (a branch written for Windows alone is
      // the code's decision: see the valid cases).
      ...cjs(`const { exec } = require('node:child_process');
exports.has = (name) => exec(process.platform === 'darwin' ? \`which \${name}\` : \`command -v \${name}\`);`),
      errors: [{ messageId: 'posixInCommandLine', data: { command: 'command', name: 'exec()' }, line: 2, column: 30 }],
    },
    {
      ...cjs(`const { exec } = require('child_process');
function has(name, done) {
  exec('which ' + name, (error) => done(!error));
}
module.exports = has;`),
      errors: [{ messageId: 'posixInCommandLine', data: { command: 'which', name: 'exec()' }, line: 3, column: 8 }],
    },
    {
      ...esm(`import { execSync } from 'node:child_process';
export function clean(dir) {
  execSync(\`rm -rf \${dir}\`);
}`),
      errors: [{ messageId: 'posixInCommandLine', data: { command: 'rm', name: 'execSync()' }, line: 3, column: 12 }],
    },
    {
      ...esm(`import { execSync } from 'node:child_process';
const count = Number(execSync('git ls-files | wc -l', { encoding: 'utf8' }));`),
      errors: [{ messageId: 'posixInCommandLine', data: { command: 'wc', name: 'execSync()' }, line: 2, column: 31 }],
    },
    {
      ...esm(`import { exec } from 'node:child_process';
exec('NODE_ENV=production node build.js && cp -r dist out', () => {});`),
      errors: [{ messageId: 'posixInCommandLine', data: { command: 'cp', name: 'exec()' }, line: 2, column: 6 }],
    },
    {
      // execa's $ runs the first word itself, without a shell.
      ...esm(`import { $ } from 'execa';
await $\`rm -rf \${dir}\`;`),
      errors: [{ messageId: 'posixInCommandLine', data: { command: 'rm', name: '$``' }, line: 2, column: 8 }],
    },
    // --- Local wrappers ---------------------------------------------------------------------------
    {
      ...esm(`import { spawn } from 'node:child_process';
function run(cmd, args) {
  return spawn(cmd, args, { stdio: 'inherit' });
}
await run('npm', ['publish']);
await run('npx', process.argv.slice(2));`),
      errors: [
        { messageId: 'shimThroughWrapper', data: { command: 'npm', call: 'run()', name: 'spawn()', where: 'line 3' }, line: 5, column: 11 },
        { messageId: 'shimThroughWrapper', data: { command: 'npx', call: 'run()', name: 'spawn()', where: 'line 3' }, line: 6, column: 11 },
      ],
    },
    {
      // A wrapper of a wrapper, and the caller's options carry no shell.
      ...cjs(`const { spawnSync } = require('child_process');
const run = (cmd, args, options) => spawnSync(cmd, args, { stdio: 'inherit', ...options });
const install = (cmd) => run(cmd, ['install'], { cwd: 'app' });
install('yarn');`),
      errors: [{ messageId: 'shimThroughWrapper', data: { command: 'yarn', call: 'install()', name: 'spawnSync()', where: 'line 2' }, line: 4, column: 9 }],
    },
    {
      ...esm(`import { spawn } from 'node:child_process';
function sh(command) {
  const [file, ...args] = command;
  return spawn(file, args);
}
sh(['npx.cmd', 'tsc']);`),
      errors: [{ messageId: 'batchThroughWrapper', data: { command: 'npx.cmd', call: 'sh()', name: 'spawn()', where: 'line 4' }, line: 6, column: 4 }],
    },
    {
      ...cjs(`const { execSync } = require('child_process');
const tools = {
  exec(command) {
    return execSync(command, { stdio: 'inherit' });
  },
};
tools.exec('rm -rf build');`),
      errors: [{ messageId: 'posixThroughWrapper', data: { command: 'rm', call: 'tools.exec()', name: 'execSync()', where: 'line 4' }, line: 7, column: 12 }],
    },
    {
      // A method of the same class, called from a compiled async method (TypeScript's `__awaiter` output).
      ...cjs(compiledBuild(ES2015_AWAITER)),
      errors: [{ messageId: 'batchThroughWrapper', data: { command: 'vcbuild.bat', call: 'this.run()', name: 'spawn()', where: 'line 11' }, line: 15, column: 22 }],
    },
    {
      // A prototype method of an ES5 constructor function, called from another.
      ...cjs(prototypeBuild('this.options = options;')),
      errors: [{ messageId: 'batchThroughWrapper', data: { command: 'vcbuild.bat', call: 'this.run()', name: 'spawn()', where: 'line 7' }, line: 10, column: 19 }],
    },
    {
      // The same in TypeScript's ES5 output: a compiled class and a compiled async method.
      ...cjs(compiledClassBuild),
      errors: [{ messageId: 'batchThroughWrapper', data: { command: 'vcbuild.bat', call: 'this.run()', name: 'spawn()', where: 'line 19' }, line: 25, column: 59 }],
    },
    {
      // A method of the same class, through another method.
      ...ts(`import { spawn } from 'node:child_process';
export class Installer {
  private run(cmd: string, args: string[]) {
    return spawn(cmd, args, { stdio: 'inherit' });
  }
  private tool(name: string) { return this.run(name, ['--version']); }
  install() { return this.run('npm', ['install']); }
  check() { return this.tool('rm'); }
}`),
      errors: [
        { messageId: 'shimThroughWrapper', data: { command: 'npm', call: 'this.run()', name: 'spawn()', where: 'line 4' }, line: 7, column: 31 },
        { messageId: 'posixThroughWrapper', data: { command: 'rm', call: 'this.tool()', name: 'spawn()', where: 'line 4' }, line: 8, column: 30 },
      ],
    },
    // --- Libraries --------------------------------------------------------------------------------
    {
      // @npmcli/promise-spawn passes the command to child_process.spawn as it is.
      ...cjs(`const promiseSpawn = require('@npmcli/promise-spawn');
promiseSpawn('npm', ['view', 'eslint', 'version']);`),
      errors: [{ messageId: 'shimWithoutShell', data: { command: 'npm', name: 'promiseSpawn()' }, line: 2, column: 14 }],
    },
    {
      // execa 5 finds shims through cross-spawn, not programs Windows lacks.
      ...cjs(`const execa = require('execa');
execa.sync('rm', ['-rf', 'dist']);
execa.commandSync('rm -rf build');`),
      errors: [
        { messageId: 'posixProgram', data: { command: 'rm', name: 'execa.sync()' }, line: 2, column: 12 },
        { messageId: 'posixInCommandLine', data: { command: 'rm', name: 'execa.commandSync()' }, line: 3, column: 19 },
      ],
    },
    {
      // spawn-command hands the line to cmd.exe on Windows.
      ...cjs(`const spawnCommand = require('spawn-command');
spawnCommand('rm -rf dist && tsc');`),
      errors: [{ messageId: 'posixInCommandLine', data: { command: 'rm', name: 'spawnCommand()' }, line: 2, column: 14 }],
    },
    {
      // node-pty looks the file up on PATH by its exact name: no `npm.cmd` for `npm`.
      ...esm(`import { spawn } from 'node-pty';
export const term = () => spawn('npm', ['run', 'dev'], { cols: 80, rows: 24 });`),
      errors: [{ messageId: 'shimWithoutShell', data: { command: 'npm', name: 'spawn()' }, line: 2, column: 33 }],
    },
    {
      // promisify-child-process and child-process-promise's execFile() are child_process's own.
      ...esm(`import { spawn } from 'promisify-child-process';
import { execFile } from 'child-process-promise';
await spawn('yarn', ['install']);
await execFile('npx', ['tsc']);`),
      errors: [
        { messageId: 'shimWithoutShell', data: { command: 'yarn', name: 'spawn()' }, line: 3, column: 13 },
        { messageId: 'shimWithoutShell', data: { command: 'npx', name: 'execFile()' }, line: 4, column: 16 },
      ],
    },
    {
      // cross-spawn finds shims, not programs Windows lacks.
      ...esm(`import crossSpawn from 'cross-spawn';
crossSpawn.sync('rm', ['-rf', 'dist']);`),
      errors: [{ messageId: 'posixProgram', data: { command: 'rm', name: 'crossSpawn.sync()' }, line: 2, column: 17 }],
    },
    {
      ...esm(`import { exec } from 'node:child_process';
exec('rm -rf dist');`),
      errors: [{ messageId: 'posixInCommandLine', data: { command: 'rm', name: 'exec()' }, line: 2, column: 6 }],
    },
    // --- Code for a target platform: only the narrowed branch is that platform's ------------------
    {
      ...esm(`import { exec } from 'node:child_process';
export const countMatches = (file) => exec(\`grep TODO \${file} | wc -l\`);`),
      errors: [{ messageId: 'posixInCommandLine', data: { command: 'grep', name: 'exec()' }, line: 2, column: 44 }],
    },
    {
      ...esm(`import { exec } from 'node:child_process';
export function verify(platform, file) {
  if (platform === 'win32') {
    console.log('skipping the checksum for', file);
  }
  exec(\`grep \${file} SHASUMS256.txt | shasum -a 256 -c -\`);
}`),
      errors: [{ messageId: 'posixInCommandLine', data: { command: 'grep', name: 'exec()' }, line: 6, column: 8 }],
    },
    {
      // A constant compared with a platform proves nothing: the branch always runs, on any host.
      ...esm(`import { exec } from 'node:child_process';
const platform = 'linux';
if (platform !== 'win32') exec('grep -c processor /proc/cpuinfo');`),
      errors: [{ messageId: 'posixInCommandLine', data: { command: 'grep', name: 'exec()' }, line: 3, column: 32 }],
    },
    // --- Names that are not platforms: whole words, never Windows, from the package folder ------
    {
      ...ts(findProgram, { filename: inPackage('src/machine.ts') }),
      errors: [{ messageId: 'posixProgram', data: { command: 'which', name: 'spawnSync()' }, line: 3, column: 20 }],
    },
    {
      // oclif's \`pack win\` builds the Windows installer on any host, Windows included.
      ...ts(findProgram, { filename: inPackage('src/commands/pack/win.ts') }),
      errors: [{ messageId: 'posixProgram', data: { command: 'which', name: 'spawnSync()' }, line: 3, column: 20 }],
    },
    {
      // A checkout under /home/linux/: the path from the package.json folder is src/index.ts.
      ...ts(findProgram, { filename: path.join(FIXTURES, 'home/linux/proj/src/index.ts') }),
      errors: [{ messageId: 'posixProgram', data: { command: 'which', name: 'spawnSync()' }, line: 3, column: 20 }],
    },
  ],
});

// A script the project's CI runs only on Linux runners, while other jobs run on Windows.
const ciFixture = (file: string) => path.resolve(import.meta.dirname, '../fixtures/ci-workflows', file);
const audit = `import { spawnSync } from 'node:child_process';
const { stdout } = spawnSync('npm', ['audit', '--json'], { encoding: 'utf8' });
console.log(JSON.parse(stdout).metadata);`;
const auditError = { messageId: 'shimWithoutShell', data: { command: 'npm', name: 'spawnSync()' }, line: 2 } as const;

runRuleTests('no-unportable-spawn (CI workflows)', rule, {
  valid: [
    esm(audit, { filename: ciFixture('tests-on-windows/scripts/audit.js') }),
    // The CI runs nothing on Windows: a development script's platforms are unknown.
    esm(audit, { filename: ciFixture('tests-only-on-linux/scripts/audit.js') }),
    // Run by hand: no Windows job runs it. Once reported because other Windows jobs ran scripts;
    // a development script is now reported only where a Windows job is proven to run it.
    esm(audit, { filename: ciFixture('tests-on-windows/scripts/size.js') }),
  ],
  invalid: [
    // A Windows job runs it too.
    { ...esm(audit, { filename: ciFixture('tests-on-windows/scripts/smoke.js') }), errors: [auditError] },
    // Checked as any other file with the setting off.
    {
      ...esm(audit, { filename: ciFixture('tests-only-on-linux/scripts/audit.js'), settings: { 'process-guard': { ciWorkflows: false } } }),
      errors: [auditError],
    },
    {
      ...esm(audit, { filename: ciFixture('tests-on-windows/scripts/audit.js'), settings: { 'process-guard': { ciWorkflows: false } } }),
      errors: [auditError],
    },
  ],
});

// A start that an assertion expects to throw (a runtime's stub that refuses it) starts nothing.
const posixAt = (line: number, column: number, name: string) => ({ messageId: 'posixProgram' as const, data: { command: 'ls', name }, line, column });
runRuleTests('no-unportable-spawn (expected throws)', rule, {
  valid: [
    esm(`import assert from 'node:assert';
import { spawn } from 'node:child_process';
assert.throws(() => spawn('ls'), /not implemented/);`),
    esm(`import { strict as assert } from 'node:assert';
import * as childProcess from 'node:child_process';
assert.throws(() => { childProcess.execFileSync('ls'); }, /not implemented/);`),
    cjs(`const { throws } = require('assert/strict');
const { spawnSync } = require('child_process');
throws(() => spawnSync('ls'));`),
    ts(`import { expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
it('refuses', () => expect(() => execFileSync('ls')).toThrow(/not implemented/));`),
  ],
  invalid: [
    {
      // The assertion expects no throw: the start runs.
      ...esm(`import assert from 'node:assert';
import { spawn } from 'node:child_process';
assert.doesNotThrow(() => spawn('ls'));`),
      errors: [posixAt(3, 33, 'spawn()')],
    },
    {
      // What follows the start may be what throws.
      ...esm(`import assert from 'node:assert';
import { spawn } from 'node:child_process';
assert.throws(() => { spawn('ls'); JSON.parse('{'); });`),
      errors: [posixAt(3, 29, 'spawn()')],
    },
    {
      ...ts(`import { expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
it('runs', () => expect(() => execFileSync('ls')).not.toThrow());`),
      errors: [posixAt(3, 44, 'execFileSync()')],
    },
    {
      // An object of the file's own is no assertion library.
      ...cjs(`const assert = { throws: (fn) => fn() };
const { spawnSync } = require('child_process');
assert.throws(() => spawnSync('ls'));`),
      errors: [posixAt(3, 31, 'spawnSync()')],
    },
  ],
});

// A starter module the test runner replaces (`vi.mock`, `jest.mock`, hoisted) starts nothing.
runRuleTests('no-unportable-spawn (mocked modules)', rule, {
  valid: [
    ts(`import { vi, it } from 'vitest';
import { execFileSync } from 'node:child_process';
vi.mock('node:child_process');
it('lists', () => execFileSync('ls'));`),
    cjs(`const { spawnSync } = require('child_process');
jest.mock('child_process', () => ({ spawnSync: jest.fn() }));
test('lists', () => spawnSync('ls'));`),
    // A member of the module replaced by a test double.
    ts(`import childProcess from 'child_process';
import td from 'testdouble';
it('lists', () => {
  td.replace(childProcess, 'spawnSync');
  childProcess.spawnSync('ls');
});`),
    cjs(`const sinon = require('sinon');
const cp = require('child_process');
beforeEach(() => sinon.stub(cp, 'spawnSync'));
test('lists', () => cp.spawnSync('ls'));`),
  ],
  invalid: [
    {
      // Another module mocked.
      ...ts(`import { vi, it } from 'vitest';
import { execFileSync } from 'node:child_process';
vi.mock('node:fs');
it('lists', () => execFileSync('ls'));`),
      errors: [posixAt(4, 32, 'execFileSync()')],
    },
    {
      // The factory keeps the real module.
      ...cjs(`const { spawnSync } = require('child_process');
jest.mock('child_process', () => ({ ...jest.requireActual('child_process'), exec: jest.fn() }));
test('lists', () => spawnSync('ls'));`),
      errors: [posixAt(3, 31, 'spawnSync()')],
    },
    {
      // A spy calls the real function.
      ...cjs(`const sinon = require('sinon');
const cp = require('child_process');
beforeEach(() => sinon.spy(cp, 'spawnSync'));
test('lists', () => cp.spawnSync('ls'));`),
      errors: [posixAt(4, 34, 'cp.spawnSync()')],
    },
  ],
});

// A development file runs where its project runs it: on Windows as far as known only when the CI tests Windows.
const developmentFile = (file: string) => path.resolve(import.meta.dirname, '../fixtures/development-files', file);
const cleanup = `import { spawnSync } from 'node:child_process';
spawnSync('rm', ['-rf', 'dist']);`;
const cleanupError = { messageId: 'posixProgram', data: { command: 'rm', name: 'spawnSync()' }, line: 2 } as const;

runRuleTests('no-unportable-spawn (development files)', rule, {
  valid: [
    esm(cleanup, { filename: developmentFile('linux-ci/test/clean.test.js') }),
    esm(cleanup, { filename: developmentFile('linux-ci/scripts/release.js') }),
    esm(cleanup, { filename: developmentFile('no-workflows/fixtures/child.js') }),
    // Left out of the published package by its files list, and no Windows job runs it.
    esm(cleanup, { filename: developmentFile('files-list/scripts/release.js') }),
    cjs(cleanup.replace("import { spawnSync } from 'node:child_process';", "const { spawnSync } = require('node:child_process');"), {
      filename: developmentFile('files-list/scripts/release.js'),
    }),
  ],
  invalid: [
    { ...esm(cleanup, { filename: developmentFile('windows-matrix/test/clean.test.js') }), errors: [cleanupError] },
    { ...esm(cleanup, { filename: developmentFile('linux-ci/bin/cli.js') }), errors: [cleanupError] },
    { ...esm(cleanup, { filename: developmentFile('no-workflows/scripts/setup.js') }), errors: [cleanupError] },
    // The files list packs it, or a Windows job names the script it leaves out.
    { ...esm(cleanup, { filename: developmentFile('files-list/lib/util.js') }), errors: [cleanupError] },
    { ...esm(cleanup, { filename: developmentFile('files-list/scripts/windows-release.js') }), errors: [cleanupError] },
    // A module with exports may be compiled or bundled into what ships.
    { ...esm(`${cleanup}\nexport const cleaned = true;`, { filename: developmentFile('files-list/scripts/release.js') }), errors: [cleanupError] },
  ],
});

// A start whose failure the code handles is a probe: the author expects it to fail somewhere and chose the fallback.
const posixCommand = (line: number, name: string, command = 'lsof') => ({ messageId: 'posixProgram' as const, data: { command, name }, line });
const posixLine = (line: number, name: string) => ({ messageId: 'posixInCommandLine' as const, data: { command: 'lsof', name }, line });
const posixWrapped = (line: number, call: string, name: string, where: string) => ({
  messageId: 'posixThroughWrapper' as const,
  data: { command: 'lsof', call, name, where },
  line,
});

runRuleTests('no-unportable-spawn (handled failures)', rule, {
  valid: [
    // A callback that only tests its error: the program is there or the fallback holds.
    esm(`import { exec } from 'node:child_process';
export function versions(done) {
  const found = {};
  exec('bash --version', (error, stdout) => {
    if (!error) found.bash = stdout.split(' version ')[1];
    done(found);
  });
}`),
    cjs(`const cp = require('child_process');
exports.postfix = (done) => cp.exec('postconf -d | grep mail_version', function (error, stdout) { done(error ? '' : stdout); });`),
    // Synchronous starts that throw, inside the block of a `try` with a `catch`.
    esm(`import { execSync } from 'node:child_process';
export function hasGit() {
  try {
    execSync('lsof -ti :3000');
    return true;
  } catch {
    return false;
  }
}`),
    cjs(`const { execFileSync } = require('child_process');
let git;
try {
  git = execFileSync('lsof', ['-ti', ':3000'], { encoding: 'utf8' }).trim();
} catch (error) {
  git = 'git';
}`),
    ts(`import { execaSync } from 'execa';
export function gitPath(): string | undefined {
  try {
    return execaSync('lsof', ['-ti', ':3000']).stdout;
  } catch {
    return undefined;
  }
}`),
    cjs(`const execa = require('execa');
try {
  execa.sync('lsof', ['-ti', ':3000']);
} catch {}`),
    ts(`import { xSync } from 'tinyexec';
export function hasGit(): boolean {
  try {
    xSync('lsof', ['-ti', ':3000']);
    return true;
  } catch {
    return false;
  }
}`),
    // Promises whose rejection is handled.
    ts(`import { execa } from 'execa';
export async function hasGit(): Promise<boolean> {
  try {
    await execa('lsof', ['-ti', ':3000']);
    return true;
  } catch {
    return false;
  }
}`),
    esm(`import { execa } from 'execa';
export const hasGit = () => execa('lsof', ['-ti', ':3000']).then(() => true).catch(() => false);`),
    cjs(`const execa = require('execa');
module.exports = () => execa('lsof', ['-ti', ':3000']).then(() => true, () => false);`),
    esm(`import { promisify } from 'node:util';
import { exec } from 'node:child_process';
const run = promisify(exec);
export async function hasGit() {
  try {
    await run('lsof -ti :3000');
    return true;
  } catch {
    return false;
  }
}`),
    cjs(`const util = require('util');
const execFile = util.promisify(require('child_process').execFile);
module.exports = () => execFile('lsof', ['-ti', ':3000']).catch(() => null);`),
    ts(`import spawnAsync from '@expo/spawn-async';
export async function hasGit(): Promise<boolean> {
  try {
    await spawnAsync('lsof', ['-ti', ':3000']);
    return true;
  } catch {
    return false;
  }
}`),
    esm(`import { x } from 'tinyexec';
export async function hasGit() {
  try {
    await x('lsof', ['-ti', ':3000']);
    return true;
  } catch {
    return false;
  }
}`),
    esm(`import spawn from 'nano-spawn';
export const hasGit = () => spawn('lsof', ['-ti', ':3000']).catch(() => undefined);`),
    // Through a local wrapper: the failure handled at the wrapper's call, or inside it.
    cjs(`const { execFileSync } = require('child_process');
function run(command, args) {
  return execFileSync(command, args, { encoding: 'utf8' });
}
function gitPath() {
  try {
    return run('lsof', ['-ti', ':3000']);
  } catch {
    return 'git';
  }
}
module.exports = gitPath;`),
    ts(`import { execFileSync } from 'node:child_process';
function has(program: string): boolean {
  try {
    execFileSync(program, ['--version']);
    return true;
  } catch {
    return false;
  }
}
export const hasLsof = has('lsof');`),
    ts(`import { execa } from 'execa';
async function run(command: string, args: string[]) {
  const { stdout } = await execa(command, args);
  return stdout;
}
export async function gitPath(): Promise<string> {
  try {
    return await run('lsof', ['-ti', ':3000']);
  } catch {
    return 'git';
  }
}`),
    esm(`import { execSync } from 'node:child_process';
const run = (command) => execSync(command, { encoding: 'utf8' });
export const gitPath = async () => {
  try {
    return run('lsof -ti :3000');
  } catch {
    return 'git';
  }
};`),
  ],
  invalid: [
    // A lookup answers about another program: on Windows it fails whether or not git is there, so
    // the probe's answer is wrong there, handled or not.
    {
      ...esm(`import { execSync } from 'node:child_process';
export function hasGit() {
  try {
    execSync('which git');
    return true;
  } catch {
    return false;
  }
}`),
      errors: [{ messageId: 'posixInCommandLine', data: { command: 'which', name: 'execSync()' }, line: 4 }],
    },
    {
      ...cjs(`const { exec } = require('child_process');
exports.hasGit = (done) => exec('command -v git', (error) => done(!error));`),
      errors: [{ messageId: 'posixInCommandLine', data: { command: 'command', name: 'exec()' }, line: 2 }],
    },
    // A callback that passes the failure on, or logs it, has not chosen a fallback.
    {
      ...esm(`import { exec } from 'node:child_process';
export const bashVersion = () => new Promise((resolve, reject) => {
  exec('bash --version', (error, stdout) => {
    if (error) return reject(new Error('no bash'));
    resolve(stdout);
  });
});`),
      errors: [{ messageId: 'posixInCommandLine', data: { command: 'bash', name: 'exec()' }, line: 3 }],
    },
    {
      ...esm(`import { exec } from 'node:child_process';
export const clean = () => exec('rm -rf dist', (error) => { if (error) console.error(error); });`),
      errors: [{ messageId: 'posixInCommandLine', data: { command: 'rm', name: 'exec()' }, line: 2 }],
    },
    // The same starts, not handled.
    {
      ...esm(`import { execSync } from 'node:child_process';
export function hasGit() {
  execSync('lsof -ti :3000');
  return true;
}`),
      errors: [posixLine(3, 'execSync()')],
    },
    {
      // spawnSync does not throw: it returns the error, which only the output is read of here.
      ...esm(`import { spawnSync } from 'node:child_process';
export function hasGit() {
  try {
    return spawnSync('lsof', ['-ti', ':3000']).stdout.length > 0;
  } catch {
    return false;
  }
}`),
      errors: [posixCommand(4, 'spawnSync()')],
    },
    {
      // cross-spawn's sync returns like spawnSync.
      ...cjs(`const spawn = require('cross-spawn');
try {
  spawn.sync('lsof', ['-ti', ':3000']);
} catch {}`),
      errors: [posixCommand(3, 'spawn.sync()')],
    },
    {
      // An asynchronous start reports its failure by an event or a callback, after the \`try\` is left.
      ...cjs(`const { spawn, exec } = require('child_process');
try {
  spawn('lsof', ['-ti', ':3000']).on('error', () => {});
  exec('lsof -ti :3000', () => {});
} catch {}`),
      errors: [posixCommand(3, 'spawn()'), posixLine(4, 'exec()')],
    },
    {
      // The catch is in another function: the callback runs after the \`try\` is left.
      ...esm(`import { execSync } from 'node:child_process';
try {
  setTimeout(() => execSync('lsof -ti :3000'), 10);
} catch {}`),
      errors: [posixLine(3, 'execSync()')],
    },
    {
      // A promise neither awaited in the \`try\` nor given a rejection handler.
      ...ts(`import { execa } from 'execa';
export async function hasGit(): Promise<void> {
  try {
    execa('lsof', ['-ti', ':3000']);
  } catch {}
  await execa('lsof', ['-ti', ':3000']).then(() => true);
}`),
      errors: [posixCommand(4, 'execa()'), posixCommand(6, 'execa()')],
    },
    {
      ...esm(`import { promisify } from 'node:util';
import { exec } from 'node:child_process';
const run = promisify(exec);
export const hasGit = async () => (await run('lsof -ti :3000')).stdout;`),
      errors: [posixLine(4, 'run()')],
    },
    {
      ...ts(`import spawnAsync from '@expo/spawn-async';
export async function hasGit(): Promise<void> {
  await spawnAsync('lsof', ['-ti', ':3000']);
}`),
      errors: [posixCommand(3, 'spawnAsync()')],
    },
    {
      // The wrapper's call is not in a \`try\`.
      ...cjs(`const { execFileSync } = require('child_process');
function run(command, args) {
  return execFileSync(command, args, { encoding: 'utf8' });
}
module.exports = () => run('lsof', ['-ti', ':3000']);`),
      errors: [posixWrapped(5, 'run()', 'execFileSync()', 'line 3')],
    },
    {
      // An async wrapper turns the throw into a rejection, which a \`try\` without \`await\` does not catch.
      ...ts(`import { execFileSync } from 'node:child_process';
async function run(command: string) {
  execFileSync(command);
}
export function probe(): void {
  try {
    run('lsof');
  } catch {}
}`),
      errors: [posixWrapped(7, 'run()', 'execFileSync()', 'line 3')],
    },
    {
      // The wrapper drops the promise: awaiting the wrapper's call does not see its rejection.
      ...esm(`import { execa } from 'execa';
function run(command) {
  execa(command);
}
export async function probe() {
  try {
    await run('lsof');
  } catch {}
}`),
      errors: [posixWrapped(7, 'run()', 'execa()', 'line 3')],
    },
    {
      // The wrapper's call is in a callback created inside the \`try\`.
      ...cjs(`const { execSync } = require('child_process');
const run = (command) => execSync(command);
try {
  process.nextTick(() => run('lsof -ti :3000'));
} catch {}`),
      errors: [{ ...posixWrapped(4, 'run()', 'execSync()', 'line 2'), data: { command: 'lsof', call: 'run()', name: 'execSync()', where: 'line 2' } }],
    },
  ],
});

// A start that tells its failure in its result (spawnSync, execa with \`reject: false\`): handled by a test of the fields that tell it.
runRuleTests('no-unportable-spawn (failures told in the result)', rule, {
  valid: [
    esm(`import { spawnSync } from 'node:child_process';
export function hasGit() {
  const result = spawnSync('lsof', ['-ti', ':3000']);
  if (result.error || result.status !== 0) return false;
  return true;
}`),
    cjs(`const { spawnSync } = require('child_process');
const { error, status } = spawnSync('lsof', ['-ti', ':3000'], { encoding: 'utf8' });
module.exports = !error && status === 0;`),
    ts(`import { spawnSync } from 'node:child_process';
export const hasGit: boolean = spawnSync('lsof', ['-ti', ':3000']).error ? false : true;`),
    cjs(`const spawn = require('cross-spawn');
module.exports = spawn.sync('lsof', ['-ti', ':3000']).status === 0;`),
    ts(`import { execa } from 'execa';
export async function hasGit(): Promise<boolean> {
  const { failed } = await execa('lsof', ['-ti', ':3000'], { reject: false });
  return !failed;
}`),
    esm(`import { execa } from 'execa';
export const hasGit = () => execa('lsof', ['-ti', ':3000'], { reject: false }).then(({ exitCode }) => exitCode === 0);`),
    esm(`import { execaSync } from 'execa';
const result = execaSync('lsof', ['-ti', ':3000'], { reject: false });
export const gitPath = result.failed ? 'git' : result.stdout;`),
    cjs(`const execa = require('execa');
const result = execa.sync('lsof', ['-ti', ':3000'], { reject: false });
if (result.code !== 0) console.log('no git');`),
    // Through a local wrapper that returns the result.
    ts(`import { spawnSync } from 'node:child_process';
function run(command: string, args: string[]) {
  return spawnSync(command, args, { encoding: 'utf8' });
}
export function gitPath(): string {
  const result = run('lsof', ['-ti', ':3000']);
  return result.status === 0 ? result.stdout.trim() : 'git';
}`),
  ],
  invalid: [
    {
      // Only the output is read: a missing program goes unnoticed.
      ...esm(`import { spawnSync } from 'node:child_process';
export function gitPath() {
  const result = spawnSync('lsof', ['-ti', ':3000'], { encoding: 'utf8' });
  return result.stdout.trim();
}`),
      errors: [posixCommand(3, 'spawnSync()')],
    },
    {
      // The status is passed on, not tested.
      ...cjs(`const { spawnSync } = require('child_process');
const { status } = spawnSync('lsof', ['-ti', ':3000']);
process.exit(status);`),
      errors: [posixCommand(2, 'spawnSync()')],
    },
    {
      ...ts(`import { spawnSync } from 'node:child_process';
spawnSync('lsof', ['-ti', ':3000']);`),
      errors: [posixCommand(2, 'spawnSync()')],
    },
    {
      // Without \`reject: false\` a failed start rejects: the result is never there to test.
      ...ts(`import { execa } from 'execa';
export async function hasGit(): Promise<boolean> {
  const { failed } = await execa('lsof', ['-ti', ':3000']);
  return !failed;
}`),
      errors: [posixCommand(3, 'execa()')],
    },
    {
      // Options the file does not show may set \`reject\` again, or never set it.
      ...esm(`import { execa } from 'execa';
const options = { reject: false };
export async function hasGit(more) {
  const first = await execa('lsof', ['-ti', ':3000'], options);
  const second = await execa('lsof', ['-ti', ':3000'], { reject: false, ...more });
  return !first.failed && !second.failed;
}`),
      errors: [posixCommand(4, 'execa()'), posixCommand(5, 'execa()')],
    },
    {
      // With \`reject: false\` the promise never rejects: the \`catch\` sees nothing, and only the output is read.
      ...esm(`import { execa } from 'execa';
export async function gitPath() {
  try {
    const { stdout } = await execa('lsof', ['-ti', ':3000'], { reject: false });
    return stdout;
  } catch {
    return 'git';
  }
}`),
      errors: [posixCommand(4, 'execa()')],
    },
    {
      ...cjs(`const execa = require('execa');
module.exports = execa.sync('lsof', ['-ti', ':3000'], { reject: false }).stdout;`),
      errors: [posixCommand(2, 'execa.sync()')],
    },
    {
      // The wrapper hands on only the output.
      ...ts(`import { spawnSync } from 'node:child_process';
function run(command: string) {
  return spawnSync(command, { encoding: 'utf8' }).stdout;
}
export const gitPath: string = run('lsof') || 'git';`),
      errors: [posixWrapped(5, 'run()', 'spawnSync()', 'line 3')],
    },
  ],
});

// The same through wrappers another module exports: handled there, or at the call.
const probeFile = path.join(FIXTURES, 'probe-package/src/main.js');
const importedPosix = (line: number, call: string, name: string, where: string) => ({
  messageId: 'posixThroughWrapper' as const,
  data: { command: 'lsof', call, name, where },
  line,
});

runRuleTests('no-unportable-spawn (handled failures through imports)', rule, {
  valid: [
    esm(`import { run } from '../lib/probes.js';
try {
  run('lsof', ['-ti', ':3000']);
} catch {}`, { filename: probeFile }),
    esm(`import { has } from '../lib/probes.js';
export const hasLsof = has('lsof');`, { filename: probeFile }),
    esm(`import { runAsync } from '../lib/probes.js';
export const gitPath = () => runAsync('lsof', ['-ti', ':3000']).catch(() => 'git');`, { filename: probeFile }),
    // A wrapper that returns spawnSync's result: the call tests it.
    esm(`import { runSync } from '../lib/probes.js';
const { status } = runSync('lsof', ['-ti', ':3000']);
export const hasGit = status === 0;`, { filename: probeFile }),
  ],
  invalid: [
    {
      ...esm(`import { run } from '../lib/probes.js';
run('lsof', ['-ti', ':3000']);`, { filename: probeFile }),
      errors: [importedPosix(2, 'run()', 'execFileSync()', '../lib/probes.js:6')],
    },
    {
      // The rejection of the async wrapper's promise, not awaited in the \`try\`.
      ...esm(`import { runAsync } from '../lib/probes.js';
try {
  runAsync('lsof', ['-ti', ':3000']);
} catch {}`, { filename: probeFile }),
      errors: [importedPosix(3, 'runAsync()', 'execa()', '../lib/probes.js:21')],
    },
    {
      // Only the output of the returned result is read.
      ...esm(`import { runSync } from '../lib/probes.js';
export const gitPath = runSync('lsof', ['-ti', ':3000']).stdout;`, { filename: probeFile }),
      errors: [importedPosix(2, 'runSync()', 'spawnSync()', '../lib/probes.js:27')],
    },
  ],
});

// A conditional the analysis cannot read that picks a POSIX program or its Windows counterpart
// (`where` for `which`, `taskkill` for `kill`) is a platform dispatch: the POSIX branch is not
// proven to run on Windows. Against any other program it stays reported.
const posixAtLine = (line: number) => ({ messageId: 'posixProgram' as const, line });
const commandLineAt = (line: number) => ({ messageId: 'posixInCommandLine' as const, line });
runRuleTests('no-unportable-spawn (Windows counterparts)', rule, {
  valid: [
    // \`findstr\` is Windows's \`grep\`: \`useGrep\` is false exactly on Windows.
    ts(`import { execFile } from 'node:child_process';
const tool: string = useGrep ? 'grep' : 'findstr';
execFile(tool as string, ['-r', 'TODO', '.'], () => {});`),
    esm(`import { spawnSync } from 'node:child_process';
import { flags } from './env.js';
export const gitPath = () => spawnSync(flags.isWindows ? 'where' : 'which', ['git'], { encoding: 'utf8' }).stdout;`),
    cjs(`const { spawn } = require('child_process');
const { isWin } = require('./platform');
exports.stop = (pid) => spawn(isWin() ? 'taskkill' : 'kill', isWin() ? ['/pid', String(pid), '/f'] : ['-9', String(pid)]);`),
    // \`where.exe\`, and the branches the other way round.
    esm(`import { execFileSync } from 'node:child_process';
export const locate = (options, name) => execFileSync(options.posix ? 'which' : 'where.exe', [name]);`),
    // \`if\`/\`else\` writing the same variable.
    cjs(`const { spawn } = require('child_process');
module.exports = function list(env) {
  let program;
  if (env.windows) {
    program = 'tasklist';
  } else {
    program = 'ps';
  }
  return spawn(program, []);
};`),
    // A value the Windows branch replaces.
    esm(`import { spawn } from 'node:child_process';
export function remove(config, file) {
  let program = 'rm';
  if (config.onWindows) program = 'del';
  return spawn(program, [file]);
}`),
    // A ternary stored in a constant and passed later, through a wrapper.
    ts(`import { execFile } from 'node:child_process';
import { settings } from './settings';
const finder: string = settings.windows ? 'findstr' : 'grep';
function search(program: string, pattern: string) {
  return execFile(program, [pattern]);
}
export const find = (pattern: string) => search(finder, pattern);`),
    // Full command lines whose first word is the program, concatenated and as templates.
    cts(`import cp = require('node:child_process');
import { isWin } from './platform';
export function stop(pid: number) {
  cp.execSync(isWin ? 'taskkill /pid ' + pid + ' /f' : 'kill -9 ' + pid);
}`),
    esm(`import { exec } from 'node:child_process';
import platform from './platform.js';
export const show = (file) => exec(platform.windows ? \`type \${file}\` : \`cat \${file}\`);`),
    cjs(`const { execSync } = require('child_process');
module.exports = (name, ctx) => execSync(\`\${ctx.win ? 'where' : 'command -v'} \${name}\`);`),
    ts(`import { spawn } from 'node:child_process';
export const shell = (opts: { win: boolean }, script: string) =>
  spawn(opts.win ? 'cmd.exe' : 'sh', opts.win ? ['/c', script] : ['-c', script]);`),
    // Obsidian's documented platform flags.
    ts(`import { spawn } from 'node:child_process';
import { Platform } from 'obsidian';
export function runHook(cwd: string) {
  let shell = 'sh';
  if (Platform.isWin) shell = 'C:\\\\Program Files\\\\Git\\\\bin\\\\sh.exe';
  return spawn(shell, ['-c', 'git status'], { cwd });
}`),
    // The platform behind a caller's override, tested: the caller claims a platform.
    esm(`import { execFile } from 'node:child_process';
import os from 'node:os';
export function list(options = {}) {
  const platform = options.platform || os.platform();
  return platform === 'win32' ? execFile('wmic', ['process', 'list']) : execFile('ps', ['-A']);
}`),
    // Two starts, one in each branch.
    cjs(`const { spawn } = require('child_process');
module.exports = function run(options, cmd) {
  const isWin = (options.platform || process.platform) === 'win32';
  let child;
  if (isWin) {
    child = spawn('cmd.exe', ['/s', '/c', '"' + cmd + '"'], { windowsVerbatimArguments: true });
  } else {
    child = spawn('/bin/sh', ['-c', cmd]);
  }
  return child;
};`),
    ts(`import { execFileSync } from 'node:child_process';
export const locate = (opts: { win: boolean }, name: string): Buffer => opts.win ? execFileSync('where', [name]) : execFileSync('which', [name]);`),
  ],
  invalid: [
    {
      // Another member of Obsidian's Platform is no platform test.
      ...ts(`import { spawn } from 'node:child_process';
import { Platform } from 'obsidian';
export function runHook(cwd: string) {
  let shell = 'sh';
  if (Platform.isMobile) shell = 'C:\\\\Program Files\\\\Git\\\\bin\\\\sh.exe';
  return spawn(shell, ['-c', 'git status'], { cwd });
}`),
      errors: [posixAtLine(6)],
    },
    {
      // The platform is not what the flag stands for.
      ...esm(`import { execFile } from 'node:child_process';
export function list(options = {}) {
  const platform = options.ready && process.platform;
  return platform === 'win32' ? execFile('wmic', ['process', 'list']) : execFile('ps', ['-A']);
}`),
      errors: [posixAtLine(4)],
    },
    // The other branch starts something else, or there is none.
    {
      ...cjs(`const { spawn } = require('child_process');
module.exports = function run(options, cmd) {
  if (options.native) return spawn(process.execPath, ['run.js', cmd]);
  return spawn('/bin/sh', ['-c', cmd]);
};`),
      errors: [posixAtLine(4)],
    },
    {
      ...cjs(`const { spawn } = require('child_process');
module.exports = function run(options, cmd) {
  if (options.quiet) spawn('cmd.exe', ['/c', 'echo']);
  return spawn('/bin/sh', ['-c', cmd]);
};`),
      errors: [posixAtLine(4)],
    },
    // The other branch is not the Windows counterpart: both run anywhere.
    {
      ...esm(`import { spawnSync } from 'node:child_process';
import { flags } from './env.js';
export const gitPath = () => spawnSync(flags.isWindows ? 'whereis' : 'which', ['git'], { encoding: 'utf8' }).stdout;`),
      errors: [posixAtLine(3)],
    },
    {
      ...cjs(`const { spawn } = require('child_process');
const { useNative } = require('./config');
exports.clean = (dir) => spawn(useNative() ? 'rm' : 'rimraf', ['-rf', dir]);`),
      errors: [posixAtLine(3)],
    },
    {
      ...cjs(`const { spawn } = require('child_process');
module.exports = function list(env) {
  let program;
  if (env.fast) {
    program = 'pgrep';
  } else {
    program = 'ps';
  }
  return spawn(program, []);
};`),
      errors: [posixAtLine(9)],
    },
    {
      ...esm(`import { spawn } from 'node:child_process';
export function remove(config, file) {
  let program = 'rm';
  if (config.safe) program = 'trash';
  return spawn(program, [file]);
}`),
      errors: [posixAtLine(5)],
    },
    {
      ...ts(`import { execFile } from 'node:child_process';
import { settings } from './settings';
const finder: string = settings.fast ? 'rg' : 'grep';
function search(program: string, pattern: string) {
  return execFile(program, [pattern]);
}
export const find = (pattern: string) => search(finder, pattern);`),
      errors: [{ messageId: 'posixThroughWrapper', line: 7 }],
    },
    {
      ...cts(`import cp = require('node:child_process');
import { hard } from './platform';
export function stop(pid: number) {
  cp.execSync(hard ? 'pkill -9 node' : 'kill -9 ' + pid);
}`),
      errors: [commandLineAt(4)],
    },
    {
      ...esm(`import { exec } from 'node:child_process';
import platform from './platform.js';
export const show = (file) => exec(platform.pretty ? \`bat \${file}\` : \`cat \${file}\`);`),
      errors: [commandLineAt(3)],
    },
    {
      // A readable platform test keeps deciding: \`where\` on Linux leaves \`which\` on Windows.
      ...esm(`import { spawnSync } from 'node:child_process';
export const gitPath = () => spawnSync(process.platform === 'linux' ? 'where' : 'which', ['git']);`),
      errors: [posixAtLine(2)],
    },
    {
      ...ts(`import { spawn } from 'node:child_process';
export const shell = (opts: { login: boolean }, script: string) =>
  spawn(opts.login ? 'bash' : 'sh', ['-c', script]);`),
      errors: [posixAtLine(3)],
    },
  ],
});

// Platform predicates a CommonJS module exports by name (`module.exports = { isWindows }` with
// `const isWindows = () => os.platform() === 'win32'`), destructured from its require.
const flagFixture = (file: string) => path.resolve(import.meta.dirname, '../fixtures/platform-flags', file);
const INSTALL = `const child_process = require('child_process');
const { meteorPath, isWindows, rootPath } = require('./config');
const isSudo = () => Boolean(process.env.SUDO_USER);
module.exports = function fixOwner(user, p) {`;

runRuleTests('no-unportable-spawn (imported platform predicates)', rule, {
  valid: [
    cjs(
      `${INSTALL}
  if (!isWindows() && isSudo()) {
    child_process.execSync(\`chown -R \${user} "\${p}"\`);
  }
};`,
      { filename: flagFixture('cjs/install.js') },
    ),
  ],
  invalid: [
    {
      // Reported twin: the same call where the predicate does not keep Windows out.
      ...cjs(
        `${INSTALL}
  if (isSudo()) {
    child_process.execSync(\`chown -R \${user} "\${p}"\`);
  }
};`,
        { filename: flagFixture('cjs/install.js') },
      ),
      errors: [{ messageId: 'posixInCommandLine', line: 6 }],
    },
  ],
});

// Flags of a sibling workspace package imported by its name, its build output not in the tree.
const workspaceFile = (file: string) => path.resolve(import.meta.dirname, '../fixtures/workspace-flags/packages', file);
const pgrepUnder = (flag: string) => `import { exec, spawn } from 'child_process';
import { ${flag} } from '@studio/core/lib/common/os';
export function childProcesses(pid: number): void {
  if (${flag}) {
    exec('powershell -Command "Get-CimInstance Win32_Process"');
  } else {
    spawn('/usr/bin/pgrep', ['-lP', String(pid)]);
  }
}`;

runRuleTests('no-unportable-spawn (flags of a workspace package)', rule, {
  valid: [ts(pgrepUnder('isWindowsNode'), { filename: workspaceFile('terminal/src/node/shell-terminal-server.ts') })],
  invalid: [
    {
      // Reported twin: the flag tests navigator first, which Node 21+ defines with a userAgent naming
      // no platform, so the flag is false on Windows too and pgrep runs there.
      ...ts(pgrepUnder('isWindows'), { filename: workspaceFile('terminal/src/node/shell-terminal-server.ts') }),
      errors: [{ messageId: 'posixProgram', line: 7 }],
    },
  ],
});

// A test function rebound to its skipped form on a platform: the tests declared after it do not run there.
runRuleTests('no-unportable-spawn (tests rebound to skip)', rule, {
  valid: [
    cjs(`const { spawnSync } = require('child_process');
let test = require('ava').default;
if (process.platform === 'win32') {
  test = test.skip;
}
test('Bash CLI', (t) => {
  spawnSync('bash', ['-c', 'echo ok'], { stdio: 'inherit' });
  t.pass();
});`),
    esm(`import { spawnSync } from 'node:child_process';
import { it as base } from 'vitest';
const isWin = process.platform === 'win32';
let it = base;
it = isWin ? it.skip : it;
it('runs the script', () => {
  spawnSync('sh', ['build.sh']);
});`),
    cjs(`const { execSync } = require('child_process');
if (process.platform === 'win32') describe = describe.skip;
describe('permissions', () => {
  it('chmods', () => execSync('chmod +x bin/run'));
});`),
  ],
  invalid: [
    {
      // Reported twins: a skip on another platform than Windows, and a test declared before the rebinding.
      ...cjs(`const { spawnSync } = require('child_process');
let test = require('ava').default;
if (process.platform === 'darwin') {
  test = test.skip;
}
test('Bash CLI', (t) => {
  spawnSync('bash', ['-c', 'echo ok'], { stdio: 'inherit' });
  t.pass();
});`),
      errors: [{ messageId: 'posixProgram', line: 7 }],
    },
    {
      ...cjs(`const { execSync } = require('child_process');
let test = require('ava');
test('chmod', () => execSync('chmod +x bin/run'));
test = process.platform === 'win32' ? test.skip : test;`),
      errors: [{ messageId: 'posixInCommandLine', line: 3 }],
    },
  ],
});

// A function chosen by a platform conditional runs only on the platforms of its branch.
const MOVE = `import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
const run = promisify(execFile);
const isWindows = process.platform === 'win32';
async function moveOnWindows(a, b) {
  await run('cmd.exe', ['/d', '/c', 'move', a, b]);
}`;

runRuleTests('no-unportable-spawn (functions chosen by platform)', rule, {
  valid: [
    esm(`${MOVE}
async function moveOnUnix(a, b) {
  await run('mv', [a, b]);
}
export async function move(a, b) {
  const moveImpl = isWindows ? moveOnWindows : moveOnUnix;
  await moveImpl(a, b);
}`),
    esm(`${MOVE}
const moveOnUnix = (a, b) => run('mv', [a, b]);
export const move = (a, b) => (isWindows ? moveOnWindows : moveOnUnix)(a, b);`),
  ],
  invalid: [
    {
      // Reported twins: a choice on something else than the platform, and an export whose callers are not known.
      ...esm(`${MOVE}
async function moveOnUnix(a, b) {
  await run('mv', [a, b]);
}
export async function move(a, b, fast) {
  const moveImpl = fast ? moveOnWindows : moveOnUnix;
  await moveImpl(a, b);
}
export async function rename(a, b) {
  await run('mv', [a, b]);
}
export const renameImpl = isWindows ? moveOnWindows : rename;`),
      errors: [
        { messageId: 'posixProgram', line: 9 },
        { messageId: 'posixProgram', line: 16 },
      ],
    },
  ],
});

// A branch whose `try` and `catch` both leave the function is an early exit: what follows it runs
// only where the branch's test fails.
const LOOKUP = `import { execFileSync } from 'node:child_process';
const IS_WINDOWS = process.platform === 'win32';
export function commandOnPath(name) {
  if (IS_WINDOWS) {
    try {
      return execFileSync('where.exe', [name], { encoding: 'utf8' }).trim() || null;
    } catch {
      return null;
    }
  }
  try {
    return execFileSync('which', [name], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}`;

runRuleTests('no-unportable-spawn (exits through try)', rule, {
  valid: [
    esm(LOOKUP),
    // A `finally` that leaves, or a `try` without `catch` that leaves: the branch leaves either way.
    esm(LOOKUP.replace('} catch {\n      return null;\n    }\n  }', '} finally {\n      return null;\n    }\n  }')),
  ],
  invalid: [
    {
      // Reported twin: the `catch` of the Windows branch falls through to \`which\`.
      ...esm(LOOKUP.replace('} catch {\n      return null;\n    }\n  }', '} catch {\n      console.warn(name);\n    }\n  }')),
      errors: [{ messageId: 'posixProgram', line: 12 }],
    },
  ],
});

// A start of a program after a probe of the same program exited with status 0 runs only where the
// program runs: a test that returns unless \`bash\` works.
const PROBED = `import { spawnSync } from 'node:child_process';
import { it } from 'vitest';
it('runs the setup script', () => {
  const probe = spawnSync('bash', ['-c', 'declare -A t=()'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    return;
  }
  spawnSync('bash', ['setup.sh'], { encoding: 'utf8' });
});`;

runRuleTests('no-unportable-spawn (probed programs)', rule, {
  valid: [esm(PROBED)],
  invalid: [
    {
      // Reported twins: the probe of another program, and a probe whose status is not tested.
      ...esm(PROBED.replace("spawnSync('bash', ['-c'", "spawnSync('sh', ['-c'")),
      errors: [{ messageId: 'posixProgram', line: 8 }],
    },
    {
      // The probe's own failure is then not told either.
      ...esm(PROBED.replace('probe.status !== 0', 'probe.stdout === ""')),
      errors: [
        { messageId: 'posixProgram', line: 4 },
        { messageId: 'posixProgram', line: 8 },
      ],
    },
  ],
});
