import { describe, expect, it } from 'vitest';

import { platformProblems } from '../../../src/analysis/questions/platform-problems.js';
import { analyzeCode } from '../../support/analyze-code.js';
import type { Language } from '../../support/languages.js';

/** Each problem as `kind node-text`, with the values that name it. */
function problems(code: string, language: Language = 'esm', settings: Record<string, unknown> = {}): unknown[] {
  const analysis = analyzeCode(code, language, settings);
  return platformProblems(analysis).map(({ kind, node, ...values }) => ({ kind, at: analysis.sourceCode.getText(node), ...values }));
}

describe('platform problems of one file', () => {
  it.each<[string, string, unknown[], Language?]>([
    ['a named POSIX-only import, at its specifier', `import { getuid } from 'node:process';`, [{ kind: 'posixImport', at: 'getuid', name: 'getuid' }]],
    ['a POSIX-only re-export', `export { getgid } from 'process';`, [{ kind: 'posixImport', at: 'getgid', name: 'getgid' }]],
    ['a POSIX credential call', `process.getuid();`, [{ kind: 'posixCall', at: 'process.getuid()', name: 'getuid' }], 'cjs'],
    ['a macOS-only call', `const fs = require('fs'); fs.lchmodSync('a', 0o644);`, [{ kind: 'macosOnly', at: "fs.lchmodSync('a', 0o644)", name: 'fs.lchmodSync()' }], 'cjs'],
    ['a call that throws on a platform', `process.execve('/bin/sh');`, [{ kind: 'platformThrow', at: "process.execve('/bin/sh')", name: 'process.execve()', platforms: ['win32'] }], 'cjs'],
    ['a call that throws in an environment at load', `import os from 'node:os'; os.userInfo();`, [expect.objectContaining({ kind: 'environmentThrow', name: 'os.userInfo()', when: 'module-load' })]],
    ['a signal Windows cannot send', `process.kill(process.pid, 'SIGUSR1');`, [{ kind: 'posixSignal', at: "'SIGUSR1'", signal: 'SIGUSR1', name: 'process.kill()' }], 'cjs'],
    ['a platform-only package loaded statically', `import 'fsevents';`, [{ kind: 'platformPackageImport', at: "import 'fsevents';", module: 'fsevents', platforms: ['darwin'] }]],
  ])('finds %s', (_name, code, expected, language) => {
    expect(problems(code, language)).toEqual(expected);
  });

  it.each<[string, string, Language?]>([
    ['a guarded credential call', `if (process.platform !== 'win32') process.getuid();`, 'cjs'],
    ['a presence-tested credential call', `if (process.getuid) process.getuid();`, 'cjs'],
    ['an optional credential call', `process.getuid?.();`, 'cjs'],
    ['a caught throwing call', `try { process.execve('/bin/sh'); } catch {}`, 'cjs'],
    ['an environment throw that runs later', `import os from 'node:os'; export function user() { return os.userInfo(); }`],
    ['a Windows-safe signal', `process.kill(process.pid, 'SIGTERM');`, 'cjs'],
    ['a platform-only package loaded in try/catch', `let watcher; try { watcher = require('fsevents'); } catch {}`, 'cjs'],
    ['a type-only import', `import { type getuid } from 'node:process';`, 'ts'],
  ])('finds nothing for %s', (_name, code, language) => {
    expect(problems(code, language)).toEqual([]);
  });
});
