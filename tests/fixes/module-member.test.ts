import { describe, expect, it } from 'vitest';

import { isNameFree, moduleMember, type MemberOptions } from '../../src/fixes/module-member.js';
import { analyzeCode, nodeByText } from '../support/analyze-code.js';
import { applyFixes } from '../support/apply-fixes.js';
import type { Language } from '../support/languages.js';

/**
 * How `worker_threads`'s `isMainThread` is read at the `here()` call of the snippet: the text, and
 * the file after the edits; undefined when it cannot be done without guessing.
 */
function access(code: string, language: Language = 'esm', options: MemberOptions = {}): { text: string; output: string } | undefined {
  const analysis = analyzeCode(code, language);
  const found = moduleMember(analysis, 'worker_threads', 'isMainThread', nodeByText(analysis, 'here()', 'CallExpression'), options);
  return found && { text: found.text, output: applyFixes(code, found.fixes) };
}

describe('reusing a binding the file has', () => {
  it.each<[string, string, string, Language?]>([
    ['a named import', `import { isMainThread } from 'node:worker_threads';\nhere();`, 'isMainThread'],
    ['a renamed import', `import { isMainThread as main } from 'worker_threads';\nhere();`, 'main'],
    ['a namespace import', `import * as wt from 'node:worker_threads';\nhere();`, 'wt.isMainThread'],
    ['a default import', `import wt from 'node:worker_threads';\nhere();`, 'wt.isMainThread'],
    ['a required module', `const wt = require('worker_threads');\nhere();`, 'wt.isMainThread', 'cjs'],
    ['a destructured require', `const { isMainThread: main } = require('worker_threads');\nhere();`, 'main', 'cjs'],
    ['a TypeScript import = require', `import wt = require('node:worker_threads');\nhere();`, 'wt.isMainThread', 'cts'],
  ])('%s', (_name, code, text, language) => {
    expect(access(code, language)).toEqual({ text, output: code });
  });
});

describe('extending or adding a binding', () => {
  it.each<[string, string, string, string, Language?]>([
    [
      'a named import of the module',
      `import { Worker } from 'node:worker_threads';\nhere();`,
      'isMainThread',
      `import { Worker, isMainThread } from 'node:worker_threads';\nhere();`,
    ],
    [
      'a destructured require of the module',
      `const { Worker } = require('worker_threads');\nhere();`,
      'isMainThread',
      `const { Worker, isMainThread } = require('worker_threads');\nhere();`,
      'cjs',
    ],
    [
      'a new import after the last one',
      `import fs from 'node:fs';\nhere();`,
      'isMainThread',
      `import fs from 'node:fs';\nimport { isMainThread } from 'node:worker_threads';\nhere();`,
    ],
    ['a new import in a file without one', `here();`, 'isMainThread', `import { isMainThread } from 'node:worker_threads';\nhere();`],
    ['an inline require in CommonJS', `here();`, `require('node:worker_threads').isMainThread`, `here();`, 'cjs'],
  ])('%s', (_name, code, text, output, language) => {
    expect(access(code, language)).toEqual({ text, output });
  });

  it.each<[string, string, string, string, Language, MemberOptions]>([
    [
      'a require statement after the last require',
      `'use strict';\nconst fs = require('fs');\nhere();`,
      'worker_threads.isMainThread',
      `'use strict';\nconst fs = require('fs');\nconst worker_threads = require('node:worker_threads');\nhere();`,
      'cjs',
      { add: 'require' },
    ],
    [
      'a require statement after the directives',
      `'use strict';\nhere();`,
      'worker_threads.isMainThread',
      `'use strict';\nconst worker_threads = require('node:worker_threads');\nhere();`,
      'cjs',
      { add: 'require' },
    ],
    [
      'a TypeScript import = require',
      `here();`,
      'worker_threads.isMainThread',
      `import worker_threads = require('node:worker_threads');\nhere();`,
      'cts',
      { add: 'require', typescript: true },
    ],
    [
      'an inline require when the module name is taken',
      `const worker_threads = 1;\nhere();`,
      `require('node:worker_threads').isMainThread`,
      `const worker_threads = 1;\nhere();`,
      'cjs',
      { add: 'require' },
    ],
  ])('%s', (_name, code, text, output, language, options) => {
    expect(access(code, language, options)).toEqual({ text, output });
  });
});

describe('when it cannot be done without guessing', () => {
  it.each<[string, string, Language?]>([
    ['the name is taken', `const isMainThread = false;\nhere();`],
    ['the name is a global the file reads', `console.log(isMainThread);\nhere();`],
    ['the name is taken in CommonJS', `let isMainThread;\nhere();`, 'cjs'],
  ])('%s', (_name, code, language) => {
    expect(access(code, language)).toBeUndefined();
  });

  it('does not use a binding shadowed where the member is read', () => {
    const code = `import * as wt from 'node:worker_threads';\nfunction f(wt) { here(); }`;
    expect(access(code)).toEqual({
      text: 'isMainThread',
      output: `import * as wt from 'node:worker_threads';\nimport { isMainThread } from 'node:worker_threads';\nfunction f(wt) { here(); }`,
    });
  });

  it('does not use a type-only import or a dynamic import', () => {
    expect(access(`import type { isMainThread } from 'node:worker_threads';\nhere();`, 'ts')).toBeUndefined();
    expect(access(`const wt = await import('node:worker_threads');\nhere();`)?.text).toBe('isMainThread');
  });
});

describe('free names', () => {
  it.each<[string, string, boolean]>([
    ['an unused name', `here();`, true],
    ['a declared name', `const name = 1;\nhere();`, false],
    ['a parameter where the name is asked', `function f(name) { here(); }`, false],
    ['a global the file reads', `use(name);\nhere();`, false],
    ['a name declared in another function', `function g() { const name = 1; }\nhere();`, true],
  ])('%s', (_name, code, expected) => {
    const analysis = analyzeCode(code);
    expect(isNameFree(analysis.sourceCode, nodeByText(analysis, 'here()', 'CallExpression'), 'name')).toBe(expected);
  });
});
