import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { usedFromWorkingDirectory } from '../../../src/analysis/questions/working-directory-uses.js';
import { analyzeCode } from '../../support/analyze-code.js';

/** Whether the script of the last `fork()` of `code` is also passed to another call. */
function used(code: string, language: 'esm' | 'cjs' = 'esm'): boolean {
  const analysis = analyzeCode(code, language);
  const site = analysis.starters.at(-1);
  if (!site?.target) throw new Error('no start');
  const starts = new Set<TSESTree.Node>(analysis.starters.flatMap((start) => (start.target ? [start.target] : [])));
  return usedFromWorkingDirectory(analysis, site.target, starts);
}

const ESM = `import { fork } from 'node:child_process';\nimport { writeFileSync } from 'node:fs';\nimport path from 'node:path';\n`;
const CJS = `const { fork } = require('child_process');\nconst path = require('path');\n`;

describe('a relative path the file also makes or uses', () => {
  it.each<[string, string, boolean, ('esm' | 'cjs')?]>([
    ['the same literal, written by a call', `${ESM}writeFileSync('./gen.js', code); fork('gen.js');`, true],
    ['the same constant, as an option', `${ESM}const OUT = './out.js'; build({ outfile: OUT }); fork(OUT);`, true],
    ['a constant holding a path call', `${ESM}const OUT = path.resolve('out.js'); build({ outfile: OUT }); fork(OUT);`, true],
    ['the same text only loaded as a module', `${CJS}require('./gen.js'); fork('./gen.js');`, false, 'cjs'],
    ['the same text only resolved from the module', `${CJS}require.resolve('./gen.js'); fork(path.join(__dirname, 'x'), []); fork('./gen.js');`, false, 'cjs'],
    ['the same text only built from the module folder', `${ESM}const p = path.join(import.meta.dirname, 'gen.js'); fork('./gen.js');`, false],
    ['the same text only in a URL', `${ESM}new URL('./gen.js', import.meta.url); fork('./gen.js');`, false],
    ['the same text only printed', `${ESM}console.log('./gen.js'); fork('./gen.js');`, false],
    ['the same text only started again', `${ESM}fork('./gen.js'); fork('./gen.js');`, false],
    ['another text', `${ESM}writeFileSync('./other.js', code); fork('./gen.js');`, false],
  ])('%s', (_name, code, expected, language = 'esm') => {
    expect(used(code, language)).toBe(expected);
  });
});
