import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { passesTestedMarker, restartsCommandLine } from '../../../src/analysis/questions/launcher-markers.js';
import { analyzeCode, nodeByText } from '../../support/analyze-code.js';

/** Whether the start of `process.argv[1]` in `code` passes a marker the file tests. */
function passes(code: string): boolean {
  const analysis = analyzeCode(`import { fork, spawn } from 'node:child_process';\n${code}`, 'esm');
  const script = nodeByText(analysis, 'process.argv[1]') as TSESTree.Node;
  return passesTestedMarker(analysis, script);
}

describe('a launcher restarted with a marker the file tests', () => {
  it.each<[string, string, boolean]>([
    ['fork with the marker in its argument list', `if (process.argv[2] === 'worker') work(); else fork(process.argv[1], ['worker']);`, true],
    ['spawn of node with the marker after the script', `if (process.argv.includes('--child')) work(); else spawn(process.execPath, [process.argv[1], '--child']);`, true],
    ['an argument list held in a constant', `const ARGS = ['worker', '1']; if (process.argv[2] === 'worker') work(); else fork(process.argv[1], ARGS);`, true],
    ['a marker the file does not test', `fork(process.argv[1], ['worker']);`, false],
    ['a marker tested against another literal', `if (process.argv[2] === 'child') work(); else fork(process.argv[1], ['worker']);`, false],
    ['a marker before the script, a Node.js option', `if (process.argv[2] === 'worker') work(); else spawn(process.execPath, ['worker', process.argv[1]]);`, false],
  ])('%s', (_name, code, expected) => {
    expect(passes(code)).toBe(expected);
  });
});

/** Whether the start of `process.argv[1]` in `code` restarts the current command line. */
function restarts(code: string): boolean {
  const analysis = analyzeCode(`import { fork, spawn } from 'node:child_process';\n${code}`, 'esm');
  return restartsCommandLine(analysis, nodeByText(analysis, 'process.argv[1]') as TSESTree.Node);
}

describe('a launcher restarted with the rest of its own command line', () => {
  it.each<[string, string, boolean]>([
    ['spawn of node with the rest spread after the script', `spawn(process.execPath, [process.argv[1], ...process.argv.slice(2)]);`, true],
    ["after the process's own Node.js options", `spawn(process.execPath, [...process.execArgv, process.argv[1], ...process.argv.slice(2)]);`, true],
    ['fork given the rest as its list', `fork(process.argv[1], process.argv.slice(2));`, true],
    ['the rest held in a constant', `const rest = process.argv.slice(2); fork(process.argv[1], [...rest]);`, true],
    ['another argument after the rest', `spawn(process.execPath, [process.argv[1], ...process.argv.slice(2), '--restarted']);`, false],
    ['the rest from another index', `spawn(process.execPath, [process.argv[1], ...process.argv.slice(3)]);`, false],
    ['other arguments', `fork(process.argv[1], ['worker']);`, false],
    ['no arguments', `fork(process.argv[1]);`, false],
    ['a local array named like the command line', `const argv = ['a', 'b', 'c']; fork(process.argv[1], argv.slice(2));`, false],
  ])('%s', (_name, code, expected) => {
    expect(restarts(code)).toBe(expected);
  });
});
