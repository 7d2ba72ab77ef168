import { describe, expect, it } from 'vitest';

import { startFailureThrough } from '../../../src/analysis/questions/start-failures.js';
import { analyzeCode } from '../../support/analyze-code.js';
import type { Language } from '../../support/languages.js';

const CP = `import { exec, execSync, spawn, spawnSync } from 'node:child_process';\nimport { promisify } from 'node:util';\nimport { execa } from 'execa';\n`;

/** What becomes of the failure of the one start in `code`. */
function ofStart(code: string, language: Language = 'esm'): string {
  const analysis = analyzeCode(code, language);
  const [site] = analysis.starters;
  if (!site) throw new Error('no start');
  return String(startFailureThrough(analysis, site));
}

/** What becomes of the failure of the start the first wrapper call reaches. */
function ofWrapperCall(code: string): string {
  const analysis = analyzeCode(code);
  const [wrapper] = analysis.summaries.wrapperCalls;
  const [role] = [...(wrapper?.summary.parameterRoles.values() ?? [])].flat();
  if (!wrapper || !role) throw new Error('no wrapper call');
  return String(startFailureThrough(analysis, role.site, [wrapper.call, ...role.via]));
}

describe('the failure of a start', () => {
  it.each<[string, string, string, Language?]>([
    ['a throwing start in a try', `${CP}try { execSync('ls'); } catch {}`, 'handled'],
    // At the calls of the function it leaves: handled when every read of the function is a call that handles it.
    ['a throwing start in a function every call of which is in a try', `${CP}function pid(port) { return execSync('lsof -i:' + port); }\nexport function owner(port) { try { return pid(port); } catch { return null; } }`, 'handled'],
    ['a throwing start in a function called twice, once in a try', `${CP}function pid(port) { return execSync('lsof -i:' + port); }\nexport function owner(port) { try { return pid(port); } catch { return null; } }\nexport const first = () => pid(1);`, 'throws'],
    ['a throwing start in a function also passed as a value', `${CP}function pid(port) { return execSync('lsof -i:' + port); }\nexport function owner(port) { try { return pid(port); } catch { return null; } }\nexport const finder = pid;`, 'throws'],
    ['a throwing start in an exported function called in a try', `${CP}export function pid(port) { return execSync('lsof -i:' + port); }\nexport function owner(port) { try { return pid(port); } catch { return null; } }`, 'throws'],
    ['a throwing start in a try, CommonJS', `const cp = require('child_process');\ntry { cp.execFileSync('ls'); } catch (error) { console.log(error); }`, 'handled', 'cjs'],
    ['a throwing start in a try without a catch', `${CP}try { execSync('ls'); } finally { console.log('done'); }`, 'undefined'],
    ['a throwing start in a plain function', `${CP}export function list() { return execSync('ls'); }`, 'throws'],
    ['a throwing start in an async function', `${CP}export async function list() { return execSync('ls'); }`, 'rejects'],
    ['a throwing start at the top level', `${CP}execSync('ls');`, 'undefined'],
    ['a throwing start in a callback created in a try', `${CP}try { setTimeout(() => execSync('ls')); } catch {}`, 'throws'],
    ['spawnSync, which returns its error', `${CP}try { spawnSync('ls'); } catch {}`, 'undefined'],
    ['spawn, which emits its error', `${CP}try { spawn('ls').on('error', () => {}); } catch {}`, 'undefined'],
    ['exec with a callback', `${CP}try { exec('ls', () => {}); } catch {}`, 'undefined'],
    // A callback that only tests its error chose the fallback, as a catch does.
    ['exec whose callback only tests its error', `${CP}exec('bash --version', (error, stdout) => { if (!error) version = stdout; done(); });`, 'handled'],
    ['execFile whose callback answers whether it failed', `const cp = require('child_process');\nexports.has = (name, done) => cp.execFile('which', [name], (error) => done(!error));`, 'handled', 'cjs'],
    ['exec whose callback tests and passes its error on', `${CP}exec('ls', (error, stdout) => { if (error) return reject(error); resolve(stdout); });`, 'undefined'],
    ['exec whose callback tests its error and throws', `${CP}exec('ls', (error) => { if (error) { throw new Error('ls failed'); } });`, 'undefined'],
    ['exec whose callback logs its error', `${CP}exec('ls', (error) => { if (error) console.error(error); });`, 'undefined'],
    ['exec whose callback never reads its error', `${CP}exec('ls', (error, stdout) => { print(stdout); });`, 'undefined'],
    ['a promisified exec awaited in a try', `${CP}export async function list() { try { await promisify(exec)('ls'); } catch {} }`, 'handled'],
    ['a promisified exec returned', `${CP}export function list() { return promisify(exec)('ls'); }`, 'rejects'],
    ['a promise with a catch', `${CP}execa('ls').catch(() => undefined);`, 'handled'],
    ['a promise with a two-argument then', `${CP}execa('ls').then(() => true, () => false);`, 'handled'],
    ['a promise with a one-argument then', `${CP}execa('ls').then(() => true);`, 'undefined'],
    ['a promise awaited in an async arrow', `${CP}export const list = async () => (await execa('ls')).stdout;`, 'rejects'],
    ['a promise an arrow returns', `${CP}export const list = () => execa('ls');`, 'rejects'],
    ['a then chain returned', `${CP}export function list() { return execa('ls').then((result) => result.stdout).finally(() => {}); }`, 'rejects'],
    ['a promise past another method', `${CP}export function list() { return execa('ls').pipe('sort'); }`, 'undefined'],
    ['a promise dropped in a try', `${CP}export function list() { try { execa('ls'); } catch {} }`, 'undefined'],
    ['a sync execa start in a try, TypeScript', `import { execaSync } from 'execa';\ntry { execaSync('ls'); } catch {}`, 'handled', 'ts'],
  ])('%s', (_name, code, expected, language) => {
    expect(ofStart(code, language)).toBe(expected);
  });

  // A start that tells its failure in its result: handled where a condition reads the fields that tell it.
  it.each<[string, string, string, Language?]>([
    ['spawnSync, its error tested', `${CP}const r = spawnSync('which', ['git']);\nif (r.error) console.log('no git');`, 'handled'],
    ['spawnSync, its status compared', `${CP}export function hasGit() { const r = spawnSync('which', ['git']); if (r.status !== 0) return false; return true; }`, 'handled'],
    ['spawnSync, its error in a conditional', `${CP}export const hasGit = spawnSync('which', ['git']).error ? false : true;`, 'handled'],
    ['spawnSync, destructured and both tested', `${CP}const { error, status } = spawnSync('which', ['git']);\nexport const hasGit = !error && status === 0;`, 'handled'],
    ['spawnSync, assigned to a let', `${CP}let r;\nr = spawnSync('which', ['git']);\nwhile (r.status) r = spawnSync('which', ['git']);`, 'handled'],
    ['spawnSync, CommonJS', `const cp = require('child_process');\nconst r = cp.spawnSync('which', ['git']);\nmodule.exports = r.status === 0;`, 'handled', 'cjs'],
    ['spawnSync, destructured, TypeScript', `import { spawnSync } from 'node:child_process';\nconst { status } = spawnSync('which', ['git']);\nexport const hasGit: boolean = status === 0;`, 'handled', 'ts'],
    ['spawnSync, only its output read', `${CP}const r = spawnSync('which', ['git']);\nif (r.stdout) console.log(r.stdout.toString());`, 'undefined'],
    ['spawnSync, its status read outside a condition', `${CP}const { status } = spawnSync('which', ['git']);\nprocess.exit(status);`, 'undefined'],
    ['spawnSync, its result ignored', `${CP}spawnSync('which', ['git']);`, 'undefined'],
    // A test that throws on the failure passes it on: nothing handles it there.
    ['spawnSync, its error tested and thrown', `${CP}export function run(c) { const { error } = spawnSync(c); if (error) throw error; }`, 'undefined'],
    ['spawnSync, its status tested and thrown in a block', `${CP}export function run(c) { const r = spawnSync(c); if (r.status !== 0) { console.error(r.stderr); throw new Error('failed'); } return r.stdout; }`, 'undefined'],
    ['spawnSync, its result returned', `${CP}export function find() { return spawnSync('which', ['git']); }`, 'returns'],
    ['spawnSync, its result returned from an async function', `${CP}export async function find() { return spawnSync('which', ['git']); }`, 'resolves'],
    ['execa with reject: false, awaited and tested', `${CP}export async function hasGit() { const { failed } = await execa('which', ['git'], { reject: false }); return !failed; }`, 'handled'],
    ['execa with reject: false, its exit code tested in a then', `${CP}export const hasGit = () => execa('which', ['git'], { reject: false }).then((r) => r.exitCode === 0);`, 'handled'],
    ['execa with reject: false after a spread', `${CP}export async function hasGit(o) { const r = await execa('which', ['git'], { ...o, reject: false }); if (r.failed) return false; return true; }`, 'handled'],
    ['execa with reject: false, only its output read', `${CP}export async function gitPath() { const { stdout } = await execa('which', ['git'], { reject: false }); return stdout; }`, 'undefined'],
    ['execa with reject: false, returned', `${CP}export function find() { return execa('which', ['git'], { reject: false }); }`, 'resolves'],
    ['execa without reject: false, its result tested', `${CP}export async function hasGit() { const { failed } = await execa('which', ['git']); return !failed; }`, 'rejects'],
    ['execa with reject: false before a spread', `${CP}export async function hasGit(o) { const { failed } = await execa('which', ['git'], { reject: false, ...o }); return !failed; }`, 'rejects'],
    ['execa with its options in a variable', `${CP}const options = { reject: false };\nexport async function hasGit() { const { failed } = await execa('which', ['git'], options); return !failed; }`, 'rejects'],
    ['execa with reject: false in a try: it never rejects', `${CP}export async function hasGit() { try { await execa('which', ['git'], { reject: false }); return true; } catch { return false; } }`, 'undefined'],
    ['execa with reject: true', `${CP}export async function hasGit() { const { failed } = await execa('which', ['git'], { reject: true }); return !failed; }`, 'rejects'],
    ['execaSync with reject: false, TypeScript', `import { execaSync } from 'execa';\nconst r = execaSync('which', ['git'], { reject: false });\nexport const hasGit: boolean = !r.failed;`, 'handled', 'ts'],
    ['execaSync with reject: false, only its output read', `import { execaSync } from 'execa';\nexport const gitPath: string = execaSync('which', ['git'], { reject: false }).stdout;`, 'undefined', 'ts'],
    ['execa.sync with reject: false, CommonJS', `const execa = require('execa');\nconst r = execa.sync('which', ['git'], { reject: false });\nmodule.exports = r.exitCode === 0;`, 'handled', 'cjs'],
    ['execa.sync with reject: false, its result ignored, CommonJS', `const execa = require('execa');\nexeca.sync('which', ['git'], { reject: false });`, 'undefined', 'cjs'],
  ])('%s', (_name, code, expected, language) => {
    expect(ofStart(code, language)).toBe(expected);
  });

  it.each<[string, string, string]>([
    ['a plain wrapper called in a try', `${CP}function run(c) { return execSync(c); }\ntry { run('ls'); } catch {}`, 'handled'],
    ['a wrapper that catches inside', `${CP}function run(c) { try { execSync(c); } catch {} }\nrun('ls');`, 'handled'],
    ['an async wrapper awaited in a try', `${CP}async function run(c) { await execa(c); }\nexport async function main() { try { await run('ls'); } catch {} }`, 'handled'],
    ['an async wrapper called in a try without await', `${CP}async function run(c) { execSync(c); }\ntry { run('ls'); } catch {}`, 'undefined'],
    ['a wrapper that returns a then chain, awaited in a try', `${CP}function run(c) { return execa(c).then((r) => r.stdout); }\nexport async function main() { try { await run('ls'); } catch {} }`, 'handled'],
    ['a wrapper that drops the promise', `${CP}function run(c) { execa(c); }\nexport async function main() { try { await run('ls'); } catch {} }`, 'undefined'],
    ['a wrapper called outside any try', `${CP}function run(c) { return execSync(c); }\nexport function main() { return run('ls'); }`, 'throws'],
    ['a wrapper returning spawnSync, its result tested', `${CP}function run(c) { return spawnSync(c); }\nconst r = run('ls');\nif (r.error) console.log('missing');`, 'handled'],
    ['a wrapper that tests spawnSync inside', `${CP}function has(c) { return spawnSync(c).status === 0; }\nexport const hasLs = has('ls');`, 'handled'],
    ['a wrapper returning only the output of spawnSync', `${CP}function run(c) { return spawnSync(c).stdout; }\nif (run('ls')) console.log('listed');`, 'undefined'],
    ['an async wrapper returning execa with reject: false, its flag returned untested', `${CP}function run(c) { return execa(c, [], { reject: false }); }\nexport async function main() { const { failed } = await run('ls'); return failed; }`, 'undefined'],
    ['an async wrapper returning execa with reject: false, tested', `${CP}function run(c) { return execa(c, [], { reject: false }); }\nexport async function main() { const { failed } = await run('ls'); if (failed) return 1; return 0; }`, 'handled'],
  ])('through %s', (_name, code, expected) => {
    expect(ofWrapperCall(code)).toBe(expected);
  });
});
