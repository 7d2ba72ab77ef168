import { describe, expect, it } from 'vitest';

import { parentGuard, wrapInGuardFix } from '../../src/fixes/start-guard.js';
import type { SelfSpawnMechanism } from '../../src/analysis/index.js';
import { analyzeCode, nodeByText } from '../support/analyze-code.js';
import { applyFixes } from '../support/apply-fixes.js';
import type { Language } from '../support/languages.js';

/** The snippet with the statement holding `start()` wrapped in the parent guard; undefined when no wrap is offered. */
function wrapped(code: string, mechanism: SelfSpawnMechanism, language: Language = 'esm'): string | undefined {
  const analysis = analyzeCode(code, language);
  const fix = wrapInGuardFix(analysis, mechanism, nodeByText(analysis, 'start()', 'CallExpression'));
  return fix && applyFixes(code, fix.apply);
}

describe('the guard of each mechanism', () => {
  it.each<[SelfSpawnMechanism, string, string]>([
    ['thread', `import { Worker } from 'node:worker_threads';\nstart();`, 'isMainThread'],
    ['cluster', `import cluster from 'node:cluster';\nstart();`, 'cluster.isPrimary'],
    ['fork', `start();`, 'process.send === undefined'],
  ])('%s', (mechanism, code, guard) => {
    const analysis = analyzeCode(code);
    expect(parentGuard(analysis, mechanism, nodeByText(analysis, 'start()', 'CallExpression'))?.text).toBe(guard);
  });

  it('offers none when the name it needs is taken', () => {
    const analysis = analyzeCode(`const isMainThread = true;\nstart();`);
    expect(parentGuard(analysis, 'thread', nodeByText(analysis, 'start()', 'CallExpression'))).toBeUndefined();
  });
});

describe('wrapping the start in the guard', () => {
  it.each<[string, string, SelfSpawnMechanism, string, Language?]>([
    [
      'a top-level statement, with the import the guard needs',
      `import { Worker } from 'node:worker_threads';\nstart();`,
      'thread',
      `import { Worker, isMainThread } from 'node:worker_threads';\nif (isMainThread) {\n  start();\n}`,
    ],
    ['a fork in CommonJS', `start();`, 'fork', `if (process.send === undefined) {\n  start();\n}`, 'cjs'],
    [
      'an indented statement of several lines',
      `function main() {\n  start()\n    .then(done);\n}`,
      'fork',
      `function main() {\n  if (process.send === undefined) {\n    start()\n      .then(done);\n  }\n}`,
    ],
    [
      'the statement of an immediately invoked function',
      `(() => start())();`,
      'fork',
      `if (process.send === undefined) {\n  (() => start())();\n}`,
    ],
    ['a statement of a switch case', `switch (mode) {\n  case 1:\n    start();\n}`, 'fork', `switch (mode) {\n  case 1:\n    if (process.send === undefined) {\n      start();\n    }\n}`],
    ['a TypeScript file', `start() as unknown;`, 'fork', `if (process.send === undefined) {\n  start() as unknown;\n}`, 'ts'],
  ])('%s', (_name, code, mechanism, expected, language) => {
    expect(wrapped(code, mechanism, language)).toBe(expected);
  });

  it.each<[string, string]>([
    ['a declaration, whose binding later code reads', `const child = start();`],
    ['an if without braces', `if (ready) start();`],
    ['a return', `function f() { return start(); }`],
    ['an arrow body', `const f = () => start();`],
  ])('offers none for %s', (_name, code) => {
    expect(wrapped(code, 'fork')).toBeUndefined();
  });
});
