import { describe, expect, it } from 'vitest';

import { isSelfSpawnSite, selfSpawns, sharedThreadChecks } from '../../../src/analysis/questions/self-spawn.js';
import { analyzeCode } from '../../support/analyze-code.js';
import type { Language } from '../../support/languages.js';

/** The self-spawns of a snippet, as `mechanism: starter text`. */
function spawns(code: string, language: Language = 'esm'): string[] {
  const analysis = analyzeCode(code, language);
  return selfSpawns(analysis).map((spawn) => `${spawn.mechanism}: ${analysis.sourceCode.getText(spawn.site.node)}`);
}

const WORKER = `import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';\n`;

describe('self-spawns', () => {
  it.each<[string, string, string[], Language?]>([
    ['fork(__filename)', `const { fork } = require('child_process');\nfork(__filename);`, ['fork: fork(__filename)'], 'cjs'],
    [
      'fork(fileURLToPath(import.meta.url))',
      `import { fork } from 'node:child_process';\nimport { fileURLToPath } from 'node:url';\nfork(fileURLToPath(import.meta.url));`,
      ['fork: fork(fileURLToPath(import.meta.url))'],
    ],
    ['a Worker of import.meta.url', `${WORKER}new Worker(new URL(import.meta.url));`, ['thread: new Worker(new URL(import.meta.url))']],
    ['a Worker of __filename in TypeScript', `import { Worker } from 'node:worker_threads';\nnew Worker(__filename);`, ['thread: new Worker(__filename)'], 'cts'],
    ['cluster.fork()', `import cluster from 'node:cluster';\ncluster.fork();`, ['cluster: cluster.fork()']],
    [
      'cluster.fork() after setupPrimary() of this module',
      `const cluster = require('cluster');\ncluster.setupPrimary({ exec: __filename });\ncluster.fork();`,
      ['cluster: cluster.fork()'],
      'cjs',
    ],
  ])('%s', (_name, code, expected, language) => {
    expect(spawns(code, language)).toEqual(expected);
  });

  it.each<[string, string, Language?]>([
    ['fork() of another script', `const { fork } = require('child_process');\nfork('./child.js');`, 'cjs'],
    ['fork() of an unknown path', `const { fork } = require('child_process');\nfork(script);`, 'cjs'],
    ['a Worker of another file', `${WORKER}new Worker(new URL('./w.js', import.meta.url));`],
    ['spawn() of a program', `import { spawn } from 'node:child_process';\nspawn('node', [process.argv[1]]);`],
    ['a local function called fork', `function fork() {}\nfork(__filename);`, 'cjs'],
    [
      'cluster.fork() after setupPrimary() of another script',
      `import cluster from 'node:cluster';\ncluster.setupPrimary({ exec: 'worker.js' });\ncluster.fork();`,
    ],
    [
      'cluster.fork() after setupMaster() of an unknown script',
      `import cluster from 'node:cluster';\ncluster.setupMaster({ exec: script });\ncluster.fork();`,
    ],
    ['a pool without a script argument', `import Piscina from 'piscina';\nnew Piscina({ filename: new URL(import.meta.url).href });`],
  ])('%s is none', (_name, code, language) => {
    expect(spawns(code, language)).toEqual([]);
  });

  it('tells a self-spawn site from another start', () => {
    const analysis = analyzeCode(`const { fork } = require('child_process');\nfork(__filename);\nfork('./other.js');`, 'cjs');
    expect(analysis.starters.map((site) => isSelfSpawnSite(analysis, site))).toEqual([true, false]);
  });

  it('records how the path names the module', () => {
    const analysis = analyzeCode(`const { fork } = require('child_process');\nfork(__filename);`, 'cjs');
    expect(selfSpawns(analysis)[0]?.reference).toBeDefined();
    const cluster = analyzeCode(`import cluster from 'node:cluster';\ncluster.fork();`);
    expect(selfSpawns(cluster)[0]?.reference).toBeUndefined();
  });
});

describe('checks shared with every worker thread', () => {
  /** Each check as `text (selects main)`. */
  function checks(body: string): string[] {
    // A module others may import: it exports something.
    const analysis = analyzeCode(`${WORKER}${body}\nexport const ready = true;`);
    return sharedThreadChecks(analysis).map((check) => `${analysis.sourceCode.getText(check.check)} ${check.selectsMain ? 'main' : 'worker'}`);
  }

  const SELF = `new Worker(new URL(import.meta.url));`;

  it.each<[string, string, string[]]>([
    ['isMainThread', `if (isMainThread) { ${SELF} } else { work(); }`, ['isMainThread main']],
    ['!isMainThread', `if (!isMainThread) { work(); } else { ${SELF} }`, ['!isMainThread worker']],
    ['parentPort', `if (parentPort) { work(); } else { ${SELF} }`, ['parentPort worker']],
    ['a conditional expression', `isMainThread ? start() : work();\nfunction start() { ${SELF} }`, ['isMainThread main']],
  ])('%s', (_name, body, expected) => {
    expect(checks(body)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['a check that also reads workerData', `if (isMainThread || !workerData?.own) { ${SELF} } else { work(); }`],
    ['a check inside a workerData test', `if (workerData?.own) { work(); } else if (isMainThread) { ${SELF} }`],
    ['an else-if that reads workerData', `if (isMainThread) { ${SELF} } else if (workerData?.own) { work(); }`],
    ['a check that only builds text', `${SELF}\nconsole.log(\`in \${isMainThread ? 'main' : 'worker'}\`);`],
  ])('%s is not one', (_name, body) => {
    expect(checks(body)).toEqual([]);
  });

  it('asks nothing of an entry point: only the workers it starts load it in a thread', () => {
    const analysis = analyzeCode(`${WORKER}if (isMainThread) { new Worker(new URL(import.meta.url)); } else { work(); }`);
    expect(analysis.fileModel.entryPoint).toBe('no-exports');
    expect(sharedThreadChecks(analysis)).toEqual([]);
  });

  it('asks nothing of a module that does not start itself as a thread', () => {
    const analysis = analyzeCode(`${WORKER}if (isMainThread) { new Worker('./w.js'); }`);
    expect(sharedThreadChecks(analysis)).toEqual([]);
  });
});
