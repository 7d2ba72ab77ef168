import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { shellAtSite, shellOfOptions, strongest, type ShellMode } from '../../../src/analysis/questions/shell-option.js';
import { analyzeCode, nodeByText } from '../../support/analyze-code.js';
import type { Language } from '../../support/languages.js';

const PRELUDE = `import { spawn, execFile } from 'node:child_process';\n`;

/** The shell mode of the snippet's last start. */
function shellOf(code: string, fromCaller = false, language: Language = 'esm'): ShellMode {
  const analysis = analyzeCode(`${PRELUDE}${code}`, language);
  const site = analysis.starters.at(-1);
  if (!site) throw new Error('no start');
  return shellAtSite(analysis, site, fromCaller);
}

describe('the shell mode of a start', () => {
  it.each<[string, string, ShellMode, Language?]>([
    ['shell: true', `spawn('npm', ['i'], { shell: true });`, 'yes'],
    ['a shell path', `spawn('npm', ['i'], { shell: '/bin/sh' });`, 'yes'],
    ['shell: true through a constant', `const options = { shell: true };\nspawn('npm', ['i'], options);`, 'yes'],
    ['shell: true in TypeScript', `spawn('npm', ['i'], { shell: true } as const);`, 'yes', 'ts'],
    ['shell: false', `spawn('npm', ['i'], { shell: false });`, 'no'],
    ['shell: undefined', `spawn('npm', ['i'], { shell: undefined });`, 'no'],
    ['no options', `spawn('npm', ['i']);`, 'no'],
    ['options without shell', `spawn('npm', ['i'], { cwd: dir });`, 'no'],
    ['an unknown value after the command is the argument list', `spawn('npm', args);`, 'no'],
    ['a callback after the arguments', `execFile('npm', ['i'], () => {});`, 'no'],
    ['a named callback after the arguments', `function done() {}\nexecFile('npm', ['i'], done);`, 'no'],
    ['null options', `spawn('npm', ['i'], null);`, 'no'],
    ['a shell flag the file does not show', `spawn('npm', ['i'], { shell: useShell });`, 'maybe'],
    ['options the file does not show', `spawn('npm', ['i'], options);`, 'maybe'],
    ['a spread in the options', `spawn('npm', ['i'], { ...options });`, 'maybe'],
    ['a spread of the arguments', `spawn('npm', ...rest);`, 'maybe'],
    ['shell: true before a spread wins', `spawn('npm', ['i'], { shell: true, ...options });`, 'yes'],
  ])('%s', (_name, code, expected, language) => {
    expect(shellOf(code, false, language)).toBe(expected);
  });

  it('is unknown for a start that is not a call', () => {
    const analysis = analyzeCode(`import { Worker } from 'node:worker_threads';\nnew Worker('./w.js');`);
    expect(shellAtSite(analysis, analysis.starters[0]!)).toBe('maybe');
  });

  it('leaves what a wrapper parameter holds to the callers', () => {
    const code = `function run(cmd, options) { spawn(cmd, ['i'], options); }`;
    expect(shellOf(code)).toBe('maybe');
    expect(shellOf(code, true)).toBe('no');
    const spread = `function run(cmd, options) { spawn(cmd, ['i'], { ...options }); }`;
    expect(shellOf(spread)).toBe('maybe');
    expect(shellOf(spread, true)).toBe('no');
  });
});

describe('the shell mode of an options value', () => {
  function optionsMode(code: string, text: string, maybeArgumentList = false): ShellMode {
    const analysis = analyzeCode(code);
    return shellOfOptions(analysis, nodeByText(analysis, text) as TSESTree.Expression, maybeArgumentList);
  }

  it.each<[string, string, boolean, ShellMode]>([
    ['f({ shell: true });', '{ shell: true }', false, 'yes'],
    ['f({});', '{}', false, 'no'],
    ['f([1]);', '[1]', false, 'no'],
    ['f(options);', 'options', false, 'maybe'],
    ['f(options);', 'options', true, 'no'],
  ])('%s %s', (code, text, maybeArgumentList, expected) => {
    expect(optionsMode(code, text, maybeArgumentList)).toBe(expected);
  });
});

describe('the strongest mode', () => {
  it.each<[ShellMode[], ShellMode]>([
    [[], 'no'],
    [['no', 'no'], 'no'],
    [['no', 'maybe'], 'maybe'],
    [['maybe', 'yes', 'no'], 'yes'],
  ])('%j', (modes, expected) => {
    expect(strongest(modes)).toBe(expected);
  });
});
