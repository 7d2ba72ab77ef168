import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { isCaughtHere, isRejectionHandled, stringsByPlatform, valuesByPlatform } from '../../../src/analysis/questions/platform.js';
import { refKey } from '../../../src/analysis/file/references.js';
import { isComplete, UNKNOWN_PART } from '../../../src/analysis/file/values.js';
import { analyzeCode, nodeByText } from '../../support/analyze-code.js';
import type { Language } from '../../support/languages.js';

/** The strings the first argument of `target(…)` can take. */
function strings(code: string, language: Language = 'esm'): string[] {
  const analysis = analyzeCode(code, language);
  const call = nodeByText(analysis, code.slice(code.indexOf('target(')).replace(/;[\s\S]*$/, ''), 'CallExpression') as TSESTree.CallExpression;
  return analysis.values.strings(call.arguments[0]!).filter(isComplete).map((possible) => possible.value);
}

describe('complete possible strings', () => {
  it.each<[string, string, string[], Language?]>([
    ['a literal', `target('npm');`, ['npm']],
    ['a template without substitutions', 'target(`npm`);', ['npm']],
    ['a constant', `const npm = 'npm'; target(npm);`, ['npm']],
    ['a conditional', `target(isWindows ? 'npm.cmd' : 'npm');`, ['npm.cmd', 'npm']],
    ['a conditional constant', `const npm = isWindows ? 'npm.cmd' : 'npm'; target(npm);`, ['npm.cmd', 'npm']],
    ['a logical default', `target(process.env.SHELL || 'sh');`, ['sh']],
    ['a concatenation', `target('npm' + (isWindows ? '.cmd' : ''));`, ['npm.cmd', 'npm']],
    ['a template', 'target(`${isWindows ? "yarn.cmd" : "yarn"}`);', ['yarn.cmd', 'yarn']],
    ['a TypeScript assertion', `const tool = 'grep' as const; target(tool as string);`, ['grep'], 'ts'],
    ['an unknown value', `target(command);`, []],
    ['a partly unknown concatenation', `target(prefix + '.cmd');`, []],
    ['a reassigned variable keeps its known value', `let npm = 'npm'; npm = other; target(npm);`, ['npm']],
  ])('%s', (_name, code, expected, language) => {
    expect(strings(code, language)).toEqual(expected);
  });

  it('tells on which platforms each value occurs', () => {
    const analysis = analyzeCode(`const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
target(npm);`);
    const call = nodeByText(analysis, 'target(npm)', 'CallExpression') as TSESTree.CallExpression;
    const values = stringsByPlatform(analysis, call.arguments[0]!, call);
    expect(values.map(({ value, platforms }) => [value, platforms.has('win32'), platforms.size])).toEqual([
      ['npm.cmd', true, 1],
      ['npm', false, 10],
    ]);
  });

  it('keeps the platforms of template branches with substitutions', () => {
    const code = `export const has = (name) => target(process.platform === 'win32' ? \`where.exe \${name}\` : \`which \${name}\`);`;
    const analysis = analyzeCode(code);
    const call = nodeByText(analysis, code.slice(code.indexOf('target('), -1), 'CallExpression') as TSESTree.CallExpression;
    const values = valuesByPlatform(analysis, analysis.values.strings(call.arguments[0]!), [call]);
    expect(values.map(({ value, platforms }) => [value.replace(UNKNOWN_PART, '?'), platforms.has('win32'), platforms.size])).toEqual([
      ['where.exe ?', true, 1],
      ['which ?', false, 10],
    ]);
  });
});

describe('dynamic import', () => {
  it('records import() as a load and labels the awaited module', () => {
    const analysis = analyzeCode(`const { spawn } = await import('node:child_process');
spawn('x');
import('fsevents');
import(name);`);
    expect(analysis.references.loads.map((load) => `${load.module}:${load.style}`)).toEqual([
      'child_process:dynamic-import',
      'fsevents:dynamic-import',
    ]);
    expect(analysis.starters.map((site) => refKey(site.callee))).toEqual(['child_process:spawn']);
  });

  it('ignores import.meta and type imports', () => {
    const analysis = analyzeCode(`type Watch = typeof import('fsevents');
const url = import.meta.url;`, 'ts');
    expect(analysis.references.loads).toEqual([]);
  });
});

describe('failure handling', () => {
  function handled(code: string): boolean {
    const analysis = analyzeCode(code);
    return isRejectionHandled(analysis, nodeByText(analysis, `import('x')`, 'ImportExpression'));
  }

  it.each<[string, string, boolean]>([
    ['.catch()', `import('x').catch(() => {});`, true],
    ['two-argument .then()', `import('x').then(() => {}, () => {});`, true],
    ['.catch() after .then()', `import('x').then((m) => m).finally(() => {}).catch(() => {});`, true],
    ['await in try/catch', `try { await import('x'); } catch {}`, true],
    ['await of a chain in try/catch', `try { await import('x').then((m) => m.default); } catch {}`, true],
    ['a bare import()', `import('x');`, false],
    ['one-argument .then()', `import('x').then(() => {});`, false],
    ['not awaited in try', `try { import('x'); } catch {}`, false],
    ['await in try/finally', `try { await import('x'); } finally {}`, false],
    ['await in a callback made in a try', `try { setTimeout(async () => { await import('x'); }); } catch {}`, false],
  ])('%s', (_name, code, expected) => {
    expect(handled(code)).toBe(expected);
  });

  it('counts a try/catch only in the same function', () => {
    const analysis = analyzeCode(`try { target(); later(() => other()); } catch {}`);
    expect(isCaughtHere(analysis, nodeByText(analysis, 'target()', 'CallExpression'))).toBe(true);
    expect(isCaughtHere(analysis, nodeByText(analysis, 'other()', 'CallExpression'))).toBe(false);
  });

  it.each<[string, string, boolean]>([
    ['a .finally callback of a chain that ends in .catch', `p.finally(() => { target(); }).catch(noop);`, true],
    ['a .then callback, then a two-argument .then', `p.then(() => target()).then(done, failed);`, true],
    ['a .catch callback, then .catch', `p.catch(() => target()).catch(noop);`, true],
    // Reported twins: nothing handles the derived promise, the handler beside the callback, a deeper callback.
    ['a .then callback with no handler after it', `p.then(() => { target(); });`, false],
    ['the rejection handler of the same .then', `p.then(() => target(), failed);`, false],
    ['a timer inside the callback', `p.then(() => { setTimeout(() => target()); }).catch(noop);`, false],
    ['a .then of another method chain', `p.then(() => target()).map(noop).catch(noop);`, false],
  ])('counts a throw in a promise callback as caught when the promise it rejects is handled: %s', (_name, code, expected) => {
    const analysis = analyzeCode(code);
    expect(isCaughtHere(analysis, nodeByText(analysis, 'target()', 'CallExpression'))).toBe(expected);
  });
});
