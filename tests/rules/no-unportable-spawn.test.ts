import rule from '../../src/rules/no-unportable-spawn.js';
import { cjs, cts, esm, ts } from '../support/languages.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('no-unportable-spawn', rule, {
  valid: [
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
    ts(`import { spawnSync } from 'node:child_process';
import os from 'node:os';
if (os.type() === 'Linux') spawnSync('ps', ['-ef']);`),
    ts(`import { spawn } from 'node:child_process';
spawn('npm', ['test'], { shell: true, stdio: 'inherit' } as const);`),
    // Unknown commands, local functions, other starters.
    cjs(`const { spawn } = require('child_process');
module.exports = (command) => spawn(command, []);`),
    cjs(`function spawn(command) { return command; }
spawn('rm');`),
    cjs(`const { fork } = require('child_process');
fork('npm');`),
    esm(`import { exec } from 'node:child_process';
exec('rm -rf dist');`),
  ],
  invalid: [
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
    {
      ...cjs(`const { spawn } = require('child_process');
spawn('npm', ['install'], { shell: false });`),
      errors: [{ messageId: 'shimWithoutShell', line: 2, column: 7 }],
    },
    {
      ...cjs(`const cp = require('child_process');
cp.execFileSync('npx', ['tsc', '--noEmit'], { stdio: 'inherit' });`),
      errors: [{ messageId: 'shimWithoutShell', data: { command: 'npx', name: 'execFileSync()' }, line: 2, column: 17 }],
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
      errors: [{ messageId: 'shimWithoutShell', data: { command: 'pnpm', name: 'execFile()' }, line: 4, column: 11 }],
    },
    {
      ...esm(`import { spawn as run } from 'child_process';
const command = 'pnpx';
const options = { stdio: 'inherit' };
run(command, ['create-app'], options);`),
      errors: [{ messageId: 'shimWithoutShell', data: { command: 'pnpx', name: 'spawn()' }, line: 4, column: 5 }],
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
      errors: [{ messageId: 'posixProgram', data: { command: 'which', name: 'execFileSync()' }, line: 2, column: 56 }],
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
const tool: string = useGrep ? 'grep' : 'findstr';
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
  ],
});
