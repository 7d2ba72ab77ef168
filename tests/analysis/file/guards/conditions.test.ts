import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { ConditionReader } from '../../../../src/analysis/file/guards/conditions.js';
import type { Fact } from '../../../../src/analysis/file/guards/facts.js';
import type { Platform } from '../../../../src/analysis/catalog/platform-apis.js';
import { analyzeCode } from '../../../support/analyze-code.js';
import type { Language } from '../../../support/languages.js';

/** What the test of the file's last `if` proves when it is truthy and when it is falsy, as `kind=value`. */
function proves(code: string, language: Language = 'esm', platformGuards = new Map<string, readonly Platform[]>()): [string[], string[]] {
  const analysis = analyzeCode(code, language);
  const reader = new ConditionReader(analysis.sourceCode, analysis.references, { platformGuards });
  const test = (analysis.sourceCode.ast.body.findLast((statement) => statement.type === 'IfStatement') as TSESTree.IfStatement).test;
  return [describeFacts(reader.conditionFacts(test, true)), describeFacts(reader.conditionFacts(test, false))];
}

function describeFacts(facts: readonly Fact[]): string[] {
  return facts.map((fact) => {
    if (fact.kind === 'platform') return `platform=${[...fact.platforms].sort().join('|')}`;
    if (fact.kind === 'api') return `api=${fact.key}`;
    if (fact.kind === 'caught') return 'caught';
    if (fact.kind === 'program-ran') return `program-ran=${fact.program}`;
    return `${fact.kind}=${fact.value}`;
  });
}

describe('conditions', () => {
  it.each<[string, string, [string[], string[]], Language?]>([
    ['the status of a probe', `import { spawnSync } from 'node:child_process'; const probe = spawnSync('bash', ['-c', 'true']); if (probe.status === 0) {}`, [['program-ran=bash'], []]],
    ['the status of a probe, negated', `import { spawnSync } from 'node:child_process'; const probe = spawnSync('bash', ['-c', 'true'], { encoding: 'utf8' }); if (probe.status !== 0) {}`, [[], ['program-ran=bash']]],
    ['the status of a probe run by a shell', `import { spawnSync } from 'node:child_process'; const probe = spawnSync('bash', ['-c', 'true'], { shell: true }); if (probe.status === 0) {}`, [[], []]],
    ['the status of a probe with options not shown', `import { spawnSync } from 'node:child_process'; const probe = spawnSync('bash', [], { ...options }); if (probe.status === 0) {}`, [[], []]],
    ['the status of a probe of a program not shown', `import { spawnSync } from 'node:child_process'; const probe = spawnSync(shell, []); if (probe.status === 0) {}`, [[], []]],
    ['the status of a local spawnSync', `const spawnSync = () => ({ status: 0 }); const probe = spawnSync('bash'); if (probe.status === 0) {}`, [[], []]],
    ['a flag source', `import { isMainThread } from 'node:worker_threads'; if (isMainThread) {}`, [['main-thread=true'], ['main-thread=false']]],
    ['a flag source true when the context is not', `import cluster from 'node:cluster'; if (cluster.isWorker) {}`, [['cluster-primary=false'], ['cluster-primary=true']]],
    ['a presence source', `if (process.send) {}`, [['ipc-child=true'], ['ipc-child=false']]],
    ['a presence source absent in the parent', `import { parentPort } from 'node:worker_threads'; if (parentPort) {}`, [['main-thread=false'], ['main-thread=true']]],
    ['typeof of a presence source', `if (typeof process.send === 'function') {}`, [['ipc-child=true'], ['ipc-child=false']]],
    ['typeof of a flag source is an API test', `import wt from 'node:worker_threads'; if (typeof wt.isMainThread !== 'undefined') {}`, [['api=worker_threads:isMainThread'], []]],
    ['module.parent', `if (module.parent) {}`, [['entry-module=false'], ['entry-module=true']], 'cjs'],
    ['a platform', `if (process.platform === 'darwin') {}`, [['platform=darwin'], ['platform=aix|android|cygwin|freebsd|haiku|linux|netbsd|openbsd|sunos|win32']]],
    ['a conjunction', `import { isMainThread } from 'node:worker_threads'; if (isMainThread && process.send) {}`, [['main-thread=true', 'ipc-child=true'], []]],
    ['an argv marker', `if (process.argv[2] === 'child') {}`, [['marker=true'], ['marker=false']]],
    ['nothing known', `if (ready) {}`, [[], []]],
    // A conditional with a boolean branch is the logical expression it stands for; without one, nothing.
    ['a conditional with a false branch', `import { isMainThread } from 'node:worker_threads'; if (ready ? isMainThread : false) {}`, [['main-thread=true'], []]],
    ['a conditional with a true branch', `if (ready ? true : process.platform === 'linux') {}`, [['platform=linux'], ['platform=aix|android|cygwin|darwin|freebsd|haiku|netbsd|openbsd|sunos|win32']]],
    ['a conditional with a false first branch', `if (ready ? false : process.platform === 'linux') {}`, [['platform=linux'], ['platform=aix|android|cygwin|darwin|freebsd|haiku|netbsd|openbsd|sunos|win32']]],
    ['a conditional without a boolean branch', `import { isMainThread } from 'node:worker_threads'; if (ready ? isMainThread : process.send) {}`, [[], []]],
    [
      'an entry check on resolved paths, behind a conditional',
      `import { resolve } from 'node:path';\nimport { fileURLToPath } from 'node:url';\nif (process.argv[1] ? resolve(process.argv[1]) === resolve(fileURLToPath(import.meta.url)) : false) {}`,
      // As `process.argv[1] && …` reads: `process.argv[1]` is a marker of the command line too.
      [['marker=true', 'entry-module=true'], ['marker=false', 'marker=true', 'entry-module=false']],
    ],
    // With no script path, the empty path names no module: the check is on argv[1] alone; another fallback may name it.
    ["an entry check on the script path or the empty path", `import { pathToFileURL } from 'node:url';\nif (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {}`, [['entry-module=true'], ['entry-module=false']]],
    ["an entry check on the script path or another", `import { pathToFileURL } from 'node:url';\nif (import.meta.url === pathToFileURL(process.argv[1] || fallback).href) {}`, [[], []]],
    ["a package's platform flag", `import { isWindows } from 'std-env'; if (isWindows) {}`, [['platform=win32'], ['platform=aix|android|cygwin|darwin|freebsd|haiku|linux|netbsd|openbsd|sunos']]],
    ["a package's platform flag as a member", `const OS = require('os-family'); if (OS.linux) {}`, [['platform=linux'], ['platform=aix|android|cygwin|darwin|freebsd|haiku|netbsd|openbsd|sunos|win32']], 'cjs'],
    ["a package's platform test function", `import isWindows from 'is-windows'; if (!isWindows()) {}`, [['platform=aix|android|cygwin|darwin|freebsd|haiku|linux|netbsd|openbsd|sunos'], ['platform=win32']]],
    ["Obsidian's platform flags", `import { Platform } from 'obsidian'; if (Platform.isWin) {}`, [['platform=win32'], ['platform=aix|android|cygwin|darwin|freebsd|haiku|linux|netbsd|openbsd|sunos']]],
    ["Obsidian's macOS flag", `const obsidian = require('obsidian'); if (obsidian.Platform.isMacOS) {}`, [['platform=darwin'], ['platform=aix|android|cygwin|freebsd|haiku|linux|netbsd|openbsd|sunos|win32']], 'cjs'],
    // Only an API's presence, which no platform API's key matches.
    ["another member of such a package", `import { isCI } from 'std-env'; if (isCI) {}`, [['api=std-env:isCI'], []]],
    // A side that does not test the platform proves none: the disjunction proves only the platforms
    // where its platform test alone lets it hold (off Windows here); on Windows it holds only if
    // `ready` does, which nothing shows.
    ['a platform test or an unknown', `if (process.platform !== 'win32' || ready) {}`, [['platform=aix|android|cygwin|darwin|freebsd|haiku|linux|netbsd|openbsd|sunos'], ['platform=win32']]],
    ['an unknown or a platform test', `if (ready || process.platform === 'linux') {}`, [['platform=linux'], ['platform=aix|android|cygwin|darwin|freebsd|haiku|netbsd|openbsd|sunos|win32']]],
    ['a platform test and an unknown, falsy', `if (process.platform === 'win32' && ready) {}`, [['platform=win32'], ['platform=aix|android|cygwin|darwin|freebsd|haiku|linux|netbsd|openbsd|sunos']]],
    // The host's platform with a caller's override: the override claims a platform, as a parameter's default does.
    ['the platform with an override', `const platform = options.platform || process.platform;\nif (platform === 'win32') {}`, [['platform=win32'], ['platform=aix|android|cygwin|darwin|freebsd|haiku|linux|netbsd|openbsd|sunos']]],
    ['os.platform() with an override', `import os from 'node:os';\nif ((opts.os ?? os.platform()) !== 'darwin') {}`, [['platform=aix|android|cygwin|freebsd|haiku|linux|netbsd|openbsd|sunos|win32'], ['platform=darwin']]],
    ['the platform as the override of a constant', `const platform = process.platform || 'linux';\nif (platform === 'win32') {}`, [[], []]],
    ['the platform and a value', `const platform = ready && process.platform;\nif (platform === 'win32') {}`, [[], []]],
    // A function that maps the platform to a name of its own, read for each name it returns.
    [
      "a local function's name for the platform",
      `import os from 'node:os';
function getPlatform() {
  const platform = os.platform();
  if (platform === 'win32') { return 'windows'; } else if (platform === 'darwin') { return 'osx'; }
  return 'linux';
}
if (getPlatform() !== 'windows') {}`,
      [['platform=aix|android|cygwin|darwin|freebsd|haiku|linux|netbsd|openbsd|sunos'], ['platform=win32']],
    ],
    [
      'a name held in a constant, from a conditional',
      `const family = () => (process.platform === 'win32' ? 'windows' : 'unix');
const os = family();
if (os === 'unix') {}`,
      [['platform=aix|android|cygwin|darwin|freebsd|haiku|linux|netbsd|openbsd|sunos'], ['platform=win32']],
    ],
    ['a name the function never returns', `const family = () => (process.platform === 'win32' ? 'windows' : 'unix');\nif (family() === 'mac') {}`, [['platform='], ['platform=aix|android|cygwin|darwin|freebsd|haiku|linux|netbsd|openbsd|sunos|win32']]],
    // Unknown: a branch that does something else, a test that is no platform test, no last return.
    ['a function that logs in a branch', `function getPlatform() {\n  if (process.platform === 'win32') { console.log('x'); return 'windows'; }\n  return 'linux';\n}\nif (getPlatform() !== 'windows') {}`, [[], []]],
    ['a function that tests something else', `function getPlatform() {\n  if (ready) return 'windows';\n  return 'linux';\n}\nif (getPlatform() !== 'windows') {}`, [[], []]],
    ['a function without a last return', `function getPlatform() {\n  if (process.platform === 'win32') return 'windows';\n}\nif (getPlatform() !== 'windows') {}`, [[], []]],
  ])('%s', (_name, code, expected, language) => {
    expect(proves(code, language)).toEqual(expected);
  });

  it('reads a project platform guard by name', () => {
    const guards = new Map<string, readonly Platform[]>([['isWindows', ['win32']]]);
    expect(proves(`if (env.isWindows) {}`, 'esm', guards)[0]).toEqual(['platform=win32']);
  });

  it('tells a platform source and a marker source', () => {
    const analysis = analyzeCode(`import os from 'node:os'; const p = os.platform(); const [, , mode] = process.argv; p; mode; other;`);
    const reader = new ConditionReader(analysis.sourceCode, analysis.references, { platformGuards: new Map() });
    const [p, mode, other] = analysis.sourceCode.ast.body.slice(3).map((statement) => (statement as TSESTree.ExpressionStatement).expression);
    expect(reader.isPlatformSource(p!)).toBe(true);
    expect(reader.markerSource(mode!)).toBe('argv');
    expect(reader.markerSource(other!)).toBeUndefined();
    expect(reader.isUnknownValue(other!)).toBe(true);
  });
});
