import { describe, expect, it } from 'vitest';

import { findStarters } from '../../../src/analysis/file/starters.js';
import { analyzeCode } from '../../support/analyze-code.js';
import type { Language } from '../../support/languages.js';

/** Each start of the snippet as `name mechanism now|later target=… options=…`. */
function starts(code: string, language: Language = 'esm', settings: Record<string, unknown> = {}): string[] {
  const analysis = analyzeCode(code, language, settings);
  const text = (node: { range: [number, number] } | undefined) => (node ? analysis.sourceCode.text.slice(...node.range) : '-');
  return analysis.starters.map(
    (site) => `${site.spec.name} ${site.mechanism} ${site.startsNow ? 'now' : 'later'} target=${text(site.target)} options=${text(site.options)}`,
  );
}

describe('starts written in a file', () => {
  it.each<[string, string, string[], Language?]>([
    [
      'spawn() with options',
      `import { spawn } from 'node:child_process';\nspawn('ls', ['-l'], { cwd });`,
      ['spawn() process now target=\'ls\' options={ cwd }'],
    ],
    ['exec() in CommonJS', `const cp = require('child_process');\ncp.exec('ls');`, ["exec() process now target='ls' options=-"], 'cjs'],
    ['fork()', `import { fork } from 'node:child_process';\nfork('./w.js');`, ["fork() fork now target='./w.js' options=-"]],
    [
      'new Worker() in TypeScript',
      `import { Worker } from 'node:worker_threads';\nnew Worker('./w.js', { workerData } as const);`,
      ["new Worker() thread now target='./w.js' options=-"],
      'ts',
    ],
    ['cluster.fork()', `import cluster from 'node:cluster';\ncluster.fork();`, ['cluster.fork() cluster now target=- options=-']],
    [
      'a pool, its script in an option',
      `import Piscina from 'piscina';\nnew Piscina({ filename: './w.js' });`,
      ["new Piscina() thread now target='./w.js' options={ filename: './w.js' }"],
    ],
    [
      'a pool in child-process mode',
      `import Tinypool from 'tinypool';\nnew Tinypool({ filename: f, runtime: 'child_process' });`,
      ["new Tinypool() process now target=f options={ filename: f, runtime: 'child_process' }"],
    ],
    [
      'a lazy pool',
      `import workerpool from 'workerpool';\nworkerpool.pool('./w.js');`,
      ["workerpool.pool() thread later target='./w.js' options=-"],
    ],
    [
      'a pool with minimum workers',
      `import workerpool from 'workerpool';\nworkerpool.pool('./w.js', { minWorkers: 2 });`,
      ["workerpool.pool() thread now target='./w.js' options={ minWorkers: 2 }"],
    ],
    [
      'a pool with no minimum',
      `import workerpool from 'workerpool';\nworkerpool.pool('./w.js', { minWorkers: 0 });`,
      ["workerpool.pool() thread later target='./w.js' options={ minWorkers: 0 }"],
    ],
    ['a tagged template', 'import { $ } from \'zx\';\nawait $`ls`;', ['$`` process now target=- options=-']],
    ['execa options call then template', "import { $ } from 'execa';\nawait $({ cwd })`ls`;", ['$`` process now target=- options=-']],
    // execa 9 also takes `$(file, arguments?, options?)`, as `execa()` does.
    ['execa $ called with a file', "import { $ } from 'execa';\nawait $('ls', ['-l']);", ['$`` process now target=- options=-']],
    ['execa $ called with a written file alone', "import { $ } from 'execa';\nawait $(`ls`);", ['$`` process now target=- options=-']],
  ])('%s', (_name, code, expected, language) => {
    expect(starts(code, language)).toEqual(expected);
  });

  it.each<[string, string, Language?]>([
    ['a local function called spawn', `function spawn() {}\nspawn('ls');`],
    ['a shadowed import', `import { spawn } from 'node:child_process';\nfunction f(spawn) { spawn('ls'); }`],
    ['a Worker called, not constructed', `import { Worker } from 'node:worker_threads';\nWorker('./w.js');`],
    ['a spawn constructed, not called', `import { spawn } from 'node:child_process';\nnew spawn('ls');`],
    ['an options-only call of execa', "import { $ } from 'execa';\nconst run = $({ cwd });"],
    // One argument that is not written as a string may be the options: unknown, so no start.
    ['a call of execa with options held in a name', "import { $ as run } from 'execa';\nconst options = { cwd };\nexport const $ = run(options);"],
    ['a call of zx with options from elsewhere', "import { $ } from 'zx';\nexport const quiet = $(settings());"],
    ['another member of the module', `import { execPath } from 'node:process';\nString(execPath);`],
    ['a package that is not a starter', `import { spawn } from 'my-spawn';\nspawn('ls');`],
  ])('%s is none', (_name, code, language) => {
    expect(starts(code, language)).toEqual([]);
  });

  it('takes a spread in the target position as the target, as written', () => {
    expect(starts(`import { spawn } from 'node:child_process';\nspawn(...args);`)).toEqual(['spawn() process now target=...args options=-']);
  });

  it('adds the starters of the settings', () => {
    const settings = { 'process-guard': { starters: [{ module: '@acme/jobs', path: 'start', target: { role: 'command', argument: 0 } }] } };
    const code = `import { start } from '@acme/jobs';\nstart('job');`;
    expect(starts(code)).toEqual([]);
    expect(starts(code, 'esm', settings)).toEqual([expect.stringMatching(/ now target='job' options=-$/)]);
  });

  it('finds the same starts from the reference index and settings alone', () => {
    const analysis = analyzeCode(`import { spawn } from 'node:child_process';\nspawn('ls');\nspawn('pwd');`);
    expect(findStarters(analysis.references, analysis.settings).map((site) => site.node)).toEqual(analysis.starters.map((site) => site.node));
  });
});
