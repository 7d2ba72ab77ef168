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

  it.each<[string, string, string]>([
    ['a plain wrapper called in a try', `${CP}function run(c) { return execSync(c); }\ntry { run('ls'); } catch {}`, 'handled'],
    ['a wrapper that catches inside', `${CP}function run(c) { try { execSync(c); } catch {} }\nrun('ls');`, 'handled'],
    ['an async wrapper awaited in a try', `${CP}async function run(c) { await execa(c); }\nexport async function main() { try { await run('ls'); } catch {} }`, 'handled'],
    ['an async wrapper called in a try without await', `${CP}async function run(c) { execSync(c); }\ntry { run('ls'); } catch {}`, 'undefined'],
    ['a wrapper that returns a then chain, awaited in a try', `${CP}function run(c) { return execa(c).then((r) => r.stdout); }\nexport async function main() { try { await run('ls'); } catch {} }`, 'handled'],
    ['a wrapper that drops the promise', `${CP}function run(c) { execa(c); }\nexport async function main() { try { await run('ls'); } catch {} }`, 'undefined'],
    ['a wrapper called outside any try', `${CP}function run(c) { return execSync(c); }\nexport function main() { return run('ls'); }`, 'throws'],
  ])('through %s', (_name, code, expected) => {
    expect(ofWrapperCall(code)).toBe(expected);
  });
});
