/** A POSIX program picked against its Windows counterpart does not occur on Windows. */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { valuesByPlatform } from '../../../src/analysis/questions/platform.js';
import { UNKNOWN_PART } from '../../../src/analysis/file/values.js';
import { allNodes, analyzeCode, nodeByText } from '../../support/analyze-code.js';

describe('Windows counterparts', () => {
  /** Whether each value of `target(…)`'s first argument can occur on Windows. */
  function onWindows(code: string): [string, boolean][] {
    const analysis = analyzeCode(code);
    const call = nodeByText(analysis, code.slice(code.indexOf('target(')).replace(/;[\s\S]*$/, ''), 'CallExpression') as TSESTree.CallExpression;
    return valuesByPlatform(analysis, analysis.values.strings(call.arguments[0]!), [call]).map(({ value, platforms }) => [value.replace(UNKNOWN_PART, '?'), platforms.has('win32')]);
  }

  it.each<[string, string, [string, boolean][]]>([
    ['a conditional', `target(flags.win ? 'where' : 'which');`, [['where', true], ['which', false]]],
    ['the branches the other way round', `target(flags.posix ? 'kill' : 'taskkill.exe');`, [['kill', false], ['taskkill.exe', true]]],
    ['a command line', `target(win ? 'taskkill /pid ' + pid : 'kill ' + pid);`, [['taskkill /pid ?', true], ['kill ?', false]]],
    ['a template around the conditional', 'target(`${win ? "where" : "command -v"} git`);', [['where git', true], ['command -v git', false]]],
    ['if/else writes', `let p; if (env.win) { p = 'tasklist'; } else { p = 'ps'; } target(p);`, [['tasklist', true], ['ps', false]]],
    ['a replaced value', `let p = 'rm'; if (env.win) p = 'del'; target(p);`, [['rm', false], ['del', true]]],
    ['a program that is not the counterpart', `target(flags.win ? 'rimraf' : 'rm');`, [['rimraf', true], ['rm', true]]],
    ['a readable test', `target(process.platform === 'linux' ? 'where' : 'which');`, [['where', false], ['which', true]]],
    ['a Windows shell for a POSIX one', `target(opts.win ? 'cmd.exe' : '/bin/sh');`, [['cmd.exe', true], ['/bin/sh', false]]],
    ['an else-if chain', `let p; if (env.win) p = 'taskkill'; else if (env.mac) p = 'kill'; else p = 'pkill'; target(p);`, [['taskkill', true], ['kill', false], ['pkill', false]]],
    ['unrelated conditionals', `target((a ? 'which' : 'whereis') + (b ? ' x' : ' y'));`, [['which x', true], ['which y', true], ['whereis x', true], ['whereis y', true]]],
  ])('%s', (_name, code, expected) => {
    expect(onWindows(code)).toEqual(expected);
  });

  /** The same, with the first argument of every `other(…)` call as the commands of the file's other starts. */
  function onWindowsBeside(code: string): [string, boolean][] {
    const analysis = analyzeCode(code);
    const calls = allCalls(analysis);
    const target = calls.find((call) => call.callee.type === 'Identifier' && call.callee.name === 'target')!;
    const elsewhere = calls.filter((call) => call.callee.type === 'Identifier' && call.callee.name === 'other').flatMap((call) => analysis.values.strings(call.arguments[0]!));
    const values = analysis.values.strings(target.arguments[0]!);
    return valuesByPlatform(analysis, values, [target], values, elsewhere).map(({ value, platforms }) => [value, platforms.has('win32')]);
  }

  it.each<[string, string, boolean]>([
    ['the counterpart started in the other branch', `if (opts.win) other('cmd.exe'); else target('/bin/sh');`, false],
    ['in the other branch of a conditional', `opts.win ? other('where') : target('which');`, false],
    ['another program there', `if (opts.win) other('node'); else target('/bin/sh');`, true],
    ['the counterpart outside the conditional', `other('cmd.exe');\nif (opts.win) other('node'); else target('/bin/sh');`, true],
    ['no other branch', `if (opts.win) other('cmd.exe');\ntarget('/bin/sh');`, true],
    ['a readable test', `if (process.platform === 'linux') other('cmd.exe'); else target('/bin/sh');`, true],
  ])('%s', (_name, code, expected) => {
    expect(onWindowsBeside(code).map(([, windows]) => windows)).toEqual([expected]);
  });
});

function allCalls(analysis: ReturnType<typeof analyzeCode>): TSESTree.CallExpression[] {
  return allNodes(analysis).filter((node): node is TSESTree.CallExpression => node.type === 'CallExpression');
}
